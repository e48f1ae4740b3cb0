import * as nodePath from "path";
import ExcelJS from "exceljs";
import {
  a1Range,
  cellAt,
  parseA1,
  type Cell,
  type SheetGrid,
  type WorkbookGrid,
} from "../../../src/core/grid";
import { readWorkbookFile, workbookToGrid } from "../../../src/adapters/xlsx/read";
import { cleanup, makeTempDir, saveWorkbook } from "./helpers";
import { HUE_2022 } from "../../fixtures/locate";

function at(sheet: SheetGrid, address: string): Cell {
  const p = parseA1(address);
  if (!p) throw new Error(`bad address ${address}`);
  return cellAt(sheet, p.row, p.col);
}

function sheetNamed(wb: WorkbookGrid, name: string): SheetGrid {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

describe("readWorkbookFile: a workbook built with ExcelJS", () => {
  let dir: string;
  let grid: WorkbookGrid;

  beforeAll(async () => {
    dir = await makeTempDir("read");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Dữ liệu");

    // A merge: ExcelJS repeats "Tiêu đề" in every merged cell when it reads the file back.
    ws.getCell("A1").value = "Tiêu đề";
    ws.mergeCells("A1:C2");
    ws.getCell("E1").value = "Cột";
    ws.mergeCells("E1:E3"); // vertical

    ws.getCell("A4").value = 92.57;
    ws.getCell("A4").numFmt = "0.00";
    ws.getCell("B4").value = 7;
    ws.getCell("C4").value = { formula: "A4+B4", result: 99.57 };
    ws.getCell("D4").value = { formula: "A4*2" }; // no stored result
    ws.getCell("E4").value = { formula: "A4-A4", result: 0 }; // a falsy result
    ws.getCell("F4").value = { formula: "A4>100", result: false };
    ws.getCell("G4").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("H4").value = { error: "#N/A" };

    ws.getCell("A5").value = new Date(Date.UTC(2023, 0, 31));
    ws.getCell("A5").numFmt = "dd/mm/yyyy";
    ws.getCell("B5").value = true;
    ws.getCell("C5").value = { richText: [{ text: "Sở " }, { font: { bold: true }, text: "Tài chính" }] };
    ws.getCell("D5").value = { text: "Cổng thông tin", hyperlink: "https://example.org" };
    ws.getCell("E5").value = "45,57";
    ws.getCell("E5").numFmt = "@";
    ws.getCell("F5").value = " 10.00 ";
    ws.getCell("G5").value = "General";
    ws.getCell("G5").numFmt = "General";

    // Shared formulas: B7 holds the master, B8:B9 only a reference to it in the file.
    ws.getCell("A7").value = 1;
    ws.getCell("A8").value = 2;
    ws.getCell("A9").value = 3;
    ws.fillFormula("B7:B9", "A7*2", [2, 4, 6]);

    // A hidden row is ordinary data.
    ws.getCell("A11").value = 5;
    ws.getRow(11).hidden = true;

    ws.getCell("J20").value = "xa"; // a far cell: rows/columns in between are empty

    const hidden = wb.addWorksheet("Ẩn");
    hidden.state = "hidden";
    hidden.getCell("A1").value = 1;
    const veryHidden = wb.addWorksheet("CQS_Settings");
    veryHidden.state = "veryHidden";
    wb.addWorksheet("Trống");

    const path = await saveWorkbook(wb, nodePath.join(dir, "in.xlsx"));
    grid = await readWorkbookFile(path);
  });

  afterAll(() => cleanup(dir));

  test("workbook name and sheet order and states", () => {
    expect(grid.name).toBe("in.xlsx");
    expect(grid.sheets.map((s) => [s.name, s.state])).toEqual([
      ["Dữ liệu", "visible"],
      ["Ẩn", "hidden"],
      ["CQS_Settings", "veryHidden"],
      ["Trống", "visible"],
    ]);
    expect(sheetNamed(grid, "Trống").rows).toHaveLength(0);
  });

  test("only the top-left cell of a merge carries the value", () => {
    const s = sheetNamed(grid, "Dữ liệu");
    expect(at(s, "A1").v).toBe("Tiêu đề");
    for (const a of ["B1", "C1", "A2", "B2", "C2"]) expect(at(s, a).v).toBeNull();
    expect(at(s, "E1").v).toBe("Cột");
    expect(at(s, "E2").v).toBeNull();
    expect(at(s, "E3").v).toBeNull();
    expect((s.merges ?? []).map(a1Range)).toEqual(["A1:C2", "E1:E3"]);
  });

  test("numbers, formats, formulas with and without stored results", () => {
    const s = sheetNamed(grid, "Dữ liệu");
    expect(at(s, "A4")).toEqual({ v: 92.57, fmt: "0.00" });
    expect(at(s, "B4")).toEqual({ v: 7 });
    expect(at(s, "C4")).toEqual({ v: 99.57, f: "A4+B4" });
    expect(at(s, "D4")).toEqual({ v: null, f: "A4*2" });
    expect(at(s, "E4")).toEqual({ v: 0, f: "A4-A4" });
    expect(at(s, "F4")).toEqual({ v: false, f: "A4>100" });
    expect(at(s, "G4")).toEqual({ v: { error: "#DIV/0!" }, f: "1/0" });
    expect(at(s, "H4")).toEqual({ v: { error: "#N/A" } });
  });

  test("dates, booleans, rich text, hyperlinks, text numbers", () => {
    const s = sheetNamed(grid, "Dữ liệu");
    const date = at(s, "A5");
    expect(date.v).toBeInstanceOf(Date);
    expect((date.v as Date).toISOString()).toBe("2023-01-31T00:00:00.000Z");
    expect(date.fmt).toBe("dd/mm/yyyy");
    expect(at(s, "B5")).toEqual({ v: true });
    expect(at(s, "C5")).toEqual({ v: "Sở Tài chính" });
    expect(at(s, "D5")).toEqual({ v: "Cổng thông tin" });
    expect(at(s, "E5")).toEqual({ v: "45,57", fmt: "@" });
    expect(at(s, "F5")).toEqual({ v: " 10.00 " });
    expect(at(s, "G5")).toEqual({ v: "General" }); // "General" format omitted
  });

  test("shared formulas are read as their own text", () => {
    const s = sheetNamed(grid, "Dữ liệu");
    expect(at(s, "B7")).toEqual({ v: 2, f: "A7*2" });
    expect(at(s, "B8")).toEqual({ v: 4, f: "A8*2" });
    expect(at(s, "B9")).toEqual({ v: 6, f: "A9*2" });
  });

  test("hidden rows are data; empty rows and cells are empty", () => {
    const s = sheetNamed(grid, "Dữ liệu");
    expect(at(s, "A11").v).toBe(5);
    expect(at(s, "A10").v).toBeNull();
    expect(at(s, "J20").v).toBe("xa");
    expect(at(s, "I20").v).toBeNull();
    expect(at(s, "Z99").v).toBeNull();
    expect(s.rows).toHaveLength(20);
    expect(s.top ?? 0).toBe(0);
    expect(s.left ?? 0).toBe(0);
  });
});

describe("workbookToGrid on an in-memory workbook", () => {
  test("a merge made in memory is blanked too", () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("B2").value = "x";
    ws.mergeCells("B2:D2");
    const s = workbookToGrid(wb, "mem").sheets[0]!;
    expect(at(s, "B2").v).toBe("x");
    expect(at(s, "C2").v).toBeNull();
    expect(at(s, "D2").v).toBeNull();
    expect((s.merges ?? []).map(a1Range)).toEqual(["B2:D2"]);
  });
});

describe("the Huế 2022 fixture (test/fixtures/hue-2022.xlsx)", () => {
  let grid: WorkbookGrid;
  beforeAll(async () => {
    grid = await readWorkbookFile(HUE_2022);
  });

  test("sheets", () => {
    expect(grid.sheets.map((s) => s.name)).toEqual(["Phụ lục I", "Phụ lục II"]);
  });

  test("K18 is 88.31 formatted 0.00", () => {
    const s = sheetNamed(grid, "Phụ lục I");
    expect(at(s, "K18")).toEqual({ v: 88.31, fmt: "0.00" });
  });

  test("the summary merge A58:D58 has its text in A58 only", () => {
    const s = sheetNamed(grid, "Phụ lục I");
    expect(String(at(s, "A58").v)).toMatch(/^- Số đơn vị đạt mức độ I: 18/);
    for (const a of ["B58", "C58", "D58"]) expect(at(s, a).v).toBeNull();
    expect((s.merges ?? []).map(a1Range)).toContain("A58:D58");
  });

  test("the header merge 'Các tiêu chí' is in C5 only", () => {
    const s = sheetNamed(grid, "Phụ lục I");
    expect(at(s, "C5").v).toBe("Các tiêu chí");
    const merge = (s.merges ?? []).find((m) => m.top === 4 && m.left === 2);
    expect(merge).toBeDefined();
    for (let c = merge!.left; c <= merge!.right; c++) {
      for (let r = merge!.top; r <= merge!.bottom; r++) {
        if (r !== 4 || c !== 2) expect(cellAt(s, r, c).v).toBeNull();
      }
    }
    expect(merge!.right).toBeGreaterThan(2);
  });
});
