/**
 * The findings written out for the council: a findings sheet (the pane's "Ghi kết quả kiểm tra ra
 * trang mới", `cqs check --out findings.xlsx`) and CSV (`--format csv`). One plan for both.
 */
import type { Analysis } from "./analyze";
import type { Finding } from "./findings";
import { findingMessage, UI_TEXT, type Lang } from "./messages";
import { quoteSheetName } from "./own";
import { cellsSpan } from "./fixes";
import { freeSheetName, HEADER_FILL, sheetRows } from "./plan";
import { decree30Print, type PlannedCell, type PlannedSheet } from "./writes";

export const FINDINGS_TEXT = {
  vi: {
    sheet: "Kết quả kiểm tra",
    title: "KẾT QUẢ KIỂM TRA BẢNG ĐIỂM MỨC ĐỘ CHÍNH QUYỀN SỐ",
    workbook: (name: string) => `Sổ tính: ${name}`,
    summary: (e: number, w: number, i: number) => `${e} lỗi, ${w} cảnh báo, ${i} thông tin.`,
    none: "Không có phát hiện nào.",
    header: ["STT", "Mức", "Ô", "Đơn vị", "Nội dung", "Mã"],
  },
  en: {
    sheet: "Check results",
    title: "CHECK OF THE DIGITAL GOVERNMENT SCORE SHEET",
    workbook: (name: string) => `Workbook: ${name}`,
    summary: (e: number, w: number, i: number) => `${e} error(s), ${w} warning(s), ${i} info.`,
    none: "Nothing found.",
    header: ["No.", "Severity", "Cell", "Unit", "Message", "Code"],
  },
} as const;

/** Where a finding points, as a reference a link can follow: 'Phụ lục I'!K18. */
export function findingReference(f: Pick<Finding, "sheet" | "cell">): string {
  return `${quoteSheetName(f.sheet)}!${f.cell}`;
}

/** Plans the findings sheet: one row per finding (cell link, severity, unit, message, code). */
export function planFindingsSheet(
  analysis: Pick<Analysis, "workbook" | "findings" | "summary">,
  existingSheetNames: ReadonlyArray<string>,
  lang: Lang = "vi",
): PlannedSheet {
  const w = FINDINGS_TEXT[lang];
  const width = w.header.length;
  const sheet = sheetRows(width);
  const { rows, merges, heights } = sheet;
  const line = (v: string, extra: Omit<PlannedCell, "v">): void => sheet.line({ v, ...extra });
  line(w.title, { bold: true, align: "center" });
  line(w.workbook(analysis.workbook), { italic: true, align: "center" });
  const s = analysis.summary;
  line(analysis.findings.length === 0 ? w.none : w.summary(s.error, s.warning, s.info), { align: "center" });
  sheet.blank();
  const headerRow = rows.length;
  sheet.row(
    w.header.map((h) => ({ v: h, bold: true, align: "center", border: true, fill: HEADER_FILL, wrap: true })),
  );
  const severity = UI_TEXT[lang].severity;
  analysis.findings.forEach((f, k) => {
    sheet.row([
      { v: k + 1, fmt: "0", align: "center", border: true, valign: "top" },
      { v: severity[f.severity], border: true, valign: "top" },
      { v: `${f.sheet}!${f.cell}`, link: findingReference(f), border: true, valign: "top" },
      { v: f.unit ?? "", border: true, wrap: true, valign: "top" },
      { v: findingMessage(f, lang), border: true, wrap: true, valign: "top" },
      { v: f.code, border: true, valign: "top" },
    ]);
  });
  return {
    name: freeSheetName(w.sheet, existingSheetNames),
    rows,
    merges,
    columnWidths: [6, 10, 18, 28, 50, 22],
    freezeRows: headerRow + 1,
    rowHeights: heights,
    print: decree30Print(headerRow, rows.length, width),
    own: "findings",
  };
}

/** The CSV columns, in order (DESIGN.md). */
export const FINDINGS_CSV_COLUMNS = ["severity", "code", "sheet", "cell", "unit", "message"] as const;

/**
 * A CSV field: quoted when it holds `;`, a quote or a line break. A field Excel would run as a
 * formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The findings as CSV for Excel in Vietnamese: UTF-8 with a byte-order mark, `;` between fields,
 * CRLF line ends, columns severity;code;sheet;cell;unit;message.
 */
export function findingsCsv(findings: ReadonlyArray<Finding>, lang: Lang = "vi"): string {
  const lines = [FINDINGS_CSV_COLUMNS.join(";")];
  for (const f of findings) {
    lines.push(
      [f.severity, f.code, f.sheet, f.cell, f.unit ?? "", findingMessage(f, lang)].map(csvField).join(";"),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** Findings of one code on one sheet: one line in the pane, its cells expandable. */
export interface FindingGroup {
  /** Stable key: code and sheet. */
  readonly key: string;
  readonly code: Finding["code"];
  readonly severity: Finding["severity"];
  readonly sheet: string;
  readonly findings: ReadonlyArray<Finding>;
  /** The smallest range covering the cells ("Phụ lục II!C7:K15"), or the one cell. */
  readonly span: string;
}

/**
 * Groups findings by code and sheet, in the order their first finding comes. Groups smaller than
 * `minimum` are split back into findings on their own (a group of one each).
 */
export function groupFindings(findings: ReadonlyArray<Finding>, minimum = 2): FindingGroup[] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.code}|${f.sheet}`;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const group = (key: string, list: Finding[]): FindingGroup => ({
    key,
    code: list[0]!.code,
    severity: list[0]!.severity,
    sheet: list[0]!.sheet,
    findings: list,
    span: cellsSpan(list),
  });
  const out: FindingGroup[] = [];
  for (const [key, list] of groups) {
    if (list.length >= minimum) out.push(group(key, list));
    else for (const f of list) out.push(group(`${key}|${f.cell}`, [f]));
  }
  return out;
}
