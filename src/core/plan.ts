/**
 * Planning the ranking sheets: one new sheet per block, laid out as the decision prints its
 * appendix (DESIGN.md's `rank` contract): the source's title lines, the ranking section's heading,
 * STT | Đơn vị | TỔNG ĐIỂM | MỨC ĐỘ in the criteria table's order under the ranking table's names,
 * the summary line, and notes saying what was changed and what could not be computed. As plain
 * data, with the print setup of Decree 30/2020/NĐ-CP.
 */
import type { Analysis, BlockResult, UnitResult } from "./analyze";
import { exactToNumber, type Exact } from "./exact";
import type { Finding, FindingCode } from "./findings";
import { frameworkLevels, type Framework, type Level } from "./framework";
import { a1Range, type CellRange } from "./grid";
import { decodeLegacyVietnamese } from "./legacy";
import { APPENDIX_TEXT, findingMessage, levelCountsLine, localNumber, UI_TEXT, type Lang } from "./messages";
import type { Block } from "./read";
import { rankUnits, type LevelCount } from "./scoring";
import { isTrailingLine, sourceTitle } from "./titles";
import { decree30Print, type PlannedCell, type PlannedSheet } from "./writes";

export type RankingOrder = "rank" | "source";

export interface RankingOptions {
  /** "source" (the default): the criteria table's order, as the decision prints it. */
  readonly order?: RankingOrder;
  /** Add a "Thứ hạng" column. */
  readonly withRank?: boolean;
  readonly lang?: Lang;
}
/** Excel's sheet-name rules: at most 31 characters, none of : \ / ? * [ ], not blank, no leading/trailing quote. */
export const MAX_SHEET_NAME = 31;
/** Characters Excel refuses in a sheet name. */
const SHEET_NAME_REFUSED = /[:\\/?*[\]]/;
/** The name Excel keeps for itself (case-insensitive). */
const RESERVED_SHEET_NAME = "history";

/** Whether Excel takes `name` as a sheet name (isSheetName("Xếp hạng") is true; "a/b", "'a", "History" are not). */
export function isSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= MAX_SHEET_NAME &&
    !SHEET_NAME_REFUSED.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLocaleLowerCase() !== RESERVED_SHEET_NAME
  );
}

function cleanSheetName(name: string): string {
  const cleaned = name
    .replace(new RegExp(SHEET_NAME_REFUSED.source, "g"), " ")
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
    const name =
      clean
        .slice(0, MAX_SHEET_NAME - suffix.length)
        .trimEnd()
        .replace(/'+$/, "") + suffix;
    if (isSheetName(name) && !used.has(name.toLocaleLowerCase())) return name;
  }
}

/** Findings that leave a unit's total unknown: a score missing, not a number, negative or above its max. */
const UNKNOWN_TOTAL: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "MISSING_SCORE",
  "NOT_A_NUMBER",
  "UNCALCULATED_FORMULA",
  "SCORE_ABOVE_MAX",
  "SCORE_NEGATIVE",
]);

/** The fill of a table's header row on the add-in's sheets. */
export const HEADER_FILL = "#D9E1F2";
/** At most this many title lines are taken from above a criteria table. */
const MAX_TITLE_LINES = 6;

/** The model block a block result was computed from. */
export function modelBlock(analysis: Pick<Analysis, "model">, block: BlockResult): Block | undefined {
  return analysis.model.blocks.find(
    (b) => b.criteria.sheet.name === block.sheet && a1Range(b.criteria.range) === block.range,
  );
}

/** What the plan says about one unit: its facts, its rank, and its changed total as shown. */
interface UnitLine extends Omit<UnitFacts, "mismatch"> {
  rank: number | undefined;
  /** TOTAL_MISMATCH: the typed and the recomputed total, as the finding states them. */
  readonly changed:
    { readonly typed: string; readonly recomputed: string; readonly cell: string } | undefined;
}

/** The findings of the criteria sheet by row. */
function findingsByRow(findings: ReadonlyArray<Finding>, sheet: string): Map<number, Finding[]> {
  const map = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.sheet !== sheet) continue;
    const list = map.get(f.row);
    if (list) list.push(f);
    else map.set(f.row, [f]);
  }
  return map;
}

function text(v: string, extra: Omit<PlannedCell, "v"> = {}): PlannedCell {
  return { v, ...extra };
}

/** The rows of a planned sheet as they are laid down, with their merges and heights (points). */
export interface SheetRows {
  readonly rows: PlannedCell[][];
  readonly merges: CellRange[];
  readonly heights: Array<number | undefined>;
  /** A cell merged across the table's width; Excel's own height when none is given. */
  readonly line: (cell: PlannedCell, height?: number) => void;
  /** A row of cells. */
  readonly row: (cells: PlannedCell[]) => void;
  /** An empty row across the table's width. */
  readonly blank: () => void;
}

/** Rows for a sheet whose table is `width` columns wide. */
export function sheetRows(width: number): SheetRows {
  const rows: PlannedCell[][] = [];
  const merges: CellRange[] = [];
  const heights: Array<number | undefined> = [];
  return {
    rows,
    merges,
    heights,
    line: (cell, height) => {
      const cells: PlannedCell[] = [cell];
      while (cells.length < width) cells.push({ v: null });
      merges.push({ top: rows.length, left: 0, bottom: rows.length, right: width - 1 });
      rows.push(cells);
      heights.push(height);
    },
    row: (cells) => {
      rows.push(cells);
      heights.push(undefined);
    },
    blank: () => {
      rows.push(Array.from({ length: width }, () => ({ v: null })));
      heights.push(undefined);
    },
  };
}

/** Column widths of the ranking table, in character widths; the unit column gives up some for a rank column. */
const COLUMN_WIDTH = { stt: 6, unit: 50, total: 13, level: 11, rank: 10, unitGivenToRank: 4 } as const;
/** Height of one line of 13 pt text, in points. */
const LINE_HEIGHT_PT = 17;
/** Characters of 13 pt text that fit one character width of a column (Times New Roman runs narrow). */
const CHARS_PER_WIDTH = 0.85;
/** Fewest characters assumed to fit a line, however narrow the table. */
const MIN_CHARS_PER_LINE = 10;

/** Estimated height (points) of a wrapped line of `chars` characters over `width` character widths at 13 pt. */
function wrappedHeight(chars: number, width: number): number {
  const perLine = Math.max(MIN_CHARS_PER_LINE, Math.floor(width * CHARS_PER_WIDTH));
  return Math.max(1, Math.ceil(chars / perLine)) * LINE_HEIGHT_PT;
}

/**
 * What the appendix says of one unit, the same for the ranking sheet and the Word file: its name as
 * the ranking table writes it (in Unicode), its total and level unless a finding on its row leaves
 * them unknown (a score missing, not a number, not calculated, negative or above its max), why,
 * and the TOTAL_MISMATCH that changed its typed total.
 */
export interface UnitFacts {
  readonly unit: UnitResult;
  readonly name: string;
  /** The total shown, or undefined when it cannot be known. */
  readonly total: Exact | undefined;
  readonly level: Level | undefined;
  /** Why the total cannot be known (empty when it is known). */
  readonly reasons: ReadonlyArray<Finding>;
  /** TOTAL_MISMATCH on the unit's typed total, when the total is known. */
  readonly mismatch: Finding | undefined;
}

/** The facts of each unit of a block, in the criteria table's order. */
export function unitFacts(
  block: BlockResult,
  analysis: Partial<Pick<Analysis, "findings">>,
  source: Block | undefined,
): UnitFacts[] {
  const names = block.rankingNames;
  const byRow = findingsByRow(analysis.findings ?? [], block.sheet);
  const totalCol = source?.criteria.columns.total;
  const facts = new Array<UnitFacts>(block.units.length);
  for (let i = 0; i < block.units.length; i++) {
    facts[i] = factsOf(block.units[i]!, names[i]!, byRow.get(block.units[i]!.row), totalCol);
  }
  return facts;
}

/** One unit's facts (one function per unit, as analyze.ts's checkUnit; one object shape for all). */
function factsOf(
  u: UnitResult,
  rankingName: string,
  found: ReadonlyArray<Finding> | undefined,
  totalCol: number | undefined,
): UnitFacts {
  let reasons: Finding[] = NO_FINDINGS;
  let mismatch: Finding | undefined;
  if (found) {
    for (const f of found) {
      if (UNKNOWN_TOTAL.has(f.code) && f.col !== totalCol) {
        if (reasons === NO_FINDINGS) reasons = [];
        reasons.push(f);
      } else if (f.code === "TOTAL_MISMATCH") mismatch = f;
    }
  }
  const known = u.total !== undefined && reasons.length === 0;
  return {
    unit: u,
    // A name typed in TCVN3 or VNI is written in its Unicode spelling.
    name: decodeLegacyVietnamese(rankingName)?.text ?? rankingName,
    total: known ? u.total : undefined,
    level: known ? u.level : undefined,
    reasons: known ? NO_FINDINGS : reasons,
    mismatch: known ? mismatch : undefined,
  };
}

/**
 * What the ranking sheet says about each unit of a block, in the criteria table's order: its
 * facts, its rank among the known totals, and the changed total as the finding states it.
 */
function unitLines(
  block: BlockResult,
  analysis: Partial<Pick<Analysis, "findings">>,
  source: Block | undefined,
  lang: Lang,
): { lines: UnitLine[]; known: UnitLine[]; order: number[] } {
  const facts = unitFacts(block, analysis, source);
  const lines: UnitLine[] = new Array<UnitLine>(facts.length);
  const known: UnitLine[] = [];
  const totals: Exact[] = [];
  for (let i = 0; i < facts.length; i++) {
    const line = unitLine(facts[i]!, lang);
    lines[i] = line;
    if (line.total !== undefined) {
      known.push(line);
      totals.push(line.total);
    }
  }
  const { ranks, order } = rankUnits(totals);
  for (let k = 0; k < known.length; k++) known[k]!.rank = ranks[k];
  return { lines, known, order };
}

/** One unit's line of the ranking sheet (one object shape for every line: no rest or spread). */
function unitLine(f: UnitFacts, lang: Lang): UnitLine {
  const m = f.mismatch;
  return {
    unit: f.unit,
    name: f.name,
    total: f.total,
    level: f.level,
    reasons: f.reasons,
    rank: undefined,
    changed: m
      ? {
          typed: localNumber(m.params.actual ?? "", lang),
          recomputed: localNumber(m.params.expected ?? "", lang),
          cell: `${m.sheet}!${m.cell}`,
        }
      : undefined,
  };
}

const NO_FINDINGS: Finding[] = [];

/** A unit the ranking sheet leaves without total and level, and why (the findings' messages). */
export interface UnknownTotal {
  readonly unit: string;
  readonly reasons: ReadonlyArray<string>;
}

/** The units of a block whose total cannot be known, with the reasons (for the CLI's stderr and the pane). */
export function unknownTotals(
  block: BlockResult,
  analysis: Partial<Pick<Analysis, "model" | "findings">>,
  lang: Lang = "vi",
): UnknownTotal[] {
  const source = analysis.model ? modelBlock({ model: analysis.model }, block) : undefined;
  return unitLines(block, analysis, source, lang)
    .lines.filter((l) => l.total === undefined)
    .map((l) => ({
      unit: l.name,
      reasons:
        l.reasons.length > 0
          ? l.reasons.map((f) => `${f.sheet}!${f.cell}: ${findingMessage(f, lang)}`)
          : [UI_TEXT[lang].noTotal],
    }));
}

/** The level counts the ranking sheet states: units whose total cannot be known are left out. */
export function appendixLevelCounts(
  block: BlockResult,
  analysis: Partial<Pick<Analysis, "model" | "findings">>,
): LevelCount[] {
  const source = analysis.model ? modelBlock({ model: analysis.model }, block) : undefined;
  return countKnown(block.levels, unitLines(block, analysis, source, "vi").known);
}

/** Units per level of a block, in its levels' order, counting only the lines with a known total. */
function countKnown(levels: ReadonlyArray<Level>, known: ReadonlyArray<UnitLine>): LevelCount[] {
  const counts = new Map<Level, number>(levels.map((l) => [l, 0]));
  for (const l of known) if (l.level !== undefined) counts.set(l.level, (counts.get(l.level) ?? 0) + 1);
  return [...counts].map(([level, count]) => ({ level, count }));
}

/** The framework's levels with their bounds as the sheet shows them. */
function levelBounds(framework: Framework, lang: Lang): Array<{ name: string; min?: string }> {
  return frameworkLevels(framework).map((l) =>
    l.min === undefined ? { name: l.name } : { name: l.name, min: localNumber(l.min, lang) },
  );
}

/** Plans the ranking sheet of one block (the decision's appendix). */
export function planRankingSheet(
  block: BlockResult,
  analysis: Pick<Analysis, "framework"> & Partial<Pick<Analysis, "model" | "findings">>,
  name: string,
  options: RankingOptions = {},
): PlannedSheet {
  const lang = options.lang ?? "vi";
  const w = APPENDIX_TEXT[lang];
  // The block's own framework (the given one, or the one its sheet implies) sets the decimals,
  // the scale of the framework line and whether there is a level column at all.
  const framework = block.framework ?? analysis.framework;
  const decimals = block.decimals ?? framework.decimals;
  const fmt = decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
  const withRank = options.withRank === true;
  const hasLevels = block.levels.length > 0;
  const width = 3 + (hasLevels ? 1 : 0) + (withRank ? 1 : 0);
  const columnWidths: number[] = [
    COLUMN_WIDTH.stt,
    COLUMN_WIDTH.unit - (withRank ? COLUMN_WIDTH.unitGivenToRank : 0),
    COLUMN_WIDTH.total,
  ];
  if (hasLevels) columnWidths.push(COLUMN_WIDTH.level);
  if (withRank) columnWidths.push(COLUMN_WIDTH.rank);
  const textWidth = columnWidths.reduce((a, b) => a + b, 0);
  const source = analysis.model ? modelBlock({ model: analysis.model }, block) : undefined;
  const sheet = sheetRows(width);
  const { rows, merges, heights, blank } = sheet;
  /** A line of text across the table's width, as high as its wrapped text unless told. */
  const line = (v: string, extra: Omit<PlannedCell, "v">, height = true): void =>
    sheet.line(
      text(v, { wrap: true, valign: "top", ...extra }),
      height ? wrappedHeight(v.length, textWidth) : undefined,
    );

  // Title lines: the source's, else the framework's words.
  const titles =
    source && analysis.model
      ? sourceTitle(source.criteria, analysis.model.tables).all.slice(-MAX_TITLE_LINES)
      : [];
  if (titles.length === 0)
    titles.push(
      fallbackTitle(lang, framework.subject),
      ...(block.title !== block.sheet ? [block.title] : []),
    );
  for (const t of titles) {
    const note = /^\(.*\)$/.test(t);
    line(t, { bold: !note, italic: note, align: "center" });
  }
  blank();
  // The ranking section's heading, where the source has one ("2. Xếp hạng mức độ …").
  const heading = block.rankingTitle;
  if (heading && !titles.includes(heading) && !isTrailingLine(heading))
    line(heading, { bold: true, align: "left" });

  // The header.
  const headerRow = rows.length;
  const h = w.header;
  sheet.row(
    [h.stt, h.unit, h.total, ...(hasLevels ? [h.level] : []), ...(withRank ? [h.rank] : [])].map((v) =>
      text(v, { bold: true, align: "center", border: true, fill: HEADER_FILL, wrap: true, valign: "middle" }),
    ),
  );

  // What is known of each unit.
  const { lines, known, order } = unitLines(block, analysis, source, lang);
  const listed =
    options.order === "rank"
      ? [...order.map((k) => known[k]!), ...lines.filter((l) => l.total === undefined)]
      : lines;

  // The rows. Cells that repeat are shared (planned cells are read-only data).
  const empty: PlannedCell = { v: null, border: true };
  const shared: SharedCells = { empty, levels: new Map(), whole: [], fmt };
  for (let k = 0; k < listed.length; k++) {
    sheet.row(unitRow(shared, k + 1, listed[k]!, { hasLevels, withRank }, w));
  }

  // The summary line, grouped as the source groups it, counting only the known levels.
  if (hasLevels) {
    const groups = source?.summaries[0]?.parts.map((p) => p.levels);
    line(levelCountsLine(countKnown(block.levels, known), lang, groups), {});
  }

  // Notes: what changed, what could not be computed, the framework used.
  blank();
  line(w.notes, { italic: true, bold: true }, false);
  for (const l of listed) {
    if (l.changed)
      line(w.changedLine(l.name, l.changed.typed, l.changed.recomputed, l.changed.cell), { italic: true });
  }
  for (const l of lines) {
    if (l.total !== undefined) continue;
    const reasons =
      l.reasons.length > 0
        ? l.reasons.map((f) => `${f.sheet}!${f.cell}: ${findingMessage(f, lang)}`).join("; ")
        : UI_TEXT[lang].noTotal;
    line(w.unknownLine(l.name, reasons), { italic: true });
  }
  const scale = lang === "vi" ? String(framework.scale).replace(".", ",") : String(framework.scale);
  line(
    w.frameworkLine(
      framework.name,
      framework.source,
      { kind: ruleKind(block.kind, framework), scale, decimals },
      hasLevels && block.levelBoundsKnown ? levelBounds(framework, lang) : [],
    ),
    { italic: true },
  );
  if (withRank || options.order === "rank") line(w.rankLine, { italic: true });

  return {
    name,
    rows,
    merges,
    columnWidths,
    freezeRows: headerRow + 1,
    rowHeights: heights,
    print: decree30Print(headerRow, rows.length, width),
    own: "ranking",
  };
}

/** Cells shared by the rows of a ranking sheet (planned cells are read-only data). */
interface SharedCells {
  readonly empty: PlannedCell;
  /** The level cells, made when first needed. */
  readonly levels: Map<Level, PlannedCell>;
  /** Cells of whole numbers (STT and rank), made when first needed. */
  readonly whole: PlannedCell[];
  /** Number format of the totals. */
  readonly fmt: string;
}

function levelCell(shared: SharedCells, level: Level): PlannedCell {
  let cell = shared.levels.get(level);
  if (!cell) shared.levels.set(level, (cell = { v: level, align: "center", border: true }));
  return cell;
}

function wholeCell(shared: SharedCells, m: number): PlannedCell {
  return (shared.whole[m] ??= { v: m, fmt: "0", align: "center", border: true });
}

/** The row of a unit at place `place`: STT, name, total, level (and rank). */
function unitRow(
  shared: SharedCells,
  place: number,
  l: UnitLine,
  columns: { readonly hasLevels: boolean; readonly withRank: boolean },
  w: (typeof APPENDIX_TEXT)[Lang],
): PlannedCell[] {
  const total: PlannedCell =
    l.total === undefined
      ? shared.empty
      : l.changed
        ? {
            v: exactToNumber(l.total),
            fmt: shared.fmt,
            align: "center",
            border: true,
            note: w.changedComment(l.changed.typed, l.changed.recomputed),
          }
        : { v: exactToNumber(l.total), fmt: shared.fmt, align: "center", border: true };
  const cells = [
    wholeCell(shared, place),
    { v: l.name, align: "left", border: true, wrap: true } as PlannedCell,
    total,
  ];
  if (columns.hasLevels) cells.push(l.level !== undefined ? levelCell(shared, l.level) : shared.empty);
  if (columns.withRank) cells.push(l.rank !== undefined ? wholeCell(shared, l.rank) : shared.empty);
  return cells;
}

/** The rule the framework line states: a criteria table of weighted criteria says so. */
export function ruleKind(kind: string, framework: Framework): string {
  return kind === "criteria" && framework.criteria.some((c) => c.weight !== undefined && c.weight !== "")
    ? "weighted"
    : kind;
}

/** The sheet's title where the source has none: the results of what the framework assesses. */
function fallbackTitle(lang: Lang, subject: string | undefined): string {
  const words = APPENDIX_TEXT[lang];
  if (subject === undefined || subject === "" || lang !== "vi") return words.fallbackTitle;
  return `KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ ${subject.toLocaleUpperCase("vi")}`;
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
