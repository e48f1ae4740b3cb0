/**
 * Reading a score from a cell, as DESIGN.md "Reading cells" defines it.
 *
 * - a number cell: its decimal at 15 significant digits (what Excel shows);
 * - text: after trimming spaces and non-breaking spaces, an optional sign, digits, and at most one
 *   decimal separator (comma or point) with digits after it: "45,57", "8,0", " 10.00 ";
 * - anything else (grouping separators, percent, words, dates, booleans, errors) is not a number,
 *   never a silent 0.
 */
import { exactFromDecimalString, exactFromNumber, type Exact } from "./exact";
import { isErrorValue, type Cell } from "./grid";

/** Why a value is not a number; "huge" is a value no cell can hold (NaN or ±Infinity). */
export type NotANumberKind = "text" | "boolean" | "date" | "error" | "huge" | "percent";

export type NumberReading =
  | { readonly kind: "number"; readonly value: Exact; readonly fromText: boolean }
  | { readonly kind: "empty" }
  | { readonly kind: "uncalculated"; readonly formula: string }
  | { readonly kind: "nan"; readonly what: NotANumberKind; readonly shown: string };

const NUMBER_TEXT = /^([+-]?)(\d+)(?:[.,](\d+))?$/;
/**
 * Text without the spaces around it: tabs, line breaks, non-breaking and other Unicode spaces
 * (what `String.prototype.trim` removes), and zero-width spaces, as text pasted from Word has.
 * A scan from each end: a pattern such as /\s+$/ tries every position of a long inner run of
 * spaces, in time quadratic in its length (0.4 s for one cell of 30,000 spaces).
 */
export function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isSpaceAround(text.charCodeAt(start))) start++;
  while (end > start && isSpaceAround(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function isSpaceAround(code: number): boolean {
  if (code > 0x20 && code < 0x7f) return false;
  return code === 0x200b || String.fromCharCode(code).trim() === "";
}

/** Parses number text ("45,57", "-3", " 10.00 "); undefined when it is not one. */
export function parseNumberText(text: string): Exact | undefined {
  const m = NUMBER_TEXT.exec(trimSpaces(text));
  if (!m) return undefined;
  const [, sign, int, frac] = m;
  if ((int?.length ?? 0) > 15) return undefined;
  return exactFromDecimalString(`${sign === "-" ? "-" : ""}${int}${frac ? `.${frac}` : ""}`);
}

/**
 * The exact value of a cell that is a plain number (no date or percent format), else undefined:
 * readCellNumber's common case without its reading object, for the per-cell loops of analyze.ts.
 * Kept because it pays (docs/benchmarks.md, "Fast paths kept"): 90,000 score cells read in
 * about 1.7 ms instead of 5.9 ms; with every pair collapsed into readCellNumber, one bench run
 * gave core / plain 5.5 at 10,000 units, over the budget of 3.
 */
export function plainNumberOf(cell: Cell): Exact | undefined {
  const v = cell.v;
  if (typeof v !== "number") return undefined;
  if (cell.fmt !== undefined && formatKind(cell.fmt) !== "plain") return undefined;
  return exactFromNumber(v);
}

/** Reads a cell as a score. */
export function readCellNumber(cell: Cell): NumberReading {
  const v = cell.v;
  if (typeof v === "number") {
    const kind = cell.fmt ? formatKind(cell.fmt) : "plain";
    if (kind === "date") return { kind: "nan", what: "date", shown: String(v) };
    // A number formatted as a percentage (0.06 shown as "6%") is not a score: say so, never guess.
    if (kind === "percent")
      return { kind: "nan", what: "percent", shown: `${Number((v * 100).toPrecision(15))}%` };
    // Any number a cell holds is a number, however large (9e307 above a maximum is SCORE_ABOVE_MAX).
    const value = exactFromNumber(v);
    return value === undefined
      ? { kind: "nan", what: "huge", shown: String(v) }
      : { kind: "number", value, fromText: false };
  }
  if (v === null) {
    return cell.f ? { kind: "uncalculated", formula: cell.f } : { kind: "empty" };
  }
  if (typeof v === "string") {
    if (trimSpaces(v) === "") return cell.f ? { kind: "uncalculated", formula: cell.f } : { kind: "empty" };
    const value = parseNumberText(v);
    return value === undefined
      ? { kind: "nan", what: "text", shown: v }
      : { kind: "number", value, fromText: true };
  }
  if (typeof v === "boolean") return { kind: "nan", what: "boolean", shown: v ? "TRUE" : "FALSE" };
  if (v instanceof Date) return { kind: "nan", what: "date", shown: dateText(v) };
  if (isErrorValue(v)) return { kind: "nan", what: "error", shown: v.error };
  return { kind: "nan", what: "text", shown: String(v) };
}

/** A date as yyyy-mm-dd; an invalid date as Excel shows it. */
function dateText(d: Date): string {
  return Number.isNaN(d.getTime()) ? "########" : d.toISOString().slice(0, 10);
}

/** What a number format makes of a number: a date or time, a percentage, or a plain number. */
export type FormatKind = "date" | "percent" | "plain";

const formatKinds = new Map<string, FormatKind>();

/** The kind of a number format, computed once per format (a sheet uses a handful). */
export function formatKind(fmt: string): FormatKind {
  let kind = formatKinds.get(fmt);
  if (kind === undefined) {
    if (formatKinds.size > 1000) formatKinds.clear();
    // Quoted text, escaped characters and bracketed parts ([Red], [$-409]) say nothing here.
    const bare = fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "");
    kind =
      /[dmyhs]/i.test(bare) && !/^[#0.,%\s?E+-]*$/i.test(bare)
        ? "date"
        : /%/.test(bare)
          ? "percent"
          : "plain";
    formatKinds.set(fmt, kind);
  }
  return kind;
}

/** True for an Excel date or time number format ("dd/mm/yyyy", "m/d/yy h:mm", "[$-vi-VN]d mmmm"). */
export function isDateFormat(fmt: string): boolean {
  return formatKind(fmt) === "date";
}

/** The whole text of a cell's value (a unit name, a label). */
export function cellText(cell: Cell): string {
  const v = cell.v;
  return typeof v === "string" ? v : shownValue(cell);
}

/** Text shown for a cell in messages: the value as the user sees it, shortened. */
export function shownValue(cell: Cell): string {
  const v = cell.v;
  if (v === null) return "";
  if (typeof v === "string") return v.length > 40 ? `${v.slice(0, 39)}…` : v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return dateText(v);
  return isErrorValue(v) ? v.error : String(v);
}
