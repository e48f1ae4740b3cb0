/**
 * The pane's two tabs, in place of Fluent UI's `TabList` (~8 KB gzipped with its animated
 * indicator, and tabster's arrow-key mover). Same look as `<TabList size="small">`, same keyboard:
 * one tab stop (the selected tab), Left/Right (wrapping), Home and End move the focus, Enter or
 * Space selects.
 */
import { makeStyles, mergeClasses, tokens, type GriffelStyle } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";

/** A tab's bar under its label: the hover bar and the selection bar have this one shape. */
const BAR = {
  content: '""',
  position: "absolute",
  bottom: 0,
  height: tokens.strokeWidthThick,
  left: tokens.spacingHorizontalSNudge,
  right: tokens.spacingHorizontalSNudge,
  borderRadius: tokens.borderRadiusCircular,
} satisfies GriffelStyle;

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "row", flexShrink: 0, alignItems: "stretch", position: "relative" },
  tab: {
    display: "grid",
    alignItems: "center",
    justifyContent: "center",
    flexShrink: 0,
    position: "relative",
    overflow: "hidden",
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    backgroundColor: tokens.colorTransparentBackground,
    cursor: "pointer",
    fontFamily: tokens.fontFamilyBase,
    lineHeight: tokens.lineHeightBase300,
    textTransform: "none",
    outlineStyle: "none",
    color: tokens.colorNeutralForeground2,
    ":hover": { color: tokens.colorNeutralForeground2Hover },
    ":active": { color: tokens.colorNeutralForeground2Pressed },
    // The selection bar (::after) and the hover bar (::before), as Fluent's small horizontal tabs.
    "::before": BAR,
    "::after": { ...BAR, backgroundColor: tokens.colorTransparentStroke },
    ":hover::before": { backgroundColor: tokens.colorNeutralStroke1Hover },
    ":active::before": { backgroundColor: tokens.colorNeutralStroke1Pressed },
    ":focus-visible": {
      zIndex: 1,
      boxShadow: `${tokens.shadow4}, 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}`,
    },
    "@media (forced-colors: active)": {
      ":hover::before": { backgroundColor: "Highlight" },
      ":focus-visible": { outline: `${tokens.strokeWidthThick} solid Highlight` },
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    ":hover": { color: tokens.colorNeutralForeground1Hover },
    ":active": { color: tokens.colorNeutralForeground1Pressed },
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
    ":hover::after": { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    ":active::after": { backgroundColor: tokens.colorCompoundBrandStrokePressed },
    ":hover::before": { backgroundColor: tokens.colorTransparentStroke },
    "@media (forced-colors: active)": { "::after": { backgroundColor: "ButtonText" } },
  },
  // The label and a hidden bold copy share one grid cell, so selecting a tab does not widen it.
  label: {
    gridColumnStart: 1,
    gridRowStart: 1,
    overflow: "hidden",
    padding: `${tokens.spacingVerticalNone} ${tokens.spacingHorizontalXXS}`,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
  },
  strong: { fontWeight: tokens.fontWeightSemibold },
  reserved: { visibility: "hidden" },
});

export interface TabItem<V extends string> {
  readonly value: V;
  readonly label: string;
}

/** The tab the arrow keys move to from `index` (wrapping), or undefined for other keys. */
export function tabIndexAfterKey(key: string, index: number, count: number): number | undefined {
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return undefined;
  }
}

export function Tabs<V extends string>({
  tabs,
  selected,
  onSelect,
  className,
}: {
  tabs: ReadonlyArray<TabItem<V>>;
  selected: V;
  onSelect: (value: V) => void;
  className?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number): void => {
    const next = tabIndexAfterKey(e.key, index, tabs.length);
    if (next === undefined) return;
    e.preventDefault();
    list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[next]?.focus();
  };

  return (
    <div
      ref={list}
      role="tablist"
      aria-orientation="horizontal"
      className={mergeClasses(styles.list, className)}
    >
      {tabs.map((tab, i) => {
        const on = tab.value === selected;
        return (
          <button
            key={tab.value}
            type="button"
            role="tab"
            aria-selected={on}
            tabIndex={on ? 0 : -1}
            className={mergeClasses(styles.tab, on && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
            data-value={tab.value}
          >
            <span className={mergeClasses(styles.label, on && styles.strong)}>{tab.label}</span>
            <span className={mergeClasses(styles.label, styles.strong, styles.reserved)} aria-hidden>
              {tab.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}
