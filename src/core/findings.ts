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

/** Numbers are carried as plain decimal text ("88.30"); `what` names the cell's column. */
type Actual = {
  readonly actual: string;
  readonly expected: string;
};

/**
 * The parameters of each finding code: a producer that leaves one out, or a message that reads one
 * the code does not carry, is a compile error.
 */
export interface FindingParamsByCode {
  TOTAL_MISMATCH: Actual;
  SCORE_ABOVE_MAX: { readonly what: string; readonly value: string; readonly max: string };
  SCORE_NEGATIVE: { readonly what: string; readonly value: string };
  NOT_A_NUMBER: { readonly what: string; readonly value: string; readonly kind: string };
  MISSING_SCORE: { readonly what: string };
  DUPLICATE_UNIT: { readonly firstCell: string };
  UNIT_NOT_MATCHED: {
    readonly table: "criteria" | "ranking";
    readonly otherSheet: string;
    readonly otherRange: string;
  };
  RANKING_TOTAL_MISMATCH: Actual;
  LEVEL_MISMATCH: Actual & { readonly total: string };
  SUMMARY_COUNT_MISMATCH: Actual;
  RANK_MISMATCH: Actual & { readonly total: string };
  PERCENT_MISMATCH: Actual & { readonly points: string; readonly max: string };
  MAX_MISMATCH: Actual & { readonly scale: string; readonly notAssessed: string };
  GROUP_TOTAL_MISMATCH: Actual & { readonly group: string };
  LEVEL_ORDER: {
    readonly level: string;
    readonly total: string;
    readonly otherUnit: string;
    readonly otherLevel: string;
    readonly otherTotal: string;
  };
  HARDCODED_TOTAL: { readonly value: string };
  CRITERIA_MISSING: { readonly framework: string; readonly missing: string };
  UNCALCULATED_FORMULA: { readonly what: string; readonly formula: string };
  TEXT_NUMBER: { readonly what: string; readonly value: string };
  NAME_VARIANT: {
    readonly criteriaName: string;
    readonly rankingName: string;
    /** A name typed in a legacy encoding (TCVN3, VNI) and the Unicode it reads as. */
    readonly encoding?: string;
    readonly unicode?: string;
  };
  REDUCED_MAX: {
    readonly max: string;
    /** Where the reduced max came from: "column", "note" or "settings". */
    readonly source: string;
    readonly note: string;
    readonly points: string;
    /** Findings saved before the scale was carried have none: read as 100. */
    readonly scale?: string;
  };
  ROUNDED_TOTAL: Actual & { readonly digits: string };
  FRAMEWORK_FROM_SHEET: { readonly kind: string; readonly scale: string; readonly decimals: string };
  EXTRA_COLUMN: { readonly header: string };
}

/** The parameters of one finding code. */
export type FindingParamsOf<C extends FindingCode> = FindingParamsByCode[C];

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

export function makeFinding<C extends FindingCode>(
  code: C,
  at: { sheet: string; sheetIndex: number; row: number; col: number; cell: string },
  params: FindingParamsOf<C>,
  unit?: string,
): Finding {
  // One object shape for every finding (unit undefined when the finding names none).
  return {
    code,
    severity: FINDING_SEVERITY[code],
    sheet: at.sheet,
    sheetIndex: at.sheetIndex,
    row: at.row,
    col: at.col,
    cell: at.cell,
    unit,
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
