/**
 * The source's own title lines above a block's criteria table, read once for the ranking sheet
 * (plan.ts) and the decision's appendix (appendix.ts): the lines between the table before it on
 * the sheet (its notes and summary lines passed over) and the header; the last numbered line is
 * the criteria section's heading; a "Phụ lục …" line is the label; a "(Ban hành kèm theo …)" line
 * names the decision.
 */
import { cellAt, colEnd, type SheetGrid } from "./grid";
import { parseNoteLine, parseSummaryLine, type Table } from "./read";
import { stripAccents, tidy } from "./text";

export interface SourceTitle {
  /** Every line above the table that belongs to its title, in order, without the section heading. */
  readonly all: ReadonlyArray<string>;
  /** "Phụ lục I", where the source has one. */
  readonly label?: string;
  /** The title lines that are neither the label nor the decision line. */
  readonly lines: ReadonlyArray<string>;
  /** "(Ban hành kèm theo Quyết định số … ngày …)", where the source has one. */
  readonly decisionLine?: string;
  /** The criteria section's numbered heading ("1. Kết quả đánh giá …"), where the source has one. */
  readonly criteriaHeading?: string;
}

/** A numbered section heading: "1. Kết quả …", "II. Xếp hạng …". */
export const NUMBERED = /^\s*(?:\d+|[IVX]+)\s*[.)]\s*\S/;
const LABEL = /^phu luc\b/;
const DECISION = /(?:^|\()\s*(?:ban hanh )?kem theo (?:quyet dinh|qd)\b/;
/** The longest line taken for an appendix label ("Phụ lục II"), not a sentence starting so. */
const MAX_LABEL_LENGTH = 40;

/** Accent-free, lower-case, single-spaced text, for recognizing lines. */
function folded(text: string): string {
  return stripAccents(text.normalize("NFC")).toLowerCase().replace(/\s+/g, " ").trim();
}

/** "2. Xếp hạng mức độ …" → "Xếp hạng mức độ …": a heading without its numbering. */
export function withoutNumbering(title: string): string {
  return title.replace(/^\s*(?:\d+|[IVX]+)\s*[.)]\s*/, "").trim();
}

/** A "Phụ lục …" label (a sheet name or a line). */
export function isAppendixLabel(text: string): boolean {
  return LABEL.test(folded(text));
}

/** A line that belongs to the block above, not to a title: a note, a summary line, "Ghi chú". */
export function isTrailingLine(text: string): boolean {
  return (
    parseSummaryLine(text) !== undefined ||
    parseNoteLine(text) !== undefined ||
    /^ghi chu\b/.test(folded(text))
  );
}

/** The first text of a row, tidied. */
function lineOf(sheet: SheetGrid, row: number): string | undefined {
  const end = colEnd(sheet, row);
  for (let c = sheet.left ?? 0; c < end; c++) {
    const v = cellAt(sheet, row, c).v;
    if (typeof v === "string" && v.trim() !== "") return tidy(v);
  }
  return undefined;
}

/** The title lines above a criteria table, on its sheet; `tables` are the workbook's tables. */
export function sourceTitle(criteria: Table, tables: ReadonlyArray<Table>): SourceTitle {
  const sheet = criteria.sheet.grid;
  let floor = sheet.top ?? 0;
  for (const t of tables) {
    if (t.sheet.index === criteria.sheet.index && t.range.bottom < criteria.headerTop) {
      floor = Math.max(floor, t.range.bottom + 1);
    }
  }
  let all: string[] = [];
  for (let r = floor; r < criteria.headerTop; r++) {
    const text = lineOf(sheet, r);
    if (text === undefined) continue;
    // Notes and summaries of the block above end there: the title starts after them.
    if (isTrailingLine(text)) all = [];
    else all.push(text);
  }
  let criteriaHeading: string | undefined;
  if (all.length > 0 && NUMBERED.test(all[all.length - 1]!)) criteriaHeading = all.pop();
  let label: string | undefined;
  let decisionLine: string | undefined;
  const lines: string[] = [];
  for (const line of all) {
    const f = folded(line);
    if (label === undefined && LABEL.test(f) && line.length <= MAX_LABEL_LENGTH) label = line;
    else if (decisionLine === undefined && DECISION.test(f)) decisionLine = line;
    else lines.push(line);
  }
  return {
    all,
    ...(label !== undefined ? { label } : {}),
    lines,
    ...(decisionLine !== undefined ? { decisionLine } : {}),
    ...(criteriaHeading !== undefined ? { criteriaHeading } : {}),
  };
}
