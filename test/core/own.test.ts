import {
  ownSheetKindOf,
  ownSheetsFromNames,
  planOwnSheetRecord,
  planOwnSheetRecords,
  quoteSheetName,
  sheetOfReference,
} from "../../src/core/own";
import { analyzeWorkbook } from "../../src/core/analyze";
import { DEFAULT_FRAMEWORK } from "../../src/core/framework";
import { criteriaRows, sheet, workbook } from "./build-grid";

describe("own sheets", () => {
  it("quotes sheet names as formulas need them", () => {
    expect(quoteSheetName("Sheet1")).toBe("Sheet1");
    expect(quoteSheetName("Xếp hạng Phụ lục I")).toBe("'Xếp hạng Phụ lục I'");
    expect(quoteSheetName("It's")).toBe("'It''s'");
    expect(quoteSheetName("A1")).toBe("'A1'");
  });

  it("plans a free name per sheet, kinds apart", () => {
    expect(planOwnSheetRecord("Xếp hạng", "ranking", ["cqs_own_ranking_1"])).toEqual({
      name: "CQS_OWN_RANKING_2",
      reference: "'Xếp hạng'!$A$1",
    });
    expect(
      planOwnSheetRecords(
        [
          { name: "A", kind: "ranking" },
          { name: "B", kind: "ranking" },
          { name: "C", kind: "findings" },
        ],
        [],
      ).map((r) => r.name),
    ).toEqual(["CQS_OWN_RANKING_1", "CQS_OWN_RANKING_2", "CQS_OWN_FINDINGS_1"]);
  });

  it("reads the sheets back from the names, ignoring other names", () => {
    expect(sheetOfReference("='It''s'!$A$1")).toBe("It's");
    expect(sheetOfReference("Sheet1!$A$1")).toBe("Sheet1");
    expect(sheetOfReference("=0.9")).toBeUndefined();
    expect(ownSheetKindOf("CQS_OWN_COMPARISON_3")).toBe("comparison");
    expect(ownSheetKindOf("CQS_THRESHOLDS")).toBeUndefined();
    expect(
      ownSheetsFromNames([
        { name: "CQS_THRESHOLDS", reference: "CQS_Settings!$B$7:$B$9" },
        { name: "CQS_OWN_RANKING_1", reference: "'Xếp hạng Điểm'!$A$1" },
        { name: "CQS_OWN_FINDINGS_1", reference: "='Kết quả kiểm tra'!$A$1" },
      ]),
    ).toEqual([
      { sheet: "Xếp hạng Điểm", kind: "ranking" },
      { sheet: "Kết quả kiểm tra", kind: "findings" },
    ]);
  });

  it("the table finder leaves own sheets out (a copy of a criteria table there is not checked)", () => {
    const rows = criteriaRows([["Sở A", [8, 5, 10, 45, 4, 12, 6, 2], 99]]);
    const grid = workbook(sheet("Điểm", rows), sheet("Xếp hạng Điểm", rows));
    expect(analyzeWorkbook(grid, DEFAULT_FRAMEWORK).blocks).toHaveLength(2);
    const own = analyzeWorkbook({ ...grid, ownSheets: ["xếp hạng điểm"] }, DEFAULT_FRAMEWORK);
    expect(own.blocks.map((b) => b.sheet)).toEqual(["Điểm"]);
    expect(own.findings.every((f) => f.sheet === "Điểm")).toBe(true);
  });
});
