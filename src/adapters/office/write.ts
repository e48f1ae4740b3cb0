/**
 * Core-planned writes → Excel (Office.js). Output only: the core decides what goes where.
 *
 * Nothing the user typed is overwritten: planned sheets are added under free names; marks change
 * only fills and keep the originals (in a very hidden sheet) so they can be restored exactly.
 * Every function here queues its writes and leaves the one `context.sync()` to the caller.
 */
import { a1Range, columnLetters } from "../../core/grid";
import type { PlannedCell, PlannedSheet } from "../../core/writes";
import type { SettingsPlan } from "../../core/settings";

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

/** The number format of a planned cell: text is written as text ("@"), so "=…" stays text. */
function numberFormatOf(c: PlannedCell): string {
  if (typeof c.v === "string") return "@";
  return c.fmt ?? "General";
}

/**
 * Queues a new sheet with its cells: values and number formats as one 2-D array each, formats
 * by runs of equal cells. The caller syncs.
 */
export function queuePlannedSheet(context: Excel.RequestContext, plan: PlannedSheet): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(plan.name);
  const height = plan.rows.length;
  const width = plan.rows[0]?.length ?? 0;
  if (height === 0 || width === 0) return sheet;
  const all = sheet.getRange(block(0, 0, height, width));
  // Number formats first: a text cell formatted "@" keeps a leading "=" as text.
  all.numberFormat = plan.rows.map((r) => r.map(numberFormatOf));
  all.values = plan.rows.map((r) => r.map((c) => (c.v === null ? "" : c.v)));
  plan.rows.forEach((row, r) => {
    for (const run of runs(row, (c) => (c.bold ? "b" : undefined))) {
      sheet.getRange(block(r, run.from, 1, run.to - run.from + 1)).format.font.bold = true;
    }
    for (const run of runs(row, (c) => (c.italic ? "i" : undefined))) {
      sheet.getRange(block(r, run.from, 1, run.to - run.from + 1)).format.font.italic = true;
    }
    for (const run of runs(row, (c) => c.fill)) {
      sheet.getRange(block(r, run.from, 1, run.to - run.from + 1)).format.fill.color = run.key;
    }
    for (const run of runs(row, (c) => (c.wrap ? "w" : undefined))) {
      sheet.getRange(block(r, run.from, 1, run.to - run.from + 1)).format.wrapText = true;
    }
    for (const run of runs(row, (c) => c.align)) {
      const align = run.key === "center" ? "Center" : run.key === "right" ? "Right" : "Left";
      sheet.getRange(block(r, run.from, 1, run.to - run.from + 1)).format.horizontalAlignment = align;
    }
  });
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
    }
  }
  for (const m of plan.merges) sheet.getRange(a1Range(m)).merge(false);
  plan.columnWidths.forEach((chars, c) => {
    // Excel measures column width in points here: about 7 points per character of Calibri 11.
    sheet.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = Math.round(chars * 7);
  });
  if (plan.freezeRows) sheet.freezePanes.freezeRows(plan.freezeRows);
  return sheet;
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
  // The settings layout is fixed, so an existing name already points at the right cells.
  for (const n of plan.names) {
    if (!existingNames.includes(n.name)) context.workbook.names.add(n.name, `=${n.reference}`);
  }
}

/** Selects a cell: activates its sheet and selects it. The caller syncs. */
export function queueSelect(context: Excel.RequestContext, sheetName: string, cell: string): void {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
}
