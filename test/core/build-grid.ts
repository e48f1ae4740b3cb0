/** Small builders of cell grids for core tests: rows of plain values, formulas as { f, v }. */
import type { Cell, CellRange, SheetGrid, WorkbookGrid } from "../../src/core/grid";

export type Plain =
  | number
  | string
  | boolean
  | null
  | undefined
  | Date
  | { f: string; v?: number | null }
  | { error: string }
  | { v: number | string; fmt: string };

export function cell(p: Plain): Cell | undefined {
  if (p === undefined) return undefined;
  if (p === null) return { v: null };
  if (typeof p === "object" && !(p instanceof Date)) {
    if ("f" in p) return { v: p.v ?? null, f: p.f };
    if ("fmt" in p) return { v: p.v, fmt: p.fmt };
    return { v: p };
  }
  return { v: p };
}

export function sheet(name: string, rows: Plain[][], merges: CellRange[] = []): SheetGrid {
  return { name, rows: rows.map((r) => r.map(cell)), merges };
}

export function workbook(...sheets: SheetGrid[]): WorkbookGrid {
  return { name: "test.xlsx", sheets };
}

export const CRITERIA_HEADERS = [
  "Nhận thức",
  "Kiến tạo thể chế",
  "Hạ tầng và nền tảng số",
  "Nền tảng và CQ số",
  "Dữ liệu số",
  "Hoạt động chính quyền số",
  "An toàn, an ninh mạng",
  "Đào tạo và phát triển CQS",
];

/** A one-row-header criteria table: STT, Đơn vị, 8 criteria, Tổng cộng. */
export function criteriaRows(units: Array<[string, Plain[], Plain]>): Plain[][] {
  return [
    ["STT", "Đơn vị", ...CRITERIA_HEADERS, "Tổng cộng"],
    ...units.map(([name, scores, total], i) => [i + 1, name, ...scores, total]),
  ];
}

/** A ranking table: STT, Đơn vị, TỔNG ĐIỂM, MỨC ĐỘ. */
export function rankingRows(units: Array<[string, Plain, Plain]>): Plain[][] {
  return [["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ"], ...units.map(([n, t, l], i) => [i + 1, n, t, l])];
}
