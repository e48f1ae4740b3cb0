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

/**
 * Which merged areas to ask for: over the whole used range, over its first MERGE_HEADER_ROWS rows
 * (where titles and table headers are), or none. `Range.getMergedAreasOrNullObject` fails the
 * request when the range holds more than 512 merged areas (a form sheet can), so the read falls
 * back from one to the next.
 */
type MergeScope = "all" | "header" | "none";
/** Rows from the top of a used range whose merges the header fallback still reads. */
export const MERGE_HEADER_ROWS = 30;
/** Excel's limit on the merged areas one `getMergedAreasOrNullObject` returns. */
export const MAX_MERGED_AREAS = 512;

/**
 * Queues a sheet's used range (with `properties`) and its merged areas where the API has them.
 * The used range is by values (`valuesOnly`): cells that only carry formatting, such as a column
 * formatted down to row 1,048,576, do not make it bigger.
 */
function queueUsedRange(sheet: Excel.Worksheet, properties: string, merges: MergeScope): SheetRead {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(properties);
  if (merges === "none") return { sheet, used };
  const over = merges === "all" ? used : used.getRow(0).getResizedRange(MERGE_HEADER_ROWS - 1, 0);
  const areas = over.getMergedAreasOrNullObject();
  areas.load("address");
  return { sheet, used, merges: areas };
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

/** The next, smaller merge scope after a failed read; undefined when none is left. */
function smallerMerges(scope: MergeScope): MergeScope | undefined {
  return scope === "all" ? "header" : scope === "header" ? "none" : undefined;
}

/** Values that did not come back: above about 5,000,000 cells `Range.values` can be null. */
function missingValues(used: Excel.Range): boolean {
  return !Array.isArray(used.values) || !Array.isArray(used.formulas) || !Array.isArray(used.numberFormat);
}

/**
 * Reads the workbook (or the active sheet) into grids. Two syncs: the sheet list, then every
 * sheet's used range with values, formulas, number formats and merged areas together. Only when
 * that fails: for its size (5 MB on the web, or values that come back null), the sheets are read
 * in row chunks, one sync per chunk; otherwise, with merges asked for (more than 512 merged areas
 * fail the read), it is read again asking for the merges of the top rows only, then for none.
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
  const grid = await readSheets(
    context,
    name,
    wanted,
    options,
    options.mergedAreas === false ? "none" : "all",
  );
  return { grid, allSheets };
}

/** The one-request read of the sheets, with its fallbacks (see readWorkbookGrid). */
async function readSheets(
  context: Excel.RequestContext,
  name: string,
  wanted: ReadonlyArray<Excel.Worksheet>,
  options: ReadOptions,
  merges: MergeScope,
): Promise<WorkbookGrid> {
  const reads = wanted.map((s) =>
    queueUsedRange(
      s,
      "address,rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat",
      merges,
    ),
  );
  try {
    await context.sync();
  } catch (e) {
    const smaller = smallerMerges(merges);
    if (isPayloadLimitError(e)) return readInChunks(context, name, wanted, options, merges);
    if (smaller === undefined) throw e;
    return readSheets(context, name, wanted, options, smaller);
  }
  if (reads.some((r) => !r.used.isNullObject && missingValues(r.used)))
    return readInChunks(context, name, wanted, options, merges);
  return {
    name,
    sheets: reads.map((r) => {
      const rows: Array<Array<Cell | undefined>> = [];
      if (!r.used.isNullObject) toRows(r.used.values, r.used.formulas, r.used.numberFormat, rows);
      return sheetGridOf(r, rows);
    }),
  };
}

/** Rows of one sheet read by one range load. */
interface Chunk {
  readonly used: Excel.Range;
  readonly row: number;
  readonly count: number;
  readonly bytes: number;
  /** Where the chunk's rows go, in row order, once read. */
  readonly into: Map<number, Array<Array<Cell | undefined>>>;
  range?: Excel.Range;
}

/**
 * The large-workbook path: sizes (and merges, falling back as above) first, then row chunks that
 * each fit the response budget, as many per request as fit. A request refused for its size, or
 * whose values come back null, is asked again with each of its chunks halved.
 */
async function readInChunks(
  context: Excel.RequestContext,
  name: string,
  sheets: ReadonlyArray<Excel.Worksheet>,
  options: ReadOptions,
  merges: MergeScope,
): Promise<WorkbookGrid> {
  const budget = options.budgetBytes ?? RESPONSE_BUDGET_BYTES;
  const sized = sheets.map((s) => queueUsedRange(s, "rowIndex,columnIndex,rowCount,columnCount", merges));
  try {
    await context.sync();
  } catch (e) {
    const smaller = smallerMerges(merges);
    if (smaller === undefined) throw e;
    return readInChunks(context, name, sheets, options, smaller);
  }
  const grids: SheetGrid[] = [];
  const chunks: Chunk[] = [];
  const parts: Array<Map<number, Array<Array<Cell | undefined>>>> = [];
  for (const read of sized) {
    const { used } = read;
    const into = new Map<number, Array<Array<Cell | undefined>>>();
    parts.push(into);
    grids.push(sheetGridOf(read, []));
    if (used.isNullObject) continue;
    const step = Math.max(1, Math.floor(budget / (BYTES_PER_CELL * Math.max(1, used.columnCount))));
    for (let r = 0; r < used.rowCount; r += step) {
      const count = Math.min(step, used.rowCount - r);
      chunks.push({ used, row: r, count, bytes: count * used.columnCount * BYTES_PER_CELL, into });
    }
  }
  await readChunks(context, chunks, budget);
  return {
    name,
    sheets: grids.map((g, i) => ({
      ...g,
      rows: [...parts[i]!.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, rows]) => rows),
    })),
  };
}

/** Halves of a chunk (a one-row chunk cannot be split: it is returned as it is). */
function halves(c: Chunk): Chunk[] {
  if (c.count <= 1) return [c];
  const first = Math.ceil(c.count / 2);
  const per = c.bytes / c.count;
  return [
    { used: c.used, row: c.row, count: first, bytes: per * first, into: c.into },
    {
      used: c.used,
      row: c.row + first,
      count: c.count - first,
      bytes: per * (c.count - first),
      into: c.into,
    },
  ];
}

/** Reads the chunks, as many per request as fit the budget; one sync per request. */
async function readChunks(context: Excel.RequestContext, chunks: Chunk[], budget: number): Promise<void> {
  if (chunks.length === 0) return;
  const request: Chunk[] = [];
  let bytes = 0;
  while (chunks.length > 0 && (request.length === 0 || bytes + chunks[0]!.bytes <= budget)) {
    const c = chunks.shift()!;
    bytes += c.bytes;
    c.range = c.used.getRow(c.row).getResizedRange(c.count - 1, 0);
    c.range.load("values,formulas,numberFormat");
    request.push(c);
  }
  let refused: unknown;
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadLimitError(e)) throw e;
    refused = e;
  }
  if (refused === undefined && request.some((c) => missingValues(c.range!)))
    refused = Object.assign(new Error("RangeExceedsLimit"), { code: "RangeExceedsLimit" });
  if (refused !== undefined) {
    const smaller = request.flatMap(halves);
    // Nothing left to halve: a single row Excel will not return.
    if (smaller.length === request.length) throw refused;
    chunks.unshift(...smaller);
    return readChunks(context, chunks, budget / 2);
  }
  for (const c of request) {
    const rows: Array<Array<Cell | undefined>> = [];
    toRows(c.range!.values, c.range!.formulas, c.range!.numberFormat, rows);
    c.into.set(c.row, rows);
  }
  return readChunks(context, chunks, budget);
}
