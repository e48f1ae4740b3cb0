/**
 * Reading a workbook's cell grids into tables and blocks (DESIGN.md "Tables and blocks").
 *
 * A criteria table has a unit column, criterion columns (found by their headers, in any order)
 * and a total column; a ranking table has a unit column, a total and a level or rank column,
 * and no criteria. Headers may take two rows (a group label such as "Các tiêu chí" merged over
 * the criteria). Blank rows inside a table and extra columns are allowed; hidden rows are data.
 */
import type { Exact } from "./exact";
import type { CompiledFramework, Level } from "./framework";
import { cellAt, colEnd, rowEnd, type Cell, type CellRange, type SheetGrid, type WorkbookGrid } from "./grid";
import { cellText, parseNumberText, trimSpaces } from "./numbers";
import { nameKey } from "./names";
import { foldHeader, stripAccents, tidy } from "./text";

export const SETTINGS_SHEET = "CQS_Settings";

export type TableKind = "criteria" | "ranking";

export interface SheetRef {
  readonly name: string;
  readonly index: number;
  readonly grid: SheetGrid;
}

export interface TableColumns {
  readonly unit: number;
  readonly stt?: number;
  readonly total?: number;
  readonly level?: number;
  readonly rank?: number;
  readonly max?: number;
  /** Per framework criterion (framework order), its column or -1 when the table lacks it. */
  readonly criteria: ReadonlyArray<number>;
}

export interface TableRow {
  readonly row: number;
  /** The unit name as written (spacing tidied). */
  readonly name: string;
  /** The name's comparison key (names.ts nameKey), computed once. */
  readonly key: string;
}

export interface Table {
  readonly kind: TableKind;
  readonly sheet: SheetRef;
  readonly columns: TableColumns;
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly range: CellRange;
  readonly rows: ReadonlyArray<TableRow>;
  /** The nearest title text above the table. */
  readonly title: string;
}

export interface NoteLine {
  readonly sheet: SheetRef;
  readonly row: number;
  readonly col: number;
  readonly unit: string;
  readonly max: Exact;
  readonly text: string;
}

export interface SummaryPart {
  readonly levels: ReadonlyArray<Level>;
  readonly count: number;
}

export interface SummaryLine {
  readonly sheet: SheetRef;
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly parts: ReadonlyArray<SummaryPart>;
}

export interface Block {
  readonly title: string;
  readonly criteria: Table;
  readonly rankings: ReadonlyArray<Table>;
  readonly notes: ReadonlyArray<NoteLine>;
  readonly summaries: ReadonlyArray<SummaryLine>;
}

export interface WorkbookModel {
  readonly sheets: ReadonlyArray<SheetRef>;
  /** All tables in workbook order. */
  readonly tables: ReadonlyArray<Table>;
  readonly blocks: ReadonlyArray<Block>;
}

type Role = "unit" | "stt" | "total" | "level" | "rank" | "max" | { readonly criterion: number };

const ROLE_HEADERS: ReadonlyArray<[Exclude<Role, { criterion: number }>, ReadonlyArray<string>]> = [
  [
    "unit",
    [
      "don vi",
      "ten don vi",
      "co quan",
      "ten co quan",
      "co quan don vi",
      "ten co quan don vi",
      "don vi duoc danh gia",
      "dia phuong",
      "ten dia phuong",
    ],
  ],
  ["stt", ["stt", "tt", "so tt", "so thu tu"]],
  [
    "total",
    [
      "tong cong",
      "tong diem",
      "tong",
      "tong so diem",
      "diem tong",
      "tong diem dat duoc",
      "tong diem danh gia",
      "tong diem sau quy doi",
      "tong diem quy doi",
      "diem",
    ],
  ],
  ["level", ["muc do", "xep loai muc do", "muc do chinh quyen so", "muc do dat duoc", "xep loai"]],
  ["rank", ["thu hang", "xep hang", "hang"]],
  ["max", ["diem toi da", "so diem toi da", "thang diem", "diem toi da cua don vi"]],
];

function classifyHeader(text: string, fw: CompiledFramework): Role | undefined {
  const key = foldHeader(text);
  if (key === "") return undefined;
  for (const [role, keys] of ROLE_HEADERS) if (keys.includes(key)) return role;
  for (let i = 0; i < fw.criteria.length; i++) if (fw.criteria[i]!.keys.has(key)) return { criterion: i };
  return undefined;
}

interface HeaderCandidate {
  readonly top: number;
  readonly bottom: number;
  readonly columns: TableColumns;
  readonly kind: TableKind;
}

function rolesOfRow(sheet: SheetGrid, row: number, fw: CompiledFramework): Map<number, Role> {
  const roles = new Map<number, Role>();
  const start = sheet.left ?? 0;
  const end = colEnd(sheet, row);
  for (let c = start; c < end; c++) {
    const v = cellAt(sheet, row, c).v;
    if (typeof v !== "string" || v.length > 80) continue;
    const role = classifyHeader(v, fw);
    if (role) roles.set(c, role);
  }
  return roles;
}

function hasRole(roles: Map<number, Role>, role: string): boolean {
  for (const r of roles.values()) if (r === role) return true;
  return false;
}

/** Recognizes a header starting at `row` (one or two rows), or undefined. */
function headerAt(sheet: SheetGrid, row: number, fw: CompiledFramework): HeaderCandidate | undefined {
  const first = rolesOfRow(sheet, row, fw);
  if (!hasRole(first, "unit")) return undefined;
  const second = rolesOfRow(sheet, row + 1, fw);
  const merged = new Map(first);
  let bottom = row;
  // A second header row: the criteria under a group label such as "Các tiêu chí".
  for (const [c, r] of second) {
    if (!merged.has(c) && r !== "unit") {
      merged.set(c, r);
      bottom = row + 1;
    }
  }
  let unit = -1;
  const criteria = fw.criteria.map(() => -1);
  const cols: { stt?: number; total?: number; level?: number; rank?: number; max?: number } = {};
  let criteriaFound = 0;
  for (const [c, r] of [...merged].sort((a, b) => a[0] - b[0])) {
    if (typeof r === "object") {
      if (criteria[r.criterion] === -1) {
        criteria[r.criterion] = c;
        criteriaFound++;
      }
    } else if (r === "unit") {
      if (unit === -1) unit = c;
    } else if (cols[r] === undefined) cols[r] = c;
  }
  if (unit === -1) return undefined;
  const columns: TableColumns = { unit, criteria, ...cols };
  const needed = Math.min(3, fw.criteria.length);
  if (criteriaFound >= needed && cols.total !== undefined)
    return { top: row, bottom, columns, kind: "criteria" };
  if (
    criteriaFound === 0 &&
    cols.total !== undefined &&
    (cols.level !== undefined || cols.rank !== undefined)
  ) {
    return { top: row, bottom, columns, kind: "ranking" };
  }
  return undefined;
}

function isEmptyCell(cell: Cell): boolean {
  const v = cell.v;
  if (typeof v === "number") return false;
  if (cell.f) return false;
  if (v === null) return true;
  // Blank text: no character that trim() would keep (tested without allocating a trimmed copy).
  return typeof v === "string" && !NOT_BLANK.test(v);
}

const NOT_BLANK = /[^\s\ufeff]/;

function tableColumns(columns: TableColumns): number[] {
  const list = [
    columns.unit,
    columns.stt,
    columns.total,
    columns.level,
    columns.rank,
    columns.max,
    ...columns.criteria,
  ];
  return list.filter((c): c is number => c !== undefined && c >= 0);
}

/** Lines that end a table although they stand in its unit column (notes, totals, signatures). */
const NOT_A_UNIT = ["ghi chú", "số đơn vị đạt", "tổng cộng", "cộng", "trong đó", "người lập", "chủ tịch"].map(
  nameKey,
);

const NOT_A_UNIT_PREFIXES = NOT_A_UNIT.map((k) => `${k} `);

function isNotAUnit(key: string): boolean {
  for (let i = 0; i < NOT_A_UNIT.length; i++) {
    if (key === NOT_A_UNIT[i] || key.startsWith(NOT_A_UNIT_PREFIXES[i]!)) return true;
  }
  return false;
}

/** What reading one row of a table needs, gathered once per table. */
interface RowContext {
  readonly sheet: SheetGrid;
  readonly header: HeaderCandidate;
  readonly fw: CompiledFramework;
  /** The table's columns, and which of them hold scores or totals (not the unit name or the STT). */
  readonly cols: ReadonlyArray<number>;
  readonly isValue: ReadonlyArray<boolean>;
}

/** readRow's answers besides a unit's row: the row is passed over, or the table ends before it. */
const SKIP = 0;
const END = 1;

/** Reads the data rows below a header until the table ends. */
function readRows(
  sheet: SheetGrid,
  header: HeaderCandidate,
  fw: CompiledFramework,
): { rows: TableRow[]; bottom: number } {
  const cols = tableColumns(header.columns);
  const isValue = cols.map((c) => c !== header.columns.unit && c !== header.columns.stt);
  const context: RowContext = { sheet, header, fw, cols, isValue };
  const rows: TableRow[] = [];
  let bottom = header.bottom;
  const end = rowEnd(sheet);
  for (let r = header.bottom + 1; r < end; r++) {
    const row = readRow(context, r, rows.length === 0);
    if (row === END) break;
    if (row === SKIP) continue;
    rows.push(row);
    bottom = r;
  }
  return { rows, bottom };
}

/**
 * One row below a table's header: a unit's row, a row to pass over, or the end of the table. One
 * function per row (not the loop's body), for the reason given at analyze.ts checkUnit.
 */
function readRow(context: RowContext, r: number, first: boolean): TableRow | typeof SKIP | typeof END {
  const { sheet, header, cols, isValue } = context;
  // One pass over the table's cells of the row.
  let filled = false;
  let hasValues = false;
  let hasNumber = false;
  for (let k = 0; k < cols.length; k++) {
    const cell = cellAt(sheet, r, cols[k]!);
    if (isEmptyCell(cell)) continue;
    filled = true;
    if (isValue[k]) {
      hasValues = true;
      if (typeof cell.v === "number") hasNumber = true;
    }
  }
  // A blank row inside the table, unless the row holds other text (a note, a title).
  if (!filled) return rowHasText(sheet, r) ? END : SKIP;
  // A row with a number in its score or total columns is data, never another table's header.
  if (!hasNumber && headerAt(sheet, r, context.fw)) return END;
  const unitCell = cellAt(sheet, r, header.columns.unit);
  // Rows between the header and the first unit that annotate the header: a column numbering
  // row ("(1) (2) … (11)"), a max-points row ("Điểm tối đa | 8 | 5 | …", or no name at all).
  if (first && (isNumberingRow(sheet, r, cols) || isEmptyCell(unitCell) || isMaxLabel(unitCell))) {
    return SKIP;
  }
  if (isEmptyCell(unitCell)) return END;
  const name = tidy(cellText(unitCell));
  const key = nameKey(name);
  if (isNotAUnit(key)) return END;
  const stt = header.columns.stt !== undefined ? cellAt(sheet, r, header.columns.stt) : undefined;
  const sttIsNumber =
    stt !== undefined &&
    (typeof stt.v === "number" || (typeof stt.v === "string" && /^\d+\s*\.?$/.test(trimSpaces(stt.v))));
  if (!hasValues && !sttIsNumber) return END;
  return { row: r, name, key };
}

/** "(1) (2) (3) …" or "1 2 3 …" across the table's columns, left to right. */
function isNumberingRow(sheet: SheetGrid, row: number, cols: ReadonlyArray<number>): boolean {
  const numbers: number[] = [];
  for (const c of [...cols].sort((a, b) => a - b)) {
    const v = cellAt(sheet, row, c).v;
    if (v === null) continue;
    const m = /^\(?\s*(\d{1,2})\s*\)?$/.exec(
      typeof v === "number" ? String(v) : typeof v === "string" ? trimSpaces(v) : "x",
    );
    if (!m) return false;
    numbers.push(Number(m[1]));
  }
  return numbers.length >= 3 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1);
}

const MAX_LABELS = ["điểm tối đa", "số điểm tối đa", "thang điểm", "điểm chuẩn", "tối đa"].map(nameKey);

function isMaxLabel(cell: Cell): boolean {
  return typeof cell.v === "string" && MAX_LABELS.includes(nameKey(cell.v));
}

function rowHasText(sheet: SheetGrid, row: number): boolean {
  const start = sheet.left ?? 0;
  const end = colEnd(sheet, row);
  for (let c = start; c < end; c++) {
    const v = cellAt(sheet, row, c).v;
    if (typeof v === "string" && v.trim() !== "") return true;
  }
  return false;
}

/** The first text cell of a row, if any. */
function rowText(sheet: SheetGrid, row: number): { col: number; text: string } | undefined {
  const start = sheet.left ?? 0;
  const end = colEnd(sheet, row);
  for (let c = start; c < end; c++) {
    const v = cellAt(sheet, row, c).v;
    if (typeof v === "string" && v.trim() !== "") return { col: c, text: tidy(v) };
  }
  return undefined;
}

const NOTE_LINE = /^\s*(?:\d+\s*[.)]\s*|[-–•+*]\s*)?(.+?)\s*:\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\b/iu;

/** Parses "1. Văn phòng UBND tỉnh: 75 điểm (…)" into a unit and its max points. */
export function parseNoteLine(text: string): { unit: string; max: Exact } | undefined {
  const m = NOTE_LINE.exec(text.normalize("NFC"));
  if (!m) return undefined;
  const unit = tidy(m[1]!);
  const max = parseNumberText(m[2]!);
  if (max === undefined || unit === "" || /^(diem|tong)/.test(stripAccents(unit).toLowerCase()))
    return undefined;
  return { unit, max };
}

const ROMAN: Record<string, Level> = { i: "I", ii: "II", iii: "III", iv: "IV" };

/**
 * Parses a summary line of level counts: "- Số đơn vị đạt mức độ I: 18 - Số đơn vị đạt mức độ II: 2
 * - Số đơn vị đạt mức độ III, IV: 0". A combined part ("III, IV") counts those levels together.
 */
export function parseSummaryLine(text: string): SummaryPart[] | undefined {
  const t = stripAccents(text.normalize("NFC")).toLowerCase();
  if (!/so (don vi|co quan|dia phuong)[^:]*muc do/.test(t)) return undefined;
  const parts: SummaryPart[] = [];
  // One level, then more joined by a separator. The separator is either a sign with optional
  // spaces or spaces alone, never both ways at once: no exponential backtracking on long runs of
  // spaces and "i"s.
  const level = "(?:iv|iii|ii|i)\\b";
  const sep = "(?:\\s*(?:,|va\\b|&|\\/|-)\\s*|\\s+)";
  const re = new RegExp(`muc do\\s*(${level}(?:${sep}${level})*)\\s*:?\\s*(\\d+)`, "g");
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const levels = m[1]!
      .split(/,|va|&|\/|-|\s+/)
      .map((s) => ROMAN[s.trim()])
      .filter((l): l is Level => l !== undefined);
    if (levels.length > 0) parts.push({ levels, count: Number(m[2]) });
  }
  return parts.length > 0 ? parts : undefined;
}

function findTitle(sheet: SheetGrid, headerTop: number, floor: number): string {
  for (let r = headerTop - 1; r >= floor; r--) {
    const t = rowText(sheet, r);
    if (t && !parseSummaryLine(t.text)) return t.text;
  }
  return "";
}

/** Finds every table of a sheet, with the lines (notes, summaries) outside them. */
function readSheetTables(
  ref: SheetRef,
  fw: CompiledFramework,
): { tables: Table[]; lines: Array<{ row: number; col: number; text: string }> } {
  const sheet = ref.grid;
  const tables: Table[] = [];
  const lines: Array<{ row: number; col: number; text: string }> = [];
  const end = rowEnd(sheet);
  let floor = sheet.top ?? 0;
  for (let r = sheet.top ?? 0; r < end; r++) {
    const header = headerAt(sheet, r, fw);
    if (header) {
      const { rows, bottom } = readRows(sheet, header, fw);
      const cols = tableColumns(header.columns);
      tables.push({
        kind: header.kind,
        sheet: ref,
        columns: header.columns,
        headerTop: header.top,
        headerBottom: header.bottom,
        range: { top: header.top, left: Math.min(...cols), bottom, right: Math.max(...cols) },
        rows,
        title: findTitle(sheet, header.top, floor),
      });
      r = bottom;
      floor = bottom + 1;
      continue;
    }
    const t = rowText(sheet, r);
    if (t) lines.push({ row: r, ...t });
  }
  return { tables, lines };
}

/** The sheets the table finder reads: not the settings sheet, not very hidden ones, not the add-in's own. */
export function sheetsToRead(workbook: WorkbookGrid): SheetRef[] {
  const refs: SheetRef[] = [];
  const own = new Set((workbook.ownSheets ?? []).map((n) => n.toLocaleLowerCase()));
  workbook.sheets.forEach((grid, index) => {
    if (grid.name === SETTINGS_SHEET || grid.state === "veryHidden") return;
    if (own.has(grid.name.toLocaleLowerCase())) return;
    refs.push({ name: grid.name, index, grid });
  });
  return refs;
}

/**
 * Reads the workbook into tables and blocks. A ranking table joins the nearest criteria table
 * before it that has none yet (same sheet or an earlier one); notes join the criteria table they
 * follow; a summary line joins the block of the table it follows.
 */
export function readWorkbook(workbook: WorkbookGrid, fw: CompiledFramework): WorkbookModel {
  const sheets = sheetsToRead(workbook);
  const tables: Table[] = [];
  type MutableBlock = {
    title: string;
    criteria: Table;
    rankings: Table[];
    notes: NoteLine[];
    summaries: SummaryLine[];
  };
  const blocks: MutableBlock[] = [];
  const orphans: Table[] = [];
  for (const ref of sheets) {
    const { tables: found, lines } = readSheetTables(ref, fw);
    // Walk tables and lines in row order, so each line joins what stands above it.
    const events = [
      ...found.map((t) => ({ row: t.headerTop, table: t as Table | undefined, line: undefined })),
      ...lines.map((l) => ({ row: l.row, table: undefined, line: l })),
    ].sort((a, b) => a.row - b.row);
    let lastTableKind: TableKind | undefined;
    for (const e of events) {
      if (e.table) {
        tables.push(e.table);
        lastTableKind = e.table.kind;
        if (e.table.kind === "criteria") {
          blocks.push({
            title: blockTitle(e.table, ref),
            criteria: e.table,
            rankings: [],
            notes: [],
            summaries: [],
          });
        } else {
          const open = [...blocks].reverse().find((b) => b.rankings.length === 0);
          if (open && blocks[blocks.length - 1] === open) open.rankings.push(e.table);
          else orphans.push(e.table);
        }
        continue;
      }
      const line = e.line!;
      const current = blocks[blocks.length - 1];
      if (!current || lastTableKind === undefined) continue;
      const parts = parseSummaryLine(line.text);
      if (parts) {
        current.summaries.push({ sheet: ref, row: line.row, col: line.col, text: line.text, parts });
        continue;
      }
      const note = parseNoteLine(line.text);
      if (note) current.notes.push({ sheet: ref, row: line.row, col: line.col, text: line.text, ...note });
    }
  }
  // Ranking tables with no open block before them (e.g. a ranking sheet made earlier) join the
  // block whose units they name most.
  for (const t of orphans) {
    const block = bestBlockFor(t, blocks);
    if (block) block.rankings.push(t);
  }
  return { sheets, tables, blocks };
}

function blockTitle(table: Table, ref: SheetRef): string {
  return table.title !== "" ? table.title : ref.name;
}

function bestBlockFor(
  table: Table,
  blocks: ReadonlyArray<{ criteria: Table; rankings: Table[] }>,
): { rankings: Table[] } | undefined {
  let best: { rankings: Table[] } | undefined;
  let bestScore = 0;
  for (const b of blocks) {
    const names = new Set(b.criteria.rows.map((r) => r.name.toLowerCase()));
    const score = table.rows.filter((r) => names.has(r.name.toLowerCase())).length;
    if (score > bestScore) {
      best = b;
      bestScore = score;
    }
  }
  return best;
}
