/**
 * Core-planned writes → Excel (Office.js). Output only: the core decides what goes where.
 *
 * Nothing the user typed is overwritten: planned sheets are added under free names; marks change
 * only fills and keep the originals (in a very hidden sheet) so they can be restored exactly.
 * Every function here queues its writes and leaves the one `context.sync()` to the caller.
 */
import { a1Range, columnLetters } from "../../core/grid";
import type { PlannedCell, PlannedSheet } from "../../core/writes";
import { SETTINGS_NAMES, THRESHOLDS_NAME, type SettingsPlan } from "../../core/settings";

const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

/** A1 range of a block of `rows` × `cols` cells from (row, col). */
function block(row: number, col: number, rows: number, cols: number): string {
  return a1Range({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
}

/** Groups equal cells of one row into runs, so a format is applied once per run. */
function runs<T>(
  cells: ReadonlyArray<T>,
  key: (c: T) => string | undefined,
): Array<{ from: number; to: number; key: string }> {
  const out: Array<{ from: number; to: number; key: string }> = [];
  cells.forEach((c, i) => {
    const k = key(c);
    if (k === undefined) return;
    const last = out[out.length - 1];
    if (last && last.key === k && last.to === i - 1) last.to = i;
    else out.push({ from: i, to: i, key: k });
  });
  return out;
}

/** A rectangle of cells that share one format value. */
export interface FormatRect {
  readonly top: number;
  bottom: number;
  readonly from: number;
  readonly to: number;
  readonly key: string;
}

/**
 * The rectangles of equal format: each row's runs, with a run extended down while the rows below
 * have the same run (same columns, same value). A table body formatted alike by column becomes one
 * rectangle per column, set once, instead of one range per row: per-row ranges made the ranking
 * write 14.6 MB at 10,000 units as office.js serializes it, over Excel on the web's 5 MB.
 */
export function formatRects<T>(
  rows: ReadonlyArray<ReadonlyArray<T>>,
  key: (c: T) => string | undefined,
): FormatRect[] {
  const out: FormatRect[] = [];
  let open = new Map<string, FormatRect>();
  rows.forEach((row, r) => {
    const next = new Map<string, FormatRect>();
    for (const run of runs(row, key)) {
      const id = `${run.from}:${run.to}:${run.key}`;
      let rect = open.get(id);
      if (rect && rect.bottom === r - 1) rect.bottom = r;
      else {
        rect = { top: r, bottom: r, from: run.from, to: run.to, key: run.key };
        out.push(rect);
      }
      next.set(id, rect);
    }
    open = next;
  });
  return out;
}

/** The number format of a planned cell: text is written as text ("@"), so "=…" stays text. */
function numberFormatOf(c: PlannedCell): string {
  if (typeof c.v === "string") return "@";
  return c.fmt ?? "General";
}

/**
 * Bytes we allow one request to carry, by our estimate. Excel on the web refuses requests over
 * 5 MB; the estimate (below) is checked against office.js's own serializer in the tests.
 */
export const REQUEST_BUDGET_BYTES = 3_500_000;
/**
 * What office.js adds to a request per range operation (object paths and actions around the
 * argument), rounded up from its serializer: a formatted range costs about 400 bytes.
 */
export const BYTES_PER_RANGE_OP = 500;

/** UTF-8 bytes of a value's JSON text (what office.js puts in the request for an argument). */
export function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x);
  return s === undefined ? 0 : utf8Length(s);
}

/** UTF-8 bytes of a text, counted without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** One row band of a planned sheet's cells, written as one values and one number-format array. */
interface CellBand {
  readonly sheet: Excel.Worksheet;
  readonly top: number;
  readonly rows: ReadonlyArray<ReadonlyArray<PlannedCell>>;
  readonly width: number;
  readonly bytes: number;
}

/** Splits a plan's rows into bands whose values and formats fit `budget` bytes each. */
function cellBands(sheet: Excel.Worksheet, plan: PlannedSheet, width: number, budget: number): CellBand[] {
  const bands: CellBand[] = [];
  let top = 0;
  let bytes = 0;
  const flush = (end: number): void => {
    if (end > top) bands.push({ sheet, top, rows: plan.rows.slice(top, end), width, bytes });
    top = end;
    bytes = 0;
  };
  plan.rows.forEach((row, r) => {
    const rowBytes =
      jsonBytes(row.map((c) => (c.v === null ? "" : c.v))) + jsonBytes(row.map(numberFormatOf)) + 2;
    if (bytes > 0 && bytes + rowBytes + 2 * BYTES_PER_RANGE_OP > budget) flush(r);
    bytes += rowBytes;
  });
  flush(plan.rows.length);
  return bands;
}

/** Queues a band's number formats, then its values (a text cell formatted "@" keeps a leading "=" as text). */
function queueBand(band: CellBand): void {
  const range = band.sheet.getRange(block(band.top, 0, band.rows.length, band.width));
  range.numberFormat = band.rows.map((r) => r.map(numberFormatOf));
  range.values = band.rows.map((r) => r.map((c) => (c.v === null ? "" : c.v)));
}

/**
 * Queues a new sheet's formats (one range per rectangle of equal format), borders, merges, widths
 * and frozen rows, and returns its cell bands (values and number formats) for the caller to queue
 * within the request budget.
 */
function queueSheetFormats(
  context: Excel.RequestContext,
  plan: PlannedSheet,
  budget: number,
): { sheet: Excel.Worksheet; bands: CellBand[]; bytes: number } {
  const sheet = context.workbook.worksheets.add(plan.name);
  const height = plan.rows.length;
  const width = plan.rows[0]?.length ?? 0;
  if (height === 0 || width === 0) return { sheet, bands: [], bytes: BYTES_PER_RANGE_OP };
  let ops = 1;
  const format = (rect: FormatRect): Excel.RangeFormat => {
    ops++;
    return sheet.getRange(block(rect.top, rect.from, rect.bottom - rect.top + 1, rect.to - rect.from + 1))
      .format;
  };
  for (const rect of formatRects(plan.rows, (c) => (c.bold ? "b" : undefined))) format(rect).font.bold = true;
  for (const rect of formatRects(plan.rows, (c) => (c.italic ? "i" : undefined)))
    format(rect).font.italic = true;
  for (const rect of formatRects(plan.rows, (c) => c.fill)) format(rect).fill.color = rect.key;
  for (const rect of formatRects(plan.rows, (c) => (c.wrap ? "w" : undefined))) format(rect).wrapText = true;
  for (const rect of formatRects(plan.rows, (c) => c.align)) {
    const align = rect.key === "center" ? "Center" : rect.key === "right" ? "Right" : "Left";
    format(rect).horizontalAlignment = align;
  }
  // Borders: the bordered rows form one rectangle (the table), set once.
  const bordered = plan.rows.map((r, i) => (r.some((c) => c.border) ? i : -1)).filter((i) => i >= 0);
  if (bordered.length > 0) {
    const top = bordered[0]!;
    const bottom = bordered[bordered.length - 1]!;
    const table = sheet.getRange(block(top, 0, bottom - top + 1, width));
    for (const edge of BORDER_EDGES) {
      const b = table.format.borders.getItem(edge);
      b.style = "Continuous";
      b.weight = "Thin";
      ops++;
    }
  }
  ops += plan.merges.length;
  plan.columnWidths.forEach((chars, c) => {
    // Excel measures column width in points here: about 7 points per character of Calibri 11.
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = Math.round(chars * 7);
    ops++;
  });
  if (plan.freezeRows) sheet.freezePanes.freezeRows(plan.freezeRows);
  return { sheet, bands: cellBands(sheet, plan, width, budget), bytes: (ops + 1) * BYTES_PER_RANGE_OP };
}

/** Queues a sheet's merges: after its values, which are written cell by cell. */
function queueMerges(sheet: Excel.Worksheet, plan: PlannedSheet): void {
  for (const m of plan.merges) sheet.getRange(a1Range(m)).merge(false);
}

/**
 * Writes new sheets in as few requests as fit the request budget: the sheets and their formats
 * first, then their cells in row bands; a sync whenever the next part would pass the budget, and
 * a last one (with the merges, and the first sheet activated when asked). Returns the sheets
 * added, in plan order. The budget is by our estimate; see
 * REQUEST_BUDGET_BYTES.
 */
export async function writePlannedSheets(
  context: Excel.RequestContext,
  plans: ReadonlyArray<PlannedSheet>,
  options: {
    readonly budget?: number;
    readonly activateFirst?: boolean;
    /** Queues more on the new sheets (charts) with the last write. */
    readonly withSheets?: (sheets: ReadonlyArray<Excel.Worksheet>) => void;
  } = {},
): Promise<Excel.Worksheet[]> {
  const budget = options.budget ?? REQUEST_BUDGET_BYTES;
  let bytes = 0;
  const parts: Array<() => void> = [];
  const sheets: Excel.Worksheet[] = [];
  const bands: CellBand[] = [];
  for (const plan of plans) {
    const queued = queueSheetFormats(context, plan, budget);
    sheets.push(queued.sheet);
    bands.push(...queued.bands);
    bytes += queued.bytes;
  }
  // Bands go into the current request while they fit, then into new ones.
  const requests: CellBand[][] = [[]];
  for (const band of bands) {
    const cost = band.bytes + 2 * BYTES_PER_RANGE_OP;
    if (bytes > 0 && bytes + cost > budget) {
      requests.push([]);
      bytes = 0;
    }
    requests[requests.length - 1]!.push(band);
    bytes += cost;
  }
  for (const request of requests) parts.push(() => request.forEach(queueBand));
  // Merges (counted in the first request's estimate) go with the last cells.
  const last = parts.length - 1;
  const lastPart = parts[last]!;
  parts[last] = () => {
    lastPart();
    sheets.forEach((sheet, i) => queueMerges(sheet, plans[i]!));
    options.withSheets?.(sheets);
    if (options.activateFirst) sheets[0]?.activate();
  };
  await syncEach(context, parts);
  return sheets;
}

/** A piece of a batch: what it queues and what that costs a request, by our estimate. */
export interface RequestPart {
  readonly bytes: number;
  readonly queue: () => void;
}

/**
 * Sends parts in order, as many per request as fit `budget` bytes (a part bigger than the budget
 * goes alone): one sync per request, at least one (which also answers the reads queued before).
 */
export async function sendInRequests(
  context: Excel.RequestContext,
  parts: ReadonlyArray<RequestPart>,
  budget: number = REQUEST_BUDGET_BYTES,
): Promise<void> {
  const requests: RequestPart[][] = [[]];
  let bytes = 0;
  for (const part of parts) {
    if (bytes > 0 && bytes + part.bytes > budget) {
      requests.push([]);
      bytes = 0;
    }
    requests[requests.length - 1]!.push(part);
    bytes += part.bytes;
  }
  await syncEach(
    context,
    requests.map((request) => () => request.forEach((p) => p.queue())),
  );
}

/** Queues each part and syncs after it: one request per part, in order. */
export async function syncEach(
  context: Excel.RequestContext,
  parts: ReadonlyArray<() => void>,
): Promise<void> {
  const step = async (i: number): Promise<void> => {
    if (i >= parts.length) return;
    parts[i]!();
    await context.sync();
    await step(i + 1);
  };
  await step(0);
}

/** Queues the settings sheet (very hidden) and its workbook names. The caller syncs. */
export function queueSettings(
  context: Excel.RequestContext,
  plan: SettingsPlan,
  existing: Excel.Worksheet | undefined,
  existingNames: ReadonlyArray<string>,
): void {
  const sheet = existing ?? context.workbook.worksheets.add(plan.sheet);
  if (existing) existing.getUsedRange().clear("Contents");
  const width = Math.max(...plan.rows.map((r) => r.length));
  const rows = plan.rows.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
  const range = sheet.getRange(block(0, 0, rows.length, width));
  range.numberFormat = rows.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
  range.values = rows;
  // Only a new sheet needs hiding (and Excel on desktop cannot undo a visibility change).
  if (!existing) sheet.visibility = "VeryHidden";
  // The rows of criteria and levels vary with the framework: names of the settings are set anew
  // (CQS_THRESHOLDS keeps its cells), and one the plan no longer has (CQS_WEIGHTS) is removed.
  const planned = new Set(plan.names.map((n) => n.name));
  for (const name of SETTINGS_NAMES) {
    if (existingNames.includes(name) && (!planned.has(name) || name !== THRESHOLDS_NAME))
      context.workbook.names.getItem(name).delete();
  }
  for (const n of plan.names) {
    if (n.name === THRESHOLDS_NAME && existingNames.includes(n.name)) continue;
    context.workbook.names.add(n.name, `=${n.reference}`);
  }
}

/** Selects a cell: activates its sheet and selects it. The caller syncs. */
export function queueSelect(context: Excel.RequestContext, sheetName: string, cell: string): void {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
}
