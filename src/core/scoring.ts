/**
 * The council's arithmetic: normalized totals, levels, competition ranks, level counts.
 * All exact (see exact.ts).
 */
import { compareExact, exactFromInteger, isFast, normalizeExact, roundExact, type Exact } from "./exact";
import { LEVELS, type Level } from "./framework";

/**
 * Normalized total = round_half_up(points × scale / max, decimals) (the decision's notes:
 * "(Tổng số điểm thực hiện * 100) / Điểm tối đa"). A unit scored out of the full scale is only
 * rounded. `max` must be positive.
 */
export function normalizeTotal(points: Exact, max: Exact, scale: number, decimals: number): Exact {
  return compareExact(max, exactFromInteger(scale)) === 0
    ? roundExact(points, decimals)
    : normalizeExact(points, max, scale, decimals);
}

/**
 * The level a total earns: names[i] at or above bounds[i] (bounds decreasing), else the level after
 * the last bound. With three bounds and no names: I, II, III or IV.
 */
export function classifyLevel(
  total: Exact,
  bounds: ReadonlyArray<Exact>,
  names: ReadonlyArray<Level> = LEVELS,
): Level {
  for (let i = 0; i < bounds.length; i++) {
    if (compareExact(total, bounds[i]!) >= 0) return names[i]!;
  }
  return names[bounds.length] ?? names[names.length - 1]!;
}

/**
 * Competition ranks like Excel's RANK.EQ (1, 2, 2, 4), descending unless `ascending`.
 * Returns, per input position, its rank; and the order to list the units in (by rank, ties in
 * source order).
 */
export function rankUnits(
  totals: ReadonlyArray<Exact>,
  ascending = false,
): { ranks: number[]; order: number[] } {
  return rankPacked(totals, ascending) ?? rankCompared(totals, ascending);
}

/** Positions below 2^21 fit beside a fast total (|h| ≤ 10^9 < 2^30) in one exact double. */
const POSITION = 2 ** 21;

/**
 * The usual case, every total in integer hundredths: each total and its position packed into one
 * double (total × 2^21 + position, exact below 2^53), sorted natively as numbers; undefined when
 * a total is not in hundredths (or there are 2^21 units or more).
 */
function rankPacked(
  totals: ReadonlyArray<Exact>,
  ascending: boolean,
): { ranks: number[]; order: number[] } | undefined {
  const n = totals.length;
  if (n >= POSITION) return undefined;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = totals[i]!;
    if (!isFast(t)) return undefined;
    keys[i] = (ascending ? t : -t) * POSITION + i;
  }
  keys.sort();
  const order = new Array<number>(n);
  const ranks = new Array<number>(n);
  let previous = NaN;
  for (let k = 0; k < n; k++) {
    const key = keys[k]!;
    const packed = Math.floor(key / POSITION);
    const i = key - packed * POSITION;
    order[k] = i;
    ranks[i] = packed === previous ? ranks[order[k - 1]!]! : k + 1;
    previous = packed;
  }
  return { ranks, order };
}

/** Any totals: a stable sort (ties keep source order) with exact comparisons. */
function rankCompared(
  totals: ReadonlyArray<Exact>,
  ascending: boolean,
): { ranks: number[]; order: number[] } {
  const n = totals.length;
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const dir = ascending ? 1 : -1;
  order.sort((a, b) => dir * compareExact(totals[a]!, totals[b]!));
  const ranks = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const prev = k > 0 ? order[k - 1]! : -1;
    ranks[i] = k > 0 && compareExact(totals[i]!, totals[prev]!) === 0 ? ranks[prev]! : k + 1;
  }
  return { ranks, order };
}

/** How many units reached each level, per level name in the framework's order (best first). */
export interface LevelCount {
  readonly level: Level;
  readonly count: number;
}

/** How many units reached each of `names` (in that order). */
export function countLevels(
  levels: ReadonlyArray<Level>,
  names: ReadonlyArray<Level> = LEVELS,
): LevelCount[] {
  const counts = new Array<number>(names.length).fill(0);
  // The usual few names: a linear scan per unit beats a keyed store in code not yet optimized.
  for (let i = 0; i < levels.length; i++) {
    const k = names.indexOf(levels[i]!);
    if (k >= 0) counts[k]!++;
  }
  return names.map((level, k) => ({ level, count: counts[k]! }));
}

/** The count of one level in a list of counts (0 when absent). */
export function countOf(counts: ReadonlyArray<LevelCount>, level: Level): number {
  for (const c of counts) if (c.level === level) return c.count;
  return 0;
}
