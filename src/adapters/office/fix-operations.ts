/**
 * The pane's fix, restore and findings-sheet commands over the Office adapter (the same shape as
 * operations.ts: a host in, plain results out).
 */
import type { Analysis } from "../../core/analyze";
import type { Finding } from "../../core/findings";
import { planFixes } from "../../core/fixes";
import type { Lang } from "../../core/messages";
import { applyFixes, ensureFixStore, restoreFixes, writeFindingsSheet } from "./fixes";
import { isUndoNotSupported, runGrouped, type ExcelHost } from "./operations";

export interface FixResult {
  /** Cells changed. */
  readonly fixed: number;
  /** Whether the fix is one Undo step (ExcelApi 1.20). */
  readonly undoGrouped: boolean;
}

/** Fixes the cells of the findings that have a fix; keeps the originals for "Hoàn tác sửa". */
export async function fixFindings(
  host: ExcelHost,
  analysis: Analysis,
  findings: ReadonlyArray<Finding>,
): Promise<FixResult> {
  const fixes = planFixes(findings, analysis);
  if (fixes.length === 0) return { fixed: 0, undoGrouped: false };
  await host.Excel.run((context) => ensureFixStore(context));
  const batch = (context: Excel.RequestContext): Promise<number> => applyFixes(context, fixes);
  if (host.capabilities.undoGroup) {
    try {
      return { fixed: await runGrouped(host, batch), undoGrouped: true };
    } catch (e) {
      if (!isUndoNotSupported(e)) throw e;
    }
  }
  return { fixed: await host.Excel.run(batch), undoGrouped: false };
}

/** Restores every fixed cell. */
export async function undoFixes(host: ExcelHost): Promise<number> {
  return host.Excel.run((context) => restoreFixes(context));
}

/** Writes the findings to a new sheet; returns its name. */
export async function findingsToSheet(
  host: ExcelHost,
  analysis: Pick<Analysis, "workbook" | "findings" | "summary">,
  lang: Lang,
): Promise<string> {
  return host.Excel.run((context) => writeFindingsSheet(context, analysis, lang, host.capabilities));
}
