/**
 * Message tables, one per language (Vietnamese first). Typed by finding code, so a missing
 * message is a compile error. Numbers are shown the way each language writes them.
 */
import type { Finding, FindingCode, FindingParams, FindingParamsOf, Severity } from "./findings";
import type { Level } from "./framework";
import type { LevelCount } from "./scoring";

export type Lang = "vi" | "en";
export const LANGS: ReadonlyArray<Lang> = ["vi", "en"];

/** Beyond 15 integer digits no score or total is plausible, and its digits are not worth reading. */
const IMPLAUSIBLE_DIGITS = 15;

/**
 * "88.30" → "88,30" in Vietnamese; English keeps the point. A number with more than 15 integer
 * digits (9e307 typed in a score cell) is shown in exponent form, saying it is implausibly large.
 */
export function localNumber(text: string, lang: Lang): string {
  const int = /^-?(\d+)(?:\.\d+)?$/.exec(text)?.[1] ?? "";
  if (int.length > IMPLAUSIBLE_DIGITS) {
    const short = Number(text).toExponential(2).replace("+", "");
    return lang === "vi" ? `${short.replace(".", ",")} (lớn bất thường)` : `${short} (implausibly large)`;
  }
  return lang === "vi" ? text.replace(/^(-?\d+)\.(\d+)$/, "$1,$2") : text;
}

/** A number param: digits with an optional sign and decimals (never clipped: localNumber shortens it). */
const NUMBER_PARAM = /^-?\d+(?:\.\d+)?$/;

/** A message per finding code, each reading the parameters its code carries (findings.ts). */
type MessageTable = {
  readonly [C in FindingCode]: (p: FindingParamsOf<C>, f: Finding) => string;
};

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
const WHAT_EN: Readonly<Record<string, string>> = {
  "Tổng điểm": "total",
  "Điểm tối đa": "max points",
  "Số điểm không đưa vào đánh giá": "points not assessed",
  "Số điểm tối đa cần thực hiện": "max to do",
  "Số điểm thực hiện": "points",
  "Tỷ lệ": "percentage",
};
const KIND_VI: Readonly<Record<string, string>> = {
  criteria: "bảng điểm tiêu chí",
  results: "bảng tự mô tả",
  ranks: "bảng chỉ có thứ hạng",
};
const KIND_EN: Readonly<Record<string, string>> = {
  criteria: "criteria table",
  results: "self-describing table",
  ranks: "rank-only table",
};

const vi: MessageTable = {
  TOTAL_MISMATCH: (p) =>
    `Tổng ghi ${localNumber(p.actual, "vi")} ≠ tính lại ${localNumber(p.expected, "vi")}`,
  SCORE_ABOVE_MAX: (p) =>
    `Điểm "${p.what}" ${localNumber(p.value, "vi")} vượt điểm tối đa ${localNumber(p.max, "vi")}`,
  SCORE_NEGATIVE: (p) => `Điểm "${p.what}" âm: ${localNumber(p.value, "vi")}`,
  NOT_A_NUMBER: (p) => `Ô "${p.what}" không phải là số: "${p.value}"`,
  MISSING_SCORE: (p) => `Thiếu điểm "${p.what}" (ô trống)`,
  DUPLICATE_UNIT: (p) => `Đơn vị bị lặp lại (đã có ở ô ${p.firstCell})`,
  UNIT_NOT_MATCHED: (p) =>
    p.table === "criteria"
      ? `Đơn vị không có trong bảng xếp hạng (${p.otherSheet}!${p.otherRange})`
      : `Đơn vị không có trong bảng điểm tiêu chí (${p.otherSheet}!${p.otherRange})`,
  RANKING_TOTAL_MISMATCH: (p) =>
    `Tổng điểm ở bảng xếp hạng ${localNumber(p.actual, "vi")} ≠ bảng tiêu chí ${localNumber(p.expected, "vi")}`,
  LEVEL_MISMATCH: (p) =>
    `Mức độ ghi "${p.actual}" nhưng tổng điểm ${localNumber(p.total, "vi")} đạt mức ${p.expected}`,
  SUMMARY_COUNT_MISMATCH: (p) => `Dòng tổng hợp ghi ${p.actual}; đếm lại được ${p.expected}`,
  HARDCODED_TOTAL: () => "Tổng điểm gõ tay trong cột mà phần lớn là công thức",
  UNCALCULATED_FORMULA: (p) => `Công thức chưa được tính (không có kết quả lưu trong tệp): =${p.formula}`,
  TEXT_NUMBER: (p) => `Số lưu dạng văn bản (vẫn được đọc là ${localNumber(p.value, "vi")})`,
  NAME_VARIANT: (p) =>
    p.encoding
      ? `Tên viết bằng bảng mã ${p.encoding} cũ, đọc là "${p.unicode}": "${p.rankingName}" / "${p.criteriaName}" (đã ghép)`
      : `Tên khác với bảng tiêu chí: "${p.rankingName}" / "${p.criteriaName}" (đã ghép)`,
  REDUCED_MAX: (p) =>
    `Điểm tối đa ${localNumber(p.max, "vi")} (theo ${MAX_SOURCE_VI[p.source] ?? p.source}): tổng quy về thang ${localNumber(p.scale ?? "100", "vi")}`,
  RANK_MISMATCH: (p) =>
    `Thứ hạng ghi ${p.actual} nhưng tổng điểm ${localNumber(p.total, "vi")} xếp hạng ${p.expected}`,
  PERCENT_MISMATCH: (p) =>
    `Tỷ lệ ghi ${localNumber(p.actual, "vi")} % ≠ tính lại ${localNumber(p.expected, "vi")} % (${localNumber(p.points, "vi")} / ${localNumber(p.max, "vi")})`,
  MAX_MISMATCH: (p) =>
    `Số điểm tối đa cần thực hiện ghi ${localNumber(p.actual, "vi")} ≠ ${localNumber(p.scale, "vi")} − ${localNumber(p.notAssessed, "vi")} = ${localNumber(p.expected, "vi")}`,
  GROUP_TOTAL_MISMATCH: (p) =>
    `Điểm nhóm "${p.group}" ghi ${localNumber(p.actual, "vi")} ≠ tổng các tiêu chí thành phần ${localNumber(p.expected, "vi")}`,
  LEVEL_ORDER: (p) =>
    `Mức "${p.level}" với tổng điểm ${localNumber(p.total, "vi")} cao hơn mức "${p.otherLevel}" của ${p.otherUnit} (${localNumber(p.otherTotal, "vi")} điểm)`,
  CRITERIA_MISSING: (p) => `Bảng thiếu tiêu chí của bộ "${p.framework}": ${p.missing}`,
  ROUNDED_TOTAL: (p) =>
    `Tổng ghi ${localNumber(p.actual, "vi")}, tính lại từ các chỉ số đã làm tròn ${p.digits} chữ số được ${localNumber(p.expected, "vi")}: chênh lệch do làm tròn khi công bố, chấp nhận`,
  EXTRA_COLUMN: (p) => `Cột "${p.header}" không thuộc bộ tiêu chí: không tính vào tổng`,
  FRAMEWORK_FROM_SHEET: (p) =>
    `Kiểm tra theo bộ tiêu chí suy ra từ bảng (${KIND_VI[p.kind] ?? p.kind}, thang ${localNumber(p.scale, "vi")}, ${p.decimals} chữ số thập phân)`,
};

const en: MessageTable = {
  TOTAL_MISMATCH: (p) =>
    `Typed total ${localNumber(p.actual, "en")} ≠ recomputed ${localNumber(p.expected, "en")}`,
  SCORE_ABOVE_MAX: (p) => `Score "${p.what}" ${localNumber(p.value, "en")} is above its max ${p.max}`,
  SCORE_NEGATIVE: (p) => `Score "${p.what}" is negative: ${localNumber(p.value, "en")}`,
  NOT_A_NUMBER: (p) => `"${WHAT_EN[p.what] ?? p.what}" is not a number: "${p.value}"`,
  MISSING_SCORE: (p) => `Missing "${WHAT_EN[p.what] ?? p.what}" (empty cell)`,
  DUPLICATE_UNIT: (p) => `Unit listed twice (first at ${p.firstCell})`,
  UNIT_NOT_MATCHED: (p) =>
    p.table === "criteria"
      ? `Unit missing from the ranking table (${p.otherSheet}!${p.otherRange})`
      : `Unit missing from the criteria table (${p.otherSheet}!${p.otherRange})`,
  RANKING_TOTAL_MISMATCH: (p) =>
    `Ranking-table total ${localNumber(p.actual, "en")} ≠ criteria-table total ${localNumber(p.expected, "en")}`,
  LEVEL_MISMATCH: (p) =>
    `Level "${p.actual}" but the total ${localNumber(p.total, "en")} earns level ${p.expected}`,
  SUMMARY_COUNT_MISMATCH: (p) => `Summary line says ${p.actual}; recounted ${p.expected}`,
  HARDCODED_TOTAL: () => "Typed total in a column where most totals are formulas",
  UNCALCULATED_FORMULA: (p) => `Formula not calculated (no stored result): =${p.formula}`,
  TEXT_NUMBER: (p) => `Number stored as text (read as ${p.value})`,
  NAME_VARIANT: (p) =>
    p.encoding
      ? `Name in the old ${p.encoding} encoding, read as "${p.unicode}": "${p.rankingName}" / "${p.criteriaName}" (matched)`
      : `Name differs from the criteria table: "${p.rankingName}" / "${p.criteriaName}" (matched)`,
  REDUCED_MAX: (p) =>
    `Max points ${p.max} (from ${MAX_SOURCE_EN[p.source] ?? p.source}): total brought to ${p.scale ?? "100"}`,
  RANK_MISMATCH: (p) => `Rank ${p.actual} but the total ${p.total} ranks ${p.expected}`,
  PERCENT_MISMATCH: (p) =>
    `Typed percentage ${p.actual} % ≠ recomputed ${p.expected} % (${p.points} / ${p.max})`,
  MAX_MISMATCH: (p) => `Max to do ${p.actual} ≠ ${p.scale} − ${p.notAssessed} not assessed = ${p.expected}`,
  GROUP_TOTAL_MISMATCH: (p) => `Group "${p.group}" typed ${p.actual} ≠ sum of its sub-criteria ${p.expected}`,
  LEVEL_ORDER: (p) =>
    `Level "${p.level}" at total ${p.total} is above level "${p.otherLevel}" of ${p.otherUnit} (${p.otherTotal})`,
  CRITERIA_MISSING: (p) => `The table lacks criteria of "${p.framework}": ${p.missing}`,
  ROUNDED_TOTAL: (p) =>
    `Typed total ${p.actual}; the components printed to ${p.digits} decimals give ${p.expected}: a publication rounding difference, accepted`,
  EXTRA_COLUMN: (p) =>
    `Column "${p.header}" is not one of the framework's criteria: not counted in the total`,
  FRAMEWORK_FROM_SHEET: (p) =>
    `Checked with the framework the sheet implies (${KIND_EN[p.kind] ?? p.kind}, scale ${p.scale}, ${p.decimals} decimals)`,
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
    if (params[key]!.length > MAX_SHOWN_PARAM && !NUMBER_PARAM.test(params[key]!)) {
      const clipped: Record<string, string> = {};
      for (const k in params) clipped[k] = NUMBER_PARAM.test(params[k]!) ? params[k]! : clipShown(params[k]!);
      params = clipped;
      break;
    }
  }
  // A finding's params are stored as text by key; its code says which keys (FindingParamsOf).
  const message = TABLES[lang][f.code] as (p: FindingParams, f: Finding) => string;
  return message(params, f);
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
  counts: ReadonlyArray<LevelCount> | Readonly<Record<string, number>>,
  lang: Lang = "vi",
  groups?: ReadonlyArray<ReadonlyArray<Level>>,
): string {
  const list: ReadonlyArray<LevelCount> = Array.isArray(counts)
    ? counts
    : Object.entries(counts).map(([level, count]) => ({ level, count: count as number }));
  if (list.length === 0) return "";
  const countOf = new Map(list.map((c) => [c.level, c.count]));
  let parts: Array<[string, number]>;
  if (groups && groups.length > 0) {
    const seen = new Set<Level>();
    parts = [];
    for (const g of groups) {
      const levels = g.filter((l) => !seen.has(l) && countOf.has(l));
      if (levels.length === 0) continue;
      for (const l of levels) seen.add(l);
      parts.push([levels.join(", "), levels.reduce((n, l) => n + countOf.get(l)!, 0)]);
    }
    for (const c of list) if (!seen.has(c.level) && c.count > 0) parts.push([c.level, c.count]);
  } else {
    parts = list.map((c) => [c.level, c.count]);
    // The decision's wording: the last two levels share one part when both are 0 ("III, IV: 0").
    if (parts.length >= 3 && parts[parts.length - 1]![1] === 0 && parts[parts.length - 2]![1] === 0) {
      const last = parts.pop()!;
      const before = parts.pop()!;
      parts.push([`${before[0]}, ${last[0]}`, 0]);
    }
  }
  const label = lang === "vi" ? "Số đơn vị đạt mức độ" : "Units at level";
  return parts.map(([l, n]) => `- ${label} ${l}: ${n}`).join(" ");
}

/**
 * How a block's totals are computed, for the framework line: the table's kind ("criteria",
 * "results", "ranks", or "weighted" for a criteria table whose criteria carry weights), the scale
 * (as shown) and decimals.
 */
export interface RuleWords {
  readonly kind: string;
  readonly scale: string;
  readonly decimals: number;
}

/** A level and its lower bound as shown ("90" or "90,00"); none on the last level or where unknown. */
export interface LevelBound {
  readonly name: string;
  readonly min?: string;
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
    frameworkLine: (name: string, source: string, rule: RuleWords, levels: ReadonlyArray<LevelBound>) =>
      `- Tính theo bộ tiêu chí "${name}"${source ? ` (${source})` : ""}: ` +
      (rule.kind === "ranks"
        ? "tổng điểm như bảng ghi"
        : rule.kind === "results"
          ? `tổng điểm = (số điểm thực hiện × ${rule.scale}) / số điểm tối đa cần thực hiện, làm tròn ${rule.decimals} chữ số thập phân`
          : rule.kind === "weighted"
            ? `tổng điểm = Σ (điểm tiêu chí × trọng số) × ${rule.scale} / Σ (điểm tối đa × trọng số), làm tròn ${rule.decimals} chữ số thập phân`
            : `tổng điểm = (tổng điểm các tiêu chí × ${rule.scale}) / điểm tối đa, làm tròn ${rule.decimals} chữ số thập phân`) +
      levels
        .map((l, i) =>
          l.min === undefined
            ? i > 0 && levels[i - 1]!.min !== undefined
              ? `; mức độ ${l.name}: dưới ${levels[i - 1]!.min}`
              : ""
            : i === 0
              ? `; mức độ ${l.name}: từ ${l.min} điểm`
              : `; mức độ ${l.name}: từ ${l.min} đến dưới ${levels[i - 1]!.min}`,
        )
        .join("") +
      ".",
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
    frameworkLine: (name: string, source: string, rule: RuleWords, levels: ReadonlyArray<LevelBound>) =>
      `- Framework "${name}"${source ? ` (${source})` : ""}: ` +
      (rule.kind === "ranks"
        ? "totals as the table prints them"
        : rule.kind === "results"
          ? `total = (points × ${rule.scale}) / max to do, rounded half up to ${rule.decimals} decimals`
          : rule.kind === "weighted"
            ? `total = Σ (criterion score × weight) × ${rule.scale} / Σ (max × weight), rounded half up to ${rule.decimals} decimals`
            : `total = (sum of criterion scores × ${rule.scale}) / max points, rounded half up to ${rule.decimals} decimals`) +
      levels
        .map((l, i) =>
          l.min === undefined
            ? i > 0 && levels[i - 1]!.min !== undefined
              ? `; level ${l.name}: below ${levels[i - 1]!.min}`
              : ""
            : i === 0
              ? `; level ${l.name}: ${l.min} and above`
              : `; level ${l.name}: ${l.min} to below ${levels[i - 1]!.min}`,
        )
        .join("") +
      ".",
    rankLine:
      "- Ranked by total, descending; equal totals share a rank and the next rank is skipped (1, 2, 2, 4).",
  },
} as const;
