/**
 * An in-memory test double of the few Excel JavaScript API (Office.js) objects the CQS Office
 * adapter uses. Adapter code written against @types/office-js runs unchanged against it:
 *
 *   const fake = createFakeExcel(fromWorkbookGrid(grid));
 *   await readWorkbook(fake.Excel as unknown as typeof Excel);
 *   expect(fake.stats.syncs).toBeLessThanOrEqual(2);
 *
 * Pure TypeScript (no Node or DOM imports): jest uses it, and webpack bundles it into the browser
 * preview page.
 *
 * Semantics copied from the real runtime (office.js 1.1.110, `node_modules/@microsoft/office-js/dist/
 * excel-web-16.00.debug.js`) and the docs:
 * - Proxies. Setting a property or calling a method queues an action; `load()` queues a query.
 *   Nothing reaches the workbook before `context.sync()`, which runs the queue in order (a load
 *   after a write sees the write) and stops at the first failing action (earlier actions stay
 *   applied, loaded results of that request are dropped).
 * - Reading a property that was never loaded throws `PropertyNotLoaded` with the runtime's own
 *   message. As in the runtime, a property you SET is readable at once (the proxy keeps the value
 *   you assigned), and the properties of a null object read as `undefined` without throwing.
 * - `isNullObject` of an `*OrNullObject` result is known after the next sync without any load.
 * - `Excel.run` ends with a sync of its own (`ClientRequestContext._runCommon` calls
 *   `ctx.sync(result)` after the batch resolves), so writes queued after the last explicit sync
 *   ARE applied when the batch resolves; they are lost only when the batch throws/rejects.
 *   `stats.syncs` counts the batch's own `context.sync()` calls; `stats.roundTrips` counts requests
 *   that reached Excel (a sync with nothing queued sends nothing), including that closing one.
 * - Values: numbers, strings, booleans; "" for empty; error values as strings ("#N/A"). Strings
 *   written through `values`/`formulas` are parsed the way Excel parses typed input (en-US) unless
 *   the cell's number format is "@" at that moment: "=…" becomes a formula, "123" / "1,234" /
 *   "TRUE" / "#N/A" become a number / boolean / error, "'x" becomes the text "x", and text that
 *   starts with "+" or "-" but is not a number is rejected (Excel would read it as a formula; the
 *   real outcome is #NAME? or an error). `null` in an input array leaves that cell unchanged.
 *   Formulas are not calculated: a formula written through the API reads back "" in `values`.
 * - Fills: Excel's reads cannot tell "no fill" from white. `format.fill.color` and
 *   `getCellProperties(...fill.color)` return "#FFFFFF" for a cell with no fill (office-js issues
 *   #4900 and #6218); `fill.tintAndShade` is null for no fill and a number for a fill (the
 *   workaround given by Microsoft in #4900). The fake keeps "no fill" distinct from "#FFFFFF"
 *   internally, so `workbook.cell(...).fill` / `workbook.fills()` show whether a restore was exact.
 *   Pattern fills (`pattern`, `patternColor`) lie over the background color or over none; setting
 *   the background color leaves the pattern (as Excel's Interior does; not checked in Excel here).
 * - Undo (ExcelApi 1.20): `Excel.run({ mergeUndoGroup: true }, batch)` makes every sync of that run
 *   one Undo step (`Excel.RunOptions.mergeUndoGroup` in @types/office-js; docs: "Undo capabilities
 *   with the Excel JavaScript API", office-js-docs-pr docs/excel/excel-add-ins-undo-capabilities.md).
 *   Without it each sync that changes the workbook is one step. APIs without undo support (same
 *   page's table; Worksheet.delete/copy everywhere, Worksheet.name/position/visibility on Windows
 *   and Mac) clear the user's Undo history, and inside a merged group fail with `UndoNotSupported`.
 */
import type { Cell, CellRange, SheetGrid, WorkbookGrid } from "../core/grid";
import { columnLetters } from "../core/grid";
import { utf8Length } from "../adapters/office/write";

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/** Excel.ErrorCodes (the subset the fake raises or adapters test for). */
export const ErrorCodes = {
  accessDenied: "AccessDenied",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  rangeExceedsLimit: "RangeExceedsLimit",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  unsupportedOperation: "UnsupportedOperation",
} as const;

/** OfficeExtension.ErrorCodes (runtime-side codes), plus the documented `UndoNotSupported`. */
export const RuntimeErrorCodes = {
  propertyNotLoaded: "PropertyNotLoaded",
  valueNotLoaded: "ValueNotLoaded",
  invalidObjectPath: "InvalidObjectPath",
  runMustReturnPromise: "RunMustReturnPromise",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  undoNotSupported: "UndoNotSupported",
} as const;

/** Shaped like OfficeExtension.Error: `name` "RichApi.Error", `code`, `debugInfo`. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.code = code;
    this.debugInfo = errorLocation === undefined ? { code, message } : { code, message, errorLocation };
  }
}

const MSG = {
  itemNotFound: "The requested resource doesn't exist.",
  itemAlreadyExists: "A resource with the same name or identifier already exists.",
  invalidArgument: "The argument is invalid or missing or has an incorrect format.",
  dims: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  runMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from "context.sync()".',
} as const;

function propertyNotLoaded(type: string, property: string): FakeOfficeError {
  return new FakeOfficeError(
    RuntimeErrorCodes.propertyNotLoaded,
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`,
  );
}

function itemNotFound(where: string): FakeOfficeError {
  return new FakeOfficeError(ErrorCodes.itemNotFound, MSG.itemNotFound, where);
}

function invalidArgument(where: string, detail?: string): FakeOfficeError {
  return new FakeOfficeError(
    ErrorCodes.invalidArgument,
    detail ? `${MSG.invalidArgument} (${detail})` : MSG.invalidArgument,
    where,
  );
}

/** A call the fake does not implement: a plain Error at call time, so the gap is obvious. */
function notImplemented(what: string): Error {
  return new Error(
    `FakeExcel: ${what} is not implemented by the test double (src/excel-double/fake-excel.ts).`,
  );
}

// ---------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
/** Beyond this many cells a read or a per-cell write fails (Excel's own limit is about 5M cells). */
const MAX_CELLS = 5_000_000;
/** `Range.getMergedAreasOrNullObject` fails above this many merged areas. */
export const MAX_MERGED_AREAS = 512;
const DEFAULT_COLUMN_WIDTH = 48; // points: 8.43 characters of Calibri 11
const NO_FILL_READS_AS = "#FFFFFF";
/** The pattern color a cell reports when none was set (an assumption: Excel's "automatic" is black). */
const PATTERN_COLOR_DEFAULT = "#000000";
/** Excel.FillPattern (LinearGradient and RectangularGradient are not supported by the API). */
const FILL_PATTERNS = new Set([
  "None",
  "Solid",
  "Gray50",
  "Gray75",
  "Gray25",
  "Horizontal",
  "Vertical",
  "Down",
  "Up",
  "Checker",
  "SemiGray75",
  "LightHorizontal",
  "LightVertical",
  "LightDown",
  "LightUp",
  "Grid",
  "CrissCross",
  "Gray16",
  "Gray8",
]);

/** The colour a cell shows: its background with its tint or shade (Excel's TintAndShade rule). */
function displayedFill(cell: CellModel | undefined): string | undefined {
  if (cell?.fill === undefined || !cell.tint) return cell?.fill;
  const t = cell.tint;
  const channel = (i: number): string => {
    const c = parseInt(cell.fill!.slice(1 + 2 * i, 3 + 2 * i), 16);
    const v = t < 0 ? c * (1 + t) : c + (255 - c) * t;
    return Math.round(v).toString(16).toUpperCase().padStart(2, "0");
  };
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

/** The pattern a cell reports: its own, else Solid with a background and None without. */
function patternOf(cell: CellModel | undefined): string {
  return cell?.pattern ?? (cell?.fill !== undefined ? "Solid" : "None");
}

/**
 * What office.js adds to a request beyond each operation's own data, calibrated against office.js
 * 1.1.110's serializer (src/excel-double/office-js-serializer.ts; test/excel-double checks it):
 * every proxy object made for the request (a range, its format, its fill…) sends an object path
 * and the action that instantiates it, and every operation an action naming its object.
 */
export const BYTES_PER_PROXY = 150;
export const BYTES_PER_OP = 110;

/** Approximate payload size: UTF-8 bytes of the JSON text. */
function jsonBytes(x: unknown): number {
  const s = JSON.stringify(x);
  return s === undefined ? 0 : utf8Length(s);
}

function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** A rectangle, 0-based, inclusive. */
interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function a1(r: number, c: number): string {
  return columnLetters(c) + String(r + 1);
}

/** "A5:K27", "K18", "A:C" (whole columns), "3:5" (whole rows), "1:1048576" (whole sheet). */
function rectA1(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  const fullRows = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const fullCols = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  if (fullRows && !fullCols) return `${d}${columnLetters(rect.c0)}:${d}${columnLetters(rect.c1)}`;
  if (fullCols) return `${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  const start = `${d}${columnLetters(rect.c0)}${d}${rect.r0 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return start;
  return `${start}:${d}${columnLetters(rect.c1)}${d}${rect.r1 + 1}`;
}

/** Excel quotes a sheet name in a reference unless it is a plain identifier that is not a cell reference. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) &&
    !/^[A-Za-z]{1,3}\d+$/.test(name) &&
    !/^[Rr]\d*([Cc]\d*)?$/.test(name) &&
    !/^[Cc]\d*$/.test(name) &&
    !/^(TRUE|FALSE)$/i.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Parses "A1", "$A$1:B2", "A:C", "3:5", with an optional sheet prefix ("'Phụ lục I'!A5:K27"). */
function parseReference(address: string): { sheet?: string; rect: Rect } | undefined {
  let s = address.trim();
  if (s.startsWith("=")) s = s.slice(1);
  let sheet: string | undefined;
  const bang = s.lastIndexOf("!");
  if (bang >= 0) {
    let p = s.slice(0, bang);
    if (p.length >= 2 && p.startsWith("'") && p.endsWith("'")) p = p.slice(1, -1).replace(/''/g, "'");
    sheet = p;
    s = s.slice(bang + 1);
  }
  const parts = s.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length < 1 || parts.length > 2) return undefined;
  const one = (p: string): { kind: "cell" | "col" | "row"; r: number; c: number } | undefined => {
    let m = /^([A-Z]{1,3})(\d{1,7})$/.exec(p);
    if (m) return { kind: "cell", r: Number(m[2]) - 1, c: columnIndex(m[1]!) };
    m = /^([A-Z]{1,3})$/.exec(p);
    if (m) return { kind: "col", r: 0, c: columnIndex(m[1]!) };
    m = /^(\d{1,7})$/.exec(p);
    if (m) return { kind: "row", r: Number(m[1]) - 1, c: 0 };
    return undefined;
  };
  const a = one(parts[0]!);
  const b = parts.length === 2 ? one(parts[1]!) : a;
  if (!a || !b || a.kind !== b.kind || (parts.length === 1 && a.kind !== "cell")) return undefined;
  let rect: Rect;
  if (a.kind === "col") rect = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  else if (a.kind === "row")
    rect = { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: 0, c1: MAX_COLS - 1 };
  else
    rect = { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) return undefined;
  return sheet === undefined ? { rect } : { sheet, rect };
}

function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

function area(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

const NAMED_COLORS: Readonly<Record<string, string>> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
};

/** "#ffc7ce" → "#FFC7CE"; named HTML colors of the docs' examples; undefined when not a color. */
function normalizeColor(color: string): string | undefined {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  if (m) return `#${m[1]!.toUpperCase()}`;
  return NAMED_COLORS[color.trim().toLowerCase()];
}

// ---------------------------------------------------------------------------------------------
// The workbook model (what "Excel" holds) and its inspection helpers
// ---------------------------------------------------------------------------------------------

export type FakeScalar = number | string | boolean;
export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

interface CellModel {
  /** null: empty (or a formula the fake did not calculate). */
  v: FakeScalar | null;
  /** v is an error value such as "#N/A". */
  err?: boolean;
  /** Formula with its leading "=". */
  f?: string;
  /** Number format; undefined is "General". */
  fmt?: string;
  /** Solid fill "#RRGGBB"; undefined is "no fill" (distinct from white). */
  fill?: string;
  /**
   * A fill pattern other than Solid and None (Excel.FillPattern: "Gray50", "LightUp", …), drawn in
   * `patternColor` over the background `fill` (or over no background). Setting the background
   * color leaves the pattern, as Excel's Interior does.
   */
  pattern?: string;
  patternColor?: string;
  /**
   * A tint or shade (-1…1, not 0) of the background `fill`, as a theme colour's tints carry. Reads
   * give the DISPLAYED colour as `color` and this number as `tintAndShade`: setting both back
   * tints the colour twice. How Excel reports them is not documented; the double takes that less
   * convenient reading so that a restore must be read back to be proven.
   */
  tint?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  halign?: string;
  wrap?: boolean;
}

export interface BorderRecord {
  readonly address: string;
  readonly side: string;
  readonly property: string;
  readonly value: unknown;
}

class SheetModel {
  rows: Array<Array<CellModel | undefined> | undefined> = [];
  merges: Rect[] = [];
  colWidths = new Map<number, number>();
  frozenRows = 0;
  frozenColumns = 0;
  borders: BorderRecord[] = [];
  autofitColumns: number[] = [];
  charts: FakeChartModel[] = [];
  deleted = false;
  constructor(
    public name: string,
    public visibility: SheetVisibility,
    readonly id: string,
  ) {}

  get(r: number, c: number): CellModel | undefined {
    return this.rows[r]?.[c];
  }

  ensure(r: number, c: number): CellModel {
    let row = this.rows[r];
    if (!row) {
      row = [];
      this.rows[r] = row;
    }
    let cell = row[c];
    if (!cell) {
      cell = { v: null };
      row[c] = cell;
    }
    return cell;
  }

  /** Bounding box of cells with a value or formula (and, unless valuesOnly, any format). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = -1;
    let r1 = -1;
    let c0 = Number.MAX_SAFE_INTEGER;
    let c1 = -1;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (!cell || !(hasContent(cell) || (!valuesOnly && hasFormat(cell)))) continue;
        if (r0 < 0) r0 = r;
        r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    }
    return r0 < 0 ? null : { r0, r1, c0, c1 };
  }
}

function hasContent(c: CellModel): boolean {
  return c.v !== null || c.f !== undefined;
}

function hasFormat(c: CellModel): boolean {
  return (
    c.fmt !== undefined ||
    c.fill !== undefined ||
    c.pattern !== undefined ||
    c.bold === true ||
    c.italic === true ||
    c.color !== undefined ||
    c.halign !== undefined ||
    c.wrap === true
  );
}

interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
  deleted: boolean;
}

export interface FakeSheetInit extends Omit<SheetGrid, "rows" | "merges"> {
  readonly rows?: SheetGrid["rows"];
  /** Merged ranges, as grid ranges (0-based) or A1 ("A1:C2"). */
  readonly merges?: ReadonlyArray<CellRange | string>;
  /** Fills by A1 cell or range: { "K18": "#FFC7CE", "A5:K5": "#DDEBF7" }. */
  readonly fills?: Readonly<Record<string, string>>;
  /** Pattern fills by A1 cell or range: { "C7": { pattern: "Gray50", patternColor: "#FF0000" } }. */
  readonly patterns?: Readonly<Record<string, { readonly pattern: string; readonly patternColor?: string }>>;
  /** Bold cells or ranges, A1. */
  readonly bold?: ReadonlyArray<string>;
}

export interface FakeWorkbookInit {
  readonly name?: string;
  readonly sheets: ReadonlyArray<FakeSheetInit>;
  /** Name of the active sheet (default: the first visible one). */
  readonly activeSheet?: string;
  /** Workbook names: name → reference formula ("=CQS_Settings!$B$2:$C$5"). */
  readonly names?: Readonly<Record<string, string>>;
}

/** What a cell holds, for assertions (not part of the Office API). */
export interface FakeCellView {
  /** null for an empty cell; an error value as its text ("#N/A", with isError). */
  readonly value: FakeScalar | null;
  readonly isError: boolean;
  /** "=SUM(C7:J7)", or undefined. */
  readonly formula: string | undefined;
  readonly numberFormat: string;
  /** "#RRGGBB", or null for "no fill" (white is "#FFFFFF", which is not the same). */
  readonly fill: string | null;
  /** The colour shown: `fill` with its tint or shade; null for "no fill". */
  readonly displayedFill: string | null;
  /** The tint or shade of the fill (0 for none). */
  readonly tint: number;
  /** A pattern other than Solid and None, with its color; null without one. */
  readonly pattern: { readonly pattern: string; readonly patternColor: string } | null;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly horizontalAlignment: string;
}

export interface UndoGroup {
  /** Which Excel.run made it (1-based count of runs on this fake; not reset by stats.reset()). */
  readonly run: number;
  /** Made with `mergeUndoGroup: true`. */
  readonly merged: boolean;
  syncs: number;
  writes: number;
}

function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return "a sheet name cannot be empty";
  if (name.length > 31) return "a sheet name has at most 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "a sheet name cannot contain : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'"))
    return "a sheet name cannot begin or end with an apostrophe";
  if (name.toLowerCase() === "history") return '"History" is reserved by Excel';
  return undefined;
}

function definedNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > 255) return "a name has 1 to 255 characters";
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name))
    return "a name starts with a letter, _ or \\ and has no spaces or symbols";
  if (/^[A-Za-z]{1,3}\d{1,7}$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name))
    return "a name cannot look like a cell reference";
  return undefined;
}

function dateToSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

function seedCell(cell: Cell): CellModel {
  const m: CellModel = { v: null };
  const v = cell.v;
  if (v instanceof Date) {
    m.v = dateToSerial(v);
    m.fmt = cell.fmt !== undefined && cell.fmt !== "General" ? cell.fmt : "m/d/yyyy";
  } else if (typeof v === "object" && v !== null) {
    m.v = v.error;
    m.err = true;
  } else {
    m.v = v;
  }
  if (cell.f !== undefined) m.f = cell.f.startsWith("=") ? cell.f : `=${cell.f}`;
  if (m.fmt === undefined && cell.fmt !== undefined && cell.fmt !== "General") m.fmt = cell.fmt;
  return m;
}

/**
 * The workbook behind the fake: what Excel holds. Tests inspect it directly (these helpers are not
 * part of the Office API) and never need a sync to do so.
 */
export class FakeWorkbook {
  readonly name: string;
  /** Where `Range.select()` last put the selection (address without the sheet). */
  selected: { sheet: string; address: string } | undefined;
  /** Undo steps the batches produced, in order (see the file header). */
  readonly undoGroups: UndoGroup[] = [];
  /** Calls that cleared the user's Undo history (APIs without undo support, outside a merged group). */
  readonly undoClears: Array<{ run: number; api: string }> = [];
  /** @internal */ _sheets: SheetModel[] = [];
  /** @internal */ _names: NameModel[] = [];
  /** @internal */ _active: SheetModel | undefined;
  private _nextId = 1;

  constructor(init: FakeWorkbookInit) {
    this.name = init.name ?? "fake.xlsx";
    for (const s of init.sheets) {
      const problem = sheetNameProblem(s.name);
      if (problem) throw new Error(`FakeExcel seed: sheet "${s.name}": ${problem}`);
      if (this._sheetByKey(s.name)) throw new Error(`FakeExcel seed: duplicate sheet "${s.name}"`);
      const vis: SheetVisibility =
        s.state === "hidden" ? "Hidden" : s.state === "veryHidden" ? "VeryHidden" : "Visible";
      const sheet = this._addSheet(s.name, vis);
      const top = s.top ?? 0;
      const left = s.left ?? 0;
      (s.rows ?? []).forEach((row, r) => {
        row?.forEach((cell, c) => {
          if (cell === undefined) return;
          const m = seedCell(cell);
          if (hasContent(m) || hasFormat(m)) {
            const target = sheet.ensure(top + r, left + c);
            Object.assign(target, m);
          }
        });
      });
      for (const mg of s.merges ?? []) {
        const rect =
          typeof mg === "string"
            ? parseReference(mg)?.rect
            : { r0: mg.top, c0: mg.left, r1: mg.bottom, c1: mg.right };
        if (!rect) throw new Error(`FakeExcel seed: bad merge ${String(mg)}`);
        sheet.merges.push(rect);
      }
      for (const [addr, color] of Object.entries(s.fills ?? {})) {
        const rect = parseReference(addr)?.rect;
        const norm = normalizeColor(
          color.length === 9 && color.startsWith("#")
            ? `#${color.slice(3)}`
            : color.length === 8
              ? color.slice(2)
              : color,
        );
        if (!rect || !norm) throw new Error(`FakeExcel seed: bad fill ${addr} → ${color}`);
        forEachCell(rect, (r, c) => {
          sheet.ensure(r, c).fill = norm;
        });
      }
      for (const [addr, p] of Object.entries(s.patterns ?? {})) {
        const rect = parseReference(addr)?.rect;
        const color = p.patternColor === undefined ? PATTERN_COLOR_DEFAULT : normalizeColor(p.patternColor);
        if (!rect || !color || !FILL_PATTERNS.has(p.pattern) || p.pattern === "Solid" || p.pattern === "None")
          throw new Error(`FakeExcel seed: bad pattern ${addr} → ${JSON.stringify(p)}`);
        forEachCell(rect, (r, c) => {
          const cell = sheet.ensure(r, c);
          cell.pattern = p.pattern;
          cell.patternColor = color;
        });
      }
      for (const addr of s.bold ?? []) {
        const rect = parseReference(addr)?.rect;
        if (!rect) throw new Error(`FakeExcel seed: bad bold address ${addr}`);
        forEachCell(rect, (r, c) => {
          sheet.ensure(r, c).bold = true;
        });
      }
    }
    for (const [name, formula] of Object.entries(init.names ?? {})) {
      this._names.push({
        name,
        formula: formula.startsWith("=") ? formula : `=${formula}`,
        comment: "",
        visible: true,
        deleted: false,
      });
    }
    const wanted = init.activeSheet === undefined ? undefined : this._sheetByKey(init.activeSheet);
    if (init.activeSheet !== undefined && !wanted)
      throw new Error(`FakeExcel seed: no sheet "${init.activeSheet}"`);
    this._active = wanted ?? this._sheets.find((s) => s.visibility === "Visible");
  }

  // ---- inspection helpers -----------------------------------------------------------------

  /** The charts of a sheet, with their categories and series values read from the cells now. */
  charts(sheet: string): FakeChartView[] {
    const s = this._mustSheet(sheet);
    return s.charts.map((chart) => {
      const rect = parseReference(chart.source.address)!.rect;
      const text = (r: number, c: number): string => {
        const v = s.get(r, c)?.v;
        return v === null || v === undefined ? "" : String(v);
      };
      const categories: string[] = [];
      for (let r = rect.r0 + 1; r <= rect.r1; r++) categories.push(text(r, rect.c0));
      return {
        ...chart,
        categories,
        seriesData: chart.series.map((series, k) => {
          const c = rect.c0 + 1 + k;
          const values: number[] = [];
          for (let r = rect.r0 + 1; r <= rect.r1; r++) {
            const v = s.get(r, c)?.v;
            values.push(typeof v === "number" ? v : Number.NaN);
          }
          return { ...series, name: text(rect.r0, c), values };
        }),
      };
    });
  }

  sheetNames(): string[] {
    return this._sheets.map((s) => s.name);
  }

  get activeSheet(): string | undefined {
    return this._active?.name;
  }

  cell(sheet: string, address: string): FakeCellView {
    const s = this._mustSheet(sheet);
    const ref = parseReference(address);
    if (!ref || ref.rect.r0 !== ref.rect.r1 || ref.rect.c0 !== ref.rect.c1)
      throw new Error(`FakeExcel: not a cell address: ${address}`);
    const c = s.get(ref.rect.r0, ref.rect.c0);
    return {
      value: c?.v ?? null,
      isError: c?.err === true,
      formula: c?.f,
      numberFormat: c?.fmt ?? "General",
      fill: c?.fill ?? null,
      displayedFill: displayedFill(c) ?? null,
      tint: c?.tint ?? 0,
      pattern: c?.pattern
        ? { pattern: c.pattern, patternColor: c.patternColor ?? PATTERN_COLOR_DEFAULT }
        : null,
      bold: c?.bold === true,
      italic: c?.italic === true,
      horizontalAlignment: c?.halign ?? "General",
    };
  }

  /** Office-style `values` of a range ("" for empty cells), without a sync. */
  values(sheet: string, address: string): FakeScalar[][] {
    const s = this._mustSheet(sheet);
    const ref = parseReference(address);
    if (!ref) throw new Error(`FakeExcel: bad address ${address}`);
    return mapRect({ sheet: s, rect: ref.rect }, officeValue);
  }

  /** Every filled cell of a sheet: { "K18": "#FFC7CE" }. Cells with no fill are absent. */
  fills(sheet: string): Record<string, string> {
    const s = this._mustSheet(sheet);
    const out: Record<string, string> = {};
    s.rows.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell?.fill !== undefined) out[a1(r, c)] = cell.fill;
      }),
    );
    return out;
  }

  merges(sheet: string): string[] {
    return this._mustSheet(sheet).merges.map((m) => rectA1(m));
  }

  sheetInfo(sheet: string): {
    name: string;
    visibility: SheetVisibility;
    position: number;
    frozenRows: number;
    frozenColumns: number;
    columnWidths: Record<string, number>;
    autofitColumns: string[];
    borders: BorderRecord[];
  } {
    const s = this._mustSheet(sheet);
    const widths: Record<string, number> = {};
    for (const [c, w] of [...s.colWidths].sort((x, y) => x[0] - y[0])) widths[columnLetters(c)] = w;
    return {
      name: s.name,
      visibility: s.visibility,
      position: this._sheets.indexOf(s),
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      columnWidths: widths,
      autofitColumns: s.autofitColumns.map(columnLetters),
      borders: [...s.borders],
    };
  }

  namedItems(): Array<{ name: string; formula: string; comment: string; visible: boolean }> {
    return this._names.map(({ name, formula, comment, visible }) => ({ name, formula, comment, visible }));
  }

  /** The workbook as the core grid type: per sheet its used range (values and formulas), merges, state. */
  toWorkbookGrid(): WorkbookGrid {
    return {
      name: this.name,
      sheets: this._sheets.map((s): SheetGrid => {
        const used = s.usedRect(true);
        const state =
          s.visibility === "Hidden" ? "hidden" : s.visibility === "VeryHidden" ? "veryHidden" : "visible";
        const merges = s.merges.map((m) => ({ top: m.r0, left: m.c0, bottom: m.r1, right: m.c1 }));
        if (!used) return { name: s.name, state, rows: [], top: 0, left: 0, merges };
        const rows: Array<Array<Cell | undefined>> = [];
        for (let r = used.r0; r <= used.r1; r++) {
          const row: Array<Cell | undefined> = [];
          for (let c = used.c0; c <= used.c1; c++) {
            const m = s.get(r, c);
            if (!m || !hasContent(m)) {
              row.push(m?.fmt !== undefined ? { v: null, fmt: m.fmt } : undefined);
              continue;
            }
            const cell: { v: Cell["v"]; f?: string; fmt?: string } = {
              v: m.err ? { error: String(m.v) } : m.v,
            };
            if (m.f !== undefined) cell.f = m.f.slice(1);
            if (m.fmt !== undefined) cell.fmt = m.fmt;
            row.push(cell);
          }
          rows.push(row);
        }
        return { name: s.name, state, rows, top: used.r0, left: used.c0, merges };
      }),
    };
  }

  // ---- internals ----------------------------------------------------------------------------

  /** @internal */
  _sheetByKey(key: string): SheetModel | undefined {
    const k = key.toLowerCase();
    return this._sheets.find((s) => s.name.toLowerCase() === k || s.id === key);
  }

  /** @internal */
  _addSheet(name: string, visibility: SheetVisibility = "Visible"): SheetModel {
    const id = `{00000000-0001-0000-${String(this._nextId).padStart(4, "0")}-000000000000}`;
    this._nextId++;
    const s = new SheetModel(name, visibility, id);
    this._sheets.push(s);
    return s;
  }

  /** @internal */
  _nameByKey(key: string): NameModel | undefined {
    const k = key.toLowerCase();
    return this._names.find((n) => n.name.toLowerCase() === k);
  }

  private _mustSheet(name: string): SheetModel {
    const s = this._sheetByKey(name);
    if (!s) throw new Error(`FakeExcel: no sheet "${name}" (sheets: ${this.sheetNames().join(", ")})`);
    return s;
  }
}

/** Seed for the fake from the core grid type (what the .xlsx adapter returns). */
export function fromWorkbookGrid(grid: WorkbookGrid): FakeWorkbookInit {
  return { name: grid.name, sheets: grid.sheets.map((s) => ({ ...s })) };
}

// ---------------------------------------------------------------------------------------------
// Cell reads and writes (Office semantics)
// ---------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function forEachCell(rect: Rect, f: (r: number, c: number) => void): void {
  if (area(rect) > MAX_CELLS)
    throw new FakeOfficeError(
      ErrorCodes.rangeExceedsLimit,
      "The cell count in the range has exceeded the maximum supported number.",
    );
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) f(r, c);
}

function mapRect<T>(t: RangeTarget, f: (cell: CellModel | undefined) => T): T[][] {
  const { rect, sheet } = t;
  if (area(rect) > MAX_CELLS)
    throw new FakeOfficeError(
      ErrorCodes.rangeExceedsLimit,
      "The cell count in the range has exceeded the maximum supported number.",
    );
  const out: T[][] = new Array<T[]>(rect.r1 - rect.r0 + 1);
  const nc = rect.c1 - rect.c0 + 1;
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row = sheet.rows[r];
    const line = new Array<T>(nc);
    for (let c = 0; c < nc; c++) line[c] = f(row?.[rect.c0 + c]);
    out[r - rect.r0] = line;
  }
  return out;
}

/** The common value of f over the range, or null when the cells differ (Excel's "not uniform"). */
function uniform<T>(t: RangeTarget, f: (cell: CellModel | undefined) => T): T | null {
  const { rect, sheet } = t;
  let first = true;
  let value: T | null = null;
  let stored = 0;
  const rowEnd = Math.min(rect.r1, sheet.rows.length - 1);
  for (let r = rect.r0; r <= rowEnd; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    const colEnd = Math.min(rect.c1, row.length - 1);
    for (let c = rect.c0; c <= colEnd; c++) {
      const cell = row[c];
      if (!cell) continue;
      stored++;
      const v = f(cell);
      if (first) {
        value = v;
        first = false;
      } else if (v !== value) return null;
    }
  }
  if (stored < area(rect)) {
    const v = f(undefined);
    if (first) return v;
    if (v !== value) return null;
  }
  return value;
}

function officeValue(c: CellModel | undefined): FakeScalar {
  return c === undefined || c.v === null ? "" : c.v;
}

function officeFormula(c: CellModel | undefined): FakeScalar {
  return c?.f ?? officeValue(c);
}

function valueType(c: CellModel | undefined): string {
  if (c === undefined || c.v === null) return "Empty";
  if (c.err) return "Error";
  if (typeof c.v === "number") return "Double";
  if (typeof c.v === "boolean") return "Boolean";
  return "String";
}

function serialToDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86400000));
}

/** A rough `Range.text`: enough for General, 0 / 0.00 / #,##0.00, percentages and d/m/y dates. */
function cellText(c: CellModel | undefined): string {
  if (c === undefined || c.v === null) return "";
  if (typeof c.v === "boolean") return c.v ? "TRUE" : "FALSE";
  if (typeof c.v === "string") return c.v;
  const n = c.v;
  const fmt = c.fmt ?? "General";
  if (fmt === "General") return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(10)));
  if (fmt === "@") return String(n);
  const pct = /^0(?:\.(0+))?%$/.exec(fmt);
  if (pct) return `${(n * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const num = /^(#,##)?0(?:\.(0+))?$/.exec(fmt);
  if (num) {
    const fixed = n.toFixed(num[2]?.length ?? 0);
    if (!num[1]) return fixed;
    const [int, frac] = fixed.split(".");
    const grouped = (int ?? "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    return frac === undefined ? grouped : `${grouped}.${frac}`;
  }
  if (/[dmy]/i.test(fmt)) {
    const d = serialToDate(n);
    const parts: Record<string, string> = {
      yyyy: String(d.getUTCFullYear()),
      mm: String(d.getUTCMonth() + 1).padStart(2, "0"),
      m: String(d.getUTCMonth() + 1),
      dd: String(d.getUTCDate()).padStart(2, "0"),
      d: String(d.getUTCDate()),
    };
    return fmt.toLowerCase().replace(/yyyy|mm|dd|m|d/g, (tok) => parts[tok] ?? tok);
  }
  return String(n);
}

const ERROR_LITERALS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
]);

/** Excel's en-US reading of typed number text: "12", "-3.5", "1e3", "1,234.5", "12%". */
function parseTypedNumber(s: string): number | undefined {
  const t = s.trim();
  let m = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.exec(t);
  if (m) return Number(t);
  m = /^([+-]?)(\d{1,3}(,\d{3})+(\.\d+)?)$/.exec(t);
  if (m) return Number(`${m[1]}${m[2]!.replace(/,/g, "")}`);
  m = /^([+-]?(\d+(\.\d*)?|\.\d+))%$/.exec(t);
  if (m) return Number(m[1]) / 100;
  return undefined;
}

type ParsedInput = null | { v: FakeScalar | null; err?: boolean; f?: string };

function parseInput(x: unknown, cellFormat: string | undefined, where: string): ParsedInput {
  if (x === null || x === undefined) return null; // null leaves the cell unchanged
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw invalidArgument(where, `${String(x)} is not a value Excel can hold`);
    return { v: x };
  }
  if (typeof x === "boolean") return { v: x };
  if (typeof x !== "string")
    throw invalidArgument(where, `cell input must be a number, string or boolean, got ${typeof x}`);
  if (x === "") return { v: null };
  if (cellFormat === "@") return { v: x };
  if (x.startsWith("'")) return { v: x.slice(1) };
  if (x.startsWith("=")) {
    if (x.length === 1) throw invalidArgument(where, 'the formula "=" is incomplete');
    return { v: null, f: x };
  }
  const n = parseTypedNumber(x);
  if (n !== undefined) return { v: n };
  const up = x.trim().toUpperCase();
  if (up === "TRUE" || up === "FALSE") return { v: up === "TRUE" };
  if (ERROR_LITERALS.has(up)) return { v: up, err: true };
  if (x.startsWith("+") || x.startsWith("-")) {
    throw invalidArgument(
      where,
      `Excel reads the text ${JSON.stringify(x)} as a formula because it starts with "${x[0]}"; set the number format to "@" before writing it to keep it as text`,
    );
  }
  return { v: x };
}

function checkDims(t: RangeTarget, input: unknown, where: string): input is unknown[][] {
  if (!Array.isArray(input)) return false; // a single value applies to every cell
  const nr = t.rect.r1 - t.rect.r0 + 1;
  const nc = t.rect.c1 - t.rect.c0 + 1;
  if (input.length !== nr || !input.every((row) => Array.isArray(row) && row.length === nc))
    throw new FakeOfficeError(ErrorCodes.invalidArgument, MSG.dims, where);
  return true;
}

function writeContents(t: RangeTarget, input: unknown, where: string): void {
  const { rect, sheet } = t;
  const matrix = checkDims(t, input, where);
  const parsed: ParsedInput[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const line: ParsedInput[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) {
      const x = matrix ? (input as unknown[][])[r - rect.r0]![c - rect.c0] : input;
      line.push(parseInput(x, sheet.get(r, c)?.fmt, where));
    }
    parsed.push(line);
  }
  parsed.forEach((line, i) =>
    line.forEach((p, j) => {
      if (p === null) return;
      const r = rect.r0 + i;
      const c = rect.c0 + j;
      if (p.v === null && p.f === undefined && sheet.get(r, c) === undefined) return;
      const cell = sheet.ensure(r, c);
      cell.v = p.v;
      if (p.err) cell.err = true;
      else delete cell.err;
      if (p.f !== undefined) cell.f = p.f;
      else delete cell.f;
    }),
  );
}

function writeNumberFormat(t: RangeTarget, input: unknown, where: string): void {
  const { rect, sheet } = t;
  const matrix = checkDims(t, input, where);
  forEachCell(rect, (r, c) => {
    const x = matrix ? (input as unknown[][])[r - rect.r0]![c - rect.c0] : input;
    if (x === null || x === undefined) return;
    if (typeof x !== "string") throw invalidArgument(where, "a number format is a string");
  });
  forEachCell(rect, (r, c) => {
    const x = matrix ? (input as unknown[][])[r - rect.r0]![c - rect.c0] : input;
    if (typeof x !== "string") return;
    if (x === "General") {
      const cell = sheet.get(r, c);
      if (cell) delete cell.fmt;
    } else sheet.ensure(r, c).fmt = x;
  });
}

function setEach(t: RangeTarget, f: (cell: CellModel) => void): void {
  forEachCell(t.rect, (r, c) => f(t.sheet.ensure(r, c)));
}

// ---------------------------------------------------------------------------------------------
// Request context, queue, sync
// ---------------------------------------------------------------------------------------------

interface OpResult {
  received: number;
  apply: () => void;
}

interface Op {
  label: string;
  sent: number;
  /** Changes the workbook (counts for Undo). */
  write: boolean;
  /** API name as in the docs' table of APIs without undo support. */
  undoApi?: string;
  run: () => OpResult | void;
}

type Runner = () => OpResult;

export class FakeExcelStats {
  /** `context.sync()` calls made by batches. */
  syncs = 0;
  /** Requests that reached Excel: syncs with something queued, plus Excel.run's closing sync when it had work. */
  roundTrips = 0;
  /** Approximate UTF-8 JSON bytes of what was sent (writes, method arguments, load requests). */
  bytesSent = 0;
  /** Approximate UTF-8 JSON bytes of loaded results. */
  bytesReceived = 0;
  /** Excel.run calls. */
  runs = 0;
  /** One entry per round trip. */
  readonly requests: Array<{ run: number; ops: number; sent: number; received: number; error?: string }> = [];
  reset(): void {
    this.syncs = 0;
    this.roundTrips = 0;
    this.bytesSent = 0;
    this.bytesReceived = 0;
    this.runs = 0;
    this.requests.length = 0;
  }
}

export interface FakeExcelOptions {
  /** Which Undo table applies (docs: web vs Windows/Mac). Default "desktop". */
  readonly platform?: "desktop" | "web";
  /** The host honours `mergeUndoGroup` (ExcelApi 1.20). Default true; false ignores the option, like an older Excel. */
  readonly undoGrouping?: boolean;
  /** Fail a request or response bigger than this (Excel on the web: 5 MB). Default: no limit. */
  readonly payloadLimitBytes?: number;
  /**
   * Ranges with more cells than this give null for `values`, `formulas`, `numberFormat`, `text`
   * and `valueTypes` instead of arrays (Excel above about 5,000,000 cells). Default: never.
   */
  readonly nullValuesAboveCells?: number;
  /** `application.cultureInfo` (ExcelApi 1.11). Default en-US: ".", ",". */
  readonly culture?: {
    readonly name?: string;
    readonly decimalSeparator?: string;
    readonly groupSeparator?: string;
  };
}

const UNDO_UNSUPPORTED: Readonly<Record<"desktop" | "web", ReadonlyArray<string>>> = {
  // docs/excel/excel-add-ins-undo-capabilities.md, "Unsupported APIs" (the ones this fake implements)
  web: ["Worksheet.delete", "Worksheet.copy", "NamedItem.comment"],
  desktop: [
    "Worksheet.delete",
    "Worksheet.copy",
    "Worksheet.name",
    "Worksheet.position",
    "Worksheet.visibility",
  ],
};

interface FakeState {
  workbook: FakeWorkbook;
  stats: FakeExcelStats;
  options: FakeExcelOptions;
  undoUnsupported: ReadonlySet<string>;
}

/** Excel.RequestContext. */
export class RequestContext {
  readonly workbook: Workbook;
  readonly application: Application;
  /** Tracking is a no-op here (objects stay usable while their context is open). */
  readonly trackedObjects = {
    add: (_obj: unknown): void => undefined,
    remove: (_obj: unknown): void => undefined,
  };
  /** @internal */ _queue: Op[] = [];
  /** @internal */ _closed = false;
  /** @internal */ readonly _state: FakeState;
  /** @internal */ _run: number;
  /** @internal */ _merge: boolean;
  /** @internal Proxy objects made since the last request (each one sends its object path). */
  _proxies = 0;

  constructor(state: FakeState, run: number, merge: boolean) {
    this._state = state;
    this._run = run;
    this._merge = merge;
    this.application = new Application(this);
    this.workbook = new Workbook(this);
    // office.js's context starts with the workbook's root path only.
    this._proxies = 1;
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    this._state.stats.syncs++;
    return this._flush().then(() => passThroughValue as T);
  }

  /** @internal */
  _enqueue(op: Op): void {
    if (this._closed)
      throw new FakeOfficeError(
        RuntimeErrorCodes.invalidObjectPath,
        `The object path '${op.label}' isn't working for what you're trying to do. If you're using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object's lifetime.`,
      );
    this._queue.push(op);
  }

  /** @internal Sends the queue (one round trip) unless it is empty. */
  async _flush(): Promise<void> {
    const ops = this._queue;
    this._queue = [];
    await Promise.resolve();
    if (ops.length === 0) return;
    const { stats, options, workbook, undoUnsupported } = this._state;
    stats.roundTrips++;
    const sent = ops.reduce((n, op) => n + op.sent, 0) + this._proxies * BYTES_PER_PROXY;
    this._proxies = 0;
    const entry: { run: number; ops: number; sent: number; received: number; error?: string } = {
      run: this._run,
      ops: ops.length,
      sent,
      received: 0,
    };
    stats.requests.push(entry);
    stats.bytesSent += sent;
    const limit = options.payloadLimitBytes;
    if (limit !== undefined && sent > limit) {
      entry.error = RuntimeErrorCodes.requestPayloadSizeLimitExceeded;
      throw new FakeOfficeError(
        RuntimeErrorCodes.requestPayloadSizeLimitExceeded,
        `The request payload size has exceeded the limit (${sent} > ${limit} bytes).`,
      );
    }
    let received = 0;
    let writes = 0;
    const appliers: Array<() => void> = [];
    try {
      for (const op of ops) {
        if (op.undoApi !== undefined && undoUnsupported.has(op.undoApi)) {
          if (this._merge)
            throw new FakeOfficeError(
              RuntimeErrorCodes.undoNotSupported,
              `${op.undoApi} does not support undo, so it cannot be part of a merged undo group (Excel.run with mergeUndoGroup).`,
              op.label,
            );
          workbook.undoClears.push({ run: this._run, api: op.undoApi });
        }
        const r = op.run();
        if (op.write) writes++;
        if (r) {
          received += r.received;
          appliers.push(r.apply);
        }
      }
    } catch (e) {
      entry.error = e instanceof FakeOfficeError ? e.code : String(e);
      this._recordUndo(writes);
      throw e;
    }
    this._recordUndo(writes);
    entry.received = received;
    stats.bytesReceived += received;
    if (limit !== undefined && received > limit) {
      entry.error = ErrorCodes.responsePayloadSizeLimitExceeded;
      throw new FakeOfficeError(
        ErrorCodes.responsePayloadSizeLimitExceeded,
        `The response payload size has exceeded the limit (${received} > ${limit} bytes).`,
      );
    }
    for (const apply of appliers) apply();
    // Proxies made from the response (collection items) were not sent.
    this._proxies = 0;
  }

  private _recordUndo(writes: number): void {
    if (writes === 0) return;
    const groups = this._state.workbook.undoGroups;
    const last = groups[groups.length - 1];
    if (this._merge && last && last.run === this._run && last.merged) {
      last.syncs++;
      last.writes += writes;
    } else groups.push({ run: this._run, merged: this._merge, syncs: 1, writes });
  }
}

// ---------------------------------------------------------------------------------------------
// Proxy base classes
// ---------------------------------------------------------------------------------------------

export type LoadOption =
  string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

function parseLoadOption(option: LoadOption | undefined): string[] {
  if (option === undefined || option === null) return [];
  const split = (s: string): string[] =>
    s
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p.length > 0);
  if (typeof option === "string") return split(option);
  if (Array.isArray(option)) return option.flatMap(split);
  const o = option as Record<string, unknown>;
  if (
    typeof o.select === "string" ||
    Array.isArray(o.select) ||
    typeof o.expand === "string" ||
    Array.isArray(o.expand)
  ) {
    const pick = (x: unknown): string[] =>
      typeof x === "string" ? split(x) : Array.isArray(x) ? x.flatMap((s) => split(String(s))) : [];
    return [...pick(o.select), ...pick(o.expand)];
  }
  const out: string[] = [];
  const walk = (prefix: string, obj: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(obj)) {
      if (k === "$top" || k === "$skip") continue;
      if (k === "$all") {
        if (v === true) out.push(prefix);
        continue;
      }
      const path = prefix ? `${prefix}/${k}` : k;
      if (v === true) out.push(path);
      else if (v && typeof v === "object") walk(path, v as Record<string, unknown>);
    }
  };
  walk("", o);
  return out;
}

function splitPath(p: string): [string, string | undefined] {
  const i = p.search(/[/.]/);
  return i < 0 ? [p, undefined] : [p.slice(0, i), p.slice(i + 1)];
}

/** OfficeExtension.ClientObject. */
export abstract class ClientObject {
  /** @internal */ readonly _ctx: RequestContext;
  /** @internal */ _v = new Map<string, unknown>();
  /** @internal */ _isNull: boolean | undefined;
  /** @internal */ _nullable = false;
  protected abstract readonly _type: string;

  constructor(ctx: RequestContext) {
    this._ctx = ctx;
    ctx._proxies++;
  }

  get context(): RequestContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) {
      if (this._nullable) throw propertyNotLoaded(this._type, "isNullObject");
      return false;
    }
    return this._isNull;
  }

  /** @internal Plans a load; the returned runner runs at sync (and validates property names now). */
  abstract _plan(paths: string[]): Runner;

  load(option?: LoadOption): this {
    const paths = parseLoadOption(option);
    const run = this._plan(paths);
    this._ctx._enqueue({
      label: `${this._type}.load`,
      sent: jsonBytes(paths) + BYTES_PER_OP,
      write: false,
      run,
    });
    return this;
  }

  track(): this {
    return this;
  }

  untrack(): this {
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._v);
  }

  /** @internal */
  _get<T>(name: string): T {
    if (this._v.has(name)) return this._v.get(name) as T;
    if (this._isNull === true) return undefined as T;
    throw propertyNotLoaded(this._type, name);
  }

  /** Queues an action; `apply` runs at sync. */
  protected _act(
    label: string,
    payload: unknown,
    apply: () => void,
    opts: { write?: boolean; undoApi?: string } = {},
  ): void {
    const op: Op = {
      label,
      sent: jsonBytes(payload) + BYTES_PER_OP,
      write: opts.write ?? true,
      run: () => {
        apply();
      },
    };
    if (opts.undoApi !== undefined) op.undoApi = opts.undoApi;
    this._ctx._enqueue(op);
  }

  /** Queues the isNullObject check of an *OrNullObject result (answered by the next sync). */
  protected _checkNull(resolve: () => unknown): void {
    this._ctx._enqueue({
      label: `${this._type}.isNullObject`,
      sent: 16,
      write: false,
      run: () => {
        const t = resolve();
        return { received: 8, apply: () => (this._isNull = t === null) };
      },
    });
  }
}

/** The classes whose loadable properties have been given their getters (readersAsGetters). */
const WITH_GETTERS = new WeakSet<object>();

/**
 * Gives a class's loadable properties (the keys of its `_readers()`) a getter that returns the
 * loaded value or throws PropertyNotLoaded, as the real proxies do, once per class. A property
 * the class writes (a getter and a setter) keeps its own pair. The class declares each property's
 * type (`declare readonly address: string`).
 */
function readersAsGetters(entity: Entity<unknown>, readers: () => object): void {
  const proto = Object.getPrototypeOf(entity) as object;
  if (WITH_GETTERS.has(proto)) return;
  WITH_GETTERS.add(proto);
  for (const key of Object.keys(readers())) {
    if (key in proto) continue;
    Object.defineProperty(proto, key, {
      configurable: true,
      get(this: Entity<unknown>) {
        return this._get(key);
      },
    });
  }
}

/** An object with scalar properties and navigation properties, resolved to a model target T at sync. */
abstract class Entity<T> extends ClientObject {
  constructor(ctx: RequestContext) {
    super(ctx);
    // The readers are asked for once per class, when its first object is made.
    readersAsGetters(this as Entity<unknown>, () => this._readers());
  }

  protected abstract _readers(): Readonly<Record<string, (t: T) => unknown>>;
  protected _navs(): Record<string, ClientObject> {
    return {};
  }
  /** @internal null for a null object; throws when the target does not exist. */
  abstract _resolve(): T | null;

  /** @internal */
  _target(where: string): T {
    const t = this._resolve();
    if (t === null) throw itemNotFound(where);
    return t;
  }

  /** Sets several properties at once, like the real `set()` (nested objects for navigation properties). */
  set(properties: Record<string, unknown>): void {
    const navs = this._navs();
    for (const [k, v] of Object.entries(properties)) {
      const nav = navs[k];
      if (nav instanceof Entity && v !== null && typeof v === "object" && !Array.isArray(v)) {
        nav.set(v as Record<string, unknown>);
        continue;
      }
      const desc = findSetter(this, k);
      if (!desc) throw notImplemented(`setting ${this._type}.${k}`);
      desc.call(this, v);
    }
  }

  override toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = Object.fromEntries(this._v);
    for (const [k, nav] of Object.entries(this._navs())) {
      const j = nav.toJSON();
      if (Object.keys(j).length > 0) out[k] = j;
    }
    return out;
  }

  _plan(paths: string[]): Runner {
    const readers = this._readers();
    const navs = this._navs();
    const scalars = new Set<string>();
    const sub = new Map<string, string[]>();
    const all = (): void => Object.keys(readers).forEach((k) => scalars.add(k));
    if (paths.length === 0) all();
    for (const p of paths) {
      if (p === "") {
        all();
        continue;
      }
      const [head, rest] = splitPath(p);
      if (Object.prototype.hasOwnProperty.call(navs, head)) {
        const list = sub.get(head) ?? [];
        list.push(rest ?? "");
        sub.set(head, list);
      } else if (Object.prototype.hasOwnProperty.call(readers, head) && rest === undefined) scalars.add(head);
      else throw notImplemented(`loading ${this._type}.${p}`);
    }
    const kids = [...sub].map(([head, list]) => navs[head]!._plan(list));
    return () => {
      const t = this._resolve();
      if (t === null) return { received: 8, apply: () => (this._isNull = true) };
      const vals: Array<[string, unknown]> = [...scalars].map((n) => [n, readers[n]!(t)]);
      const results = kids.map((k) => k());
      let received = vals.length ? jsonBytes(Object.fromEntries(vals)) : 0;
      for (const r of results) received += r.received;
      return {
        received,
        apply: () => {
          if (this._nullable) this._isNull = false;
          for (const [n, v] of vals) this._v.set(n, v);
          for (const r of results) r.apply();
        },
      };
    };
  }
}

/**
 * An entity found through a resolver (a sheet, a range, a name), resolved once per proxy, as the
 * real API binds a proxy to its object at the first sync.
 */
abstract class ResolvedEntity<T> extends Entity<T> {
  private _cache: T | null | undefined;
  private readonly _resolver: () => T | null;

  constructor(ctx: RequestContext, resolver: () => T | null) {
    super(ctx);
    this._resolver = resolver;
  }

  /** Makes this an *OrNullObject proxy: `isNullObject` is answered at the next sync. */
  protected _asNullObject(): void {
    this._nullable = true;
    this._checkNull(() => this._resolve());
  }

  /** Throws when the resolved target no longer exists (deleted); nothing by default. */
  protected _checkAlive(_target: T): void {}

  _resolve(): T | null {
    if (this._cache === undefined) this._cache = this._resolver();
    if (this._cache !== null) this._checkAlive(this._cache);
    return this._cache;
  }
}

function findSetter(obj: object, key: string): ((v: unknown) => void) | undefined {
  let proto: object | null = Object.getPrototypeOf(obj) as object | null;
  while (proto) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (d) return d.set as ((v: unknown) => void) | undefined;
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  return undefined;
}

/** A collection: `items` after a load ("items/name", "name", or no argument). */
abstract class Collection<I extends Entity<M>, M> extends ClientObject {
  /** @internal */ _items: I[] | undefined;
  protected abstract _models(): M[];
  protected abstract _wrap(model: M | null): I;

  get items(): I[] {
    if (this._items === undefined) throw propertyNotLoaded(this._type, "items");
    return this._items;
  }

  getCount(): ClientResult<number> {
    const result = new ClientResult<number>();
    this._ctx._enqueue({
      label: `${this._type}.getCount`,
      sent: 16,
      write: false,
      run: () => {
        const n = this._models().length;
        return { received: 4, apply: () => result._set(n) };
      },
    });
    return result;
  }

  override toJSON(): Record<string, unknown> {
    return this._items === undefined ? {} : { items: this._items.map((i) => i.toJSON()) };
  }

  _plan(paths: string[]): Runner {
    const itemPaths = paths.map((p) => {
      const low = p.toLowerCase();
      if (low === "items" || low === "items/") return "";
      if (low.startsWith("items/") || low.startsWith("items.")) return p.slice(6);
      return p;
    });
    this._wrap(null)._plan(itemPaths); // validates the property names now
    return () => {
      const items = this._models().map((m) => this._wrap(m));
      const results = items.map((i) => i._plan(itemPaths)());
      const received = results.reduce((n, r) => n + r.received, 2);
      return {
        received,
        apply: () => {
          this._items = items;
          for (const r of results) r.apply();
        },
      };
    };
  }
}

/** OfficeExtension.ClientResult<T>: `value` after the next sync. */
export class ClientResult<T> {
  private _has = false;
  private _value: T | undefined;
  get value(): T {
    if (!this._has)
      throw new FakeOfficeError(
        RuntimeErrorCodes.valueNotLoaded,
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    return this._value as T;
  }
  /** @internal */
  _set(v: T): void {
    this._value = v;
    this._has = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application
// ---------------------------------------------------------------------------------------------

/** Excel.Workbook (the proxy; the data lives in FakeWorkbook). */
export class Workbook extends Entity<FakeWorkbook> {
  protected readonly _type = "Workbook";
  private _worksheets?: WorksheetCollection;
  private _names?: NamedItemCollection;

  get worksheets(): WorksheetCollection {
    return (this._worksheets ??= new WorksheetCollection(this._ctx));
  }
  get names(): NamedItemCollection {
    return (this._names ??= new NamedItemCollection(this._ctx));
  }
  get application(): Application {
    return this._ctx.application;
  }
  declare readonly name: string;

  /** The selected range (after `Range.select()`), else A1 of the active sheet. */
  getSelectedRange(): Range {
    return new Range(this._ctx, () => {
      const wb = this._ctx._state.workbook;
      const sel = wb.selected;
      const sheet = sel ? wb._sheetByKey(sel.sheet) : wb._active;
      if (!sheet) throw itemNotFound("Workbook.getSelectedRange");
      const rect = sel ? parseReference(sel.address)?.rect : undefined;
      return { sheet, rect: rect ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  _resolve(): FakeWorkbook {
    return this._ctx._state.workbook;
  }
  protected _readers(): Readonly<Record<string, (t: FakeWorkbook) => unknown>> {
    return { name: (t) => t.name };
  }
  protected override _navs(): Record<string, ClientObject> {
    return { worksheets: this.worksheets, names: this.names, application: this.application };
  }
}

/** Excel.Application. */
export class Application extends Entity<FakeState> {
  protected readonly _type = "Application";
  private _culture?: CultureInfo;

  declare readonly calculationMode: string;

  get cultureInfo(): CultureInfo {
    return (this._culture ??= new CultureInfo(this._ctx));
  }

  /** A no-op here (there is no calculation), queued like the real call. */
  suspendApiCalculationUntilNextSync(): void {
    this._act("Application.suspendApiCalculationUntilNextSync", null, () => undefined, { write: false });
  }

  _resolve(): FakeState {
    return this._ctx._state;
  }
  protected _readers(): Readonly<Record<string, (t: FakeState) => unknown>> {
    return { calculationMode: () => "Automatic" };
  }
  protected override _navs(): Record<string, ClientObject> {
    return { cultureInfo: this.cultureInfo };
  }
}

/** Excel.CultureInfo (ExcelApi 1.11). */
export class CultureInfo extends Entity<FakeState> {
  protected readonly _type = "CultureInfo";
  private _nf?: NumberFormatInfo;
  declare readonly name: string;
  get numberFormat(): NumberFormatInfo {
    return (this._nf ??= new NumberFormatInfo(this._ctx));
  }
  _resolve(): FakeState {
    return this._ctx._state;
  }
  protected _readers(): Readonly<Record<string, (t: FakeState) => unknown>> {
    return { name: (t) => t.options.culture?.name ?? "en-US" };
  }
  protected override _navs(): Record<string, ClientObject> {
    return { numberFormat: this.numberFormat };
  }
}

/** Excel.NumberFormatInfo. */
export class NumberFormatInfo extends Entity<FakeState> {
  protected readonly _type = "NumberFormatInfo";
  declare readonly numberDecimalSeparator: string;
  declare readonly numberGroupSeparator: string;
  _resolve(): FakeState {
    return this._ctx._state;
  }
  protected _readers(): Readonly<Record<string, (t: FakeState) => unknown>> {
    return {
      numberDecimalSeparator: (t) => t.options.culture?.decimalSeparator ?? ".",
      numberGroupSeparator: (t) => t.options.culture?.groupSeparator ?? ",",
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets
// ---------------------------------------------------------------------------------------------

/** Excel.WorksheetCollection. */
export class WorksheetCollection extends Collection<Worksheet, SheetModel> {
  protected readonly _type = "WorksheetCollection";

  getItem(key: string): Worksheet {
    return new Worksheet(this._ctx, () => {
      const s = this._ctx._state.workbook._sheetByKey(key);
      if (!s) throw itemNotFound(`WorksheetCollection.getItem(${JSON.stringify(key)})`);
      return s;
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this._ctx, () => this._ctx._state.workbook._sheetByKey(key) ?? null, true);
  }

  getActiveWorksheet(): Worksheet {
    return new Worksheet(this._ctx, () => {
      const s = this._ctx._state.workbook._active;
      if (!s) throw itemNotFound("WorksheetCollection.getActiveWorksheet");
      return s;
    });
  }

  /** Adds a sheet at the end (not activated). Fails at sync if the name is taken or not allowed. */
  add(name?: string): Worksheet {
    let created: SheetModel | undefined;
    const where = `WorksheetCollection.add(${JSON.stringify(name ?? "")})`;
    this._act(where, { name: name ?? null }, () => {
      const wb = this._ctx._state.workbook;
      let n = name;
      if (n === undefined) {
        let i = wb._sheets.length + 1;
        while (wb._sheetByKey(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      const problem = sheetNameProblem(n);
      if (problem) throw invalidArgument(where, problem);
      if (wb._sheetByKey(n))
        throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, MSG.itemAlreadyExists, where);
      created = wb._addSheet(n);
      if (!wb._active) wb._active = created;
    });
    return new Worksheet(this._ctx, () => {
      if (!created) throw itemNotFound(where);
      return created;
    });
  }

  protected _models(): SheetModel[] {
    return [...this._ctx._state.workbook._sheets];
  }
  protected _wrap(model: SheetModel | null): Worksheet {
    return new Worksheet(this._ctx, () => model);
  }
}

/** Excel.Worksheet. */
export class Worksheet extends ResolvedEntity<SheetModel> {
  protected readonly _type = "Worksheet";
  private _freeze?: WorksheetFreezePanes;

  constructor(ctx: RequestContext, resolver: () => SheetModel | null, nullable = false) {
    super(ctx, resolver);
    if (nullable) this._asNullObject();
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._v.set("name", value);
    this._act(
      "Worksheet.name",
      value,
      () => {
        const wb = this._ctx._state.workbook;
        const s = this._target("Worksheet.name");
        const problem = sheetNameProblem(value);
        if (problem) throw invalidArgument("Worksheet.name", problem);
        const other = wb._sheetByKey(value);
        if (other && other !== s)
          throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, MSG.itemAlreadyExists, "Worksheet.name");
        if (wb.selected?.sheet === s.name) wb.selected = { sheet: value, address: wb.selected.address };
        s.name = value;
      },
      { undoApi: "Worksheet.name" },
    );
  }
  declare readonly id: string;
  get position(): number {
    return this._get("position");
  }
  set position(value: number) {
    this._v.set("position", value);
    this._act(
      "Worksheet.position",
      value,
      () => {
        const wb = this._ctx._state.workbook;
        const s = this._target("Worksheet.position");
        if (!Number.isInteger(value) || value < 0 || value >= wb._sheets.length)
          throw invalidArgument("Worksheet.position");
        wb._sheets.splice(wb._sheets.indexOf(s), 1);
        wb._sheets.splice(value, 0, s);
      },
      { undoApi: "Worksheet.position" },
    );
  }
  get visibility(): SheetVisibility {
    return this._get("visibility");
  }
  set visibility(value: SheetVisibility) {
    this._v.set("visibility", value);
    this._act(
      "Worksheet.visibility",
      value,
      () => {
        const wb = this._ctx._state.workbook;
        const s = this._target("Worksheet.visibility");
        if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden")
          throw invalidArgument("Worksheet.visibility");
        if (
          value !== "Visible" &&
          s.visibility === "Visible" &&
          !wb._sheets.some((o) => o !== s && o.visibility === "Visible")
        )
          throw new FakeOfficeError(
            ErrorCodes.invalidOperation,
            "A workbook must contain at least one visible worksheet.",
            "Worksheet.visibility",
          );
        s.visibility = value;
        if (value !== "Visible" && wb._active === s)
          wb._active = wb._sheets.find((o) => o.visibility === "Visible");
      },
      { undoApi: "Worksheet.visibility" },
    );
  }

  get freezePanes(): WorksheetFreezePanes {
    return (this._freeze ??= new WorksheetFreezePanes(this._ctx, this));
  }

  get charts(): ChartCollection {
    return new ChartCollection(this._ctx, this);
  }

  /** The range at an A1 address ("A1:E30", "K18", "A:C", with or without the sheet), or the whole sheet. */
  getRange(address?: string): Range {
    return new Range(this._ctx, () => {
      const sheet = this._target("Worksheet.getRange");
      if (address === undefined || address === "")
        return { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      const ref = parseReference(address);
      if (!ref) throw invalidArgument("Worksheet.getRange", `bad address ${JSON.stringify(address)}`);
      if (ref.sheet !== undefined && ref.sheet.toLowerCase() !== sheet.name.toLowerCase())
        throw invalidArgument("Worksheet.getRange", `the address names another sheet: ${address}`);
      return { sheet, rect: ref.rect };
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return new Range(this._ctx, () => {
      const sheet = this._target("Worksheet.getRangeByIndexes");
      const rect = {
        r0: startRow,
        c0: startColumn,
        r1: startRow + rowCount - 1,
        c1: startColumn + columnCount - 1,
      };
      if (
        rowCount < 1 ||
        columnCount < 1 ||
        rect.r0 < 0 ||
        rect.c0 < 0 ||
        rect.r1 >= MAX_ROWS ||
        rect.c1 >= MAX_COLS
      )
        throw invalidArgument("Worksheet.getRangeByIndexes");
      return { sheet, rect };
    });
  }

  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; A1 when the sheet is empty (as documented). */
  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this._ctx, () => {
      const sheet = this._target("Worksheet.getUsedRange");
      return { sheet, rect: sheet.usedRect(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(
      this._ctx,
      () => {
        const sheet = this._target("Worksheet.getUsedRangeOrNullObject");
        const rect = sheet.usedRect(valuesOnly === true);
        return rect ? { sheet, rect } : null;
      },
      true,
    );
  }

  activate(): void {
    this._act(
      "Worksheet.activate",
      null,
      () => {
        const s = this._target("Worksheet.activate");
        if (s.visibility !== "Visible")
          throw new FakeOfficeError(
            ErrorCodes.invalidOperation,
            "A hidden worksheet cannot be activated.",
            "Worksheet.activate",
          );
        this._ctx._state.workbook._active = s;
      },
      { write: false },
    );
  }

  delete(): void {
    this._act(
      "Worksheet.delete",
      null,
      () => {
        const wb = this._ctx._state.workbook;
        const s = this._target("Worksheet.delete");
        if (s.visibility === "Visible" && !wb._sheets.some((o) => o !== s && o.visibility === "Visible"))
          throw new FakeOfficeError(
            ErrorCodes.invalidOperation,
            "A workbook must contain at least one visible worksheet.",
            "Worksheet.delete",
          );
        wb._sheets.splice(wb._sheets.indexOf(s), 1);
        s.deleted = true;
        if (wb._active === s) wb._active = wb._sheets.find((o) => o.visibility === "Visible");
        if (wb.selected?.sheet === s.name) wb.selected = undefined;
      },
      { undoApi: "Worksheet.delete" },
    );
  }

  protected override _checkAlive(t: SheetModel): void {
    if (t.deleted) throw itemNotFound("Worksheet (deleted)");
  }
  protected _readers(): Readonly<Record<string, (t: SheetModel) => unknown>> {
    const wb = this._ctx._state.workbook;
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      position: (s) => wb._sheets.indexOf(s),
      visibility: (s) => s.visibility,
    };
  }
  protected override _navs(): Record<string, ClientObject> {
    return { freezePanes: this.freezePanes };
  }
}

/** Excel.WorksheetFreezePanes. */
export class WorksheetFreezePanes extends Entity<SheetModel> {
  protected readonly _type = "WorksheetFreezePanes";
  private readonly _sheet: Worksheet;
  constructor(ctx: RequestContext, sheet: Worksheet) {
    super(ctx);
    this._sheet = sheet;
  }
  freezeRows(count?: number): void {
    this._act("WorksheetFreezePanes.freezeRows", count ?? 1, () => {
      const s = this._sheet._target("WorksheetFreezePanes.freezeRows");
      s.frozenRows = count ?? 1;
      s.frozenColumns = 0;
    });
  }
  freezeColumns(count?: number): void {
    this._act("WorksheetFreezePanes.freezeColumns", count ?? 1, () => {
      const s = this._sheet._target("WorksheetFreezePanes.freezeColumns");
      s.frozenColumns = count ?? 1;
      s.frozenRows = 0;
    });
  }
  unfreeze(): void {
    this._act("WorksheetFreezePanes.unfreeze", null, () => {
      const s = this._sheet._target("WorksheetFreezePanes.unfreeze");
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }
  _resolve(): SheetModel | null {
    return this._sheet._resolve();
  }
  protected _readers(): Readonly<Record<string, (t: SheetModel) => unknown>> {
    return {};
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges
// ---------------------------------------------------------------------------------------------

const RANGE_READERS: Readonly<Record<string, (t: RangeTarget) => unknown>> = {
  address: (t) => `${quoteSheetName(t.sheet.name)}!${rectA1(t.rect)}`,
  addressLocal: (t) => `${quoteSheetName(t.sheet.name)}!${rectA1(t.rect)}`,
  rowIndex: (t) => t.rect.r0,
  columnIndex: (t) => t.rect.c0,
  rowCount: (t) => t.rect.r1 - t.rect.r0 + 1,
  columnCount: (t) => t.rect.c1 - t.rect.c0 + 1,
  cellCount: (t) => area(t.rect),
  values: (t) => mapRect(t, officeValue),
  formulas: (t) => mapRect(t, officeFormula),
  numberFormat: (t) => mapRect(t, (c) => c?.fmt ?? "General"),
  text: (t) => mapRect(t, cellText),
  valueTypes: (t) => mapRect(t, valueType),
};

/** The range readers when cell arrays of ranges over `limit` cells come back null. */
function nullAbove(limit: number): Readonly<Record<string, (t: RangeTarget) => unknown>> {
  const out: Record<string, (t: RangeTarget) => unknown> = { ...RANGE_READERS };
  for (const name of ["values", "formulas", "numberFormat", "text", "valueTypes"]) {
    const read = RANGE_READERS[name]!;
    out[name] = (t) => (area(t.rect) > limit ? null : read(t));
  }
  return out;
}

/** Excel.Range. */
export class Range extends ResolvedEntity<RangeTarget> {
  protected readonly _type = "Range";
  private _format?: RangeFormat;

  constructor(ctx: RequestContext, resolver: () => RangeTarget | null, nullable = false) {
    super(ctx, resolver);
    if (nullable) this._asNullObject();
  }

  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly cellCount: number;
  declare readonly text: string[][];
  declare readonly valueTypes: string[][];

  get values(): FakeScalar[][] {
    return this._get("values");
  }
  set values(value: unknown) {
    this._v.set("values", value);
    this._act("Range.values", value, () =>
      writeContents(this._target("Range.values"), value, "Range.values"),
    );
  }

  get formulas(): FakeScalar[][] {
    return this._get("formulas");
  }
  set formulas(value: unknown) {
    this._v.set("formulas", value);
    this._act("Range.formulas", value, () =>
      writeContents(this._target("Range.formulas"), value, "Range.formulas"),
    );
  }

  get numberFormat(): string[][] {
    return this._get("numberFormat");
  }
  set numberFormat(value: unknown) {
    this._v.set("numberFormat", value);
    this._act("Range.numberFormat", value, () =>
      writeNumberFormat(this._target("Range.numberFormat"), value, "Range.numberFormat"),
    );
  }

  get format(): RangeFormat {
    return (this._format ??= new RangeFormat(this._ctx, this));
  }

  get worksheet(): Worksheet {
    return new Worksheet(this._ctx, () => this._target("Range.worksheet").sheet);
  }

  private _derived(where: string, f: (t: RangeTarget) => Rect): Range {
    return new Range(this._ctx, () => {
      const t = this._target(where);
      const rect = f(t);
      if (
        rect.r0 < 0 ||
        rect.c0 < 0 ||
        rect.r1 >= MAX_ROWS ||
        rect.c1 >= MAX_COLS ||
        rect.r1 < rect.r0 ||
        rect.c1 < rect.c0
      )
        throw invalidArgument(where, "the range would leave the worksheet grid or be empty");
      return { sheet: t.sheet, rect };
    });
  }

  /** A cell relative to this range's top-left (may lie outside the range, as documented). */
  getCell(row: number, column: number): Range {
    return this._derived("Range.getCell", ({ rect }) => ({
      r0: rect.r0 + row,
      c0: rect.c0 + column,
      r1: rect.r0 + row,
      c1: rect.c0 + column,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derived("Range.getResizedRange", ({ rect }) => ({
      ...rect,
      r1: rect.r1 + deltaRows,
      c1: rect.c1 + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derived("Range.getOffsetRange", ({ rect }) => ({
      r0: rect.r0 + rowOffset,
      r1: rect.r1 + rowOffset,
      c0: rect.c0 + columnOffset,
      c1: rect.c1 + columnOffset,
    }));
  }

  getRow(row: number): Range {
    return this._derived("Range.getRow", ({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }

  getColumn(column: number): Range {
    return this._derived("Range.getColumn", ({ rect }) => ({
      ...rect,
      c0: rect.c0 + column,
      c1: rect.c0 + column,
    }));
  }

  private _used(valuesOnly: boolean | undefined, where: string): RangeTarget | null {
    const t = this._target(where);
    const used = t.sheet.usedRect(valuesOnly === true);
    if (!used || !rectsIntersect(used, t.rect)) return null;
    return {
      sheet: t.sheet,
      rect: {
        r0: Math.max(used.r0, t.rect.r0),
        c0: Math.max(used.c0, t.rect.c0),
        r1: Math.min(used.r1, t.rect.r1),
        c1: Math.min(used.c1, t.rect.c1),
      },
    };
  }

  getUsedRange(valuesOnly?: boolean): Range {
    return new Range(this._ctx, () => {
      const t = this._used(valuesOnly, "Range.getUsedRange");
      if (!t) throw itemNotFound("Range.getUsedRange");
      return t;
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return new Range(this._ctx, () => this._used(valuesOnly, "Range.getUsedRangeOrNullObject"), true);
  }

  /** The merged areas that intersect this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreas(this._ctx, () => {
      const t = this._target("Range.getMergedAreasOrNullObject");
      const rects = t.sheet.merges.filter((m) => rectsIntersect(m, t.rect));
      // office-js typings: "If the number of merged areas in this range is more than 512, the API
      // will fail to return the result." The error code is not documented.
      if (rects.length > MAX_MERGED_AREAS)
        throw new FakeOfficeError(
          ErrorCodes.generalException,
          `There are more than ${MAX_MERGED_AREAS} merged areas in the range.`,
          "Range.getMergedAreasOrNullObject",
        );
      return rects.length ? { sheet: t.sheet, rects } : null;
    });
  }

  /** Merges the range (or each row of it, `across`); keeps only the top-left value, as Excel does. */
  merge(across?: boolean): void {
    this._act("Range.merge", { across: across === true }, () => {
      const t = this._target("Range.merge");
      const parts: Rect[] = [];
      if (across)
        for (let r = t.rect.r0; r <= t.rect.r1; r++)
          parts.push({ r0: r, r1: r, c0: t.rect.c0, c1: t.rect.c1 });
      else parts.push({ ...t.rect });
      for (const p of parts) {
        if (area(p) === 1) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !rectsIntersect(m, p));
        t.sheet.merges.push(p);
        forEachCell(p, (r, c) => {
          if (r === p.r0 && c === p.c0) return;
          const cell = t.sheet.get(r, c);
          if (cell) {
            cell.v = null;
            delete cell.f;
            delete cell.err;
          }
        });
      }
    });
  }

  unmerge(): void {
    this._act("Range.unmerge", null, () => {
      const t = this._target("Range.unmerge");
      t.sheet.merges = t.sheet.merges.filter((m) => !rectsIntersect(m, t.rect));
    });
  }

  /** Selects the range (and activates its sheet); recorded in `workbook.selected`. */
  select(): void {
    this._act(
      "Range.select",
      null,
      () => {
        const t = this._target("Range.select");
        if (t.sheet.visibility !== "Visible")
          throw new FakeOfficeError(
            ErrorCodes.invalidOperation,
            "A range on a hidden sheet cannot be selected.",
            "Range.select",
          );
        const wb = this._ctx._state.workbook;
        wb._active = t.sheet;
        wb.selected = { sheet: t.sheet.name, address: rectA1(t.rect) };
      },
      { write: false },
    );
  }

  /** Clears contents, formats or both ("All", "Contents", "Formats"). */
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this._act("Range.clear", applyTo, () => {
      const t = this._target("Range.clear");
      forEachCell(t.rect, (r, c) => {
        const row = t.sheet.rows[r];
        const cell = row?.[c];
        if (!row || !cell) return;
        if (applyTo === "All") row[c] = undefined;
        else if (applyTo === "Contents") {
          cell.v = null;
          delete cell.f;
          delete cell.err;
        } else {
          row[c] = {
            v: cell.v,
            ...(cell.err ? { err: true } : {}),
            ...(cell.f !== undefined ? { f: cell.f } : {}),
          };
        }
      });
    });
  }

  /**
   * Per-cell properties (ExcelApi 1.9). Implemented: address, format.fill.color / tintAndShade /
   * pattern / patternColor / patternTintAndShade,
   * format.font.bold / italic / color, format.horizontalAlignment, format.wrapText.
   * A cell with no fill reports color "#FFFFFF" and tintAndShade null, like Excel.
   */
  getCellProperties(
    cellPropertiesLoadOptions: Record<string, unknown>,
  ): ClientResult<Array<Array<Record<string, unknown>>>> {
    checkPropertyTree(cellPropertiesLoadOptions, CELL_PROPERTIES_SUPPORTED, "Range.getCellProperties", true);
    const o = cellPropertiesLoadOptions as CellPropsLoad;
    const result = new ClientResult<Array<Array<Record<string, unknown>>>>();
    this._ctx._enqueue({
      label: "Range.getCellProperties",
      sent: jsonBytes(cellPropertiesLoadOptions) + BYTES_PER_OP,
      write: false,
      run: () => {
        const t = this._target("Range.getCellProperties");
        let r = t.rect.r0;
        let c = t.rect.c0 - 1;
        const matrix = mapRect(t, (cell) => {
          c++;
          if (c > t.rect.c1) {
            c = t.rect.c0;
            r++;
          }
          return cellProperties(t.sheet, r, c, cell, o);
        });
        return { received: jsonBytes(matrix), apply: () => result._set(matrix) };
      },
    });
    return result;
  }

  /**
   * Sets per-cell properties (ExcelApi 1.9): format.fill.color / pattern, format.font.bold / italic /
   * color, format.horizontalAlignment, format.wrapText. A property that is absent or `undefined` is
   * left unchanged (JSON drops undefined, so Excel never sees it). Fill "no fill": `pattern: "None"`,
   * or (fake convenience, real behaviour undocumented) `color: ""` / `color: null`.
   */
  setCellProperties(cellPropertiesData: Array<Array<Record<string, unknown>>>): void {
    for (const row of cellPropertiesData)
      for (const cell of row)
        checkPropertyTree(cell, CELL_PROPERTIES_SETTABLE, "Range.setCellProperties", false);
    this._act("Range.setCellProperties", cellPropertiesData, () => {
      const t = this._target("Range.setCellProperties");
      if (!checkDims(t, cellPropertiesData, "Range.setCellProperties"))
        throw invalidArgument("Range.setCellProperties");
      // validate all colors first, then apply
      for (const row of cellPropertiesData)
        for (const cell of row) readCellFill((cell as CellPropsSet).format?.fill);
      cellPropertiesData.forEach((row, i) =>
        row.forEach((props, j) => {
          const f = (props as CellPropsSet).format;
          if (!f) return;
          const cell = t.sheet.ensure(t.rect.r0 + i, t.rect.c0 + j);
          const fill = readCellFill(f.fill);
          if (fill === null) delete cell.fill;
          else if (fill !== undefined) cell.fill = fill;
          if (f.font?.bold !== undefined) cell.bold = f.font.bold === true;
          if (f.font?.italic !== undefined) cell.italic = f.font.italic === true;
          if (f.font?.color !== undefined) cell.color = mustColor(f.font.color, "Range.setCellProperties");
          if (f.horizontalAlignment !== undefined)
            cell.halign = f.horizontalAlignment === "General" ? undefined : f.horizontalAlignment;
          if (f.wrapText !== undefined) cell.wrap = f.wrapText === true;
        }),
      );
    });
  }

  protected override _checkAlive(t: RangeTarget): void {
    if (t.sheet.deleted) throw itemNotFound("Range (its worksheet was deleted)");
  }
  protected _readers(): Readonly<Record<string, (t: RangeTarget) => unknown>> {
    const limit = this._ctx._state.options.nullValuesAboveCells;
    return limit === undefined ? RANGE_READERS : nullAbove(limit);
  }
  protected override _navs(): Record<string, ClientObject> {
    return { format: this.format };
  }
}

interface CellPropsLoad {
  address?: boolean;
  format?: {
    fill?: {
      color?: boolean;
      tintAndShade?: boolean;
      pattern?: boolean;
      patternColor?: boolean;
      patternTintAndShade?: boolean;
    };
    font?: { bold?: boolean; italic?: boolean; color?: boolean };
    horizontalAlignment?: boolean;
    wrapText?: boolean;
  };
}

interface CellPropsSet {
  format?: {
    fill?: { color?: unknown; pattern?: unknown };
    font?: { bold?: unknown; italic?: unknown; color?: unknown };
    horizontalAlignment?: string;
    wrapText?: unknown;
  };
}

type PropertyTree = { readonly [k: string]: true | PropertyTree };

const CELL_PROPERTIES_SUPPORTED: PropertyTree = {
  address: true,
  format: {
    fill: { color: true, tintAndShade: true, pattern: true, patternColor: true, patternTintAndShade: true },
    font: { bold: true, italic: true, color: true },
    horizontalAlignment: true,
    wrapText: true,
  },
};

const CELL_PROPERTIES_SETTABLE: PropertyTree = {
  format: {
    fill: { color: true, pattern: true },
    font: { bold: true, italic: true, color: true },
    horizontalAlignment: true,
    wrapText: true,
  },
};

function checkPropertyTree(
  obj: Record<string, unknown>,
  tree: PropertyTree,
  where: string,
  loading: boolean,
  prefix = "",
): void {
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined || (loading && v === false)) continue;
    const node = tree[k];
    const path = prefix ? `${prefix}.${k}` : k;
    if (node === undefined) throw notImplemented(`${where} with ${path}`);
    if (node !== true) {
      if (v === null || typeof v !== "object") throw invalidArgument(where, `${path} must be an object`);
      checkPropertyTree(v as Record<string, unknown>, node, where, loading, path);
    }
  }
}

function mustColor(x: unknown, where: string): string {
  const c = typeof x === "string" ? normalizeColor(x) : undefined;
  if (!c) throw invalidArgument(where, `not a color: ${JSON.stringify(x)}`);
  return c;
}

/** undefined: unchanged; null: no fill; else "#RRGGBB". */
function readCellFill(fill: { color?: unknown; pattern?: unknown } | undefined): string | null | undefined {
  if (!fill) return undefined;
  if (fill.pattern !== undefined && fill.pattern !== "None" && fill.pattern !== "Solid")
    throw notImplemented(`Range.setCellProperties with fill.pattern ${JSON.stringify(fill.pattern)}`);
  if (fill.pattern === "None") return null;
  if (fill.color === undefined) return undefined;
  if (fill.color === null || fill.color === "") return null;
  return mustColor(fill.color, "Range.setCellProperties");
}

function cellProperties(
  sheet: SheetModel,
  r: number,
  c: number,
  cell: CellModel | undefined,
  o: CellPropsLoad,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (o.address) out.address = `${quoteSheetName(sheet.name)}!${a1(r, c)}`;
  const f = o.format;
  if (f) {
    const fmt: Record<string, unknown> = {};
    const ff = f.fill;
    if (ff && (ff.color || ff.tintAndShade || ff.pattern || ff.patternColor || ff.patternTintAndShade)) {
      const fill: Record<string, unknown> = {};
      if (ff.color) fill.color = displayedFill(cell) ?? NO_FILL_READS_AS;
      if (ff.tintAndShade) fill.tintAndShade = cell?.fill === undefined ? null : (cell.tint ?? 0);
      if (ff.pattern) fill.pattern = patternOf(cell);
      if (ff.patternColor) fill.patternColor = cell?.patternColor ?? PATTERN_COLOR_DEFAULT;
      if (ff.patternTintAndShade) fill.patternTintAndShade = cell?.pattern === undefined ? null : 0;
      fmt.fill = fill;
    }
    if (f.font && (f.font.bold || f.font.italic || f.font.color)) {
      const font: Record<string, unknown> = {};
      if (f.font.bold) font.bold = cell?.bold === true;
      if (f.font.italic) font.italic = cell?.italic === true;
      if (f.font.color) font.color = cell?.color ?? "#000000";
      fmt.font = font;
    }
    if (f.horizontalAlignment) fmt.horizontalAlignment = cell?.halign ?? "General";
    if (f.wrapText) fmt.wrapText = cell?.wrap === true;
    out.format = fmt;
  }
  return out;
}

/** Excel.RangeAreas (what getMergedAreasOrNullObject returns). */
export class RangeAreas extends ResolvedEntity<{ sheet: SheetModel; rects: Rect[] }> {
  protected readonly _type = "RangeAreas";
  private _areas?: RangeCollection;

  constructor(ctx: RequestContext, resolver: () => { sheet: SheetModel; rects: Rect[] } | null) {
    super(ctx, resolver);
    this._asNullObject();
  }

  declare readonly address: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  get areas(): RangeCollection {
    return (this._areas ??= new RangeCollection(this._ctx, this));
  }

  protected _readers(): Readonly<Record<string, (t: { sheet: SheetModel; rects: Rect[] }) => unknown>> {
    return {
      address: (t) => t.rects.map((r) => `${quoteSheetName(t.sheet.name)}!${rectA1(r)}`).join(","),
      areaCount: (t) => t.rects.length,
      cellCount: (t) => t.rects.reduce((n, r) => n + area(r), 0),
    };
  }
  protected override _navs(): Record<string, ClientObject> {
    return { areas: this.areas };
  }
}

/** Excel.RangeCollection (RangeAreas.areas). */
export class RangeCollection extends Collection<Range, RangeTarget> {
  protected readonly _type = "RangeCollection";
  private readonly _owner: RangeAreas;
  constructor(ctx: RequestContext, owner: RangeAreas) {
    super(ctx);
    this._owner = owner;
  }
  getItemAt(index: number): Range {
    return new Range(this._ctx, () => {
      const m = this._models()[index];
      if (!m) throw invalidArgument("RangeCollection.getItemAt");
      return m;
    });
  }
  protected _models(): RangeTarget[] {
    const t = this._owner._resolve();
    return t ? t.rects.map((rect) => ({ sheet: t.sheet, rect })) : [];
  }
  protected _wrap(model: RangeTarget | null): Range {
    return new Range(this._ctx, () => model);
  }
}

/** Excel.RangeFormat. */
export class RangeFormat extends Entity<RangeTarget> {
  protected readonly _type = "RangeFormat";
  private readonly _range: Range;
  private _fill?: RangeFill;
  private _font?: RangeFont;
  private _borders?: RangeBorderCollection;
  constructor(ctx: RequestContext, range: Range) {
    super(ctx);
    this._range = range;
  }
  get fill(): RangeFill {
    return (this._fill ??= new RangeFill(this._ctx, this._range));
  }
  get font(): RangeFont {
    return (this._font ??= new RangeFont(this._ctx, this._range));
  }
  get borders(): RangeBorderCollection {
    return (this._borders ??= new RangeBorderCollection(this._ctx, this._range));
  }

  /** Points; null when the columns differ. */
  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(value: number) {
    this._v.set("columnWidth", value);
    this._act("RangeFormat.columnWidth", value, () => {
      const t = this._range._target("RangeFormat.columnWidth");
      if (typeof value !== "number" || !(value >= 0)) throw invalidArgument("RangeFormat.columnWidth");
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.colWidths.set(c, value);
    });
  }
  get horizontalAlignment(): string {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this._v.set("horizontalAlignment", value);
    this._act("RangeFormat.horizontalAlignment", value, () => {
      const t = this._range._target("RangeFormat.horizontalAlignment");
      if (
        ![
          "General",
          "Left",
          "Center",
          "Right",
          "Fill",
          "Justify",
          "CenterAcrossSelection",
          "Distributed",
        ].includes(value)
      )
        throw invalidArgument("RangeFormat.horizontalAlignment");
      setEach(t, (cell) => {
        if (value === "General") delete cell.halign;
        else cell.halign = value;
      });
    });
  }
  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(value: boolean) {
    this._v.set("wrapText", value);
    this._act("RangeFormat.wrapText", value, () =>
      setEach(this._range._target("RangeFormat.wrapText"), (cell) => (cell.wrap = value === true)),
    );
  }

  /** Sets each column to fit its longest text (about 7 points a character). */
  autofitColumns(): void {
    this._act("RangeFormat.autofitColumns", null, () => {
      const t = this._range._target("RangeFormat.autofitColumns");
      const rowEnd = Math.min(t.rect.r1, t.sheet.rows.length - 1);
      for (let c = t.rect.c0; c <= Math.min(t.rect.c1, MAX_COLS - 1); c++) {
        let longest = 0;
        for (let r = t.rect.r0; r <= rowEnd; r++)
          longest = Math.max(longest, cellText(t.sheet.get(r, c)).length);
        t.sheet.colWidths.set(c, Math.max(DEFAULT_COLUMN_WIDTH / 4, Math.round(longest * 7 + 5)));
        if (!t.sheet.autofitColumns.includes(c)) t.sheet.autofitColumns.push(c);
      }
    });
  }

  autofitRows(): void {
    this._act("RangeFormat.autofitRows", null, () => void this._range._target("RangeFormat.autofitRows"));
  }

  _resolve(): RangeTarget | null {
    return this._range._resolve();
  }
  protected _readers(): Readonly<Record<string, (t: RangeTarget) => unknown>> {
    return {
      columnWidth: (t) => {
        const w = t.sheet.colWidths.get(t.rect.c0) ?? DEFAULT_COLUMN_WIDTH;
        for (let c = t.rect.c0 + 1; c <= t.rect.c1; c++)
          if ((t.sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH) !== w) return null;
        return w;
      },
      horizontalAlignment: (t) => uniform(t, (c) => c?.halign ?? "General"),
      wrapText: (t) => uniform(t, (c) => c?.wrap === true),
    };
  }
  protected override _navs(): Record<string, ClientObject> {
    return { fill: this.fill, font: this.font, borders: this.borders };
  }
}

/** Excel.RangeFill. */
export class RangeFill extends Entity<RangeTarget> {
  protected readonly _type = "RangeFill";
  private readonly _range: Range;
  constructor(ctx: RequestContext, range: Range) {
    super(ctx);
    this._range = range;
  }
  /** "#RRGGBB" when uniform, else null. No fill reads as "#FFFFFF", like Excel (office-js #6218). */
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._v.set("color", value);
    this._act("RangeFill.color", value, () => {
      const t = this._range._target("RangeFill.color");
      const c = mustColor(value, "RangeFill.color");
      setEach(t, (cell) => {
        cell.fill = c;
        delete cell.tint;
      });
    });
  }
  /** null for no fill (and when not uniform), 0 for a plain fill: Microsoft's workaround in office-js #4900. */
  get tintAndShade(): number | null {
    return this._get("tintAndShade");
  }
  /** Tints (> 0) or shades (< 0) the background colour; -1…1. */
  set tintAndShade(value: number) {
    this._v.set("tintAndShade", value);
    this._act("RangeFill.tintAndShade", value, () => {
      const t = this._range._target("RangeFill.tintAndShade");
      if (typeof value !== "number" || !(value >= -1 && value <= 1))
        throw invalidArgument("RangeFill.tintAndShade", `not a tint between -1 and 1: ${String(value)}`);
      setEach(t, (cell) => {
        cell.fill ??= NO_FILL_READS_AS;
        if (value === 0) delete cell.tint;
        else cell.tint = value;
      });
    });
  }
  /** Excel.FillPattern when uniform, else null. "Solid" keeps the background color (white without one). */
  get pattern(): string | null {
    return this._get("pattern");
  }
  set pattern(value: string) {
    this._v.set("pattern", value);
    this._act("RangeFill.pattern", value, () => {
      const t = this._range._target("RangeFill.pattern");
      if (!FILL_PATTERNS.has(value)) throw invalidArgument("RangeFill.pattern", `not a pattern: ${value}`);
      setEach(t, (cell) => {
        if (value === "None") {
          delete cell.fill;
          delete cell.tint;
          delete cell.pattern;
        } else if (value === "Solid") {
          delete cell.pattern;
          cell.fill ??= NO_FILL_READS_AS;
        } else cell.pattern = value;
      });
    });
  }
  get patternColor(): string | null {
    return this._get("patternColor");
  }
  set patternColor(value: string) {
    this._v.set("patternColor", value);
    this._act("RangeFill.patternColor", value, () => {
      const t = this._range._target("RangeFill.patternColor");
      const c = mustColor(value, "RangeFill.patternColor");
      setEach(t, (cell) => (cell.patternColor = c));
    });
  }
  /** Back to "no fill" (no background, no pattern). */
  clear(): void {
    this._act("RangeFill.clear", null, () => {
      const t = this._range._target("RangeFill.clear");
      const rowEnd = Math.min(t.rect.r1, t.sheet.rows.length - 1);
      for (let r = t.rect.r0; r <= rowEnd; r++) {
        const row = t.sheet.rows[r];
        if (!row) continue;
        for (let c = t.rect.c0; c <= Math.min(t.rect.c1, row.length - 1); c++)
          if (row[c]) {
            delete row[c]!.fill;
            delete row[c]!.tint;
            delete row[c]!.pattern;
            delete row[c]!.patternColor;
          }
      }
    });
  }
  _resolve(): RangeTarget | null {
    return this._range._resolve();
  }
  protected _readers(): Readonly<Record<string, (t: RangeTarget) => unknown>> {
    return {
      color: (t) => uniform(t, (c) => displayedFill(c) ?? NO_FILL_READS_AS),
      tintAndShade: (t) => uniform(t, (c) => (c?.fill === undefined ? null : (c.tint ?? 0))),
      pattern: (t) => uniform(t, patternOf),
      patternColor: (t) => uniform(t, (c) => c?.patternColor ?? PATTERN_COLOR_DEFAULT),
    };
  }
}

/** Excel.RangeFont. */
export class RangeFont extends Entity<RangeTarget> {
  protected readonly _type = "RangeFont";
  private readonly _range: Range;
  constructor(ctx: RequestContext, range: Range) {
    super(ctx);
    this._range = range;
  }
  get bold(): boolean {
    return this._get("bold");
  }
  set bold(value: boolean) {
    this._v.set("bold", value);
    this._act("RangeFont.bold", value, () =>
      setEach(this._range._target("RangeFont.bold"), (cell) => (cell.bold = value === true)),
    );
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(value: boolean) {
    this._v.set("italic", value);
    this._act("RangeFont.italic", value, () =>
      setEach(this._range._target("RangeFont.italic"), (cell) => (cell.italic = value === true)),
    );
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._v.set("color", value);
    this._act("RangeFont.color", value, () => {
      const t = this._range._target("RangeFont.color");
      const c = mustColor(value, "RangeFont.color");
      setEach(t, (cell) => (cell.color = c));
    });
  }
  _resolve(): RangeTarget | null {
    return this._range._resolve();
  }
  protected _readers(): Readonly<Record<string, (t: RangeTarget) => unknown>> {
    return {
      bold: (t) => uniform(t, (c) => c?.bold === true),
      italic: (t) => uniform(t, (c) => c?.italic === true),
      color: (t) => uniform(t, (c) => c?.color ?? "#000000"),
    };
  }
}

const BORDER_INDEXES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];

/** Excel.RangeBorderCollection: `getItem(index)` borders are accepted and recorded (sheetInfo().borders). */
export class RangeBorderCollection extends Entity<RangeTarget> {
  protected readonly _type = "RangeBorderCollection";
  private readonly _range: Range;
  constructor(ctx: RequestContext, range: Range) {
    super(ctx);
    this._range = range;
  }
  getItem(index: string): RangeBorder {
    if (!BORDER_INDEXES.includes(index)) throw invalidArgument("RangeBorderCollection.getItem", index);
    return new RangeBorder(this._ctx, this._range, index);
  }
  _resolve(): RangeTarget | null {
    return this._range._resolve();
  }
  protected _readers(): Readonly<Record<string, (t: RangeTarget) => unknown>> {
    return {};
  }
}

/** Excel.RangeBorder (write-only here). */
export class RangeBorder extends Entity<RangeTarget> {
  protected readonly _type = "RangeBorder";
  private readonly _range: Range;
  private readonly _side: string;
  constructor(ctx: RequestContext, range: Range, side: string) {
    super(ctx);
    this._range = range;
    this._side = side;
  }
  private _record(property: string, value: unknown): void {
    this._v.set(property, value);
    this._act(`RangeBorder.${property}`, value, () => {
      const t = this._range._target(`RangeBorder.${property}`);
      t.sheet.borders.push({ address: rectA1(t.rect), side: this._side, property, value });
    });
  }
  get style(): string {
    return this._get("style");
  }
  set style(value: string) {
    this._record("style", value);
  }
  get weight(): string {
    return this._get("weight");
  }
  set weight(value: string) {
    this._record("weight", value);
  }
  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._record("color", value);
  }
  _resolve(): RangeTarget | null {
    return this._range._resolve();
  }
  protected _readers(): Readonly<Record<string, (t: RangeTarget) => unknown>> {
    return {};
  }
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** Excel.NamedItemCollection (workbook scope). */
export class NamedItemCollection extends Collection<NamedItem, NameModel> {
  protected readonly _type = "NamedItemCollection";

  /** Adds a name for a Range or a formula ("=CQS_Settings!$B$2:$C$5", "=0.9"). Fails at sync on a clash. */
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    let created: NameModel | undefined;
    const where = `NamedItemCollection.add(${JSON.stringify(name)})`;
    const payload = {
      name,
      reference: typeof reference === "string" ? reference : "(Range)",
      comment: comment ?? "",
    };
    this._act(where, payload, () => {
      const wb = this._ctx._state.workbook;
      const problem = definedNameProblem(name);
      if (problem) throw invalidArgument(where, problem);
      if (wb._nameByKey(name))
        throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, MSG.itemAlreadyExists, where);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const t = reference._target(where);
        formula = `=${quoteSheetName(t.sheet.name)}!${rectA1(t.rect, true)}`;
      }
      created = { name, formula, comment: comment ?? "", visible: true, deleted: false };
      wb._names.push(created);
    });
    return new NamedItem(this._ctx, () => {
      if (!created) throw itemNotFound(where);
      return created;
    });
  }

  getItem(name: string): NamedItem {
    return new NamedItem(this._ctx, () => {
      const n = this._ctx._state.workbook._nameByKey(name);
      if (!n) throw itemNotFound(`NamedItemCollection.getItem(${JSON.stringify(name)})`);
      return n;
    });
  }

  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this._ctx, () => this._ctx._state.workbook._nameByKey(name) ?? null, true);
  }

  protected _models(): NameModel[] {
    return [...this._ctx._state.workbook._names];
  }
  protected _wrap(model: NameModel | null): NamedItem {
    return new NamedItem(this._ctx, () => model);
  }
}

/** Excel.NamedItem. */
export class NamedItem extends ResolvedEntity<NameModel> {
  protected readonly _type = "NamedItem";

  constructor(ctx: RequestContext, resolver: () => NameModel | null, nullable = false) {
    super(ctx, resolver);
    if (nullable) this._asNullObject();
  }

  declare readonly name: string;
  declare readonly type: string;
  declare readonly value: unknown;
  get visible(): boolean {
    return this._get("visible");
  }
  set visible(v: boolean) {
    this._v.set("visible", v);
    this._act("NamedItem.visible", v, () => (this._target("NamedItem.visible").visible = v === true));
  }
  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._v.set("formula", v);
    this._act(
      "NamedItem.formula",
      v,
      () => (this._target("NamedItem.formula").formula = v.startsWith("=") ? v : `=${v}`),
    );
  }
  get comment(): string {
    return this._get("comment");
  }
  set comment(v: string) {
    this._v.set("comment", v);
    this._act("NamedItem.comment", v, () => (this._target("NamedItem.comment").comment = v), {
      undoApi: "NamedItem.comment",
    });
  }

  delete(): void {
    this._act("NamedItem.delete", null, () => {
      const wb = this._ctx._state.workbook;
      const n = this._target("NamedItem.delete");
      wb._names.splice(wb._names.indexOf(n), 1);
      n.deleted = true;
    });
  }

  getRange(): Range {
    return new Range(this._ctx, () => {
      const t = this._rangeOf();
      if (!t) throw itemNotFound("NamedItem.getRange");
      return t;
    });
  }

  getRangeOrNullObject(): Range {
    return new Range(this._ctx, () => this._rangeOf(), true);
  }

  private _rangeOf(): RangeTarget | null {
    const n = this._target("NamedItem.getRange");
    const ref = parseReference(n.formula);
    if (!ref || ref.sheet === undefined) return null;
    const sheet = this._ctx._state.workbook._sheetByKey(ref.sheet);
    return sheet ? { sheet, rect: ref.rect } : null;
  }

  protected override _checkAlive(t: NameModel): void {
    if (t.deleted) throw itemNotFound("NamedItem (deleted)");
  }
  protected _readers(): Readonly<Record<string, (t: NameModel) => unknown>> {
    return NAMED_ITEM_READERS;
  }
}

function namedItemConstant(formula: string): { type: string; value: unknown } {
  const body = formula.slice(1);
  const ref = parseReference(body);
  if (ref && ref.sheet !== undefined) return { type: "Range", value: body };
  if (/^".*"$/.test(body)) return { type: "String", value: body.slice(1, -1).replace(/""/g, '"') };
  const n = parseTypedNumber(body);
  if (n !== undefined) return { type: Number.isInteger(n) ? "Integer" : "Double", value: n };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: "Boolean", value: body.toUpperCase() === "TRUE" };
  if (body.startsWith("{")) return { type: "Array", value: body };
  return { type: "Error", value: "#VALUE!" };
}

const NAMED_ITEM_READERS: Readonly<Record<string, (t: NameModel) => unknown>> = {
  name: (n) => n.name,
  formula: (n) => n.formula,
  comment: (n) => n.comment,
  visible: (n) => n.visible,
  type: (n) => namedItemConstant(n.formula).type,
  value: (n) => namedItemConstant(n.formula).value,
};

// ---------------------------------------------------------------------------------------------
// Excel namespace and factory
// ---------------------------------------------------------------------------------------------

/** Excel.RunOptions (the fields the fake reads). */
export interface FakeRunOptions {
  /** ExcelApi 1.20: all syncs of this run form one Undo step. */
  readonly mergeUndoGroup?: boolean;
  readonly delayForCellEdit?: boolean;
}

type Batch<T> = (context: RequestContext) => Promise<T>;

export interface FakeExcelNamespace {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(
    options: FakeRunOptions | ClientObject | ClientObject[] | RequestContext,
    batch: Batch<T>,
  ): Promise<T>;
  readonly ErrorCodes: typeof ErrorCodes;
  readonly RequestContext: typeof RequestContext;
  readonly SheetVisibility: {
    readonly visible: "Visible";
    readonly hidden: "Hidden";
    readonly veryHidden: "VeryHidden";
  };
  readonly BorderIndex: Readonly<Record<string, string>>;
  readonly HorizontalAlignment: Readonly<Record<string, string>>;
}

export interface FakeExcel {
  /** Cast it for adapter code: `fake.Excel as unknown as typeof Excel`. */
  readonly Excel: FakeExcelNamespace;
  /** Cast it when code uses `OfficeExtension.Error` / `ClientResult`. */
  readonly OfficeExtension: {
    readonly Error: typeof FakeOfficeError;
    readonly ErrorCodes: typeof RuntimeErrorCodes;
    readonly ClientResult: typeof ClientResult;
  };
  readonly stats: FakeExcelStats;
  readonly workbook: FakeWorkbook;
}

export function createFakeExcel(init: FakeWorkbookInit, options: FakeExcelOptions = {}): FakeExcel {
  const workbook = new FakeWorkbook(init);
  const stats = new FakeExcelStats();
  const state: FakeState = {
    workbook,
    stats,
    options,
    undoUnsupported: new Set(UNDO_UNSUPPORTED[options.platform ?? "desktop"]),
  };
  let runSeq = 0; // run ids for Undo groups (stats.runs can be reset)

  function run<T>(batch: Batch<T>): Promise<T>;
  function run<T>(
    options: FakeRunOptions | ClientObject | ClientObject[] | RequestContext,
    batch: Batch<T>,
  ): Promise<T>;
  async function run<T>(a: unknown, b?: unknown): Promise<T> {
    let batch: unknown = a;
    let runOptions: FakeRunOptions = {};
    let ctx: RequestContext | undefined;
    if (b !== undefined) {
      batch = b;
      if (a instanceof RequestContext) ctx = a;
      else if (a instanceof ClientObject) ctx = a.context;
      else if (Array.isArray(a) && a[0] instanceof ClientObject) ctx = (a[0] as ClientObject).context;
      else if (a !== null && typeof a === "object") runOptions = a as FakeRunOptions;
      else throw invalidArgument("Excel.run");
    }
    if (typeof batch !== "function") throw invalidArgument("Excel.run");
    stats.runs++;
    runSeq++;
    const merge = runOptions.mergeUndoGroup === true && options.undoGrouping !== false;
    const context = ctx ?? new RequestContext(state, runSeq, merge);
    if (ctx) {
      ctx._run = runSeq;
      ctx._merge = merge;
    }
    context._closed = false;
    try {
      const pending = (batch as (c: RequestContext) => unknown)(context);
      if (
        pending === null ||
        typeof pending !== "object" ||
        typeof (pending as { then?: unknown }).then !== "function"
      )
        throw new FakeOfficeError(
          RuntimeErrorCodes.runMustReturnPromise,
          MSG.runMustReturnPromise,
          "Excel.run",
        );
      const result = (await pending) as T;
      await context._flush(); // Excel.run's closing sync
      return result;
    } finally {
      context._queue = [];
      context._closed = true;
    }
  }

  const Excel: FakeExcelNamespace = {
    run,
    ErrorCodes,
    RequestContext,
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
    BorderIndex: Object.fromEntries(BORDER_INDEXES.map((b) => [b.charAt(0).toLowerCase() + b.slice(1), b])),
    HorizontalAlignment: {
      general: "General",
      left: "Left",
      center: "Center",
      right: "Right",
      justify: "Justify",
    },
  };
  return {
    Excel,
    OfficeExtension: { Error: FakeOfficeError, ErrorCodes: RuntimeErrorCodes, ClientResult },
    stats,
    workbook,
  };
}

// ---------------------------------------------------------------------------------------------
// The Office global: requirement sets, onReady, ribbon actions
// ---------------------------------------------------------------------------------------------

/** A current Microsoft 365 Excel. An "old Excel" is any shorter list, e.g. ["ExcelApi 1.8"]. */
export const MODERN_REQUIREMENT_SETS: ReadonlyArray<string> = [
  "ExcelApi 1.20",
  "ExcelUndoApiAll 1.0", // the check shown in the undo-capabilities docs page
  "CustomFunctionsRuntime 1.5",
  "SharedRuntime 1.1",
  "AddinCommands 1.1",
  "RibbonApi 1.1",
  "DialogApi 1.2",
];

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface FakeOfficeEvent {
  readonly source: { readonly id: string };
  completed(options?: { allowEvent?: boolean }): void;
}

export interface FakeOffice {
  readonly context: {
    readonly host: "Excel";
    readonly platform: string;
    readonly requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
  };
  onReady(
    callback?: (info: { host: "Excel"; platform: string }) => void,
  ): Promise<{ host: "Excel"; platform: string }>;
  readonly actions: { associate(actionId: string, handler: (event: FakeOfficeEvent) => unknown): void };
  readonly HostType: { readonly Excel: "Excel" };
  readonly PlatformType: { readonly PC: "PC"; readonly OfficeOnline: "OfficeOnline"; readonly Mac: "Mac" };
  /** Recording (not Office API): handlers passed to actions.associate, by id. */
  readonly associated: Map<string, (event: FakeOfficeEvent) => unknown>;
  /** Recording: every isSetSupported question asked. */
  readonly asked: Array<{ name: string; minVersion: string; answer: boolean }>;
  /** Test helper: runs an associated ribbon action; resolves when it calls event.completed(). */
  invoke(actionId: string): Promise<void>;
}

/**
 * An object shaped like the `Office` global. `supported` entries are "Name version"; a version
 * covers every lower one ("ExcelApi 1.20" supports ExcelApi 1.9). Pass versions as strings:
 * the number 1.20 is 1.2.
 */
export function fakeOffice(
  supported: ReadonlyArray<string> = MODERN_REQUIREMENT_SETS,
  platform = "PC",
): FakeOffice {
  const sets = supported.map((s) => {
    const [name, version] = s.trim().split(/\s+/);
    return { name: (name ?? "").toLowerCase(), version: version ?? "1.1" };
  });
  const associated = new Map<string, (event: FakeOfficeEvent) => unknown>();
  const asked: Array<{ name: string; minVersion: string; answer: boolean }> = [];
  const info = { host: "Excel" as const, platform };
  return {
    context: {
      host: "Excel",
      platform,
      requirements: {
        isSetSupported(name: string, minVersion?: string | number): boolean {
          const v = minVersion === undefined ? "1.1" : String(minVersion);
          const answer = sets.some(
            (s) => s.name === name.toLowerCase() && compareVersions(s.version, v) >= 0,
          );
          asked.push({ name, minVersion: v, answer });
          return answer;
        },
      },
    },
    onReady(callback) {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    actions: {
      associate(actionId, handler) {
        associated.set(actionId, handler);
      },
    },
    HostType: { Excel: "Excel" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
    associated,
    asked,
    invoke(actionId) {
      const handler = associated.get(actionId);
      if (!handler) return Promise.reject(new Error(`FakeOffice: no action associated with "${actionId}"`));
      return new Promise<void>((resolve, reject) => {
        try {
          const r = handler({ source: { id: actionId }, completed: () => resolve() });
          if (r && typeof (r as { then?: unknown }).then === "function")
            (r as Promise<unknown>).catch(reject);
        } catch (e) {
          reject(e);
        }
      });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Charts (ExcelApi 1.1; series chartType, line style, markers and data labels 1.7): the calls the
// ranking's chart makes, recorded on the sheet. Loading chart properties is not modelled.
// ---------------------------------------------------------------------------------------------

/** A chart as the double keeps it. Series come from the source range: first column categories,
 * header row series names (seriesBy "Columns"). */
export interface FakeChartModel {
  readonly type: string;
  readonly seriesBy: string;
  readonly source: { readonly sheet: string; readonly address: string };
  title?: string;
  legendPosition?: string;
  valueAxis: { minimum?: number; maximum?: number };
  /** Top-left and bottom-right cells of setPosition. */
  position?: { readonly start: string; readonly end?: string };
  readonly series: FakeChartSeriesModel[];
}

export interface FakeChartSeriesModel {
  chartType?: string;
  hasDataLabels?: boolean;
  markerStyle?: string;
  line: { color?: string; lineStyle?: string };
  /** Solid fills set on points, by point index. */
  readonly pointFills: Array<string | undefined>;
}

/** What the preview and tests read: the chart with its categories and values from the cells. */
export interface FakeChartView extends FakeChartModel {
  readonly categories: string[];
  readonly seriesData: Array<{ readonly name: string; readonly values: number[] } & FakeChartSeriesModel>;
}

const CHART_TYPES = new Set(["ColumnClustered", "BarClustered", "Line", "LineMarkers", "Pie"]);

/** Holds the model a chart proxy stands for once `charts.add` has run (actions run in order). */
interface ChartRef {
  model?: FakeChartModel;
}

abstract class ChartPart extends ClientObject {
  constructor(
    ctx: RequestContext,
    protected readonly _ref: ChartRef,
  ) {
    super(ctx);
  }
  protected _chart(where: string): FakeChartModel {
    if (!this._ref.model) throw itemNotFound(where);
    return this._ref.model;
  }
  _plan(): Runner {
    throw notImplemented(`loading ${this._type}`);
  }
}

/** Excel.ChartCollection. */
export class ChartCollection extends ClientObject {
  protected readonly _type = "ChartCollection";
  constructor(
    ctx: RequestContext,
    private readonly _sheet: Worksheet,
  ) {
    super(ctx);
  }
  add(type: string, sourceData: Range, seriesBy?: string): Chart {
    const ref: ChartRef = {};
    this._act("ChartCollection.add", { type, seriesBy }, () => {
      const sheet = this._sheet._target("ChartCollection.add");
      if (!CHART_TYPES.has(type)) throw invalidArgument("ChartCollection.add", `chart type ${type}`);
      const src = sourceData._target("ChartCollection.add");
      if (src.sheet !== sheet) throw invalidArgument("ChartCollection.add", "the source is on another sheet");
      const columns = src.rect.c1 - src.rect.c0;
      if (columns < 1) throw invalidArgument("ChartCollection.add", "no series in the source");
      const model: FakeChartModel = {
        type,
        seriesBy: seriesBy ?? "Auto",
        source: { sheet: sheet.name, address: rectA1(src.rect) },
        valueAxis: {},
        series: Array.from({ length: columns }, () => ({ line: {}, pointFills: [] })),
      };
      sheet.charts.push(model);
      ref.model = model;
    });
    return new Chart(this._ctx, ref);
  }
  _plan(): Runner {
    throw notImplemented("loading ChartCollection");
  }
}

/** Excel.Chart. */
export class Chart extends ChartPart {
  protected readonly _type = "Chart";
  get title(): { text: string } {
    const set = (text: string): void =>
      this._act("ChartTitle.text", text, () => (this._chart("ChartTitle.text").title = text));
    return {
      get text(): string {
        throw notImplemented("reading ChartTitle.text");
      },
      set text(v: string) {
        set(v);
      },
    };
  }
  get legend(): { position: string } {
    const set = (p: string): void =>
      this._act("ChartLegend.position", p, () => (this._chart("ChartLegend.position").legendPosition = p));
    return {
      get position(): string {
        throw notImplemented("reading ChartLegend.position");
      },
      set position(v: string) {
        set(v);
      },
    };
  }
  get axes(): { valueAxis: { minimum: number; maximum: number } } {
    const set = (k: "minimum" | "maximum", v: number): void =>
      this._act(`ChartAxis.${k}`, v, () => (this._chart(`ChartAxis.${k}`).valueAxis[k] = v));
    return {
      valueAxis: {
        get minimum(): number {
          throw notImplemented("reading ChartAxis.minimum");
        },
        set minimum(v: number) {
          set("minimum", v);
        },
        get maximum(): number {
          throw notImplemented("reading ChartAxis.maximum");
        },
        set maximum(v: number) {
          set("maximum", v);
        },
      },
    };
  }
  get series(): { getItemAt(index: number): ChartSeries } {
    return { getItemAt: (index: number) => new ChartSeries(this._ctx, this._ref, index) };
  }
  setPosition(startCell: string, endCell?: string): void {
    this._act("Chart.setPosition", { startCell, endCell }, () => {
      const chart = this._chart("Chart.setPosition");
      if (!parseReference(startCell) || (endCell !== undefined && !parseReference(endCell)))
        throw invalidArgument("Chart.setPosition");
      chart.position = endCell === undefined ? { start: startCell } : { start: startCell, end: endCell };
    });
  }
}

/** Excel.ChartSeries (by index). */
export class ChartSeries extends ChartPart {
  protected readonly _type = "ChartSeries";
  constructor(
    ctx: RequestContext,
    ref: ChartRef,
    private readonly _index: number,
  ) {
    super(ctx, ref);
  }
  private _series(where: string): FakeChartSeriesModel {
    const s = this._chart(where).series[this._index];
    if (!s) throw invalidArgument(where, `no series ${this._index}`);
    return s;
  }
  set chartType(v: string) {
    this._act("ChartSeries.chartType", v, () => {
      if (!CHART_TYPES.has(v)) throw invalidArgument("ChartSeries.chartType", v);
      this._series("ChartSeries.chartType").chartType = v;
    });
  }
  set hasDataLabels(v: boolean) {
    this._act(
      "ChartSeries.hasDataLabels",
      v,
      () => (this._series("ChartSeries.hasDataLabels").hasDataLabels = v),
    );
  }
  set markerStyle(v: string) {
    this._act("ChartSeries.markerStyle", v, () => (this._series("ChartSeries.markerStyle").markerStyle = v));
  }
  get format(): { line: { color: string; lineStyle: string } } {
    const set = (k: "color" | "lineStyle", v: string): void =>
      this._act(`ChartLineFormat.${k}`, v, () => (this._series(`ChartLineFormat.${k}`).line[k] = v));
    return {
      line: {
        get color(): string {
          throw notImplemented("reading ChartLineFormat.color");
        },
        set color(v: string) {
          set("color", v);
        },
        get lineStyle(): string {
          throw notImplemented("reading ChartLineFormat.lineStyle");
        },
        set lineStyle(v: string) {
          set("lineStyle", v);
        },
      },
    };
  }
  get points(): { getItemAt(index: number): { format: { fill: { setSolidColor(color: string): void } } } } {
    return {
      getItemAt: (index: number) => ({
        format: {
          fill: {
            setSolidColor: (color: string) =>
              this._act("ChartFill.setSolidColor", color, () => {
                const norm = normalizeColor(color);
                if (!norm) throw invalidArgument("ChartFill.setSolidColor", color);
                this._series("ChartFill.setSolidColor").pointFills[index] = norm;
              }),
          },
        },
      }),
    };
  }
}
