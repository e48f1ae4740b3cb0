import { exactFromNumber, formatExact, type Exact } from "../../src/core/exact";
import { compileFramework, DEFAULT_FRAMEWORK } from "../../src/core/framework";
import { classifyLevel, countLevels, normalizeTotal, rankUnits } from "../../src/core/scoring";

const ex = (v: number): Exact => exactFromNumber(v)!;
const thresholds = compileFramework(DEFAULT_FRAMEWORK).bounds;

describe("classifyLevel (default bounds 90 / 80 / 70)", () => {
  it.each([
    [90.02, "I"],
    [90, "I"],
    [89.96, "II"],
    [80, "II"],
    [79.99, "III"],
    [70, "III"],
    [69.99, "IV"],
    [0, "IV"],
  ])("%p → %s", (total, level) => {
    expect(classifyLevel(ex(total), thresholds)).toBe(level);
  });
});

describe("rankUnits", () => {
  it("gives competition ranks (1, 2, 2, 4), ties in source order", () => {
    const { ranks, order } = rankUnits([92.77, 96.77, 92.77, 90.25].map(ex));
    expect(ranks).toEqual([2, 1, 2, 4]);
    expect(order).toEqual([1, 0, 2, 3]);
  });

  it("never splits a tie on binary noise: 0.1 + 0.2 ties with 0.3", () => {
    expect(rankUnits([0.1 + 0.2, 0.3].map(ex)).ranks).toEqual([1, 1]);
  });

  it("ranks ascending when asked", () => {
    expect(rankUnits([3, 1, 2].map(ex), true).ranks).toEqual([3, 1, 2]);
  });
});

describe("normalizeTotal", () => {
  it.each([
    [67.85, 75, "90.47"],
    [89.86, 98, "91.69"],
    [88.3, 100, "88.30"],
  ])("%p out of %p → %s", (points, max, expected) => {
    expect(formatExact(normalizeTotal(ex(points), ex(max), 100, 2), 2)).toBe(expected);
  });
});

describe("countLevels", () => {
  it("counts each level", () => {
    expect(countLevels(["I", "I", "II", "IV"])).toEqual([
      { level: "I", count: 2 },
      { level: "II", count: 1 },
      { level: "III", count: 0 },
      { level: "IV", count: 1 },
    ]);
  });

  it("counts named levels in the framework's order", () => {
    expect(countLevels(["Khá", "Tốt", "Khá"], ["Tốt", "Khá", "Trung bình", "Yếu"])).toEqual([
      { level: "Tốt", count: 1 },
      { level: "Khá", count: 2 },
      { level: "Trung bình", count: 0 },
      { level: "Yếu", count: 0 },
    ]);
  });
});
