/**
 * The task pane: check the workbook, mark and unmark faulty cells, build the ranking sheets, edit
 * the settings. Workbook access comes in as `operations` (props); this file never calls Excel.
 */
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarActions,
  MessageBarTitle,
  Checkbox,
  ProgressBar,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  SEVERITIES,
  unknownTotals,
  type Analysis,
  type Finding,
  type Framework,
  type Lang,
  type RankingOrder,
  type Severity,
} from "../../core";
import { inferFromAnalysis } from "../../core/infer";
import type { ReadScope } from "../../adapters/office/read";
import { describeError, type OperationStage, type PaneEnvironment, type ValidateResult } from "../operations";
import { downloadsBlockedSafe } from "../platform";
import { PANE_TEXT, type PaneStrings } from "../strings";
import { CapabilityNotices } from "./CapabilityNotices";
import { ChoiceField } from "./ChoiceField";
import { findingKey, FindingsView } from "./FindingsView";
import { Hint } from "./Hint";
import { SettingsView } from "./SettingsView";
import { Tabs } from "./Tabs";
import { VIEW_STYLES } from "./viewStyles";
import { COMPARE_TEXT } from "../compareStrings";

/** "So sánh với năm trước", fetched when its tab is first opened (the first load does not grow). */
const CompareView = lazy(() => import(/* webpackChunkName: "compare" */ "./CompareView"));

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  // A horizontal rule as Fluent's `Divider` draws it (its package is not worth bundling for this).
  divider: {
    flexShrink: 0,
    height: 0,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
  brand: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  logo: {
    flexShrink: 0,
    width: "24px",
    height: "24px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase100,
    fontWeight: tokens.fontWeightSemibold,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
  },
  title: { whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}` },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
  },
  section: VIEW_STYLES.section,
  sectionTitle: VIEW_STYLES.title,
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  hint: VIEW_STYLES.muted,
  progressSlot: { height: "2px" },
});

type BusyKind =
  "validate" | "rank" | "mark" | "unmark" | "save" | "select" | "export" | "fix" | "unfix" | "sheet";

interface Busy {
  readonly kind: BusyKind;
  readonly stage?: OperationStage;
}

/** A status: its lines are made in the language shown, so the language switch redraws them. */
export interface Status {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly lines: (t: PaneStrings, lang: Lang) => ReadonlyArray<string>;
}

export interface AppProps {
  readonly environment: PaneEnvironment;
  readonly initialLang?: Lang;
  readonly onLangChange?: (lang: Lang) => void;
}

/**
 * What the progress line says for each operation until it names a stage; every kind has its line
 * (a new kind cannot be left out).
 */
const BUSY_LABEL: Record<
  BusyKind,
  "stageRead" | "stageWrite" | "stageExport" | "busyMark" | "busyUnmark" | "busySave" | "busySelect"
> = {
  validate: "stageRead",
  fix: "stageRead",
  unfix: "stageRead",
  sheet: "stageRead",
  rank: "stageWrite",
  export: "stageExport",
  mark: "busyMark",
  unmark: "busyUnmark",
  save: "busySave",
  select: "busySelect",
};

function busyLabel(t: PaneStrings, busy: Busy): string {
  if (busy.stage === "read") return t.stageRead;
  if (busy.stage === "analyze") return t.stageAnalyze;
  if (busy.stage === "write") return busy.kind === "export" ? t.stageExport : t.stageWrite;
  return t[BUSY_LABEL[busy.kind]];
}

function quoteList(names: ReadonlyArray<string>, lang: Lang): string {
  const quoted = names.map((n) => `“${n}”`);
  return `${PANE_TEXT[lang].sheetWord(names.length)} ${quoted.join(", ")}`;
}

function unitsWithoutTotal(analysis: Analysis): number {
  return analysis.blocks.reduce((n, b) => n + unknownTotals(b, analysis).length, 0);
}

/** The framework the last check's tables imply (as `cqs framework infer`), when there was a check. */
function inferredOf(result: ValidateResult | undefined): Framework | undefined {
  if (!result) return undefined;
  try {
    return inferFromAnalysis(result.analysis);
  } catch {
    return undefined;
  }
}

/** Errors and warnings shown (and marked) by default; info collapsed. */
const DEFAULT_SHOWN: Readonly<Record<Severity, boolean>> = { error: true, warning: true, info: false };

export function App({ environment, initialLang = "vi", onLangChange }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const ops = environment.operations;
  const caps = environment.capabilities;
  const [lang, setLang] = useState<Lang>(initialLang);
  const [tab, setTab] = useState<"sheets" | "settings" | "compare">("sheets");
  const [scope, setScope] = useState<ReadScope>("workbook");
  const [order, setOrder] = useState<RankingOrder>("source");
  const [withRank, setWithRank] = useState(false);
  const [shown, setShown] = useState<Record<Severity, boolean>>({ ...DEFAULT_SHOWN });
  const [confirm, setConfirm] = useState<{ readonly errors: number } | undefined>();
  const [busy, setBusy] = useState<Busy | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const [result, setResult] = useState<ValidateResult | undefined>();
  // Inferring checks each candidate on the sheets again: only while the settings tab shows, once per check.
  const onSettings = tab === "settings";
  const inferred = useMemo(() => (onSettings ? inferredOf(result) : undefined), [onSettings, result]);
  const [resultScope, setResultScope] = useState<ReadScope>("workbook");
  const [selected, setSelected] = useState<string | undefined>();
  const [stored, setStored] = useState<Framework | undefined>();
  // Kept as the error itself, so its line follows the language switch.
  const [settingsError, setSettingsError] = useState<unknown>();
  const t = PANE_TEXT[lang];
  const running = useRef(false);
  // Excel for Mac cannot download a file from an add-in: the button says to use `cqs export`.
  const [downloadsBlocked] = useState(() => downloadsBlockedSafe());

  const switchLang = (): void => {
    const next: Lang = lang === "vi" ? "en" : "vi";
    setLang(next);
    onLangChange?.(next);
  };

  /** Runs one operation at a time, with the progress indication and errors shown. */
  const run = useCallback(
    async (kind: BusyKind, work: (progress: (stage: OperationStage) => void) => Promise<void>) => {
      if (running.current) return;
      running.current = true;
      setBusy({ kind });
      try {
        await work((stage) => setBusy({ kind, stage }));
      } catch (e) {
        setStatus({ intent: "error", lines: (tt, l) => [`${tt.errorPrefix} ${describeError(e, l)}`] });
      } finally {
        running.current = false;
        setBusy(undefined);
      }
    },
    [],
  );

  useEffect(() => {
    if (!ops) return;
    ops.loadSettings().then(
      (framework) => setStored(framework),
      (e: unknown) => setSettingsError(e ?? new Error(String(e))),
    );
  }, [ops]);

  const showResult = (r: ValidateResult): void => {
    setResult(r);
    setResultScope(scope);
    setSelected(undefined);
  };

  const widenedLine = (r: ValidateResult): ((tt: PaneStrings) => string[]) =>
    r.scopeWidened ? (tt) => [tt.scopeFollowsCriteria] : () => [];

  const onCheck = (): Promise<void> =>
    run("validate", async (progress) => {
      if (!ops) return;
      setStatus(undefined);
      setConfirm(undefined);
      const r = await ops.validate(scope, progress);
      showResult(r);
      if (r.scopeWidened) setStatus({ intent: "info", lines: widenedLine(r) });
    });

  const onMark = (): Promise<void> =>
    run("mark", async () => {
      if (!ops) return;
      if (!result) {
        setStatus({ intent: "info", lines: (tt) => [tt.markNeedsCheck] });
        return;
      }
      const n = await ops.markFindings(
        result.analysis,
        SEVERITIES.filter((s) => shown[s]),
      );
      setStatus({
        intent: n > 0 ? "success" : "info",
        lines: (tt) => [n > 0 ? tt.marked(n) : tt.markedNone],
      });
    });

  const onUnmark = (): Promise<void> =>
    run("unmark", async () => {
      if (!ops) return;
      const n = await ops.removeMarks();
      setStatus({
        intent: n > 0 ? "success" : "info",
        lines: (tt) => [n > 0 ? tt.unmarked(n) : tt.unmarkedNone],
      });
    });

  /** Builds the ranking sheets (after the confirmation when the check found errors). */
  const build = (progress: (stage: OperationStage) => void): Promise<void> =>
    (async () => {
      if (!ops) return;
      setConfirm(undefined);
      const r = await ops.buildRanking(scope, order, progress, withRank);
      showResult(r);
      if (r.added.length === 0) {
        setStatus({
          intent: "warning",
          lines: (tt) => [scope === "active" ? tt.noTablesActive : tt.noTables],
        });
        return;
      }
      const errors = r.analysis.summary.error;
      const missing = unitsWithoutTotal(r.analysis);
      const notices = r.notices ?? [];
      setStatus({
        intent: errors > 0 || missing > 0 || notices.length > 0 ? "warning" : "success",
        lines: (tt, l) => {
          const lines = [
            `${tt.ranked(quoteList(r.added, l))} ${r.undoGrouped ? tt.rankedUndo : tt.rankedNoUndo}`,
          ];
          if (errors > 0) lines.push(tt.rankedWithErrors(errors));
          if (missing > 0) lines.push(tt.rankedMissing(missing));
          if (notices.includes("pageLayout")) lines.push(tt.noticePageLayout);
          if (notices.includes("comments")) lines.push(tt.noticeComments);
          const noChart = r.charts?.skipped.map((c) => c.sheet) ?? [];
          if (noChart.length > 0) lines.push(tt.chartsSkipped(quoteList(noChart, l)));
          lines.push(...widenedLine(r)(tt));
          return lines;
        },
      });
    })();

  const onRank = (): Promise<void> =>
    run("rank", async (progress) => {
      if (!ops) return;
      setStatus(undefined);
      // Errors before publishing: the check first; with errors, the user chooses.
      const checked = await ops.validate(scope, progress);
      const errors = checked.analysis.summary.error;
      if (errors > 0) {
        showResult(checked);
        setConfirm({ errors });
        return;
      }
      await build(progress);
    });

  const onConfirmBuild = (): Promise<void> => run("rank", (progress) => build(progress));

  const onShowErrors = (): void => {
    setConfirm(undefined);
    setShown({ error: true, warning: false, info: false });
    const first = result?.analysis.findings.find((f) => f.severity === "error");
    if (first) onSelectFinding(first);
  };

  const onFix = (findings: ReadonlyArray<Finding>): Promise<void> =>
    run("fix", async (progress) => {
      if (!ops || !result) return;
      const r = await ops.fix(result.analysis, findings);
      // The check again, so the list shows what is left.
      showResult(await ops.validate(resultScope, progress));
      setStatus({
        intent: r.fixed > 0 ? "success" : "info",
        lines: (tt) => [r.fixed > 0 ? tt.fixed(r.fixed, r.undoGrouped) : tt.fixedNone],
      });
    });

  const onUndoFixes = (): Promise<void> =>
    run("unfix", async (progress) => {
      if (!ops) return;
      const n = await ops.undoFixes();
      if (result) showResult(await ops.validate(resultScope, progress));
      setStatus({
        intent: n > 0 ? "success" : "info",
        lines: (tt) => [n > 0 ? tt.unfixed(n) : tt.unfixedNone],
      });
    });

  const onFindingsToSheet = (): Promise<void> =>
    run("sheet", async () => {
      if (!ops || !result) return;
      const name = await ops.findingsToSheet(result.analysis, lang);
      setStatus({ intent: "success", lines: (tt) => [tt.findingsWritten(name)] });
    });

  /** Checks the whole workbook afresh and saves its appendix as a Word file (library loaded now). */
  const onExportWord = (): Promise<void> =>
    run("export", async (progress) => {
      if (!ops) return;
      if (downloadsBlocked) {
        setStatus({ intent: "info", lines: (tt) => [tt.exportWordMac] });
        return;
      }
      setStatus(undefined);
      const r = await ops.validate("workbook", progress);
      if (r.analysis.blocks.length === 0) {
        setStatus({ intent: "warning", lines: (tt) => [tt.noTables] });
        return;
      }
      progress("write");
      const word = await import(/* webpackChunkName: "word-export" */ "../exportWord");
      const name = word.docxFileName(r.analysis.workbook, lang);
      word.saveDownload(await word.appendixDocxBytes(r.analysis, lang), name);
      setStatus({ intent: "success", lines: (tt) => [tt.exportWordDone(name)] });
    });

  const onSelectFinding = (f: Finding): void => {
    setSelected(findingKey(f));
    void run("select", async () => {
      await ops?.selectCell(f.sheet, f.cell);
    });
  };

  const onSaveSettings = async (framework: Framework): Promise<boolean> => {
    let ok = false;
    await run("save", async () => {
      if (!ops) return;
      await ops.saveSettings(framework);
      setStored(framework);
      setSettingsError(undefined);
      setStatus({ intent: "success", lines: (tt) => [tt.saved] });
      ok = true;
    });
    return ok;
  };

  const disabled = !ops || busy !== undefined;

  return (
    <div className={styles.root} lang={lang}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <div className={styles.logo} aria-hidden>
            CQS
          </div>
          <Subtitle2 as="h1" className={styles.title}>
            {t.appTitle}
          </Subtitle2>
        </div>
        <Hint content={t.switchLanguageHint}>
          <Button size="small" appearance="subtle" onClick={switchLang} data-testid="switch-language">
            {t.switchLanguage}
          </Button>
        </Hint>
      </header>
      <Tabs
        className={styles.tabs}
        tabs={[
          { value: "sheets", label: t.tabSheets },
          { value: "settings", label: t.tabSettings },
          { value: "compare", label: COMPARE_TEXT[lang].tab },
        ]}
        selected={tab}
        onSelect={setTab}
      />
      <div role="separator" className={styles.divider} />
      <div className={styles.progressSlot}>
        {busy && <ProgressBar thickness="medium" shape="square" aria-label={busyLabel(t, busy)} />}
      </div>
      <main className={styles.body}>
        {!ops && (
          <MessageBar intent="error">
            <MessageBarBody>{t.notInExcel}</MessageBarBody>
          </MessageBar>
        )}
        {ops && <CapabilityNotices capabilities={caps} minimum={environment.minimum} lang={lang} />}

        {tab === "sheets" && (
          <>
            <ChoiceField<ReadScope>
              label={t.scopeFor}
              value={scope}
              choices={[
                ["workbook", t.scopeWorkbook],
                ["active", t.scopeActive],
              ]}
              onChange={setScope}
              testId="scope"
            />
            <section className={styles.section} aria-label={t.checkTitle}>
              <h2 className={styles.sectionTitle}>{t.checkTitle}</h2>
              <div className={styles.row}>
                <Hint content={t.checkHint}>
                  <Button
                    appearance="primary"
                    disabled={disabled || !environment.minimum.check}
                    onClick={() => void onCheck()}
                  >
                    {t.check}
                  </Button>
                </Hint>
                <Hint content={caps.cellProperties ? t.markHint : t.capMarks}>
                  <Button
                    disabled={disabled || !caps.cellProperties || !result}
                    onClick={() => void onMark()}
                  >
                    {t.mark}
                  </Button>
                </Hint>
                <Hint content={t.unmarkHint}>
                  <Button disabled={disabled || !environment.minimum.check} onClick={() => void onUnmark()}>
                    {t.unmark}
                  </Button>
                </Hint>
              </div>
            </section>

            <section className={styles.section} aria-label={t.rankingTitle}>
              <h2 className={styles.sectionTitle}>{t.rankingTitle}</h2>
              <ChoiceField<RankingOrder>
                label={t.rankOrderLabel}
                value={order}
                choices={[
                  ["source", t.rankOrderSource],
                  ["rank", t.rankOrderRank],
                ]}
                onChange={setOrder}
              />
              <Checkbox
                size="medium"
                label={t.withRank}
                checked={withRank}
                onChange={(_, d) => setWithRank(d.checked === true)}
              />
              <div className={styles.row}>
                <Hint content={t.rankHint}>
                  <Button disabled={disabled || !environment.minimum.rank} onClick={() => void onRank()}>
                    {t.rank}
                  </Button>
                </Hint>
                <Hint content={downloadsBlocked ? t.exportWordMac : t.exportWordHint}>
                  <Button
                    disabled={disabled || !environment.minimum.check}
                    onClick={() => void onExportWord()}
                    data-testid="export-word"
                  >
                    {t.exportWord}
                  </Button>
                </Hint>
              </div>
            </section>

            {busy && busy.kind !== "select" && (
              <div className={styles.progress} role="status" aria-live="polite">
                <Caption1 className={styles.hint}>{busyLabel(t, busy)}</Caption1>
              </div>
            )}
            {confirm && (
              <MessageBar intent="warning" layout="multiline" data-testid="confirm-build">
                <MessageBarBody>
                  <MessageBarTitle>{t.confirmTitle(confirm.errors)}</MessageBarTitle> {t.confirmBody}
                </MessageBarBody>
                <MessageBarActions>
                  <Button
                    size="small"
                    appearance="primary"
                    disabled={disabled}
                    onClick={() => void onConfirmBuild()}
                  >
                    {t.confirmBuild}
                  </Button>
                  <Button size="small" disabled={disabled} onClick={onShowErrors}>
                    {t.confirmShowErrors}
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {status && <StatusBar status={status} t={t} lang={lang} />}
            <div role="separator" className={styles.divider} />
            {result && (
              <div className={styles.row}>
                <Hint content={t.findingsToSheetHint}>
                  <Button
                    size="small"
                    disabled={disabled || result.analysis.blocks.length === 0}
                    onClick={() => void onFindingsToSheet()}
                  >
                    {t.findingsToSheet}
                  </Button>
                </Hint>
                <Hint content={t.undoFixesHint}>
                  <Button size="small" disabled={disabled} onClick={() => void onUndoFixes()}>
                    {t.undoFixes}
                  </Button>
                </Hint>
              </div>
            )}
            {result ? (
              <FindingsView
                result={result}
                scope={resultScope}
                lang={lang}
                selected={selected}
                onSelect={onSelectFinding}
                shown={shown}
                onShownChange={setShown}
                onFix={(findings) => void onFix(findings)}
                disabled={disabled}
              />
            ) : (
              <Text size={200} className={styles.hint}>
                {t.emptyHint}
              </Text>
            )}
          </>
        )}

        {tab === "compare" && (
          <Suspense fallback={<ProgressBar thickness="medium" shape="square" />}>
            <CompareView lang={lang} operations={ops} disabled={disabled || !environment.minimum.rank} />
          </Suspense>
        )}

        {tab === "settings" && (
          <>
            {status && status.intent === "error" && <StatusBar status={status} t={t} lang={lang} />}
            <SettingsView
              lang={lang}
              stored={stored}
              loadError={settingsError === undefined ? undefined : describeError(settingsError, lang)}
              disabled={disabled}
              onSave={onSaveSettings}
              inferred={inferred}
              savedMessage={status?.lines(t, lang)[0] === t.saved ? t.saved : undefined}
            />
          </>
        )}
      </main>
    </div>
  );
}

function StatusBar({ status, t, lang }: { status: Status; t: PaneStrings; lang: Lang }): React.JSX.Element {
  return (
    <MessageBar intent={status.intent} layout="multiline" data-testid="status">
      <MessageBarBody>
        {status.lines(t, lang).map((line, i) => (
          <div key={i}>{line}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
