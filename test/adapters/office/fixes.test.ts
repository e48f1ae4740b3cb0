/** Fixes the user clicks, their restore, and the findings sheet, on the Excel double. */
import { findingsToSheet, fixFindings, undoFixes } from "../../../src/adapters/office/fix-operations";
import { FIXES_SHEET } from "../../../src/adapters/office/fixes";
import { buildRanking, validateWorkbook } from "../../../src/adapters/office/operations";
import { fromWorkbookGrid } from "../../../src/excel-double/fake-excel";
import { criteriaRows, sheet, workbook } from "../../core/build-grid";
import { MODERN, OLD, setup, setupExample } from "./helpers";

describe("fixes", () => {
  it("a wrong total becomes the recomputed number; Hoàn tác sửa restores the typed one", async () => {
    const { fake, host } = await setupExample(OLD);
    const { analysis } = await validateWorkbook(host);
    const mismatch = analysis.findings.find((f) => f.code === "TOTAL_MISMATCH" && f.cell === "K18")!;
    const result = await fixFindings(host, analysis, [mismatch]);
    expect(result).toEqual({ fixed: 1, undoGrouped: false });
    expect(fake.workbook.cell("Phụ lục I", "K18").value).toBe(88.3);
    expect(fake.workbook.cell("Phụ lục I", "K18").formula).toBeUndefined();
    const after = await validateWorkbook(host);
    expect(after.analysis.findings.filter((f) => f.code === "TOTAL_MISMATCH")).toHaveLength(4);
    expect(fake.workbook.sheetInfo(FIXES_SHEET).visibility).toBe("VeryHidden");
    expect(await undoFixes(host)).toBe(1);
    expect(fake.workbook.cell("Phụ lục I", "K18").value).toBe(88.31);
    expect((await validateWorkbook(host)).analysis.findings).toEqual(analysis.findings);
    expect(await undoFixes(host)).toBe(0);
  });

  it("a number stored as text becomes a number (format set first); one Undo step on ExcelApi 1.20", async () => {
    const rows = criteriaRows([
      // Formatted as text, as numbers pasted from Word often are.
      ["Sở A", [8, 5, { v: "10,00", fmt: "@" }, 45, 4, 12, 6, 2], 92],
      ["Sở B", [8, 5, 10, 45, 4, 12, 6, 2], 92],
    ]);
    const grid = workbook(sheet("Điểm", rows));
    const init = fromWorkbookGrid(grid);
    const { fake, host } = setup(init, MODERN);
    const { analysis } = await validateWorkbook(host);
    const text = analysis.findings.filter((f) => f.code === "TEXT_NUMBER");
    expect(text.map((f) => f.cell)).toEqual(["E2"]);
    const result = await fixFindings(host, analysis, text);
    expect(result).toEqual({ fixed: 1, undoGrouped: true });
    expect(fake.workbook.cell("Điểm", "E2").value).toBe(10);
    expect(fake.workbook.cell("Điểm", "E2").numberFormat).toBe("General");
    expect((await validateWorkbook(host)).analysis.findings.filter((f) => f.code === "TEXT_NUMBER")).toEqual(
      [],
    );
    expect(await undoFixes(host)).toBe(1);
    expect(fake.workbook.cell("Điểm", "E2").value).toBe("10,00");
    expect(fake.workbook.cell("Điểm", "E2").numberFormat).toBe("@");
  });

  it("a wrong total in a table of SUM formulas becomes the same SUM formula, never CQS.*", async () => {
    const rows = criteriaRows([
      ["Sở A", [8, 5, 10, 45, 4, 12, 6, 2], { f: "SUM(C2:J2)", v: 92 }],
      ["Sở B", [8, 5, 10, 45, 4, 12, 6, 2], 93],
      ["Sở C", [8, 5, 10, 45, 4, 12, 6, 1], { f: "SUM(C4:J4)", v: 91 }],
    ]);
    const { fake, host } = setup(fromWorkbookGrid(workbook(sheet("Điểm", rows))), OLD);
    const { analysis } = await validateWorkbook(host);
    const wrong = analysis.findings.filter((f) => f.code === "TOTAL_MISMATCH");
    expect(wrong.map((f) => f.cell)).toEqual(["K3"]);
    await fixFindings(host, analysis, wrong);
    expect(fake.workbook.cell("Điểm", "K3").formula).toBe("=SUM(C3:J3)");
  });
});

describe("findings sheet", () => {
  it("writes the findings to a new sheet, recorded as the add-in's own, left out of the next check", async () => {
    const { fake, host } = await setupExample(OLD);
    const { analysis } = await validateWorkbook(host);
    const name = await findingsToSheet(host, analysis, "vi");
    expect(name).toBe("Kết quả kiểm tra");
    expect(fake.workbook.sheetNames()).toContain(name);
    const values = fake.workbook.values(name, `A1:F${5 + analysis.findings.length}`);
    const k18 = values.find((r) => r[2] === "Phụ lục I!K18")!;
    expect(k18).toEqual([
      expect.any(Number),
      "Lỗi",
      "Phụ lục I!K18",
      "Sở Tài chính",
      "Tổng ghi 88,31 ≠ tính lại 88,30",
      "TOTAL_MISMATCH",
    ]);
    const again = await validateWorkbook(host);
    expect(again.analysis.findings).toEqual(analysis.findings);
    // And a ranking built afterwards still reads the criteria sheets only.
    const ranked = await buildRanking(host);
    expect(ranked.added).toEqual(["Xếp hạng Phụ lục I", "Xếp hạng Phụ lục II"]);
  });
});
