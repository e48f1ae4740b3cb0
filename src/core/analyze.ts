/**
 * Checking a workbook: every check of DESIGN.md's findings table, the recomputed totals, levels,
 * ranks and level counts, per block. One function for the pane, the ribbon and the CLI.
 */
import {
  addExact,
  compareExact,
  exactFromDecimalString,
  exactFromInteger,
  exactToNumber,
  formatExact,
  isNegative,
  isPositive,
  multiplyExact,
  normalizeExact,
  roundExact,
  type Exact,
} from "./exact";
import {
  compileFramework,
  LEVELS,
  type CompiledFramework,
  type Framework,
  type Level,
  type ReducedMaxEntry,
} from "./framework";
import {
  countBySeverity,
  makeFinding,
  sortFindings,
  type Finding,
  type FindingCode,
  type FindingParamsOf,
} from "./findings";
import { a1, a1Range, cellAt, type Cell, type WorkbookGrid } from "./grid";
import { decodeLegacyVietnamese } from "./legacy";
import { indexKeys, matchUnits, nameKey, type KeyIndex, type UnitMatching } from "./names";
import { parseNumberText, plainNumberOf, readCellNumber, trimSpaces, type NumberReading } from "./numbers";
import {
  readWorkbook,
  type Block,
  type SheetRef,
  type Table,
  type TableKind,
  type TableRow,
  type WorkbookModel,
} from "./read";
import { classifyLevel, countLevels, normalizeTotal, rankUnits, type LevelCount } from "./scoring";
import { foldHeader, stripAccents, tidy } from "./text";

export type MaxSource = "full" | "column" | "note" | "settings" | "notAssessed";

export interface UnitResult {
  readonly name: string;
  readonly sheet: string;
  readonly row: number;
  /** Max points the unit is scored out of, and where that came from. */
  readonly max: Exact;
  readonly maxSource: MaxSource;
  /** Sum of the criterion scores, when every score is a number. */
  readonly points?: Exact;
  /** The recomputed total (normalized, rounded); undefined when a score is missing. */
  readonly total?: Exact;
  /** The total typed in the criteria table, when it is a number. */
  readonly typedTotal?: Exact;
  readonly level?: Level;
  /** Competition rank in the block, for units with a total. */
  readonly rank?: number;
  /** Points as a percentage of the unit's max (results tables), unrounded. */
  readonly percent?: Exact;
}

export interface BlockResult {
  readonly title: string;
  /** Title of the block's ranking table, when it has one. */
  readonly rankingTitle?: string;
  readonly sheet: string;
  readonly range: string;
  readonly units: ReadonlyArray<UnitResult>;
  /** Unit indices in rank order (ties in source order), then units without a total. */
  readonly order: ReadonlyArray<number>;
  /** Units per level, in the framework's order (best first); empty when levels are unknown. */
  readonly counts: ReadonlyArray<LevelCount>;
  /** What the block's main table is. */
  readonly kind: TableKind;
  /** The level names, best first; empty when the block has no levels. */
  readonly levels: ReadonlyArray<Level>;
  /** Whether the levels come from known bounds (else they are the typed ones, in order). */
  readonly levelBoundsKnown: boolean;
  /** The framework the block was checked with (the given one, or the one its sheet implies). */
  readonly framework: Framework;
  /** Decimals of the block's totals. */
  readonly decimals: number;
  /** Each unit's name in the block's (first) ranking table where the names match, else its own. */
  readonly rankingNames: ReadonlyArray<string>;
}

export interface TableSummary {
  readonly sheet: string;
  readonly kind: TableKind;
  readonly range: string;
  readonly units: number;
}

export interface Analysis {
  readonly workbook: string;
  readonly framework: Framework;
  readonly model: WorkbookModel;
  readonly tables: ReadonlyArray<TableSummary>;
  readonly blocks: ReadonlyArray<BlockResult>;
  readonly findings: ReadonlyArray<Finding>;
  readonly summary: Record<"error" | "warning" | "info", number>;
}

/** A cell a finding points at, in a sheet the reader found. */
interface At {
  readonly sheet: SheetRef;
  readonly row: number;
  readonly col: number;
}

/** One finding as a check reports it: its code, the cell, the parameters its code takes, the unit. */
interface Report<C extends FindingCode> {
  readonly code: C;
  readonly at: At;
  readonly params: FindingParamsOf<C>;
  readonly unit?: string;
}

/**
 * Where a check's findings go, in the order found (sorted once at the end). A plain array: a
 * class instance's shape would be collected with the last sink of a check, and V8 would drop the
 * compiled code of every check that reports (measured in docs/benchmarks.md).
 */
type FindingSink = Finding[];

function report<C extends FindingCode>(sink: FindingSink, { code, at, params, unit }: Report<C>): void {
  const { sheet, row, col } = at;
  sink.push(
    makeFinding(
      code,
      { sheet: sheet.name, sheetIndex: sheet.index, row, col, cell: a1(row, col) },
      params,
      unit,
    ),
  );
}

/** Reports what a non-number reading is; returns the number when there is one. */
function numberOrReport(
  reading: NumberReading,
  sink: FindingSink,
  at: At,
  unit: string,
  what: string,
): Exact | undefined {
  switch (reading.kind) {
    case "number":
      if (reading.fromText)
        report(sink, {
          code: "TEXT_NUMBER",
          at,
          params: { what, value: formatPlain(reading.value) },
          unit,
        });
      return reading.value;
    case "empty":
      report(sink, { code: "MISSING_SCORE", at, params: { what }, unit });
      return undefined;
    case "uncalculated":
      report(sink, {
        code: "UNCALCULATED_FORMULA",
        at,
        params: { what, formula: reading.formula },
        unit,
      });
      return undefined;
    case "nan":
      report(sink, {
        code: "NOT_A_NUMBER",
        at,
        params: { what, value: reading.shown, kind: reading.what },
        unit,
      });
      return undefined;
  }
}

/** A cell's number (a plain number cell read directly), or undefined once what it holds is reported. */
function numberIn(cell: Cell, sink: FindingSink, at: At, unit: string, what: string): Exact | undefined {
  return plainNumberOf(cell) ?? numberOrReport(readCellNumber(cell), sink, at, unit, what);
}

function formatPlain(x: Exact): string {
  return tidy(formatExact(x, 6).replace(/\.?0+$/, ""));
}

const SCALE_DECIMALS = (fw: CompiledFramework): number => fw.framework.decimals;

/** A unit while its block is checked: the rank is filled in last. */
type UnitInProgress = { -readonly [K in keyof UnitResult]: UnitResult[K] };

/** A criteria table's checked units, with its names, their keys and their index. */
interface CriteriaUnits {
  readonly units: UnitInProgress[];
  readonly names: ReadonlyArray<string>;
  readonly keys: ReadonlyArray<string>;
  readonly index: KeyIndex;
}

/** DUPLICATE_UNIT for each row of a table whose name came earlier in it. */
function reportDuplicates(table: Table, index: KeyIndex, sink: FindingSink): void {
  const col = table.columns.unit;
  for (const { index: k, first } of index.repeats) {
    const r = table.rows[k]!;
    const firstCell = a1(table.rows[first]!.row, col);
    report(sink, {
      code: "DUPLICATE_UNIT",
      at: { sheet: table.sheet, row: r.row, col },
      params: { firstCell },
      unit: r.name,
    });
  }
}

/** What checking one unit of a criteria table needs, gathered once per table. */
interface CriteriaContext {
  readonly table: Table;
  readonly fw: CompiledFramework;
  readonly sink: FindingSink;
  /** Reduced max points from the block's notes and from the settings, by name key. */
  readonly notes: Map<string, ReducedMaxEntry>;
  readonly settings: Map<string, ReducedMaxEntry>;
  /** Whether at least half of the typed totals are formulas (HARDCODED_TOTAL). */
  readonly totalsMostlyFormulas: boolean;
}

/** The criteria table's units, and the index of its name keys (for matching the ranking tables). */
function checkCriteriaTable(
  table: Table,
  block: Block,
  fw: CompiledFramework,
  sink: FindingSink,
): CriteriaUnits {
  const { sheet, columns } = table;
  const grid = sheet.grid;
  // One pass over the rows: names, keys, and how many typed totals are formulas (HARDCODED_TOTAL:
  // typed numbers where at least half of the totals are formulas).
  const names: string[] = [];
  const keys: string[] = [];
  let formulaTotals = 0;
  let filledTotals = 0;
  for (const r of table.rows) {
    names.push(r.name);
    keys.push(r.key);
    if (columns.total === undefined) continue;
    const c = cellAt(grid, r.row, columns.total);
    if (c.f) formulaTotals++;
    if (c.f || c.v !== null) filledTotals++;
  }
  const index = indexKeys(keys);
  reportDuplicates(table, index, sink);
  const notes = block.notes.map((n) => ({ unit: n.unit, max: n.max, note: n.text }));
  const context: CriteriaContext = {
    table,
    fw,
    sink,
    notes: reducedMaxByUnit(table, names, keys, index, notes),
    settings: reducedMaxByUnit(table, names, keys, index, fw.reducedMax),
    totalsMostlyFormulas: filledTotals > 0 && formulaTotals * 2 >= filledTotals,
  };
  const units: UnitInProgress[] = [];
  for (let k = 0; k < table.rows.length; k++) units.push(checkUnit(context, k));
  return { units, names, keys, index };
}

/**
 * Checks the k-th unit of a criteria table and computes its total and level, rule by rule: the
 * scores, the unit's max, the typed total, the percentage. One function per unit (not the loop's
 * body): it stays compiled between runs, while a loop's on-stack compiled code is dropped by a full
 * garbage collection (docs/benchmarks.md, "Fast paths").
 */
function checkUnit(context: CriteriaContext, k: number): UnitInProgress {
  const { table, fw, sink } = context;
  const { sheet, columns } = table;
  const r = table.rows[k]!;
  const unit = r.name;
  const points = checkScores(context, r);
  const { max, source: maxSource, note: maxNote } = unitMax(context, r);
  let total =
    points !== undefined ? scaledTotal(points, max, fw.framework.scale, SCALE_DECIMALS(fw)) : undefined;
  let typedTotal: Exact | undefined;
  if (columns.total !== undefined) {
    const totalCell = cellAt(sheet.grid, r.row, columns.total);
    typedTotal = numberIn(totalCell, sink, { sheet, row: r.row, col: columns.total }, unit, "Tổng điểm");
    if (typedTotal !== undefined && !totalCell.f && context.totalsMostlyFormulas) {
      report(sink, {
        code: "HARDCODED_TOTAL",
        at: { sheet, row: r.row, col: columns.total },
        params: { value: formatPlain(typedTotal) },
        unit,
      });
    }
    if (compareExact(max, fw.unitMax) < 0) {
      reportReducedMax(sink, sheet, r.row, columns.total, unit, {
        max,
        maxSource,
        maxNote,
        points,
        scale: fw.fullMax,
      });
    }
    if (typedTotal !== undefined && total !== undefined && points !== undefined) {
      total = checkTypedTotal(context, r, typedTotal, total, points, max);
    }
  }
  const percent =
    points !== undefined && (fw.levelBasis === "percent" || columns.percent !== undefined)
      ? percentOf(points, max)
      : undefined;
  if (columns.percent !== undefined && percent !== undefined)
    checkPercent(table, r.row, columns.percent, percent, points!, max, unit, sink);
  return unitResult(fw, sheet, r, { max, maxSource, points, total, typedTotal, percent });
}

/** What a table row's checks found out about its unit. */
interface UnitFigures {
  readonly max: Exact;
  readonly maxSource: MaxSource;
  readonly points: Exact | undefined;
  readonly total: Exact | undefined;
  readonly typedTotal: Exact | undefined;
  readonly percent: Exact | undefined;
}

/**
 * A unit's result, its level from its total (or percentage): one object shape for every unit
 * (absent values are undefined), filled in once; the rank is set when the block is ranked.
 */
function unitResult(fw: CompiledFramework, sheet: SheetRef, r: TableRow, f: UnitFigures): UnitInProgress {
  return {
    name: r.name,
    sheet: sheet.name,
    row: r.row,
    max: f.max,
    maxSource: f.maxSource,
    points: f.points,
    total: f.total,
    level: f.total !== undefined ? levelOf(fw, f.total, f.percent) : undefined,
    typedTotal: f.typedTotal,
    rank: undefined,
    percent: f.percent,
  };
}

/** REDUCED_MAX at a unit's total: its max below the scale, where that max came from. */
function reportReducedMax(
  sink: FindingSink,
  sheet: SheetRef,
  row: number,
  col: number,
  unit: string,
  r: { max: Exact; maxSource: MaxSource; maxNote: string; points: Exact | undefined; scale: Exact },
): void {
  report(sink, {
    code: "REDUCED_MAX",
    at: { sheet, row, col },
    params: {
      max: formatPlain(r.max),
      source: r.maxSource,
      note: r.maxNote,
      points: r.points ? formatPlain(r.points) : "",
      scale: formatPlain(r.scale),
    },
    unit,
  });
}

/**
 * A unit's scores: SCORE_NEGATIVE and SCORE_ABOVE_MAX per score, GROUP_TOTAL_MISMATCH per group;
 * the sum of its (weighted) scores, undefined when one is missing or not a number.
 */
function checkScores(context: CriteriaContext, r: TableRow): Exact | undefined {
  const { table, fw, sink } = context;
  const { sheet, columns } = table;
  const grid = sheet.grid;
  const unit = r.name;
  let sum: Exact = exactFromInteger(0);
  let complete = true;
  const groupSums: Array<Exact | undefined> | undefined = columns.groups
    ? fw.groups.map(() => exactFromInteger(0))
    : undefined;
  for (let i = 0; i < fw.criteria.length; i++) {
    const c = fw.criteria[i]!;
    const col = columns.criteria[i]!;
    if (col < 0) continue;
    const what = c.criterion.name;
    const cell = cellAt(grid, r.row, col);
    const value = numberIn(cell, sink, { sheet, row: r.row, col }, unit, what);
    if (value === undefined) {
      complete = false;
      if (groupSums && c.group >= 0) groupSums[c.group] = undefined;
      continue;
    }
    if (isNegative(value))
      report(sink, {
        code: "SCORE_NEGATIVE",
        at: { sheet, row: r.row, col },
        params: { what, value: formatPlain(value) },
        unit,
      });
    else if (compareExact(value, c.max) > 0) {
      report(sink, {
        code: "SCORE_ABOVE_MAX",
        at: { sheet, row: r.row, col },
        params: { what, value: formatPlain(value), max: formatPlain(c.max) },
        unit,
      });
    }
    sum = addExact(sum, c.weight !== undefined ? multiplyExact(value, c.weight) : value);
    if (groupSums && c.group >= 0) {
      const g = groupSums[c.group];
      if (g !== undefined) groupSums[c.group] = addExact(g, value);
    }
  }
  if (groupSums) checkGroups(context, r, unit, groupSums);
  return complete ? sum : undefined;
}

/** A unit's max points: a max column, else a note line, else the settings, else the full scale. */
function unitMax(context: CriteriaContext, r: TableRow): { max: Exact; source: MaxSource; note: string } {
  const { table, fw, sink } = context;
  const { sheet, columns } = table;
  const maxCol = columns.max ?? columns.maxToDo;
  if (maxCol !== undefined) {
    const reading = readCellNumber(cellAt(sheet.grid, r.row, maxCol));
    if (reading.kind === "number" && isPositive(reading.value)) {
      return { max: reading.value, source: "column", note: "" };
    }
    if (reading.kind !== "empty")
      numberOrReport(reading, sink, { sheet, row: r.row, col: maxCol }, r.name, "Điểm tối đa");
  }
  const note = context.notes.get(r.key);
  if (note) return { max: note.max, source: "note", note: note.note };
  const set = context.settings.get(r.key);
  if (set) return { max: set.max, source: "settings", note: set.note };
  return { max: fw.unitMax, source: "full", note: "" };
}

/**
 * The typed total against the recomputed one: ROUNDED_TOTAL where the framework's publication
 * rounding explains the difference (the typed total is then kept), else TOTAL_MISMATCH. Returns
 * the unit's total.
 */
function checkTypedTotal(
  context: CriteriaContext,
  r: TableRow,
  typedTotal: Exact,
  total: Exact,
  points: Exact,
  max: Exact,
): Exact {
  const { table, fw, sink } = context;
  const col = table.columns.total!;
  const decimals = SCALE_DECIMALS(fw);
  const typed = roundExact(typedTotal, decimals);
  if (compareExact(typed, total) === 0) return total;
  const expected = formatExact(total, decimals);
  const actual = formatExact(typed, decimals);
  if (publishedRoundingAccepts(fw, points, max, typed)) {
    const digits = String(fw.framework.publicationRounding);
    report(sink, {
      code: "ROUNDED_TOTAL",
      at: { sheet: table.sheet, row: r.row, col },
      params: { expected, actual, digits },
      unit: r.name,
    });
    return typed;
  }
  report(sink, {
    code: "TOTAL_MISMATCH",
    at: { sheet: table.sheet, row: r.row, col },
    params: { expected, actual },
    unit: r.name,
  });
  return total;
}

/** round_half_up(points × scale / max, decimals); a scale that is not a whole number goes through decimals. */
function scaledTotal(points: Exact, max: Exact, scale: number, decimals: number): Exact {
  return Number.isInteger(scale)
    ? normalizeTotal(points, max, scale, decimals)
    : roundExact(
        normalizeExact(multiplyExact(points, exactFromDecimalString(String(scale))), max, 1, decimals + 6),
        decimals,
      );
}

/** Points as a percentage of max, unrounded enough for any shown precision (10 decimals). */
function percentOf(points: Exact, max: Exact): Exact {
  return normalizeExact(points, max, 100, 10);
}

/**
 * The level a total earns under a framework (levels on the total; undefined where its bounds are
 * unknown or on the percentage): for totals recomputed outside a check, such as last year's.
 */
export function levelOfTotal(framework: Framework, total: Exact): Level | undefined {
  const fw = compileFramework(framework);
  return fw.levelBasis === "percent" ? undefined : levelOf(fw, total, undefined);
}

/** The level of a total (or percentage) where the framework's bounds are known, else undefined. */
function levelOf(fw: CompiledFramework, total: Exact, percent: Exact | undefined): Level | undefined {
  if (!fw.boundsKnown) return undefined;
  const value = fw.levelBasis === "percent" ? percent : total;
  return value === undefined ? undefined : classifyLevel(value, fw.bounds, fw.levelNames);
}

/**
 * Publication rounding: each component was printed rounded to N decimals, so it lay within half a
 * last digit of what is printed; the typed total is consistent when some such components give it.
 */
function publishedRoundingAccepts(fw: CompiledFramework, points: Exact, max: Exact, typed: Exact): boolean {
  const n = fw.framework.publicationRounding;
  if (n === undefined) return false;
  const half = exactFromDecimalString(`0.${"0".repeat(n)}5`);
  let spread: Exact = exactFromInteger(0);
  for (const c of fw.criteria)
    spread = addExact(spread, c.weight !== undefined ? multiplyExact(half, c.weight) : half);
  const decimals = fw.framework.decimals;
  const scale = fw.framework.scale;
  const lo = scaledTotal(addExact(points, multiplyExact(spread, exactFromInteger(-1))), max, scale, decimals);
  const hi = scaledTotal(addExact(points, spread), max, scale, decimals);
  return compareExact(typed, lo) >= 0 && compareExact(typed, hi) <= 0;
}

/** GROUP_TOTAL_MISMATCH where a group's typed score is not the sum of its sub-criteria. */
function checkGroups(
  context: CriteriaContext,
  r: TableRow,
  unit: string,
  sums: ReadonlyArray<Exact | undefined>,
): void {
  const { table, fw, sink } = context;
  const cols = table.columns.groups!;
  for (let g = 0; g < cols.length; g++) {
    const col = cols[g]!;
    const sum = sums[g];
    if (col < 0 || sum === undefined || fw.groups[g]!.members.length === 0) continue;
    const cell = cellAt(table.sheet.grid, r.row, col);
    const typed = readNumber(cell);
    if (typed === undefined) continue;
    const d = Math.max(decimalsOf(sum), 0);
    if (compareExact(roundExact(typed, d), roundExact(sum, d)) !== 0) {
      report(sink, {
        code: "GROUP_TOTAL_MISMATCH",
        at: { sheet: table.sheet, row: r.row, col },
        params: { group: fw.groups[g]!.group.name, expected: formatPlain(sum), actual: formatPlain(typed) },
        unit,
      });
    }
  }
}

/** A cell's number, if it holds one (a plain number cell read directly), nothing reported. */
function readNumber(cell: Cell): Exact | undefined {
  const plain = plainNumberOf(cell);
  if (plain !== undefined) return plain;
  const r = readCellNumber(cell);
  return r.kind === "number" ? r.value : undefined;
}

/** Decimal places of an exact value (at most 6). */
function decimalsOf(x: Exact): number {
  const t = formatPlain(x);
  const dot = t.indexOf(".");
  return dot < 0 ? 0 : t.length - dot - 1;
}

/**
 * The reduced max points of a table's units (by name key), matched from notes or settings. The
 * few entries are looked up in the table's index of names.
 */
function reducedMaxByUnit(
  table: Table,
  names: ReadonlyArray<string>,
  keys: ReadonlyArray<string>,
  index: KeyIndex,
  entries: ReadonlyArray<ReducedMaxEntry>,
): Map<string, ReducedMaxEntry> {
  const map = new Map<string, ReducedMaxEntry>();
  if (entries.length === 0) return map;
  const matching = matchUnits(
    entries.map((e) => e.unit),
    names,
    { left: entries.map((e) => nameKey(e.unit)), right: keys, rightIndex: index },
  );
  for (let j = 0; j < entries.length; j++) {
    const i = matching.rightOf[j]!;
    if (i >= 0) map.set(keys[i]!, entries[j]!);
  }
  return map;
}

const LEVEL_TEXT = /^(?:muc(?:\s*do)?\s*)?(iv|i{1,3}|[1-4])$/;

/** Reads a level cell: "I", "II", "mức II", "2" → the level; undefined when unreadable. */
export function parseLevel(text: string): Level | undefined {
  // The usual case, written exactly.
  if (text === "I" || text === "II" || text === "III" || text === "IV") return text;
  const t = stripAccents(tidy(text)).toLowerCase().replace(/[.:]/g, "").trim();
  const m = LEVEL_TEXT.exec(t);
  if (!m) return undefined;
  const v = m[1]!;
  return /^\d$/.test(v) ? LEVELS[Number(v) - 1] : (v.toUpperCase() as Level);
}

function checkRankingTable(
  table: Table,
  criteria: CriteriaUnits,
  criteriaTable: Table,
  fw: CompiledFramework,
  sink: FindingSink,
): UnitMatching {
  const units = criteria.units;
  const { sheet, columns } = table;
  const decimals = SCALE_DECIMALS(fw);
  const names: string[] = [];
  const keys: string[] = [];
  for (const r of table.rows) {
    names.push(r.name);
    keys.push(r.key);
  }
  const index = indexKeys(keys);
  reportDuplicates(table, index, sink);
  const matching = matchUnits(criteria.names, names, { left: criteria.keys, right: keys, rightIndex: index });
  for (const i of matching.unmatchedLeft) {
    const u = units[i]!;
    report(sink, {
      code: "UNIT_NOT_MATCHED",
      at: { sheet: criteriaTable.sheet, row: u.row, col: criteriaTable.columns.unit },
      params: { table: "criteria", otherSheet: sheet.name, otherRange: a1Range(table.range) },
      unit: u.name,
    });
  }
  for (const j of matching.unmatchedRight) {
    const r = table.rows[j]!;
    report(sink, {
      code: "UNIT_NOT_MATCHED",
      at: { sheet, row: r.row, col: columns.unit },
      params: {
        table: "ranking",
        otherSheet: criteriaTable.sheet.name,
        otherRange: a1Range(criteriaTable.range),
      },
      unit: r.name,
    });
  }
  for (let i = 0; i < units.length; i++) {
    const j = matching.rightOf[i]!;
    if (j >= 0) checkRankingRow(table, units[i]!, table.rows[j]!, decimals, sink);
  }
  return matching;
}

/** Checks the ranking-table row `r` against its criteria-table unit `u` (one function per row, as checkUnit). */
function checkRankingRow(
  table: Table,
  u: UnitInProgress,
  r: TableRow,
  decimals: number,
  sink: FindingSink,
): void {
  const { sheet, columns } = table;
  const grid = sheet.grid;
  // Both names come tidied from the table reader.
  if (u.name !== r.name) {
    const legacy = decodeLegacyVietnamese(r.name) ?? decodeLegacyVietnamese(u.name);
    report(sink, {
      code: "NAME_VARIANT",
      at: { sheet, row: r.row, col: columns.unit },
      params: {
        criteriaName: u.name,
        rankingName: r.name,
        ...(legacy ? { encoding: legacy.encoding, unicode: legacy.text } : {}),
      },
      unit: u.name,
    });
  }
  if (columns.total !== undefined) {
    const totalCell = cellAt(grid, r.row, columns.total);
    const shown = numberIn(totalCell, sink, { sheet, row: r.row, col: columns.total }, u.name, "Tổng điểm");
    const reference = u.typedTotal ?? u.total;
    if (shown !== undefined && reference !== undefined) {
      const a = roundExact(shown, decimals);
      const e = roundExact(reference, decimals);
      if (compareExact(a, e) !== 0) {
        report(sink, {
          code: "RANKING_TOTAL_MISMATCH",
          at: { sheet, row: r.row, col: columns.total },
          params: { expected: formatExact(e, decimals), actual: formatExact(a, decimals) },
          unit: u.name,
        });
      }
    }
  }
  if (columns.level !== undefined && u.level !== undefined) {
    const cell = cellAt(grid, r.row, columns.level);
    const text = cell.v === null ? "" : typeof cell.v === "string" ? cell.v : String(cell.v);
    if (!sameLevel(text, u.level)) {
      report(sink, {
        code: "LEVEL_MISMATCH",
        at: { sheet, row: r.row, col: columns.level },
        params: { expected: u.level, actual: tidy(text), total: formatExact(u.total!, decimals) },
        unit: u.name,
      });
    }
  }
}

/** Each unit's name in a ranking table where it is matched there, else its own. */
function rankingNamesOf(names: ReadonlyArray<string>, ranking: Table, matching: UnitMatching): string[] {
  const list = new Array<string>(names.length);
  for (let i = 0; i < names.length; i++) {
    const j = matching.rightOf[i]!;
    list[i] = j >= 0 ? ranking.rows[j]!.name : names[i]!;
  }
  return list;
}

/** Unit indices in rank order (`order` indexes `withTotal`), then those without a total. */
function rankOrder(
  order: ReadonlyArray<number>,
  withTotal: ReadonlyArray<number>,
  without: ReadonlyArray<number>,
): number[] {
  const list = new Array<number>(order.length + without.length);
  for (let k = 0; k < order.length; k++) list[k] = withTotal[order[k]!]!;
  for (let k = 0; k < without.length; k++) list[order.length + k] = without[k]!;
  return list;
}

function summaryText(parts: ReadonlyArray<{ levels: ReadonlyArray<Level>; count: number }>): string {
  return parts.map((p) => `${p.levels.join(", ")}: ${p.count}`).join("; ");
}

/** The count of a level named in a summary line (I–IV as written; named levels without accents). */
function levelCount(counts: ReadonlyArray<LevelCount>, level: string): number {
  for (const c of counts) if (c.level === level) return c.count;
  const key = levelKey(level);
  for (const c of counts) if (levelKey(c.level) === key) return c.count;
  return 0;
}

/** Whether a typed level cell names `level` ("mức II" = "II"; named levels by their spelling). */
function sameLevel(text: string, level: Level): boolean {
  if (text === level) return true;
  if (levelKey(text) === levelKey(level)) return true;
  const parsed = parseLevel(text);
  return parsed !== undefined && parsed === parseLevel(level);
}

function levelKey(text: string): string {
  return stripAccents(tidy(text))
    .toLowerCase()
    .replace(/^muc(\s*do)?\s+/, "");
}

/** Level names in a known order, best first (for typed levels whose bounds are unknown). */
const KNOWN_LEVEL_ORDERS: ReadonlyArray<ReadonlyArray<string>> = [
  ["xuat sac", "tot", "kha", "trung binh", "yeu", "kem"],
  ["a", "b", "c", "d"],
];

/**
 * The rank of each typed level (0 best), for the order check: roman or numbered levels by their
 * number, named ones by a known order or the framework's, else by first appearance down the totals.
 */
function levelRanks(
  typed: ReadonlyArray<string | undefined>,
  totalsOrder: ReadonlyArray<number>,
  frameworkNames: ReadonlyArray<Level>,
): Array<number | undefined> {
  const fwKeys = frameworkNames.map(levelKey);
  const seen = new Map<string, number>();
  for (const i of totalsOrder) {
    const t = typed[i];
    if (t === undefined) continue;
    const k = levelKey(t);
    if (!seen.has(k)) seen.set(k, seen.size);
  }
  return typed.map((t) => {
    if (t === undefined) return undefined;
    const k = levelKey(t);
    const f = fwKeys.indexOf(k);
    if (f >= 0) return f;
    const roman = parseLevel(t);
    if (roman !== undefined) return LEVELS.indexOf(roman);
    for (const order of KNOWN_LEVEL_ORDERS) {
      const j = order.indexOf(k);
      if (j >= 0) return j;
    }
    return seen.get(k);
  });
}

/** A typed level, cell and unit, for the order check. */
interface TypedLevel {
  readonly text: string;
  readonly sheet: SheetRef;
  readonly row: number;
  readonly col: number;
}

/**
 * LEVEL_ORDER: where the bounds are unknown, a unit with a lower total must not have a better level
 * than one with a higher total. Reported at the level cell of the unit whose level is too good.
 */
function checkLevelOrder(
  units: ReadonlyArray<UnitInProgress>,
  typed: ReadonlyArray<TypedLevel | undefined>,
  frameworkNames: ReadonlyArray<Level>,
  decimals: number,
  sink: FindingSink,
): void {
  const withTotal: number[] = [];
  for (let i = 0; i < units.length; i++) if (units[i]!.total !== undefined && typed[i]) withTotal.push(i);
  withTotal.sort((a, b) => compareExact(units[b]!.total!, units[a]!.total!) || a - b);
  const ranks = levelRanks(
    typed.map((t) => t?.text),
    withTotal,
    frameworkNames,
  );
  // Down the totals: the worst level among strictly higher totals so far.
  let worst = -1;
  let worstUnit = -1;
  let k = 0;
  while (k < withTotal.length) {
    let end = k;
    const t = units[withTotal[k]!]!.total!;
    while (end < withTotal.length && compareExact(units[withTotal[end]!]!.total!, t) === 0) end++;
    for (let m = k; m < end; m++) {
      const i = withTotal[m]!;
      const rank = ranks[i];
      if (rank !== undefined && worst >= 0 && rank < worst) {
        const at = typed[i]!;
        const other = units[worstUnit]!;
        report(sink, {
          code: "LEVEL_ORDER",
          at,
          params: {
            level: tidy(at.text),
            total: formatExact(t, decimals),
            otherUnit: other.name,
            otherLevel: tidy(typed[worstUnit]!.text),
            otherTotal: formatExact(other.total!, decimals),
          },
          unit: units[i]!.name,
        });
      }
    }
    for (let m = k; m < end; m++) {
      const rank = ranks[withTotal[m]!];
      if (rank !== undefined && rank > worst) {
        worst = rank;
        worstUnit = withTotal[m]!;
      }
    }
    k = end;
  }
}

/**
 * RANK_MISMATCH: a typed rank that the totals contradict. With h units strictly above a total and
 * e units at it (itself included), ranks h + 1 … h + e are accepted (shared or consecutive ranks
 * for equal printed totals); anything else is reported at the rank cell.
 */
function checkRanks(
  units: ReadonlyArray<UnitInProgress>,
  rankCells: ReadonlyArray<{ sheet: SheetRef; row: number; col: number } | undefined>,
  decimals: number,
  sink: FindingSink,
): void {
  const idx: number[] = [];
  for (let i = 0; i < units.length; i++) if (units[i]!.total !== undefined && rankCells[i]) idx.push(i);
  const totals = idx.map((i) => units[i]!.total!);
  const sorted = [...totals].sort((a, b) => compareExact(b, a));
  // Count of totals strictly above, and equal to, each total: by binary search over the sorted list.
  const above = (t: Exact): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareExact(sorted[mid]!, t) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const atOrAbove = (t: Exact): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareExact(sorted[mid]!, t) >= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const at = rankCells[i]!;
    const cell = cellAt(at.sheet.grid, at.row, at.col);
    const r = readNumber(cell);
    if (r === undefined) continue;
    const rank = exactToNumber(r);
    const t = totals[k]!;
    const h = above(t);
    const e = atOrAbove(t) - h;
    if (!Number.isInteger(rank) || rank < h + 1 || rank > h + e) {
      report(sink, {
        code: "RANK_MISMATCH",
        at,
        params: {
          expected: e > 1 ? `${h + 1}–${h + e}` : String(h + 1),
          actual: formatPlain(r),
          total: formatExact(t, decimals),
        },
        unit: units[i]!.name,
      });
    }
  }
}

/** A percentage as typed: its value in percent and the decimals its cell shows. */
function readPercent(cell: Cell): { value: Exact; decimals: number } | undefined {
  const v = cell.v;
  if (typeof v === "number") {
    const fmt = cell.fmt ?? "";
    const m = /0(?:[.,](0+))?\s*%/.exec(fmt);
    if (m) {
      const d = m[1]?.length ?? 0;
      const x = exactFromDecimalString(String(Number((v * 100).toPrecision(15))));
      return { value: x, decimals: d };
    }
    const x = readNumber(cell);
    if (x === undefined) return undefined;
    const f = /0[.,](0+)/.exec(fmt);
    return { value: x, decimals: Math.max(f ? f[1]!.length : 0, decimalsOf(x)) };
  }
  if (typeof v === "string") {
    const t = trimSpaces(v).replace(/\s*%$/, "");
    const x = parseNumberText(t);
    if (x === undefined) return undefined;
    const dm = /[.,](\d+)$/.exec(t);
    return { value: x, decimals: dm ? dm[1]!.length : 0 };
  }
  return undefined;
}

/** PERCENT_MISMATCH where a typed percentage differs from points / max at the precision its cell shows. */
function checkPercent(
  table: Table,
  row: number,
  col: number,
  percent: Exact,
  points: Exact,
  max: Exact,
  unit: string,
  sink: FindingSink,
): void {
  const cell = cellAt(table.sheet.grid, row, col);
  const typed = readPercent(cell);
  if (typed === undefined) {
    if (cell.v !== null)
      numberOrReport(readCellNumber(cell), sink, { sheet: table.sheet, row, col }, unit, "Tỷ lệ");
    return;
  }
  const e = roundExact(percent, typed.decimals);
  if (compareExact(roundExact(typed.value, typed.decimals), e) !== 0) {
    report(sink, {
      code: "PERCENT_MISMATCH",
      at: { sheet: table.sheet, row, col },
      params: {
        expected: formatExact(e, typed.decimals),
        actual: formatExact(typed.value, typed.decimals),
        points: formatPlain(points),
        max: formatPlain(max),
      },
      unit,
    });
  }
}

/** The numbers of a results table's row that it states for itself. */
function checkResultsUnit(table: Table, fw: CompiledFramework, k: number, sink: FindingSink): UnitInProgress {
  const { sheet, columns } = table;
  const grid = sheet.grid;
  const r = table.rows[k]!;
  const unit = r.name;
  const decimals = fw.framework.decimals;
  const num = (col: number | undefined, what: string): Exact | undefined => {
    if (col === undefined) return undefined;
    return numberIn(cellAt(grid, r.row, col), sink, { sheet, row: r.row, col }, unit, what);
  };
  const scaleMax = num(columns.max, "Điểm tối đa") ?? fw.fullMax;
  const notAssessed = num(columns.notAssessed, "Số điểm không đưa vào đánh giá");
  const maxToDo = num(columns.maxToDo, "Số điểm tối đa cần thực hiện");
  const points = num(columns.points, "Số điểm thực hiện");
  const derived =
    notAssessed !== undefined
      ? addExact(scaleMax, multiplyExact(notAssessed, exactFromInteger(-1)))
      : undefined;
  if (maxToDo !== undefined && derived !== undefined && compareExact(maxToDo, derived) !== 0) {
    report(sink, {
      code: "MAX_MISMATCH",
      at: { sheet, row: r.row, col: columns.maxToDo! },
      params: {
        expected: formatPlain(derived),
        actual: formatPlain(maxToDo),
        scale: formatPlain(scaleMax),
        notAssessed: formatPlain(notAssessed!),
      },
      unit,
    });
  }
  const max = maxToDo ?? derived ?? scaleMax;
  const maxSource: MaxSource =
    maxToDo !== undefined ? "column" : derived !== undefined ? "notAssessed" : "full";
  const valid = isPositive(max);
  const scale = exactToNumber(scaleMax);
  const total = points !== undefined && valid ? scaledTotal(points, max, scale, decimals) : undefined;
  const percent = points !== undefined && valid ? percentOf(points, max) : undefined;
  if (columns.percent !== undefined && percent !== undefined) {
    checkPercent(table, r.row, columns.percent, percent, points!, max, unit, sink);
  }
  let typedTotal: Exact | undefined;
  if (columns.total !== undefined) {
    typedTotal = num(columns.total, "Tổng điểm");
    if (compareExact(max, scaleMax) < 0) {
      reportReducedMax(sink, sheet, r.row, columns.total, unit, {
        max,
        maxSource,
        maxNote: "",
        points,
        scale: scaleMax,
      });
    }
    if (typedTotal !== undefined && total !== undefined) {
      const typed = roundExact(typedTotal, decimals);
      if (compareExact(typed, total) !== 0) {
        report(sink, {
          code: "TOTAL_MISMATCH",
          at: { sheet, row: r.row, col: columns.total },
          params: { expected: formatExact(total, decimals), actual: formatExact(typed, decimals) },
          unit,
        });
      }
    }
  }
  return unitResult(fw, sheet, r, { max, maxSource, points, total, typedTotal, percent });
}

/** A rank-only table's row: its printed total is its total. */
function ranksUnit(table: Table, fw: CompiledFramework, k: number, sink: FindingSink): UnitInProgress {
  const { sheet, columns } = table;
  const r = table.rows[k]!;
  const cell = cellAt(sheet.grid, r.row, columns.total!);
  const total = numberIn(cell, sink, { sheet, row: r.row, col: columns.total! }, r.name, "Tổng điểm");
  // The percentage of the scale, where the scale is known (stated in the header or the framework's).
  const percent =
    total !== undefined &&
    KNOWN_SCALE.has(fw) &&
    (columns.percent !== undefined || fw.levelBasis === "percent")
      ? percentOf(total, fw.fullMax)
      : undefined;
  if (columns.percent !== undefined && percent !== undefined)
    checkPercent(table, r.row, columns.percent, percent, total!, fw.fullMax, r.name, sink);
  return unitResult(fw, sheet, r, {
    max: fw.fullMax,
    maxSource: "full",
    points: total,
    total,
    typedTotal: total,
    percent,
  });
}

/** Implied frameworks of rank-only tables whose scale is known (stated, or the given framework's). */
const KNOWN_SCALE = new WeakSet<CompiledFramework>();

/** The decimals a column of printed totals shows (at most 6). */
function shownDecimals(table: Table): number {
  let d = 0;
  const col = table.columns.total!;
  for (const r of table.rows) {
    const cell = cellAt(table.sheet.grid, r.row, col);
    const f = cell.fmt ? /0[.,](0+)/.exec(cell.fmt) : null;
    if (f) d = Math.max(d, f[1]!.length);
    if (typeof cell.v === "string") {
      const m = /[.,](\d+)\s*$/.exec(cell.v);
      if (m) d = Math.max(d, m[1]!.length);
    } else {
      const x = readNumber(cell);
      if (x !== undefined) d = Math.max(d, decimalsOf(x));
    }
  }
  return Math.min(d, 6);
}

/**
 * The framework a results or rank-only table implies: the scale from its max column (or its
 * largest total), its decimals from the printed totals, no levels (typed ones are checked for order).
 */
function impliedFramework(table: Table, given: CompiledFramework): CompiledFramework {
  const grid = table.sheet.grid;
  if (table.kind === "results") {
    const first = table.rows[0];
    const scaleCell =
      first && table.columns.max !== undefined
        ? readNumber(cellAt(grid, first.row, table.columns.max))
        : undefined;
    const scale = scaleCell !== undefined ? exactToNumber(scaleCell) : given.framework.scale;
    // An index of the given framework (or the framework itself) that describes tables of this scale.
    for (const c of [given, ...given.indices]) {
      if (c.framework.kind === "results" && c.framework.scale === scale) return c;
    }
    return compileFramework({
      name: `Bảng tự mô tả (thang ${scale})`,
      source: "Suy ra từ bảng: điểm tối đa, điểm không đánh giá, điểm thực hiện, tỷ lệ",
      kind: "results",
      criteria: [],
      thresholds: given.framework.thresholds,
      thresholdsSource: "",
      levels: [],
      scale,
      decimals: 2,
      reducedMax: [],
      subject: given.framework.subject ?? "chính quyền số",
    });
  }
  // The scale a total header states ("Tổng điểm năm 2021 (150 điểm)"), else the largest total.
  const header: string[] = [];
  for (let row = table.headerTop; row <= table.headerBottom; row++) {
    const v = cellAt(grid, row, table.columns.total!).v;
    if (typeof v === "string") header.push(v);
  }
  const stated = /\(\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*\)/iu.exec(header.join(" ").normalize("NFC"));
  let top: Exact | undefined = stated ? parseNumberText(stated[1]!) : undefined;
  if (!stated)
    for (const r of table.rows) {
      const x = readNumber(cellAt(grid, r.row, table.columns.total!));
      if (x !== undefined && (top === undefined || compareExact(x, top) > 0)) top = x;
    }
  const statedScale = stated ? exactToNumber(top!) : undefined;
  // The given framework's levels apply where the table is on its scale, or where its levels are on
  // the percentage and the table's typed levels are among them.
  const typed =
    table.columns.level !== undefined
      ? typedLevels(
          table,
          table.rows.map(() => undefined as never),
        )
      : [];
  const names = new Set(given.levels.map((l) => levelKey(l.name)));
  const typedFit =
    typed.some((t) => t !== undefined) && typed.every((t) => t === undefined || names.has(levelKey(t.text)));
  const useGiven =
    given.boundsKnown &&
    (statedScale === given.framework.scale || (given.levelBasis === "percent" && typedFit));
  const compiled = compileFramework({
    name: "Bảng xếp hạng (chỉ có thứ hạng và tổng điểm)",
    source: "Suy ra từ bảng",
    kind: "results",
    criteria: [],
    thresholds: given.framework.thresholds,
    thresholdsSource: "",
    levels: useGiven
      ? given.levels.map((l) =>
          l.min !== undefined ? { name: l.name, min: formatPlain(l.min) } : { name: l.name },
        )
      : [],
    ...(useGiven ? { levelBasis: given.levelBasis } : {}),
    scale:
      statedScale ??
      (useGiven
        ? given.framework.scale
        : top !== undefined && isPositive(top)
          ? Math.max(1, Math.ceil(exactToNumber(top)))
          : 100),
    decimals: shownDecimals(table),
    reducedMax: [],
  });
  if (statedScale !== undefined || useGiven) KNOWN_SCALE.add(compiled);
  return compiled;
}

/** A criteria table the framework fits only in part: the criteria it lacks. */
function missingCriteria(table: Table, fw: CompiledFramework): string[] {
  const list: string[] = [];
  for (let i = 0; i < fw.criteria.length; i++)
    if (table.columns.criteria[i]! < 0) list.push(fw.criteria[i]!.criterion.name);
  return list;
}

/**
 * The given framework's index for a criteria table whose header rows imply a framework: one whose
 * criteria are the header's columns, in order (a header text among each one's names), with the
 * same groups; of several, the one with the maxima the header states. Its maxima, levels and
 * decimals then apply to the table.
 */
function indexForHeader(implied: CompiledFramework, fw: CompiledFramework): CompiledFramework | undefined {
  const fits = fw.indices.filter(
    (ix) =>
      ix.framework.kind !== "results" &&
      ix.criteria.length === implied.criteria.length &&
      ix.groups.length === implied.groups.length &&
      ix.criteria.every((c, i) => {
        const h = implied.criteria[i]!;
        return c.group === h.group && h.criterion.aliases.some((a) => c.keys.has(foldHeader(a)));
      }),
  );
  return (
    fits.find((ix) => ix.criteria.every((c, i) => compareExact(c.max, implied.criteria[i]!.max) === 0)) ??
    fits[0]
  );
}

/** The typed level of each unit in a table's own level column. */
function typedLevels(table: Table, units: ReadonlyArray<unknown>): Array<TypedLevel | undefined> {
  const col = table.columns.level;
  return units.map((_, i) => {
    if (col === undefined) return undefined;
    const r = table.rows[i]!;
    const cell = cellAt(table.sheet.grid, r.row, col);
    const text = cell.v === null ? "" : typeof cell.v === "string" ? cell.v : String(cell.v);
    return tidy(text) === "" ? undefined : { text, sheet: table.sheet, row: r.row, col };
  });
}

/**
 * A framework the sheet implies, named for what its table's title says it assesses ("chính quyền
 * điện tử", "chuyển đổi số", "chính quyền số"), for the ranking sheet's words.
 */
function withSubjectOf(framework: Framework, title: string): Framework {
  const t = stripAccents(title).toLowerCase();
  const subject = /chinh quyen dien tu|\bcqdt\b/.test(t)
    ? "chính quyền điện tử"
    : /chuyen doi so|\bcds\b|\bdti\b/.test(t)
      ? "chuyển đổi số"
      : /chinh quyen so|\bcqs\b/.test(t)
        ? "chính quyền số"
        : undefined;
  return subject === undefined || subject === framework.subject ? framework : { ...framework, subject };
}

/** The typed level names of a block whose bounds are unknown, best first. */
function distinctLevels(units: ReadonlyArray<UnitInProgress>, fw: CompiledFramework): Level[] {
  const typed = units.map((u) => u.level);
  const order = units.map((_, i) => i).filter((i) => units[i]!.total !== undefined);
  order.sort((a, b) => compareExact(units[b]!.total!, units[a]!.total!) || a - b);
  const ranks = levelRanks(typed, order, fw.levelNames);
  const byName = new Map<string, number>();
  for (let i = 0; i < typed.length; i++) {
    const t = typed[i];
    if (t !== undefined && !byName.has(t)) byName.set(t, ranks[i] ?? 99);
  }
  return [...byName].sort((a, b) => a[1] - b[1]).map(([n]) => n);
}

/** FRAMEWORK_FROM_SHEET at a table's header: it is checked with the framework its sheet implies. */
function reportFrameworkFromSheet(table: Table, implied: CompiledFramework, sink: FindingSink): void {
  report(sink, {
    code: "FRAMEWORK_FROM_SHEET",
    at: { sheet: table.sheet, row: table.headerTop, col: table.columns.unit },
    params: {
      kind: table.kind,
      scale: formatPlain(implied.fullMax),
      decimals: String(implied.framework.decimals),
    },
  });
}

/** Checks a workbook grid against a framework. */
export function analyzeWorkbook(workbook: WorkbookGrid, framework: Framework): Analysis {
  const fw = compileFramework(framework);
  const model = readWorkbook(workbook, fw);
  const sink: FindingSink = [];
  const blocks: BlockResult[] = [];
  for (const block of model.blocks) {
    const table = block.criteria;
    let bfw = fw;
    let units: UnitInProgress[];
    let rankingNames: ReadonlyArray<string> | undefined;
    if (table.kind === "criteria") {
      // A table the given framework describes by one of its indices (a framework inferred for
      // the whole workbook, maybe edited) is checked with that index.
      const index = table.implied ? indexForHeader(table.implied.framework, fw) : undefined;
      bfw = index ?? table.implied?.framework ?? fw;
      const missing = table.implied ? table.implied.missing : missingCriteria(table, fw);
      if (missing.length > 0) {
        report(sink, {
          code: "CRITERIA_MISSING",
          at: { sheet: table.sheet, row: table.headerTop, col: table.columns.unit },
          params: {
            framework: fw.framework.name,
            missing: missing.join("; "),
          },
        });
      }
      if (table.implied && !index) {
        reportFrameworkFromSheet(table, bfw, sink);
      }
      for (const x of table.extra ?? []) {
        report(sink, {
          code: "EXTRA_COLUMN",
          at: { sheet: table.sheet, row: table.headerTop, col: x.col },
          params: { header: x.header },
        });
      }
      const criteria = checkCriteriaTable(table, block, bfw, sink);
      for (let k = 0; k < block.rankings.length; k++) {
        const ranking = block.rankings[k]!;
        const matching = checkRankingTable(ranking, criteria, table, bfw, sink);
        if (k === 0) rankingNames = rankingNamesOf(criteria.names, ranking, matching);
      }
      units = criteria.units;
    } else {
      bfw = impliedFramework(table, fw);
      if (bfw !== fw && !fw.indices.includes(bfw)) {
        reportFrameworkFromSheet(table, bfw, sink);
      }
      const names: string[] = [];
      const keys: string[] = [];
      for (const r of table.rows) {
        names.push(r.name);
        keys.push(r.key);
      }
      reportDuplicates(table, indexKeys(keys), sink);
      units = [];
      for (let k = 0; k < table.rows.length; k++)
        units.push(
          table.kind === "results" ? checkResultsUnit(table, bfw, k, sink) : ranksUnit(table, bfw, k, sink),
        );
    }
    const decimals = bfw.framework.decimals;
    // Levels typed in the block's own table: checked against the bounds where they are known,
    // for order where they are not.
    const typed = typedLevels(table, units);
    if (bfw.boundsKnown) {
      for (let i = 0; i < units.length; i++) {
        const t = typed[i];
        const u = units[i]!;
        if (t && u.level !== undefined && !sameLevel(t.text, u.level)) {
          report(sink, {
            code: "LEVEL_MISMATCH",
            at: t,
            params: { expected: u.level, actual: tidy(t.text), total: formatExact(u.total!, decimals) },
            unit: u.name,
          });
        }
      }
    } else if (typed.some((t) => t !== undefined)) {
      checkLevelOrder(units, typed, bfw.levelNames, decimals, sink);
      for (let i = 0; i < units.length; i++) if (typed[i]) units[i]!.level = tidy(typed[i]!.text);
    }
    if (table.columns.rank !== undefined) {
      const col = table.columns.rank;
      checkRanks(
        units,
        table.rows.map((r) => ({ sheet: table.sheet, row: r.row, col })),
        decimals,
        sink,
      );
    }
    // Units with a total are ranked; the others are listed after them, in source order.
    const withTotal: number[] = [];
    const without: number[] = [];
    const totals: Exact[] = [];
    const levels: Level[] = [];
    for (let i = 0; i < units.length; i++) {
      const u = units[i]!;
      if (u.total === undefined) without.push(i);
      else {
        withTotal.push(i);
        totals.push(u.total);
      }
      if (u.level !== undefined) levels.push(u.level);
    }
    const { ranks, order } = rankUnits(totals);
    for (let k = 0; k < withTotal.length; k++) units[withTotal[k]!]!.rank = ranks[k]!;
    const ranked: ReadonlyArray<UnitResult> = units;
    const levelNames = bfw.boundsKnown ? bfw.levelNames : distinctLevels(units, bfw);
    const counts = countLevels(levels, levelNames);
    // Units without a total have an unknown level: a summary count is wrong only when no level
    // of theirs could make it right.
    const unknown = units.length - withTotal.length;
    for (const s of block.summaries) {
      const expected = s.parts.map((p) => ({
        levels: p.levels.map((l) => counts.find((c) => levelKey(c.level) === levelKey(l))?.level ?? l),
        count: p.levels.reduce((n, l) => n + levelCount(counts, l), 0),
      }));
      const impossible = (e: { count: number }, k: number): boolean => {
        const typed = s.parts[k]!.count;
        return typed < e.count || typed > e.count + unknown;
      };
      if (expected.some(impossible)) {
        report(sink, {
          code: "SUMMARY_COUNT_MISMATCH",
          at: s,
          params: {
            expected: summaryText(expected),
            actual: summaryText(s.parts.map((p, k) => ({ levels: expected[k]!.levels, count: p.count }))),
          },
        });
      }
    }
    const rankingTitle = block.rankings[0]?.title;
    blocks.push({
      title: block.title,
      rankingTitle: rankingTitle || undefined,
      sheet: block.criteria.sheet.name,
      range: a1Range(block.criteria.range),
      units: ranked,
      order: rankOrder(order, withTotal, without),
      counts,
      kind: table.kind,
      levels: levelNames,
      levelBoundsKnown: bfw.boundsKnown,
      framework: bfw === fw ? fw.framework : withSubjectOf(bfw.framework, block.title),
      decimals,
      rankingNames: rankingNames ?? units.map((u) => u.name),
    });
  }
  const findings = sortFindings(sink);
  return {
    workbook: workbook.name,
    framework,
    model,
    tables: model.tables.map((t) => ({
      sheet: t.sheet.name,
      kind: t.kind,
      range: a1Range(t.range),
      units: t.rows.length,
    })),
    blocks,
    findings,
    summary: countBySeverity(findings),
  };
}
