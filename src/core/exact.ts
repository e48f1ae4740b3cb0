/**
 * Exact decimal arithmetic for scores.
 *
 * An `Exact` is either an integer count of hundredths (a plain `number`, the fast path: every
 * score the council writes has at most 2 decimals) or a `Decimal` (anything else). Binary floats
 * never stand for a score: a float coming from a cell is first turned into its decimal at 15
 * significant digits, the digits Excel shows.
 *
 * Integer hundredths stay exact while |value| < 2^53; we keep to |h| ≤ MAX_FAST so that the
 * products in `normalizeExact` (h × scale × 100) stay below 2^53 too.
 */
import Decimal from "decimal.js";

/**
 * decimal.js configured for scores: no global setting leaks to other users of the library.
 * The precision covers every number a cell can hold, so that sums stay exact: a double read at 15
 * significant digits lies between 1e-324 and 1.8e308, and a sum of such values has at most about
 * 650 digits. Only additions and multiplications run at that precision (they produce no more
 * digits than their operands need); the one division, in normalizeExact, is an integer division.
 */
export const Dec = Decimal.clone({
  precision: 1000,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 30,
});
export type Dec = Decimal;

/** Integer hundredths. Kept apart from plain numbers by a brand. */
export type Hundredths = number & { readonly __hundredths: true };
export type Exact = Hundredths | Decimal;

/** Bound for the fast path: 10^9 hundredths (10 million points) leaves room for ×100×100 below 2^53. */
const MAX_FAST = 1e9;

export function isFast(x: Exact): x is Hundredths {
  return typeof x === "number";
}

function toDec(x: Exact): Decimal {
  // A shift of the exponent, not a division (a division works at the full precision).
  return typeof x === "number" ? new Dec(`${x}e-2`) : x;
}

/** The hundredths of a Decimal when it has at most 2 decimals and fits the fast path. */
function fastFromDecimal(d: Decimal): Exact {
  if (d.decimalPlaces() <= 2 && d.abs().lte(MAX_FAST / 100)) {
    const h = d.times(100).toNumber();
    return (h === 0 ? 0 : h) as Hundredths; // no negative zero
  }
  return d;
}

/**
 * The exact decimal of a number cell's value at 15 significant digits (what Excel shows):
 * 92.57000000000001 → 92.57. Returns undefined for NaN and ±Infinity.
 */
export function exactFromNumber(v: number): Exact | undefined {
  if (!Number.isFinite(v)) return undefined;
  // Fast path: v is the double nearest to h/100 for an integer h (the usual case for a typed score).
  const h = Math.round(v * 100);
  if (Math.abs(h) <= MAX_FAST && h / 100 === v) return (h === 0 ? 0 : h) as Hundredths;
  return fastFromDecimal(new Dec(v.toPrecision(15)));
}

/** The exact value of a plain decimal string ("-12.5", "45.57"); the caller has checked its form. */
export function exactFromDecimalString(s: string): Exact {
  return fastFromDecimal(new Dec(s));
}

export function exactFromInteger(n: number): Exact {
  return Math.abs(n) <= MAX_FAST / 100 ? ((n * 100) as Hundredths) : new Dec(n);
}

export function addExact(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number") {
    const s = a + b;
    if (Math.abs(s) <= MAX_FAST) return s as Hundredths;
  }
  return fastFromDecimal(toDec(a).plus(toDec(b)));
}

/** a × b, exactly. */
export function multiplyExact(a: Exact, b: Exact): Exact {
  if (typeof a === "number" && typeof b === "number" && b % 100 === 0) {
    const p = a * (b / 100);
    if (Math.abs(p) <= MAX_FAST) return p as Hundredths;
  }
  return fastFromDecimal(toDec(a).times(toDec(b)));
}

export function sumExact(xs: ReadonlyArray<Exact>): Exact {
  let acc: Exact = 0 as Hundredths;
  for (const x of xs) acc = addExact(acc, x);
  return acc;
}

/** Rounds a non-negative rational num/den half up to an integer; exact while num, den < 2^52. */
function divRoundHalfUp(num: number, den: number): number {
  const q = Math.floor(num / den);
  const r = num - q * den;
  return 2 * r >= den ? q + 1 : q;
}

/**
 * round_half_up(points × scale / max, decimals), exactly. Half up means away from zero on a tie,
 * as decimal.js's ROUND_HALF_UP and Excel's ROUND do. `max` must be positive.
 */
export function normalizeExact(points: Exact, max: Exact, scale: number, decimals: number): Exact {
  if (
    decimals === 2 &&
    typeof points === "number" &&
    typeof max === "number" &&
    Number.isInteger(scale) &&
    scale > 0 &&
    scale <= 10000 &&
    max > 0
  ) {
    // points/100 × scale / (max/100), in hundredths: points × scale × 100 / max.
    const num = Math.abs(points) * scale * 100;
    if (num < 2 ** 52) {
      const q = divRoundHalfUp(num, max);
      return (points < 0 ? -q : q === 0 ? 0 : q) as Hundredths;
    }
  }
  // round_half_up(|x| × 10^d) = floor((2·|num| + den) / (2·den)) with num / den = x × 10^d, den > 0:
  // exact at any size, where a division to `precision` digits would round first.
  const num = toDec(points)
    .times(scale)
    .times(new Dec(`1e${decimals}`));
  const den = toDec(max);
  const q = num.abs().times(2).plus(den).divToInt(den.times(2));
  return fastFromDecimal((num.isNegative() ? q.negated() : q).times(new Dec(`1e-${decimals}`)));
}

/** Rounds half up to `decimals` places. */
export function roundExact(x: Exact, decimals: number): Exact {
  if (typeof x === "number" && decimals >= 2) return x;
  return fastFromDecimal(toDec(x).toDecimalPlaces(decimals, Dec.ROUND_HALF_UP));
}

export function compareExact(a: Exact, b: Exact): number {
  if (typeof a === "number" && typeof b === "number") return a < b ? -1 : a > b ? 1 : 0;
  return toDec(a).comparedTo(toDec(b));
}

export function isNegative(x: Exact): boolean {
  return typeof x === "number" ? x < 0 : x.isNegative() && !x.isZero();
}

export function isPositive(x: Exact): boolean {
  return typeof x === "number" ? x > 0 : x.gt(0);
}

/** Fixed-point text with `decimals` places and a point: "88.30". */
export function formatExact(x: Exact, decimals: number): string {
  if (typeof x === "number" && decimals === 2) {
    const neg = x < 0;
    const a = Math.abs(x);
    const s = `${Math.floor(a / 100)}.${String(a % 100).padStart(2, "0")}`;
    return neg ? `-${s}` : s;
  }
  return toDec(x).toFixed(decimals, Dec.ROUND_HALF_UP);
}

/** The nearest JavaScript number, for writing a result into a cell. */
export function exactToNumber(x: Exact): number {
  return typeof x === "number" ? x / 100 : x.toNumber();
}

/** Text of the exact value without trailing zeros ("96.04", "75"). */
export function exactToString(x: Exact): string {
  return toDec(x).toString();
}
