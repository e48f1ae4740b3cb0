/**
 * The ribbon buttons' handlers: the same operations as the pane (src/adapters/office/operations.ts),
 * one click each. A ribbon command has no window of its own, so it shows its result in a small
 * dialog (dialog.html), the summary passed in the dialog's URL.
 */
import {
  findingMessage,
  FrameworkError,
  frameworkErrorMessage,
  levelCountsLine,
  SEVERITIES,
  type Analysis,
  type Lang,
} from "../core";
import {
  buildRanking,
  validateWorkbook,
  type ExcelHost,
  type MinimumSupport,
} from "../adapters/office/operations";
import type { RibbonAction } from "./actions";
import type { RibbonSummary } from "./summary";

/** Findings listed in the dialog; the pane lists them all. */
export const DIALOG_FINDINGS = 6;
const MAX_TEXT = 140;

const vi = {
  checkTitle: "Kết quả kiểm tra",
  rankTitle: "Đã lập bảng xếp hạng",
  errorTitle: "Không thực hiện được",
  notInExcel: "Lệnh này chỉ chạy trong Excel.",
  counts: (e: number, w: number, i: number) => `${e} lỗi · ${w} cảnh báo · ${i} thông tin`,
  tables: (tables: number, units: number) => `${tables} bảng điểm, ${units} đơn vị.`,
  noTables: "Không tìm thấy bảng điểm tiêu chí nào (cần cột “Đơn vị”, các cột tiêu chí và “Tổng cộng”).",
  added: (names: string) => `Đã thêm trang: ${names}.`,
  undoOne: "Một lần Hoàn tác (Ctrl+Z) sẽ bỏ toàn bộ.",
  undoMany: "Excel này không gộp được thành một bước Hoàn tác (cần ExcelApi 1.20).",
  errorsNote: (n: number) =>
    `Bảng điểm có ${n} lỗi; bảng xếp hạng dùng tổng điểm tính lại. Mở bảng điều khiển để xem.`,
  openPane: "Mở bảng điều khiển (thẻ CQS) để xem từng ô và đánh dấu.",
  tooOldCheck: "Excel này quá cũ để đọc bảng điểm (cần ExcelApi 1.4: Excel 2019 trở lên hoặc Microsoft 365).",
  tooOldRank:
    "Excel này chưa lập được trang xếp hạng (cần ExcelApi 1.7: Excel 2019 trở lên hoặc Microsoft 365).",
};

type RibbonStrings = typeof vi;

const en: RibbonStrings = {
  checkTitle: "Check results",
  rankTitle: "Ranking built",
  errorTitle: "Could not do it",
  notInExcel: "This command runs only in Excel.",
  counts: (e: number, w: number, i: number) => `${e} errors · ${w} warnings · ${i} info`,
  tables: (tables: number, units: number) => `${tables} score tables, ${units} units.`,
  noTables: "No criteria table found (it needs a “Đơn vị” column, the criteria columns and “Tổng cộng”).",
  added: (names: string) => `Added sheets: ${names}.`,
  undoOne: "One Undo (Ctrl+Z) removes it all.",
  undoMany: "This Excel cannot make it one Undo step (needs ExcelApi 1.20).",
  errorsNote: (n: number) =>
    `The score sheets have ${n} errors; the ranking uses recomputed totals. Open the pane to see them.`,
  openPane: "Open the control panel (CQS tab) to see each cell and mark them.",
  tooOldCheck:
    "This Excel is too old to read the score sheets (needs ExcelApi 1.4: Excel 2019 or later, or Microsoft 365).",
  tooOldRank:
    "This Excel cannot build the ranking sheets (needs ExcelApi 1.7: Excel 2019 or later, or Microsoft 365).",
};

export const RIBBON_TEXT: Readonly<Record<Lang, RibbonStrings>> = { vi, en };

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

function countsLine(analysis: Analysis, lang: Lang): string {
  const s = analysis.summary;
  return RIBBON_TEXT[lang].counts(s.error, s.warning, s.info);
}

function tablesLine(analysis: Analysis, lang: Lang): string {
  const units = analysis.blocks.reduce((n, b) => n + b.units.length, 0);
  return RIBBON_TEXT[lang].tables(analysis.blocks.length, units);
}

/** The first findings, errors first, for the dialog. */
function topFindings(analysis: Analysis, lang: Lang): Pick<RibbonSummary, "findings" | "more"> {
  const sorted = SEVERITIES.flatMap((s) => analysis.findings.filter((f) => f.severity === s));
  const shown = sorted.slice(0, DIALOG_FINDINGS);
  return {
    findings: shown.map((f) => ({
      severity: f.severity,
      text: clip(findingMessage(f, lang)),
      where: clip(`${f.unit ? `${f.unit} · ` : ""}${f.sheet}!${f.cell}`),
    })),
    more: sorted.length - shown.length,
  };
}

/** What a ribbon button says when the workbook holds no table it recognises (a warning). */
function noTablesSummary(kind: RibbonSummary["kind"], lang: Lang): RibbonSummary {
  const t = RIBBON_TEXT[lang];
  return { lang, kind, intent: "warning", title: t.checkTitle, lines: [t.noTables], findings: [], more: 0 };
}

export function checkSummary(analysis: Analysis, lang: Lang): RibbonSummary {
  const t = RIBBON_TEXT[lang];
  if (analysis.blocks.length === 0) return noTablesSummary("check", lang);
  const s = analysis.summary;
  const lines = [countsLine(analysis, lang), tablesLine(analysis, lang)];
  if (analysis.findings.length > 0) lines.push(t.openPane);
  return {
    lang,
    kind: "check",
    intent: s.error > 0 ? "error" : s.warning > 0 ? "warning" : "success",
    title: t.checkTitle,
    lines,
    ...topFindings(analysis, lang),
  };
}

export function rankSummary(
  analysis: Analysis,
  added: ReadonlyArray<string>,
  undoGroup: boolean,
  lang: Lang,
): RibbonSummary {
  const t = RIBBON_TEXT[lang];
  if (added.length === 0) return noTablesSummary("rank", lang);
  const counts = analysis.blocks.map((b) => `${b.sheet}: ${levelCountsLine(b.counts, lang)}`);
  const lines = [
    `${t.added(added.map((n) => `“${n}”`).join(", "))} ${undoGroup ? t.undoOne : t.undoMany}`,
    ...counts,
  ];
  if (analysis.summary.error > 0) lines.push(t.errorsNote(analysis.summary.error));
  return {
    lang,
    kind: "rank",
    intent: analysis.summary.error > 0 ? "warning" : "success",
    title: t.rankTitle,
    lines,
    findings: [],
    more: 0,
  };
}

export function errorSummary(e: unknown, lang: Lang): RibbonSummary {
  const message =
    e instanceof FrameworkError ? frameworkErrorMessage(e, lang) : e instanceof Error ? e.message : String(e);
  return {
    lang,
    kind: "error",
    intent: "error",
    title: RIBBON_TEXT[lang].errorTitle,
    lines: [clip(message)],
    findings: [],
    more: 0,
  };
}

/** The part of Office.AddinCommands.Event a handler uses. */
export interface RibbonEvent {
  completed(options?: { allowEvent?: boolean }): void;
}

export interface RibbonDeps {
  /** Undefined outside Excel. */
  readonly host: ExcelHost | undefined;
  readonly lang: Lang;
  /**
   * What this Excel supports (minimumSupportSafe), checked before each command as the pane
   * does; undefined: not checked.
   */
  readonly minimum?: MinimumSupport;
  /** Shows a summary; resolves when the user closed it (or at once where no dialog can open). */
  readonly show: (summary: RibbonSummary) => Promise<void>;
}

/**
 * The handlers of RIBBON_ACTIONS. Each reports through `show` and always calls `event.completed()`
 * last, after the dialog is closed (the function's runtime may end at that call).
 */
export function ribbonHandlers(
  deps: RibbonDeps,
): Record<RibbonAction, (event: RibbonEvent) => Promise<void>> {
  const { lang } = deps;
  const guarded =
    (needs: keyof MinimumSupport, work: (host: ExcelHost) => Promise<RibbonSummary>) =>
    async (event: RibbonEvent): Promise<void> => {
      let summary: RibbonSummary;
      const t = RIBBON_TEXT[lang];
      try {
        if (!deps.host) summary = errorSummary(t.notInExcel, lang);
        else if (deps.minimum && !deps.minimum[needs])
          summary = errorSummary(needs === "check" ? t.tooOldCheck : t.tooOldRank, lang);
        else summary = await work(deps.host);
      } catch (e) {
        summary = errorSummary(e, lang);
      }
      try {
        await deps.show(summary);
      } finally {
        event.completed();
      }
    };
  return {
    validateWorkbook: guarded("check", async (host) =>
      checkSummary((await validateWorkbook(host)).analysis, lang),
    ),
    buildRanking: guarded("rank", async (host) => {
      const r = await buildRanking(host, { order: "rank" });
      return rankSummary(r.analysis, r.added, r.undoGrouped, lang);
    }),
  };
}
