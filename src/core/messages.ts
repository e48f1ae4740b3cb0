/**
 * Message tables, one per language (Vietnamese first). Typed by finding code, so a missing
 * message is a compile error. Numbers are shown the way each language writes them.
 */
import type { Finding, FindingCode, Severity } from "./findings";
import type { Level } from "./framework";

export type Lang = "vi" | "en";
export const LANGS: ReadonlyArray<Lang> = ["vi", "en"];

/** "88.30" → "88,30" in Vietnamese; English keeps the point. */
export function localNumber(text: string, lang: Lang): string {
  return lang === "vi" ? text.replace(/^(-?\d+)\.(\d+)$/, "$1,$2") : text;
}

type MessageTable = Readonly<
  Record<FindingCode, (p: Readonly<Record<string, string>>, f: Finding) => string>
>;

const MAX_SOURCE_VI: Readonly<Record<string, string>> = {
  column: "cột điểm tối đa",
  note: "ghi chú",
  settings: "thiết lập",
};
const MAX_SOURCE_EN: Readonly<Record<string, string>> = {
  column: "the max-points column",
  note: "a note",
  settings: "the settings",
};
const WHAT_EN: Readonly<Record<string, string>> = { "Tổng điểm": "total", "Điểm tối đa": "max points" };

const vi: MessageTable = {
  TOTAL_MISMATCH: (p) =>
    `Tổng ghi ${localNumber(p.actual!, "vi")} ≠ tính lại ${localNumber(p.expected!, "vi")}`,
  SCORE_ABOVE_MAX: (p) =>
    `Điểm "${p.what}" ${localNumber(p.value!, "vi")} vượt điểm tối đa ${localNumber(p.max!, "vi")}`,
  SCORE_NEGATIVE: (p) => `Điểm "${p.what}" âm: ${localNumber(p.value!, "vi")}`,
  NOT_A_NUMBER: (p) => `Ô "${p.what}" không phải là số: "${p.value}"`,
  MISSING_SCORE: (p) => `Thiếu điểm "${p.what}" (ô trống)`,
  DUPLICATE_UNIT: (p) => `Đơn vị bị lặp lại (đã có ở ô ${p.firstCell})`,
  UNIT_NOT_MATCHED: (p) =>
    p.table === "criteria"
      ? `Đơn vị không có trong bảng xếp hạng (${p.otherSheet}!${p.otherRange})`
      : `Đơn vị không có trong bảng điểm tiêu chí (${p.otherSheet}!${p.otherRange})`,
  RANKING_TOTAL_MISMATCH: (p) =>
    `Tổng điểm ở bảng xếp hạng ${localNumber(p.actual!, "vi")} ≠ bảng tiêu chí ${localNumber(p.expected!, "vi")}`,
  LEVEL_MISMATCH: (p) =>
    `Mức độ ghi "${p.actual}" nhưng tổng điểm ${localNumber(p.total!, "vi")} đạt mức ${p.expected}`,
  SUMMARY_COUNT_MISMATCH: (p) => `Dòng tổng hợp ghi ${p.actual}; đếm lại được ${p.expected}`,
  HARDCODED_TOTAL: () => "Tổng điểm gõ tay trong cột mà phần lớn là công thức",
  UNCALCULATED_FORMULA: (p) => `Công thức chưa được tính (không có kết quả lưu trong tệp): =${p.formula}`,
  TEXT_NUMBER: (p) => `Số lưu dạng văn bản (vẫn được đọc là ${localNumber(p.value!, "vi")})`,
  NAME_VARIANT: (p) =>
    p.encoding
      ? `Tên viết bằng bảng mã ${p.encoding} cũ, đọc là "${p.unicode}": "${p.rankingName}" / "${p.criteriaName}" (đã ghép)`
      : `Tên khác với bảng tiêu chí: "${p.rankingName}" / "${p.criteriaName}" (đã ghép)`,
  REDUCED_MAX: (p) =>
    `Điểm tối đa ${localNumber(p.max!, "vi")} (theo ${MAX_SOURCE_VI[p.source!] ?? p.source}): tổng quy về thang 100`,
};

const en: MessageTable = {
  TOTAL_MISMATCH: (p) => `Typed total ${p.actual} ≠ recomputed ${p.expected}`,
  SCORE_ABOVE_MAX: (p) => `Score "${p.what}" ${p.value} is above its max ${p.max}`,
  SCORE_NEGATIVE: (p) => `Score "${p.what}" is negative: ${p.value}`,
  NOT_A_NUMBER: (p) => `"${WHAT_EN[p.what!] ?? p.what}" is not a number: "${p.value}"`,
  MISSING_SCORE: (p) => `Missing "${WHAT_EN[p.what!] ?? p.what}" (empty cell)`,
  DUPLICATE_UNIT: (p) => `Unit listed twice (first at ${p.firstCell})`,
  UNIT_NOT_MATCHED: (p) =>
    p.table === "criteria"
      ? `Unit missing from the ranking table (${p.otherSheet}!${p.otherRange})`
      : `Unit missing from the criteria table (${p.otherSheet}!${p.otherRange})`,
  RANKING_TOTAL_MISMATCH: (p) => `Ranking-table total ${p.actual} ≠ criteria-table total ${p.expected}`,
  LEVEL_MISMATCH: (p) => `Level "${p.actual}" but the total ${p.total} earns level ${p.expected}`,
  SUMMARY_COUNT_MISMATCH: (p) => `Summary line says ${p.actual}; recounted ${p.expected}`,
  HARDCODED_TOTAL: () => "Typed total in a column where most totals are formulas",
  UNCALCULATED_FORMULA: (p) => `Formula not calculated (no stored result): =${p.formula}`,
  TEXT_NUMBER: (p) => `Number stored as text (read as ${p.value})`,
  NAME_VARIANT: (p) =>
    p.encoding
      ? `Name in the old ${p.encoding} encoding, read as "${p.unicode}": "${p.rankingName}" / "${p.criteriaName}" (matched)`
      : `Name differs from the criteria table: "${p.rankingName}" / "${p.criteriaName}" (matched)`,
  REDUCED_MAX: (p) =>
    `Max points ${p.max} (from ${MAX_SOURCE_EN[p.source!] ?? p.source}): total brought to 100`,
};

const TABLES: Readonly<Record<Lang, MessageTable>> = { vi, en };

/**
 * Longest value shown inside a message: a unit's name has under 100 characters, but a cell may hold
 * 32,767 (a pasted text, a formula). The finding's params keep the whole value.
 */
export const MAX_SHOWN_PARAM = 120;

/** A value cut to MAX_SHOWN_PARAM characters with "…" (never between the halves of a surrogate pair). */
export function clipShown(value: string): string {
  if (value.length <= MAX_SHOWN_PARAM) return value;
  let end = MAX_SHOWN_PARAM - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** The message of a finding in a language. */
export function findingMessage(f: Finding, lang: Lang = "vi"): string {
  let params = f.params;
  for (const key in params) {
    if (params[key]!.length > MAX_SHOWN_PARAM) {
      const clipped: Record<string, string> = {};
      for (const k in params) clipped[k] = clipShown(params[k]!);
      params = clipped;
      break;
    }
  }
  return TABLES[lang][f.code](params, f);
}

/** Interface words shared by the CLI and the pane. */
export const UI_TEXT = {
  vi: {
    severity: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" } as Record<Severity, string>,
    stt: "STT",
    unit: "Đơn vị",
    total: "Tổng điểm",
    level: "Mức độ",
    rank: "Thứ hạng",
    rankingTitle: "XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN SỐ",
    rankingSheet: "Xếp hạng",
    noTotal: "chưa tính được tổng",
  },
  en: {
    severity: { error: "Error", warning: "Warning", info: "Info" } as Record<Severity, string>,
    stt: "No.",
    unit: "Unit",
    total: "Total",
    level: "Level",
    rank: "Rank",
    rankingTitle: "DIGITAL GOVERNMENT LEVEL RANKING",
    rankingSheet: "Ranking",
    noTotal: "no total",
  },
} as const;

/**
 * The summary line of level counts in the decision's wording:
 * "- Số đơn vị đạt mức độ I: 18 - Số đơn vị đạt mức độ II: 2 - Số đơn vị đạt mức độ III, IV: 0".
 * With `groups` (the source's own summary line, e.g. [[I], [II], [III, IV]]) the levels are
 * grouped as the source groups them, and a level it leaves out is added when units reach it;
 * without, levels III and IV share one part when both are 0, as the decision writes them.
 */
export function levelCountsLine(
  counts: Readonly<Record<Level, number>>,
  lang: Lang = "vi",
  groups?: ReadonlyArray<ReadonlyArray<Level>>,
): string {
  let parts: Array<[string, number]>;
  if (groups && groups.length > 0) {
    const seen = new Set<Level>();
    parts = [];
    for (const g of groups) {
      const levels = g.filter((l) => !seen.has(l));
      if (levels.length === 0) continue;
      for (const l of levels) seen.add(l);
      parts.push([levels.join(", "), levels.reduce((n, l) => n + counts[l], 0)]);
    }
    for (const l of ["I", "II", "III", "IV"] as const)
      if (!seen.has(l) && counts[l] > 0) parts.push([l, counts[l]]);
  } else {
    parts = [
      ["I", counts.I],
      ["II", counts.II],
    ];
    if (counts.III === 0 && counts.IV === 0) parts.push(["III, IV", 0]);
    else parts.push(["III", counts.III], ["IV", counts.IV]);
  }
  const label = lang === "vi" ? "Số đơn vị đạt mức độ" : "Units at level";
  return parts.map(([l, n]) => `- ${label} ${l}: ${n}`).join(" ");
}

/** Words of the ranking sheet (the decision's appendix) and of the findings sheet. */
export const APPENDIX_TEXT = {
  vi: {
    header: { stt: "STT", unit: "Đơn vị", total: "TỔNG ĐIỂM", level: "MỨC ĐỘ", rank: "Thứ hạng" },
    fallbackTitle: "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN SỐ",
    notes: "Ghi chú:",
    changedComment: (typed: string, recomputed: string) => `Bảng điểm ghi ${typed}; tính lại ${recomputed}`,
    changedLine: (unit: string, typed: string, recomputed: string, at: string) =>
      `- ${unit}: bảng điểm ghi ${typed}; tính lại ${recomputed} (${at}).`,
    unknownLine: (unit: string, reasons: string) =>
      `- ${unit}: không tính được tổng điểm nên không xếp mức độ và không tính vào số đơn vị đạt các mức độ — ${reasons}.`,
    frameworkLine: (
      name: string,
      source: string,
      decimals: number,
      t: Readonly<Record<"I" | "II" | "III", string>>,
    ) =>
      `- Tính theo bộ tiêu chí "${name}"${source ? ` (${source})` : ""}: tổng điểm = (tổng điểm các tiêu chí × 100) / điểm tối đa, ` +
      `làm tròn ${decimals} chữ số thập phân; mức độ I: từ ${t.I} điểm; mức độ II: từ ${t.II} đến dưới ${t.I}; ` +
      `mức độ III: từ ${t.III} đến dưới ${t.II}; mức độ IV: dưới ${t.III}.`,
    rankLine:
      "- Thứ hạng theo tổng điểm giảm dần; các đơn vị bằng điểm cùng hạng, hạng kế tiếp bỏ qua (1, 2, 2, 4).",
  },
  en: {
    header: { stt: "No.", unit: "Unit", total: "TOTAL", level: "LEVEL", rank: "Rank" },
    fallbackTitle: "DIGITAL GOVERNMENT LEVEL ASSESSMENT AND RANKING",
    notes: "Notes:",
    changedComment: (typed: string, recomputed: string) =>
      `The score sheet says ${typed}; recomputed ${recomputed}`,
    changedLine: (unit: string, typed: string, recomputed: string, at: string) =>
      `- ${unit}: the score sheet says ${typed}; recomputed ${recomputed} (${at}).`,
    unknownLine: (unit: string, reasons: string) =>
      `- ${unit}: no total can be computed, so no level, and not counted in the level counts — ${reasons}.`,
    frameworkLine: (
      name: string,
      source: string,
      decimals: number,
      t: Readonly<Record<"I" | "II" | "III", string>>,
    ) =>
      `- Framework "${name}"${source ? ` (${source})` : ""}: total = (sum of criterion scores × 100) / max points, ` +
      `rounded half up to ${decimals} decimals; level I: ${t.I} and above; level II: ${t.II} to below ${t.I}; ` +
      `level III: ${t.III} to below ${t.II}; level IV: below ${t.III}.`,
    rankLine:
      "- Ranked by total, descending; equal totals share a rank and the next rank is skipped (1, 2, 2, 4).",
  },
} as const;
