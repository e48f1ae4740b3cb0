/**
 * The plain cell grid that every adapter returns and accepts: the one data shape shared by the
 * Office adapter and the .xlsx adapter, so the two cannot drift apart.
 *
 * Coordinates are 0-based inside the core; A1 addresses appear only at the edges (findings, writes).
 */

/** An Excel error value such as `#N/A`, `#REF!`, `#DIV/0!`, `#VALUE!`. */
export interface CellErrorValue {
  readonly error: string;
}

/** What a cell holds. `null` is an empty cell. Dates arrive as `Date` (ExcelJS) or as serials with a date format. */
export type CellValue = number | string | boolean | Date | CellErrorValue | null;

export interface Cell {
  /** The value Excel shows (for a formula: its stored result; `null` when not calculated). */
  readonly v: CellValue;
  /** The formula without the leading `=`, when the cell has one. */
  readonly f?: string;
  /** The number format, when not "General". */
  readonly fmt?: string;
}

/** A rectangle, 0-based and inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  /** `veryHidden` sheets (such as `CQS_Settings`) are skipped by the table finder. */
  readonly state?: "visible" | "hidden" | "veryHidden";
  /**
   * Rows of cells, `rows[r][c]` being the cell at row `top + r`, column `left + c`.
   * Missing rows or cells are empty. Only a merge's top-left cell carries its value.
   */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  /** Sheet coordinates of `rows[0][0]` (the used range may not start at A1). Defaults to 0, 0. */
  readonly top?: number;
  readonly left?: number;
  /** Merged ranges, in sheet coordinates. */
  readonly merges?: ReadonlyArray<CellRange>;
}

export interface WorkbookGrid {
  readonly name: string;
  readonly sheets: ReadonlyArray<SheetGrid>;
  /**
   * Names of the sheets the add-in wrote (ranking, findings, comparison sheets), as recorded in
   * the workbook (own.ts): the table finder leaves them out.
   */
  readonly ownSheets?: ReadonlyArray<string>;
}

const EMPTY: Cell = { v: null };

/** The cell at sheet coordinates (row, col), or an empty cell. */
export function cellAt(sheet: SheetGrid, row: number, col: number): Cell {
  const r = sheet.rows[row - (sheet.top ?? 0)];
  return (r && r[col - (sheet.left ?? 0)]) ?? EMPTY;
}

/** The last row index (sheet coordinates, exclusive bound) the grid covers. */
export function rowEnd(sheet: SheetGrid): number {
  return (sheet.top ?? 0) + sheet.rows.length;
}

/** The last column index (sheet coordinates, exclusive bound) of a row. */
export function colEnd(sheet: SheetGrid, row: number): number {
  const r = sheet.rows[row - (sheet.top ?? 0)];
  return (sheet.left ?? 0) + (r ? r.length : 0);
}

export function isErrorValue(v: CellValue): v is CellErrorValue {
  return typeof v === "object" && v !== null && !(v instanceof Date) && "error" in v;
}

/** Column letters for a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of 0-based (row, col). */
export function a1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** A1 address of a range: "A5:K27" (or "A5" for one cell). */
export function a1Range(r: CellRange): string {
  const start = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? start : `${start}:${a1(r.bottom, r.right)}`;
}

/** Parses "K18" or "$K$18" into 0-based coordinates; undefined when it is not an A1 cell address. */
export function parseA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const letters = m[1]!.toUpperCase();
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** Parses "A5:K27" (or one cell) into a range; undefined when malformed. */
export function parseA1Range(address: string): CellRange | undefined {
  const [a, b] = address.split(":");
  const p = a === undefined ? undefined : parseA1(a);
  const q = b === undefined ? p : parseA1(b);
  if (!p || !q) return undefined;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}
