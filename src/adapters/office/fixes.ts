/**
 * Fixes the user clicks, and their restore ("Hoàn tác sửa"): each fixed cell's original formula
 * or value and number format is kept in a very hidden sheet (`CQS_Fixes`), as the marks keep
 * fills, so it can be restored on any Excel version, after the pane was closed or the workbook
 * reopened. Fixing a cell twice keeps its first original. Also writes the findings sheet.
 */
import type { Analysis } from "../../core/analyze";
import { planFindingsSheet } from "../../core/findings-out";
import type { PlannedFix } from "../../core/fixes";
import {
  queueNamesLoad,
  queueOwnSheetRecords,
  queueSheetExtras,
  loadedNames,
  type ExtrasCapabilities,
} from "./appendix";
import { openStore } from "./store";
import { writePlannedSheets } from "./write";
import type { Lang } from "../../core/messages";

export const FIXES_SHEET = "CQS_Fixes";

interface FixRecord {
  readonly sheet: string;
  readonly cell: string;
  /** The cell's formula or value as `range.formulas` gives it (JSON). */
  readonly original: string;
  readonly numberFormat: string;
}

function writeRecords(store: Excel.Worksheet, records: ReadonlyArray<FixRecord>, clear: boolean): void {
  if (clear) store.getUsedRange().clear("Contents");
  if (records.length === 0) return;
  const range = store.getRange(`A1:D${records.length}`);
  range.numberFormat = records.map(() => ["@", "@", "@", "@"]);
  range.values = records.map((r) => [r.sheet, r.cell, r.original, r.numberFormat]);
}

/**
 * Makes sure the store sheet exists (created very hidden: Excel cannot undo a visibility change,
 * so this runs before, and outside, the fix's Undo group). One sync, two when it is created.
 */
export async function ensureFixStore(context: Excel.RequestContext): Promise<void> {
  const store = context.workbook.worksheets.getItemOrNullObject(FIXES_SHEET);
  await context.sync();
  if (!store.isNullObject) return;
  const sheet = context.workbook.worksheets.add(FIXES_SHEET);
  sheet.visibility = "VeryHidden";
  await context.sync();
}

/**
 * Applies fixes, keeping each cell's original in the store (which must exist: ensureFixStore).
 * Two syncs: read the originals and the earlier records, then write. Returns how many cells.
 */
export async function applyFixes(
  context: Excel.RequestContext,
  fixes: ReadonlyArray<PlannedFix>,
): Promise<number> {
  const book = context.workbook;
  const store = book.worksheets.getItem(FIXES_SHEET);
  const used = store.getUsedRangeOrNullObject(true);
  used.load("values");
  const targets = fixes.map((fix) => {
    const range = book.worksheets.getItem(fix.sheet).getRange(fix.cell);
    range.load("formulas,numberFormat");
    return { fix, range };
  });
  await context.sync();
  const earlier = used.isNullObject ? [] : readRecordsFrom(used.values);
  const known = new Set(earlier.map((r) => `${r.sheet}!${r.cell}`));
  const records = [...earlier];
  for (const { fix, range } of targets) {
    const key = `${fix.sheet}!${fix.cell}`;
    if (!known.has(key)) {
      records.push({
        sheet: fix.sheet,
        cell: fix.cell,
        original: JSON.stringify(range.formulas[0]?.[0] ?? ""),
        numberFormat: String(range.numberFormat[0]?.[0] ?? "General"),
      });
      known.add(key);
    }
    // The number format first: a cell formatted "@" would keep the number as text.
    range.numberFormat = [[fix.numberFormat]];
    if (fix.formula !== undefined) range.formulas = [[fix.formula]];
    else range.values = [[fix.value ?? ""]];
  }
  writeRecords(store, records, !used.isNullObject);
  await context.sync();
  return targets.length;
}

function readRecordsFrom(values: unknown[][]): FixRecord[] {
  const out: FixRecord[] = [];
  for (const [sheet, cell, original, numberFormat] of values) {
    if (typeof sheet !== "string" || typeof cell !== "string" || sheet === "" || cell === "") continue;
    out.push({
      sheet,
      cell,
      original: String(original ?? ""),
      numberFormat: String(numberFormat ?? "General"),
    });
  }
  return out;
}

/** Restores every fixed cell's original and empties the store. Returns how many cells. */
export async function restoreFixes(context: Excel.RequestContext): Promise<number> {
  const book = context.workbook;
  const opened = await openStore(context, FIXES_SHEET, readRecordsFrom);
  if (!opened) return 0;
  const { store, records } = opened;
  for (const r of records) {
    const range = book.worksheets.getItem(r.sheet).getRange(r.cell);
    let original: unknown = "";
    try {
      original = JSON.parse(r.original);
    } catch {
      original = r.original;
    }
    range.numberFormat = [[r.numberFormat]];
    range.formulas = [[original as string | number]];
  }
  // An empty store's used range is A1: clearing it is harmless.
  store.getUsedRange().clear("Contents");
  await context.sync();
  return records.length;
}

/** Writes the findings sheet (new, under a free name, recorded as the add-in's own). Two syncs. */
export async function writeFindingsSheet(
  context: Excel.RequestContext,
  analysis: Pick<Analysis, "workbook" | "findings" | "summary">,
  lang: Lang,
  caps: ExtrasCapabilities,
): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const names = queueNamesLoad(context);
  await context.sync();
  const plan = planFindingsSheet(
    analysis,
    sheets.items.map((s) => s.name),
    lang,
  );
  await writePlannedSheets(context, [plan], {
    activateFirst: true,
    withSheets: ([sheet]) => {
      queueSheetExtras(context, sheet!, plan, caps);
      queueOwnSheetRecords(
        context,
        [plan],
        loadedNames(names).map((n) => n.name),
      );
    },
  });
  return plan.name;
}
