/**
 * Fixes the user clicks, planned as data (DESIGN.md "Inside Excel": nothing the user typed is
 * overwritten except by a fix the user clicks, which keeps the original). Two kinds:
 * - a number stored as text (TEXT_NUMBER) becomes the number, its cell's number format set first
 *   (a cell formatted "@" would keep it text);
 * - a wrong typed total (TOTAL_MISMATCH) becomes the recomputed total: a plain number, or a SUM
 *   formula where most of the table's totals are formulas. Never a CQS.* formula (it shows
 *   #NAME? to anyone without the add-in).
 */
import type { Analysis } from "./analyze";
import { exactToNumber, formatExact, type Exact } from "./exact";
import type { Finding, FindingCode } from "./findings";
import { a1, cellAt, columnLetters } from "./grid";
import { readCellNumber } from "./numbers";
import type { Block } from "./read";

/** The codes a click can fix. */
export const FIXABLE_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "TEXT_NUMBER",
  "TOTAL_MISMATCH",
]);

export interface PlannedFix {
  readonly sheet: string;
  /** A1 address of the cell. */
  readonly cell: string;
  readonly code: FindingCode;
  /** The number to write, or the formula (with "="), never both. */
  readonly value?: number;
  readonly formula?: string;
  /** Number format set before the value. */
  readonly numberFormat: string;
}

export function isFixable(f: Finding): boolean {
  return FIXABLE_CODES.has(f.code);
}

function blockAt(analysis: Pick<Analysis, "model">, sheet: string, row: number): Block | undefined {
  return analysis.model.blocks.find(
    (b) => b.criteria.sheet.name === sheet && b.criteria.rows.some((r) => r.row === row),
  );
}

/** The number format a fixed number keeps: the cell's own, unless it is text ("@") or none. */
function numberFormatFor(fmt: string | undefined, fallback: string): string {
  return fmt === undefined || fmt === "@" || fmt.toLowerCase() === "general" ? fallback : fmt;
}

/** "SUM(C7:J7)" over the criteria columns of a row (a range where they are side by side). */
function sumOf(columns: ReadonlyArray<number>, row: number): string {
  const cols = [...columns].filter((c) => c >= 0).sort((a, b) => a - b);
  const contiguous = cols.every((c, i) => i === 0 || c === cols[i - 1]! + 1);
  if (contiguous && cols.length > 1) return `SUM(${a1(row, cols[0]!)}:${a1(row, cols[cols.length - 1]!)})`;
  return `SUM(${cols.map((c) => a1(row, c)).join(",")})`;
}

/** The fix of one finding, or undefined when it has none. */
export function planFix(
  finding: Finding,
  analysis: Pick<Analysis, "model" | "blocks" | "framework">,
): PlannedFix | undefined {
  const sheet = analysis.model.sheets.find((s) => s.name === finding.sheet);
  if (!sheet) return undefined;
  const cell = cellAt(sheet.grid, finding.row, finding.col);
  if (finding.code === "TEXT_NUMBER") {
    const reading = readCellNumber(cell);
    if (reading.kind !== "number" || !reading.fromText) return undefined;
    return {
      sheet: finding.sheet,
      cell: finding.cell,
      code: finding.code,
      value: exactToNumber(reading.value),
      numberFormat: numberFormatFor(cell.fmt, "General"),
    };
  }
  if (finding.code === "TOTAL_MISMATCH") {
    const block = blockAt(analysis, finding.sheet, finding.row);
    const unit = analysis.blocks
      .find((b) => b.sheet === finding.sheet)
      ?.units.find((u) => u.row === finding.row);
    if (!block || !unit || unit.total === undefined) return undefined;
    const decimals = analysis.framework.decimals;
    const fmt = numberFormatFor(cell.fmt, decimals > 0 ? `0.${"0".repeat(decimals)}` : "0");
    const base = { sheet: finding.sheet, cell: finding.cell, code: finding.code, numberFormat: fmt };
    const totalCol = block.criteria.columns.total;
    let formulas = 0;
    let filled = 0;
    if (totalCol !== undefined) {
      for (const r of block.criteria.rows) {
        const c = cellAt(sheet.grid, r.row, totalCol);
        if (c.f) formulas++;
        if (c.f || c.v !== null) filled++;
      }
    }
    // The other totals are formulas: the fixed one is too, the same sum the table uses.
    if (filled > 0 && formulas * 2 > filled) {
      const sum = sumOf(block.criteria.columns.criteria, finding.row);
      const scale = analysis.framework.scale;
      const full = formatExact(unit.max, 6).replace(/\.?0+$/, "") === String(scale);
      const max = formatExact(unit.max, 6).replace(/\.?0+$/, "");
      return { ...base, formula: full ? `=${sum}` : `=ROUND(${sum}*${scale}/${max},${decimals})` };
    }
    return { ...base, value: exactToNumber(unit.total as Exact) };
  }
  return undefined;
}

/** The fixes of several findings (those that have one). */
export function planFixes(
  findings: ReadonlyArray<Finding>,
  analysis: Pick<Analysis, "model" | "blocks" | "framework">,
): PlannedFix[] {
  const out: PlannedFix[] = [];
  for (const f of findings) {
    const fix = planFix(f, analysis);
    if (fix) out.push(fix);
  }
  return out;
}

/** "Phụ lục II!C7:K15": the cells of several findings of one sheet, as the smallest covering range. */
export function cellsSpan(findings: ReadonlyArray<Pick<Finding, "sheet" | "row" | "col">>): string {
  if (findings.length === 0) return "";
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const f of findings) {
    top = Math.min(top, f.row);
    bottom = Math.max(bottom, f.row);
    left = Math.min(left, f.col);
    right = Math.max(right, f.col);
  }
  const sheet = findings[0]!.sheet;
  const start = `${columnLetters(left)}${top + 1}`;
  const end = `${columnLetters(right)}${bottom + 1}`;
  return start === end ? `${sheet}!${start}` : `${sheet}!${start}:${end}`;
}
