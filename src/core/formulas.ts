/**
 * The arithmetic behind the Excel functions CQS.NORMALIZE, TOTAL, LEVEL, RANK, CHECK and RANKTABLE,
 * on the values Excel passes to a custom function: numbers (binary floats), text, booleans, empty
 * cells ("" or null), and omitted optional arguments (null or undefined). Ranges arrive as rows of
 * cells.
 *
 * Blank cells differ by host (office-js issues #4702, #5262, #1951): Excel on the web passes an
 * empty cell as null, Excel for Windows as 0. An omitted argument is null everywhere. So a blank
 * score or total cannot be told from 0 on Windows (the docs say so); a blank maximum, scale or
 * threshold arrives as 0 there and is an error, never a silent default; RANKTABLE skips rows whose
 * unit is blank or 0.
 *
 * Bad data is returned, not thrown: each function returns its value or a `FormulaError`
 * (`{ code, reason, params }`: the Excel error, and why, as a code with typed parameters; the words
 * are in the core's dictionaries, i18n/), and src/functions turns it into an Excel error in one
 * place. Nothing here knows about Excel, the DOM or `CustomFunctions`.
 *
 * Numbers are exact (exact.ts): a float from a cell is read at 15 significant digits, as Excel shows
 * it, so 0.1 + 0.2 is 0.3 and 1.005 rounds to 1.01. The common case — scores with at most two
 * decimals — stays on the integer-hundredths fast path and allocates no Decimal.
 */
import {
  addExact,
  compareExact,
  exactFromNumber,
  exactToNumber,
  exactToString,
  formatExact,
  isFast,
  isPositive,
  multiplyExact,
  normalizeExact,
  roundExact,
  type Exact,
  type Hundredths,
} from "./exact";
import {
  compileFramework,
  DEFAULT_FRAMEWORK,
  FrameworkError,
  LEVELS,
  type Framework,
  type Level,
  type LevelSpec,
} from "./framework";
import type { CellValue } from "./grid";
import {
  CORE_TEXT,
  formulaErrorText,
  type FormulaArg,
  type FormulaCellList,
  type FrameworkErrorData,
  type FormulaReason,
  type FormulaReasonParams,
} from "./i18n";
import type { Lang } from "./messages";
import { parseNumberText, readCellNumber } from "./numbers";
import { classifyLevel, normalizeTotal, rankUnits } from "./scoring";

export type FormulaErrorCode = "VALUE" | "NUM" | "NA";

/**
 * An Excel error as a value: #VALUE!, #NUM! or #N/A, and why (a reason with its parameters; Excel
 * shows the reason's message for #VALUE! and #N/A).
 */
export type FormulaError = {
  readonly [R in FormulaReason]: {
    readonly code: FormulaErrorCode;
    readonly reason: R;
    readonly params: FormulaReasonParams<R>;
  };
}[FormulaReason];

/** A range argument: rows of cells. A lone value is read as a 1×1 range. */
export type RangeArg = ReadonlyArray<ReadonlyArray<unknown>>;

/** One row of the RANKTABLE spill: STT, unit, total, level, rank ("" for units without a total). */
export type RankTableRow = [number, string | number, number | "", Level | "", number | ""];

export function isFormulaError(x: unknown): x is FormulaError {
  return typeof x === "object" && x !== null && typeof (x as { code?: unknown }).code === "string";
}

function fail<R extends FormulaReason>(
  code: FormulaErrorCode,
  reason: R,
  params: FormulaReasonParams<R>,
): FormulaError {
  return { code, reason, params } as FormulaError;
}

/** The message of a formula error in a language (Vietnamese unless told). */
export function formulaErrorMessage(e: FormulaError, lang: Lang = "vi"): string {
  return formulaErrorText(e.reason, e.params as FormulaReasonParams<typeof e.reason>, lang);
}

const ARG = {
  points: { kind: "points" },
  maxPoints: { kind: "maxPoints" },
  scale: { kind: "scale" },
  decimals: { kind: "decimals" },
  total: { kind: "total" },
  typedTotal: { kind: "typedTotal" },
  order: { kind: "order" },
  thresholds: { kind: "thresholds" },
} as const satisfies Record<string, FormulaArg>;

/** The cell at `position` (from 1) of a list argument. */
function cellArg(list: FormulaCellList, position: number): FormulaArg {
  return { kind: "cell", list, position };
}

// ---------------------------------------------------------------------------------------------
// Reading arguments

/** The number a value stands for; null when empty; a #VALUE! error naming `what` otherwise. */
function readValue(v: unknown, what: FormulaArg): Exact | null | FormulaError {
  if (typeof v === "number") {
    // Hot path: no allocation for a score with at most two decimals. Any finite number is a number,
    // however large; only NaN and ±Infinity (which no cell holds) are not.
    const x = exactFromNumber(v);
    return x === undefined ? fail("VALUE", "NOT_USABLE", { arg: what, value: String(v) }) : x;
  }
  if (v === null || v === undefined) return null;
  if (typeof v === "string") {
    const h = hundredthsOfSimpleText(v);
    if (h !== undefined) return h;
  }
  if (typeof v === "object" && !(v instanceof Date) && !("error" in v)) return readValue(plainValue(v), what);
  const r = readCellNumber({ v: v as CellValue });
  switch (r.kind) {
    case "number":
      return r.value;
    case "empty":
    case "uncalculated":
      return null;
    case "nan":
      return fail("VALUE", "NOT_A_NUMBER", { arg: what, value: r.shown, text: r.what === "text" });
  }
}

/**
 * Score text such as "45,57", "8" or " 10.5 " straight to integer hundredths, without a Decimal:
 * a subset of what parseNumberText accepts (numbers.ts), read to the same value; anything else
 * (other spaces, a sign "+", more decimals or digits) goes the general way.
 */
const SIMPLE_TEXT = /^ *(-?)(\d{1,7})(?:[.,](\d{1,2}))? *$/;
function hundredthsOfSimpleText(s: string): Hundredths | undefined {
  const m = SIMPLE_TEXT.exec(s);
  if (m === null) return undefined;
  const frac = m[3] === undefined ? 0 : m[3].length === 1 ? Number(m[3]) * 10 : Number(m[3]);
  const h = Number(m[2]) * 100 + frac;
  return (m[1] === "-" && h !== 0 ? -h : h) as Hundredths;
}

/**
 * The plain value of an Excel data type. The generated metadata sets allowCustomDataForDataTypeAny,
 * so an "any" argument may arrive as a cell value object ({ type: "Double", basicValue: 42.63 },
 * FormattedNumber, String, Boolean, Empty, or an entity shown by its text).
 */
function plainValue(v: object): unknown {
  if (Array.isArray(v))
    return v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 ? v[0][0] : String(v);
  const o = v as { type?: unknown; basicValue?: unknown; text?: unknown };
  switch (o.type) {
    case "Double":
    case "FormattedNumber":
    case "String":
    case "Boolean":
      return typeof o.basicValue === "object" ? String(o.basicValue) : o.basicValue;
    case "Empty":
      return null;
  }
  if (typeof o.text === "string") return o.text;
  if (typeof o.basicValue === "string") return o.basicValue;
  return String(v);
}

/** A required number: empty is a #VALUE! error saying so. */
function readRequired(v: unknown, what: FormulaArg): Exact | FormulaError {
  const x = readValue(v, what);
  return x === null ? fail("VALUE", "EMPTY", { arg: what }) : x;
}

/** An optional number: omitted or empty gives the default. */
function readOptional(v: unknown, what: FormulaArg, fallback: Exact): Exact | FormulaError {
  const x = readValue(v, what);
  return x === null ? fallback : x;
}

/** The cells of a range argument, row by row. */
function cellsOf(range: unknown): ReadonlyArray<unknown> {
  if (!Array.isArray(range)) return [range];
  if (range.length === 1 && Array.isArray(range[0])) return range[0] as unknown[];
  const out: unknown[] = [];
  for (const row of range as unknown[]) {
    if (Array.isArray(row)) for (const v of row) out.push(v);
    else out.push(row);
  }
  return out;
}

const HUNDRED = 10000 as Hundredths;
const ZERO = 0 as Hundredths;

/** An integer from `lo` to `hi` (decimals), or #VALUE!. */
function readSmallInteger(
  v: unknown,
  what: FormulaArg,
  fallback: number,
  lo: number,
  hi: number,
): number | FormulaError {
  const x = readOptional(v, what, (fallback * 100) as Hundredths);
  if (isFormulaError(x)) return x;
  if (isFast(x) && x % 100 === 0 && x / 100 >= lo && x / 100 <= hi) return x / 100;
  return fail("VALUE", "NOT_INTEGER_IN_RANGE", { arg: what, lo, hi, value: exactToString(x) });
}

/** Decimals of a result: 2 unless given, as the decision rounds; at most 10, more than any framework uses. */
const DECIMALS = { fallback: 2, lo: 0, hi: 10 } as const;
function readDecimals(v: unknown): number | FormulaError {
  return readSmallInteger(v, ARG.decimals, DECIMALS.fallback, DECIMALS.lo, DECIMALS.hi);
}

/** Max points: optional (default 100), must be positive (#NUM! otherwise, like Excel's domain errors). */
function readMaxPoints(v: unknown, required: boolean): Exact | FormulaError {
  const what = ARG.maxPoints;
  const max = required ? readRequired(v, what) : readOptional(v, what, HUNDRED);
  if (isFormulaError(max)) return max;
  // On Excel for Windows a blank cell arrives as 0: an error here, never the default 100.
  if (!isPositive(max)) return fail("NUM", "NOT_POSITIVE", { arg: what, value: exactToString(max) });
  return max;
}

/** A result as the number a cell shows; #NUM! when it is beyond what a cell can hold (as Excel does). */
function resultNumber(x: Exact): number | FormulaError {
  const n = exactToNumber(x);
  return Number.isFinite(n) ? n : fail("NUM", "RESULT_TOO_LARGE", {});
}

// ---------------------------------------------------------------------------------------------
// Thresholds

export type Thresholds = readonly [Exact, Exact, Exact];

/** The default framework's lower bounds of I, II and III, parsed once. */
export const DEFAULT_THRESHOLDS: Thresholds = (() => {
  const t = DEFAULT_FRAMEWORK.thresholds;
  const parse = (s: string): Exact => {
    const x = parseNumberText(s);
    if (x === undefined) throw new Error(`Default threshold "${s}" is not a number`);
    return x;
  };
  return [parse(t.I), parse(t.II), parse(t.III)] as const;
})();

/** Thresholds from a 3-cell range (or a name such as CQS_THRESHOLDS); the default when omitted. */
export function readThresholds(range: unknown): Thresholds | FormulaError {
  if (range === null || range === undefined) return DEFAULT_THRESHOLDS;
  const cells = cellsOf(range);
  if (cells.length === 1 && readValue(cells[0], ARG.thresholds) === null) return DEFAULT_THRESHOLDS;
  if (cells.length !== 3) return fail("VALUE", "THRESHOLD_COUNT", { count: cells.length });
  const t: Exact[] = [];
  for (let i = 0; i < 3; i++) {
    const name: FormulaArg = { kind: "threshold", level: LEVELS[i]! };
    const x = readRequired(cells[i], name);
    if (isFormulaError(x)) return x;
    // Excel for Windows passes a blank cell as 0: a bound of 0 is a blank, not a level for everyone.
    if (!isPositive(x)) return fail("VALUE", "NOT_POSITIVE", { arg: name, value: exactToString(x) });
    t.push(x);
  }
  const [a, b, c] = t as [Exact, Exact, Exact];
  if (compareExact(a, b) < 0 || compareExact(b, c) < 0) {
    return fail("VALUE", "THRESHOLDS_NOT_DESCENDING", {
      bounds: [exactToString(a), exactToString(b), exactToString(c)],
    });
  }
  return [a, b, c];
}

/** Levels to classify with: bounds (decreasing) and names, best first. */
export interface LevelScale {
  readonly bounds: ReadonlyArray<Exact>;
  readonly names: ReadonlyArray<Level>;
}

const DEFAULT_LEVELS: LevelScale = { bounds: DEFAULT_THRESHOLDS, names: LEVELS };

/** Named levels already checked, by their cells' text (a sheet asks for the same range in many cells). */
const namedLevelCache = new Map<string, LevelScale | FormulaError>();
/**
 * A workbook names a few level tables (CQS_LEVELS, perhaps one per block): past this many distinct
 * ones the cache is emptied, so a sheet of ever-changing ranges cannot grow it without bound.
 */
const NAMED_LEVELS_CACHED = 100;

/**
 * Named levels from a two-column range (name, lower bound; best first, such as CQS_LEVELS): checked
 * by the framework's own rules (names unique, bounds strictly decreasing); the last level's bound may
 * be blank (or 0, how Excel for Windows passes a blank): "below the others". Rows whose name and
 * bound are both blank (or 0) are skipped.
 */
function readNamedLevels(range: RangeArg): LevelScale | FormulaError {
  const rows: Array<{ name: string; bound: unknown }> = [];
  for (const row of range) {
    const name =
      row[0] === null || row[0] === undefined || row[0] === 0 ? "" : String(unitName(row[0])).trim();
    const blankBound = row[1] === null || row[1] === undefined || row[1] === "" || row[1] === 0;
    if (name === "" && blankBound) continue;
    if (name === "") return fail("VALUE", "LEVEL_ROW_UNNAMED", { row: rows.length + 1 });
    rows.push({ name, bound: row[1] });
  }
  if (rows.length === 0) return fail("VALUE", "NO_LEVELS", {});
  const key = JSON.stringify(rows);
  const cached = namedLevelCache.get(key);
  if (cached) return cached;
  const levels: LevelSpec[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { name, bound } = rows[i]!;
    const last = i === rows.length - 1;
    const x = readValue(bound, { kind: "levelBound", level: name });
    if (isFormulaError(x)) return x;
    if (x === null || (last && compareExact(x, ZERO) === 0)) {
      if (!last) return fail("VALUE", "LEVEL_WITHOUT_BOUND", { level: name });
      levels.push({ name });
    } else levels.push({ name, min: exactToString(x) });
  }
  // The framework's own rules, on a framework of these levels alone.
  const framework: Framework = {
    ...DEFAULT_FRAMEWORK,
    kind: "results",
    criteria: [],
    levels,
    scale: Number.MAX_SAFE_INTEGER,
  };
  let result: LevelScale | FormulaError;
  try {
    const compiled = compileFramework(framework);
    result = { bounds: compiled.bounds, names: compiled.levels.map((l) => l.name) };
  } catch (e) {
    if (!(e instanceof FrameworkError)) throw e;
    result = fail("VALUE", "LEVELS_INVALID", {
      error: { code: e.code, params: e.params } as FrameworkErrorData,
    });
  }
  if (namedLevelCache.size > NAMED_LEVELS_CACHED) namedLevelCache.clear();
  namedLevelCache.set(key, result);
  return result;
}

/**
 * The levels of a LEVEL or RANKTABLE argument: omitted, the default I–IV at 90/80/70; three cells
 * (CQS_THRESHOLDS), the bounds of I, II and III; a two-column range of names and bounds (CQS_LEVELS).
 */
export function readLevels(range: unknown): LevelScale | FormulaError {
  if (range === null || range === undefined) return DEFAULT_LEVELS;
  // Names in the first column (text; a blank trailing row may arrive as 0 or null).
  const named = (r: unknown): boolean =>
    Array.isArray(r) && r.length === 2 && (typeof r[0] !== "number" || r[0] === 0);
  if (
    Array.isArray(range) &&
    range.length > 0 &&
    range.every(named) &&
    range.some((r) => typeof r[0] === "string")
  )
    return readNamedLevels(range as RangeArg);
  const th = readThresholds(range);
  return isFormulaError(th) ? th : { bounds: th, names: LEVELS };
}

// ---------------------------------------------------------------------------------------------
// The functions

/**
 * CQS.NORMALIZE(points, maxPoints, [scale=100], [decimals=2]):
 * round_half_up(points × scale / maxPoints, decimals), exactly. 42.63 out of 48 on a 50 scale → 44.41.
 */
export function normalizeFormula(
  points: unknown,
  maxPoints: unknown,
  scale?: unknown,
  decimals?: unknown,
): number | FormulaError {
  const p = readRequired(points, ARG.points);
  if (isFormulaError(p)) return p;
  const max = readMaxPoints(maxPoints, true);
  if (isFormulaError(max)) return max;
  const s = readScale(scale);
  if (isFormulaError(s)) return s;
  const d = readDecimals(decimals);
  if (isFormulaError(d)) return d;
  // The scale as a number is exact: at most 15 significant digits survive the round trip to a double.
  return resultNumber(normalizeExact(p, max, exactToNumber(s), d));
}

/**
 * The exact sum of a range of scores, each times its weight when there are weights (a range of
 * the same size); every cell must hold a number (empty cells are named).
 */
function sumScores(scores: unknown, weights?: ReadonlyArray<Exact>): Exact | FormulaError {
  const cells = cellsOf(scores);
  if (weights && weights.length !== cells.length)
    return fail("VALUE", "WEIGHTS_SIZE", { weights: weights.length, scores: cells.length });
  let sum: Exact = ZERO;
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    // Hot path inline: a number cell on the fast path, no weights.
    if (typeof v === "number" && !weights) {
      const x = exactFromNumber(v);
      if (x !== undefined) {
        sum = addExact(sum, x);
        continue;
      }
    }
    const what = cellArg("scores", i + 1);
    const x = readValue(v, what);
    if (x === null) return fail("VALUE", "EMPTY", { arg: what });
    if (isFormulaError(x)) return x;
    sum = addExact(sum, weights ? multiplyExact(x, weights[i]!) : x);
  }
  return sum;
}

/** A range of weights: every cell a positive number (a blank, 0 on Windows, is an error). */
function readWeights(range: unknown): Exact[] | undefined | FormulaError {
  if (range === null || range === undefined) return undefined;
  const cells = cellsOf(range);
  const out: Exact[] = [];
  for (let i = 0; i < cells.length; i++) {
    const what = cellArg("weights", i + 1);
    const x = readRequired(cells[i], what);
    if (isFormulaError(x)) return x;
    if (!isPositive(x)) return fail("VALUE", "NOT_POSITIVE", { arg: what, value: exactToString(x) });
    out.push(x);
  }
  return out;
}

/** A scale: optional (default 100), positive. */
function readScale(v: unknown): Exact | FormulaError {
  const s = readOptional(v, ARG.scale, HUNDRED);
  if (isFormulaError(s)) return s;
  if (!isPositive(s)) return fail("NUM", "NOT_POSITIVE", { arg: ARG.scale, value: exactToString(s) });
  return s;
}

function totalExact(
  scores: unknown,
  maxPoints: unknown,
  decimals: number,
  scale: Exact = HUNDRED,
  weights?: ReadonlyArray<Exact>,
): Exact | FormulaError {
  const sum = sumScores(scores, weights);
  if (isFormulaError(sum)) return sum;
  const max = maxPoints === null || maxPoints === undefined ? scale : readMaxPoints(maxPoints, false);
  if (isFormulaError(max)) return max;
  // The decision's note: "(Tổng số điểm thực hiện * 100) / Điểm tối đa"; a unit out of the scale is only rounded.
  return normalizeTotal(sum, max, exactToNumber(scale), decimals);
}

/**
 * CQS.TOTAL(scores, [maxPoints=scale], [decimals=2], [scale=100], [weights]): the exact sum of the
 * scores (each times its weight when weights are given), brought to the scale when maxPoints is not
 * the scale, rounded half up. An empty or non-numeric cell is #VALUE!.
 */
export function totalFormula(
  scores: unknown,
  maxPoints?: unknown,
  decimals?: unknown,
  scale?: unknown,
  weights?: unknown,
): number | FormulaError {
  const d = readDecimals(decimals);
  if (isFormulaError(d)) return d;
  const s = readScale(scale);
  if (isFormulaError(s)) return s;
  const w = readWeights(weights);
  if (isFormulaError(w)) return w;
  const t = totalExact(scores, maxPoints, d, s, w);
  return isFormulaError(t) ? t : resultNumber(t);
}

/**
 * CQS.LEVEL(total, [thresholds]): the level the total earns: "I"–"IV" with three bounds (or none:
 * 90, 80, 70), or the name of the first level of a two-column range (name, lower bound) whose bound
 * it reaches.
 */
export function levelFormula(total: unknown, thresholds?: unknown): Level | FormulaError {
  const t = readRequired(total, ARG.total);
  if (isFormulaError(t)) return t;
  const levels = readLevels(thresholds);
  if (isFormulaError(levels)) return levels;
  return classifyLevel(t, levels.bounds, levels.names);
}

/** RANK.EQ's order argument: omitted, 0 or FALSE is descending; anything else ascending. */
function readAscending(v: unknown): boolean | FormulaError {
  if (typeof v === "boolean") return v;
  const x = readOptional(v, ARG.order, ZERO);
  if (isFormulaError(x)) return fail("VALUE", "BAD_ORDER", {});
  return compareExact(x, ZERO) !== 0;
}

/** The numbers of a list of totals; empty cells are skipped, other non-numbers are #VALUE!. */
function readTotals(totals: unknown): Exact[] | FormulaError {
  const cells = cellsOf(totals);
  const out: Exact[] = [];
  for (let i = 0; i < cells.length; i++) {
    const x = readValue(cells[i], cellArg("totals", i + 1));
    if (x === null) continue;
    if (isFormulaError(x)) return x;
    out.push(x);
  }
  return out;
}

/**
 * CQS.RANK(total, totals, [ascending]): competition rank like RANK.EQ (1, 2, 2, 4), values compared
 * at 15 significant digits so binary noise never splits a tie. #N/A when the total is not in the list.
 */
export function rankFormula(total: unknown, totals: unknown, ascending?: unknown): number | FormulaError {
  const t = readRequired(total, ARG.total);
  if (isFormulaError(t)) return t;
  const list = readTotals(totals);
  if (isFormulaError(list)) return list;
  const asc = readAscending(ascending);
  if (isFormulaError(asc)) return asc;
  let better = 0;
  let found = false;
  for (const x of list) {
    const c = compareExact(x, t);
    if (c === 0) found = true;
    else if (asc ? c < 0 : c > 0) better++;
  }
  if (!found) return fail("NA", "TOTAL_NOT_FOUND", { total: exactToString(t) });
  return better + 1;
}

/**
 * CQS.CHECK(scores, typedTotal, [maxPoints]): "" when the typed total, rounded half up to 2 decimals,
 * equals the recomputed total; else "Tổng ghi 92,86 ≠ tính lại 92,90".
 */
export function checkFormula(
  scores: unknown,
  typedTotal: unknown,
  maxPoints?: unknown,
): string | FormulaError {
  const decimals = DEFAULT_FRAMEWORK.decimals;
  const recomputed = totalExact(scores, maxPoints, decimals);
  if (isFormulaError(recomputed)) return recomputed;
  const typed = readRequired(typedTotal, ARG.typedTotal);
  if (isFormulaError(typed)) return typed;
  if (compareExact(roundExact(typed, decimals), recomputed) === 0) return "";
  // Show the typed value as typed when it has more decimals than the comparison uses. The text is
  // written into the workbook: in Vietnamese, the decision's language.
  const typedText =
    compareExact(roundExact(typed, decimals), typed) === 0
      ? formatExact(typed, decimals)
      : exactToString(typed);
  return CORE_TEXT.vi.checkMismatch({ typed: typedText, recomputed: formatExact(recomputed, decimals) });
}

/** A unit's name as Excel should show it back. */
function unitName(v: unknown): string | number {
  const p = typeof v === "object" && v !== null ? plainValue(v) : v;
  if (typeof p === "string" || typeof p === "number") return p;
  return String(p);
}

/** A blank unit cell: empty, spaces, or 0 (how Excel for Windows passes an empty cell). */
function isBlankUnit(v: unknown): boolean {
  const p = typeof v === "object" && v !== null ? plainValue(v) : v;
  return p === null || p === undefined || p === 0 || (typeof p === "string" && p.trim() === "");
}

/**
 * CQS.RANKTABLE(units, totals, [thresholds]): the ranking table as a spilled array without header:
 * STT (1…n), unit, total, level, rank; in rank order, ties in source order. Rows whose unit is blank
 * or 0 and whose total is blank or 0 are skipped (the trailing rows of a range, as Excel on the web
 * and Excel for Windows pass them); units without a total come last, with no total, level or rank.
 */
export function rankTableFormula(
  units: unknown,
  totals: unknown,
  thresholds?: unknown,
): RankTableRow[] | FormulaError {
  const names = cellsOf(units);
  const cells = cellsOf(totals);
  if (names.length !== cells.length) {
    return fail("VALUE", "UNITS_SIZE", { units: names.length, totals: cells.length });
  }
  const th = readLevels(thresholds);
  if (isFormulaError(th)) return th;
  const ranked: { unit: string | number; total: Exact }[] = [];
  const pending: (string | number)[] = [];
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const unit = isBlankUnit(name) ? undefined : unitName(name);
    const what: FormulaArg =
      unit === undefined ? cellArg("tableTotals", i + 1) : { kind: "unitTotal", unit: String(unit) };
    const x = readValue(cells[i], what);
    if (isFormulaError(x)) return x;
    if (unit === undefined) {
      if (x === null || compareExact(x, ZERO) === 0) continue;
      return fail("VALUE", "UNIT_BLANK", { position: i + 1, total: exactToString(x) });
    }
    if (x === null) pending.push(unit);
    else ranked.push({ unit, total: x });
  }
  if (ranked.length === 0 && pending.length === 0) return fail("NA", "NO_UNITS", {});
  const { ranks, order } = rankUnits(ranked.map((r) => r.total));
  const rows: RankTableRow[] = [];
  for (const i of order) {
    const r = ranked[i]!;
    rows.push([
      rows.length + 1,
      r.unit,
      exactToNumber(r.total),
      classifyLevel(r.total, th.bounds, th.names),
      ranks[i]!,
    ]);
  }
  for (const unit of pending) rows.push([rows.length + 1, unit, "", "", ""]);
  return rows;
}

export type { Level };
