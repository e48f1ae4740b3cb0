/**
 * The check's findings, by severity (errors first) with their counts and a filter per severity; the
 * same finding over many cells of a sheet is one line with its cells, expandable. Each finding
 * shows its message, unit and cell, selects that cell in Excel when clicked, and has "Sửa" where a
 * click can fix it.
 */
import {
  Button,
  Caption1,
  CounterBadge,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  shorthands,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import {
  findingMessage,
  groupFindings,
  isFixable,
  SEVERITIES,
  UI_TEXT,
  type Finding,
  type FindingGroup,
  type Lang,
  type Severity,
} from "../../core";
import type { ReadScope } from "../../adapters/office/read";
import type { ValidateResult } from "../operations";
import { PANE_TEXT } from "../strings";
import { VIEW_STYLES } from "./viewStyles";

/** The same finding on at least this many cells of a sheet is one line (a few stay separate lines). */
const GROUP_MINIMUM = 5;

/** Findings shown per group before "show all" (a sheet of 10,000 units can hold thousands). */
const FIRST_SHOWN = 100;

const useStyles = makeStyles({
  ...VIEW_STYLES,
  heading: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  groupHeader: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: "2px",
  },
  item: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    gap: "2px",
    width: "100%",
    textAlign: "left",
    cursor: "pointer",
    fontFamily: "inherit",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    ...shorthands.border("1px", "solid", tokens.colorNeutralStroke2),
    borderLeftWidth: "3px",
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outlineWidth: tokens.strokeWidthThick,
      outlineStyle: "solid",
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    ...shorthands.borderColor(tokens.colorNeutralStroke1Selected),
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorderActive },
  warning: { borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  where: {
    display: "flex",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground3,
  },
  unit: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  cell: { flexShrink: 0, color: tokens.colorNeutralForeground2, fontVariantNumeric: "tabular-nums" },
  dot: { width: "8px", height: "8px", borderRadius: "50%", flexShrink: 0 },
  line: { display: "flex", alignItems: "stretch", gap: tokens.spacingHorizontalXS },
  nested: { paddingLeft: tokens.spacingHorizontalL, marginTop: "2px" },
  filters: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  dotError: { backgroundColor: tokens.colorStatusDangerBorderActive },
  dotWarning: { backgroundColor: tokens.colorStatusWarningBorderActive },
  dotInfo: { backgroundColor: tokens.colorBrandStroke1 },
});

const BADGE_COLOR: Record<Severity, "danger" | "important" | "brand"> = {
  error: "danger",
  warning: "important",
  info: "brand",
};

export interface FindingsViewProps {
  readonly result: ValidateResult;
  readonly scope: ReadScope;
  readonly lang: Lang;
  /** Key of the finding whose cell was selected last. */
  readonly selected?: string;
  readonly onSelect: (finding: Finding) => void;
  /** The severities shown (the filter); marks follow it. */
  readonly shown: Readonly<Record<Severity, boolean>>;
  readonly onShownChange: (shown: Record<Severity, boolean>) => void;
  /** Fixes the findings' cells (a fix the user clicks); absent where the pane cannot. */
  readonly onFix?: (findings: ReadonlyArray<Finding>) => void;
  readonly disabled?: boolean;
}

/** Identifies a finding in the list (one code per cell). */
export function findingKey(f: Finding): string {
  return `${f.code}|${f.sheet}|${f.cell}`;
}

function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function FindingsView({
  result,
  scope,
  lang,
  selected,
  onSelect,
  shown,
  onShownChange,
  onFix,
  disabled,
}: FindingsViewProps): React.JSX.Element {
  const styles = useStyles();
  const t = PANE_TEXT[lang];
  const [showAll, setShowAll] = useState<Partial<Record<Severity, boolean>>>({});
  const [open, setOpen] = useState<Readonly<Record<string, boolean>>>({});
  const { analysis } = result;
  const counts = analysis.summary;
  const criteriaTables = analysis.tables.filter((x) => x.kind === "criteria").length;
  const units = analysis.blocks.reduce((n, b) => n + b.units.length, 0);
  const source =
    result.frameworkSource === "workbook"
      ? t.frameworkFromWorkbook
      : result.frameworkSource === "given"
        ? t.frameworkGiven
        : t.frameworkDefault;
  const dotClass: Record<Severity, string> = {
    error: styles.dotError,
    warning: styles.dotWarning,
    info: styles.dotInfo,
  };
  const itemClass: Record<Severity, string> = {
    error: styles.error,
    warning: styles.warning,
    info: styles.info,
  };

  let overall: { intent: "success" | "warning" | "error"; text: string };
  if (analysis.blocks.length === 0)
    overall = { intent: "warning", text: scope === "active" ? t.noTablesActive : t.noTables };
  else if (counts.error > 0) overall = { intent: "error", text: t.someErrors(counts.error) };
  else if (counts.warning > 0) overall = { intent: "warning", text: t.onlyWarnings(counts.warning) };
  else overall = { intent: "success", text: t.allGood };

  const fixButton = (findings: ReadonlyArray<Finding>, label: string): React.JSX.Element | null =>
    onFix && findings.some(isFixable) ? (
      <Button
        size="small"
        appearance="secondary"
        disabled={disabled}
        onClick={() => onFix(findings.filter(isFixable))}
        data-testid="fix"
        aria-label={label}
      >
        {t.fix}
      </Button>
    ) : null;

  const findingButton = (f: Finding, severity: Severity): React.JSX.Element => {
    const key = findingKey(f);
    return (
      <div className={styles.line} key={key}>
        <button
          type="button"
          className={mergeClasses(styles.item, itemClass[severity], selected === key && styles.selected)}
          onClick={() => onSelect(f)}
          aria-pressed={selected === key}
          title={`${t.findingCell} ${quoteSheet(f.sheet)}!${f.cell}`}
          data-testid="finding"
          data-severity={severity}
          data-cell={`${f.sheet}!${f.cell}`}
        >
          <span className={styles.message}>{findingMessage(f, lang)}</span>
          <span className={styles.where}>
            <span className={styles.unit}>{f.unit ?? ""}</span>
            <span className={styles.cell}>{`${f.sheet}!${f.cell}`}</span>
          </span>
        </button>
        {fixButton([f], `${t.fix} ${f.sheet}!${f.cell}`)}
      </div>
    );
  };

  const groupLine = (g: FindingGroup): React.JSX.Element => {
    const expanded = open[g.key] === true;
    const title = t.groupTitle(g.code, g.findings.length, g.span);
    return (
      <li key={g.key} data-testid="finding-group" data-code={g.code} data-count={g.findings.length}>
        <div className={styles.line}>
          <button
            type="button"
            className={mergeClasses(styles.item, itemClass[g.severity])}
            onClick={() => setOpen({ ...open, [g.key]: !expanded })}
            aria-expanded={expanded}
            data-testid="group-toggle"
          >
            <span className={styles.message}>
              {expanded ? "▾ " : "▸ "}
              {title}
            </span>
          </button>
          {fixButton(g.findings, `${t.fix}: ${title}`)}
        </div>
        {expanded && (
          <ul className={mergeClasses(styles.list, styles.nested)}>
            {g.findings.map((f) => (
              <li key={findingKey(f)}>{findingButton(f, g.severity)}</li>
            ))}
          </ul>
        )}
      </li>
    );
  };

  return (
    <section className={styles.section} aria-label={t.resultsTitle} data-testid="findings">
      <div className={styles.heading}>
        <h2 className={styles.title}>{t.resultsTitle}</h2>
        <Caption1 className={styles.muted}>
          {t.tablesRead(criteriaTables, units)} · {t.frameworkUsed(analysis.framework.name, source)}
        </Caption1>
      </div>
      <MessageBar intent={overall.intent} data-testid="overall">
        <MessageBarBody>{overall.text}</MessageBarBody>
      </MessageBar>
      <div className={styles.filters} role="group" aria-label={t.filterLabel}>
        {SEVERITIES.map((severity) => (
          <ToggleButton
            key={severity}
            size="small"
            checked={shown[severity]}
            onClick={() => onShownChange({ ...shown, [severity]: !shown[severity] })}
            data-testid={`filter-${severity}`}
          >
            {UI_TEXT[lang].severity[severity]} ({counts[severity]})
          </ToggleButton>
        ))}
      </div>
      {SEVERITIES.filter((s) => counts[s] > 0 && shown[s]).map((severity) => {
        const list = analysis.findings.filter((f) => f.severity === severity);
        const groups = groupFindings(list, GROUP_MINIMUM);
        const visible = showAll[severity] ? groups : groups.slice(0, FIRST_SHOWN);
        const label = UI_TEXT[lang].severity[severity];
        return (
          <div key={severity} className={styles.group} data-testid={`group-${severity}`}>
            <div className={styles.groupHeader} role="heading" aria-level={3}>
              <span className={mergeClasses(styles.dot, dotClass[severity])} aria-hidden />
              <span>{label}</span>
              <CounterBadge
                count={list.length}
                size="small"
                color={BADGE_COLOR[severity]}
                overflowCount={9999}
              />
            </div>
            <ul className={styles.list}>
              {visible.map((g) =>
                g.findings.length === 1 ? (
                  <li key={g.key}>{findingButton(g.findings[0]!, severity)}</li>
                ) : (
                  groupLine(g)
                ),
              )}
            </ul>
            {visible.length < groups.length && (
              <Button
                size="small"
                appearance="transparent"
                onClick={() => setShowAll({ ...showAll, [severity]: true })}
              >
                {t.findingsMore(groups.length - visible.length)} · {t.showAll}
              </Button>
            )}
          </div>
        );
      })}
    </section>
  );
}
