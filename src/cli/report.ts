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
    lines.push(
      `  ${t.sheet}!${t.range}  ${t.kind === "criteria" ? w.criteria : w.ranking}, ${t.units} ${w.units}`,
    );
  }
  lines.push("");
  if (analysis.findings.length === 0) lines.push(w.none);
  else {
    const rows = analysis.findings.map((f) => [
      UI_TEXT[lang].severity[f.severity],
      `${f.sheet}!${f.cell}`,
      f.unit ?? "",
      findingMessage(f, lang),
    ]);
    lines.push(table([w.head as unknown as string[], ...rows]));
  }
  const s = analysis.summary;
  lines.push("", w.total(s.error, s.warning, s.info));
  return lines.join("\n");
}
