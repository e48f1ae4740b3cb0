import { analyzeWorkbook } from "../../src/core/analyze";
import { DEFAULT_FRAMEWORK } from "../../src/core/framework";
import {
  appendixLevelCounts,
  freeSheetName,
  isSheetName,
  planRankingSheets,
  unknownTotals,
} from "../../src/core/plan";
import { criteriaRows, rankingRows, sheet, workbook } from "./build-grid";

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
  it("never gives a name Excel refuses: not History, no quote at either end when cut", () => {
    expect(freeSheetName("History", [])).toBe("History (2)");
    expect(freeSheetName(`${"a".repeat(30)}'bc`, [])).toBe("a".repeat(30));
    expect(isSheetName(freeSheetName(`${"a".repeat(30)}'bc`, []))).toBe(true);
  });
});

describe("isSheetName: Excel's sheet-name rules, the one place the planner and the writer use", () => {
  it.each<[string, boolean]>([
    ["Xếp hạng", true],
    ["a".repeat(31), true],
    ["a".repeat(32), false],
    ["", false],
    ["a/b", false],
    ["a[1]", false],
    ["'a", false],
    ["a'", false],
    ["a'b", true],
    ["history", false],
    ["HISTORY", false],
  ])("%j → %s", (name, ok) => {
    expect(isSheetName(name)).toBe(ok);
  });
});

describe("planRankingSheets: the decision's appendix", () => {
  const units: Array<[string, number[], number]> = [
    ['=HYPERLINK("http://x")', [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57],
    ["Sở B", [8, 5, 10, 45.57, 4, 12, 6, 2], 92.5],
    ["Sở C", [8, 5, 10, 50, 4, 12, 6, 2], 97],
    ["Sở D", [8, 5, 10, null as unknown as number, 4, 12, 6, 2], 50],
    ["Sở E", [9, 5, 10, 45.57, 4, 12, 6, 2], 93.57],
  ];
  const grid = workbook(
    sheet("Điểm", [
      ["KẾT QUẢ ĐÁNH GIÁ NĂM 2022"],
      ["KHỐI CƠ QUAN"],
      ["1. Kết quả đánh giá các tiêu chí"],
      ...criteriaRows(units),
      [],
      ["2. Xếp hạng mức độ các cơ quan"],
      ...rankingRows([
        ['=HYPERLINK("http://x")', 92.57, "I"],
        ["Sở Bê", 92.57, "I"],
        ["Sở C", 97, "I"],
        ["Sở D", null, null],
        ["Sở E", 93.57, "I"],
      ]),
      ["- Số đơn vị đạt mức độ I: 4 - Số đơn vị đạt mức độ II, III, IV: 0"],
    ]),
  );
  const analysis = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
  const [plan] = planRankingSheets(analysis, ["Điểm", "Xếp hạng Điểm"]);
  const texts = plan!.rows.map((r) => r[0]!.v);
  const header = plan!.rows.findIndex((r) => r[0]!.v === "STT");
  const body = plan!.rows.slice(header + 1, header + 1 + units.length);

  it("picks a free name and records the sheet as the add-in's own", () => {
    expect(plan!.name).toBe("Xếp hạng Điểm (2)");
    expect(plan!.own).toBe("ranking");
  });

  it("starts with the source's title lines, not the criteria heading, then the ranking heading", () => {
    expect(texts.slice(0, header).filter((t) => t !== null)).toEqual([
      "KẾT QUẢ ĐÁNH GIÁ NĂM 2022",
      "KHỐI CƠ QUAN",
      "2. Xếp hạng mức độ các cơ quan",
    ]);
  });

  it("has exactly STT | Đơn vị | TỔNG ĐIỂM | MỨC ĐỘ, in the criteria table's order, with the ranking table's names", () => {
    expect(plan!.rows[header]!.map((c) => c.v)).toEqual(["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ"]);
    expect(body.map((r) => r.map((c) => c.v))).toEqual([
      [1, '=HYPERLINK("http://x")', 92.57, "I"],
      [2, "Sở B", 92.57, "I"],
      [3, "Sở C", 97, "I"],
      [4, "Sở D", null, null],
      [5, "Sở E", null, null],
    ]);
    expect(new Set(plan!.rows.map((r) => r.length))).toEqual(new Set([4]));
    expect(body[0]![2]!.fmt).toBe("0.00");
  });

  it("comments the changed total and lists it under the table", () => {
    expect(body[1]![2]!.note).toBe("Bảng điểm ghi 92,50; tính lại 92,57");
    expect(body[0]![2]!.note).toBeUndefined();
    expect(texts).toContain("- Sở B: bảng điểm ghi 92,50; tính lại 92,57 (Điểm!K6).");
  });

  it("leaves unknown totals empty (missing score, score above max), gives the reason and leaves them out of the counts", () => {
    const d = texts.find((t) => typeof t === "string" && t.startsWith("- Sở D:")) as string;
    expect(d).toMatch(/không tính được tổng điểm/);
    expect(d).toMatch(/Điểm!F8: Thiếu điểm "Nền tảng và CQ số"/);
    const e = texts.find((t) => typeof t === "string" && t.startsWith("- Sở E:")) as string;
    expect(e).toMatch(/Điểm!C9: Điểm "Nhận thức" 9 vượt điểm tối đa 8/);
    // The source groups II, III and IV: so does the summary line, over the three known units.
    expect(texts).toContain("- Số đơn vị đạt mức độ I: 3 - Số đơn vị đạt mức độ II, III, IV: 0");
  });

  it("names the framework and its thresholds in a footnote", () => {
    const line = texts.find((t) => typeof t === "string" && t.includes(DEFAULT_FRAMEWORK.name)) as string;
    expect(line).toMatch(/mức độ I: từ 90 điểm; mức độ II: từ 80 đến dưới 90/);
  });

  it("plans the page of Decree 30/2020/NĐ-CP: A4 portrait, Times New Roman 13, header repeated, print area", () => {
    const p = plan!.print!;
    expect(p.paper).toBe("A4");
    expect(p.orientation).toBe("portrait");
    expect(p.font).toEqual({ name: "Times New Roman", size: 13 });
    expect(p.titleRows).toEqual({ top: header, bottom: header });
    expect(p.printArea).toEqual({ top: 0, left: 0, bottom: plan!.rows.length - 1, right: 3 });
    expect(p.fitToPagesWide).toBe(1);
    expect(p.gridlines).toBe(false);
    expect(p.pageNumbersFromPage2).toBe(true);
    const m = p.marginsMm;
    expect([m.top >= 20 && m.top <= 25, m.bottom >= 20 && m.bottom <= 25]).toEqual([true, true]);
    expect([m.left >= 30 && m.left <= 35, m.right >= 15 && m.right <= 20]).toEqual([true, true]);
  });

  it("--order rank with a rank column: known totals by rank (ties in source order), unknown last", () => {
    const [ranked] = planRankingSheets(analysis, [], { order: "rank", withRank: true });
    const h = ranked!.rows.findIndex((r) => r[0]!.v === "STT");
    expect(ranked!.rows[h]!.map((c) => c.v)).toEqual(["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ", "Thứ hạng"]);
    expect(ranked!.rows.slice(h + 1, h + 6).map((r) => [r[1]!.v, r[4]!.v])).toEqual([
      ["Sở C", 1],
      ['=HYPERLINK("http://x")', 2],
      ["Sở B", 2],
      ["Sở D", null],
      ["Sở E", null],
    ]);
    expect(ranked!.rows.some((r) => typeof r[0]!.v === "string" && r[0]!.v.includes("(1, 2, 2, 4)"))).toBe(
      true,
    );
  });

  it("without title lines above the table, uses the framework's words", () => {
    const bare = analyzeWorkbook(workbook(sheet("S", criteriaRows(units.slice(0, 2)))), DEFAULT_FRAMEWORK);
    const [p] = planRankingSheets(bare, []);
    expect(p!.rows[0]![0]!.v).toBe("KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN SỐ");
  });

  it("unknownTotals and appendixLevelCounts agree with the sheet", () => {
    const block = analysis.blocks[0]!;
    expect(unknownTotals(block, analysis).map((u) => u.unit)).toEqual(["Sở D", "Sở E"]);
    expect(appendixLevelCounts(block, analysis)).toEqual([
      { level: "I", count: 3 },
      { level: "II", count: 0 },
      { level: "III", count: 0 },
      { level: "IV", count: 0 },
    ]);
  });
});
