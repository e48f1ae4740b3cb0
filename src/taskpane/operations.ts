/**
 * What the pane can do to the workbook, as plain async functions: the pane's components receive
 * them as props and never touch `Excel` themselves. Backed by the Office adapter's operations, the
 * same ones the ribbon uses.
 */
import type { Analysis, Finding, Framework, Lang, RankingOrder, Severity, WorkbookGrid } from "../core";
import { FrameworkError, frameworkErrorMessage } from "../core";
import type { UnitMap } from "../core/compare";
import type { ComparisonResult } from "../adapters/office/compare";
import { findingsToSheet, fixFindings, undoFixes, type FixResult } from "../adapters/office/fix-operations";
import {
  buildRanking,
  detectCapabilitiesSafe,
  minimumSupportSafe,
  loadSettings,
  markFindings,
  removeMarks,
  saveSettings,
  selectCell,
  validateWorkbook,
  type Capabilities,
  type ExcelHost,
  type OperationStage,
  type RankingResult,
  type ValidateResult,
} from "../adapters/office/operations";
import type { ReadScope } from "../adapters/office/read";
import { PANE_TEXT } from "./strings";

export type { Capabilities, ComparisonResult, FixResult, OperationStage, RankingResult, ValidateResult };

export interface PaneOperations {
  readonly capabilities: Capabilities;
  validate(scope: ReadScope, onProgress?: (stage: OperationStage) => void): Promise<ValidateResult>;
  buildRanking(
    scope: ReadScope,
    order: RankingOrder,
    onProgress?: (stage: OperationStage) => void,
    withRank?: boolean,
  ): Promise<RankingResult>;
  /** Marks the cells of the findings of the given severities (all when absent). */
  markFindings(analysis: Analysis, severities?: ReadonlyArray<Severity>): Promise<number>;
  /** Fixes the findings' cells (the originals kept). */
  fix(analysis: Analysis, findings: ReadonlyArray<Finding>): Promise<FixResult>;
  /** Restores every fixed cell. */
  undoFixes(): Promise<number>;
  /** Writes the findings to a new sheet; returns its name. */
  findingsToSheet(analysis: Analysis, lang: Lang): Promise<string>;
  removeMarks(): Promise<number>;
  selectCell(sheet: string, cell: string): Promise<void>;
  loadSettings(): Promise<Framework | undefined>;
  saveSettings(framework: Framework): Promise<void>;
  /** "So sánh với năm trước": this workbook against last year's grid; adds the comparison sheets. */
  compareWithPrevious(
    previous: WorkbookGrid,
    map: UnitMap,
    onProgress?: (stage: OperationStage) => void,
  ): Promise<ComparisonResult>;
  loadUnitMap(): Promise<UnitMap>;
  saveUnitMap(map: UnitMap): Promise<void>;
}

function compareOperations(): Promise<typeof import("../adapters/office/compare")> {
  return import(/* webpackChunkName: "compare" */ "../adapters/office/compare");
}

export function paneOperations(host: ExcelHost): PaneOperations {
  return {
    capabilities: host.capabilities,
    validate: (scope, onProgress) => validateWorkbook(host, { scope, ...(onProgress ? { onProgress } : {}) }),
    buildRanking: (scope, order, onProgress, withRank) =>
      buildRanking(host, {
        scope,
        order,
        withRank: withRank === true,
        ...(onProgress ? { onProgress } : {}),
      }),
    markFindings: (analysis, severities) =>
      markFindings(
        host,
        severities
          ? { ...analysis, findings: analysis.findings.filter((f) => severities.includes(f.severity)) }
          : analysis,
      ),
    fix: (analysis, findings) => fixFindings(host, analysis, findings),
    undoFixes: () => undoFixes(host),
    findingsToSheet: (analysis, lang) => findingsToSheet(host, analysis, lang),
    removeMarks: () => removeMarks(host),
    selectCell: (sheet, cell) => selectCell(host, sheet, cell),
    loadSettings: () => loadSettings(host),
    saveSettings: (framework) => saveSettings(host, framework),
    // The comparison's code is fetched when first used (it is not part of the pane's first load).
    compareWithPrevious: async (previous, map, onProgress) =>
      (await compareOperations()).buildComparison(host, previous, {
        map,
        ...(onProgress ? { onProgress } : {}),
      }),
    loadUnitMap: async () => (await compareOperations()).loadUnitMap(host),
    saveUnitMap: async (map) => (await compareOperations()).saveUnitMap(host, map),
  };
}

/** The Office globals the pane starts from (real ones in Excel, doubles in the preview). */
export interface OfficeGlobals {
  readonly Excel?: ExcelHost["Excel"];
  readonly Office?: {
    readonly context?: {
      readonly requirements?: { isSetSupported(name: string, version?: string): boolean };
      readonly document?: { readonly url?: string };
    };
  };
}

export interface PaneEnvironment {
  /** Undefined outside Excel (the page opened in a plain browser). */
  readonly operations?: PaneOperations;
  readonly capabilities: Capabilities;
  /** The oldest API levels the operations need: reading (ExcelApi 1.4: *OrNullObject) and the
   * ranking sheets (ExcelApi 1.7: freeze panes). */
  readonly minimum: { readonly check: boolean; readonly rank: boolean };
}

/** "https://…/Báo cáo 2022.xlsx" → "Báo cáo 2022.xlsx". */
function workbookNameOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const last = url.split(/[\\/]/).pop();
  if (!last) return undefined;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Reads what this Excel offers, once. Never throws: outside Excel there are no operations. */
export function paneEnvironmentSafe(globals: OfficeGlobals): PaneEnvironment {
  let isSetSupported: ((name: string, version?: string) => boolean) | undefined;
  let url: string | undefined;
  try {
    const requirements = globals.Office?.context?.requirements;
    if (requirements) isSetSupported = (name, version) => requirements.isSetSupported(name, version);
    url = globals.Office?.context?.document?.url;
  } catch {
    isSetSupported = undefined;
  }
  const capabilities = detectCapabilitiesSafe(isSetSupported);
  const minimum = minimumSupportSafe(isSetSupported);
  if (!globals.Excel || typeof globals.Excel.run !== "function") return { capabilities, minimum };
  const workbookName = workbookNameOf(url);
  return {
    capabilities,
    minimum,
    operations: paneOperations({
      Excel: globals.Excel,
      capabilities,
      ...(workbookName ? { workbookName } : {}),
    }),
  };
}

/** A one-line, user-facing description of a failed operation. */
export function describeError(e: unknown, lang: Lang): string {
  const t = PANE_TEXT[lang];
  // A settings sheet or framework that cannot be used: its line in the chosen language.
  if (e instanceof FrameworkError) return frameworkErrorMessage(e, lang);
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "UndoNotSupported":
      return t.errorUndoNotSupported;
    case "ItemNotFound":
      return t.errorItemNotFound;
    case "ItemAlreadyExists":
      return t.errorItemAlreadyExists;
    case "ResponsePayloadSizeLimitExceeded":
    case "RequestPayloadSizeLimitExceeded":
    case "RangeExceedsLimit":
      return `${t.errorTooLarge} (${message})`;
    default:
      return message;
  }
}
