/**
 * Planning the ranking sheets: one new sheet per block, laid out like the decision's appendix
 * (STT | Đơn vị | Tổng điểm | Mức độ | Thứ hạng, then the summary line), as plain data.
 */
import type { Analysis, BlockResult, UnitResult } from "./analyze";
import { exactToNumber } from "./exact";
import type { Level } from "./framework";
import { decodeLegacyVietnamese } from "./legacy";
import { levelCountsLine, UI_TEXT, type Lang } from "./messages";
import type { PlannedCell, PlannedSheet } from "./writes";

export type RankingOrder = "rank" | "source";

export interface RankingOptions {
  readonly order?: RankingOrder;
  readonly lang?: Lang;
}

/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], not blank, no leading/trailing quote. */
export const MAX_SHEET_NAME = 31;

function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^'+|'+$/g, "");
  return cleaned === "" ? "Sheet" : cleaned;
}

/**
 * A sheet name not in `taken` (compared case-insensitively, as Excel does): `base`, else
 * `base (2)`, `base (3)`, …, shortened to fit 31 characters.
 */
export function freeSheetName(base: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toLocaleLowerCase());
  const clean = cleanSheetName(base);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = clean.slice(0, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!used.has(name.toLocaleLowerCase())) return name;
  }
}

/** "2. Xếp hạng mức độ …" → "Xếp hạng mức độ …": titles without their numbering. */
export function bareTitle(title: string): string {
  return title.replace(/^\s*(?:\d+|[IVX]+)\s*[.)]\s*/, "").trim();
}

const HEADER_FILL = "#D9E1F2";

function text(v: string, extra: Omit<PlannedCell, "v"> = {}): PlannedCell {
  return { v, ...extra };
}

/** Plans the ranking sheet of one block. */
export function planRankingSheet(
  block: BlockResult,
  analysis: Pick<Analysis, "framework">,
  name: string,
  options: RankingOptions = {},
): PlannedSheet {
  const lang = options.lang ?? "vi";
  const t = UI_TEXT[lang];
  // The block's own framework (the given one, or the one its sheet implies) sets the decimals,
  // the scale of the rule line and whether there is a level column at all.
  const framework = block.framework ?? analysis.framework;
  const decimals = block.decimals ?? framework.decimals;
  const fmt = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  const hasLevels = block.levels === undefined || block.levels.length > 0;
  const width = hasLevels ? 5 : 4;
  const pad = (cells: PlannedCell[]): PlannedCell[] => {
    while (cells.length < width) cells.push({ v: null });
    return cells;
  };
  const rows: PlannedCell[][] = [];
  rows.push(pad([text(rankingTitle(lang, framework.subject), { bold: true, align: "center" })]));
  rows.push(
    pad([text(bareTitle(block.rankingTitle ?? block.title), { italic: true, align: "center", wrap: true })]),
  );
  rows.push(pad([]));
  const headerRow = rows.length;
  rows.push(
    (hasLevels ? [t.stt, t.unit, t.total, t.level, t.rank] : [t.stt, t.unit, t.total, t.rank]).map((h) =>
      text(h, { bold: true, align: "center", border: true, fill: HEADER_FILL, wrap: true }),
    ),
  );
  const order = options.order === "source" ? block.units.map((_, i) => i) : block.order;
  // Cells that repeat are shared (planned cells are read-only data): the empty cell, the four
  // level cells, and the whole numbers of the STT and rank columns (a unit's place and its rank
  // are the same number unless it is tied).
  const empty: PlannedCell = { v: null, border: true };
  const levelCells: Record<Level, PlannedCell> = {
    I: { v: "I", align: "center", border: true },
    II: { v: "II", align: "center", border: true },
    III: { v: "III", align: "center", border: true },
    IV: { v: "IV", align: "center", border: true },
  };
  const shared: SharedCells = { empty, levels: levelCells, whole: [], fmt };
  for (let k = 0; k < order.length; k++) {
    const row = unitRow(shared, k + 1, block.units[order[k]!]!);
    if (!hasLevels) row.splice(3, 1);
    rows.push(row);
  }
  const summaryRow = hasLevels ? rows.length : -1;
  if (hasLevels) rows.push(pad([text(levelCountsLine(block.counts, lang))]));
  const missing = block.units.filter((u) => u.total === undefined).length;
  const ruleRow = rows.length;
  rows.push(
    pad([text(rankingRule(lang, decimals, framework.scale, block.kind), { italic: true, wrap: true })]),
  );
  if (missing > 0) {
    rows.push(
      pad([
        text(
          lang === "vi"
            ? `${missing} đơn vị chưa tính được tổng điểm (thiếu điểm hoặc điểm không phải là số) được xếp cuối, không có hạng.`
            : `${missing} unit(s) without a computable total are listed last, without a rank.`,
          { italic: true, wrap: true },
        ),
      ]),
    );
  }
  const last = width - 1;
  return {
    name,
    rows,
    merges: [
      { top: 0, left: 0, bottom: 0, right: last },
      { top: 1, left: 0, bottom: 1, right: last },
      ...(summaryRow >= 0 ? [{ top: summaryRow, left: 0, bottom: summaryRow, right: last }] : []),
      { top: ruleRow, left: 0, bottom: ruleRow, right: last },
      ...(missing > 0 ? [{ top: ruleRow + 1, left: 0, bottom: ruleRow + 1, right: last }] : []),
    ],
    columnWidths: hasLevels ? [6, 44, 12, 10, 10] : [6, 44, 12, 10],
    freezeRows: headerRow + 1,
  };
}

/** Cells shared by the rows of a ranking sheet (planned cells are read-only data). */
interface SharedCells {
  readonly empty: PlannedCell;
  readonly levels: Record<Level, PlannedCell>;
  /** Cells of whole numbers (STT and rank), made when first needed. */
  readonly whole: PlannedCell[];
  /** Number format of the totals. */
  readonly fmt: string;
}

function wholeCell(shared: SharedCells, m: number): PlannedCell {
  return (shared.whole[m] ??= { v: m, fmt: "0", align: "center", border: true });
}

/** The row of a unit at place `place`: STT, name, total, level, rank. */
function unitRow(shared: SharedCells, place: number, u: UnitResult): PlannedCell[] {
  return [
    wholeCell(shared, place),
    // A name typed in TCVN3 or VNI is written in its Unicode spelling.
    { v: decodeLegacyVietnamese(u.name)?.text ?? u.name, align: "left", border: true },
    u.total !== undefined
      ? { v: exactToNumber(u.total), fmt: shared.fmt, align: "center", border: true }
      : shared.empty,
    u.level !== undefined
      ? (shared.levels[u.level] ??= { v: u.level, align: "center", border: true })
      : shared.empty,
    u.rank !== undefined ? wholeCell(shared, u.rank) : shared.empty,
  ];
}

/** The sheet's title: the ranking of what the framework assesses ("chính quyền số" by default). */
function rankingTitle(lang: Lang, subject: string | undefined): string {
  if (subject === undefined || subject === "") return UI_TEXT[lang].rankingTitle;
  return lang === "vi" ? `XẾP HẠNG MỨC ĐỘ ${subject.toLocaleUpperCase("vi")}` : UI_TEXT.en.rankingTitle;
}

/** The ranking rule, stated on the sheet, with the framework's scale. */
export function rankingRule(lang: Lang, decimals = 2, scale = 100, kind = "criteria"): string {
  const s = lang === "vi" ? String(scale).replace(".", ",") : String(scale);
  const total =
    kind === "ranks"
      ? lang === "vi"
        ? "Tổng điểm như bảng ghi. "
        : "Totals as the table prints them. "
      : kind === "results"
        ? lang === "vi"
          ? `Tổng điểm = (số điểm thực hiện × ${s}) / số điểm tối đa cần thực hiện, làm tròn ${decimals} chữ số thập phân (quá bán lên). `
          : `Total = (points × ${s}) / max to do, rounded half up to ${decimals} decimals. `
        : lang === "vi"
          ? `Tổng điểm = (tổng điểm các tiêu chí × ${s}) / điểm tối đa, làm tròn ${decimals} chữ số thập phân (quá bán lên). `
          : `Total = (sum of criterion scores × ${s}) / max points, rounded half up to ${decimals} decimals. `;
  return lang === "vi"
    ? total +
        "Thứ hạng theo tổng điểm giảm dần; các đơn vị bằng điểm cùng hạng, hạng kế tiếp bỏ qua (1, 2, 2, 4)."
    : total +
        "Ranked by total, descending; equal totals share a rank and the next rank is skipped (1, 2, 2, 4).";
}

/** Plans one ranking sheet per block, each with a free name. */
export function planRankingSheets(
  analysis: Analysis,
  existingSheetNames: ReadonlyArray<string>,
  options: RankingOptions = {},
): PlannedSheet[] {
  const taken = [...existingSheetNames];
  const prefix = UI_TEXT[options.lang ?? "vi"].rankingSheet;
  return analysis.blocks.map((block) => {
    const name = freeSheetName(`${prefix} ${block.sheet}`, taken);
    taken.push(name);
    return planRankingSheet(block, analysis, name, options);
  });
}
