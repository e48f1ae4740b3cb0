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

/** The level a total earns: I at or above thresholds[0], II at or above [1], III at or above [2], else IV. */
export function classifyLevel(total: Exact, thresholds: readonly [Exact, Exact, Exact]): Level {
  for (let i = 0; i < 3; i++) {
    if (compareExact(total, thresholds[i]!) >= 0) return LEVELS[i]!;
  }
  return "IV";
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
  const order = totals.map((_, i) => i);
  const dir = ascending ? 1 : -1;
  if (totals.every(isFast)) {
    // All in integer hundredths (the usual case): compare the integers directly.
    const t = totals as ReadonlyArray<number>;
    order.sort((a, b) => dir * (t[a]! - t[b]!) || a - b);
  } else {
    // Array.prototype.sort is stable: ties keep source order.
    order.sort((a, b) => dir * compareExact(totals[a]!, totals[b]!));
  }
  const ranks = new Array<number>(totals.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const prev = k > 0 ? order[k - 1]! : -1;
    ranks[i] = k > 0 && compareExact(totals[i]!, totals[prev]!) === 0 ? ranks[prev]! : k + 1;
  }
  return { ranks, order };
}

/** How many units reached each level. */
export function countLevels(levels: ReadonlyArray<Level>): Record<Level, number> {
  const counts: Record<Level, number> = { I: 0, II: 0, III: 0, IV: 0 };
  for (const l of levels) counts[l]++;
  return counts;
}
