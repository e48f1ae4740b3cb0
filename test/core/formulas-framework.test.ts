/**
 * The functions following a framework: CQS.TOTAL and CQS.NORMALIZE on other scales, decimals and
 * weights; CQS.LEVEL and CQS.RANKTABLE with named levels (a name/lower bound range such as the
 * CQS_LEVELS name the pane writes), the 3-cell CQS_THRESHOLDS still working.
 */
import * as path from "path";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { analyzeWorkbook } from "../../src/core/analyze";
import { DEFAULT_FRAMEWORK, type Framework } from "../../src/core/framework";
import {
  formulaErrorMessage,
  isFormulaError,
  levelFormula,
  normalizeFormula,
  rankFormula,
  rankTableFormula,
  totalFormula,
} from "../../src/core/formulas";
import { libraryFramework } from "../../src/core/library";
import { cellAt, parseA1, rowEnd } from "../../src/core/grid";
import {
  LEVELS_NAME,
  planSettingsSheet,
  SCALE_NAME,
  THRESHOLDS_NAME,
  WEIGHTS_NAME,
  MAXIMA_NAME,
  DECIMALS_NAME,
  type SettingsPlan,
} from "../../src/core/settings";

const ROOT = path.resolve(__dirname, "..", "..");

/** A workbook name of a settings plan, as Excel passes the range it names (blank cells as `blank`). */
function named(plan: SettingsPlan, name: string, blank: null | 0 = null): unknown[][] {
  const ref = plan.names.find((n) => n.name === name)?.reference;
  if (!ref) throw new Error(`no name ${name}`);
  const [a, b = a] = ref.split("!")[1]!.replace(/\$/g, "").split(":");
  const p = parseA1(a!)!;
  const q = parseA1(b!)!;
  const out: unknown[][] = [];
  for (let r = p.row; r <= q.row; r++) {
    const row: unknown[] = [];
    for (let c = p.col; c <= q.col; c++) {
      const v = plan.rows[r]?.[c];
      row.push(v === undefined || v === "" ? blank : v);
    }
    out.push(row);
  }
  return out;
}

/** A commune framework with named levels on the percentage (Tốt ≥ 90 %, Khá ≥ 70 %, …), out of 1000. */
const NAMED: Framework = {
  ...DEFAULT_FRAMEWORK,
  name: "Cấp xã",
  criteria: [
    { key: "a", name: "Nhận thức số", aliases: [], max: "300", source: "" },
    { key: "b", name: "Hạ tầng số", aliases: [], max: "700", source: "" },
  ],
  levels: [
    { name: "Tốt", min: "90" },
    { name: "Khá", min: "70" },
    { name: "Trung bình", min: "50" },
    { name: "Yếu" },
  ],
  levelBasis: "percent",
  scale: 1000,
  decimals: 1,
};

describe("named levels", () => {
  const plan = planSettingsSheet(NAMED);
  test.each([null, 0] as const)(
    "CQS_LEVELS as the pane writes it (blank as %p): Tốt/Khá/Trung bình/Yếu",
    (blank) => {
      const levels = named(plan, LEVELS_NAME, blank);
      expect(levels.map((r) => r[0])).toEqual(["Tốt", "Khá", "Trung bình", "Yếu"]);
      const cases: Array<[number, string]> = [
        [95, "Tốt"],
        [90, "Tốt"],
        [89.99, "Khá"],
        [70, "Khá"],
        [50, "Trung bình"],
        [49.99, "Yếu"],
        [0, "Yếu"],
      ];
      for (const [pct, level] of cases) expect(levelFormula(pct, levels)).toBe(level);
    },
  );

  test("on percentages: a unit's points out of its max, through NORMALIZE to 100", () => {
    const levels = named(plan, LEVELS_NAME);
    // 825.61 of 1000 → 82.56 % → Khá; 901 of 1000 → 90.1 % → Tốt; 39 of 50 → 78 % → Khá.
    expect(levelFormula(normalizeFormula(825.61, 1000, 100, 2), levels)).toBe("Khá");
    expect(levelFormula(normalizeFormula(901, 1000, 100, 2), levels)).toBe("Tốt");
    expect(levelFormula(normalizeFormula(39, 50, 100, 2), levels)).toBe("Khá");
    expect(levelFormula(normalizeFormula(24.5, 50, 100, 2), levels)).toBe("Yếu");
  });

  test("RANKTABLE with named levels", () => {
    const levels = named(plan, LEVELS_NAME, 0);
    const rows = rankTableFormula([["Xã A"], ["Xã B"], ["Xã C"]], [[72], [91.5], [40]], levels);
    expect(rows).toEqual([
      [1, "Xã B", 91.5, "Tốt", 1],
      [2, "Xã A", 72, "Khá", 2],
      [3, "Xã C", 40, "Yếu", 3],
    ]);
  });

  test("a range typed in cells: two columns, the last bound blank; trailing blank rows skipped", () => {
    const levels = [
      ["Tốt", 90],
      ["Khá", "70"],
      ["Yếu", null],
      [0, 0],
      [null, null],
    ];
    expect(levelFormula(69.99, levels)).toBe("Yếu");
    expect(levelFormula("70,00", levels)).toBe("Khá");
  });

  test("invalid levels are #VALUE! with the framework's reason", () => {
    const bad = (levels: unknown[][]): string => {
      const r = levelFormula(80, levels);
      if (!isFormulaError(r)) throw new Error(`expected an error, got ${String(r)}`);
      expect(r.code).toBe("VALUE");
      return formulaErrorMessage(r);
    };
    expect(
      bad([
        ["Tốt", 70],
        ["Khá", 80],
        ["Yếu", null],
      ]),
    ).toMatch(/giảm dần/);
    expect(
      bad([
        ["Tốt", 90],
        ["Tốt", 80],
        ["Yếu", null],
      ]),
    ).toMatch(/lặp lại/);
    expect(
      bad([
        ["Tốt", 90],
        ["Khá", null],
        ["Yếu", 10],
      ]),
    ).toMatch(/Khá/);
    expect(
      bad([
        ["Tốt", 90],
        ["Khá", "nhiều"],
        ["Yếu", null],
      ]),
    ).toMatch(/không phải là số/);
    expect(
      bad([
        [null, 90],
        ["Khá", 80],
      ]),
    ).toMatch(/tên mức/);
  });

  test("the 3-cell CQS_THRESHOLDS and no thresholds still give I–IV", () => {
    const defaults = planSettingsSheet(DEFAULT_FRAMEWORK);
    expect(levelFormula(89.18, named(defaults, THRESHOLDS_NAME))).toBe("II");
    expect(levelFormula(90.02, null)).toBe("I");
    expect(levelFormula(75, [[90, 80, 70]])).toBe("III");
    // The default framework's CQS_LEVELS gives the same as its CQS_THRESHOLDS.
    for (const t of [95, 90, 89.99, 80, 79.99, 70, 69.99, 0])
      expect(levelFormula(t, named(defaults, LEVELS_NAME, 0))).toBe(
        levelFormula(t, named(defaults, THRESHOLDS_NAME)),
      );
  });
});

describe("other scales, decimals and weights", () => {
  test("TOTAL on a scale of 50, 150 and 1000, with its decimals", () => {
    // 42.63 of 48 on a scale of 50 → 44.41 (the 2020 readiness index of Huế).
    expect(totalFormula([[20, 22.63]], 48, 2, 50)).toBe(44.41);
    // 110.5 of 140 on 150: 118.392857… → 118.39.
    expect(totalFormula([[50, 60.5]], 140, 2, 150)).toBe(118.39);
    // Out of the scale itself: only rounded, half up (825.65 → 825.7 with one decimal).
    expect(totalFormula([[300, 400, 125.65]], null, 1, 1000)).toBe(825.7);
    expect(totalFormula([[300, 400, 125.65]], 1000, 0, 1000)).toBe(826);
    // Today's formulas: scale 100 when omitted.
    expect(totalFormula([[6, 4, 8, 32.85, 4, 9, 3, 1]], 75)).toBe(90.47);
  });

  test("NORMALIZE on 150 and 1000 with other decimals", () => {
    expect(normalizeFormula(110.5, 140, 150, 3)).toBe(118.393);
    expect(normalizeFormula(42.63, 48, 1000, 0)).toBe(888);
  });

  test("TOTAL with weights reproduces the DTI 2022 totals of dti-2022-province (CQS_WEIGHTS, CQS_MAXIMA)", async () => {
    const fw = libraryFramework("dti-2022-province")!;
    const plan = planSettingsSheet(fw);
    const weights = named(plan, WEIGHTS_NAME);
    const maxima = named(plan, MAXIMA_NAME);
    const scale = named(plan, SCALE_NAME)[0]![0];
    const decimals = named(plan, DECIMALS_NAME)[0]![0];
    // The unit's max: Σ max × weight.
    const unitMax = maxima.reduce((n, r, i) => n + Number(r[0]) * Number(weights[i]![0]), 0);
    expect(unitMax).toBe(1000);
    const grid = await readWorkbookFile(path.join(ROOT, "test", "fixtures", "frameworks", "dti-2022.xlsx"));
    const analysis = analyzeWorkbook(grid, fw);
    const sheet = grid.sheets.find((s) => s.name === "DTI 2022")!;
    const block = analysis.blocks[0]!;
    expect(block.units.length).toBe(5);
    // A typed total that publication rounding accepts (ROUNDED_TOTAL) is used as typed by the check;
    // the function computes from the printed indices: compared on the others.
    const rounded = new Set(analysis.findings.filter((f) => f.code === "ROUNDED_TOTAL").map((f) => f.unit));
    let compared = 0;
    for (const u of block.units) {
      if (rounded.has(u.name)) continue;
      compared++;
      let r = 0;
      while (r < rowEnd(sheet) && cellAt(sheet, r, 1).v !== u.name) r++;
      const indices = [[2, 3, 4, 5, 6, 7, 8, 9].map((c) => cellAt(sheet, r, c).v)];
      const total = totalFormula(indices, unitMax, decimals, scale, weights);
      expect(total).toBe(Number(u.total!.toString()));
    }
    expect(compared).toBeGreaterThanOrEqual(3);
    expect(
      totalFormula([[1, 0.9, 0.8253, 0.8487, 0.7578, 0.8575, 0.7836, 0.5197]], 1000, 4, 1, weights),
    ).toBe(0.8002);
  });

  test("weights of another size, or not positive: #VALUE!", () => {
    const r = totalFormula([[1, 2, 3]], 600, 2, 100, [[100, 200]]);
    expect(isFormulaError(r) && r.code).toBe("VALUE");
    const z = totalFormula([[1, 2]], 300, 2, 100, [[100, 0]]);
    expect(isFormulaError(z) && formulaErrorMessage(z)).toMatch(/Trọng số/);
  });

  test("RANK unchanged", () => {
    expect(rankFormula(825.61, [[825.61], [811.84], [803.56], [803.56]])).toBe(1);
    expect(rankFormula(803.56, [[825.61], [811.84], [803.56], [803.56]])).toBe(3);
  });
});
