/**
 * A loaded ExcelJS workbook → the plain cell grid. Kept apart from read.ts (which opens files with
 * Node's fs) so that the task pane can load it, with ExcelJS, only when a file is picked
 * ("So sánh với năm trước"): no Node module in here.
 *
 * ExcelJS repeats a merge's master value in every cell of the merge; Office.js does not. The grid
 * keeps the value in the top-left cell only, so both adapters agree (DESIGN.md, "Reading cells").
 */
import ExcelJS from "exceljs";
import type { Cell, CellErrorValue, CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../core/grid";
import { ownSheetsFromNames, type DefinedNameRecord } from "../../core/own";

// ---------------------------------------------------------------------------------------------
// Workbook → grid

const EMPTY: Cell = Object.freeze({ v: null });
const EMPTY_ROW: ReadonlyArray<Cell> = Object.freeze([]);
/** Error values are few: share one object per code. */
const ERRORS = new Map<string, CellErrorValue>();

function errorValue(code: string): CellErrorValue {
  let e = ERRORS.get(code);
  if (!e) {
    e = Object.freeze({ error: code });
    ERRORS.set(code, e);
  }
  return e;
}

const { ValueType } = ExcelJS;

/** Plain text of a string, rich text `{richText:[{text}]}`, or anything ExcelJS puts in a text slot. */
function plainText(x: unknown): string {
  if (typeof x === "string") return x;
  if (x === null || x === undefined) return "";
  if (typeof x === "object") {
    if ("richText" in x && Array.isArray(x.richText)) {
      let s = "";
      for (const run of x.richText as ReadonlyArray<{ text?: unknown }>) {
        if (typeof run.text === "string") s += run.text;
      }
      return s;
    }
    if ("text" in x) return plainText(x.text);
  }
  return String(x);
}

/**
 * What Excel shows for a date outside its range (a huge number formatted as a date). ExcelJS turns
 * such a value into an invalid Date, which the grid never carries: it becomes this text, so a
 * score cell holding it is reported as not a number, as the user sees it in Excel.
 */
export const OUT_OF_RANGE_DATE = "########";

function dateValue(d: Date): Date | string {
  return Number.isNaN(d.getTime()) ? OUT_OF_RANGE_DATE : d;
}

/** A formula's stored result (or a plain value) as a grid value; undefined/absent → null. */
function toValue(x: unknown): CellValue {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case "number":
    case "boolean":
    case "string":
      return x;
    case "object":
      if (x instanceof Date) return dateValue(x);
      if ("error" in x && typeof x.error === "string") return errorValue(x.error);
      if ("richText" in x || "text" in x) return plainText(x);
      return null;
    default:
      return null;
  }
}

function cellOf(v: CellValue, f: string | undefined, fmt: string | undefined): Cell {
  if (f === undefined) return fmt === undefined ? { v } : { v, fmt };
  return fmt === undefined ? { v, f } : { v, f, fmt };
}

function convertCell(cell: ExcelJS.Cell): Cell {
  const numFmt = cell.numFmt;
  const fmt = numFmt && numFmt !== "General" ? numFmt : undefined;
  switch (cell.type) {
    case ValueType.Null:
      return EMPTY;
    case ValueType.Number:
    case ValueType.String:
    case ValueType.Boolean:
      return cellOf(cell.value as CellValue, undefined, fmt);
    case ValueType.Date:
      return cellOf(toValue(cell.value), undefined, fmt);
    case ValueType.Formula: {
      // cell.value drops a falsy result (0, false, ""): read formula and result directly.
      const raw = cell.formula;
      const f = typeof raw === "string" ? (raw.startsWith("=") ? raw.slice(1) : raw) : "";
      return cellOf(toValue(cell.result), f, fmt);
    }
    case ValueType.Error:
      return cellOf(toValue(cell.value), undefined, fmt);
    case ValueType.RichText:
    case ValueType.Hyperlink:
    case ValueType.SharedString:
      return cellOf(plainText(cell.value), undefined, fmt);
    default:
      return cellOf(toValue(cell.value), undefined, fmt);
  }
}

interface MergeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: ReadonlyArray<Cell>[] = [];
  // Merges rebuilt from the cells ExcelJS marks as merged into a master (public API only).
  const merges = new Map<ExcelJS.Cell, MergeBox>();

  ws.eachRow((row, rowNumber) => {
    const r = rowNumber - 1;
    while (rows.length < r) rows.push(EMPTY_ROW);
    const cells: Cell[] = [];
    row.eachCell((cell, colNumber) => {
      const c = colNumber - 1;
      while (cells.length < c) cells.push(EMPTY);
      if (cell.type === ValueType.Merge) {
        // ExcelJS repeats the master's value here: only the top-left cell carries it.
        const master = cell.master as ExcelJS.Cell | undefined;
        if (!master) {
          cells.push(EMPTY);
          return;
        }
        let box = merges.get(master);
        if (!box) {
          const at = master.fullAddress;
          box = { top: at.row - 1, left: at.col - 1, bottom: at.row - 1, right: at.col - 1 };
          merges.set(master, box);
        }
        if (r > box.bottom) box.bottom = r;
        if (c > box.right) box.right = c;
        cells.push(EMPTY);
        return;
      }
      cells.push(convertCell(cell));
    });
    rows.push(cells);
  });

  const mergeList: CellRange[] = [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  const state = ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
  return { name: ws.name, state, rows, top: 0, left: 0, merges: mergeList };
}

/** Converts a loaded ExcelJS workbook into the plain grid, sheets in workbook order. */
export function workbookToGrid(wb: ExcelJS.Workbook, name: string): WorkbookGrid {
  const sheets = wb.worksheets.map(sheetToGrid);
  const ownSheets = ownSheetsOf(wb);
  return ownSheets.length > 0 ? { name, sheets, ownSheets } : { name, sheets };
}

/** The sheets the workbook's defined names record as the add-in's own (core/own.ts). */
export function ownSheetsOf(wb: ExcelJS.Workbook): string[] {
  let model: ReadonlyArray<{ name?: unknown; ranges?: unknown }> = [];
  try {
    model = (wb.definedNames as unknown as { model: typeof model }).model ?? [];
  } catch {
    return [];
  }
  const names: DefinedNameRecord[] = [];
  for (const n of model) {
    if (typeof n.name !== "string" || !Array.isArray(n.ranges)) continue;
    for (const r of n.ranges) if (typeof r === "string") names.push({ name: n.name, reference: r });
  }
  return ownSheetsFromNames(names).map((o) => o.sheet);
}
