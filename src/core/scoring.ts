/**
 * The council's arithmetic: normalized totals, levels, competition ranks, level counts.
 * All exact (see exact.ts).
 */
import { compareExact, exactFromInteger, normalizeExact, roundExact, type Exact } from "./exact";
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
  const n = totals.length;
  const entries = new Array<RankEntry>(n);
  for (let i = 0; i < n; i++) entries[i] = { total: totals[i]!, index: i };
  // A stable sort: ties keep source order. Exact comparisons.
  entries.sort(ascending ? lowestFirst : highestFirst);
  const order = new Array<number>(n);
  const ranks = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const i = entries[k]!.index;
    order[k] = i;
    ranks[i] =
      k > 0 && compareExact(entries[k]!.total, entries[k - 1]!.total) === 0 ? ranks[order[k - 1]!]! : k + 1;
  }
  return { ranks, order };
}

/** A total and its position, for the rank sort. */
interface RankEntry {
  readonly total: Exact;
  readonly index: number;
}

/**
 * The rank sort's orders, top-level functions (not closures made per call: V8 keeps their compiled
 * code through a full collection, see docs/benchmarks.md).
 */
function highestFirst(a: RankEntry, b: RankEntry): number {
  return compareExact(b.total, a.total);
}
function lowestFirst(a: RankEntry, b: RankEntry): number {
  return compareExact(a.total, b.total);
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
  // A framework names a handful of levels: a linear scan.
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
