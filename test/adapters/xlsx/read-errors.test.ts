import { randomBytes } from "crypto";
import { promises as fs } from "fs";
import * as nodePath from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { WorkbookReadError, type WorkbookReadReason } from "../../../src/adapters/xlsx/errors";
import { readWorkbookFile } from "../../../src/adapters/xlsx/read";
import { workbookErrorMessage } from "../../../src/cli/text";
import { cleanup, makeTempDir } from "./helpers";

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function readError(path: string): Promise<WorkbookReadError> {
  try {
    await readWorkbookFile(path);
  } catch (e) {
    if (e instanceof WorkbookReadError) return e;
    throw new Error(`not a WorkbookReadError: ${String(e)}`);
  }
  throw new Error("read did not fail");
}

function expectOneLine(e: WorkbookReadError): void {
  for (const m of [workbookErrorMessage(e, "vi"), workbookErrorMessage(e, "en"), e.message]) {
    expect(m).not.toMatch(/\n/);
    expect(m).not.toMatch(/\bat .*:\d+:\d+/); // no stack frames
    expect(m.length).toBeGreaterThan(10);
  }
}

describe("unusable input gives a WorkbookReadError with a reason", () => {
  let dir: string;
  let validXlsx: Buffer;

  beforeAll(async () => {
    dir = await makeTempDir("errors");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    for (let r = 1; r <= 200; r++) ws.addRow([r, `Đơn vị ${r}`, r * 1.5]);
    validXlsx = Buffer.from(await wb.xlsx.writeBuffer());
  });
  afterAll(() => cleanup(dir));

  async function file(name: string, bytes: Buffer | string): Promise<string> {
    const p = nodePath.join(dir, name);
    await fs.writeFile(p, bytes);
    return p;
  }

  const cases: Array<[string, () => Promise<string>, WorkbookReadReason, RegExp | null]> = [
    ["missing file", async () => nodePath.join(dir, "khong-co.xlsx"), "NOT_FOUND", /Không tìm thấy/],
    [
      "a directory",
      async () => {
        const p = nodePath.join(dir, "thu-muc.xlsx");
        await fs.mkdir(p);
        return p;
      },
      "IS_DIRECTORY",
      /thư mục/,
    ],
    [
      "a CSV renamed .xlsx",
      () => file("csv.xlsx", "STT,Đơn vị,Tổng điểm\n1,Sở Tài chính,88.31\n"),
      "NOT_A_WORKBOOK",
      /CSV/,
    ],
    ["an empty file", () => file("empty.xlsx", Buffer.alloc(0)), "NOT_A_WORKBOOK", /rỗng/],
    [
      "random bytes",
      async () => {
        const b = randomBytes(4096);
        b[0] = 0x00; // neither "PK" nor OLE2
        return file("random.xlsx", b);
      },
      "NOT_A_WORKBOOK",
      null,
    ],
    [
      "an HTML table saved as .xls",
      () => file("web.xlsx", "<html><body><table><tr><td>1</td></tr></table></body></html>"),
      "NOT_A_WORKBOOK",
      /HTML/,
    ],
    [
      "a truncated zip",
      () => file("truncated.xlsx", validXlsx.subarray(0, Math.floor(validXlsx.length / 2))),
      "CORRUPT",
      null,
    ],
    [
      "a zip with its middle overwritten",
      async () => {
        const b = Buffer.from(validXlsx);
        b.fill(0x41, 200, Math.min(b.length - 200, 2000));
        return file("damaged.xlsx", b);
      },
      "CORRUPT",
      null,
    ],
    [
      "an old .xls (OLE2 header)",
      () => file("old.xlsx", Buffer.concat([OLE2, Buffer.alloc(1024)])),
      "LEGACY_XLS",
      /\.xls cũ/,
    ],
    [
      "a password-protected .xlsx (OLE2 with EncryptionInfo)",
      () =>
        file(
          "locked.xlsx",
          Buffer.concat([
            OLE2,
            Buffer.alloc(504),
            Buffer.from("EncryptionInfo", "utf16le"),
            Buffer.alloc(64),
            Buffer.from("EncryptedPackage", "utf16le"),
          ]),
        ),
      "ENCRYPTED",
      /mật khẩu/,
    ],
    [
      "a zip that holds no workbook",
      async () => {
        const z = new JSZip();
        z.file("readme.txt", "xin chào");
        return file("plain.xlsx", await z.generateAsync({ type: "nodebuffer" }));
      },
      "NOT_A_WORKBOOK",
      /zip/,
    ],
    [
      "a Word document renamed",
      async () => {
        const z = new JSZip();
        z.file("[Content_Types].xml", "<Types/>");
        z.file("word/document.xml", "<w:document/>");
        return file("doc.xlsx", await z.generateAsync({ type: "nodebuffer" }));
      },
      "NOT_A_WORKBOOK",
      /Word/,
    ],
  ];

  test.each(cases)("%s", async (_label, make, reason, vi) => {
    const path = await make();
    const e = await readError(path);
    expect(e.reason).toBe(reason);
    expect(e.path).toBe(path);
    expect(workbookErrorMessage(e, "vi")).toContain(path);
    if (vi) expect(workbookErrorMessage(e, "vi")).toMatch(vi);
    expectOneLine(e);
  });

  test("the valid workbook itself reads", async () => {
    const grid = await readWorkbookFile(await file("ok.xlsx", validXlsx));
    expect(grid.sheets[0]!.rows).toHaveLength(200);
  });
});
