/**
 * A large .xlsx written directly as SpreadsheetML, for the benchmark (ExcelJS takes ~8 s to write
 * one of 100,000 rows): one sheet from a cell grid, with shared strings, number formats, formulas
 * with their stored results, and merges.
 */
import JSZip from "jszip";
import type { CellRange, SheetGrid } from "../src/core/grid";
import { appendixSheet } from "./workload";

const BUILTIN_FORMATS: Readonly<Record<string, number>> = { General: 0, "0": 1, "0.00": 2, "@": 49 };

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function columnLetters(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function ref(r: CellRange): string {
  return `${columnLetters(r.left)}${r.top + 1}:${columnLetters(r.right)}${r.bottom + 1}`;
}

/** The .xlsx bytes of one sheet (numbers, text, formulas with results; no booleans, dates or errors). */
export async function gridXlsx(sheet: SheetGrid): Promise<Buffer> {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const formats: string[] = ["General"];
  const formatIndex = new Map<string, number>([["General", 0]]);
  const styleOf = (fmt: string | undefined): number => {
    const f = fmt ?? "General";
    let i = formatIndex.get(f);
    if (i === undefined) {
      i = formats.length;
      formats.push(f);
      formatIndex.set(f, i);
    }
    return i;
  };
  const out: string[] = [];
  sheet.rows.forEach((row, r) => {
    if (!row || row.length === 0) return;
    let xml = `<row r="${r + 1}">`;
    row.forEach((cell, c) => {
      if (!cell || (cell.v === null && !cell.f)) return;
      const at = `${columnLetters(c)}${r + 1}`;
      const s = styleOf(cell.fmt);
      const style = s === 0 ? "" : ` s="${s}"`;
      const f = cell.f ? `<f>${escapeXml(cell.f)}</f>` : "";
      if (typeof cell.v === "number") xml += `<c r="${at}"${style}>${f}<v>${cell.v}</v></c>`;
      else if (typeof cell.v === "string") {
        let i = stringIndex.get(cell.v);
        if (i === undefined) {
          i = strings.length;
          strings.push(cell.v);
          stringIndex.set(cell.v, i);
        }
        xml += `<c r="${at}"${style} t="s">${f}<v>${i}</v></c>`;
      } else xml += `<c r="${at}"${style}>${f}</c>`;
    });
    out.push(xml + "</row>");
  });
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const custom = formats
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => BUILTIN_FORMATS[f] === undefined)
    .map(({ f, i }) => ({ f, id: 164 + i }));
  const fmtId = (f: string): number => BUILTIN_FORMATS[f] ?? custom.find((x) => x.f === f)!.id;
  const merges = sheet.merges ?? [];
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      "</Types>",
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets>` +
      `<sheet name="${escapeXml(sheet.name)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId3" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}>` +
      (custom.length > 0
        ? `<numFmts count="${custom.length}">` +
          custom.map((x) => `<numFmt numFmtId="${x.id}" formatCode="${escapeXml(x.f)}"/>`).join("") +
          "</numFmts>"
        : "") +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${formats.length}">` +
      formats
        .map(
          (f) =>
            `<xf numFmtId="${fmtId(f)}" fontId="0" fillId="0" borderId="0" xfId="0"${f === "General" ? "" : ' applyNumberFormat="1"'}/>`,
        )
        .join("") +
      "</cellXfs></styleSheet>",
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`).join("") +
      "</sst>",
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${out.join("")}</sheetData>` +
      (merges.length > 0
        ? `<mergeCells count="${merges.length}">` +
          merges.map((m) => `<mergeCell ref="${ref(m)}"/>`).join("") +
          "</mergeCells>"
        : "") +
      "</worksheet>",
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The benchmark's appendix of `units` units as an .xlsx. */
export async function bigWorkbook(units: number): Promise<Buffer> {
  return gridXlsx(appendixSheet(units).sheet);
}
