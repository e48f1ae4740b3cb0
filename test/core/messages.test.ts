import { FINDING_CODES, makeFinding } from "../../src/core/findings";
import {
  clipShown,
  findingMessage,
  LANGS,
  levelCountsLine,
  localNumber,
  MAX_SHOWN_PARAM,
} from "../../src/core/messages";

const params = {
  points: "75.41",
  scale: "100",
  notAssessed: "8",
  group: "Nhận thức số",
  level: "II",
  otherLevel: "III",
  otherUnit: "Sở Nội vụ",
  otherTotal: "85.10",
  framework: "Thừa Thiên Huế 2021",
  missing: "Dữ liệu số",
  digits: "4",
  header: "Ghi chú điểm cộng",
  kind: "results",
  decimals: "2",
  expected: "88.30",
  actual: "88.31",
  what: "Nhận thức",
  value: "9",
  max: "8",
  firstCell: "B7",
  table: "criteria",
  otherSheet: "Phụ lục I",
  otherRange: "A37:D57",
  total: "89.18",
  formula: "SUM(C7:J7)",
  criteriaName: "Sở Giáo dục",
  rankingName: "Sở Giáo dục và Đào tạo",
  source: "note",
};

describe("messages", () => {
  it.each(LANGS.flatMap((lang) => FINDING_CODES.map((code) => [lang, code] as const)))(
    "%s has a message for %s with no placeholder left",
    (lang, code) => {
      const f = makeFinding(code, { sheet: "S", sheetIndex: 0, row: 0, col: 0, cell: "A1" }, params);
      const text = findingMessage(f, lang);
      expect(text.length).toBeGreaterThan(5);
      expect(text).not.toMatch(/undefined|\$\{/);
    },
  );

  it("shows at most 120 characters of a value in a message; the params keep it whole", () => {
    const long = "Sở Tài chính và ".repeat(2_000);
    const f = makeFinding(
      "NAME_VARIANT",
      { sheet: "S", sheetIndex: 0, row: 0, col: 1, cell: "B9" },
      { criteriaName: long, rankingName: `${long}tỉnh` },
    );
    for (const lang of LANGS) {
      const text = findingMessage(f, lang);
      expect(text.length).toBeLessThan(2 * MAX_SHOWN_PARAM + 60);
      expect(text).toContain(`"${long.slice(0, MAX_SHOWN_PARAM - 1)}…"`);
    }
    expect(f.params.criteriaName).toBe(long);
    // A short value is shown as it is.
    expect(findingMessage({ ...f, params: { criteriaName: "A", rankingName: "B" } }, "en")).toContain(
      '"B" / "A"',
    );
  });

  it.each([
    ["x".repeat(MAX_SHOWN_PARAM), "x".repeat(MAX_SHOWN_PARAM)],
    ["x".repeat(MAX_SHOWN_PARAM + 1), `${"x".repeat(MAX_SHOWN_PARAM - 1)}…`],
    // An emoji (two UTF-16 units) across the cut is kept out whole, not split.
    [`${"x".repeat(MAX_SHOWN_PARAM - 2)}😀yyy`, `${"x".repeat(MAX_SHOWN_PARAM - 2)}…`],
  ])("clipShown(%#)", (value, shown) => {
    expect(clipShown(value)).toBe(shown);
  });

  it("writes Vietnamese numbers with a decimal comma", () => {
    const f = makeFinding(
      "TOTAL_MISMATCH",
      { sheet: "S", sheetIndex: 0, row: 0, col: 0, cell: "K19" },
      { expected: "92.90", actual: "92.86" },
    );
    expect(findingMessage(f, "vi")).toBe("Tổng ghi 92,86 ≠ tính lại 92,90");
    expect(findingMessage(f, "en")).toBe("Typed total 92.86 ≠ recomputed 92.90");
    expect(localNumber("-1.5", "vi")).toBe("-1,5");
  });

  it("words the level counts as the decision does", () => {
    expect(levelCountsLine({ I: 18, II: 2, III: 0, IV: 0 })).toBe(
      "- Số đơn vị đạt mức độ I: 18 - Số đơn vị đạt mức độ II: 2 - Số đơn vị đạt mức độ III, IV: 0",
    );
    expect(levelCountsLine({ I: 1, II: 2, III: 3, IV: 0 })).toBe(
      "- Số đơn vị đạt mức độ I: 1 - Số đơn vị đạt mức độ II: 2 - Số đơn vị đạt mức độ III: 3 - Số đơn vị đạt mức độ IV: 0",
    );
  });

  it("groups the levels as the source's summary line does", () => {
    expect(levelCountsLine({ I: 18, II: 2, III: 0, IV: 0 }, "vi", [["I"], ["II"], ["III", "IV"]])).toBe(
      "- Số đơn vị đạt mức độ I: 18 - Số đơn vị đạt mức độ II: 2 - Số đơn vị đạt mức độ III, IV: 0",
    );
    expect(levelCountsLine({ I: 3, II: 1, III: 1, IV: 0 }, "vi", [["I"], ["II", "III", "IV"]])).toBe(
      "- Số đơn vị đạt mức độ I: 3 - Số đơn vị đạt mức độ II, III, IV: 2",
    );
    // A level the source leaves out is added when units reach it.
    expect(levelCountsLine({ I: 3, II: 0, III: 0, IV: 2 }, "en", [["I"], ["II"]])).toBe(
      "- Units at level I: 3 - Units at level II: 0 - Units at level IV: 2",
    );
  });
});

describe("an implausibly large number in a message", () => {
  const huge = `9${"0".repeat(307)}.00`;
  it("is shown in exponent form, saying so, in both languages", () => {
    expect(localNumber(huge, "vi")).toBe("9,00e307 (lớn bất thường)");
    expect(localNumber(huge, "en")).toBe("9.00e307 (implausibly large)");
  });
  it("keeps every digit up to 15 integer digits", () => {
    expect(localNumber("123456789012393.00", "vi")).toBe("123456789012393,00");
    expect(localNumber("88.30", "en")).toBe("88.30");
  });
  it("SCORE_ABOVE_MAX and TOTAL_MISMATCH use it", () => {
    const above = makeFinding(
      "SCORE_ABOVE_MAX",
      { sheet: "Phụ lục I", sheetIndex: 0, row: 7, col: 3, cell: "C7" },
      { what: "Nhận thức", value: huge, max: "8" },
    );
    expect(findingMessage(above, "vi")).toBe('Điểm "Nhận thức" 9,00e307 (lớn bất thường) vượt điểm tối đa 8');
    const total = makeFinding(
      "TOTAL_MISMATCH",
      { sheet: "Phụ lục I", sheetIndex: 0, row: 7, col: 11, cell: "K7" },
      { expected: "92.57", actual: huge },
    );
    expect(findingMessage(total, "en")).toBe("Typed total 9.00e307 (implausibly large) ≠ recomputed 92.57");
  });
});
