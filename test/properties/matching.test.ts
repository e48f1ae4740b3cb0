/**
 * Properties of matching unit names across two tables (names.ts matchUnits), over random lists
 * drawn from a small pool of names and their variants (so equal keys, duplicates, abbreviations,
 * leading parts and strangers all occur):
 * - the pairing is one to one, and the unmatched lists are exactly the names left out;
 * - it does not depend on whether the caller passes the right side's index of keys.
 * Run counts: RUNS in ./arbitraries.ts (docs/robustness.md lists them).
 */
import fc from "fast-check";
import { indexKeys, matchUnits, nameKey } from "../../src/core/names";
import { runs, RUNS } from "./arbitraries";

const POOL = [
  "Sở Tài chính",
  "Sở Tài chính",
  "SỞ TÀI CHÍNH",
  "Sở Nội vụ",
  "Sở Ngoại vụ",
  "Sở Giáo dục và Đào tạo",
  "Sở Giáo dục",
  "Sở GD&ĐT",
  "Sở Nông nghiệp và Phát triển nông thôn",
  "Sở Nông nghiệp và PTNT",
  "Sở Lao động, Thương binh và Xã hội",
  "Sở Lao động – TB&XH",
  "Văn phòng UBND tỉnh",
  "Thị xã Hương Thủy",
  "Thị xã Hương Thuỷ",
  "Huyện A Lưới",
  "Së Tµi chÝnh",
];

const names = fc.array(fc.constantFrom(...POOL), { maxLength: 14 });

describe("matching unit names", () => {
  test(`one to one, with or without the right side's index (${RUNS.matching} runs)`, () => {
    fc.assert(
      fc.property(names, names, (left, right) => {
        const leftKeys = left.map(nameKey);
        const rightKeys = right.map(nameKey);
        const plain = matchUnits(left, right);
        const byRight = matchUnits(left, right, {
          left: leftKeys,
          right: rightKeys,
          rightIndex: indexKeys(rightKeys),
        });
        expect(byRight).toEqual(plain);
        // One to one: no right name twice; unmatched = the names not paired.
        const paired = [...plain.rightOf].filter((j) => j >= 0);
        expect(new Set(paired).size).toBe(paired.length);
        expect(plain.unmatchedLeft).toEqual(left.map((_, i) => i).filter((i) => plain.rightOf[i]! < 0));
        expect(plain.unmatchedRight).toEqual(right.map((_, j) => j).filter((j) => !paired.includes(j)));
        // Names with equal keys are paired in order, first with first.
        plain.rightOf.forEach((j, i) => {
          if (j < 0 || leftKeys[i] !== rightKeys[j]) return;
          const nthLeft = leftKeys.slice(0, i).filter((k) => k === leftKeys[i]).length;
          const nthRight = rightKeys.slice(0, j).filter((k) => k === rightKeys[j]).length;
          expect(nthLeft).toBe(nthRight);
        });
      }),
      runs(RUNS.matching),
    );
  });
});
