/**
 * Every line the `cqs` command prints of its own, one dictionary per language (Vietnamese first;
 * English typed by its shape, so a missing line or parameter is a compile error). The workbook's
 * and the framework's own words (unit, criterion, level, sheet and framework names, quoted values)
 * arrive as parameters and are printed as they are.
 */
import type {
  IoProblem,
  LostPart,
  NotWorkbookKind,
  SizeLimit,
  WorkbookErrorParams,
  WorkbookFileError,
  WorkbookWarning,
} from "../adapters/xlsx";
import type { Lang } from "../core";

/** The parameters of a line that takes none. */
type NoParams = Readonly<Record<string, never>>;

/** 200000 → "200.000" (Vietnamese) or "200,000" (English). */
function groupedCount(n: number, lang: Lang): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
}

const NOT_WORKBOOK_VI: Readonly<Record<NotWorkbookKind, string>> = {
  emptyFile: "tệp rỗng, 0 byte",
  notRegularFile: "không phải tệp thông thường",
  emptyZip: "tệp zip rỗng",
  htmlText: "nội dung là văn bản HTML/XML, có thể là tệp đổi đuôi; hãy mở trong Excel và lưu lại dạng .xlsx",
  plainText: "nội dung là văn bản, có thể là tệp CSV đổi đuôi; hãy mở trong Excel và lưu lại dạng .xlsx",
  unrecognised: "định dạng không nhận ra được",
  xlsb: "đây là tệp .xlsb nhị phân; hãy lưu lại dạng .xlsx",
  ods: "đây là tệp OpenDocument (.ods); hãy lưu lại dạng .xlsx",
  officeDocument: "đây là tài liệu Word/PowerPoint",
  noWorksheet: "sổ tính không có trang tính dữ liệu nào",
  zipWithoutWorkbook: "là tệp zip nhưng không chứa sổ tính Excel",
};
const NOT_WORKBOOK_EN: Readonly<Record<NotWorkbookKind, string>> = {
  emptyFile: "the file is empty",
  notRegularFile: "not a regular file",
  emptyZip: "an empty zip file",
  htmlText: "it holds HTML/XML text, probably a renamed file; open it in Excel and save it as .xlsx",
  plainText: "it holds plain text, perhaps a renamed CSV; open it in Excel and save it as .xlsx",
  unrecognised: "unrecognised format",
  xlsb: "it is a binary .xlsb workbook; save it as .xlsx",
  ods: "it is an OpenDocument file (.ods); save it as .xlsx",
  officeDocument: "it is a Word/PowerPoint document",
  noWorksheet: "the workbook has no worksheet",
  zipWithoutWorkbook: "a zip file without an Excel workbook inside",
};

/** The words for why a file cannot be read: one per IoProblem kind, and when nothing is known. */
interface IoWords {
  readonly unknown: string;
  readonly permission: string;
  readonly locked: string;
  readonly errno: (code: string) => string;
}
const IO_VI: IoWords = {
  unknown: "không có quyền đọc?",
  permission: "không có quyền đọc",
  locked: "tệp đang bị chương trình khác khóa",
  errno: (code) => `lỗi ${code}`,
};
const IO_EN: IoWords = {
  unknown: "no read permission?",
  permission: "permission denied",
  locked: "the file is locked by another program",
  errno: (code) => `error ${code}`,
};
function ioText(p: IoProblem | undefined, words: IoWords): string {
  return p === undefined ? words.unknown : p.kind === "errno" ? words.errno(p.code) : words[p.kind];
}

/** The words for a crossed size limit, one per SizeLimit kind. */
type SizeWords = {
  readonly [K in SizeLimit["kind"]]: (l: Extract<SizeLimit, { kind: K }>) => string;
};
const SIZE_VI: SizeWords = {
  rows: (l) =>
    `trang tính "${l.sheet}" có hơn ${groupedCount(l.max, "vi")} dòng${l.dimension ? `, ${l.dimension}` : ""}`,
  cells: (l) => `sổ tính có hơn ${groupedCount(l.max, "vi")} ô dữ liệu`,
  xml: (l) => `dữ liệu giải nén vượt ${l.maxMb} MB`,
  file: (l) => `${l.mb} MB, giới hạn ${l.maxMb} MB`,
};
const SIZE_EN: SizeWords = {
  rows: (l) =>
    `sheet "${l.sheet}" has more than ${groupedCount(l.max, "en")} rows${l.dimension ? `, ${l.dimension}` : ""}`,
  cells: (l) => `the workbook has more than ${groupedCount(l.max, "en")} cells`,
  xml: (l) => `more than ${l.maxMb} MB once decompressed`,
  file: (l) => `${l.mb} MB, the limit is ${l.maxMb} MB`,
};
function sizeText(l: SizeLimit, words: SizeWords): string {
  return (words[l.kind] as (x: SizeLimit) => string)(l);
}

const LOST_PART_VI: Readonly<Record<LostPart, string>> = {
  charts: "biểu đồ (chart)",
  pivotTables: "bảng tổng hợp (PivotTable)",
  slicers: "slicer/timeline",
  vbaMacros: "macro VBA",
  controls: "điều khiển biểu mẫu/ActiveX",
  externalLinks: "liên kết tới sổ tính khác (external links)",
  connections: "kết nối dữ liệu/Power Query",
  threadedComments: "chú thích dạng hội thoại (threaded comments)",
  shapes: "hình vẽ/hộp văn bản (shapes)",
};
const LOST_PART_EN: Readonly<Record<LostPart, string>> = {
  charts: "charts",
  pivotTables: "PivotTables",
  slicers: "slicers/timelines",
  vbaMacros: "VBA macros",
  controls: "form/ActiveX controls",
  externalLinks: "external links",
  connections: "data connections/Power Query",
  threadedComments: "threaded comments",
  shapes: "shapes/text boxes",
};

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
  /** A workbook file that cannot be read or written (WorkbookFileError codes of the .xlsx adapter). */
  workbook: {
    NOT_FOUND: (p: WorkbookErrorParams<"NOT_FOUND">) => `Không tìm thấy tệp "${p.path}".`,
    IS_DIRECTORY: (p: WorkbookErrorParams<"IS_DIRECTORY">) =>
      `"${p.path}" là một thư mục, không phải tệp Excel .xlsx.`,
    UNREADABLE: (p: WorkbookErrorParams<"UNREADABLE">) =>
      `Không đọc được tệp "${p.path}" (${ioText(p.problem, IO_VI)}).`,
    LEGACY_XLS: (p: WorkbookErrorParams<"LEGACY_XLS">) =>
      `"${p.path}" là tệp .xls cũ (Excel 97–2003) hoặc tệp .xlsx có đặt mật khẩu (cả hai đều là tệp OLE2): hãy mở trong Excel và lưu lại dạng .xlsx, không đặt mật khẩu.`,
    ENCRYPTED: (p: WorkbookErrorParams<"ENCRYPTED">) =>
      `"${p.path}" là tệp .xlsx được bảo vệ bằng mật khẩu (đã mã hóa): hãy mở trong Excel, bỏ mật khẩu rồi lưu lại.`,
    NOT_A_WORKBOOK: (p: WorkbookErrorParams<"NOT_A_WORKBOOK">) =>
      `"${p.path}" không phải là tệp Excel .xlsx (${NOT_WORKBOOK_VI[p.kind]}).`,
    CORRUPT: (p: WorkbookErrorParams<"CORRUPT">) =>
      `Tệp "${p.path}" bị hỏng hoặc không đầy đủ, không đọc được${p.detail ? ` (chi tiết: ${p.detail})` : ""}.`,
    TOO_LARGE: (p: WorkbookErrorParams<"TOO_LARGE">) =>
      `Tệp "${p.path}" quá lớn để đọc an toàn (${sizeText(p.limit, SIZE_VI)}): hãy xóa các dòng, cột thừa (hoặc tách tệp) rồi thử lại.`,
    OUT_EXISTS: (p: WorkbookErrorParams<"OUT_EXISTS">) =>
      `Tệp "${p.path}" đã có: không ghi đè (thêm --force để ghi đè).`,
    SAME_AS_INPUT: (p: WorkbookErrorParams<"SAME_AS_INPUT">) =>
      `Tệp ra "${p.path}" trùng với tệp đầu vào: không bao giờ ghi vào tệp đầu vào, hãy chọn tên khác.`,
    OUT_IS_DIRECTORY: (p: WorkbookErrorParams<"OUT_IS_DIRECTORY">) =>
      `"${p.path}" là một thư mục, không ghi được tệp ra.`,
    OUT_DIR_MISSING: (p: WorkbookErrorParams<"OUT_DIR_MISSING">) =>
      `Thư mục chứa tệp ra "${p.path}" không tồn tại.`,
    BAD_SHEET_NAME: (p: WorkbookErrorParams<"BAD_SHEET_NAME">) =>
      `Tên trang tính không hợp lệ hoặc đã có trong sổ tính ("${p.name}").`,
    WRITE_FAILED: (p: WorkbookErrorParams<"WRITE_FAILED">) => `Không ghi được tệp "${p.path}" (${p.detail}).`,
  },
  /** A write's warning: the input's parts that the new file lacks. */
  lostParts: (p: WorkbookWarning) =>
    `Tệp đầu vào có ${p.parts.map((x) => LOST_PART_VI[x]).join(", ")}: thư viện ExcelJS không chép được các phần này sang tệp mới, ` +
    `nên chúng sẽ bị mất trong "${p.out}" (tệp gốc không bị thay đổi). ` +
    `Dùng --separate để chỉ ghi các trang xếp hạng ra một tệp riêng.`,
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
  workbook: {
    NOT_FOUND: (p) => `File not found: "${p.path}".`,
    IS_DIRECTORY: (p) => `"${p.path}" is a directory, not an .xlsx file.`,
    UNREADABLE: (p) => `Cannot read "${p.path}" (${ioText(p.problem, IO_EN)}).`,
    LEGACY_XLS: (p) =>
      `"${p.path}" is an old .xls file (Excel 97–2003) or a password-protected .xlsx (both are OLE2 files): open it in Excel and save it as .xlsx without a password.`,
    ENCRYPTED: (p) =>
      `"${p.path}" is a password-protected (encrypted) .xlsx: open it in Excel, remove the password and save it again.`,
    NOT_A_WORKBOOK: (p) => `"${p.path}" is not an Excel .xlsx workbook (${NOT_WORKBOOK_EN[p.kind]}).`,
    CORRUPT: (p) =>
      `"${p.path}" is damaged or incomplete and cannot be read${p.detail ? ` (${p.detail})` : ""}.`,
    TOO_LARGE: (p) =>
      `"${p.path}" is too large to read safely (${sizeText(p.limit, SIZE_EN)}): delete the unused rows and columns (or split the file) and try again.`,
    OUT_EXISTS: (p) => `"${p.path}" already exists: not overwritten (add --force to overwrite).`,
    SAME_AS_INPUT: (p) =>
      `The output "${p.path}" is the input file: the input is never written, choose another name.`,
    OUT_IS_DIRECTORY: (p) => `"${p.path}" is a directory, cannot write the output.`,
    OUT_DIR_MISSING: (p) => `The folder of the output "${p.path}" does not exist.`,
    BAD_SHEET_NAME: (p) => `A sheet name is invalid or already used in the workbook ("${p.name}").`,
    WRITE_FAILED: (p) => `Cannot write "${p.path}" (${p.detail}).`,
  },
  lostParts: (p) =>
    `The input holds ${p.parts.map((x) => LOST_PART_EN[x]).join(", ")}: the ExcelJS library cannot copy these parts to the new file, ` +
    `so they will be missing from "${p.out}" (the original file is not changed). ` +
    `Use --separate to write the ranking sheets alone to a file of their own.`,
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

/** A workbook file error's line in a language. */
export function workbookErrorMessage(e: WorkbookFileError, lang: Lang): string {
  return (CLI_TEXT[lang].workbook[e.reason] as (p: WorkbookErrorParams<typeof e.reason>) => string)(e.params);
}

/** A write warning's line in a language. */
export function workbookWarningMessage(w: WorkbookWarning, lang: Lang): string {
  return CLI_TEXT[lang].lostParts(w);
}

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
