import {
  addExact,
  compareExact,
  Dec,
  exactFromNumber,
  formatExact,
  isFast,
  normalizeExact,
  roundExact,
  sumExact,
  type Exact,
} from "../../src/core/exact";

const ex = (v: number): Exact => {
  const x = exactFromNumber(v);
  if (x === undefined) throw new Error(`not finite: ${v}`);
  return x;
};

describe("exactFromNumber reads a float at 15 significant digits", () => {
  it.each([
    [92.57000000000001, "92.57"],
    [0.1 + 0.2, "0.30"],
    [45.57, "45.57"],
    [-3.1, "-3.10"],
    [1e-7, "0.00"],
  ])("%p is %s at 2 decimals", (v, text) => {
    expect(formatExact(roundExact(ex(v), 2), 2)).toBe(text);
  });

  it("keeps the exact decimal of 1.005 (not 1.00499999…)", () => {
    const x = ex(1.005);
    expect(isFast(x)).toBe(false);
    expect(formatExact(roundExact(x, 2), 2)).toBe("1.01");
  });

  it("uses integer hundredths for ordinary scores", () => {
    expect(ex(45.57)).toBe(4557);
    expect(ex(8)).toBe(800);
  });

  it.each([NaN, Infinity, -Infinity])("returns undefined for %p", (v) => {
    expect(exactFromNumber(v)).toBeUndefined();
  });
});

describe("sums are exact", () => {
  it("adds the 2022 Thanh tra scores to 72.03", () => {
    const scores = [7.5, 5, 10, 27.53, 3, 11, 6, 2].map(ex);
    expect(formatExact(sumExact(scores), 2)).toBe("72.03");
  });

  it("mixes hundredths and decimals", () => {
    expect(formatExact(addExact(ex(0.001), ex(0.1)), 3)).toBe("0.101");
  });
});

describe("normalizeExact rounds half up exactly", () => {
  it.each([
    // points, max, scale, decimals, expected — from the 2022 decision's reduced-max units
    [67.85, 75, 100, 2, "90.47"],
    [89.86, 98, 100, 2, "91.69"],
    [72.03, 75, 100, 2, "96.04"],
    [42.63, 48, 50, 2, "44.41"],
    // a tie: 0.125 × 100 / 100 → half up
    [1.125, 100, 100, 2, "1.13"],
    [-1.125, 100, 100, 2, "-1.13"],
    [1, 3, 100, 4, "33.3333"],
  ])("%p of %p on %p → %s", (p, m, s, d, expected) => {
    expect(formatExact(normalizeExact(ex(p), ex(m), s, d), d)).toBe(expected);
  });

  it("agrees with decimal.js on many random hundredths", () => {
    let seed = 12345;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      const p = next(10000);
      const m = 1 + next(10000);
      const fast = normalizeExact(p as Exact, m as Exact, 100, 2);
      const slow = new Dec(p)
        .div(100)
        .times(100)
        .div(new Dec(m).div(100))
        .toDecimalPlaces(2, Dec.ROUND_HALF_UP);
      expect(formatExact(fast, 2)).toBe(slow.toFixed(2));
    }
  });
});

describe("compareExact", () => {
  it("orders fast and decimal values together", () => {
    expect(compareExact(ex(1.005), ex(1))).toBe(1);
    expect(compareExact(ex(0.1 + 0.2), ex(0.3))).toBe(0);
    expect(compareExact(ex(89.96), ex(90))).toBe(-1);
  });
});
