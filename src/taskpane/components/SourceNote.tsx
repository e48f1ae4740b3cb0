/**
 * A label with a small info button that shows or hides a note under it (a disclosure), in place of
 * Fluent UI's `InfoLabel`, whose popover brings positioning, floating-ui and tabster (~15 KB
 * gzipped) for the criteria's sources. The button looks like InfoLabel's (Fluent's Info12 icon,
 * filled on hover and while open) and says whether the note is shown (`aria-expanded`).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, useState } from "react";

/** Fluent UI System Icons' Info12Regular and Info12Filled (MIT), drawn inline. */
const INFO_REGULAR =
  "M5.5 6.5a.5.5 0 0 1 1 0V8a.5.5 0 0 1-1 0zM6 3.75a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5M1 6a5 5 0 1 1 10 0A5 5 0 0 1 1 6m5-4a4 4 0 1 0 0 8 4 4 0 0 0 0-8";
const INFO_FILLED =
  "M11 6A5 5 0 1 1 1 6a5 5 0 0 1 10 0m-5.5.5V8a.5.5 0 0 0 1 0V6.5a.5.5 0 0 0-1 0M6 3.75a.75.75 0 1 0 0 1.5.75.75 0 0 0 0-1.5";

const useStyles = makeStyles({
  // As InfoLabel's small label.
  line: {
    verticalAlign: "middle",
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  button: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    verticalAlign: "middle",
    boxSizing: "border-box",
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    border: "none",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    "& .filled": { display: "none" },
    ":hover": { color: tokens.colorNeutralForeground2BrandHover },
    ":hover .filled": { display: "inline" },
    ":hover .regular": { display: "none" },
    ":hover:active": { color: tokens.colorNeutralForeground2BrandPressed },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    },
    "@media (forced-colors: active)": { color: "CanvasText" },
  },
  open: {
    color: tokens.colorNeutralForeground2BrandSelected,
    "& .filled": { display: "inline" },
    "& .regular": { display: "none" },
  },
  note: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    paddingBottom: tokens.spacingVerticalXXS,
  },
});

export function SourceNote({
  label,
  note,
  buttonLabel,
}: {
  label: string;
  note: string;
  /** The info button's accessible name, e.g. "Nguồn: Nhận thức". */
  buttonLabel: string;
}): React.JSX.Element {
  const styles = useStyles();
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <span className={styles.line}>{label}</span>
      <button
        type="button"
        className={mergeClasses(styles.button, open && styles.open)}
        aria-expanded={open}
        aria-controls={`${id}note`}
        aria-label={buttonLabel}
        title={note}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === "Escape" && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      >
        <svg width="12" height="12" viewBox="0 0 12 12" fill="currentColor" aria-hidden focusable="false">
          <path className="regular" d={INFO_REGULAR} />
          <path className="filled" d={INFO_FILLED} />
        </svg>
      </button>
      <div id={`${id}note`} role="note" className={styles.note} hidden={!open}>
        {note}
      </div>
    </>
  );
}
