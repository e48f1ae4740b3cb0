/**
 * "So sánh với năm trước" through the Office adapter (src/adapters/office/compare.ts) against the
 * in-memory Excel double: this workbook (the 2022 example) against last year's grid (built from it,
 * test/core/previous-year.ts). The sheets added are the core's plan, written unchanged; nothing
 * existing is touched; the mapping is stored and read back.
 */
import ExcelJS from "exceljs";
import { workbookToGrid } from "../../../src/adapters/xlsx";
import { buildComparison, loadUnitMap, saveUnitMap } from "../../../src/adapters/office/compare";
import { analyzeWorkbook, DEFAULT_FRAMEWORK, type WorkbookGrid } from "../../../src/core";
import { compareAnalyses, comparisonJson, unitMapFromJson, UNIT_MAP_SHEET } from "../../../src/core/compare";
import { planComparisonSheets } from "../../../src/core/comparePlan";
import { buildPreviousYearWorkbook, MAP } from "../../core/previous-year";
import { exampleGrid, OLD, setupExample } from "./helpers";

let previous: WorkbookGrid;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildPreviousYearWorkbook().xlsx.writeBuffer());
  previous = workbookToGrid(wb, "hue-2021.xlsx");
});

describe("buildComparison", () => {
  it("adds the planned comparison sheets in 3 syncs, one Undo step, leaving the other sheets alone", async () => {
    const { fake, host } = await setupExample();
    const before = fake.workbook.values("Phụ lục I", "A1:K40");
    const map = unitMapFromJson(MAP);
    const r = await buildComparison(host, previous, { map });
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(r.added).toEqual(["So sánh Phụ lục I", "So sánh Phụ lục II"]);
    expect(r.undoGrouped).toBe(true);
    expect(fake.workbook.activeSheet).toBe("So sánh Phụ lục I");
    expect(fake.workbook.values("Phụ lục I", "A1:K40")).toEqual(before);
    // The same comparison as the .xlsx path computes, written as planned.
    const expected = compareAnalyses(
      analyzeWorkbook(await exampleGrid(), DEFAULT_FRAMEWORK),
      analyzeWorkbook(previous, DEFAULT_FRAMEWORK),
      map,
    );
    expect(comparisonJson(r.comparison)).toEqual(comparisonJson(expected));
    const plan = planComparisonSheets(expected, ["Phụ lục I", "Phụ lục II"])[0]!;
    const height = plan.rows.length;
    const written = fake.workbook.values("So sánh Phụ lục I", `A1:J${height}`);
    expect(written).toEqual(plan.rows.map((row) => row.map((c) => (c.v === null ? "" : c.v))));
  });

  it("runs again under new free names, and without Undo grouping on an older Excel", async () => {
    const { fake, host } = await setupExample(OLD);
    await buildComparison(host, previous);
    const r = await buildComparison(host, previous);
    expect(r.undoGrouped).toBe(false);
    expect(r.added).toEqual(["So sánh Phụ lục I (2)", "So sánh Phụ lục II (2)"]);
    expect(fake.workbook.sheetNames().filter((s) => s.startsWith("So sánh"))).toHaveLength(4);
  });

  it("stores the mapping in a very hidden sheet, reads it back, and uses it when none is given", async () => {
    const { fake, host } = await setupExample();
    expect(await loadUnitMap(host)).toEqual([]);
    await saveUnitMap(host, unitMapFromJson(MAP));
    expect(fake.workbook.sheetNames()).toContain(UNIT_MAP_SHEET);
    expect(await loadUnitMap(host)).toEqual(unitMapFromJson(MAP));
    const r = await buildComparison(host, previous);
    const dt = comparisonJson(r.comparison).blocks[0]!.units.find((u) => u.unit === "Ban Dân tộc")!;
    expect(dt.previous?.unit).toBe("Ủy ban Dân tộc tỉnh");
    // A shorter mapping replaces the stored one whole.
    await saveUnitMap(host, unitMapFromJson({ "Huyện Hương Thủy": "Thị xã Hương Thủy" }));
    expect(await loadUnitMap(host)).toEqual([{ from: "Huyện Hương Thủy", to: "Thị xã Hương Thủy" }]);
  });
});
