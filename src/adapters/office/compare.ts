/**
 * "So sánh với năm trước" in Excel: this workbook against last year's (a grid read from the file
 * the user picked: an add-in cannot read another open workbook). Reads this workbook, compares with
 * the core, adds one comparison sheet per block under a free name (nothing overwritten), and stores
 * the mapping of renames and mergers in a very hidden sheet so that `cqs compare` uses it too.
 *
 * Round trips: 2 reads + 1 write (+ 2 when the mapping is stored).
 */
import {
  analyzeWorkbook,
  DEFAULT_FRAMEWORK,
  SETTINGS_SHEET,
  workbookFramework,
  type Framework,
  type WorkbookGrid,
} from "../../core";
import {
  compareAnalyses,
  planUnitMapSheet,
  UNIT_MAP_SHEET,
  unitMapFromJson,
  unitMapToJson,
  workbookUnitMap,
  type Comparison,
  type UnitMap,
} from "../../core/compare";
import { planComparisonSheets } from "../../core/comparePlan";
import type { ExcelHost, OperationStage } from "./operations";
import { readWorkbookGrid } from "./read";
import { queueSettings, writePlannedSheets } from "./write";
import { loadedNames, ownSheetsOfLoaded, queueNamesLoad, queueOwnSheetRecords } from "./appendix";

export interface ComparisonResult {
  readonly comparison: Comparison;
  /** Names of the sheets added, one per block. */
  readonly added: ReadonlyArray<string>;
  /** Error findings of this year's and last year's workbooks (the comparison uses recomputed totals). */
  readonly errors: { readonly current: number; readonly previous: number };
  /** Whether the writes form one Undo step. */
  readonly undoGrouped: boolean;
}

export interface CompareOptions {
  /** The mapping; undefined: the one stored in the workbook. */
  readonly map?: UnitMap;
  readonly onProgress?: (stage: OperationStage) => void;
}

function isUndoNotSupported(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === "UndoNotSupported";
}

/**
 * Compares this workbook with last year's grid and adds the comparison sheets. Each year is
 * recomputed with its own settings when it has them, else with this workbook's framework (or the
 * default). Three syncs.
 */
export async function buildComparison(
  host: ExcelHost,
  previous: WorkbookGrid,
  options: CompareOptions = {},
): Promise<ComparisonResult> {
  const batch = async (context: Excel.RequestContext): Promise<Omit<ComparisonResult, "undoGrouped">> => {
    options.onProgress?.("read");
    // The names ride along with the read's first sync: they record the add-in's own sheets.
    const names = queueNamesLoad(context);
    const { grid: read, allSheets } = await readWorkbookGrid(context, host.workbookName ?? "Sổ tính", {
      scope: "workbook",
      settingsSheet: SETTINGS_SHEET,
      mergedAreas: host.capabilities.mergedAreas,
    });
    const ownSheets = ownSheetsOfLoaded(names);
    const grid = ownSheets.length > 0 ? { ...read, ownSheets } : read;
    options.onProgress?.("analyze");
    const framework: Framework = workbookFramework(grid) ?? DEFAULT_FRAMEWORK;
    const current = analyzeWorkbook(grid, framework);
    const last = analyzeWorkbook(previous, workbookFramework(previous) ?? framework);
    const comparison = compareAnalyses(current, last, options.map ?? workbookUnitMap(grid));
    const plans = planComparisonSheets(comparison, allSheets);
    const errors = { current: current.summary.error, previous: last.summary.error };
    if (plans.length === 0) return { comparison, added: [], errors };
    options.onProgress?.("write");
    await writePlannedSheets(context, plans, {
      activateFirst: true,
      withSheets: () =>
        queueOwnSheetRecords(
          context,
          plans,
          loadedNames(names).map((n) => n.name),
        ),
    });
    return { comparison, added: plans.map((p) => p.name), errors };
  };
  if (!host.capabilities.undoGroup) return { ...(await host.Excel.run(batch)), undoGrouped: false };
  const grouped = host.Excel.run as unknown as (
    options: { mergeUndoGroup: boolean },
    batch: (context: Excel.RequestContext) => Promise<Omit<ComparisonResult, "undoGrouped">>,
  ) => Promise<Omit<ComparisonResult, "undoGrouped">>;
  try {
    return { ...(await grouped({ mergeUndoGroup: true }, batch)), undoGrouped: true };
  } catch (e) {
    // Excel refused to group: run again as separate steps (new sheets under free names again).
    if (!isUndoNotSupported(e)) throw e;
    return { ...(await host.Excel.run(batch)), undoGrouped: false };
  }
}

/** The mapping stored in the workbook (empty when there is none). Two syncs. */
export async function loadUnitMap(host: ExcelHost): Promise<UnitMap> {
  return host.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(UNIT_MAP_SHEET);
    await context.sync();
    if (sheet.isNullObject) return [];
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    if (used.isNullObject) return [];
    return workbookUnitMap({
      name: "",
      sheets: [
        {
          name: UNIT_MAP_SHEET,
          rows: used.values.map((r) => r.map((v) => ({ v: v === "" ? null : (v as string | number) }))),
        },
      ],
    });
  });
}

/**
 * Stores the mapping in its very hidden sheet (made when first needed; rewritten whole). Two syncs.
 * Not Undo-grouped: a new sheet is made very hidden, which Excel refuses inside a merged Undo group.
 */
export async function saveUnitMap(host: ExcelHost, map: UnitMap): Promise<void> {
  // Checked as the CLI checks a --map file (no empty name, no name twice).
  const plan = planUnitMapSheet(unitMapFromJson(unitMapToJson(map)));
  await host.Excel.run(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(UNIT_MAP_SHEET);
    await context.sync();
    queueSettings(context, plan, existing.isNullObject ? undefined : existing, []);
    await context.sync();
  });
}
