/**
 * The words of the pane's "So sánh với năm trước" tab, one table per language (Vietnamese first;
 * `en` typed by `vi`). Kept beside strings.ts so the two can change apart. The report's sentences
 * and rank moves come from the core (compareText.ts), shared with `cqs compare`.
 */
import type { Lang } from "../core";

const vi = {
  tab: "So sánh",
  title: "So sánh với năm trước",
  intro:
    "Chọn tệp .xlsx của năm trước (add-in không đọc được sổ tính khác đang mở). Mỗi năm được tính lại theo thiết lập của chính nó.",
  fileLabel: "Tệp năm trước",
  fileNone: "Chưa chọn tệp",
  fileReading: "Đang đọc tệp…",
  fileRead: (name: string, units: number) => `${name}: ${units} đơn vị`,
  fileUnreadable: (name: string) => `Không đọc được "${name}": không phải sổ tính .xlsx hoặc tệp bị hỏng.`,
  fileNoTable: (name: string) => `Không tìm thấy bảng điểm tiêu chí nào trong "${name}".`,
  mapTitle: "Đối chiếu tên (đổi tên, hợp nhất)",
  mapHint:
    "Tên đơn vị năm trước → đơn vị năm nay. Nhiều tên cũ có thể cùng vào một đơn vị: điểm năm trước là trung bình cộng. Được lưu trong sổ tính.",
  mapOld: "Tên năm trước",
  mapNew: "Đơn vị năm nay",
  mapAdd: "Thêm dòng",
  mapRemove: "Xóa dòng",
  build: "Lập trang so sánh",
  buildHint:
    "Thêm một trang mới cho mỗi bảng điểm: điểm, thứ hạng năm nay và năm trước, tăng/giảm bậc, mức độ. Không ghi đè ô nào.",
  needFile: "Hãy chọn tệp của năm trước.",
  busy: "Đang so sánh…",
  added: (names: string) => `Đã thêm ${names}.`,
  withErrors: (now: number, before: number) =>
    `Sổ tính năm nay có ${now} lỗi, năm trước có ${before} lỗi: so sánh dùng tổng điểm tính lại.`,
  reportTitle: "Số liệu cho báo cáo (sao chép được)",
};

const en: { [K in keyof typeof vi]: (typeof vi)[K] } = {
  tab: "Compare",
  title: "Compare with last year",
  intro:
    "Pick last year's .xlsx file (an add-in cannot read another open workbook). Each year is recomputed with its own settings.",
  fileLabel: "Last year's file",
  fileNone: "No file picked",
  fileReading: "Reading the file…",
  fileRead: (name, units) => `${name}: ${units} units`,
  fileUnreadable: (name) => `Cannot read "${name}": not an .xlsx workbook, or damaged.`,
  fileNoTable: (name) => `No criteria table found in "${name}".`,
  mapTitle: "Name mapping (renames, mergers)",
  mapHint:
    "Last year's unit name → this year's unit. Several old names may go to one unit: last year's score is their mean. Stored in the workbook.",
  mapOld: "Last year's name",
  mapNew: "This year's unit",
  mapAdd: "Add row",
  mapRemove: "Remove row",
  build: "Build comparison",
  buildHint:
    "Adds one new sheet per table: scores, ranks this year and last, places moved, levels. Nothing is overwritten.",
  needFile: "Pick last year's file first.",
  busy: "Comparing…",
  added: (names) => `Added ${names}.`,
  withErrors: (now, before) =>
    `This year's workbook has ${now} error(s), last year's ${before}: the comparison uses recomputed totals.`,
  reportTitle: "Figures for the report (copyable)",
};

export const COMPARE_TEXT: Readonly<Record<Lang, typeof vi>> = { vi, en };
export type CompareStrings = typeof vi;
