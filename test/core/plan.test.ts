import { analyzeWorkbook } from "../../src/core/analyze";
import { DEFAULT_FRAMEWORK } from "../../src/core/framework";
import { freeSheetName, planRankingSheets } from "../../src/core/plan";
import { criteriaRows, sheet, workbook } from "./build-grid";

describe("freeSheetName", () => {
  it("returns the base when free", () => {
    expect(freeSheetName("Xếp hạng Phụ lục I", ["Phụ lục I"])).toBe("Xếp hạng Phụ lục I");
  });
  it("adds (2), (3) and compares case-insensitively like Excel", () => {
    expect(freeSheetName("Xếp hạng", ["xếp hạng", "Xếp hạng (2)"])).toBe("Xếp hạng (3)");
  });
  it("keeps within 31 characters and drops characters Excel forbids", () => {
    const name = freeSheetName("Xếp hạng Khối cơ quan chuyên môn: [tỉnh]/huyện?", [
      "Xếp hạng Khối cơ quan chuyên mô",
    ]);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    expect(name.endsWith(" (2)")).toBe(true);
  });
});

describe("planRankingSheets", () => {
  const units: Array<[string, number[], number]> = [
    ['=HYPERLINK("http://x")', [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57],
    ["Sở B", [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57],
    ["Sở C", [8, 5, 10, 50, 4, 12, 6, 2], 97],
    ["Sở D", [8, 5, 10, null as unknown as number, 4, 12, 6, 2], 50],
  ];
  const analysis = analyzeWorkbook(workbook(sheet("Điểm", criteriaRows(units))), DEFAULT_FRAMEWORK);
  const [plan] = planRankingSheets(analysis, ["Điểm", "Xếp hạng Điểm"]);

  it("picks a free name", () => {
    expect(plan!.name).toBe("Xếp hạng Điểm (2)");
  });

  it("lists units by rank, ties in source order, units without total last", () => {
    const header = plan!.rows.findIndex((r) => r[0]!.v === "STT");
    const body = plan!.rows.slice(header + 1, header + 5).map((r) => r.map((c) => c.v));
    expect(body).toEqual([
      [1, "Sở C", 97, "I", 1],
      [2, '=HYPERLINK("http://x")', 92.57, "I", 2],
      [3, "Sở B", 92.57, "I", 2],
      [4, "Sở D", null, null, null],
    ]);
    expect(plan!.rows[header]!.map((c) => c.v)).toEqual(["STT", "Đơn vị", "Tổng điểm", "Mức độ", "Thứ hạng"]);
  });

  it("writes the summary line in the decision's wording and states the rule", () => {
    const texts = plan!.rows.map((r) => r[0]!.v);
    expect(texts).toContain(
      "- Số đơn vị đạt mức độ I: 3 - Số đơn vị đạt mức độ II: 0 - Số đơn vị đạt mức độ III, IV: 0",
    );
    expect(texts.some((t) => typeof t === "string" && t.includes("(1, 2, 2, 4)"))).toBe(true);
  });

  it("keeps source order when asked", () => {
    const [src] = planRankingSheets(analysis, [], { order: "source" });
    const header = src!.rows.findIndex((r) => r[0]!.v === "STT");
    expect(src!.rows.slice(header + 1, header + 5).map((r) => r[1]!.v)).toEqual(units.map((u) => u[0]));
  });

  it("formats totals 0.00 and every row has the same width", () => {
    const header = plan!.rows.findIndex((r) => r[0]!.v === "STT");
    expect(plan!.rows[header + 1]![2]!.fmt).toBe("0.00");
    expect(new Set(plan!.rows.map((r) => r.length))).toEqual(new Set([5]));
  });
});
