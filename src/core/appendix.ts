/**
 * The appendix of the decision, as plain data: what a ranking sheet, a Word document or a chart
 * shows for each block (DESIGN.md "rank"): the source sheet's title lines, the line naming the
 * decision ("(Ban hành kèm theo Quyết định số … ngày …)"), the ranking heading, one row per unit in
 * the criteria table's order under the ranking table's names, the summary line of level counts,
 * and the footnotes (changed totals, totals that cannot be known, the framework used).
 *
 * Pure: built from an Analysis (its BlockResult/UnitResult and the model's tables). Words come
 * from WORD_APPENDIX_TEXT, one dictionary per language.
 */
import type { Analysis, BlockResult } from "./analyze";
import { compareExact, exactToString, formatExact, roundExact, type Exact } from "./exact";
import type { Finding } from "./findings";
import { frameworkLevels, type Framework, type Level } from "./framework";
import { cellAt, type SheetGrid } from "./grid";
import { decodeLegacyVietnamese } from "./legacy";
import { APPENDIX_TEXT, levelCountsLine, localNumber, type Lang } from "./messages";
import { ruleKind, unitFacts } from "./plan";
import { readCellNumber, shownValue } from "./numbers";
import type { Block } from "./read";
import { isAppendixLabel, isTrailingLine, NUMBERED, sourceTitle, withoutNumbering } from "./titles";

/** Why a unit's total cannot be known (its row stays, with TỔNG ĐIỂM and MỨC ĐỘ empty). */
export type NoTotalReason = "missing" | "notNumber" | "uncalculated" | "aboveMax" | "negative";

export type AppendixFootnote =
  /** The total typed in the criteria table differs from the recomputed one. */
  | { readonly kind: "changedTotal"; readonly unit: string; readonly typed: string; readonly total: string }
  /** The total cannot be known; `what` is the criterion whose score is the cause. */
  | {
      readonly kind: "noTotal";
      readonly unit: string;
      readonly reason: NoTotalReason;
      readonly what: string;
    };

export interface AppendixRow {
  /** Place in the table (1, 2, …), the criteria table's order. */
  readonly stt: number;
  /** The name as the ranking table writes it (else the criteria table's), in Unicode. */
  readonly name: string;
  /** The name as the criteria table writes it, in Unicode. */
  readonly criteriaName: string;
  /** The recomputed total; undefined when it cannot be known. */
  readonly total?: Exact;
  /** The total as the language writes it ("96,77"), or "" when unknown. */
  readonly totalText: string;
  readonly level?: Level;
  readonly rank?: number;
  /** The typed total, when it differs from the recomputed one ("88,31"). */
  readonly typedText?: string;
  /** 1-based number of this row's footnote in the block's `footnotes`, if any. */
  readonly footnote?: number;
  /** The criteria table's cells of this unit, as shown (with `withCriteria`). */
  readonly scores?: ReadonlyArray<string>;
}

export interface AppendixBlock {
  /** The source sheet of the criteria table. */
  readonly sheet: string;
  /** "Phụ lục I": the label the source gives, else one numbered in block order. */
  readonly label: string;
  /** Title lines of the source sheet (or the framework's words), without the label and decision line. */
  readonly titleLines: ReadonlyArray<string>;
  /** "(Ban hành kèm theo Quyết định số … ngày …)". */
  readonly decisionLine: string;
  /** Where the decision line came from: the source sheet, the options, or placeholders. */
  readonly decisionFrom: "source" | "options" | "placeholder";
  /** Heading of the criteria section, without its numbering. */
  readonly criteriaHeading: string;
  /** Heading of the ranking section, without its numbering. */
  readonly rankingHeading: string;
  /** Column headers of the ranking table: STT | Đơn vị | TỔNG ĐIỂM | MỨC ĐỘ. */
  readonly headers: readonly [string, string, string, string];
  /** Column headers of the criteria table (STT, Đơn vị, the criteria, Tổng cộng). */
  readonly criteriaHeaders: ReadonlyArray<string>;
  readonly rows: ReadonlyArray<AppendixRow>;
  /** Row indices in rank order (ties in source order), without the rows that have no total. */
  readonly rankOrder: ReadonlyArray<number>;
  /** The block's levels, best first (none where the block has no levels). */
  readonly levels: ReadonlyArray<Level>;
  /** Level counts of the rows shown, in the levels' order (units without a total are left out). */
  readonly counts: Readonly<Record<Level, number>>;
  readonly summaryLine: string;
  /** The note lines of the criteria section ("1. Văn phòng UBND tỉnh: 75 điểm …"), as written. */
  readonly notes: ReadonlyArray<string>;
  readonly footnotes: ReadonlyArray<AppendixFootnote>;
}

export interface AppendixModel {
  readonly lang: Lang;
  readonly blocks: ReadonlyArray<AppendixBlock>;
  /** The framework line: which framework and thresholds the totals and levels come from. */
  readonly frameworkNote: string;
  /** Lower bounds of levels I, II, III: as the framework writes them, and as the language does. */
  readonly thresholds: ReadonlyArray<{
    readonly level: Level;
    readonly from: string;
    readonly fromText: string;
  }>;
  readonly decimals: number;
  /** The scale totals are brought to (100). */
  readonly scale: number;
}

export interface AppendixOptions {
  readonly lang?: Lang;
  /** Decision number, e.g. "292/QĐ-UBND" (used when the source has no decision line). */
  readonly decision?: string;
  /** Decision date, e.g. "31/01/2023". */
  readonly date?: string;
  /** Also carry each unit's criteria cells (for the criteria tables). */
  readonly withCriteria?: boolean;
}

/** The words of the appendix in Vietnamese, the first language; English is typed by their shape. */
const APPENDIX_VI = {
  label: (n: string) => `Phụ lục ${n}`,
  defaultTitle: "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN SỐ",
  decisionLine: (no: string, date: string) => `(Ban hành kèm theo Quyết định số ${no} ngày ${date})`,
  noDecision: "…/QĐ-UBND",
  noDate: "…/…/…",
  criteriaHeading: "Kết quả đánh giá các tiêu chí",
  rankingHeading: "Xếp hạng mức độ chính quyền số",
  headers: ["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ"] as readonly [string, string, string, string],
  criteriaTotal: "Tổng cộng",
  notes: "Ghi chú:",
  changedTotal: (unit: string, typed: string, total: string) =>
    `${unit}: tổng điểm ghi trong bảng tiêu chí là ${typed}; tính lại từ điểm các tiêu chí là ${total} (số được dùng ở bảng này).`,
  /** Why a unit has no total: the criterion `what` and what is wrong with its score. */
  noTotalReason: {
    missing: (what: string) => `thiếu điểm "${what}"`,
    notNumber: (what: string) => `điểm "${what}" không phải là số`,
    uncalculated: (what: string) => `công thức ở "${what}" chưa được tính`,
    aboveMax: (what: string) => `điểm "${what}" vượt điểm tối đa`,
    negative: (what: string) => `điểm "${what}" âm`,
  } satisfies Record<NoTotalReason, (what: string) => string>,
  noTotal: (unit: string, reason: string) =>
    `${unit}: chưa tính được tổng điểm (${reason}); không xếp mức độ.`,
};

const APPENDIX_EN: typeof APPENDIX_VI = {
  label: (n) => `Appendix ${n}`,
  defaultTitle: "DIGITAL GOVERNMENT LEVEL: ASSESSMENT AND RANKING",
  decisionLine: (no, date) => `(Issued with Decision No. ${no} of ${date})`,
  noDecision: "…/QĐ-UBND",
  noDate: "…/…/…",
  criteriaHeading: "Assessment by criterion",
  rankingHeading: "Digital government level ranking",
  headers: ["No.", "Unit", "TOTAL", "LEVEL"],
  criteriaTotal: "Total",
  notes: "Notes:",
  changedTotal: (unit, typed, total) =>
    `${unit}: the criteria table gives the total ${typed}; recomputed from the criterion scores it is ${total} (used in this table).`,
  noTotalReason: {
    missing: (what) => `"${what}" is missing`,
    notNumber: (what) => `"${what}" is not a number`,
    uncalculated: (what) => `the formula of "${what}" is not calculated`,
    aboveMax: (what) => `"${what}" is above its max`,
    negative: (what) => `"${what}" is negative`,
  },
  noTotal: (unit, reason) => `${unit}: no total (${reason}); no level.`,
};

/** The words of the appendix, Vietnamese first. */
export const WORD_APPENDIX_TEXT: Readonly<Record<Lang, typeof APPENDIX_VI>> = {
  vi: APPENDIX_VI,
  en: APPENDIX_EN,
};

/** The text of a footnote in a language. */
export function appendixFootnoteText(f: AppendixFootnote, lang: Lang): string {
  const t = WORD_APPENDIX_TEXT[lang];
  return f.kind === "changedTotal"
    ? t.changedTotal(f.unit, f.typed, f.total)
    : t.noTotal(f.unit, t.noTotalReason[f.reason](f.what));
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/** 1 → "I", …, 10 → "X"; beyond, the plain number. */
export function romanNumeral(n: number): string {
  return ROMAN[n - 1] ?? String(n);
}

function unicodeName(name: string): string {
  return decodeLegacyVietnamese(name)?.text ?? name;
}

const NO_TOTAL_CODES: Readonly<Partial<Record<Finding["code"], NoTotalReason>>> = {
  MISSING_SCORE: "missing",
  NOT_A_NUMBER: "notNumber",
  UNCALCULATED_FORMULA: "uncalculated",
  SCORE_ABOVE_MAX: "aboveMax",
  SCORE_NEGATIVE: "negative",
};

/** Why a unit has no total: the first finding that leaves it unknown (plan.ts's unitFacts). */
function noTotalCause(reasons: ReadonlyArray<Finding>): { reason: NoTotalReason; what: string } {
  for (const f of reasons) {
    const reason = NO_TOTAL_CODES[f.code];
    if (reason) return { reason, what: f.params.what ?? "" };
  }
  return { reason: "missing", what: "" };
}

/** A score cell as the appendix shows it: numbers in the language's writing, other text as typed. */
function scoreText(sheet: SheetGrid, row: number, col: number, lang: Lang): string {
  if (col < 0) return "";
  const cell = cellAt(sheet, row, col);
  const reading = readCellNumber(cell);
  return reading.kind === "number" ? localNumber(exactToString(reading.value), lang) : shownValue(cell);
}

/** The levels with a lower bound, as the framework writes it and as the language does. */
function levelThresholds(framework: Framework, lang: Lang): AppendixModel["thresholds"] {
  return frameworkLevels(framework).flatMap((l) =>
    l.min === undefined ? [] : [{ level: l.name, from: l.min, fromText: localNumber(l.min, lang) }],
  );
}

function appendixBlock(
  analysis: Analysis,
  result: BlockResult,
  block: Block,
  k: number,
  options: AppendixOptions,
): AppendixBlock {
  const lang = options.lang ?? "vi";
  const t = WORD_APPENDIX_TEXT[lang];
  const decimals = result.decimals;
  const source = sourceTitle(block.criteria, analysis.model.tables);
  // The same facts as the ranking sheet's: names, known totals and levels, why a total is unknown.
  const facts = unitFacts(result, analysis, block);
  const footnotes: AppendixFootnote[] = [];
  const rows: AppendixRow[] = [];
  // Units per level, in the block's order of levels (best first).
  const counts: Record<Level, number> = Object.fromEntries(result.levels.map((l) => [l, 0]));
  const grid = block.criteria.sheet.grid;
  const columns = block.criteria.columns;
  result.units.forEach((u, i) => {
    const criteriaName = unicodeName(u.name);
    const { name, total, level, reasons } = facts[i]!;
    let typedText: string | undefined;
    let footnote: number | undefined;
    if (total !== undefined && u.typedTotal !== undefined) {
      const typed = roundExact(u.typedTotal, decimals);
      if (compareExact(typed, total) !== 0) {
        typedText = localNumber(formatExact(typed, decimals), lang);
        footnotes.push({
          kind: "changedTotal",
          unit: name,
          typed: typedText,
          total: localNumber(formatExact(total, decimals), lang),
        });
        footnote = footnotes.length;
      }
    } else if (total === undefined) {
      footnotes.push({ kind: "noTotal", unit: name, ...noTotalCause(reasons) });
      footnote = footnotes.length;
    }
    if (level !== undefined) counts[level] = (counts[level] ?? 0) + 1;
    const scores = options.withCriteria
      ? [
          ...columns.criteria.map((c) => scoreText(grid, u.row, c, lang)),
          total !== undefined ? localNumber(formatExact(total, decimals), lang) : "",
        ]
      : undefined;
    rows.push({
      stt: i + 1,
      name,
      criteriaName,
      ...(total !== undefined ? { total } : {}),
      totalText: total !== undefined ? localNumber(formatExact(total, decimals), lang) : "",
      ...(level !== undefined ? { level } : {}),
      ...(total !== undefined && u.rank !== undefined ? { rank: u.rank } : {}),
      ...(typedText !== undefined ? { typedText } : {}),
      ...(footnote !== undefined ? { footnote } : {}),
      ...(scores ? { scores } : {}),
    });
  });
  const rankOrder = result.order.filter((i) => rows[i]!.total !== undefined);
  let decisionLine: string;
  let decisionFrom: AppendixBlock["decisionFrom"];
  if (source.decisionLine !== undefined) {
    decisionLine = source.decisionLine;
    decisionFrom = "source";
  } else if (options.decision !== undefined || options.date !== undefined) {
    decisionLine = t.decisionLine(options.decision ?? t.noDecision, options.date ?? t.noDate);
    decisionFrom = "options";
  } else {
    decisionLine = t.decisionLine(t.noDecision, t.noDate);
    decisionFrom = "placeholder";
  }
  // A ranking title that is a note or a summary line is not a heading (no heading above the table).
  const rankingTitle =
    result.rankingTitle !== undefined && !isTrailingLine(result.rankingTitle)
      ? result.rankingTitle
      : undefined;
  const criteriaTitle =
    source.criteriaHeading ??
    (result.title !== result.sheet && NUMBERED.test(result.title) ? result.title : undefined);
  return {
    sheet: result.sheet,
    label:
      source.label ??
      (isAppendixLabel(result.sheet) && lang === "vi" ? result.sheet : t.label(romanNumeral(k + 1))),
    titleLines: source.lines.length > 0 ? source.lines : [t.defaultTitle],
    decisionLine,
    decisionFrom,
    criteriaHeading: criteriaTitle !== undefined ? withoutNumbering(criteriaTitle) : t.criteriaHeading,
    rankingHeading: rankingTitle !== undefined ? withoutNumbering(rankingTitle) : t.rankingHeading,
    headers: t.headers,
    criteriaHeaders: [
      t.headers[0],
      t.headers[1],
      ...analysis.framework.criteria.map((c) => c.name),
      t.criteriaTotal,
    ],
    rows,
    rankOrder,
    levels: result.levels,
    counts,
    summaryLine: levelCountsLine(
      counts,
      lang,
      block.summaries[0]?.parts.map((p) => p.levels),
    ),
    notes: block.notes.map((n) => n.text),
    footnotes,
  };
}

/**
 * The appendix of every block of an analysis. Blocks come in the analysis's order (one per
 * criteria table). Changed totals and unknown totals are footnoted; the summary line counts the
 * rows shown.
 *
 * @example
 *   const model = appendixModel(analyzeWorkbook(grid, DEFAULT_FRAMEWORK), { decision: "292/QĐ-UBND" });
 *   model.blocks[0].rows.find((r) => r.name === "Sở Tài chính")?.totalText; // "88,30"
 */
export function appendixModel(analysis: Analysis, options: AppendixOptions = {}): AppendixModel {
  const lang = options.lang ?? "vi";
  const framework = analysis.framework;
  const thresholds = levelThresholds(framework, lang);
  const kind = analysis.blocks[0]?.kind ?? "criteria";
  const scale = lang === "vi" ? String(framework.scale).replace(".", ",") : String(framework.scale);
  return {
    lang,
    blocks: analysis.blocks.map((b, k) => appendixBlock(analysis, b, analysis.model.blocks[k]!, k, options)),
    // The same line as the ranking sheet's (without its dash).
    frameworkNote: APPENDIX_TEXT[lang]
      .frameworkLine(
        framework.name,
        "",
        { kind: ruleKind(kind, framework), scale, decimals: framework.decimals },
        thresholds.length > 0
          ? frameworkLevels(framework).map((l) => ({
              name: l.name,
              ...(l.min ? { min: localNumber(l.min, lang) } : {}),
            }))
          : [],
      )
      .replace(/^- /, ""),
    thresholds,
    decimals: framework.decimals,
    scale: framework.scale,
  };
}
