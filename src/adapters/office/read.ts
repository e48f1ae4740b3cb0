/**
 * Excel (Office.js) → plain cell grids. Input only: no scoring logic here.
 *
 * Round trips: one sync learns the sheets and their used ranges; one more reads every sheet's
 * values, formulas and number formats together (and the merged areas). When the cells would
 * pass Excel on the web's 5 MB response limit, the second step is split into row chunks, one
 * sync each.
 */
import type { Cell, CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../core/grid";
import { parseA1Range } from "../../core/grid";

/** Bytes we budget per response (Excel on the web allows 5 MB; keep a margin for JSON framing). */
export const RESPONSE_BUDGET_BYTES = 4_000_000;
/** A generous estimate of one cell's share of a response: value, formula and number format. */
const BYTES_PER_CELL = 36;

/** Excel's error values, as Office.js returns them in `values`. */
const ERROR_VALUES = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

export type ReadScope = "workbook" | "active";

export interface ReadOptions {
  /** The whole workbook, or the active sheet (plus the settings sheet). */
  readonly scope?: ReadScope;
  /** Name of the settings sheet, always read when present. */
  readonly settingsSheet?: string;
  /** Whether `Range.getMergedAreasOrNullObject` exists (ExcelApi 1.13). */
  readonly mergedAreas?: boolean;
  /** Response budget per chunk when the one-sync read is refused for its size (for tests). */
  readonly budgetBytes?: number;
}

/** Converts one Office.js cell to the grid's cell. */
function toCell(value: unknown, formula: unknown, format: unknown): Cell | undefined {
  const f = typeof formula === "string" && formula.startsWith("=") ? formula.slice(1) : undefined;
  const fmt = typeof format === "string" && format !== "General" && format !== "" ? format : undefined;
  let v: CellValue;
  if (value === "" || value === null || value === undefined) v = null;
  else if (typeof value === "string") v = ERROR_VALUES.has(value) ? { error: value } : value;
  else if (typeof value === "number" || typeof value === "boolean") v = value;
  else v = String(value);
  if (v === null && f === undefined) return fmt === undefined ? undefined : { v, fmt };
  return { v, ...(f !== undefined ? { f } : {}), ...(fmt !== undefined ? { fmt } : {}) };
}

function toRows(
  values: unknown[][],
  formulas: unknown[][],
  formats: unknown[][],
  into: Array<Array<Cell | undefined>>,
): void {
  for (let r = 0; r < values.length; r++) {
    const vr = values[r]!;
    const fr = formulas[r] ?? [];
    const nr = formats[r] ?? [];
    const row: Array<Cell | undefined> = new Array(vr.length);
    for (let c = 0; c < vr.length; c++) row[c] = toCell(vr[c], fr[c], nr[c]);
    into.push(row);
  }
}

/** "'Phụ lục I'!A5:A6, 'Phụ lục I'!B5:B6" → ranges. */
export function parseAreas(address: string): CellRange[] {
  const out: CellRange[] = [];
  for (const part of address.split(",")) {
    const bang = part.lastIndexOf("!");
    const r = parseA1Range(part.slice(bang + 1).trim());
    if (r) out.push(r);
  }
  return out;
}

const VISIBILITY: Readonly<Record<string, "visible" | "hidden" | "veryHidden">> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** True for the error Excel gives when a response passes its size limit. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : "";
  return (
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "RequestPayloadSizeLimitExceeded" ||
    /payload size limit/i.test(message)
  );
}

interface SheetRead {
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly merges?: Excel.RangeAreas;
}

/** Queues a sheet's used range (with `properties`) and its merged areas where the API has them. */
function queueUsedRange(sheet: Excel.Worksheet, properties: string, options: ReadOptions): SheetRead {
  const used = sheet.getUsedRangeOrNullObject();
  used.load(properties);
  if (options.mergedAreas === false) return { sheet, used };
  const merges = used.getMergedAreasOrNullObject();
  merges.load("address");
  return { sheet, used, merges };
}

/** A sheet's grid from what was read (after the sync): the rows, where they start, the merges. */
function sheetGridOf(read: SheetRead, rows: Array<Array<Cell | undefined>>): SheetGrid {
  const { sheet, used, merges } = read;
  const state = VISIBILITY[sheet.visibility] ?? "visible";
  if (used.isNullObject) return { name: sheet.name, state, rows: [] };
  return {
    name: sheet.name,
    state,
    rows,
    top: used.rowIndex,
    left: used.columnIndex,
    merges: merges && !merges.isNullObject ? parseAreas(merges.address) : [],
  };
}

/**
 * Reads the workbook (or the active sheet) into grids. Two syncs: the sheet list, then every
 * sheet's used range with values, formulas and number formats together. Only when Excel refuses
 * that response for its size (5 MB on the web) are the sheets read again in row chunks, one sync
 * per chunk.
 */
export async function readWorkbookGrid(
  context: Excel.RequestContext,
  name: string,
  options: ReadOptions = {},
): Promise<{ grid: WorkbookGrid; allSheets: string[] }> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  await context.sync();
  const allSheets = sheets.items.map((s) => s.name);
  const wanted = sheets.items.filter(
    (s) => options.scope !== "active" || s.name === active.name || s.name === options.settingsSheet,
  );
  const reads = wanted.map((s) =>
    queueUsedRange(
      s,
      "address,rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat",
      options,
    ),
  );
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    return { grid: await readInChunks(context, name, wanted, options), allSheets };
  }
  const grid: WorkbookGrid = {
    name,
    sheets: reads.map((r) => {
      const rows: Array<Array<Cell | undefined>> = [];
      if (!r.used.isNullObject) toRows(r.used.values, r.used.formulas, r.used.numberFormat, rows);
      return sheetGridOf(r, rows);
    }),
  };
  return { grid, allSheets };
}

/** The large-workbook path: sizes first, then row chunks that each fit the response budget. */
async function readInChunks(
  context: Excel.RequestContext,
  name: string,
  sheets: ReadonlyArray<Excel.Worksheet>,
  options: ReadOptions,
): Promise<WorkbookGrid> {
  const budget = options.budgetBytes ?? RESPONSE_BUDGET_BYTES;
  const sized = sheets.map((s) => queueUsedRange(s, "rowIndex,columnIndex,rowCount,columnCount", options));
  await context.sync();
  const grids: SheetGrid[] = [];
  const pending: Array<{ range: Excel.Range; into: Array<Array<Cell | undefined>> }> = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    await context.sync();
    for (const p of pending) toRows(p.range.values, p.range.formulas, p.range.numberFormat, p.into);
    pending.length = 0;
    bytes = 0;
  };
  for (const read of sized) {
    const { used } = read;
    const rows: Array<Array<Cell | undefined>> = [];
    grids.push(sheetGridOf(read, rows));
    if (used.isNullObject) continue;
    const step = Math.max(1, Math.floor(budget / (BYTES_PER_CELL * Math.max(1, used.columnCount))));
    for (let r = 0; r < used.rowCount; r += step) {
      const count = Math.min(step, used.rowCount - r);
      const chunkBytes = count * used.columnCount * BYTES_PER_CELL;
      // One sync per chunk: a response over the limit is what brought us here.
      if (bytes > 0 && bytes + chunkBytes > budget) await flush();
      const range = used.getRow(r).getResizedRange(count - 1, 0);
      range.load("values,formulas,numberFormat");
      pending.push({ range, into: rows });
      bytes += chunkBytes;
    }
  }
  if (pending.length > 0) await flush();
  return { name, sheets: grids };
}
