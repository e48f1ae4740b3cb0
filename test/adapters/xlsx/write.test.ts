import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as nodePath from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DECREE_30_PRINT, type PlannedCell, type PlannedSheet } from "../../../src/core/writes";
import { ownSheetsOf } from "../../../src/adapters/xlsx/grid";
import {
  WorkbookReadError,
  WorkbookWriteError,
  type WorkbookWriteReason,
} from "../../../src/adapters/xlsx/errors";
import { findLostParts, writeRankingWorkbook } from "../../../src/adapters/xlsx/write";
import { workbookErrorMessage, workbookWarningMessage } from "../../../src/cli/text";
import { cleanup, loadExcel, makeTempDir, saveWorkbook } from "./helpers";

const NAMES = ["=SUM(A1:A3)", "+Sở Tài chính", "-Sở Nội vụ", "@Sở Y tế", "Sở Giáo dục và Đào tạo"];

function plannedSheet(name: string): PlannedSheet {
  const header: PlannedCell[] = ["STT", "Đơn vị", "Tổng điểm", "Mức độ", "Thứ hạng"].map((v) => ({
    v,
    bold: true,
    align: "center",
    border: true,
    fill: "#DDEBF7",
    wrap: true,
  }));
  const body: PlannedCell[][] = NAMES.map((n, i) => [
    { v: i + 1, border: true, align: "center" },
    { v: n, border: true },
    { v: 92.5 - i, fmt: "0.00", border: true, align: "right" },
    { v: "I", border: true, align: "center" },
    { v: i + 1, border: true },
  ]);
  const summary: PlannedCell[] = [
    { v: "- Số đơn vị đạt mức độ I: 5", italic: true },
    { v: null },
    { v: null },
    { v: null },
    { v: null },
  ];
  return {
    name,
    rows: [header, ...body, summary],
    merges: [{ top: 6, left: 0, bottom: 6, right: 4 }],
    columnWidths: [6, 40, 12, 10, 10],
    freezeRows: 1,
  };
}

async function sha(path: string): Promise<string> {
  return createHash("sha256")
    .update(await fs.readFile(path))
    .digest("hex");
}

async function writeError(p: Promise<unknown>): Promise<WorkbookWriteError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof WorkbookWriteError) return e;
    throw e;
  }
  throw new Error("write did not fail");
}

async function sheetXml(path: string, sheetIndex: number): Promise<string> {
  const zip = await JSZip.loadAsync(await fs.readFile(path));
  const f = zip.file(`xl/worksheets/sheet${sheetIndex}.xml`);
  if (!f) throw new Error("no sheet part");
  return f.async("string");
}

describe("writeRankingWorkbook", () => {
  let dir: string;
  let input: string;
  let inputHash: string;

  beforeEach(async () => {
    dir = await makeTempDir("write");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Phụ lục I");
    ws.getCell("A1").value = "Tiêu đề";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = 88.31;
    ws.getCell("A2").numFmt = "0.00";
    ws.getCell("B2").value = { formula: "A2*2", result: 176.62 };
    const settings = wb.addWorksheet("CQS_Settings");
    settings.state = "veryHidden";
    input = await saveWorkbook(wb, nodePath.join(dir, "dau-vao.xlsx"));
    inputHash = await sha(input);
  });
  afterEach(() => cleanup(dir));

  test("adds the planned sheet, keeps the input sheets, leaves the input bytes alone", async () => {
    const out = nodePath.join(dir, "xep-hang.xlsx");
    const res = await writeRankingWorkbook({
      inputPath: input,
      outPath: out,
      sheets: [plannedSheet("Xếp hạng")],
      separate: false,
      force: false,
    });
    expect(res.written).toBe(out);
    expect(res.warnings).toEqual([]);
    expect(await sha(input)).toBe(inputHash);
    expect((await fs.readdir(dir)).sort()).toEqual(["dau-vao.xlsx", "xep-hang.xlsx"]); // no temp file left

    const wb = await loadExcel(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Phụ lục I", "visible"],
      ["CQS_Settings", "veryHidden"],
      ["Xếp hạng", "visible"],
    ]);
    const kept = wb.getWorksheet("Phụ lục I")!;
    expect(kept.getCell("A2").value).toBe(88.31);
    expect(kept.getCell("B2").formula).toBe("A2*2");

    const ws = wb.getWorksheet("Xếp hạng")!;
    expect(ws.getCell("A1").value).toBe("STT");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("A1").alignment?.horizontal).toBe("center");
    expect(ws.getCell("A1").alignment?.wrapText).toBe(true);
    expect(ws.getCell("A1").border?.top?.style).toBe("thin");
    expect(ws.getCell("A1").fill).toMatchObject({
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEBF7" },
    });
    expect(ws.getCell("C2").value).toBe(92.5);
    expect(ws.getCell("C2").numFmt).toBe("0.00");
    expect(ws.getCell("A2").value).toBe(1);
    expect(ws.getCell("A7").font?.italic).toBe(true);
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.model.merges).toEqual(["A7:E7"]);

    // Names starting with = + - @ are text values, never formulas.
    NAMES.forEach((n, i) => {
      const c = ws.getCell(`B${i + 2}`);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(n);
      expect(c.numFmt).toBe("@");
    });
    const xml = await sheetXml(out, 3);
    expect(xml).not.toMatch(/<f[\s>/]/);
    expect(xml).toMatch(/<c r="B2"[^>]*t="s"/);
  });

  test("applies what the plan carries: print setup, font, row heights, comments, links, the own-sheet record", async () => {
    const out = nodePath.join(dir, "in.xlsx");
    const base = plannedSheet("Xếp hạng");
    const rows = base.rows.map((r, i) =>
      i === 1
        ? r.map((c, k) => (k === 2 ? { ...c, note: "Bảng điểm ghi 88,31; tính lại 88,30" } : c))
        : i === 2
          ? r.map((c, k) => (k === 1 ? { ...c, link: "'Phụ lục I'!A2" } : c))
          : r,
    );
    const sheet: PlannedSheet = {
      ...base,
      rows,
      rowHeights: [30],
      own: "ranking",
      print: {
        ...DECREE_30_PRINT,
        titleRows: { top: 0, bottom: 0 },
        printArea: { top: 0, left: 0, bottom: rows.length - 1, right: 4 },
      },
    };
    await writeRankingWorkbook({
      inputPath: input,
      outPath: out,
      sheets: [sheet],
      separate: false,
      force: false,
    });
    const wb = await loadExcel(out);
    const ws = wb.getWorksheet("Xếp hạng")!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printArea: "A1:E7",
      printTitlesRow: "1:1",
      showGridLines: false,
    });
    expect(Math.round(ws.pageSetup.margins!.left * 25.4)).toBe(30);
    expect(ws.headerFooter).toMatchObject({ differentFirst: true });
    expect(ws.headerFooter.oddHeader).toContain("&P");
    expect(ws.getRow(1).height).toBe(30);
    expect(ws.getCell("B2").font).toMatchObject({ name: "Times New Roman", size: 13 });
    expect(ws.getCell("C2").note).toBe("Bảng điểm ghi 88,31; tính lại 88,30");
    expect(ws.getCell("B3").hyperlink).toBe("#'Phụ lục I'!A2");
    expect(ws.getCell("B3").text).toBe(NAMES[1]);
    const names = (wb.definedNames as unknown as { model: Array<{ name: string; ranges: string[] }> }).model;
    expect(names).toContainEqual({ name: "CQS_OWN_RANKING_1", ranges: ["'Xếp hạng'!$A$1"] });
    expect(ownSheetsOf(wb)).toEqual(["Xếp hạng"]);
  });

  test("separate mode writes the planned sheets only", async () => {
    const out = nodePath.join(dir, "rieng.xlsx");
    await writeRankingWorkbook({
      inputPath: input,
      outPath: out,
      sheets: [plannedSheet("Xếp hạng I"), plannedSheet("Xếp hạng II")],
      separate: true,
      force: false,
    });
    const wb = await loadExcel(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Xếp hạng I", "Xếp hạng II"]);
    expect(await sha(input)).toBe(inputHash);
  });

  test("refuses an existing output without force, and writes nothing", async () => {
    const out = nodePath.join(dir, "co-san.xlsx");
    await fs.writeFile(out, "giữ nguyên");
    const e = await writeError(
      writeRankingWorkbook({
        inputPath: input,
        outPath: out,
        sheets: [plannedSheet("X")],
        separate: false,
        force: false,
      }),
    );
    expect(e.reason).toBe<WorkbookWriteReason>("OUT_EXISTS");
    expect(workbookErrorMessage(e, "vi")).toMatch(/--force/);
    expect(await fs.readFile(out, "utf8")).toBe("giữ nguyên");
    expect((await fs.readdir(dir)).sort()).toEqual(["co-san.xlsx", "dau-vao.xlsx"]);
  });

  test("force overwrites an existing output", async () => {
    const out = nodePath.join(dir, "co-san.xlsx");
    await fs.writeFile(out, "cũ");
    await writeRankingWorkbook({
      inputPath: input,
      outPath: out,
      sheets: [plannedSheet("X")],
      separate: false,
      force: true,
    });
    const wb = await loadExcel(out);
    expect(wb.worksheets.map((w) => w.name)).toContain("X");
    expect((await fs.readdir(dir)).sort()).toEqual(["co-san.xlsx", "dau-vao.xlsx"]);
  });

  test("never writes the input, even with force or through a symlink", async () => {
    for (const force of [false, true]) {
      const e = await writeError(
        writeRankingWorkbook({
          inputPath: input,
          outPath: input,
          sheets: [plannedSheet("X")],
          separate: false,
          force,
        }),
      );
      expect(e.reason).toBe<WorkbookWriteReason>("SAME_AS_INPUT");
    }
    const link = nodePath.join(dir, "lien-ket.xlsx");
    await fs.symlink(input, link);
    const e = await writeError(
      writeRankingWorkbook({
        inputPath: input,
        outPath: link,
        sheets: [plannedSheet("X")],
        separate: true,
        force: true,
      }),
    );
    expect(e.reason).toBe<WorkbookWriteReason>("SAME_AS_INPUT");
    const relative = nodePath.relative(process.cwd(), input);
    const e2 = await writeError(
      writeRankingWorkbook({
        inputPath: relative,
        outPath: input,
        sheets: [plannedSheet("X")],
        separate: false,
        force: true,
      }),
    );
    expect(e2.reason).toBe<WorkbookWriteReason>("SAME_AS_INPUT");
    expect(await sha(input)).toBe(inputHash);
  });

  test("refuses a sheet name already in the workbook, or invalid", async () => {
    for (const name of ["phụ lục i", "a".repeat(32), "Xếp/hạng"]) {
      const e = await writeError(
        writeRankingWorkbook({
          inputPath: input,
          outPath: nodePath.join(dir, "o.xlsx"),
          sheets: [plannedSheet(name)],
          separate: false,
          force: false,
        }),
      );
      expect(e.reason).toBe<WorkbookWriteReason>("BAD_SHEET_NAME");
    }
    expect(await fs.readdir(dir)).toEqual(["dau-vao.xlsx"]);
  });

  test("output folder missing, output is a folder", async () => {
    const e = await writeError(
      writeRankingWorkbook({
        inputPath: input,
        outPath: nodePath.join(dir, "khong-co", "o.xlsx"),
        sheets: [plannedSheet("X")],
        separate: false,
        force: false,
      }),
    );
    expect(e.reason).toBe<WorkbookWriteReason>("OUT_DIR_MISSING");
    await fs.mkdir(nodePath.join(dir, "thu-muc"));
    const e2 = await writeError(
      writeRankingWorkbook({
        inputPath: input,
        outPath: nodePath.join(dir, "thu-muc"),
        sheets: [plannedSheet("X")],
        separate: false,
        force: true,
      }),
    );
    expect(e2.reason).toBe<WorkbookWriteReason>("OUT_IS_DIRECTORY");
  });

  test("an unusable input is a WorkbookReadError", async () => {
    const bad = nodePath.join(dir, "bad.xlsx");
    await fs.writeFile(bad, "STT,Đơn vị\n");
    await expect(
      writeRankingWorkbook({
        inputPath: bad,
        outPath: nodePath.join(dir, "o.xlsx"),
        sheets: [plannedSheet("X")],
        separate: false,
        force: false,
      }),
    ).rejects.toBeInstanceOf(WorkbookReadError);
    expect((await fs.readdir(dir)).sort()).toEqual(["bad.xlsx", "dau-vao.xlsx"]);
  });

  test("warns in Vietnamese about parts ExcelJS cannot carry over, suggesting --separate", async () => {
    const zip = await JSZip.loadAsync(await fs.readFile(input));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    zip.file("xl/vbaProject.bin", Buffer.from([1, 2, 3]));
    zip.file(
      "xl/drawings/drawing1.xml",
      '<xdr:wsDr><xdr:twoCellAnchor><xdr:sp macro=""/></xdr:twoCellAnchor></xdr:wsDr>',
    );
    const rich = nodePath.join(dir, "co-bieu-do.xlsx");
    await fs.writeFile(rich, await zip.generateAsync({ type: "nodebuffer" }));

    expect(await findLostParts(await fs.readFile(rich))).toEqual([
      "charts",
      "pivotTables",
      "vbaMacros",
      "shapes",
    ]);
    const res = await writeRankingWorkbook({
      inputPath: rich,
      outPath: nodePath.join(dir, "o.xlsx"),
      sheets: [plannedSheet("X")],
      separate: false,
      force: false,
    });
    expect(res.warnings).toEqual([
      {
        code: "LOST_PARTS",
        parts: ["charts", "pivotTables", "vbaMacros", "shapes"],
        out: nodePath.join(dir, "o.xlsx"),
      },
    ]);
    const vi = workbookWarningMessage(res.warnings[0]!, "vi");
    expect(vi).toMatch(/biểu đồ.*PivotTable.*macro VBA/);
    expect(vi).toMatch(/--separate/);
    // In English (cqs --lang en) the warning and the parts it names are English.
    expect(workbookWarningMessage(res.warnings[0]!, "en")).toBe(
      `The input holds charts, PivotTables, VBA macros, shapes/text boxes: the ExcelJS library cannot copy ` +
        `these parts to the new file, so they will be missing from "${nodePath.join(dir, "o.xlsx")}" ` +
        `(the original file is not changed). Use --separate to write the ranking sheets alone to a file of their own.`,
    );

    const sep = await writeRankingWorkbook({
      inputPath: rich,
      outPath: nodePath.join(dir, "o2.xlsx"),
      sheets: [plannedSheet("X")],
      separate: true,
      force: false,
    });
    expect(sep.warnings).toEqual([]);
  });

  test("a drawing with pictures only is not a loss", async () => {
    const zip = new JSZip();
    zip.file(
      "xl/drawings/drawing1.xml",
      "<xdr:wsDr><xdr:oneCellAnchor><xdr:pic/></xdr:oneCellAnchor></xdr:wsDr>",
    );
    expect(await findLostParts(await zip.generateAsync({ type: "nodebuffer" }))).toEqual([]);
  });
});
