/**
 * How the preview shows a cell of the Excel double: the text Excel would display for the number
 * formats the add-in uses, and the sizes of the grid. Display only; no scoring here.
 */
import { columnLetters } from "../core/grid";
import type { FakeCellView, FakeWorkbook } from "../excel-double/fake-excel";

/**
 * The text Excel shows for a cell. The preview shows it as Excel in Vietnamese does, with a
 * decimal comma (`decimalComma`); the double itself keeps en-US values.
 */
export function displayText(view: FakeCellView, decimalComma = false): string {
  const text = plainText(view);
  return decimalComma && typeof view.value === "number" ? text.replace(".", ",") : text;
}

function plainText(view: FakeCellView): string {
  const v = view.value;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "string") return v;
  const fmt = view.numberFormat;
  const fixed = /^0(?:\.(0+))?$/.exec(fmt);
  if (fixed) return v.toFixed(fixed[1]?.length ?? 0);
  if (fmt === "@") return String(v);
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(11)));
}

export interface SheetExtent {
  readonly rows: number;
  readonly cols: number;
}

/** Rows and columns to draw: the used cells, fills and merges, plus a margin like an empty sheet's. */
export function sheetExtent(workbook: FakeWorkbook, sheet: string): SheetExtent {
  let rows = 0;
  let cols = 0;
  const grid = workbook.toWorkbookGrid().sheets.find((s) => s.name === sheet);
  if (grid && grid.rows.length > 0) {
    rows = (grid.top ?? 0) + grid.rows.length;
    cols = (grid.left ?? 0) + Math.max(...grid.rows.map((r) => r?.length ?? 0));
  }
  for (const address of Object.keys(workbook.fills(sheet))) {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) continue;
    rows = Math.max(rows, Number(m[2]));
    cols = Math.max(cols, columnIndex(m[1]!) + 1);
  }
  return { rows: Math.max(rows + 3, 30), cols: Math.max(cols + 2, 12) };
}

export function columnIndex(letters: string): number {
  let c = 0;
  for (const ch of letters) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function parseRange(a1: string): Merge | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1.replace(/\$/g, ""));
  if (!m) return undefined;
  const top = Number(m[2]) - 1;
  const left = columnIndex(m[1]!);
  return {
    top,
    left,
    bottom: m[4] ? Number(m[4]) - 1 : top,
    right: m[3] ? columnIndex(m[3]) : left,
  };
}

const DEFAULT_WIDTH_PX = 64;

/**
 * Column widths in pixels: the widths the add-in set (points), else a width that fits the longest
 * text of the column (what a user would have set in the source workbook, which .xlsx reading drops).
 */
export function columnWidths(
  workbook: FakeWorkbook,
  sheet: string,
  extent: SheetExtent,
  merges: Merge[],
): number[] {
  const set = workbook.sheetInfo(sheet).columnWidths;
  const inMultiColumnMerge = (r: number, c: number): boolean =>
    merges.some((m) => m.right > m.left && r >= m.top && r <= m.bottom && c >= m.left && c <= m.right);
  const out: number[] = [];
  for (let c = 0; c < extent.cols; c++) {
    const points = set[columnLetters(c)];
    if (points !== undefined) {
      out.push(Math.round((points * 4) / 3));
      continue;
    }
    let longest = 0;
    for (let r = 0; r < extent.rows; r++) {
      if (inMultiColumnMerge(r, c)) continue;
      const view = workbook.cell(sheet, `${columnLetters(c)}${r + 1}`);
      if (view.value === null) continue;
      // Text with an empty cell on its right flows over it, as in Excel: titles do not widen a column.
      const next = workbook.cell(sheet, `${columnLetters(c + 1)}${r + 1}`);
      if (typeof view.value === "string" && next.value === null) continue;
      longest = Math.max(longest, displayText(view).length);
    }
    out.push(Math.min(260, Math.max(DEFAULT_WIDTH_PX, Math.round(longest * 7 + 12))));
  }
  return out;
}
