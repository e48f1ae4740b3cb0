/**
 * The pane's words, one table per language (Vietnamese first). `en` is typed by `vi`, so a missing
 * or misspelt key is a compile error. Finding messages and severity names come from the core
 * (`findingMessage`, `UI_TEXT`), shared with the CLI.
 */
import type { FindingCode, Lang } from "../core";

/** What a group of findings of one code is, after its count of cells. */
const GROUP_WORDS_VI = {
  TEXT_NUMBER: "số lưu dạng văn bản",
  TOTAL_MISMATCH: "tổng điểm ghi khác tổng tính lại",
  SCORE_ABOVE_MAX: "điểm vượt điểm tối đa",
  SCORE_NEGATIVE: "điểm âm",
  NOT_A_NUMBER: "không phải là số",
  MISSING_SCORE: "thiếu điểm",
  DUPLICATE_UNIT: "tên đơn vị lặp lại",
  UNIT_NOT_MATCHED: "đơn vị không có ở bảng kia",
  RANKING_TOTAL_MISMATCH: "tổng điểm bảng xếp hạng khác bảng tiêu chí",
  LEVEL_MISMATCH: "mức độ không khớp tổng điểm",
  HARDCODED_TOTAL: "tổng điểm gõ tay giữa các công thức",
  UNCALCULATED_FORMULA: "công thức chưa được tính",
  NAME_VARIANT: "tên viết khác bảng tiêu chí",
  REDUCED_MAX: "điểm tối đa dưới 100",
} as const satisfies Partial<Record<FindingCode, string>>;
const GROUP_VI: Readonly<Partial<Record<string, string>>> = GROUP_WORDS_VI;
/** Typed by the Vietnamese table: the same codes, each with its words. */
const GROUP_WORDS_EN: Readonly<Record<keyof typeof GROUP_WORDS_VI, string>> = {
  TEXT_NUMBER: "with numbers stored as text",
  TOTAL_MISMATCH: "with a typed total that differs from the recomputed one",
  SCORE_ABOVE_MAX: "with a score above its max",
  SCORE_NEGATIVE: "with a negative score",
  NOT_A_NUMBER: "that are not numbers",
  MISSING_SCORE: "with a missing score",
  DUPLICATE_UNIT: "with a unit listed twice",
  UNIT_NOT_MATCHED: "with a unit missing from the other table",
  RANKING_TOTAL_MISMATCH: "with a ranking total that differs from the criteria table",
  LEVEL_MISMATCH: "with a level the total does not earn",
  HARDCODED_TOTAL: "with a typed total among formulas",
  UNCALCULATED_FORMULA: "with an uncalculated formula",
  NAME_VARIANT: "with a name written differently",
  REDUCED_MAX: "of units scored out of less than 100",
};
const GROUP_EN: Readonly<Partial<Record<string, string>>> = GROUP_WORDS_EN;

const vi = {
  appTitle: "Chấm điểm chính quyền số",
  switchLanguage: "English",
  switchLanguageHint: "Chuyển sang tiếng Anh",
  tabSheets: "Bảng điểm",
  tabSettings: "Thiết lập",

  scopeLabel: "Phạm vi",
  scopeWorkbook: "Cả sổ tính",
  scopeActive: "Trang tính đang mở",
  check: "Kiểm tra",
  checkHint: "Đọc các bảng điểm, tính lại tổng điểm, mức độ, thứ hạng và dòng tổng hợp.",
  mark: "Đánh dấu",
  markHint:
    "Tô màu các ô có vấn đề theo bộ lọc (mặc định lỗi: đỏ, cảnh báo: vàng; bật Thông tin để tô cả xanh). Xóa đánh dấu trả lại màu cũ.",
  unmark: "Xóa đánh dấu",
  unmarkHint: "Trả lại đúng màu nền ban đầu của các ô đã đánh dấu.",
  checkTitle: "Kiểm tra bảng điểm",
  rankingTitle: "Bảng xếp hạng",
  rankOrderLabel: "Thứ tự",
  rankOrderRank: "Theo thứ hạng",
  rankOrderSource: "Theo thứ tự bảng điểm",
  rank: "Lập bảng xếp hạng",
  rankHint:
    "Thêm một trang mới cho mỗi bảng điểm, như phụ lục của quyết định: tiêu đề, STT, Đơn vị, TỔNG ĐIỂM, MỨC ĐỘ, dòng tổng hợp và ghi chú; sẵn để in A4. Không ghi đè ô nào.",

  stageRead: "Đang đọc sổ tính…",
  stageAnalyze: "Đang kiểm tra…",
  stageWrite: "Đang ghi trang xếp hạng…",
  busyMark: "Đang đánh dấu…",
  busyUnmark: "Đang xóa đánh dấu…",
  busySave: "Đang lưu thiết lập…",
  busySelect: "Đang chọn ô…",

  emptyHint:
    "Bấm “Kiểm tra” để đọc các bảng điểm của sổ tính. Kết quả hiện ở đây; bấm vào một dòng để chọn ô đó.",
  resultsTitle: "Kết quả kiểm tra",
  tablesRead: (tables: number, units: number) => `${tables} bảng, ${units} đơn vị`,
  frameworkUsed: (name: string, source: string) => `Bộ tiêu chí: ${name} (${source})`,
  frameworkFromWorkbook: "lưu trong sổ tính",
  frameworkDefault: "mặc định",
  frameworkGiven: "tạm thời",
  noTables: "Không tìm thấy bảng điểm tiêu chí nào (cần cột “Đơn vị”, các cột tiêu chí và “Tổng cộng”).",
  noTablesActive: "Trang tính đang mở không có bảng điểm tiêu chí nào.",
  allGood: "Không có lỗi: tổng điểm, mức độ và số đơn vị mỗi mức đều khớp.",
  someErrors: (n: number) => `Có ${n} lỗi cần sửa.`,
  onlyWarnings: (n: number) => `Không có lỗi; ${n} cảnh báo cần xem.`,
  findingCell: "Ô",
  findingsMore: (n: number) => `và ${n} mục khác`,
  showAll: "Hiện tất cả",

  marked: (n: number) => `Đã đánh dấu ${n} ô. Bấm “Xóa đánh dấu” để trả lại màu cũ.`,
  markedNone: "Không có ô nào cần đánh dấu.",
  unmarked: (n: number) => `Đã trả lại màu nền cũ cho ${n} ô.`,
  unmarkedNone: "Không có ô nào đang được đánh dấu.",
  markNeedsCheck: "Kiểm tra trước khi đánh dấu.",
  ranked: (sheets: string) => `Đã thêm ${sheets}.`,
  rankedUndo: "Một lần Hoàn tác (Ctrl+Z) sẽ bỏ toàn bộ.",
  rankedNoUndo: "Excel này không gộp được thành một bước Hoàn tác: nếu cần, xóa trang mới bằng tay.",
  rankedWithErrors: (n: number) => `Bảng điểm có ${n} lỗi; bảng xếp hạng dùng tổng điểm tính lại.`,
  rankedMissing: (n: number) =>
    `${n} đơn vị không tính được tổng điểm: để trống tổng điểm và mức độ, lý do ghi dưới bảng.`,
  sheetWord: (n: number): string => (n === 1 ? "trang" : "các trang"),

  notInExcel: "Hãy mở bảng điều khiển này trong Excel (thẻ CQS trên dải băng).",
  capUndo:
    "Chưa hỗ trợ gộp thao tác thành một bước Hoàn tác (cần ExcelApi 1.20): bảng xếp hạng vẫn lập được, Hoàn tác theo từng bước.",
  capMarks: "Chưa đánh dấu ô được mà giữ màu cũ (cần ExcelApi 1.9): nút Đánh dấu bị tắt.",
  capFunctions: "Không có hàm tùy chỉnh =CQS.TOTAL, =CQS.LEVEL… (cần Microsoft 365 hoặc Excel 2021).",
  capTitle: "Excel này thiếu một số tính năng",
  capTooOldCheck:
    "Excel này quá cũ để đọc bảng điểm (cần ExcelApi 1.4: Excel 2019 trở lên hoặc Microsoft 365).",
  capTooOldRank:
    "Excel này chưa lập được trang xếp hạng (cần ExcelApi 1.7: Excel 2019 trở lên hoặc Microsoft 365).",

  settingsIntro:
    "Bộ tiêu chí, ngưỡng mức độ và đơn vị có điểm tối đa dưới 100. Lưu trong sổ tính (trang ẩn CQS_Settings) nên đi cùng tệp; lệnh cqs cũng đọc thiết lập này.",
  settingsSourceWorkbook: "Đang dùng thiết lập lưu trong sổ tính",
  settingsSourceDefault: "Đang dùng bộ tiêu chí mặc định (chưa lưu vào sổ tính)",
  settingsUnsaved: "Có thay đổi chưa lưu",
  frameworkName: "Tên bộ tiêu chí",
  provenance: "Nguồn",
  criteria: "Tiêu chí",
  maxPoints: "Điểm tối đa",
  criteriaSum: "Tổng điểm tối đa",
  thresholds: "Ngưỡng mức độ (tổng điểm từ)",
  levelLabel: (level: string) => `Mức ${level}`,
  levelIVNote: "Mức IV: dưới ngưỡng mức III.",
  reducedTitle: "Đơn vị có điểm tối đa dưới 100",
  reducedHint:
    "Dùng khi bảng điểm không có cột “Điểm tối đa” hay ghi chú; ghi chú trong bảng điểm được ưu tiên.",
  reducedUnit: "Tên đơn vị",
  reducedMax: "Điểm tối đa",
  reducedAdd: "Thêm đơn vị",
  reducedRemove: "Bỏ",
  reducedNone: "Chưa có đơn vị nào.",
  reducedUnitMissing: "Một đơn vị trong danh sách điểm tối đa dưới 100 chưa có tên.",
  save: "Lưu vào sổ tính",
  resetDefault: "Khôi phục mặc định",
  saved: "Đã lưu thiết lập vào sổ tính. Lần kiểm tra sau sẽ dùng thiết lập này.",
  editedSource: "Người dùng sửa trong bảng điều khiển",
  thresholdsNameHint: "Công thức dùng được tên CQS_THRESHOLDS, ví dụ =CQS.LEVEL(K7; CQS_THRESHOLDS).",
  settingsLoadFailed: "Không đọc được thiết lập trong sổ tính:",

  errorPrefix: "Không thực hiện được:",
  errorUndoNotSupported: "Excel từ chối gộp thao tác thành một bước Hoàn tác.",
  errorItemNotFound: "Không tìm thấy trang tính hoặc ô (có thể đã bị đổi tên hay xóa). Hãy kiểm tra lại.",
  errorItemAlreadyExists: "Tên trang tính đã có. Hãy thử lại.",
  errorTooLarge: "Sổ tính quá lớn cho một lần đọc.",
  exportWord: "Xuất Word",
  exportWordHint:
    "Lưu phụ lục xếp hạng thành tệp Word theo thể thức Nghị định 30/2020/NĐ-CP (A4, Times New Roman), như lệnh cqs export.",
  exportWordMac:
    "Excel cho Mac không cho phần bổ trợ tải tệp xuống: dùng lệnh cqs export <sổ-tính.xlsx> --docx <tệp.docx> trên máy tính.",
  exportWordDone: (name: string) => `Đã lưu ${name}.`,
  stageExport: "Đang dựng tệp Word…",
  chartsSkipped: (sheets: string) =>
    `Không vẽ biểu đồ cho ${sheets} (quá nhiều đơn vị, hoặc Excel này không có API biểu đồ).`,
  fix: "Sửa",
  filterLabel: "Lọc theo mức",
  groupTitle: (code: string, n: number, span: string): string =>
    `${n} ô ${GROUP_VI[code] ?? `cùng lỗi ${code}`}: ${span}`,
  findingsToSheet: "Ghi kết quả kiểm tra ra trang mới",
  findingsToSheetHint: "Thêm một trang mới liệt kê các phát hiện (ô, mức, nội dung) để gửi lại hội đồng.",
  findingsWritten: (name: string) => `Đã ghi kết quả kiểm tra vào trang “${name}”.`,
  undoFixes: "Hoàn tác sửa",
  undoFixesHint: "Trả lại đúng giá trị, công thức và định dạng số ban đầu của các ô đã sửa.",
  fixed: (n: number, undo: boolean) =>
    `Đã sửa ${n} ô (giữ bản gốc: “Hoàn tác sửa” trả lại${undo ? "; hoặc Ctrl+Z một lần" : ""}).`,
  fixedNone: "Không có ô nào sửa được tự động.",
  unfixed: (n: number) => `Đã trả lại giá trị ban đầu cho ${n} ô.`,
  unfixedNone: "Không có ô nào đang được sửa.",
  withRank: "Thêm cột Thứ hạng",
  scopeFor: "Phạm vi (cho cả Kiểm tra và Lập bảng xếp hạng)",
  confirmTitle: (n: number) => `Bảng điểm có ${n} lỗi.`,
  confirmBody:
    "Bảng xếp hạng sẽ dùng tổng điểm tính lại (các ô khác bảng điểm được chú thích trên trang mới).",
  confirmBuild: "Lập với tổng điểm tính lại",
  confirmShowErrors: "Xem các lỗi",
  noticePageLayout: "Excel này chưa có API bố cục trang (ExcelApi 1.9): hãy tự đặt khổ A4, lề và tiêu đề in.",
  noticeComments:
    "Excel này chưa thêm được chú thích vào ô (ExcelApi 1.10): các tổng điểm đã thay đổi vẫn được ghi dưới bảng.",
  noticeLinks: "Excel này chưa tạo được liên kết tới ô (ExcelApi 1.7).",
  scopeFollowsCriteria: "Trang đang mở là trang do add-in tạo, nên đã đọc các trang bảng điểm.",
};

export type PaneStrings = typeof vi;

const en: PaneStrings = {
  appTitle: "Digital government scoring",
  switchLanguage: "Tiếng Việt",
  switchLanguageHint: "Switch to Vietnamese",
  tabSheets: "Score sheets",
  tabSettings: "Settings",

  scopeLabel: "Scope",
  scopeWorkbook: "Whole workbook",
  scopeActive: "Active sheet",
  check: "Check",
  checkHint: "Reads the score tables and recomputes totals, levels, ranks and the summary line.",
  mark: "Mark",
  markHint:
    "Fills the cells with problems as filtered (by default errors red, warnings yellow; turn Info on for blue). Remove marks restores the fills.",
  unmark: "Remove marks",
  unmarkHint: "Restores the marked cells' original fills exactly.",
  checkTitle: "Check the score sheets",
  rankingTitle: "Ranking",
  rankOrderLabel: "Order",
  rankOrderRank: "By rank",
  rankOrderSource: "As in the score table",
  rank: "Build ranking",
  rankHint:
    "Adds a new sheet per score table, as the decision's appendix: titles, No., Unit, TOTAL, LEVEL, the summary line and notes; ready to print on A4. Never overwrites a cell.",

  stageRead: "Reading the workbook…",
  stageAnalyze: "Checking…",
  stageWrite: "Writing the ranking sheets…",
  busyMark: "Marking…",
  busyUnmark: "Removing marks…",
  busySave: "Saving settings…",
  busySelect: "Selecting…",

  emptyHint:
    "Click “Check” to read the workbook's score tables. Results appear here; click one to select its cell.",
  resultsTitle: "Check results",
  tablesRead: (tables: number, units: number) => `${tables} tables, ${units} units`,
  frameworkUsed: (name: string, source: string) => `Framework: ${name} (${source})`,
  frameworkFromWorkbook: "stored in the workbook",
  frameworkDefault: "default",
  frameworkGiven: "temporary",
  noTables: "No criteria table found (it needs a “Đơn vị” column, the criteria columns and “Tổng cộng”).",
  noTablesActive: "The active sheet holds no criteria table.",
  allGood: "No errors: totals, levels and level counts all agree.",
  someErrors: (n: number) => `${n} error${n === 1 ? "" : "s"} to fix.`,
  onlyWarnings: (n: number) => `No errors; ${n} warning${n === 1 ? "" : "s"} to look at.`,
  findingCell: "Cell",
  findingsMore: (n: number) => `and ${n} more`,
  showAll: "Show all",

  marked: (n: number) => `Marked ${n} cell${n === 1 ? "" : "s"}. “Remove marks” restores the fills.`,
  markedNone: "No cell to mark.",
  unmarked: (n: number) => `Restored the original fill of ${n} cell${n === 1 ? "" : "s"}.`,
  unmarkedNone: "No cell is marked.",
  markNeedsCheck: "Check before marking.",
  ranked: (sheets: string) => `Added ${sheets}.`,
  rankedUndo: "One Undo (Ctrl+Z) removes it all.",
  rankedNoUndo: "This Excel cannot make it one Undo step: delete the new sheets by hand if needed.",
  rankedWithErrors: (n: number) =>
    `The score sheets have ${n} error${n === 1 ? "" : "s"}; the ranking uses recomputed totals.`,
  rankedMissing: (n: number) =>
    `${n} unit(s) without a computable total: total and level left empty, the reason noted under the table.`,
  sheetWord: (n: number) => (n === 1 ? "sheet" : "sheets"),

  notInExcel: "Open this pane in Excel (the CQS tab on the ribbon).",
  capUndo:
    "No grouping of a command into one Undo step (needs ExcelApi 1.20): the ranking is still built, Undo goes step by step.",
  capMarks: "Cannot mark cells and keep their fills (needs ExcelApi 1.9): Mark is off.",
  capFunctions: "No custom functions =CQS.TOTAL, =CQS.LEVEL… (needs Microsoft 365 or Excel 2021).",
  capTitle: "This Excel lacks some features",
  capTooOldCheck:
    "This Excel is too old to read the score sheets (needs ExcelApi 1.4: Excel 2019 or later, or Microsoft 365).",
  capTooOldRank:
    "This Excel cannot build the ranking sheets (needs ExcelApi 1.7: Excel 2019 or later, or Microsoft 365).",

  settingsIntro:
    "Criteria, level thresholds and units scored out of less than 100. Stored in the workbook (hidden sheet CQS_Settings), so they travel with the file; the cqs command reads them too.",
  settingsSourceWorkbook: "Using the settings stored in the workbook",
  settingsSourceDefault: "Using the default framework (not stored in the workbook)",
  settingsUnsaved: "Unsaved changes",
  frameworkName: "Framework name",
  provenance: "Source",
  criteria: "Criterion",
  maxPoints: "Max points",
  criteriaSum: "Total of max points",
  thresholds: "Level thresholds (total from)",
  levelLabel: (level: string) => `Level ${level}`,
  levelIVNote: "Level IV: below the level III threshold.",
  reducedTitle: "Units scored out of less than 100",
  reducedHint:
    "Used when the score table has no max-points column or note; notes in the table take precedence.",
  reducedUnit: "Unit name",
  reducedMax: "Max points",
  reducedAdd: "Add unit",
  reducedRemove: "Remove",
  reducedNone: "No unit yet.",
  reducedUnitMissing: "A unit in the list of reduced maximums has no name.",
  save: "Save to workbook",
  resetDefault: "Restore defaults",
  saved: "Settings saved in the workbook. The next check uses them.",
  editedSource: "Edited by the user in the task pane",
  thresholdsNameHint: "Formulas can use the name CQS_THRESHOLDS, e.g. =CQS.LEVEL(K7, CQS_THRESHOLDS).",
  settingsLoadFailed: "Could not read the workbook's settings:",

  errorPrefix: "Could not do it:",
  errorUndoNotSupported: "Excel refused to group the command into one Undo step.",
  errorItemNotFound: "A sheet or cell was not found (renamed or deleted?). Check again.",
  errorItemAlreadyExists: "A sheet of that name exists already. Try again.",
  errorTooLarge: "The workbook is too large for one read.",
  exportWord: "Export to Word",
  exportWordHint:
    "Saves the ranking appendix as a Word file laid out per Decree 30/2020/NĐ-CP (A4, Times New Roman), as cqs export does.",
  exportWordMac:
    "Excel for Mac does not let an add-in download a file: use cqs export <workbook.xlsx> --docx <file.docx> on a computer.",
  exportWordDone: (name: string) => `Saved ${name}.`,
  stageExport: "Building the Word file…",
  chartsSkipped: (sheets: string) =>
    `No chart for ${sheets} (too many units, or no charts API in this Excel).`,
  fix: "Fix",
  filterLabel: "Filter by severity",
  groupTitle: (code: string, n: number, span: string): string =>
    `${n} cells ${GROUP_EN[code] ?? `with the same finding ${code}`}: ${span}`,
  findingsToSheet: "Write the findings to a new sheet",
  findingsToSheetHint:
    "Adds a new sheet listing the findings (cell, severity, message) to send back to the council.",
  findingsWritten: (name: string) => `The findings are on the sheet “${name}”.`,
  undoFixes: "Undo fixes",
  undoFixesHint: "Restores the fixed cells' original values, formulas and number formats exactly.",
  fixed: (n: number, undo: boolean) =>
    `Fixed ${n} cell${n === 1 ? "" : "s"} (originals kept: “Undo fixes” restores them${undo ? "; or one Ctrl+Z" : ""}).`,
  fixedNone: "No cell can be fixed automatically.",
  unfixed: (n: number) => `Restored the original of ${n} cell${n === 1 ? "" : "s"}.`,
  unfixedNone: "No cell is fixed.",
  withRank: "Add a Rank column",
  scopeFor: "Scope (for both Check and Build ranking)",
  confirmTitle: (n: number) => `The score sheets have ${n} error${n === 1 ? "" : "s"}.`,
  confirmBody: "The ranking will use recomputed totals (cells that differ are noted on the new sheet).",
  confirmBuild: "Build with recomputed totals",
  confirmShowErrors: "Show the errors",
  noticePageLayout:
    "This Excel has no page layout API (ExcelApi 1.9): set A4, margins and print titles by hand.",
  noticeComments:
    "This Excel cannot add cell comments (ExcelApi 1.10): changed totals are still listed under the table.",
  noticeLinks: "This Excel cannot link to cells (ExcelApi 1.7).",
  scopeFollowsCriteria: "The active sheet is one the add-in made, so the score sheets were read.",
};

export const PANE_TEXT: Readonly<Record<Lang, PaneStrings>> = { vi, en };
