/** What `cqs check` prints: the JSON object of DESIGN.md's contract, or a readable table. */
import { findingMessage, UI_TEXT, type Analysis, type Lang } from "../core";

export interface CheckJson {
  readonly workbook: string;
  readonly tables: Analysis["tables"];
  readonly findings: ReadonlyArray<{
    code: string;
    severity: string;
    sheet: string;
    cell: string;
    unit?: string;
    params: Readonly<Record<string, string>>;
    message: string;
  }>;
  readonly summary: Analysis["summary"];
}

export function checkJson(analysis: Analysis, workbook: string, lang: Lang): CheckJson {
  return {
    workbook,
    tables: analysis.tables,
    findings: analysis.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      ...(f.unit !== undefined ? { unit: f.unit } : {}),
      params: f.params,
      message: findingMessage(f, lang),
    })),
    summary: analysis.summary,
  };
}

/**
 * Terminal control characters (C0 and C1 controls, DEL) and bidirectional overrides, which a cell
 * may hold (an .xlsx escapes them as `_x001B_`): printed, they could recolour, erase or reorder
 * what the report shows. Tabs and line breaks inside a value become spaces.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const UNPRINTABLE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const HAS_UNPRINTABLE = new RegExp(UNPRINTABLE.source);

function printableLine(line: string): string {
  return line.replace(UNPRINTABLE, (c) =>
    c === "\t" || c === "\r" ? " " : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

/**
 * Text safe to print: each line keeps its break, anything else that drives a terminal is shown as
 * `\uXXXX` (inside JSON strings that is the same character, so JSON output stays equivalent).
 */
export function printableLines(text: string): string {
  return HAS_UNPRINTABLE.test(text) ? text.split("\n").map(printableLine).join("\n") : text;
}

/** Display width of a string (combining marks take no column). */
function width(s: string): number {
  return s.normalize("NFC").replace(/[\u0300-\u036f]/g, "").length;
}

function padEnd(s: string, w: number): string {
  return s + " ".repeat(Math.max(0, w - width(s)));
}

function table(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, Math.min(width(c), 40))));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : padEnd(c, widths[i]!)))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

const WORDS = {
  vi: {
    workbook: "Sổ tính",
    tables: "Bảng tìm thấy",
    criteria: "bảng điểm tiêu chí",
    ranking: "bảng xếp hạng",
    results: "bảng tự mô tả (tối đa, thực hiện, tỷ lệ, quy đổi)",
    ranks: "bảng chỉ có thứ hạng và tổng điểm",
    units: "đơn vị",
    head: ["Mức", "Ô", "Đơn vị", "Nội dung"],
    none: "Không có phát hiện nào.",
    total: (e: number, w: number, i: number) => `Tổng cộng: ${e} lỗi, ${w} cảnh báo, ${i} thông tin`,
  },
  en: {
    workbook: "Workbook",
    tables: "Tables found",
    criteria: "criteria table",
    ranking: "ranking table",
    results: "self-describing table (max, points, percent, converted)",
    ranks: "rank-only table",
    units: "units",
    head: ["Severity", "Cell", "Unit", "Message"],
    none: "No findings.",
    total: (e: number, w: number, i: number) => `Total: ${e} errors, ${w} warnings, ${i} info`,
  },
} as const;

export function checkText(analysis: Analysis, workbook: string, lang: Lang): string {
  const w = WORDS[lang];
  const lines: string[] = [`${w.workbook}: ${workbook}`, `${w.tables}:`];
  for (const t of analysis.tables) {
    lines.push(`  ${t.sheet}!${t.range}  ${w[t.kind]}, ${t.units} ${w.units}`);
  }
  lines.push("");
  if (analysis.findings.length === 0) lines.push(w.none);
  else {
    // One finding per line: a line break inside a cell's value is shown as a space.
    const oneLine = (t: string): string => t.replace(/[\r\n]+/g, " ");
    const rows = analysis.findings.map((f) => [
      UI_TEXT[lang].severity[f.severity],
      oneLine(`${f.sheet}!${f.cell}`),
      oneLine(f.unit ?? ""),
      oneLine(findingMessage(f, lang)),
    ]);
    lines.push(table([w.head as unknown as string[], ...rows]));
  }
  const s = analysis.summary;
  lines.push("", w.total(s.error, s.warning, s.info));
  return lines.join("\n");
}
