/**
 * Writes planned by the core as plain data, applied by an adapter (the .xlsx or the Office one).
 * The core decides what goes where; adapters only carry it out.
 */
import type { CellRange } from "./grid";
import type { OwnSheetKind } from "./own";

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
  /** A comment (note) on the cell, e.g. what the source typed where the sheet shows another value. */
  readonly note?: string;
  /** A link to a cell of the workbook, as "'Sheet'!C7" (the findings sheet's cell links). */
  readonly link?: string;
  /** Vertical alignment (wrapped lines of a row). */
  readonly valign?: "top" | "middle";
}

/**
 * Print setup as Decree 30/2020/NĐ-CP sets documents: A4 portrait, Times New Roman 13 pt,
 * margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm, page numbers at the top centre
 * from page 2, header rows repeated, one page wide, print area set, gridlines off.
 */
export interface PlannedPrint {
  readonly paper: "A4";
  readonly orientation: "portrait";
  readonly font: { readonly name: string; readonly size: number };
  /** Margins in millimetres (header: from the top edge to the page number). */
  readonly marginsMm: {
    readonly top: number;
    readonly bottom: number;
    readonly left: number;
    readonly right: number;
    readonly header: number;
    readonly footer: number;
  };
  /** Page numbers at the top centre, on every page but the first. */
  readonly pageNumbersFromPage2: boolean;
  /** Rows repeated at the top of every page (0-based, inclusive). */
  readonly titleRows?: { readonly top: number; readonly bottom: number };
  /** Pages wide (1) and tall (0: as many as needed). */
  readonly fitToPagesWide: number;
  readonly printArea: CellRange;
  /** Gridlines shown on screen and printed. */
  readonly gridlines: boolean;
}

/** Decree 30/2020/NĐ-CP's page: the values every planned sheet of the add-in uses. */
export const DECREE_30_PRINT: Omit<PlannedPrint, "titleRows" | "printArea"> = {
  paper: "A4",
  orientation: "portrait",
  font: { name: "Times New Roman", size: 13 },
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15, header: 10, footer: 10 },
  pageNumbersFromPage2: true,
  fitToPagesWide: 1,
  gridlines: false,
};

/**
 * The print setup of a planned table on Decree 30's page: its header row repeated on every page,
 * the print area from A1 to the last of `rowCount` rows and `width` columns.
 */
export function decree30Print(headerRow: number, rowCount: number, width: number): PlannedPrint {
  return {
    ...DECREE_30_PRINT,
    titleRows: { top: headerRow, bottom: headerRow },
    printArea: { top: 0, left: 0, bottom: rowCount - 1, right: width - 1 },
  };
}

/** Millimetres → inches (ExcelJS margins) and points (the Excel JavaScript API's margins). */
export const mmToInches = (mm: number): number => mm / 25.4;
export const mmToPoints = (mm: number): number => (mm * 72) / 25.4;

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
  /** Row heights in points, by row from A1 (undefined: Excel's default). */
  readonly rowHeights?: ReadonlyArray<number | undefined>;
  /** Print setup (page, font, margins, repeated rows, print area). */
  readonly print?: PlannedPrint;
  /** Recorded in the workbook as one of the add-in's own sheets (own.ts), left out of checks. */
  readonly own?: OwnSheetKind;
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
