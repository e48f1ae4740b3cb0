/**
 * Every line the `cqs` command prints of its own, one dictionary per language (Vietnamese first;
 * English typed by its shape, so a missing line or parameter is a compile error). The workbook's
 * and the framework's own words (unit, criterion, level, sheet and framework names, quoted values)
 * arrive as parameters and are printed as they are.
 */
import type { Lang } from "../core";

/** The parameters of a line that takes none. */
type NoParams = Readonly<Record<string, never>>;

const vi = {
  /** Argument errors (UsageError codes). */
  usage: {
    BAD_COMMAND: (p: { command: string }) =>
      `Lệnh không hợp lệ "${p.command}": dùng check, rank, compare, export, frameworks, framework infer hoặc demo (cqs --help)`,
    FRAMEWORK_SUBCOMMAND: (p: { given: string }) =>
      `Lệnh framework cần lệnh con infer: cqs framework infer <sổ-tính.xlsx> (không nhận "${p.given}")`,
    OPTION_NOT_FOR: (p: { option: string; command: string }) =>
      `Tùy chọn ${p.option} không dùng với lệnh ${p.command}`,
    OPTION_TAKES_NO_VALUE: (p: { option: string }) => `Tùy chọn ${p.option} không nhận giá trị`,
    OPTION_NEEDS_VALUE: (p: { option: string }) => `Tùy chọn ${p.option} cần một giá trị`,
    UNKNOWN_OPTION: (p: { option: string }) => `Tùy chọn không hợp lệ: ${p.option} (cqs --help)`,
    BAD_LANG: (p: { value: string }) => `--lang nhận vi hoặc en, không nhận "${p.value}"`,
    BAD_ORDER: (p: { value: string }) => `--order nhận rank hoặc source, không nhận "${p.value}"`,
    NO_FILE_TAKEN: (p: { command: string; extra: string }) =>
      `Lệnh ${p.command} không nhận tệp (thừa "${p.extra}")`,
    COMPARE_NEEDS_TWO: (_: NoParams) =>
      "Cần hai tệp: cqs compare <năm-nay.xlsx> <năm-trước.xlsx> [--map <đối-chiếu.json>]",
    COMPARE_EXTRA_FILE: (p: { extra: string }) => `Chỉ nhận hai tệp sổ tính (thừa "${p.extra}")`,
    MISSING_WORKBOOK: (p: { command: string }) => `Thiếu tệp sổ tính: cqs ${p.command} <sổ-tính.xlsx>`,
    EXTRA_WORKBOOK: (p: { extra: string }) => `Chỉ nhận một tệp sổ tính (thừa "${p.extra}")`,
    RANK_NEEDS_OUT: (_: NoParams) => "Thiếu --out <tệp-mới.xlsx> cho lệnh rank",
    EXPORT_NEEDS_DOCX: (_: NoParams) => "Thiếu --docx <tệp-mới.docx> cho lệnh export",
    BAD_DATE: (p: { value: string }) =>
      `--date nhận ngày dạng dd/mm/yyyy (ví dụ 31/01/2023), không nhận "${p.value}"`,
    BAD_FORMAT: (p: { value: string }) => `--format nhận xlsx hoặc csv, không nhận "${p.value}"`,
    FORMAT_NEEDS_OUT: (_: NoParams) => "--format cần --out <tệp-kết-quả>",
  },
  /** Inputs the command cannot use (InputError codes). */
  input: {
    FRAMEWORK_NOT_IN_LIBRARY: (p: { id: string }) =>
      `Không có bộ tiêu chí "${p.id}" trong thư viện (xem: cqs frameworks); tệp cần có đuôi .json hoặc đường dẫn`,
    FRAMEWORK_UNREADABLE: (p: { file: string }) => `Không đọc được tệp bộ tiêu chí "${p.file}"`,
    FRAMEWORK_NOT_JSON: (p: { file: string; detail: string }) =>
      `Tệp bộ tiêu chí "${p.file}" không phải JSON hợp lệ: ${p.detail}`,
    NOTHING_TO_INFER: (p: { file: string }) =>
      `Không tìm thấy bảng điểm nào trong "${p.file}" để suy ra bộ tiêu chí`,
    NO_TABLE: (p: { file: string }) =>
      `Không tìm thấy bảng điểm tiêu chí nào trong "${p.file}" (cần dòng tiêu đề có cột Đơn vị, các tiêu chí và Tổng cộng)`,
    HEADERS_ONLY: (p: { sheet: string; range: string; file: string }) =>
      `Bảng điểm tiêu chí ở ${p.sheet}!${p.range} trong "${p.file}" chỉ có dòng tiêu đề, không có đơn vị nào`,
    MAP_UNREADABLE: (p: { file: string }) => `Không đọc được tệp đối chiếu "${p.file}"`,
    MAP_NOT_JSON: (p: { file: string; detail: string }) =>
      `Tệp đối chiếu "${p.file}" không phải JSON hợp lệ: ${p.detail}`,
  },
  /** Prefixes of the one-line errors. */
  invalidFramework: "Bộ tiêu chí không hợp lệ: ",
  unexpected: "Lỗi không mong đợi: ",
  /** Notices and summaries. */
  findingsWritten: (p: { count: number; file: string }) => `Đã ghi ${p.count} phát hiện vào ${p.file}`,
  strictRefused: (p: { errors: number; file: string }) =>
    `Sổ tính có ${p.errors} lỗi (xem: cqs check "${p.file}"): với --strict không ghi bảng xếp hạng nào.`,
  noTotal: (p: { sheet: string; unit: string; reasons: string }) =>
    `${p.sheet}: ${p.unit}: không tính được tổng điểm (để trống tổng điểm và mức độ): ${p.reasons}`,
  rankRecomputed: (p: { errors: number; file: string }) =>
    `Sổ tính có ${p.errors} lỗi (xem: cqs check "${p.file}"); bảng xếp hạng dùng tổng điểm tính lại.`,
  compareRecomputed: (p: { errors: number; file: string }) =>
    `"${p.file}" có ${p.errors} lỗi (xem: cqs check "${p.file}"); so sánh dùng tổng điểm tính lại.`,
  exportRecomputed: (p: { errors: number; file: string }) =>
    `Sổ tính có ${p.errors} lỗi (xem: cqs check "${p.file}"); phụ lục dùng tổng điểm tính lại, tổng điểm bị sửa có chú thích.`,
  written: (p: { file: string }) => `Đã ghi ${p.file}: `,
  sheetSummary: (p: { sheet: string; units: number; levels: string }) =>
    `"${p.sheet}" (${p.units} đơn vị${p.levels})`,
  levelCounts: (p: { names: string; counts: string }) => `, mức ${p.names}: ${p.counts}`,
  appendixSummary: (p: { label: string; units: number; counts: string }) =>
    `${p.label} (${p.units} đơn vị, mức I/II/III/IV: ${p.counts})`,
  decisionFromSheet: (p: { sheet: string; line: string }) =>
    `${p.sheet}: dùng dòng quyết định của trang tính "${p.line}" (không dùng --decision/--date).`,
  decisionPlaceholder: (p: { sheet: string }) =>
    `${p.sheet}: chưa có số và ngày quyết định, để trống "…" (thêm --decision và --date).`,
  chartTooMany: (p: { sheet: string; units: number; max: number }) =>
    `${p.sheet}: ${p.units} đơn vị, quá ${p.max} đơn vị để vẽ biểu đồ dễ đọc: không vẽ.`,
  chartFailed: (p: { sheet: string; detail: string }) => `${p.sheet}: không vẽ được biểu đồ (${p.detail}).`,
  /** `cqs compare`'s table. */
  lastYear: "năm trước",
  compareHeader: "  Hạng  Tổng    Năm trước  Chênh lệch  Thay đổi        Mức độ     Đơn vị",
  gone: "không còn",
  /** `cqs demo`. */
  demoChecking: (p: { file: string }) => `== Kiểm tra ${p.file} ==`,
  demoRanking: "== Xếp hạng (tổng điểm tính lại) ==",
  demoOpen: (p: { file: string }) => `Mở ${p.file} để xem các trang xếp hạng.`,
  /** `cqs frameworks`. */
  source: "Nguồn",
};

export type CliText = typeof vi;

const en: CliText = {
  usage: {
    BAD_COMMAND: (p) =>
      `Unknown command "${p.command}": use check, rank, compare, export, frameworks, framework infer or demo (cqs --help)`,
    FRAMEWORK_SUBCOMMAND: (p) =>
      `The framework command needs the subcommand infer: cqs framework infer <workbook.xlsx> (not "${p.given}")`,
    OPTION_NOT_FOR: (p) => `Option ${p.option} does not go with the ${p.command} command`,
    OPTION_TAKES_NO_VALUE: (p) => `Option ${p.option} takes no value`,
    OPTION_NEEDS_VALUE: (p) => `Option ${p.option} needs a value`,
    UNKNOWN_OPTION: (p) => `Unknown option: ${p.option} (cqs --help)`,
    BAD_LANG: (p) => `--lang takes vi or en, not "${p.value}"`,
    BAD_ORDER: (p) => `--order takes rank or source, not "${p.value}"`,
    NO_FILE_TAKEN: (p) => `The ${p.command} command takes no file (extra "${p.extra}")`,
    COMPARE_NEEDS_TWO: () =>
      "Two files are needed: cqs compare <this-year.xlsx> <last-year.xlsx> [--map <map.json>]",
    COMPARE_EXTRA_FILE: (p) => `Only two workbook files are taken (extra "${p.extra}")`,
    MISSING_WORKBOOK: (p) => `Missing the workbook file: cqs ${p.command} <workbook.xlsx>`,
    EXTRA_WORKBOOK: (p) => `Only one workbook file is taken (extra "${p.extra}")`,
    RANK_NEEDS_OUT: () => "The rank command needs --out <new-file.xlsx>",
    EXPORT_NEEDS_DOCX: () => "The export command needs --docx <new-file.docx>",
    BAD_DATE: (p) => `--date takes a date written dd/mm/yyyy (for example 31/01/2023), not "${p.value}"`,
    BAD_FORMAT: (p) => `--format takes xlsx or csv, not "${p.value}"`,
    FORMAT_NEEDS_OUT: () => "--format needs --out <results-file>",
  },
  input: {
    FRAMEWORK_NOT_IN_LIBRARY: (p) =>
      `No framework "${p.id}" in the library (see: cqs frameworks); a file needs a .json ending or a path`,
    FRAMEWORK_UNREADABLE: (p) => `Cannot read the framework file "${p.file}"`,
    FRAMEWORK_NOT_JSON: (p) => `The framework file "${p.file}" is not valid JSON: ${p.detail}`,
    NOTHING_TO_INFER: (p) => `No score table found in "${p.file}" to infer a framework from`,
    NO_TABLE: (p) =>
      `No criteria table found in "${p.file}" (a header row with "Đơn vị", the criteria and "Tổng cộng" is needed)`,
    HEADERS_ONLY: (p) =>
      `The criteria table at ${p.sheet}!${p.range} in "${p.file}" has headers only, no units`,
    MAP_UNREADABLE: (p) => `Cannot read the mapping file "${p.file}"`,
    MAP_NOT_JSON: (p) => `The mapping file "${p.file}" is not valid JSON: ${p.detail}`,
  },
  invalidFramework: "Invalid framework: ",
  unexpected: "Unexpected error: ",
  findingsWritten: (p) => `Written ${p.count} finding(s) to ${p.file}`,
  strictRefused: (p) =>
    `The workbook has ${p.errors} error(s) (see: cqs check "${p.file}"): with --strict no ranking is written.`,
  noTotal: (p) =>
    `${p.sheet}: ${p.unit}: no total can be computed (total and level left empty): ${p.reasons}`,
  rankRecomputed: (p) =>
    `The workbook has ${p.errors} error(s) (see: cqs check "${p.file}"); the ranking uses recomputed totals.`,
  compareRecomputed: (p) =>
    `"${p.file}" has ${p.errors} error(s) (see: cqs check "${p.file}"); the comparison uses recomputed totals.`,
  exportRecomputed: (p) =>
    `The workbook has ${p.errors} error(s) (see: cqs check "${p.file}"); the appendix uses recomputed totals, changed totals are footnoted.`,
  written: (p) => `Written ${p.file}: `,
  sheetSummary: (p) => `"${p.sheet}" (${p.units} units${p.levels})`,
  levelCounts: (p) => `, levels ${p.names}: ${p.counts}`,
  appendixSummary: (p) => `${p.label} (${p.units} units, levels I/II/III/IV: ${p.counts})`,
  decisionFromSheet: (p) =>
    `${p.sheet}: the sheet's own decision line is used: "${p.line}" (not --decision/--date).`,
  decisionPlaceholder: (p) =>
    `${p.sheet}: no decision number or date, left as "…" (add --decision and --date).`,
  chartTooMany: (p) => `${p.sheet}: ${p.units} units, more than ${p.max} for a legible chart: none drawn.`,
  chartFailed: (p) => `${p.sheet}: the chart could not be drawn (${p.detail}).`,
  lastYear: "last year",
  compareHeader: "  Rank  Total   Last year  Change      Move            Level      Unit",
  gone: "gone",
  demoChecking: (p) => `== Checking ${p.file} ==`,
  demoRanking: "== Ranking (recomputed totals) ==",
  demoOpen: (p) => `Open ${p.file} to see the ranking sheets.`,
  source: "Source",
};

export const CLI_TEXT: Readonly<Record<Lang, CliText>> = { vi, en };

export type UsageCode = keyof CliText["usage"];
export type UsageParams<C extends UsageCode> = Parameters<CliText["usage"][C]>[0];
export type InputCode = keyof CliText["input"];
export type InputParams<C extends InputCode> = Parameters<CliText["input"][C]>[0];

/** The language asked for anywhere on the command line (`--lang en`, `--lang=en`; the last one wins). */
export function argvLang(argv: ReadonlyArray<string>): Lang {
  let lang: Lang = "vi";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value === "vi" || value === "en") lang = value;
  }
  return lang;
}
