/**
 * The settings: the framework's criteria (max points), level thresholds and reduced-maximum units,
 * each shown with where it comes from. Saved into the workbook (very hidden sheet CQS_Settings),
 * where the `cqs` command reads the same settings.
 */
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import {
  compileFramework,
  DEFAULT_FRAMEWORK,
  exactToString,
  FrameworkError,
  frameworkErrorMessage,
  localNumber,
  parseNumberText,
  sumExact,
  type Framework,
  type Lang,
  type ReducedMax,
} from "../../core";
import { PANE_TEXT } from "../strings";
import { SourceNote } from "./SourceNote";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase300 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  thNum: { textAlign: "right" },
  td: { padding: `${tokens.spacingVerticalXXS} 0`, verticalAlign: "middle" },
  tdNum: { width: "76px", textAlign: "right" },
  sumRow: { fontWeight: tokens.fontWeightSemibold, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  num: { width: "68px", textAlign: "right" },
  thresholds: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  fill: { width: "100%", minWidth: 0 },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  reducedRow: { display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "center" },
  grow: { flexGrow: 1, minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  head: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
  },
});

export interface SettingsViewProps {
  readonly lang: Lang;
  /** The framework stored in the workbook, or undefined (the default applies). */
  readonly stored?: Framework;
  readonly loadError?: string;
  readonly disabled: boolean;
  readonly onSave: (framework: Framework) => Promise<boolean>;
  readonly savedMessage?: string;
}

/** The check of a draft: the framework's own validation (core), or the sum of max points. */
function problemOf(draft: Framework, lang: Lang): string | undefined {
  try {
    compileFramework(draft);
  } catch (e) {
    if (e instanceof FrameworkError) return frameworkErrorMessage(e, lang);
    return e instanceof Error ? e.message : String(e);
  }
  for (const r of draft.reducedMax) if (r.unit.trim() === "") return PANE_TEXT[lang].reducedUnitMissing;
  return undefined;
}

/** A number typed with a decimal comma ("100,5") is stored with a point, as the framework keeps it. */
function typedNumber(text: string): string {
  return text.replace(/^(\s*-?\d+),(\d*\s*)$/, "$1.$2");
}

function sumOfMax(draft: Framework): string {
  const parts = draft.criteria.map((c) => parseNumberText(c.max));
  if (parts.some((p) => p === undefined)) return "—";
  return exactToString(sumExact(parts as NonNullable<(typeof parts)[number]>[]));
}

export function SettingsView({
  lang,
  stored,
  loadError,
  disabled,
  onSave,
  savedMessage,
}: SettingsViewProps): React.JSX.Element {
  const styles = useStyles();
  const t = PANE_TEXT[lang];
  const base = stored ?? DEFAULT_FRAMEWORK;
  const [draft, setDraft] = useState<Framework>(base);
  const [dirty, setDirty] = useState(false);
  // What the user edits is stored with the framework, in the workbook's language (Vietnamese).
  const edited = PANE_TEXT.vi.editedSource;

  useEffect(() => {
    if (!dirty) setDraft(stored ?? DEFAULT_FRAMEWORK);
  }, [stored, dirty]);

  const problem = useMemo(() => problemOf(draft, lang), [draft, lang]);
  const change = (next: Framework): void => {
    setDraft(next);
    setDirty(true);
  };
  const setMax = (i: number, max: string): void =>
    change({
      ...draft,
      criteria: draft.criteria.map((c, k) => (k === i ? { ...c, max, source: edited } : c)),
    });
  const setThreshold = (level: "I" | "II" | "III", value: string): void =>
    change({ ...draft, thresholds: { ...draft.thresholds, [level]: value }, thresholdsSource: edited });
  const setReduced = (i: number, r: ReducedMax): void =>
    change({ ...draft, reducedMax: draft.reducedMax.map((x, k) => (k === i ? r : x)) });

  const save = async (): Promise<void> => {
    const ok = await onSave({
      ...draft,
      reducedMax: draft.reducedMax.map((r) => ({ ...r, unit: r.unit.trim(), max: r.max.trim() })),
    });
    if (ok) setDirty(false);
  };

  return (
    <div className={styles.root} data-testid="settings">
      <Text size={200} className={styles.muted}>
        {t.settingsIntro}
      </Text>
      {loadError && (
        <MessageBar intent="error">
          <MessageBarBody>
            {t.settingsLoadFailed} {loadError}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.head}>
        <Badge appearance="tint" color={stored ? "success" : "informative"}>
          {stored ? t.settingsSourceWorkbook : t.settingsSourceDefault}
        </Badge>
        {dirty && (
          <Badge appearance="outline" color="warning">
            {t.settingsUnsaved}
          </Badge>
        )}
      </div>

      <section className={styles.section}>
        <Field label={t.frameworkName} size="small">
          <Input size="small" value={draft.name} onChange={(_, d) => change({ ...draft, name: d.value })} />
        </Field>
        <Caption1 className={styles.muted}>
          {t.provenance}: {draft.source}
        </Caption1>
      </section>

      <section className={styles.section}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th}>{t.criteria}</th>
              <th className={`${styles.th} ${styles.thNum}`}>{t.maxPoints}</th>
            </tr>
          </thead>
          <tbody>
            {draft.criteria.map((c, i) => (
              <tr key={c.key}>
                <td className={styles.td}>
                  <SourceNote
                    label={`${i + 1}. ${c.name}`}
                    note={`${t.provenance}: ${c.source}`}
                    buttonLabel={`${t.provenance}: ${c.name}`}
                  />
                </td>
                <td className={`${styles.td} ${styles.tdNum}`}>
                  <Input
                    size="small"
                    className={styles.num}
                    input={{ style: { textAlign: "right" } }}
                    inputMode="decimal"
                    aria-label={`${t.maxPoints}: ${c.name}`}
                    value={localNumber(c.max, lang)}
                    onChange={(_, d) => setMax(i, typedNumber(d.value))}
                  />
                </td>
              </tr>
            ))}
            <tr className={styles.sumRow}>
              <td className={styles.td}>{t.criteriaSum}</td>
              <td className={`${styles.td} ${styles.tdNum}`}>{localNumber(sumOfMax(draft), lang)}</td>
            </tr>
          </tbody>
        </table>
      </section>

      <section className={styles.section}>
        <h2 className={styles.title}>{t.thresholds}</h2>
        <div className={styles.thresholds}>
          {(["I", "II", "III"] as const).map((level) => (
            <Field key={level} label={t.levelLabel(level)} size="small">
              <Input
                size="small"
                className={styles.fill}
                inputMode="decimal"
                input={{ style: { textAlign: "right", minWidth: 0 } }}
                value={localNumber(draft.thresholds[level], lang)}
                onChange={(_, d) => setThreshold(level, typedNumber(d.value))}
              />
            </Field>
          ))}
        </div>
        <Caption1 className={styles.muted}>{t.levelIVNote}</Caption1>
        <Caption1 className={styles.muted}>
          {t.provenance}: {draft.thresholdsSource}
        </Caption1>
        <Caption1 className={styles.muted}>{t.thresholdsNameHint}</Caption1>
      </section>

      <section className={styles.section}>
        <h2 className={styles.title}>{t.reducedTitle}</h2>
        <Caption1 className={styles.muted}>{t.reducedHint}</Caption1>
        {draft.reducedMax.length === 0 && <Caption1>{t.reducedNone}</Caption1>}
        {draft.reducedMax.map((r, i) => (
          <div key={i} className={styles.reducedRow}>
            <Input
              size="small"
              className={styles.grow}
              placeholder={t.reducedUnit}
              aria-label={t.reducedUnit}
              value={r.unit}
              onChange={(_, d) => setReduced(i, { ...r, unit: d.value })}
            />
            <Input
              size="small"
              className={styles.num}
              inputMode="decimal"
              placeholder={t.reducedMax}
              aria-label={t.reducedMax}
              input={{ style: { textAlign: "right" } }}
              value={localNumber(r.max, lang)}
              onChange={(_, d) => setReduced(i, { ...r, max: typedNumber(d.value) })}
            />
            <Button
              size="small"
              appearance="subtle"
              aria-label={t.reducedRemove}
              title={t.reducedRemove}
              onClick={() => change({ ...draft, reducedMax: draft.reducedMax.filter((_, k) => k !== i) })}
            >
              ✕
            </Button>
          </div>
        ))}
        <div>
          <Button
            size="small"
            onClick={() => change({ ...draft, reducedMax: [...draft.reducedMax, { unit: "", max: "" }] })}
          >
            + {t.reducedAdd}
          </Button>
        </div>
      </section>

      {problem && (
        <MessageBar intent="error">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {savedMessage && !dirty && (
        <MessageBar intent="success">
          <MessageBarBody>{savedMessage}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={disabled || problem !== undefined} onClick={() => void save()}>
          {t.save}
        </Button>
        <Button disabled={disabled} onClick={() => change(DEFAULT_FRAMEWORK)}>
          {t.resetDefault}
        </Button>
      </div>
    </div>
  );
}
