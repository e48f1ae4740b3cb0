/**
 * Checking a workbook: every check of DESIGN.md's findings table, the recomputed totals, levels,
 * ranks and level counts, per block. One function for the pane, the ribbon and the CLI.
 */
import {
  addExact,
  compareExact,
  exactFromInteger,
  formatExact,
  isNegative,
  isPositive,
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
  type FindingParams,
} from "./findings";
import { a1, a1Range, cellAt, type WorkbookGrid } from "./grid";
import { decodeLegacyVietnamese } from "./legacy";
import { indexKeys, matchUnits, nameKey, type KeyIndex } from "./names";
import { plainNumberOf, readCellNumber, type NumberReading } from "./numbers";
import {
  readWorkbook,
  type Block,
  type SheetRef,
  type Table,
  type TableRow,
  type WorkbookModel,
} from "./read";
import { classifyLevel, countLevels, normalizeTotal, rankUnits } from "./scoring";
import { stripAccents, tidy } from "./text";

export type MaxSource = "full" | "column" | "note" | "settings";

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
  readonly counts: Record<Level, number>;
}

export interface TableSummary {
  readonly sheet: string;
  readonly kind: "criteria" | "ranking";
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

class FindingSink {
  readonly list: Finding[] = [];
  add(
    code: FindingCode,
    sheet: SheetRef,
    row: number,
    col: number,
    params: FindingParams,
    unit?: string,
  ): void {
    this.list.push(
      makeFinding(
        code,
        { sheet: sheet.name, sheetIndex: sheet.index, row, col, cell: a1(row, col) },
        params,
        unit,
      ),
    );
  }
}

/** Reports what a non-number reading is; returns the number when there is one. */
function numberOrReport(
  reading: NumberReading,
  sink: FindingSink,
  sheet: SheetRef,
  row: number,
  col: number,
  unit: string,
  what: string,
): Exact | undefined {
  switch (reading.kind) {
    case "number":
      if (reading.fromText)
        sink.add("TEXT_NUMBER", sheet, row, col, { what, value: formatPlain(reading.value) }, unit);
      return reading.value;
    case "empty":
      sink.add("MISSING_SCORE", sheet, row, col, { what }, unit);
      return undefined;
    case "uncalculated":
      sink.add("UNCALCULATED_FORMULA", sheet, row, col, { what, formula: reading.formula }, unit);
      return undefined;
    case "nan":
      sink.add("NOT_A_NUMBER", sheet, row, col, { what, value: reading.shown, kind: reading.what }, unit);
      return undefined;
  }
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
    sink.add("DUPLICATE_UNIT", table.sheet, r.row, col, { firstCell }, r.name);
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
 * Checks the k-th unit of a criteria table and computes its total and level. One function per
 * unit (not the loop's body): it stays compiled between runs, while a loop's on-stack compiled
 * code is dropped by a full garbage collection (measured in docs/benchmarks.md).
 */
function checkUnit(context: CriteriaContext, k: number): UnitInProgress {
  const { table, fw, sink } = context;
  const { sheet, columns } = table;
  const grid = sheet.grid;
  const decimals = SCALE_DECIMALS(fw);
  const scale = fw.framework.scale;
  const r = table.rows[k]!;
  const unit = r.name;
  const key = r.key;

  let sum: Exact = exactFromInteger(0);
  let complete = true;
  for (let i = 0; i < fw.criteria.length; i++) {
    const c = fw.criteria[i]!;
    const col = columns.criteria[i]!;
    if (col < 0) continue;
    const what = c.criterion.name;
    const cell = cellAt(grid, r.row, col);
    const value =
      plainNumberOf(cell) ?? numberOrReport(readCellNumber(cell), sink, sheet, r.row, col, unit, what);
    if (value === undefined) {
      complete = false;
      continue;
    }
    if (isNegative(value))
      sink.add("SCORE_NEGATIVE", sheet, r.row, col, { what, value: formatPlain(value) }, unit);
    else if (compareExact(value, c.max) > 0) {
      sink.add(
        "SCORE_ABOVE_MAX",
        sheet,
        r.row,
        col,
        { what, value: formatPlain(value), max: formatPlain(c.max) },
        unit,
      );
    }
    sum = addExact(sum, value);
  }

  // Max points: a max column, else a note line, else the settings, else the full scale.
  let max: Exact = exactFromInteger(scale);
  let maxSource: MaxSource = "full";
  let maxNote = "";
  if (columns.max !== undefined) {
    const reading = readCellNumber(cellAt(grid, r.row, columns.max));
    if (reading.kind === "number" && isPositive(reading.value)) {
      max = reading.value;
      maxSource = "column";
    } else if (reading.kind !== "empty") {
      numberOrReport(reading, sink, sheet, r.row, columns.max, unit, "Điểm tối đa");
    }
  }
  if (maxSource === "full") {
    const note = context.notes.get(key);
    const set = context.settings.get(key);
    if (note) {
      max = note.max;
      maxSource = "note";
      maxNote = note.note;
    } else if (set) {
      max = set.max;
      maxSource = "settings";
      maxNote = set.note;
    }
  }
  const reduced = compareExact(max, exactFromInteger(scale)) < 0;

  const points = complete ? sum : undefined;
  const total = points !== undefined ? normalizeTotal(points, max, scale, decimals) : undefined;
  let typedTotal: Exact | undefined;
  if (columns.total !== undefined) {
    const totalCell = cellAt(grid, r.row, columns.total);
    typedTotal =
      plainNumberOf(totalCell) ??
      numberOrReport(readCellNumber(totalCell), sink, sheet, r.row, columns.total, unit, "Tổng điểm");
    if (typedTotal !== undefined && !totalCell.f && context.totalsMostlyFormulas) {
      sink.add("HARDCODED_TOTAL", sheet, r.row, columns.total, { value: formatPlain(typedTotal) }, unit);
    }
    if (reduced) {
      sink.add(
        "REDUCED_MAX",
        sheet,
        r.row,
        columns.total,
        {
          max: formatPlain(max),
          source: maxSource,
          note: maxNote,
          points: points ? formatPlain(points) : "",
        },
        unit,
      );
    }
    if (typedTotal !== undefined && total !== undefined) {
      const typed = roundExact(typedTotal, decimals);
      if (compareExact(typed, total) !== 0) {
        sink.add(
          "TOTAL_MISMATCH",
          sheet,
          r.row,
          columns.total,
          { expected: formatExact(total, decimals), actual: formatExact(typed, decimals) },
          unit,
        );
      }
    }
  }
  // One object shape for every unit (absent values are undefined), filled in once: the rank is
  // set when the block is ranked.
  return {
    name: unit,
    sheet: sheet.name,
    row: r.row,
    max,
    maxSource,
    points,
    total,
    level: total !== undefined ? classifyLevel(total, fw.thresholds) : undefined,
    typedTotal,
    rank: undefined,
  };
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
): void {
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
    sink.add(
      "UNIT_NOT_MATCHED",
      criteriaTable.sheet,
      u.row,
      criteriaTable.columns.unit,
      { table: "criteria", otherSheet: sheet.name, otherRange: a1Range(table.range) },
      u.name,
    );
  }
  for (const j of matching.unmatchedRight) {
    const r = table.rows[j]!;
    sink.add(
      "UNIT_NOT_MATCHED",
      sheet,
      r.row,
      columns.unit,
      { table: "ranking", otherSheet: criteriaTable.sheet.name, otherRange: a1Range(criteriaTable.range) },
      r.name,
    );
  }
  for (let i = 0; i < units.length; i++) {
    const j = matching.rightOf[i]!;
    if (j >= 0) checkRankingRow(table, units[i]!, table.rows[j]!, decimals, sink);
  }
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
    sink.add(
      "NAME_VARIANT",
      sheet,
      r.row,
      columns.unit,
      {
        criteriaName: u.name,
        rankingName: r.name,
        ...(legacy ? { encoding: legacy.encoding, unicode: legacy.text } : {}),
      },
      u.name,
    );
  }
  if (columns.total !== undefined) {
    const totalCell = cellAt(grid, r.row, columns.total);
    const shown =
      plainNumberOf(totalCell) ??
      numberOrReport(readCellNumber(totalCell), sink, sheet, r.row, columns.total, u.name, "Tổng điểm");
    const reference = u.typedTotal ?? u.total;
    if (shown !== undefined && reference !== undefined) {
      const a = roundExact(shown, decimals);
      const e = roundExact(reference, decimals);
      if (compareExact(a, e) !== 0) {
        sink.add(
          "RANKING_TOTAL_MISMATCH",
          sheet,
          r.row,
          columns.total,
          { expected: formatExact(e, decimals), actual: formatExact(a, decimals) },
          u.name,
        );
      }
    }
  }
  if (columns.level !== undefined && u.level !== undefined) {
    const cell = cellAt(grid, r.row, columns.level);
    const text = cell.v === null ? "" : typeof cell.v === "string" ? cell.v : String(cell.v);
    const level = parseLevel(text);
    if (level !== u.level) {
      sink.add(
        "LEVEL_MISMATCH",
        sheet,
        r.row,
        columns.level,
        { expected: u.level, actual: tidy(text), total: formatExact(u.total!, decimals) },
        u.name,
      );
    }
  }
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

/** Checks a workbook grid against a framework. */
export function analyzeWorkbook(workbook: WorkbookGrid, framework: Framework): Analysis {
  const fw = compileFramework(framework);
  const model = readWorkbook(workbook, fw);
  const sink = new FindingSink();
  const blocks: BlockResult[] = [];
  for (const block of model.blocks) {
    const criteria = checkCriteriaTable(block.criteria, block, fw, sink);
    for (const ranking of block.rankings) checkRankingTable(ranking, criteria, block.criteria, fw, sink);
    const units = criteria.units;
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
    const counts = countLevels(levels);
    // Units without a total have an unknown level: a summary count is wrong only when no level
    // of theirs could make it right.
    const unknown = units.length - withTotal.length;
    for (const s of block.summaries) {
      const expected = s.parts.map((p) => ({
        levels: p.levels,
        count: p.levels.reduce((n, l) => n + counts[l], 0),
      }));
      const impossible = (e: { count: number }, k: number): boolean => {
        const typed = s.parts[k]!.count;
        return typed < e.count || typed > e.count + unknown;
      };
      if (expected.some(impossible)) {
        sink.add("SUMMARY_COUNT_MISMATCH", s.sheet, s.row, s.col, {
          expected: summaryText(expected),
          actual: summaryText(s.parts),
        });
      }
    }
    const rankingTitle = block.rankings[0]?.title;
    blocks.push({
      title: block.title,
      ...(rankingTitle ? { rankingTitle } : {}),
      sheet: block.criteria.sheet.name,
      range: a1Range(block.criteria.range),
      units: ranked,
      order: rankOrder(order, withTotal, without),
      counts,
    });
  }
  const findings = sortFindings(sink.list);
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
