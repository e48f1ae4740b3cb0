/**
 * Properties of the council's arithmetic (issue 6):
 * - ranks are a competition ranking of the totals (1, 2, 2, 4), ties listed in source order;
 * - the normalized total is round_half_up(points × 100 / max, 2), exactly (checked against BigInt);
 * - normalizing then ranking does not depend on the order of the rows, in the arithmetic and in a
 *   whole workbook.
 * Run counts: RUNS in ./arbitraries.ts.
 */
import fc from "fast-check";
import {
  analyzeWorkbook,
  DEFAULT_FRAMEWORK,
  exactFromDecimalString,
  formatExact,
  normalizeTotal,
  rankUnits,
  type Exact,
} from "../../src/core";
import type { Cell, WorkbookGrid } from "../../src/core/grid";
import { criteriaSheet, numberText, runs, RUNS, scoreCell, tableSpec } from "./arbitraries";

/** A decimal as text with up to `places` decimals, and its exact value as BigInt × 10^places. */
function decimalArb(
  maxInt: number,
  places: number,
  signed = true,
): fc.Arbitrary<{ text: string; scaled: bigint }> {
  return fc
    .tuple(
      signed ? fc.boolean() : fc.constant(false),
      fc.integer({ min: 0, max: maxInt }),
      fc.integer({ min: 0, max: 10 ** places - 1 }),
      fc.integer({ min: 0, max: places }),
    )
    .map(([neg, int, frac, shown]) => {
      // `shown` decimals are written; the value has exactly those.
      const f = String(frac).padStart(places, "0").slice(0, shown);
      const text = `${neg ? "-" : ""}${int}${shown > 0 ? `.${f}` : ""}`;
      const scaled = BigInt(`${int}${f.padEnd(places, "0")}`) * (neg ? -1n : 1n);
      return { text, scaled };
    });
}

const SCALE_PLACES = 6;
const totalArb = decimalArb(200, SCALE_PLACES);

/** Ranks and order of `list` against their definition, with BigInt comparisons. */
function checkRanking(list: ReadonlyArray<{ text: string; scaled: bigint }>, ascending: boolean): void {
  const totals: Exact[] = list.map((t) => exactFromDecimalString(t.text));
  const { ranks, order } = rankUnits(totals, ascending);
  const better = (a: bigint, b: bigint): boolean => (ascending ? a < b : a > b);
  list.forEach((t, i) => {
    const expected = 1 + list.filter((u) => better(u.scaled, t.scaled)).length;
    expect(ranks[i]).toBe(expected);
  });
  // The order lists every unit once, by rank, ties in source order.
  expect([...order].sort((a, b) => a - b)).toEqual(list.map((_, i) => i));
  for (let k = 1; k < order.length; k++) {
    const p = order[k - 1]!;
    const q = order[k]!;
    expect(ranks[p]! < ranks[q]! || (ranks[p] === ranks[q] && p < q)).toBe(true);
  }
}

describe("ranks are a competition ranking of the totals", () => {
  test(`random totals with ties (${RUNS.rankCompetition} runs): rank = 1 + how many are greater; ties in source order`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(totalArb, fc.constantFrom({ text: "90", scaled: 90_000_000n })), { maxLength: 60 }),
        fc.boolean(),
        checkRanking,
      ),
      runs(RUNS.rankCompetition),
    );
  });

  test(`totals in hundredths only, up to ±10,000,000 (${RUNS.rankCompetition} runs): the same competition ranking`, () => {
    // Totals as the workbooks hold them (at most 2 decimals), up to large magnitudes.
    const hundredths = decimalArb(10_000_000, 2);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(hundredths, fc.constantFrom({ text: "90", scaled: 9000n })), { maxLength: 80 }),
        fc.boolean(),
        checkRanking,
      ),
      runs(RUNS.rankCompetition),
    );
  });
});

/** round_half_up(p / 10^4 × 100 / (m / 100), 2) as 2-decimal text, with BigInt: hundredths = 100p/m. */
function normalizedText(p: bigint, m: bigint): string {
  const neg = p < 0n;
  const a = neg ? -p : p;
  // hundredths of the value = a × 100 × 100 × 100 / (10^4 × m) = 100a / m; half up (away from zero)
  const h = (200n * a + m) / (2n * m);
  const s = `${h / 100n}.${String(h % 100n).padStart(2, "0")}`;
  return neg && h !== 0n ? `-${s}` : s;
}

describe("the normalized total is exact", () => {
  test(`random points and max (${RUNS.normalizeExact} runs): round_half_up(points × 100 / max, 2)`, () => {
    fc.assert(
      fc.property(decimalArb(120, 4), decimalArb(100, 2, false), (points, max) => {
        fc.pre(max.scaled > 0n);
        const got = normalizeTotal(
          exactFromDecimalString(points.text),
          exactFromDecimalString(max.text),
          100,
          2,
        );
        expect(formatExact(got, 2)).toBe(normalizedText(points.scaled, max.scaled));
      }),
      runs(RUNS.normalizeExact),
    );
  });

  test("the decision's boundary cases", () => {
    const n = (p: string, m: string): string =>
      formatExact(normalizeTotal(exactFromDecimalString(p), exactFromDecimalString(m), 100, 2), 2);
    expect(n("67.5", "75")).toBe("90.00");
    expect(n("0.005", "100")).toBe("0.01"); // half up
    expect(n("-0.005", "100")).toBe("-0.01"); // half away from zero
    expect(n("1", "3")).toBe("33.33");
    expect(n("2", "3")).toBe("66.67");
  });
});

/** A random permutation of 0…n-1. */
const permutation = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.double({ noNaN: true, min: 0, max: 1 }), { minLength: n, maxLength: n }).map((keys) =>
    keys
      .map((k, i) => [k, i] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1])
      .map(([, i]) => i),
  );

describe("normalizing then ranking does not depend on row order", () => {
  test(`the arithmetic (${RUNS.rowOrderScoring} runs): each unit keeps its total and rank`, () => {
    const unit = fc.tuple(decimalArb(100, 2, false), fc.constantFrom("100", "75", "90", "52.5", "33"));
    fc.assert(
      fc.property(
        fc
          .array(unit, { minLength: 1, maxLength: 40 })
          .chain((us) => fc.tuple(fc.constant(us), permutation(us.length))),
        ([units, perm]) => {
          const totals = (list: typeof units): Exact[] =>
            list.map(([p, m]) =>
              normalizeTotal(exactFromDecimalString(p.text), exactFromDecimalString(m), 100, 2),
            );
          const a = rankUnits(totals(units)).ranks;
          const permuted = perm.map((i) => units[i]!);
          const b = rankUnits(totals(permuted)).ranks;
          perm.forEach((i, k) => expect(b[k]).toBe(a[i]));
        },
      ),
      runs(RUNS.rowOrderScoring),
    );
  });

  test(`a whole workbook (${RUNS.rowOrderWorkbook} runs): the same totals, levels, ranks, counts and findings per unit`, () => {
    // Mostly numbers (so that units are ranked), with numbers as text and junk among them.
    const mostlyNumbers: fc.Arbitrary<Cell> = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 0, max: 1200 }).map((h) => ({ v: h / 100 })) },
      { weight: 1, arbitrary: numberText.map((v) => ({ v })) },
      { weight: 1, arbitrary: scoreCell },
    );
    const totals: fc.Arbitrary<Cell> = fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 5000, max: 10000 }).map((h) => ({ v: h / 100 })) },
      { weight: 1, arbitrary: scoreCell },
    );
    fc.assert(
      fc.property(
        tableSpec(mostlyNumbers, totals, 1, 15).chain((spec) =>
          fc.tuple(fc.constant(spec), permutation(spec.names.length)),
        ),
        ([spec, perm]) => {
          const shuffled = {
            names: perm.map((i) => spec.names[i]!),
            scores: perm.map((i) => spec.scores[i]!),
            totals: perm.map((i) => spec.totals[i]!),
          };
          const wb = (s: typeof spec): WorkbookGrid => ({ name: "t.xlsx", sheets: [criteriaSheet(s)] });
          const a = analyzeWorkbook(wb(spec), DEFAULT_FRAMEWORK);
          const b = analyzeWorkbook(wb(shuffled), DEFAULT_FRAMEWORK);
          const byUnit = (x: typeof a): Record<string, unknown> =>
            Object.fromEntries(
              x.blocks[0]!.units.map((u) => [
                u.name,
                {
                  total: u.total !== undefined ? formatExact(u.total, 2) : null,
                  level: u.level ?? null,
                  rank: u.rank ?? null,
                },
              ]),
            );
          expect(byUnit(b)).toEqual(byUnit(a));
          expect(b.blocks[0]!.counts).toEqual(a.blocks[0]!.counts);
          // Findings: the same per unit and column (their rows moved with the units).
          const key = (x: typeof a): string[] =>
            x.findings
              .map(
                (f) => `${f.code}|${f.unit ?? ""}|${f.cell.replace(/\d+$/, "")}|${JSON.stringify(f.params)}`,
              )
              .sort();
          expect(key(b)).toEqual(key(a));
          // Units listed in rank order, ties in (the new) source order.
          const names = (x: typeof a): string[] => x.blocks[0]!.order.map((i) => x.blocks[0]!.units[i]!.name);
          const ranked = (x: typeof a): string[] =>
            names(x).filter((n) => x.blocks[0]!.units.find((u) => u.name === n)!.rank !== undefined);
          expect(ranked(b).map((n) => byUnit(b)[n])).toEqual(ranked(a).map((n) => byUnit(a)[n]));
        },
      ),
      runs(RUNS.rowOrderWorkbook),
    );
  });
});
