import JSZip from "jszip";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { analyzeWorkbook, DEFAULT_FRAMEWORK } from "../../src/core";
import { appendixDocxBytes, docxFileName } from "../../src/taskpane/exportWord";
import { downloadsBlockedSafe } from "../../src/taskpane/platform";
import { EXAMPLE } from "../adapters/office/helpers";

describe("the pane's Word export", () => {
  it("names the file after the workbook", () => {
    expect(docxFileName("Báo cáo 2022.xlsx", "vi")).toBe("Báo cáo 2022 - phụ lục.docx");
    expect(docxFileName("report.XLSM", "en")).toBe("report - appendix.docx");
    expect(docxFileName(".xlsx", "vi")).toBe("CQS - phụ lục.docx");
  });

  it("builds the same document as cqs export: one table per appendix", async () => {
    const analysis = analyzeWorkbook(await readWorkbookFile(EXAMPLE), DEFAULT_FRAMEWORK);
    const zip = await JSZip.loadAsync(await appendixDocxBytes(analysis, "vi"));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2);
    expect(xml).toContain("Sở Giáo dục và Đào tạo");
    expect(xml).toContain("96,77");
  });
});

describe("downloadsBlockedSafe", () => {
  it.each([
    [{ Office: { context: { diagnostics: { platform: "Mac" } } } }, true],
    [{ Office: { context: { diagnostics: { platform: "PC" } } } }, false],
    [{ Office: { context: { diagnostics: { platform: "OfficeOnline" } } } }, false],
    [{}, false],
  ])("%j → %s", (globals, blocked) => expect(downloadsBlockedSafe(globals)).toBe(blocked));

  it("never throws", () => {
    const hostile = {
      get Office(): never {
        throw new Error("no Office");
      },
    };
    expect(downloadsBlockedSafe(hostile)).toBe(false);
  });
});
