import {
  checkFormula,
  DEFAULT_THRESHOLDS,
  isFormulaError,
  levelFormula,
  normalizeFormula,
  rankFormula,
  rankTableFormula,
  readThresholds,
  totalFormula,
  formulaErrorMessage,
} from "../../src/core/formulas";
import fc from "fast-check";
import { exactToNumber, roundExact } from "../../src/core/exact";
import { parseNumberText } from "../../src/core/numbers";

/** An Excel error as Excel shows it: its code and its message (Vietnamese, the default). */
interface ShownError {
  readonly code: "VALUE" | "NUM" | "NA";
  readonly message: string;
}
const value = (message: string): ShownError => ({ code: "VALUE", message });
const num = (message: string): ShownError => ({ code: "NUM", message });
const na = (message: string): ShownError => ({ code: "NA", message });
/** A function's result, with an error rendered the way the functions runtime shows it. */
const shown = (r: unknown): unknown =>
  isFormulaError(r) ? { code: r.code, message: formulaErrorMessage(r) } : r;

/** A row range as Excel passes it. */
const row = (...cells: unknown[]): unknown[][] => [cells];
/** A column range as Excel passes it. */
const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);

// The 2022 decision's units scored out of less than 100 (Decision 292/QĐ-UBND, notes):
// Văn phòng UBND tỉnh 67.85 out of 75 → 90.47; a unit with 89.86 out of 98 → 91.69.
const OUT_OF_75 = row(6, 4, 8, 32.85, 4, 9, 3, 1); // Σ = 67.85
const OUT_OF_98 = row(8, 5, 9.5, 44.36, 5, 11, 5, 2); // Σ = 89.86

describe("CQS.NORMALIZE", () => {
  it.each<[string, unknown[], number]>([
    ["the issue's example: 42.63 of 48 on a 50 scale", [42.63, 48, 50], 44.41],
    ["67.85 of 75 (2022, Văn phòng UBND tỉnh)", [67.85, 75], 90.47],
    ["89.86 of 98 (2022)", [89.86, 98], 91.69],
    ["numbers as text with a decimal comma", ["42,63", "48", "50"], 44.41],
    ["numbers as text with a decimal point and spaces", [" 42.63 ", 48, " 50 "], 44.41],
    ["1.005 rounds half up to 1.01 (binary 1.00499…)", [1.005, 100], 1.01],
    ["-1.005 rounds away from zero to -1.01", [-1.005, 100], -1.01],
    ["0.1 + 0.2 is 0.3", [0.1 + 0.2, 1, 1], 0.3],
    ["binary noise 92.57000000000001 is 92.57", [92.57000000000001, 100], 92.57],
    ["0 decimals", [2, 3, 100, 0], 67],
    ["4 decimals", [2, 3, 100, 4], 66.6667],
    ["a tie at the 3rd decimal rounds up", [1, 8, 100, 2], 12.5],
    ["omitted optional arguments (null) take the defaults", [45.5, 50, null, null], 91],
    ["empty optional cells take the defaults", [45.5, 50, "", ""], 91],
    ["a non-integer scale", [1, 3, 10.5], 3.5],
    ["a data-type cell value", [{ type: "Double", basicValue: 42.63 }, 48, 50], 44.41],
  ])("%s", (_name, args, expected) => {
    expect(shown(normalizeFormula(...(args as [unknown, unknown, unknown, unknown])))).toBe(expected);
  });

  it.each<[string, unknown[], ShownError]>([
    ["#NUM! for maxPoints 0", [1, 0], num("Điểm tối đa phải lớn hơn 0 (ô trống cũng là 0), nhận được 0")],
    [
      "#NUM! for negative maxPoints",
      [1, "-5"],
      num("Điểm tối đa phải lớn hơn 0 (ô trống cũng là 0), nhận được -5"),
    ],
    ["#NUM! for scale 0", [1, 10, 0], num("Thang điểm phải lớn hơn 0 (ô trống cũng là 0), nhận được 0")],
    ["#VALUE! for words", ["abc", 48], value("Điểm đạt được: “abc” không phải là số")],
    [
      "#VALUE! for grouping separators",
      ["1.234,56", 100],
      value("Điểm đạt được: “1.234,56” không phải là số"),
    ],
    ["#VALUE! for a percent", ["45%", 100], value("Điểm đạt được: “45%” không phải là số")],
    ["#VALUE! for a boolean", [true, 48], value("Điểm đạt được: TRUE không phải là số")],
    ["#VALUE! for empty points", ["", 48], value("Điểm đạt được trống")],
    ["#VALUE! for missing points", [null, 48], value("Điểm đạt được trống")],
    ["#VALUE! for missing maxPoints", [1, undefined], value("Điểm tối đa trống")],
    ["#VALUE! for text maxPoints", [1, "bốn mươi"], value("Điểm tối đa: “bốn mươi” không phải là số")],
    [
      "#VALUE! for fractional decimals",
      [1, 10, 100, 1.5],
      value("Số chữ số thập phân phải là số nguyên từ 0 đến 10, nhận được 1,5"),
    ],
    [
      "#VALUE! for too many decimals",
      [1, 10, 100, 11],
      value("Số chữ số thập phân phải là số nguyên từ 0 đến 10, nhận được 11"),
    ],
    [
      "#NUM! for a result beyond what a cell holds",
      [9e307, 1],
      num("Kết quả vượt quá số lớn nhất Excel chứa được"),
    ],
  ])("%s", (_name, args, expected) => {
    expect(shown(normalizeFormula(...(args as [unknown, unknown, unknown, unknown])))).toEqual(expected);
  });
});

describe("CQS.TOTAL", () => {
  it.each<[string, unknown[], number]>([
    ["8 criteria in a row", [row(8, 5, 10, 45.57, 5, 12, 6, 2)], 93.57],
    ["8 criteria in a column", [col(8, 5, 10, 45.57, 5, 12, 6, 2)], 93.57],
    ["text with a decimal comma", [row("8", "5,0", 10, "45,57", 5, 12, 6, 2)], 93.57],
    ["0.1 + 0.2 is 0.3", [row(0.1, 0.2)], 0.3],
    ["1.005 rounds half up to 1.01", [row(1.005)], 1.01],
    ["many binary-noisy decimals sum exactly", [row(...Array.from({ length: 10 }, () => 0.1))], 1],
    ["reduced max 75 (2022): 67.85 → 90.47", [OUT_OF_75, 75], 90.47],
    ["reduced max 98 (2022): 89.86 → 91.69", [OUT_OF_98, 98], 91.69],
    ["reduced max as text", [OUT_OF_75, "75"], 90.47],
    ["an empty maxPoints cell means 100", [OUT_OF_75, ""], 67.85],
    ["maxPoints 100 only rounds", [row(33.333, 33.333), 100], 66.67],
    ["1 decimal, half up", [row(1.25), 100, 1], 1.3],
    ["a lone value", [42.5], 42.5],
  ])("%s", (_name, args, expected) => {
    expect(shown(totalFormula(...(args as [unknown, unknown, unknown])))).toBe(expected);
  });

  it.each<[string, unknown[], ShownError]>([
    ["an empty cell is named, never a silent 0", [row(8, "", 10)], value("Ô thứ 2 trống")],
    ["a null cell is named", [row(8, 5, null)], value("Ô thứ 3 trống")],
    ["a blank text cell is named", [row(8, " \u00a0")], value("Ô thứ 2 trống")],
    ["a word is named", [row(8, 5, "abc")], value("Ô thứ 3: “abc” không phải là số")],
    ["a dash is named", [col(8, "-")], value("Ô thứ 2: “-” không phải là số")],
    ["a boolean is named", [row(true)], value("Ô thứ 1: TRUE không phải là số")],
    [
      "#NUM! for maxPoints 0",
      [row(8), 0],
      num("Điểm tối đa phải lớn hơn 0 (ô trống cũng là 0), nhận được 0"),
    ],
    ["#VALUE! for text maxPoints", [row(8), "x"], value("Điểm tối đa: “x” không phải là số")],
  ])("%s", (_name, args, expected) => {
    expect(shown(totalFormula(...(args as [unknown, unknown, unknown])))).toEqual(expected);
  });
});

describe("CQS.LEVEL", () => {
  it.each<[string, unknown[], string]>([
    ["90.02 is I (2022: the bound lies between 89.96 and 90.02)", [90.02], "I"],
    ["89.96 is II", [89.96], "II"],
    ["exactly 90 is I", [90], "I"],
    ["the value as given: 89.995 is not rounded to 90", [89.995], "II"],
    ["binary noise 89.99999999999999 is 90.0000000000000 at 15 digits", [89.99999999999999], "I"],
    ["exactly 80 is II", [80], "II"],
    ["79.99 is III", [79.99], "III"],
    ["exactly 70 is III", [70], "III"],
    ["69.99 is IV", [69.99], "IV"],
    ["text with a decimal comma", ["90,02"], "I"],
    ["thresholds as a 3-cell row", [90, row(95, 85, 75)], "II"],
    ["thresholds as a 3-cell column", [74.99, col(95, 85, 75)], "IV"],
    ["thresholds as text", [85, col("95", "85,0", "75")], "II"],
    ["0.1 + 0.2 reaches a threshold of 0.3", [0.1 + 0.2, col(0.3, 0.2, 0.1)], "I"],
    ["omitted thresholds: the default framework", [85, null], "II"],
    ["an empty thresholds cell: the default framework", [85, [[""]]], "II"],
    ["equal thresholds are allowed", [85, row(90, 85, 85)], "II"],
  ])("%s", (_name, args, expected) => {
    expect(shown(levelFormula(...(args as [unknown, unknown])))).toBe(expected);
  });

  it.each<[string, unknown[], ShownError]>([
    ["an empty total", [""], value("Tổng điểm trống")],
    ["a word", ["đạt"], value("Tổng điểm: “đạt” không phải là số")],
    [
      "2 threshold cells",
      [85, row(90, 80)],
      value("Ngưỡng mức độ phải là 3 ô (cận dưới của mức I, II, III), nhận được 2 ô"),
    ],
    [
      "4 threshold cells",
      [85, row(90, 80, 70, 60)],
      value("Ngưỡng mức độ phải là 3 ô (cận dưới của mức I, II, III), nhận được 4 ô"),
    ],
    [
      "thresholds not descending",
      [85, row(70, 80, 90)],
      value("Ngưỡng mức độ phải giảm dần (I ≥ II ≥ III), nhận được 70; 80; 90"),
    ],
    ["an empty threshold", [85, row(90, "", 70)], value("Ngưỡng mức độ II trống")],
    [
      "a word threshold",
      [85, row(90, 80, "bảy mươi")],
      value("Ngưỡng mức độ III: “bảy mươi” không phải là số"),
    ],
  ])("%s", (_name, args, expected) => {
    expect(shown(levelFormula(...(args as [unknown, unknown])))).toEqual(expected);
  });

  it("compiles the default framework's thresholds once: 90, 80, 70", () => {
    expect(DEFAULT_THRESHOLDS.map(exactToNumber)).toEqual([90, 80, 70]);
    expect(readThresholds(undefined)).toBe(DEFAULT_THRESHOLDS);
  });
});

describe("CQS.RANK", () => {
  const totals = col(95, 90, 90, 85);
  it.each<[string, unknown[], number]>([
    ["the best is 1", [95, totals], 1],
    ["ties share a rank", [90, totals], 2],
    ["the rank after a tie is skipped (1, 2, 2, 4)", [85, totals], 4],
    ["ascending with 1", [85, totals, 1], 1],
    ["ascending with TRUE", [90, totals, true], 2],
    ["ascending last", [95, totals, 1], 4],
    ["descending with 0", [95, totals, 0], 1],
    ["descending with FALSE", [95, totals, false], 1],
    ["0.1 + 0.2 ties with 0.3", [0.3, col(0.1 + 0.2, 0.3, 0.5)], 2],
    ["0.3 is found among 0.1 + 0.2", [0.1 + 0.2, col(0.3, 0.5)], 2],
    ["text numbers in the list", ["90,5", row("90,5", 91, "89,00")], 2],
    ["empty cells in the list are skipped", [90, col(95, "", null, 90)], 2],
    ["a row range", [90, row(90, 95)], 2],
  ])("%s", (_name, args, expected) => {
    expect(shown(rankFormula(...(args as [unknown, unknown, unknown])))).toBe(expected);
  });

  it.each<[string, unknown[], ShownError]>([
    [
      "#N/A when the total is not in the list",
      [92.5, totals],
      na("Không tìm thấy 92,5 trong danh sách tổng điểm"),
    ],
    ["an empty total", [null, totals], value("Tổng điểm trống")],
    [
      "a word in the list",
      [90, col(95, "abc", 90)],
      value("Danh sách tổng điểm, ô thứ 2: “abc” không phải là số"),
    ],
    ["a bad order", [90, totals, "ngược"], value("Thứ tự phải là 0 (giảm dần) hoặc 1 (tăng dần)")],
  ])("%s", (_name, args, expected) => {
    expect(shown(rankFormula(...(args as [unknown, unknown, unknown])))).toEqual(expected);
  });
});

describe("CQS.CHECK", () => {
  const scores = row(8, 5, 10, 44.9, 5, 12, 6, 2); // Σ = 92.90
  it.each<[string, unknown[], string]>([
    ["a right typed total", [scores, 92.9], ""],
    ["a right typed total as text", [scores, "92,90"], ""],
    ["the typed total is rounded half up to 2 decimals", [scores, 92.895], ""],
    ["a wrong typed total", [scores, 92.86], "Tổng ghi 92,86 ≠ tính lại 92,90"],
    ["a wrong typed total as text", [scores, "92,86"], "Tổng ghi 92,86 ≠ tính lại 92,90"],
    [
      "a typed total with more decimals is shown as typed",
      [scores, 92.894],
      "Tổng ghi 92,894 ≠ tính lại 92,90",
    ],
    ["an integer typed total", [scores, 93], "Tổng ghi 93,00 ≠ tính lại 92,90"],
    ["reduced max 75: 90.47 is right", [OUT_OF_75, 90.47, 75], ""],
    [
      "reduced max 75: 67.85 unnormalized is wrong",
      [OUT_OF_75, 67.85, 75],
      "Tổng ghi 67,85 ≠ tính lại 90,47",
    ],
    ["reduced max 98: 91.69 is right", [OUT_OF_98, "91,69", 98], ""],
    ["0.1 + 0.2 is 0.3", [row(0.1, 0.2), 0.3], ""],
  ])("%s", (_name, args, expected) => {
    expect(shown(checkFormula(...(args as [unknown, unknown, unknown])))).toBe(expected);
  });

  it.each<[string, unknown[], ShownError]>([
    ["an empty score", [row(8, ""), 8], value("Ô thứ 2 trống")],
    ["an empty typed total", [scores, ""], value("Tổng ghi trống")],
    ["a word as typed total", [scores, "x"], value("Tổng ghi: “x” không phải là số")],
    [
      "#NUM! for maxPoints 0",
      [scores, 92.9, 0],
      num("Điểm tối đa phải lớn hơn 0 (ô trống cũng là 0), nhận được 0"),
    ],
  ])("%s", (_name, args, expected) => {
    expect(shown(checkFormula(...(args as [unknown, unknown, unknown])))).toEqual(expected);
  });
});

describe("CQS.RANKTABLE", () => {
  it("spills STT, unit, total, level, rank in rank order, ties in source order", () => {
    const table = rankTableFormula(
      col("Sở A", "Sở B", "Sở C", "Sở D", "Sở E"),
      col(90.02, 95, "90,02", 70, 89.96),
    );
    expect(table).toEqual([
      [1, "Sở B", 95, "I", 1],
      [2, "Sở A", 90.02, "I", 2],
      [3, "Sở C", 90.02, "I", 2],
      [4, "Sở E", 89.96, "II", 4],
      [5, "Sở D", 70, "III", 5],
    ]);
  });

  it("has one row per unit and 5 columns (the spill shape)", () => {
    const n = 20;
    const table = rankTableFormula(
      col(...Array.from({ length: n }, (_, i) => `Đơn vị ${i + 1}`)),
      col(...Array.from({ length: n }, (_, i) => 80 + i / 4)),
    );
    if (isFormulaError(table)) throw new Error(formulaErrorMessage(table));
    expect(table).toHaveLength(n);
    for (const r of table) expect(r).toHaveLength(5);
    expect(table.map((r) => r[0])).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it("never splits a tie over binary noise (0.1 + 0.2 and 0.3)", () => {
    expect(shown(rankTableFormula(row("X", "Y", "Z"), row(0.1, 0.1 + 0.2, 0.3), row(0.3, 0.2, 0.1)))).toEqual(
      [
        [1, "Y", 0.3, "I", 1],
        [2, "Z", 0.3, "I", 1],
        [3, "X", 0.1, "III", 3],
      ],
    );
  });

  it("skips blank rows and lists units without a total last, without total, level or rank", () => {
    expect(shown(rankTableFormula(col("A", "", "B", "C"), col(80, "", "", 85)))).toEqual([
      [1, "C", 85, "II", 1],
      [2, "A", 80, "II", 2],
      [3, "B", "", "", ""],
    ]);
  });

  it("uses thresholds from a 3-cell range", () => {
    expect(shown(rankTableFormula(col("A", "B"), col(96, 91), row(95, 85, 75)))).toEqual([
      [1, "A", 96, "I", 1],
      [2, "B", 91, "II", 2],
    ]);
  });

  it.each<[string, unknown[], ShownError]>([
    [
      "ranges of different sizes",
      [col("A", "B"), col(90)],
      value("Cột đơn vị có 2 ô nhưng cột tổng điểm có 1 ô"),
    ],
    [
      "a total that is not a number",
      [col("A", "B"), col(90, "abc")],
      value("Tổng điểm của “B”: “abc” không phải là số"),
    ],
    [
      "a total without a unit",
      [col("A", ""), col(90, 85)],
      value("Cột đơn vị, ô thứ 2 trống (tổng điểm 85)"),
    ],
    ["no unit at all", [col("", ""), col("", "")], na("Không có đơn vị nào")],
    [
      "bad thresholds",
      [col("A"), col(90), row(1, 2)],
      value("Ngưỡng mức độ phải là 3 ô (cận dưới của mức I, II, III), nhận được 2 ô"),
    ],
  ])("%s", (_name, args, expected) => {
    expect(shown(rankTableFormula(...(args as [unknown, unknown, unknown])))).toEqual(expected);
  });
});

describe("score text", () => {
  it("reads text scores to the same value as parseNumberText (fast path included)", () => {
    const text = fc
      .tuple(
        fc.constantFrom("", " ", "  ", "\u00a0", "\t"),
        fc.constantFrom("", "-", "+"),
        fc.stringMatching(/^\d{1,9}$/),
        fc.constantFrom("", ".", ","),
        fc.stringMatching(/^\d{0,4}$/),
        fc.constantFrom("", " ", "\u00a0"),
      )
      .map(([a, sign, int, sep, frac, b]) => `${a}${sign}${int}${sep}${frac}${b}`);
    fc.assert(
      fc.property(text, (s) => {
        const parsed = parseNumberText(s);
        const expected =
          parsed === undefined
            ? { code: "VALUE", message: `Ô thứ 1: “${s}” không phải là số` }
            : exactToNumber(roundExact(parsed, 2));
        expect(shown(totalFormula([[s]]))).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * Excel for Windows passes an empty cell in an "any" parameter or range as 0, Excel on the web as
 * null (office-js issues #4702, #5262, #1951); an omitted argument is null everywhere. Each function
 * is called here as each host would call it over the same blank cells.
 */
describe("blank cells as Excel for Windows passes them (0) and as the web passes them (null)", () => {
  const DESKTOP = 0;
  const WEB = null;

  describe("CQS.NORMALIZE", () => {
    it("a blank points cell is 0 on desktop (cannot be told from 0), #VALUE! on the web", () => {
      expect(shown(normalizeFormula(DESKTOP, 48))).toBe(0);
      expect(shown(normalizeFormula(WEB, 48))).toEqual(value("Điểm đạt được trống"));
    });
    it("a blank maxPoints cell is #NUM! on desktop, never a silent default", () => {
      expect(shown(normalizeFormula(42.63, DESKTOP))).toEqual(
        num("Điểm tối đa phải lớn hơn 0 (ô trống cũng là 0), nhận được 0"),
      );
      expect(shown(normalizeFormula(42.63, WEB))).toEqual(value("Điểm tối đa trống"));
    });
    it("a blank scale cell is #NUM! on desktop; on the web it reads as omitted (100)", () => {
      expect(shown(normalizeFormula(42.63, 48, DESKTOP))).toEqual(
        num("Thang điểm phải lớn hơn 0 (ô trống cũng là 0), nhận được 0"),
      );
      expect(shown(normalizeFormula(42.63, 48, WEB))).toBe(88.81);
    });
    it("a blank decimals cell is 0 decimals on desktop, 2 on the web", () => {
      expect(shown(normalizeFormula(42.63, 48, 50, DESKTOP))).toBe(44);
      expect(shown(normalizeFormula(42.63, 48, 50, WEB))).toBe(44.41);
    });
  });

  describe("CQS.TOTAL", () => {
    it("a blank score is 0 on desktop (cannot be told from 0), #VALUE! on the web", () => {
      expect(shown(totalFormula(row(8, 5, DESKTOP, 45.57)))).toBe(58.57);
      expect(shown(totalFormula(row(8, 5, WEB, 45.57)))).toEqual(value("Ô thứ 3 trống"));
    });
    it("a blank maxPoints cell is #NUM! on desktop; on the web it reads as omitted (100)", () => {
      expect(shown(totalFormula(OUT_OF_75, DESKTOP))).toEqual(
        num("Điểm tối đa phải lớn hơn 0 (ô trống cũng là 0), nhận được 0"),
      );
      expect(shown(totalFormula(OUT_OF_75, WEB))).toBe(67.85);
    });
    it("a blank decimals cell is 0 decimals on desktop, 2 on the web", () => {
      expect(shown(totalFormula(OUT_OF_75, 75, DESKTOP))).toBe(90);
      expect(shown(totalFormula(OUT_OF_75, 75, WEB))).toBe(90.47);
    });
  });

  describe("CQS.LEVEL", () => {
    it("a blank total is 0 on desktop, level IV (cannot be told from 0); #VALUE! on the web", () => {
      expect(shown(levelFormula(DESKTOP))).toBe("IV");
      expect(shown(levelFormula(WEB))).toEqual(value("Tổng điểm trống"));
    });
    it("blank threshold cells are an error on both, never a level for every total", () => {
      expect(shown(levelFormula(85, row(DESKTOP, DESKTOP, DESKTOP)))).toEqual(
        value("Ngưỡng mức độ I phải lớn hơn 0 (ô trống cũng là 0), nhận được 0"),
      );
      expect(shown(levelFormula(85, row(90, 80, DESKTOP)))).toEqual(
        value("Ngưỡng mức độ III phải lớn hơn 0 (ô trống cũng là 0), nhận được 0"),
      );
      expect(shown(levelFormula(85, row(90, 80, WEB)))).toEqual(value("Ngưỡng mức độ III trống"));
    });
    it("a single blank thresholds cell: an error on desktop (0 is one cell), the default on the web", () => {
      expect(shown(levelFormula(85, [[DESKTOP]]))).toEqual(
        value("Ngưỡng mức độ phải là 3 ô (cận dưới của mức I, II, III), nhận được 1 ô"),
      );
      expect(shown(levelFormula(85, [[WEB]]))).toBe("II");
    });
  });

  describe("CQS.RANK", () => {
    const totals = col(92.57, 95.24, DESKTOP, 88.31, DESKTOP);
    const webTotals = col(92.57, 95.24, WEB, 88.31, WEB);
    it("descending: blank cells (0 on desktop) rank below every positive total, so ranks agree", () => {
      for (const t of [95.24, 92.57, 88.31]) {
        expect(shown(rankFormula(t, totals))).toBe(rankFormula(t, webTotals));
      }
      expect(shown(rankFormula(88.31, totals))).toBe(3);
    });
    it("ascending: blank cells count as 0 on desktop and come first (documented)", () => {
      expect(shown(rankFormula(88.31, totals, 1))).toBe(3);
      expect(shown(rankFormula(88.31, webTotals, 1))).toBe(1);
    });
    it("a blank order cell (0 on desktop, null on the web) is descending on both", () => {
      expect(shown(rankFormula(92.57, totals, DESKTOP))).toBe(2);
      expect(shown(rankFormula(92.57, webTotals, WEB))).toBe(2);
    });
    it("a blank total: 0 is found among the blanks on desktop; #VALUE! on the web", () => {
      expect(shown(rankFormula(DESKTOP, totals))).toBe(4);
      expect(shown(rankFormula(WEB, webTotals))).toEqual(value("Tổng điểm trống"));
    });
  });

  describe("CQS.CHECK", () => {
    const scores = row(7, 5, 10, 46.55, 4.4, 11.95, 6, 2); // 92.90
    it("a blank typed total is 0 on desktop, and differs from the recomputed total", () => {
      expect(shown(checkFormula(scores, DESKTOP))).toBe("Tổng ghi 0,00 ≠ tính lại 92,90");
      expect(shown(checkFormula(scores, WEB))).toEqual(value("Tổng ghi trống"));
    });
    it("a blank score is 0 on desktop (cannot be told from 0), #VALUE! on the web", () => {
      expect(shown(checkFormula(row(7, 5, 10, 46.55, 4.4, 11.95, 6, DESKTOP), 92.9))).toBe(
        "Tổng ghi 92,90 ≠ tính lại 90,90",
      );
      expect(shown(checkFormula(row(7, 5, 10, 46.55, 4.4, 11.95, 6, WEB), 92.9))).toEqual(
        value("Ô thứ 8 trống"),
      );
    });
    it("a blank maxPoints cell is #NUM! on desktop; on the web it reads as omitted (100)", () => {
      expect(shown(checkFormula(scores, 92.9, DESKTOP))).toEqual(
        num("Điểm tối đa phải lớn hơn 0 (ô trống cũng là 0), nhận được 0"),
      );
      expect(shown(checkFormula(scores, 92.9, WEB))).toBe("");
    });
  });

  describe("CQS.RANKTABLE", () => {
    it("trailing blank rows (unit 0, total 0 on desktop) are skipped, as on the web", () => {
      const desktop = rankTableFormula(col("A", "B", DESKTOP, DESKTOP), col(80, 85, DESKTOP, DESKTOP));
      const web = rankTableFormula(col("A", "B", WEB, WEB), col(80, 85, WEB, WEB));
      expect(desktop).toEqual([
        [1, "B", 85, "II", 1],
        [2, "A", 80, "II", 2],
      ]);
      expect(web).toEqual(desktop);
    });
    it("a blank row inside the range is skipped on both", () => {
      const desktop = rankTableFormula(col("A", DESKTOP, "B"), col(80, DESKTOP, 85));
      expect(desktop).toEqual(rankTableFormula(col("A", WEB, "B"), col(80, WEB, 85)));
      expect(desktop).toHaveLength(2);
    });
    it("a unit with a blank total: ranked at 0 (level IV) on desktop, listed last on the web", () => {
      expect(shown(rankTableFormula(col("A", "B"), col(80, DESKTOP)))).toEqual([
        [1, "A", 80, "II", 1],
        [2, "B", 0, "IV", 2],
      ]);
      expect(shown(rankTableFormula(col("A", "B"), col(80, WEB)))).toEqual([
        [1, "A", 80, "II", 1],
        [2, "B", "", "", ""],
      ]);
    });
    it("a total without a unit is still an error (unit 0 or blank)", () => {
      expect(shown(rankTableFormula(col("A", DESKTOP), col(80, 85)))).toEqual(
        value("Cột đơn vị, ô thứ 2 trống (tổng điểm 85)"),
      );
    });
    it("only blank rows: #N/A on both", () => {
      expect(shown(rankTableFormula(col(DESKTOP, DESKTOP), col(DESKTOP, DESKTOP)))).toEqual(
        na("Không có đơn vị nào"),
      );
      expect(shown(rankTableFormula(col(WEB, WEB), col(WEB, WEB)))).toEqual(na("Không có đơn vị nào"));
    });
    it("blank threshold cells are an error, never level I for all", () => {
      expect(shown(rankTableFormula(col("A"), col(80), row(DESKTOP, DESKTOP, DESKTOP)))).toEqual(
        value("Ngưỡng mức độ I phải lớn hơn 0 (ô trống cũng là 0), nhận được 0"),
      );
    });
  });
});

describe("a number Excel holds is a number, however large", () => {
  it("9e307 as a score is summed exactly; the message shows it in exponent form", () => {
    expect(shown(checkFormula(row(9e307, 8), 5))).toBe("Tổng ghi 5,00 ≠ tính lại 9,00e307 (lớn bất thường)");
    expect(shown(totalFormula(row(1e20, 8.25)))).toBe(1e20);
    expect(shown(rankFormula(9e307, col(9e307, 90)))).toBe(1);
    expect(shown(levelFormula(9e307))).toBe("I");
  });
  it("a total beyond what a cell holds is #NUM!", () => {
    expect(shown(totalFormula(row(9e307, 9e307)))).toEqual(
      num("Kết quả vượt quá số lớn nhất Excel chứa được"),
    );
  });
});

describe("error messages in English", () => {
  /** Letters only Vietnamese writes (ă â đ ê ô ơ ư and the tone marks): none in an English message. */
  const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;
  const en = (r: unknown): unknown =>
    isFormulaError(r) ? { code: r.code, message: formulaErrorMessage(r, "en") } : r;

  it.each<[string, unknown, ShownError]>([
    ["a word as points", normalizeFormula("abc", 48), value('Points: "abc" is not a number')],
    ["a boolean as points", normalizeFormula(true, 48), value("Points: TRUE is not a number")],
    ["empty points", normalizeFormula(null, 48), value("Points is empty")],
    [
      "maxPoints 0",
      normalizeFormula(1, 0),
      num("Max points must be greater than 0 (a blank cell counts as 0), got 0"),
    ],
    [
      "fractional decimals",
      normalizeFormula(1, 10, 100, 1.5),
      value("Decimals must be a whole number from 0 to 10, got 1.5"),
    ],
    ["an empty score", totalFormula(row(8, "")), value("Cell 2 is empty")],
    [
      "weights of another size",
      totalFormula(row(1, 2, 3), 600, 2, 100, row(100, 200)),
      value("The weights range has 2 cells but the scores range has 3"),
    ],
    [
      "a total beyond a cell",
      totalFormula(row(9e307, 9e307)),
      num("The result is beyond the largest number Excel holds"),
    ],
    [
      "two thresholds",
      levelFormula(85, row(90, 80)),
      value("Level bounds must be 3 cells (the lower bounds of levels I, II, III), got 2 cells"),
    ],
    [
      "thresholds rising",
      levelFormula(85, row(70, 80, 90)),
      value("Level bounds must decrease (I ≥ II ≥ III), got 70; 80; 90"),
    ],
    [
      "a blank threshold on Windows",
      levelFormula(85, row(90, 80, 0)),
      value("Bound of level III must be greater than 0 (a blank cell counts as 0), got 0"),
    ],
    [
      "named levels, a middle level without a bound",
      levelFormula(85, [
        ["Tốt", 90],
        ["Khá", null],
        ["Yếu", null],
      ]),
      value('Levels table: level "Khá" has no bound (only the last level may be blank)'),
    ],
    [
      "named levels not decreasing: the framework's reason, in English",
      levelFormula(85, [
        ["Tốt", 70],
        ["Khá", 80],
        ["Yếu", null],
      ]),
      value('Levels table: Level bounds must decrease: level "Khá" (80) is not below the level before it'),
    ],
    ["a total not in the list", rankFormula(92.5, col(95, 90)), na("92.5 is not in the list of totals")],
    [
      "a bad order",
      rankFormula(90, col(95, 90), "x"),
      value("The order must be 0 (descending) or 1 (ascending)"),
    ],
    [
      "a list of totals with a word",
      rankFormula(90, col(95, "abc")),
      value('List of totals, cell 2: "abc" is not a number'),
    ],
    [
      "units and totals of different sizes",
      rankTableFormula(col("A", "B"), col(80)),
      value("The units column has 2 cells but the totals column has 1"),
    ],
    [
      "a total without a unit",
      rankTableFormula(col("A", ""), col(80, 85)),
      value("Units column, cell 2 is empty (total 85)"),
    ],
    [
      "a unit's total that is a word",
      rankTableFormula(col("Sở A"), col("abc")),
      value('Total of "Sở A": "abc" is not a number'),
    ],
    ["no units", rankTableFormula(col(null), col(null)), na("No units")],
    ["an empty typed total", checkFormula(row(1, 2), null), value("Typed total is empty")],
  ])("%s", (_name, result, expected) => {
    expect(en(result)).toEqual(expected);
  });

  it("no English message holds Vietnamese words of its own (only the workbook's: unit and level names)", () => {
    const results = [
      normalizeFormula("abc", 48),
      normalizeFormula(1, 0, 0),
      totalFormula(row(1, 2), null, null, null, row(1, 0)),
      totalFormula(row(Number.NaN)),
      levelFormula(85, [[90, 80, 70, 60]]),
      levelFormula(85, [["", 80]]),
      levelFormula(85, [
        [0, 0],
        [null, null],
      ]),
      levelFormula(85, [
        ["A", 90],
        ["A", 80],
      ]),
      levelFormula(85, [
        ["A", 90],
        ["B", "x"],
      ]),
      rankFormula(1, col(2)),
      rankTableFormula(col("A"), col(80), row(90, 80)),
    ];
    for (const r of results) {
      expect(isFormulaError(r)).toBe(true);
      if (isFormulaError(r)) expect(formulaErrorMessage(r, "en")).not.toMatch(VIETNAMESE);
    }
  });
});
