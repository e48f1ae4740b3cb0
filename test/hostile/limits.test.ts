/**
 * Inputs too large to hold: a sheet at Excel's row limit (1,048,576 rows) is refused with one line
 * before ExcelJS loads it (src/adapters/xlsx/read.ts checkWorkbookSize streams the sheet XML and
 * stops at the first limit crossed), so memory never runs out. The workbook is generated into a
 * temp folder as raw XML (about a second), not stored.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import {
  checkWorkbookSize,
  READ_LIMITS,
  readWorkbookFile,
  WorkbookReadError,
  type ReadLimits,
} from "../../src/adapters/xlsx";
import { workbookErrorMessage } from "../../src/cli/text";
import { BIN, cqs, ensureBuiltCli, expectOneLineError, sha256, tempDir } from "../cli/helpers";

const build = require("../fixtures/hostile/build.js") as {
  writeMaxRowsWorkbook: (file: string, rows?: number) => string;
  minimalXlsx: (sheetXml: string | null, name?: string) => Buffer;
};

const EXCEL_ROWS = 1048576;
let dir: string;
let maxRows: string;
let buildMs: number;

beforeAll(() => {
  ensureBuiltCli();
  dir = tempDir("limits");
  const t = Date.now();
  maxRows = build.writeMaxRowsWorkbook(path.join(dir, "max-rows.xlsx"), EXCEL_ROWS);
  buildMs = Date.now() - t;
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readError(file: string, limits?: ReadLimits): Promise<WorkbookReadError> {
  const e = await readWorkbookFile(file, limits).then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof WorkbookReadError)) throw new Error(`expected a WorkbookReadError, got ${String(e)}`);
  return e;
}

describe("a sheet at Excel's row limit", () => {
  test("the generated workbook really has 1,048,576 rows (built in a few seconds)", async () => {
    expect(buildMs).toBeLessThan(10_000);
    // Streaming the whole sheet with a limit one below Excel's: refused only after the last row.
    const bytes = fs.readFileSync(maxRows);
    const limits = { ...READ_LIMITS, maxRowsPerSheet: EXCEL_ROWS - 1, maxCells: 2 * EXCEL_ROWS };
    const refused = await checkWorkbookSize(bytes, maxRows, limits).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(WorkbookReadError);
    expect(workbookErrorMessage(refused as WorkbookReadError, "en")).toMatch(/more than 1,048,575 rows/);
    await expect(
      checkWorkbookSize(bytes, maxRows, { ...limits, maxRowsPerSheet: EXCEL_ROWS }),
    ).resolves.toBeUndefined();
  }, 30_000);

  test("check: exit 2, one line naming the sheet and its size, within seconds", async () => {
    const before = sha256(maxRows);
    const t = Date.now();
    const r = await cqs("check", maxRows);
    const ms = Date.now() - t;
    expectOneLineError(
      r,
      /quá lớn để đọc an toàn \(trang tính "Dữ liệu" có hơn 200\.000 dòng, A1:B1048576\)/,
    );
    expect(ms).toBeLessThan(3000);
    expect(sha256(maxRows)).toBe(before);
    const en = await cqs("check", maxRows, "--lang", "en");
    expectOneLineError(en, /too large to read safely \(sheet "Dữ liệu" has more than 200,000 rows/);
  });

  test("rank: exit 2, nothing written", async () => {
    const out = path.join(dir, "out.xlsx");
    expectOneLineError(await cqs("rank", maxRows, "--out", out));
    expect(fs.existsSync(out)).toBe(false);
  });

  test("refused before memory runs out: the command in 96 MB of heap still exits 2 with one line", () => {
    const r = spawnSync(process.execPath, ["--max-old-space-size=96", BIN, "check", maxRows], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.stderr).not.toMatch(/heap|FATAL|allocation/i);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^cqs: .*quá lớn/);
  });

  test("the reason is TOO_LARGE", async () => {
    const e = await readError(maxRows);
    expect(e.reason).toBe("TOO_LARGE");
  });
});

describe("each limit, tried with small ones", () => {
  const small: ReadLimits = {
    maxFileBytes: 10_000_000,
    maxRowsPerSheet: 50,
    maxCells: 300,
    maxXmlBytes: 1_000_000,
  };
  function sheet(rows: number, cols: number, prefix = ""): string {
    let xml = `<?xml version="1.0" encoding="UTF-8"?><${prefix}worksheet ${prefix ? `xmlns:${prefix.slice(0, -1)}` : "xmlns"}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>`;
    for (let r = 1; r <= rows; r++) {
      xml += `<${prefix}row r="${r}">`;
      for (let c = 0; c < cols; c++)
        xml += `<${prefix}c r="${String.fromCharCode(65 + c)}${r}"><${prefix}v>1</${prefix}v></${prefix}c>`;
      xml += `</${prefix}row>`;
    }
    return `${xml}</${prefix}sheetData></${prefix}worksheet>`;
  }
  const write = (name: string, bytes: Buffer): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  };

  test("rows per sheet", async () => {
    const e = await readError(write("rows.xlsx", build.minimalXlsx(sheet(51, 1))), small);
    expect(e.reason).toBe("TOO_LARGE");
    expect(workbookErrorMessage(e, "vi")).toMatch(/có hơn 50 dòng/);
    await expect(
      readWorkbookFile(write("rows-ok.xlsx", build.minimalXlsx(sheet(50, 1))), small),
    ).resolves.toBeDefined();
  });

  test("rows counted with a namespace prefix too (<x:row>)", async () => {
    const e = await readError(write("prefixed.xlsx", build.minimalXlsx(sheet(51, 1, "x:"))), small);
    expect(e.reason).toBe("TOO_LARGE");
  });

  test("cells in the workbook", async () => {
    const e = await readError(write("cells.xlsx", build.minimalXlsx(sheet(40, 8))), small);
    expect(e.reason).toBe("TOO_LARGE");
    expect(workbookErrorMessage(e, "vi")).toMatch(/hơn 300 ô/);
    expect(workbookErrorMessage(e, "en")).toMatch(/more than 300 cells/);
  });

  test("decompressed XML (a zip bomb stops here)", async () => {
    const padded = sheet(1, 1).replace("<sheetData>", `<sheetData>${" ".repeat(2_000_000)}`);
    const file = write("bomb.xlsx", build.minimalXlsx(padded));
    expect(fs.statSync(file).size).toBeLessThan(20_000); // 2 MB of XML in a few KB of zip
    const e = await readError(file, small);
    expect(e.reason).toBe("TOO_LARGE");
    expect(workbookErrorMessage(e, "en")).toMatch(/once decompressed/);
  });

  test("file size, checked before the file is read", async () => {
    const e = await readError(maxRows, { ...READ_LIMITS, maxFileBytes: 1000 });
    expect(e.reason).toBe("TOO_LARGE");
    expect(workbookErrorMessage(e, "vi")).toMatch(/MB, giới hạn 0 MB/);
  });

  test("the default limits leave room for the design's largest case (10,000 units × 11 columns)", () => {
    expect(READ_LIMITS.maxRowsPerSheet).toBeGreaterThanOrEqual(10 * 10_000);
    expect(READ_LIMITS.maxCells).toBeGreaterThanOrEqual(10 * 11 * 10_000);
    expect(READ_LIMITS.maxRowsPerSheet).toBeLessThan(EXCEL_ROWS);
  });
});
