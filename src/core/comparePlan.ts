/**
 * The comparison sheet, planned as plain data like the ranking sheets (plan.ts): the biggest moves
 * summarized on top, then STT | Đơn vị | totals this year and last | change | ranks this year and
 * last | "tăng/giảm n bậc" | level change, in this year's rank order. Written in Vietnamese, the
 * decision's language, whatever the interface language.
 */
import { type ComparedBlock, type ComparedUnit, type Comparison } from "./compare";
import { comparisonSentences, rankChangeText } from "./compareText";
import { exactToNumber, formatExact } from "./exact";
import { decodeLegacyVietnamese } from "./legacy";
import { localNumber } from "./messages";
import { freeSheetName } from "./plan";
import type { PlannedCell, PlannedSheet } from "./writes";

const HEADER_FILL = "#D9E1F2";

/**
 * The headers. None of them is a table header the table finder knows ("Tổng điểm", "Thứ hạng",
 * "Mức độ"), so a workbook with a comparison sheet is checked as before.
 */
export const COMPARISON_HEADERS = [
  "STT",
  "Đơn vị",
  "Đơn vị năm trước",
  "Tổng điểm năm nay",
  "Tổng điểm năm trước",
  "Chênh lệch điểm",
  "Hạng năm nay",
  "Hạng năm trước",
  "Thay đổi thứ hạng",
  "Mức độ năm trước → năm nay",
] as const;

const WIDTH = COMPARISON_HEADERS.length;

function levelChange(u: ComparedUnit): string {
  const now = u.level;
  const before = u.previous?.level;
  if (now === undefined) return "";
  if (before === undefined || before === now) return before === undefined ? now : `${now} (giữ nguyên)`;
  return `${before} → ${now}`;
}

/** Plans the comparison sheet of one block under `name`. */
export function planComparisonSheet(block: ComparedBlock, name: string): PlannedSheet {
  const fmt = block.decimals > 0 ? `0.${"0".repeat(block.decimals)}` : "0";
  const changeFmt = `+${fmt};-${fmt};${fmt}`;
  const pad = (cells: PlannedCell[]): PlannedCell[] => {
    while (cells.length < WIDTH) cells.push({ v: null });
    return cells;
  };
  const rows: PlannedCell[][] = [];
  const merged: number[] = [];
  const line = (text: string, style: Omit<PlannedCell, "v"> = {}): void => {
    merged.push(rows.length);
    rows.push(pad([{ v: text, wrap: true, ...style }]));
  };
  line("SO SÁNH KẾT QUẢ MỨC ĐỘ CHÍNH QUYỀN SỐ VỚI NĂM TRƯỚC", { bold: true, align: "center" });
  line(block.title, { italic: true, align: "center" });
  // The report's sentences (the biggest moves among them), ready to copy.
  for (const s of comparisonSentences(block, "vi").slice(1)) line(s);
  rows.push(pad([]));
  const headerRow = rows.length;
  rows.push(
    COMPARISON_HEADERS.map((h) => ({
      v: h,
      bold: true,
      align: "center",
      border: true,
      fill: HEADER_FILL,
      wrap: true,
    })),
  );
  const empty: PlannedCell = { v: null, border: true };
  const number = (x: Parameters<typeof exactToNumber>[0] | undefined, f = fmt): PlannedCell =>
    x === undefined ? empty : { v: exactToNumber(x), fmt: f, align: "center", border: true };
  const whole = (n: number | undefined): PlannedCell =>
    n === undefined ? empty : { v: n, fmt: "0", align: "center", border: true };
  block.order.forEach((i, k) => {
    const u = block.units[i]!;
    const p = u.previous;
    rows.push([
      whole(k + 1),
      { v: decodeLegacyVietnamese(u.unit)?.text ?? u.unit, align: "left", border: true },
      p ? { v: p.unit, align: "left", border: true } : { v: "(đơn vị mới)", italic: true, border: true },
      number(u.total),
      number(p?.total),
      number(u.totalChange, changeFmt),
      whole(u.rank),
      whole(p?.rank),
      {
        v: u.rank === undefined ? "" : rankChangeText(p?.rank === undefined ? undefined : u.rankChange, "vi"),
        align: "center",
        border: true,
      },
      { v: levelChange(u), align: "center", border: true },
    ]);
  });
  rows.push(pad([]));
  for (const g of block.gone) {
    const total = g.total !== undefined ? localNumber(formatExact(g.total, block.decimals), "vi") : "";
    line(
      `Đơn vị không còn năm nay: ${g.unit}` +
        (total ? ` (năm trước ${total} điểm${g.rank !== undefined ? `, hạng ${g.rank}` : ""})` : ""),
      { italic: true },
    );
  }
  line(
    `Tổng điểm năm trước của đơn vị hợp nhất là trung bình cộng tổng điểm các đơn vị cũ, làm tròn ${block.decimals} chữ số thập phân (quá bán lên); ` +
      "thứ hạng năm trước tính lại trên các đơn vị năm trước sau khi đối chiếu, các đơn vị bằng điểm cùng hạng (1, 2, 2, 4). " +
      "Thay đổi thứ hạng = hạng năm trước − hạng năm nay.",
    { italic: true },
  );
  return {
    name,
    rows,
    merges: merged.map((r) => ({ top: r, left: 0, bottom: r, right: WIDTH - 1 })),
    columnWidths: [6, 36, 36, 11, 11, 11, 9, 9, 14, 14],
    freezeRows: headerRow + 1,
    own: "comparison",
  };
}

/** One comparison sheet per block, each under a free name ("So sánh Phụ lục I"). */
export function planComparisonSheets(
  comparison: Comparison,
  existingSheetNames: ReadonlyArray<string>,
): PlannedSheet[] {
  const taken = [...existingSheetNames];
  const plans = comparison.blocks.map((block) => {
    const name = freeSheetName(`So sánh ${block.sheet}`, taken);
    taken.push(name);
    return planComparisonSheet(block, name);
  });
  return plans;
}
