/**
 * Findings: what a check reports, as data. Text comes from the message tables (messages.ts).
 */

/** Every finding code, with its severity (DESIGN.md "Findings"). Values equal keys. */
export const FINDING_SEVERITY = {
  TOTAL_MISMATCH: "error",
  SCORE_ABOVE_MAX: "error",
  SCORE_NEGATIVE: "error",
  NOT_A_NUMBER: "error",
  MISSING_SCORE: "error",
  DUPLICATE_UNIT: "error",
  UNIT_NOT_MATCHED: "error",
  RANKING_TOTAL_MISMATCH: "error",
  LEVEL_MISMATCH: "error",
  SUMMARY_COUNT_MISMATCH: "error",
  RANK_MISMATCH: "error",
  PERCENT_MISMATCH: "error",
  MAX_MISMATCH: "error",
  GROUP_TOTAL_MISMATCH: "error",
  LEVEL_ORDER: "error",
  HARDCODED_TOTAL: "warning",
  CRITERIA_MISSING: "warning",
  UNCALCULATED_FORMULA: "warning",
  TEXT_NUMBER: "info",
  NAME_VARIANT: "info",
  REDUCED_MAX: "info",
  ROUNDED_TOTAL: "info",
  FRAMEWORK_FROM_SHEET: "info",
  EXTRA_COLUMN: "info",
} as const;

export type FindingCode = keyof typeof FINDING_SEVERITY;
export type Severity = "error" | "warning" | "info";
export const FINDING_CODES = Object.keys(FINDING_SEVERITY) as FindingCode[];
export const SEVERITIES: ReadonlyArray<Severity> = ["error", "warning", "info"];

/** Parameters a finding carries; every value is text so JSON output is stable and exact. */
export type FindingParams = Readonly<Record<string, string>>;

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly sheet: string;
  /** A1 address of the cell the finding points at. */
  readonly cell: string;
  readonly unit?: string;
  readonly params: FindingParams;
  /** For sorting: 0-based sheet index in the workbook, row and column. */
  readonly sheetIndex: number;
  readonly row: number;
  readonly col: number;
}

export function makeFinding(
  code: FindingCode,
  at: { sheet: string; sheetIndex: number; row: number; col: number; cell: string },
  params: FindingParams,
  unit?: string,
): Finding {
  return {
    code,
    severity: FINDING_SEVERITY[code],
    ...at,
    ...(unit !== undefined ? { unit } : {}),
    params,
  };
}

const CODE_ORDER = new Map(FINDING_CODES.map((c, i) => [c, i]));

/** Sorted by sheet (workbook order), row, column, code. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.sheetIndex - b.sheetIndex ||
      a.row - b.row ||
      a.col - b.col ||
      (CODE_ORDER.get(a.code) ?? 0) - (CODE_ORDER.get(b.code) ?? 0),
  );
}

export function countBySeverity(findings: ReadonlyArray<Finding>): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
