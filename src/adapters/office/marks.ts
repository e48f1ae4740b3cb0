/**
 * Reversible marks: fills on faulty cells, with each cell's original fill kept in a very hidden
 * sheet (`CQS_Marks`) so "Xóa đánh dấu" restores it exactly, even after the pane was closed or
 * the workbook saved and reopened. Marking a cell twice keeps its first original.
 */
import { MARK_FILLS, type PlannedMark } from "../../core/writes";

export const MARKS_SHEET = "CQS_Marks";

/** The fill properties we keep and restore (ExcelApi 1.9 cell properties). */
export interface FillProps {
  color?: string;
  pattern?: string;
  patternColor?: string;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

interface MarkRecord {
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
 * Marks cells by severity. Two syncs (three when earlier marks exist): read the originals and
 * whether the records sheet exists, read the earlier records, then write fills and records in one
 * request. Returns how many cells were marked.
 */
export async function markCells(
  context: Excel.RequestContext,
  marks: ReadonlyArray<PlannedMark>,
): Promise<number> {
  const book = context.workbook;
  // A method called on a null object fails the request: learn first whether the store exists.
  const store = book.worksheets.getItemOrNullObject(MARKS_SHEET);
  // One mark per cell: the most severe finding wins.
  const order = { error: 0, warning: 1, info: 2 } as const;
  const unique = new Map<string, PlannedMark>();
  for (const m of marks) {
    const key = `${m.sheet}!${m.cell}`;
    const prev = unique.get(key);
    if (!prev || order[m.severity] < order[prev.severity]) unique.set(key, m);
  }
  const targets = [...unique.values()].map((m) => ({
    mark: m,
    range: book.worksheets.getItem(m.sheet).getRange(m.cell),
    props: undefined as OfficeExtension.ClientResult<Excel.CellProperties[][]> | undefined,
  }));
  for (const t of targets) t.props = t.range.getCellProperties(FILL_QUERY);
  await context.sync();
  const earlier = store.isNullObject ? [] : await readRecords(context, store);
  const known = new Set(earlier.map((r) => `${r.sheet}!${r.cell}`));
  const records: MarkRecord[] = [...earlier];
  for (const t of targets) {
    const key = `${t.mark.sheet}!${t.mark.cell}`;
    const fill = (t.props?.value[0]?.[0]?.format?.fill ?? null) as FillProps | null;
    if (!known.has(key)) {
      records.push({ sheet: t.mark.sheet, cell: t.mark.cell, fill });
      known.add(key);
    }
    t.range.format.fill.color = MARK_FILLS[t.mark.severity];
    // A pattern stays over a new background color: the mark is a plain fill.
    if (isPatterned(fill)) t.range.format.fill.pattern = "Solid";
  }
  writeRecords(context, store.isNullObject ? undefined : store, records);
  await context.sync();
  return targets.length;
}

/** The records kept in an existing store sheet. One sync. */
async function readRecords(context: Excel.RequestContext, store: Excel.Worksheet): Promise<MarkRecord[]> {
  const used = store.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  return used.isNullObject ? [] : recordsOf(used.values);
}

function writeRecords(
  context: Excel.RequestContext,
  existing: Excel.Worksheet | undefined,
  records: MarkRecord[],
): void {
  const sheet = existing ?? context.workbook.worksheets.add(MARKS_SHEET);
  // The used range, not the whole sheet: a smaller request and Undo record.
  if (existing) existing.getUsedRange().clear("Contents");
  if (records.length > 0) {
    const range = sheet.getRange(`A1:C${records.length}`);
    range.numberFormat = records.map(() => ["@", "@", "@"]);
    range.values = records.map((r) => [r.sheet, r.cell, r.fill ? JSON.stringify(r.fill) : ""]);
  }
  // Only a new store is hidden: setting visibility has no Undo support on Windows and Mac.
  if (!existing) sheet.visibility = "VeryHidden";
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

/**
 * Restores every marked cell's original fill and empties the records. Three syncs (one when
 * nothing was ever marked). Returns how many cells were restored.
 */
export async function clearMarks(context: Excel.RequestContext): Promise<number> {
  const book = context.workbook;
  const store = book.worksheets.getItemOrNullObject(MARKS_SHEET);
  const sheets = book.worksheets;
  sheets.load("items/name");
  await context.sync();
  if (store.isNullObject) return 0;
  const names = new Set(sheets.items.map((s) => s.name));
  const records = (await readRecords(context, store)).filter((r) => names.has(r.sheet));
  for (const r of records) restoreFill(book.worksheets.getItem(r.sheet).getRange(r.cell).format.fill, r.fill);
  store.getUsedRange().clear("Contents");
  await context.sync();
  return records.length;
}
