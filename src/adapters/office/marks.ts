/**
 * Reversible marks: fills on faulty cells, with each cell's original fill kept in a very hidden
 * sheet (`CQS_Marks`) so "Xóa đánh dấu" restores it exactly, even after the pane was closed or
 * the workbook saved and reopened. Marking a cell twice keeps its first original.
 */
import { MARK_FILLS, type PlannedMark } from "../../core/writes";
import { openStore, readStoreRecords } from "./store";
import {
  BYTES_PER_RANGE_OP,
  jsonBytes,
  REQUEST_BUDGET_BYTES,
  sendInRequests,
  type RequestPart,
} from "./write";

export const MARKS_SHEET = "CQS_Marks";

/** The fill properties we keep and restore (ExcelApi 1.9 cell properties). */
export interface FillProps {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

export interface MarkRecord {
  readonly sheet: string;
  readonly cell: string;
  readonly fill: FillProps | null;
}

/** True for a fill pattern drawn over the background (Excel.FillPattern other than Solid and None). */
export function isPatterned(fill: FillProps | null | undefined): boolean {
  return typeof fill?.pattern === "string" && fill.pattern !== "Solid" && fill.pattern !== "None";
}

/**
 * True when the cell has no background color, as opposed to a white one. Excel reports "no fill"
 * as color #FFFFFF; what tells them apart is `tintAndShade`, null for no fill (office-js issues
 * #4900, #6218), or a pattern of "None".
 */
export function isNoFill(fill: FillProps | null | undefined): boolean {
  return (
    !fill ||
    fill.pattern === "None" ||
    fill.tintAndShade === null ||
    fill.color === undefined ||
    fill.color === null ||
    fill.color === ""
  );
}

function recordsOf(values: unknown[][]): MarkRecord[] {
  const out: MarkRecord[] = [];
  for (const [sheet, cell, fill] of values) {
    if (typeof sheet !== "string" || typeof cell !== "string" || sheet === "" || cell === "") continue;
    let parsed: FillProps | null = null;
    if (typeof fill === "string" && fill !== "") {
      try {
        parsed = JSON.parse(fill) as FillProps;
      } catch {
        parsed = null;
      }
    }
    out.push({ sheet, cell, fill: parsed });
  }
  return out;
}

/**
 * Color and tintAndShade tell "no fill" from white and restore a solid fill; the pattern, its
 * color and tint restore a pattern fill ("Gray50" over a background, or over none).
 */
const FILL_QUERY = {
  format: {
    fill: { color: true, tintAndShade: true, pattern: true, patternColor: true, patternTintAndShade: true },
  },
};

/**
 * What one mark costs a request as office.js serializes it (object paths, actions, arguments),
 * rounded up from its serializer (office.js 1.1.110, with one worksheet proxy per sheet): reading
 * a cell's fill about 400 bytes, writing a mark about 570, restoring a fill with its pattern about
 * 900. Requests are packed to REQUEST_BUDGET_BYTES by these estimates: 10,000 marks in one request
 * were 6 MB, over Excel on the web's 5 MB.
 */
export const MARK_READ_BYTES = 450;
export const MARK_WRITE_BYTES = 700;
export const MARK_RESTORE_BYTES = 1100;

/** Worksheet proxies by name, one per sheet for the whole batch (a smaller request than one per cell). */
function sheetsOf(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const cache = new Map<string, Excel.Worksheet>();
  return (name) => {
    let sheet = cache.get(name);
    if (!sheet) {
      sheet = context.workbook.worksheets.getItem(name);
      cache.set(name, sheet);
    }
    return sheet;
  };
}

/** A cell to mark: its mark, and (once its read is queued) its range and fill read. */
export interface MarkTarget {
  readonly mark: PlannedMark;
  range?: Excel.Range;
  props?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/**
 * Marks cells by severity. Reads the originals and whether the records sheet exists (one request
 * per REQUEST_BUDGET_BYTES of reads: one up to several thousand cells), reads the earlier records
 * when there are some, then writes fills and records (again one request per budget). Two syncs
 * (three when earlier marks exist) for a few thousand cells. Returns how many cells were marked.
 */
export async function markCells(
  context: Excel.RequestContext,
  marks: ReadonlyArray<PlannedMark>,
  budget: number = REQUEST_BUDGET_BYTES,
): Promise<number> {
  // A method called on a null object fails the request: learn first whether the store exists.
  const store = context.workbook.worksheets.getItemOrNullObject(MARKS_SHEET);
  const targets = markTargets(marks);
  await sendInRequests(context, fillReadParts(context, targets), budget);
  // sendInRequests synced: the store's existence is known.
  // eslint-disable-next-line office-addins/call-sync-before-read
  const existing = store.isNullObject ? undefined : store;
  const earlier = existing ? await readStoreRecords(context, existing, recordsOf) : [];
  const fills = targets.map((t) => (t.props?.value[0]?.[0]?.format?.fill ?? null) as FillProps | null);
  await sendInRequests(context, markWriteParts(context, targets, fills, existing, earlier, budget), budget);
  return targets.length;
}

/** One target per cell: the most severe finding wins. */
export function markTargets(marks: ReadonlyArray<PlannedMark>): MarkTarget[] {
  const order = { error: 0, warning: 1, info: 2 } as const;
  const unique = new Map<string, PlannedMark>();
  for (const m of marks) {
    const key = `${m.sheet}!${m.cell}`;
    const prev = unique.get(key);
    if (!prev || order[m.severity] < order[prev.severity]) unique.set(key, m);
  }
  return [...unique.values()].map((mark) => ({ mark }));
}

/** The reads of the targets' fills (each target keeps its range for the writes). */
export function fillReadParts(context: Excel.RequestContext, targets: MarkTarget[]): RequestPart[] {
  const sheet = sheetsOf(context);
  return targets.map((t) => ({
    bytes: MARK_READ_BYTES + jsonBytes(t.mark.cell),
    queue: () => {
      t.range = sheet(t.mark.sheet).getRange(t.mark.cell);
      t.props = t.range.getCellProperties(FILL_QUERY);
    },
  }));
}

/** The writes of the marks (after their reads) and of the records: the earlier ones, then the new originals. */
export function markWriteParts(
  context: Excel.RequestContext,
  targets: ReadonlyArray<MarkTarget>,
  fills: ReadonlyArray<FillProps | null>,
  existing: Excel.Worksheet | undefined,
  earlier: ReadonlyArray<MarkRecord>,
  budget: number = REQUEST_BUDGET_BYTES,
): RequestPart[] {
  const known = new Set(earlier.map((r) => `${r.sheet}!${r.cell}`));
  const records: MarkRecord[] = [...earlier];
  const parts: RequestPart[] = targets.map((t, i) => {
    const key = `${t.mark.sheet}!${t.mark.cell}`;
    const fill = fills[i] ?? null;
    if (!known.has(key)) {
      records.push({ sheet: t.mark.sheet, cell: t.mark.cell, fill });
      known.add(key);
    }
    return {
      bytes: MARK_WRITE_BYTES + jsonBytes(t.mark.cell),
      queue: () => {
        const target = t.range!.format.fill;
        target.color = MARK_FILLS[t.mark.severity];
        // A pattern stays over a new background color: the mark is a plain fill.
        if (isPatterned(fill)) target.pattern = "Solid";
      },
    };
  });
  return [...parts, ...recordParts(context, existing, records, budget)];
}

/** Rows of records per request part (each part well under the budget). */
const RECORD_ROWS_PER_PART = 2000;

/** The writes of the records: the store (added very hidden, or emptied), then the rows in parts. */
function recordParts(
  context: Excel.RequestContext,
  existing: Excel.Worksheet | undefined,
  records: MarkRecord[],
  budget: number,
): RequestPart[] {
  let sheet: Excel.Worksheet | undefined = existing;
  const parts: RequestPart[] = [
    {
      bytes: 2 * BYTES_PER_RANGE_OP,
      queue: () => {
        sheet ??= context.workbook.worksheets.add(MARKS_SHEET);
        // The used range, not the whole sheet: a smaller request and Undo record.
        if (existing) existing.getUsedRange().clear("Contents");
        // Only a new store is hidden: setting visibility has no Undo support on Windows and Mac.
        else sheet.visibility = "VeryHidden";
      },
    },
  ];
  const rows = records.map((r) => [r.sheet, r.cell, r.fill ? JSON.stringify(r.fill) : ""]);
  const step = Math.max(1, Math.min(RECORD_ROWS_PER_PART, Math.floor(budget / 1000)));
  for (let top = 0; top < rows.length; top += step) {
    const band = rows.slice(top, top + step);
    parts.push({
      bytes: jsonBytes(band) + 20 * band.length + 2 * BYTES_PER_RANGE_OP,
      queue: () => {
        const range = sheet!.getRange(`A${top + 1}:C${top + band.length}`);
        range.numberFormat = band.map(() => ["@", "@", "@"]);
        range.values = band;
      },
    });
  }
  return parts;
}

/** Queues the writes that give a cell back the fill `original` describes. */
function restoreFill(fill: Excel.RangeFill, original: FillProps | null): void {
  if (isNoFill(original)) fill.clear();
  else {
    fill.color = original!.color!;
    // A tinted theme colour; 0 is the plain colour Excel already has from `color`.
    if (typeof original!.tintAndShade === "number" && original!.tintAndShade !== 0)
      fill.tintAndShade = original!.tintAndShade;
  }
  if (!isPatterned(original)) return;
  // The pattern after the background (whichever way Excel treats a pattern when the color is set).
  fill.pattern = original!.pattern as Excel.FillPattern;
  if (original!.patternColor) fill.patternColor = original!.patternColor;
  if (typeof original!.patternTintAndShade === "number" && original!.patternTintAndShade !== 0)
    fill.patternTintAndShade = original!.patternTintAndShade;
}

const sameColor = (a: string | undefined, b: string | undefined): boolean =>
  (a ?? "").toUpperCase() === (b ?? "").toUpperCase();

/** Whether a cell's fill, read back after a restore, is the original one. */
export function sameFill(original: FillProps | null, now: FillProps | null): boolean {
  if (isNoFill(original) !== isNoFill(now)) return false;
  if (!isNoFill(original)) {
    if (!sameColor(original!.color, now!.color)) return false;
    if ((original!.tintAndShade ?? 0) !== (now!.tintAndShade ?? 0)) return false;
  }
  if (isPatterned(original) !== isPatterned(now)) return false;
  return (
    !isPatterned(original) ||
    (original!.pattern === now!.pattern && sameColor(original!.patternColor, now!.patternColor))
  );
}

/**
 * Restores every marked cell's original fill, reads each one back and, where Excel shows another
 * fill than the one recorded (how it reports theme tints is not documented: setting the colour it
 * read and the tint it read may tint twice), sets the colour it displayed with no tint, which
 * shows the same colour. Empties the records. Three syncs for a few thousand cells (one when
 * nothing was ever marked, one more when a fill needed the fallback). Returns how many cells were
 * restored.
 */
export async function clearMarks(
  context: Excel.RequestContext,
  budget: number = REQUEST_BUDGET_BYTES,
): Promise<number> {
  const opened = await openStore(context, MARKS_SHEET, recordsOf);
  if (!opened) return 0;
  const { store, records } = opened;
  const sheet = sheetsOf(context);
  const restored = records.map((record) => ({
    record,
    range: undefined as Excel.Range | undefined,
    props: undefined as OfficeExtension.ClientResult<Excel.CellProperties[][]> | undefined,
  }));
  const parts: RequestPart[] = restored.map((r) => ({
    bytes: MARK_RESTORE_BYTES + MARK_READ_BYTES + jsonBytes(r.record.cell),
    queue: () => {
      r.range = sheet(r.record.sheet).getRange(r.record.cell);
      restoreFill(r.range.format.fill, r.record.fill);
      // Read back in the same request: a load after a write sees the write.
      r.props = r.range.getCellProperties(FILL_QUERY);
    },
  }));
  parts.push({ bytes: 2 * BYTES_PER_RANGE_OP, queue: () => store.getUsedRange().clear("Contents") });
  await sendInRequests(context, parts, budget);
  const fallback = restored.filter(
    (r) => !sameFill(r.record.fill, (r.props?.value[0]?.[0]?.format?.fill ?? null) as FillProps | null),
  );
  if (fallback.length > 0) {
    await sendInRequests(
      context,
      fallback.map((r) => ({
        bytes: MARK_RESTORE_BYTES,
        queue: () => {
          const fill = r.range!.format.fill;
          const original = r.record.fill;
          if (isNoFill(original)) return restoreFill(fill, original);
          // The colour Excel displayed, set plainly, under the pattern it had.
          fill.color = original!.color!;
          fill.tintAndShade = 0;
          if (isPatterned(original)) fill.pattern = original!.pattern as Excel.FillPattern;
        },
      })),
      budget,
    );
  }
  return records.length;
}
