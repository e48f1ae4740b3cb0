import * as path from "path";
import { openWorkbookFile } from "../../src/adapters/xlsx";
import { analyzeWorkbook, type Analysis } from "../../src/core/analyze";
import { appendixFootnoteText, appendixModel, romanNumeral } from "../../src/core/appendix";
import { withoutNumbering } from "../../src/core/titles";
import { levelBarChart, LEVEL_COLOURS } from "../../src/core/chart";
import { planRankingSheets } from "../../src/core/plan";
import { DEFAULT_FRAMEWORK } from "../../src/core/framework";
import { criteriaRows, rankingRows, sheet, workbook, type Plain } from "./build-grid";

const EXAMPLE = path.resolve(__dirname, "../../examples/hue-2022.xlsx");

let hue: Analysis;
beforeAll(async () => {
  hue = analyzeWorkbook((await openWorkbookFile(EXAMPLE)).grid, DEFAULT_FRAMEWORK);
});

describe("appendixModel on the 2022 decision (examples/hue-2022.xlsx)", () => {
  it("takes the title lines, the label and the decision line from the source sheet", () => {
    const [a, b] = appendixModel(hue).blocks;
    expect(a!.label).toBe("Phụ lục I");
    expect(a!.titleLines).toEqual([
      "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN SỐ CẤP SỞ, CẤP HUYỆN NĂM 2022",
      "KHỐI CƠ QUAN CHUYÊN MÔN THUỘC UBND TỈNH",
    ]);
    expect(a!.decisionLine).toBe(
      "(Ban hành kèm theo Quyết định số 292 /QĐ-UBND ngày 31/01/2023 của UBND tỉnh Thừa Thiên Huế)",
    );
    expect(a!.decisionFrom).toBe("source");
    expect(a!.criteriaHeading).toBe(
      "Kết quả đánh giá các tiêu chí các cơ quan chuyên môn thuộc UBND tỉnh năm 2022",
    );
    expect(a!.rankingHeading).toBe("Xếp hạng mức độ các cơ quan chuyên môn thuộc UBND tỉnh năm 2022");
    expect(b!.label).toBe("Phụ lục II");
    expect(b!.titleLines[1]).toBe("KHỐI UBND CÁC HUYỆN, THỊ XÃ VÀ THÀNH PHỐ HUẾ");
  });

  it("lists every unit in the criteria table's order under the ranking table's names", () => {
    const a = appendixModel(hue).blocks[0]!;
    expect(a.rows).toHaveLength(20);
    expect(a.rows.map((r) => r.stt)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(a.rows[0]!.name).toBe("Sở Công Thương");
    expect(a.rows[3]!.name).toBe("Sở Giáo dục và Đào tạo");
    expect(a.rows[3]!.criteriaName).toBe("Sở Giáo dục");
    expect(a.rows[7]!.name).toBe("Sở Lao động, Thương binh và Xã hội");
    expect(a.rows[8]!.name).toBe("Sở Nông nghiệp và Phát triển nông thôn");
  });

  it("writes totals with decimal commas and marks the changed ones with a footnote", () => {
    const a = appendixModel(hue).blocks[0]!;
    const finance = a.rows.find((r) => r.name === "Sở Tài chính")!;
    expect(finance.totalText).toBe("88,30");
    expect(finance.typedText).toBe("88,31");
    expect(finance.level).toBe("II");
    const note = a.footnotes[finance.footnote! - 1]!;
    expect(note).toEqual({ kind: "changedTotal", unit: "Sở Tài chính", typed: "88,31", total: "88,30" });
    expect(appendixFootnoteText(note, "vi")).toContain("88,31");
    expect(appendixFootnoteText(note, "vi")).toContain("88,30");
    expect(a.rows.find((r) => r.name === "Sở Thông tin và Truyền thông")!.totalText).toBe("96,77");
    // Every footnoted row is a changed total here (the decision's typed totals that differ).
    const changed = a.rows.filter((r) => r.typedText !== undefined);
    expect(changed.map((r) => r.footnote)).toEqual(a.footnotes.map((_, i) => i + 1));
    expect(changed.length).toBeGreaterThan(0);
  });

  it("counts the levels of the rows shown, in the decision's wording", () => {
    const [a, b] = appendixModel(hue).blocks;
    expect(a!.summaryLine).toBe(
      `- Số đơn vị đạt mức độ I: ${a!.counts.I} - Số đơn vị đạt mức độ II: ${a!.counts.II} - Số đơn vị đạt mức độ III, IV: 0`,
    );
    const sum = (c: Readonly<Record<string, number>>): number => Object.values(c).reduce((x, y) => x + y, 0);
    expect(Object.keys(a!.counts)).toEqual(["I", "II", "III", "IV"]);
    expect(sum(a!.counts)).toBe(20);
    expect(sum(b!.counts)).toBe(9);
  });

  it("puts the rows in rank order for charts", () => {
    const a = appendixModel(hue).blocks[0]!;
    const totals = a.rankOrder.map((i) => a.rows[i]!.total!);
    const numbers = totals.map((t) => Number(String(t)));
    expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
    expect(a.rows[a.rankOrder[0]!]!.name).toBe("Sở Thông tin và Truyền thông");
  });

  it("carries the criteria cells as shown when asked", () => {
    const a = appendixModel(hue, { withCriteria: true }).blocks[0]!;
    expect(a.criteriaHeaders).toHaveLength(2 + 8 + 1);
    expect(a.rows[0]!.scores).toEqual(["8", "5", "10", "45,57", "4", "12", "6", "2", "92,57"]);
    expect(a.notes[0]).toMatch(/^1\. Văn phòng UBND tỉnh: 75 điểm/);
  });

  it("speaks English with --lang en, keeping the source's own lines", () => {
    const a = appendixModel(hue, { lang: "en" }).blocks[0]!;
    expect(a.headers).toEqual(["No.", "Unit", "TOTAL", "LEVEL"]);
    expect(a.rows.find((r) => r.name === "Sở Tài chính")!.totalText).toBe("88.30");
    expect(a.summaryLine).toMatch(/^- Units at level I: \d+/);
    expect(a.decisionLine).toMatch(/^\(Ban hành kèm theo/);
  });
});

/** A sheet with only the tables: no title lines, no decision line. */
function bareSheet(extra: Plain[][] = [], units = 2): Analysis {
  const list: Array<[string, number[], number]> = [
    ["Sở Công Thương", [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57],
    ["Sở Xây dựng", [8, 5, 10, 45.77, 4, 12, 6, 2], 92.77],
    ["Sở Y tế", [8, 5, 9.46, 47.19, 4.6, 12, 6, 2], 94.25],
  ].slice(0, units) as Array<[string, number[], number]>;
  const rows: Plain[][] = [...extra, ...criteriaRows(list.map(([n, s, t]) => [n, s, t]))];
  return analyzeWorkbook(workbook(sheet("Khối sở", rows)), DEFAULT_FRAMEWORK);
}

describe("appendixModel without title lines in the source", () => {
  it("uses placeholders for the decision and the framework's words for the title", () => {
    const a = appendixModel(bareSheet()).blocks[0]!;
    expect(a.decisionLine).toBe("(Ban hành kèm theo Quyết định số …/QĐ-UBND ngày …/…/…)");
    expect(a.decisionFrom).toBe("placeholder");
    expect(a.titleLines).toEqual(["KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN SỐ"]);
    expect(a.label).toBe("Phụ lục I");
    expect(a.rankingHeading).toBe("Xếp hạng mức độ chính quyền số");
  });

  it("uses the options' decision number and date", () => {
    const a = appendixModel(bareSheet(), { decision: "292/QĐ-UBND", date: "31/01/2023" }).blocks[0]!;
    expect(a.decisionLine).toBe("(Ban hành kèm theo Quyết định số 292/QĐ-UBND ngày 31/01/2023)");
    expect(a.decisionFrom).toBe("options");
  });

  it("prefers the source's line to the options", () => {
    const a = appendixModel(bareSheet([["(Kèm theo Quyết định số 12/QĐ-UBND ngày 02/02/2024)"]]), {
      decision: "292/QĐ-UBND",
    }).blocks[0]!;
    expect(a.decisionLine).toBe("(Kèm theo Quyết định số 12/QĐ-UBND ngày 02/02/2024)");
    expect(a.decisionFrom).toBe("source");
  });

  it("uses the criteria table's names when there is no ranking table", () => {
    const a = appendixModel(bareSheet()).blocks[0]!;
    expect(a.rows.map((r) => r.name)).toEqual(["Sở Công Thương", "Sở Xây dựng"]);
  });
});

describe("appendixModel with a unit whose total cannot be known", () => {
  it("keeps its row empty, footnotes the reason, and leaves it out of the counts", () => {
    const rows: Plain[][] = [
      ...criteriaRows([
        ["Sở Công Thương", [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57],
        ["Sở Y tế", [8, 5, null, 47.19, 4.6, 12, 6, 2], 94.25],
        ["Sở Xây dựng", [9, 5, 10, 45.77, 4, 12, 6, 2], 93.77],
      ]),
      [],
      ...rankingRows([
        ["Sở Công Thương", 92.57, "I"],
        ["Sở Y tế", 94.25, "I"],
        ["Sở Xây dựng", 93.77, "I"],
      ]),
    ];
    const a = appendixModel(analyzeWorkbook(workbook(sheet("Khối sở", rows)), DEFAULT_FRAMEWORK)).blocks[0]!;
    const health = a.rows[1]!;
    expect(health.totalText).toBe("");
    expect(health.level).toBeUndefined();
    expect(a.footnotes[health.footnote! - 1]).toMatchObject({ kind: "noTotal", reason: "missing" });
    // A score above its maximum (9 > 8) makes the total unknown too.
    const building = a.rows[2]!;
    expect(building.totalText).toBe("");
    expect(a.footnotes[building.footnote! - 1]).toMatchObject({ kind: "noTotal", reason: "aboveMax" });
    expect(a.counts).toEqual({ I: 1, II: 0, III: 0, IV: 0 });
    expect(a.rankOrder).toEqual([0]);
  });
});

describe("the appendix and the ranking sheet say the same of each unit (one rule: plan.ts unitFacts)", () => {
  it("a negative score leaves the total unknown in both, the footnote naming it", () => {
    const rows: Plain[][] = [
      ...criteriaRows([
        ["Sở Công Thương", [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57],
        ["Sở Y tế", [8, 5, 10, 47.19, -1, 12, 6, 2], 89.19],
      ]),
      [],
      ...rankingRows([
        ["Sở Công Thương", 92.57, "I"],
        ["Sở Y tế", 89.19, "II"],
      ]),
    ];
    const analysis = analyzeWorkbook(workbook(sheet("Khối sở", rows)), DEFAULT_FRAMEWORK);
    const a = appendixModel(analysis).blocks[0]!;
    const health = a.rows[1]!;
    expect(health.totalText).toBe("");
    expect(a.footnotes[health.footnote! - 1]).toMatchObject({ kind: "noTotal", reason: "negative" });
    expect(appendixFootnoteText(a.footnotes[health.footnote! - 1]!, "en")).toContain("is negative");
    const sheetRows = planRankingSheets(analysis, ["Khối sở"])[0]!.rows;
    const sheetHealth = sheetRows.find((r) => r[1]?.v === "Sở Y tế")!;
    expect(sheetHealth[2]!.v).toBeNull();
    for (const [i, row] of a.rows.entries()) {
      const line = sheetRows.find((r) => r[1]?.v === row.name)!;
      expect([i, line[2]!.v === null ? "" : String(line[2]!.v)]).toEqual([
        i,
        row.total === undefined ? "" : row.totalText.replace(",", "."),
      ]);
    }
    expect(a.counts).toEqual({ I: 1, II: 0, III: 0, IV: 0 });
  });
});

describe("levelBarChart", () => {
  it("has the totals in rank order, coloured by level, with the thresholds", () => {
    const model = appendixModel(hue);
    const chart = levelBarChart(model.blocks[0]!, model);
    expect(chart.categories).toHaveLength(20);
    expect(chart.categories[0]).toBe("Sở Thông tin và Truyền thông");
    expect(chart.valueLabels[0]).toBe("96,77 (I)");
    expect(chart.values).toEqual([...chart.values].sort((x, y) => y - x));
    const finance = chart.categories.indexOf("Sở Tài chính");
    expect(chart.colours[finance]).toBe(LEVEL_COLOURS.II);
    expect(chart.thresholds.map((t) => [t.level, t.value, t.label])).toEqual([
      ["I", 90, "Mức I: 90"],
      ["II", 80, "Mức II: 80"],
      ["III", 70, "Mức III: 70"],
    ]);
    expect(chart.axis).toEqual({ min: 60, max: 100, title: "Tổng điểm" });
    expect(chart.legend.map((l) => l.level)).toEqual(["I", "II"]);
  });
});

describe("helpers", () => {
  it.each([
    [1, "I"],
    [4, "IV"],
    [9, "IX"],
    [12, "12"],
  ])("romanNumeral(%i) = %s", (n, r) => expect(romanNumeral(n)).toBe(r));
  it("drops a heading's numbering", () => {
    expect(withoutNumbering("2. Xếp hạng mức độ")).toBe("Xếp hạng mức độ");
    expect(withoutNumbering("II) Kết quả")).toBe("Kết quả");
  });
});
