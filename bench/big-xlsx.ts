/** A large .xlsx written directly as SpreadsheetML, for the benchmark (ExcelJS takes ~8 s to write one of 100,000 rows). */
import JSZip from "jszip";
export async function bigWorkbook(rows: number): Promise<Buffer> {
  const strings: string[] = ["KẾT QUẢ"];
  const sheetRows: string[] = ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'];
  for (let i = 0; i < rows; i++) {
    const r = i + 2;
    const scores = [8, 5, 10, 40 + (i % 12), 5, 12, 6, 2];
    strings.push(`Đơn vị số ${i + 1}`);
    let row = `<row r="${r}"><c r="A${r}"><v>${i + 1}</v></c><c r="B${r}" t="s"><v>${strings.length - 1}</v></c>`;
    scores.forEach((v, k) => {
      row += `<c r="${String.fromCharCode(67 + k)}${r}"><v>${v}</v></c>`;
    });
    const total = scores.reduce((a, b) => a + b, 0);
    row += `<c r="K${r}"${i % 7 === 0 ? ' s="1"' : ""}><f>SUM(C${r}:J${r})</f><v>${total}</v></c></row>`;
    sheetRows.push(row);
  }
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
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
      '<sheet name="Lớn" sheetId="1" r:id="rId1"/></sheets></workbook>',
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
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${ns}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00"/></numFmts>` +
      '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${strings.length}" uniqueCount="${strings.length}">` +
      strings.map((t) => `<si><t>${t}</t></si>`).join("") +
      "</sst>",
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${sheetRows.join("")}</sheetData>` +
      '<mergeCells count="1"><mergeCell ref="A1:K1"/></mergeCells></worksheet>',
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
