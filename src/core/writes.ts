/**
 * Writes planned by the core as plain data, applied by an adapter (the .xlsx or the Office one).
 * The core decides what goes where; adapters only carry it out.
 */
import type { CellRange } from "./grid";

export type Align = "left" | "center" | "right";

export interface PlannedCell {
  /** A number, or text. Text is always written as text (number format "@"), never as a formula. */
  readonly v: number | string | null;
  /** Number format for numbers, e.g. "0.00". Text cells are written with "@". */
  readonly fmt?: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly align?: Align;
  /** Thin borders around the cell (table body and header). */
  readonly border?: boolean;
  /** Header fill, as #RRGGBB. */
  readonly fill?: string;
  readonly wrap?: boolean;
}

/** A new sheet to add, its cells given as one 2-D block starting at A1. */
export interface PlannedSheet {
  /** A free sheet name (≤ 31 characters, not used in the workbook). */
  readonly name: string;
  /** Rows from A1; every row has the same length. */
  readonly rows: ReadonlyArray<ReadonlyArray<PlannedCell>>;
  readonly merges: ReadonlyArray<CellRange>;
  /** Column widths in characters, from column A. */
  readonly columnWidths: ReadonlyArray<number>;
  /** Rows to freeze at the top (the header). */
  readonly freezeRows?: number;
}

export type MarkSeverity = "error" | "warning" | "info";

/** A reversible mark on a user's cell: a fill by severity. */
export interface PlannedMark {
  readonly sheet: string;
  /** A1 address of the cell. */
  readonly cell: string;
  readonly severity: MarkSeverity;
}

/** Mark fills by severity (light tones that keep text readable). */
export const MARK_FILLS: Readonly<Record<MarkSeverity, string>> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};
