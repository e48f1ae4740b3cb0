/**
 * The workbook operations of the pane and the ribbon, one place for both: read the workbook
 * through the Office adapter, check and plan with the core, apply the plan.
 *
 * Round trips: validate = 2 syncs; build the ranking = 3 (2 reads + 1 write) up to tens of
 * thousands of units: chunked reads of very large sheets add one per chunk, and a write that would
 * pass the request budget (Excel on the web refuses requests over 5 MB) is sent in row bands. Where ExcelApi 1.20 is
 * present, a command's writes are one Undo step (`Excel.run({ mergeUndoGroup: true }, …)`).
 */
import {
  analyzeWorkbook,
  appendixModel,
  CHART_TEXT,
  DEFAULT_FRAMEWORK,
  levelBarCharts,
  MAX_CHART_UNITS,
  planRankingSheets,
  planSettingsSheet,
  SETTINGS_SHEET,
  workbookFramework,
  type Analysis,
  type Framework,
  type PlannedMark,
  type RankingOrder,
} from "../../core";
import { queueRankingCharts, type RankingChartsResult } from "./charts";
import { clearMarks, markCells, MARKS_SHEET } from "./marks";
import { readWorkbookGrid, type ReadScope } from "./read";
import { queueSelect, queueSettings, writePlannedSheets } from "./write";
import {
  loadedNames,
  ownSheetsOfLoaded,
  queueNamesLoad,
  queueOwnSheetRecords,
  queueSheetExtras,
  type SheetNotice,
} from "./appendix";

/** What the add-in can use in this Excel. */
export interface Capabilities {
  /** ExcelApi 1.20: one Undo step per command. */
  readonly undoGroup: boolean;
  /** ExcelApi 1.9: cell properties, to keep and restore fills exactly. */
  readonly cellProperties: boolean;
  /** ExcelApi 1.13: merged areas of a range. */
  readonly mergedAreas: boolean;
  /** Custom functions runtime 1.1 (the CQS.* functions). */
  readonly customFunctions: boolean;
  /** ExcelApi 1.9: page layout (print setup of the ranking sheets). */
  readonly pageLayout?: boolean;
  /** ExcelApi 1.10: cell comments (a changed total's comment). */
  readonly comments?: boolean;
  /** ExcelApi 1.7: cell links (the findings sheet). */
  readonly hyperlinks?: boolean;
}

/** The parts of the Excel and Office globals the operations use (real ones, or test doubles). */
export interface ExcelHost {
  readonly Excel: Pick<typeof Excel, "run">;
  readonly capabilities: Capabilities;
  /** Name shown for the workbook in results. */
  readonly workbookName?: string;
}

type IsSetSupported = (name: string, version?: string) => boolean;

/** Reads the requirement sets once; never throws (an old Office without `requirements` has none). */
export function detectCapabilitiesSafe(isSetSupported: IsSetSupported | undefined): Capabilities {
  const has = (set: string, version: string): boolean => {
    try {
      return isSetSupported ? isSetSupported(set, version) : false;
    } catch {
      return false;
    }
  };
  return {
    undoGroup: has("ExcelApi", "1.20"),
    cellProperties: has("ExcelApi", "1.9"),
    mergedAreas: has("ExcelApi", "1.13"),
    customFunctions: has("CustomFunctionsRuntime", "1.1"),
    pageLayout: has("ExcelApi", "1.9"),
    comments: has("ExcelApi", "1.10"),
    hyperlinks: has("ExcelApi", "1.7"),
  };
}

/** The oldest API levels the operations need, one place for the pane and the ribbon. */
export const MINIMUM_EXCEL_API = {
  /** Reading the workbook: `*OrNullObject` (ExcelApi 1.4). */
  check: "1.4",
  /** The ranking sheets: freeze panes (ExcelApi 1.7). */
  rank: "1.7",
} as const;

/** Whether this Excel can check and can build the ranking. */
export interface MinimumSupport {
  readonly check: boolean;
  readonly rank: boolean;
}

/** Reads the minimum API levels; never throws (without `requirements`, nothing is supported). */
export function minimumSupportSafe(isSetSupported: IsSetSupported | undefined): MinimumSupport {
  const has = (version: string): boolean => {
    try {
      return isSetSupported ? isSetSupported("ExcelApi", version) : false;
    } catch {
      return false;
    }
  };
  return { check: has(MINIMUM_EXCEL_API.check), rank: has(MINIMUM_EXCEL_API.rank) };
}

/** Runs a batch; one Undo step where ExcelApi 1.20 is present. */
export function runGrouped<T>(
  host: ExcelHost,
  batch: (context: Excel.RequestContext) => Promise<T>,
): Promise<T> {
  if (host.capabilities.undoGroup) {
    const run = host.Excel.run as unknown as (
      options: { mergeUndoGroup: boolean },
      batch: (context: Excel.RequestContext) => Promise<T>,
    ) => Promise<T>;
    return run({ mergeUndoGroup: true }, batch);
  }
  return host.Excel.run(batch);
}

export interface ValidateOptions {
  readonly scope?: ReadScope;
  /** A framework to use instead of the workbook's settings. */
  readonly framework?: Framework;
  /** Told when a stage starts, so a pane can show it. */
  readonly onProgress?: (stage: OperationStage) => void;
}

export type OperationStage = "read" | "analyze" | "write";

/** Lets the pane repaint (and Excel see the add-in alive) between reading and checking. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface ValidateResult {
  readonly analysis: Analysis;
  /** Names of all sheets read. */
  readonly sheetNames: ReadonlyArray<string>;
  /** Where the framework came from. */
  readonly frameworkSource: "workbook" | "default" | "given";
  /** The active sheet was one of the add-in's own: the workbook's criteria sheets were read. */
  readonly scopeWidened?: boolean;
}

async function readAndAnalyze(
  context: Excel.RequestContext,
  host: ExcelHost,
  options: ValidateOptions,
): Promise<ValidateResult & { allSheets: string[]; takenNames: string[] }> {
  options.onProgress?.("read");
  // The names ride along with the read's first sync: they record the add-in's own sheets.
  const names = queueNamesLoad(context);
  const read = await readWorkbookGrid(context, host.workbookName ?? "Sổ tính", {
    scope: options.scope ?? "workbook",
    settingsSheet: SETTINGS_SHEET,
    mergedAreas: host.capabilities.mergedAreas,
  });
  const allSheets = read.allSheets;
  const ownSheets = ownSheetsOfLoaded(names);
  let readGrid = read.grid;
  // The active sheet is one the add-in made (a ranking sheet just built): the scope follows the
  // criteria sheets, so the workbook is read instead.
  const own = new Set(ownSheets.map((n) => n.toLocaleLowerCase()));
  const scopeWidened =
    options.scope === "active" &&
    ownSheets.length > 0 &&
    readGrid.sheets.some((s) => own.has(s.name.toLocaleLowerCase())) &&
    readGrid.sheets.every((s) => own.has(s.name.toLocaleLowerCase()) || s.name === SETTINGS_SHEET);
  if (scopeWidened) {
    readGrid = (
      await readWorkbookGrid(context, host.workbookName ?? "Sổ tính", {
        scope: "workbook",
        settingsSheet: SETTINGS_SHEET,
        mergedAreas: host.capabilities.mergedAreas,
      })
    ).grid;
  }
  const grid = ownSheets.length > 0 ? { ...readGrid, ownSheets } : readGrid;
  const stored = options.framework ? undefined : workbookFramework(grid);
  const framework = options.framework ?? stored ?? DEFAULT_FRAMEWORK;
  options.onProgress?.("analyze");
  await yieldToEventLoop();
  const analysis = analyzeWorkbook(grid, framework);
  return {
    allSheets,
    takenNames: loadedNames(names).map((n) => n.name),
    analysis,
    sheetNames: grid.sheets.map((s) => s.name),
    frameworkSource: options.framework ? "given" : stored ? "workbook" : "default",
    ...(scopeWidened ? { scopeWidened } : {}),
  };
}

/** Checks the workbook (or the active sheet). Two syncs. Writes nothing. */
export async function validateWorkbook(
  host: ExcelHost,
  options: ValidateOptions = {},
): Promise<ValidateResult> {
  return host.Excel.run(async (context) => {
    const { allSheets: _all, takenNames: _names, ...result } = await readAndAnalyze(context, host, options);
    return result;
  });
}

export interface RankingResult extends ValidateResult {
  /** Names of the sheets added, one per block. */
  readonly added: ReadonlyArray<string>;
  /** Whether the writes form one Undo step (ExcelApi 1.20, and Excel accepted the grouping). */
  readonly undoGrouped: boolean;
  /** The native charts added on the new sheets, and the blocks left without one. */
  readonly charts?: RankingChartsResult;
  /** What this Excel could not apply (print setup, comments): the pane says so. */
  readonly notices?: ReadonlyArray<SheetNotice>;
}

export function isUndoNotSupported(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === "UndoNotSupported";
}

/**
 * Builds one new ranking sheet per block, under free names. Three syncs (one more per extra
 * request band of a very large write). Never writes into an
 * existing sheet; a second run adds new sheets and leaves the first ones alone.
 */
export async function buildRanking(
  host: ExcelHost,
  options: ValidateOptions & { readonly order?: RankingOrder; readonly withRank?: boolean } = {},
): Promise<RankingResult> {
  const batch = async (context: Excel.RequestContext): Promise<Omit<RankingResult, "undoGrouped">> => {
    // The scope only narrows what is checked; free names are chosen against every sheet.
    const { allSheets, takenNames, ...result } = await readAndAnalyze(context, host, options);
    const plans = planRankingSheets(result.analysis, allSheets, {
      order: options.order ?? "source",
      withRank: options.withRank === true,
    });
    if (plans.length === 0) return { ...result, added: [] };
    options.onProgress?.("write");
    // Each sheet's print setup and comments, the own-sheet records and each block's chart, queued
    // with the last write.
    const specs = levelBarCharts(appendixModel(result.analysis));
    const notices = new Set<SheetNotice>();
    let charts: RankingChartsResult | undefined;
    await writePlannedSheets(context, plans, {
      activateFirst: true,
      withSheets: (sheets) => {
        sheets.forEach((sheet, k) => {
          for (const n of queueSheetExtras(context, sheet, plans[k]!, host.capabilities)) notices.add(n);
        });
        queueOwnSheetRecords(context, plans, takenNames);
        charts = queueRankingCharts(
          plans.map((p, k) => ({
            sheet: sheets[k]!,
            name: p.name,
            spec: specs[k]!,
            tableRows: p.rows.length,
            tableCols: p.rows[0]?.length ?? 0,
          })),
          { unit: CHART_TEXT.vi.unitByRank, total: CHART_TEXT.vi.axis },
          MAX_CHART_UNITS,
        );
      },
    });
    return {
      ...result,
      added: plans.map((p) => p.name),
      notices: [...notices],
      ...(charts ? { charts } : {}),
    };
  };
  if (!host.capabilities.undoGroup) return { ...(await host.Excel.run(batch)), undoGrouped: false };
  try {
    return { ...(await runGrouped(host, batch)), undoGrouped: true };
  } catch (e) {
    // Excel refused to group one of the calls: the command still runs, as separate Undo steps
    // (new sheets under free names again: nothing written is overwritten).
    if (!isUndoNotSupported(e)) throw e;
    return { ...(await host.Excel.run(batch)), undoGrouped: false };
  }
}

/** The marks for an analysis: one per finding cell, by severity. */
export function marksOf(analysis: Analysis): PlannedMark[] {
  return analysis.findings.map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity }));
}

/*
 * Marks and settings are not Undo-grouped: they set a sheet's visibility (very hidden), which
 * Excel cannot undo on desktop and refuses inside a merged Undo group (UndoNotSupported).
 * Marks are undone by "Xóa đánh dấu" instead.
 */

/** Marks the cells of the findings (never automatic: the user asks). */
export async function markFindings(host: ExcelHost, analysis: Analysis): Promise<number> {
  return host.Excel.run((context) => markCells(context, marksOf(analysis)));
}

/** Restores the fills that marking changed. */
export async function removeMarks(host: ExcelHost): Promise<number> {
  return host.Excel.run((context) => clearMarks(context));
}

/** Selects a finding's cell in Excel. One sync. */
export async function selectCell(host: ExcelHost, sheet: string, cell: string): Promise<void> {
  await host.Excel.run(async (context) => {
    queueSelect(context, sheet, cell);
    await context.sync();
  });
}

/** Stores the framework in the workbook's very hidden settings sheet. Two syncs. */
export async function saveSettings(host: ExcelHost, framework: Framework): Promise<void> {
  const plan = planSettingsSheet(framework);
  await host.Excel.run(async (context) => {
    const existing = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    const names = context.workbook.names;
    names.load("items/name");
    await context.sync();
    queueSettings(
      context,
      plan,
      existing.isNullObject ? undefined : existing,
      names.items.map((n) => n.name),
    );
    await context.sync();
  });
}

/**
 * The framework stored in the workbook, or undefined. Reads only the settings sheet. Two syncs:
 * a method called on a null object fails the request, so the sheet's existence comes first.
 */
export async function loadSettings(host: ExcelHost): Promise<Framework | undefined> {
  return host.Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
    await context.sync();
    if (sheet.isNullObject) return undefined;
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("values");
    await context.sync();
    if (used.isNullObject) return undefined;
    return workbookFramework({
      name: "",
      sheets: [
        {
          name: SETTINGS_SHEET,
          rows: used.values.map((r) => r.map((v) => ({ v: v === "" ? null : (v as string | number) }))),
        },
      ],
    });
  });
}

export { MARKS_SHEET };
