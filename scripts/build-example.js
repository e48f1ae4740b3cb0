#!/usr/bin/env node
// Builds examples/hue-2022.xlsx, the project's example workbook, from the figures of Decision
// 292/QĐ-UBND (examples/hue-2022.json, copied from the decision as published, faults included):
// one sheet per appendix, laid out as the council's working sheet (criteria table with a
// two-row header, notes, ranking table, summary line). Run: node scripts/build-example.js
"use strict";
const path = require("path");
const ExcelJS = require("exceljs");

const root = path.resolve(__dirname, "..");
const data = require(path.join(root, "examples", "hue-2022.json"));

/** "45,57" → 45.57: the decision writes decimal commas. */
function num(text) {
  const n = Number(String(text).trim().replace(",", "."));
  if (!Number.isFinite(n)) throw new Error(`not a number: ${text}`);
  return n;
}

/** Number format showing as many decimals as the decision's text ("8,0" → 0.0, "45,57" → 0.00). */
function fmtOf(text) {
  const m = /[.,](\d+)$/.exec(String(text).trim());
  return m ? `0.${"0".repeat(m[1].length)}` : "0";
}

const thin = { style: "thin" };
const box = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * The workbook of a decision's data (examples/hue-2022.json's shape), as an ExcelJS workbook.
 * Tests build other years' workbooks with it (a previous year for `cqs compare`).
 */
function buildExampleWorkbook(data) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "CQS add-in example";
  wb.created = new Date(Date.UTC(2023, 0, 31));
  wb.modified = wb.created;
  for (const block of data.blocks) {
    const ws = wb.addWorksheet(block.appendix);
    ws.columns = [6, 38, 10, 10, 10, 10, 10, 11, 10, 11, 10].map((width) => ({ width }));
    let r = 1;
    ws.getCell(r++, 1).value = block.title;
    ws.getCell(r++, 1).value = block.group;
    ws.getCell(r++, 1).value = block.issued;
    ws.getRow(1).font = { bold: true };
    ws.getRow(2).font = { bold: true };
    ws.getRow(3).font = { italic: true };
    ws.getCell(r++, 1).value = block.criteriaTitle;
    const h1 = r++;
    const h2 = r++;
    ws.getCell(h1, 1).value = "STT";
    ws.getCell(h1, 2).value = "Đơn vị";
    ws.getCell(h1, 3).value = "Các tiêu chí";
    data.criteriaHeaders.forEach((h, i) => (ws.getCell(h2, 3 + i).value = h));
    ws.getCell(h2, 11).value = "Tổng cộng";
    ws.mergeCells(h1, 1, h2, 1);
    ws.mergeCells(h1, 2, h2, 2);
    ws.mergeCells(h1, 3, h1, 11);
    for (const row of [h1, h2]) {
      for (let c = 1; c <= 11; c++) {
        const cell = ws.getCell(row, c);
        cell.font = { bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        cell.border = box;
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      }
    }
    ws.getRow(h2).height = 45;
    for (const u of block.criteria) {
      const cells = [u.stt, u.unit, ...u.scores.map(num), num(u.total)];
      const fmts = ["0", "@", ...u.scores.map(fmtOf), fmtOf(u.total)];
      cells.forEach((v, i) => {
        const cell = ws.getCell(r, 1 + i);
        cell.value = v;
        cell.numFmt = fmts[i];
        cell.border = box;
        if (i !== 1) cell.alignment = { horizontal: "center" };
      });
      r++;
    }
    r++;
    ws.getCell(r++, 1).value = "Ghi chú:";
    for (const line of block.notesHeader) ws.getCell(r++, 1).value = line;
    for (const line of block.notes) ws.getCell(r++, 1).value = line;
    r++;
    ws.getCell(r++, 1).value = block.rankingTitle;
    const rh = r++;
    ["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ"].forEach((h, i) => {
      const cell = ws.getCell(rh, 1 + i);
      cell.value = h;
      cell.font = { bold: true };
      cell.alignment = { horizontal: "center" };
      cell.border = box;
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    });
    for (const u of block.ranking) {
      [u.stt, u.unit, num(u.total), u.level].forEach((v, i) => {
        const cell = ws.getCell(r, 1 + i);
        cell.value = v;
        cell.numFmt = ["0", "@", "0.00", "@"][i];
        cell.border = box;
        if (i !== 1) cell.alignment = { horizontal: "center" };
      });
      r++;
    }
    ws.getCell(r, 1).value = block.summary;
    ws.mergeCells(r, 1, r, 4);
  }
  return wb;
}

async function main() {
  const wb = buildExampleWorkbook(data);
  const out = path.join(root, "examples", "hue-2022.xlsx");
  await wb.xlsx.writeFile(out);
  process.stdout.write(`Đã ghi ${path.relative(process.cwd(), out)}\n`);
}

module.exports = { buildExampleWorkbook };

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`build-example: ${e.message}\n`);
    process.exit(1);
  });
}
