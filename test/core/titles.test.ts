import { analyzeWorkbook } from "../../src/core/analyze";
import { appendixModel } from "../../src/core/appendix";
import { DEFAULT_FRAMEWORK } from "../../src/core/framework";
import { planRankingSheets } from "../../src/core/plan";
import { isTrailingLine, sourceTitle, withoutNumbering } from "../../src/core/titles";
import { criteriaRows, sheet, workbook, type Plain } from "./build-grid";

const SCORES: Plain[] = [8, 5, 10, 45, 5, 12, 6, 2];
const units = (...names: string[]): Array<[string, Plain[], Plain]> => names.map((n) => [n, SCORES, 93]);

/** Two blocks on one sheet: the second's title follows the first's summary line and notes. */
const grid = workbook(
  sheet("Phụ lục", [
    ["Phụ lục I"],
    ["KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHÍNH QUYỀN SỐ NĂM 2022"],
    ["(Ban hành kèm theo Quyết định số 292/QĐ-UBND ngày 31/01/2023)"],
    ["1. Kết quả đánh giá các sở"],
    ...criteriaRows(units("Sở A", "Sở B")),
    ["- Số đơn vị đạt mức độ I: 2 - Số đơn vị đạt mức độ II: 0 - Số đơn vị đạt mức độ III, IV: 0"],
    ["Ghi chú: Sở B chấm lại."],
    ["Phụ lục II"],
    ["KHỐI UBND CÁC HUYỆN"],
    ["2. Kết quả đánh giá các huyện"],
    ...criteriaRows(units("Huyện C", "Huyện D")),
  ]),
);
const analysis = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);

describe("the source's title lines, read once for the ranking sheet and the appendix", () => {
  it("splits the lines above a table into label, title, decision line and section heading", () => {
    const [first, second] = analysis.model.blocks;
    expect(sourceTitle(first!.criteria, analysis.model.tables)).toEqual({
      all: [
        "Phụ lục I",
        "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHÍNH QUYỀN SỐ NĂM 2022",
        "(Ban hành kèm theo Quyết định số 292/QĐ-UBND ngày 31/01/2023)",
      ],
      label: "Phụ lục I",
      lines: ["KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHÍNH QUYỀN SỐ NĂM 2022"],
      decisionLine: "(Ban hành kèm theo Quyết định số 292/QĐ-UBND ngày 31/01/2023)",
      criteriaHeading: "1. Kết quả đánh giá các sở",
    });
    // The block above ends with its summary line and notes: they are not the next block's title.
    expect(sourceTitle(second!.criteria, analysis.model.tables)).toEqual({
      all: ["Phụ lục II", "KHỐI UBND CÁC HUYỆN"],
      label: "Phụ lục II",
      lines: ["KHỐI UBND CÁC HUYỆN"],
      criteriaHeading: "2. Kết quả đánh giá các huyện",
    });
  });

  it("the ranking sheet and the Word appendix show the same lines", () => {
    const plans = planRankingSheets(analysis, ["Phụ lục"]);
    const model = appendixModel(analysis);
    for (let k = 0; k < 2; k++) {
      const a = model.blocks[k]!;
      const shown = [a.label, ...a.titleLines, ...(a.decisionFrom === "source" ? [a.decisionLine] : [])];
      expect(plans[k]!.rows.slice(0, shown.length).map((r) => r[0]!.v)).toEqual(shown);
    }
  });

  it("knows a heading's numbering and a line that ends the block above", () => {
    expect(withoutNumbering("II) Xếp hạng mức độ")).toBe("Xếp hạng mức độ");
    expect(isTrailingLine("Ghi chú: Sở B chấm lại.")).toBe(true);
    expect(isTrailingLine("- Số đơn vị đạt mức độ I: 2")).toBe(true);
    expect(isTrailingLine("KHỐI UBND CÁC HUYỆN")).toBe(false);
  });
});
