/**
 * Reading a workbook's cell grids into tables and blocks (DESIGN.md "Tables and blocks").
 *
 * A criteria table has a unit column, criterion columns (found by their headers, in any order)
 * and a total column; a ranking table has a unit column, a total and a level or rank column,
 * and no criteria. Headers may take two rows (a group label such as "Các tiêu chí" merged over
 * the criteria). Blank rows inside a table and extra columns are allowed; hidden rows are data.
 */
import type { Exact } from "./exact";
import { compileFramework, type CompiledFramework, type Framework, type Level } from "./framework";
import { cellAt, colEnd, rowEnd, type Cell, type CellRange, type SheetGrid, type WorkbookGrid } from "./grid";
import { cellText, parseNumberText, trimSpaces } from "./numbers";
import { nameKey } from "./names";
import { foldHeader, stripAccents, tidy } from "./text";

export const SETTINGS_SHEET = "CQS_Settings";

/**
 * What a table is: scores per criterion ("criteria"), a ranking of a criteria table's units
 * ("ranking"), a self-describing table of max, points, percent and converted total ("results"),
 * or ranks and totals alone ("ranks").
 */
export type TableKind = "criteria" | "ranking" | "results" | "ranks";

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
  readonly maxToDo?: number;
  readonly notAssessed?: number;
  readonly points?: number;
  readonly percent?: number;
  /** Per framework group, its column or -1 (a group's typed score). */
  readonly groups?: ReadonlyArray<number>;
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
  kind: TableKind;
  /** Numeric columns of a criteria table that the framework does not name (header cell, text). */
  readonly extra?: ReadonlyArray<{ readonly col: number; readonly header: string }>;
  /** The framework the table's header rows imply, where the given one does not fit it. */
  readonly implied?: ImpliedFramework;
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

/** Longest cell text read as a header (a longer text is a title or a note, never a column's name). */
const MAX_HEADER_LENGTH = 80;
/**
 * Fewest of the framework's criteria a header must name to be read as its criteria table when it
 * lacks some (fewer when the framework has fewer criteria).
 */
const MIN_CRITERIA_FOUND = 3;
/** Rows under a header searched for the first unit (a max-points row or a blank row may come first). */
const MAX_ROWS_BEFORE_FIRST_UNIT = 3;
/** Decimals kept when summing maxima read from a table's headers (the sum of a few short decimals). */
const MAX_DECIMALS = 6;
/** Columns of a criteria table searched for numeric columns the framework does not name. */
const MAX_COLUMNS_SCANNED = 200;
/** Fewest columns a column-numbering row ("(1) (2) (3) …") numbers. */
const MIN_NUMBERED_COLUMNS = 3;

type NamedRole =
  "unit" | "stt" | "total" | "level" | "rank" | "max" | "maxToDo" | "notAssessed" | "points" | "percent";
type Role = NamedRole | { readonly criterion: number } | { readonly group: number };

const ROLE_HEADERS: ReadonlyArray<[NamedRole, ReadonlyArray<string>]> = [
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
  ["max", ["diem toi da", "so diem toi da", "thang diem"]],
  [
    "maxToDo",
    [
      "diem toi da cua don vi",
      "so diem toi da can thuc hien",
      "diem toi da can thuc hien",
      "so diem toi da cua don vi",
    ],
  ],
  [
    "notAssessed",
    ["so diem khong dua vao danh gia", "diem khong dua vao danh gia", "so diem khong danh gia"],
  ],
  ["points", ["so diem thuc hien", "diem thuc hien", "tong so diem thuc hien", "so diem dat duoc"]],
  ["percent", ["ty le", "ti le", "ty le thuc hien", "ti le thuc hien", "ty le dat", "ti le dat"]],
];

/** Beginnings of headers, after the exact words (the broader built-in vocabulary). */
const ROLE_PREFIXES: ReadonlyArray<[NamedRole, ReadonlyArray<string>]> = [
  ["notAssessed", ["so diem khong dua vao", "diem khong dua vao"]],
  ["maxToDo", ["so diem toi da can", "diem toi da can", "diem toi da cua don vi"]],
  ["total", ["so diem thuc hien duoc quy doi", "so diem quy doi", "diem quy doi", "tong diem", "tong cong"]],
  ["percent", ["ty le ", "ti le "]],
  [
    "unit",
    [
      "ten don vi",
      "ten co quan",
      "cac tinh thanh pho",
      "tinh thanh pho",
      "ten dia phuong",
      "ten xa",
      "xa phuong",
    ],
  ],
];

/** Whether a folded header names a level ("Xếp hạng mức độ …", "Xếp loại …") or a rank ("Thứ tự xếp hạng"). */
function levelOrRank(key: string): NamedRole | undefined {
  if (/\bmuc do\b/.test(key) || key.startsWith("xep loai")) return "level";
  if (key.startsWith("xep hang") || key.startsWith("thu tu xep hang") || key.startsWith("thu hang"))
    return "rank";
  return undefined;
}

function classifyHeader(text: string, fw: CompiledFramework): Role | undefined {
  const key = foldHeader(text);
  if (key === "") return /%/.test(text) ? "percent" : undefined;
  for (const [role, keys] of fw.words) if (keys.has(key)) return role;
  for (const [role, keys] of ROLE_HEADERS) if (keys.includes(key)) return role;
  for (let i = 0; i < fw.criteria.length; i++) if (fw.criteria[i]!.keys.has(key)) return { criterion: i };
  for (let i = 0; i < fw.groups.length; i++) if (fw.groups[i]!.keys.has(key)) return { group: i };
  const lr = levelOrRank(key);
  if (lr) return lr;
  for (const [role, prefixes] of ROLE_PREFIXES) {
    for (const p of prefixes) if (key.startsWith(p)) return role;
  }
  if (/\(\s*%\s*\)/.test(text)) return "percent";
  return undefined;
}

/** The year a header names ("Tổng điểm năm 2021 (150 điểm)" → 2021), or 0. */
function headerYear(text: string): number {
  const m = /\b(19|20)\d\d\b/.exec(foldHeader(text));
  return m ? Number(m[0]) : 0;
}

interface HeaderCandidate {
  readonly top: number;
  readonly bottom: number;
  readonly columns: TableColumns;
  readonly kind: TableKind;
  /** The framework the sheet implies, where the given one does not fit the table. */
  readonly implied?: ImpliedFramework;
}

/** A framework read from a table's own header rows. */
export interface ImpliedFramework {
  readonly framework: CompiledFramework;
  /** The given framework's criteria the table lacks (empty when it names none of them). */
  readonly missing: ReadonlyArray<string>;
}

function rolesOfRow(sheet: SheetGrid, row: number, fw: CompiledFramework): Map<number, Role> {
  const roles = new Map<number, Role>();
  const start = sheet.left ?? 0;
  const end = colEnd(sheet, row);
  for (let c = start; c < end; c++) {
    const v = cellAt(sheet, row, c).v;
    if (typeof v !== "string" || v.length > MAX_HEADER_LENGTH) continue;
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
    if (r === "unit") continue;
    const above = merged.get(c);
    // A group label merged over its sub-criteria: the sub-criterion names the column.
    if (above === undefined || (typeof above === "object" && "group" in above && typeof r === "object")) {
      merged.set(c, r);
      bottom = row + 1;
    }
  }
  let unit = -1;
  const criteria = fw.criteria.map(() => -1);
  const groups = fw.groups.map(() => -1);
  const cols: Partial<Record<Exclude<NamedRole, "unit">, number>> = {};
  let totalYear = -1;
  let criteriaFound = 0;
  for (const [c, r] of [...merged].sort((a, b) => a[0] - b[0])) {
    if (typeof r === "object") {
      if ("criterion" in r) {
        if (criteria[r.criterion] === -1) {
          criteria[r.criterion] = c;
          criteriaFound++;
        }
      } else if (groups[r.group] === -1) groups[r.group] = c;
    } else if (r === "unit") {
      if (unit === -1) unit = c;
    } else if (r === "total") {
      // Several total columns ("Tổng điểm năm 2020 | Tổng điểm năm 2021"): the latest year's.
      const text = headerText(sheet, row, bottom, c);
      const year = headerYear(text);
      if (cols.total === undefined || year > totalYear) {
        cols.total = c;
        totalYear = year;
      }
    } else if (cols[r] === undefined) cols[r] = c;
  }
  if (unit === -1) return undefined;
  groupSumColumns(sheet, row, first, groups);
  const columns = tableColumnsOf(unit, cols, criteria, groups);
  const needed = Math.min(MIN_CRITERIA_FOUND, fw.criteria.length);
  if (fw.criteria.length > 0 && criteriaFound === fw.criteria.length && cols.total !== undefined)
    return { top: row, bottom, columns, kind: "criteria" };
  // A table with some of the framework's criteria, or with criteria of its own (and maybe a
  // percentage column, but no points column as a results table has): checked with the framework
  // its header rows imply, where they state the maxima (or the given framework does).
  if (cols.total !== undefined && (criteriaFound > 0 || cols.points === undefined)) {
    const implied = impliedCriteria(sheet, row, merged, fw, columns, criteriaFound > 0);
    if (implied) return implied;
  }
  if (fw.criteria.length > 0 && criteriaFound >= needed && cols.total !== undefined)
    return { top: row, bottom, columns, kind: "criteria" };
  if (criteriaFound === 0 && cols.total !== undefined) {
    if (
      (cols.points !== undefined || cols.percent !== undefined) &&
      (cols.max !== undefined || cols.maxToDo !== undefined)
    ) {
      return { top: row, bottom, columns, kind: "results" };
    }
    if (cols.level !== undefined || cols.rank !== undefined)
      return { top: row, bottom, columns, kind: "ranking" };
  }
  return undefined;
}

/**
 * A table's columns as one object of a fixed shape (every role present, undefined where the table
 * has no such column), whatever roles its header names.
 */
function tableColumnsOf(
  unit: number,
  cols: Partial<Record<Exclude<NamedRole, "unit">, number>>,
  criteria: ReadonlyArray<number>,
  groups: ReadonlyArray<number> | undefined,
): TableColumns {
  return {
    unit,
    stt: cols.stt,
    total: cols.total,
    level: cols.level,
    rank: cols.rank,
    max: cols.max,
    maxToDo: cols.maxToDo,
    notAssessed: cols.notAssessed,
    points: cols.points,
    percent: cols.percent,
    groups: groups?.some((g) => g >= 0) ? groups : undefined,
    criteria,
  };
}

/** Header words of a group's own score column under its label ("Cộng", "Tổng"). */
const GROUP_SUM = new Set(["cong", "tong", "tong cong", "diem", "tong diem", "cong diem"]);

/**
 * A group label merged over its sub-criteria in a two-row header names no column of its own: its
 * score is the column under the label headed "Cộng" (or "Tổng", …), where there is one.
 */
function groupSumColumns(
  sheet: SheetGrid,
  row: number,
  first: ReadonlyMap<number, Role>,
  groups: number[],
): void {
  for (const [c, r] of first) {
    if (typeof r !== "object" || !("group" in r) || groups[r.group] !== -1) continue;
    const m = (sheet.merges ?? []).find((x) => x.top === row && x.left === c && x.right > c);
    if (!m) continue;
    for (let k = m.left; k <= m.right; k++) {
      const v = cellAt(sheet, row + 1, k).v;
      if (typeof v === "string" && GROUP_SUM.has(foldHeader(v))) {
        groups[r.group] = k;
        break;
      }
    }
  }
}

/** "(8 điểm)", "(10đ)", "(tối đa 52)" in a header: the max points it states. */
function statedMax(text: string): string | undefined {
  const m = /\(\s*(?:t[oố]i\s*đa\s*:?\s*)?(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*\)/iu.exec(text.normalize("NFC"));
  return m ? m[1]!.replace(",", ".") : undefined;
}

/** The text of the merge covering (row, col), or the cell's own. */
function labelAt(sheet: SheetGrid, row: number, col: number): { text: string; wide: boolean } {
  for (const m of sheet.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) {
      const v = cellAt(sheet, m.top, m.left).v;
      return { text: typeof v === "string" ? tidy(v) : "", wide: m.right > m.left };
    }
  }
  const v = cellAt(sheet, row, col).v;
  return { text: typeof v === "string" ? tidy(v) : "", wide: false };
}

function isNumberish(cell: Cell): boolean {
  return typeof cell.v === "number" || (typeof cell.v === "string" && parseNumberText(cell.v) !== undefined);
}

/**
 * The framework a criteria table's header rows imply: criteria (and groups) from the headers, maxima
 * from "(8 điểm)"-style headers, a max-points row, or the given framework for the criteria it names;
 * the scale from their sum. Undefined where the maxima cannot be known (nothing is invented).
 */
function impliedCriteria(
  sheet: SheetGrid,
  top: number,
  roles: ReadonlyMap<number, Role>,
  fw: CompiledFramework,
  given: TableColumns,
  partial: boolean,
): HeaderCandidate | undefined {
  const unit = given.unit;
  const start = sheet.left ?? 0;
  const end = Math.max(colEnd(sheet, top), colEnd(sheet, top + 1));
  // A second header row: text under the first, no name in the unit column, no number.
  let twoRows = false;
  if (labelAt(sheet, top + 1, unit).text === "" || cellAt(sheet, top + 1, unit).v === null) {
    let texts = 0;
    let numbers = 0;
    for (let c = start; c < end; c++) {
      const v = cellAt(sheet, top + 1, c).v;
      if (typeof v === "string" && v.trim() !== "") texts++;
      if (typeof v === "number") numbers++;
    }
    twoRows = texts > 0 && numbers === 0;
  }
  const bottom = twoRows ? top + 1 : top;
  // The max-points row and the first unit's row below the header.
  let maxRow = -1;
  let dataRow = -1;
  for (let r = bottom + 1; r <= bottom + MAX_ROWS_BEFORE_FIRST_UNIT && r < rowEnd(sheet); r++) {
    const u = cellAt(sheet, r, unit);
    const name = typeof u.v === "string" ? nameKey(u.v) : "";
    if (u.v === null || MAX_LABELS.includes(name)) {
      if (maxRow < 0) maxRow = r;
      continue;
    }
    if (name !== "") {
      dataRow = r;
      break;
    }
  }
  if (dataRow < 0) return undefined;
  type Col = { col: number; name: string; group: string; isGroup: boolean; max?: string; matched: number };
  const list: Col[] = [];
  for (let c = start; c < end; c++) {
    if (c === unit) continue;
    const role = roles.get(c);
    if (typeof role === "string") continue;
    if (!isNumberish(cellAt(sheet, dataRow, c))) continue;
    const first = labelAt(sheet, top, c);
    const second = twoRows ? tidy(String(cellAt(sheet, top + 1, c).v ?? "")) : "";
    if (first.text === "" && second === "") continue;
    let matched = role && "criterion" in role ? role.criterion : -1;
    let name = first.text;
    let group = "";
    let isGroup = false;
    if (twoRows && first.wide) {
      // The framework's name matched the group label above, not this column.
      matched = -1;
      group = first.text;
      if (second === "" || GROUP_SUM.has(foldHeader(second))) isGroup = true;
      else name = second;
    }
    const numbering = /^\s*(\d+)\s*[.)]\s*(\d+)?/.exec(name);
    if (!group && numbering?.[2]) group = `#${numbering[1]}`;
    const maxCell = maxRow >= 0 ? cellAt(sheet, maxRow, c) : undefined;
    const fromRow = maxCell && typeof maxCell.v === "number" ? String(maxCell.v) : undefined;
    const max =
      statedMax(isGroup ? group : name) ??
      fromRow ??
      (matched >= 0 ? fw.framework.criteria[matched]!.max : undefined);
    list.push({ col: c, name, group, isGroup, ...(max !== undefined ? { max } : {}), matched });
  }
  // Single-row numbering: "1. Nhận thức số" is the group column of "1.1 …", "1.2 …".
  for (const col of list) {
    const m = /^\s*(\d+)\s*[.)]\s*(?!\d)/.exec(col.name);
    if (m && !col.group && list.some((o) => o.group === `#${m[1]}`)) {
      col.isGroup = true;
      for (const o of list) if (o.group === `#${m[1]}`) o.group = col.name;
      col.group = col.name;
    }
  }
  for (const o of list) if (o.group.startsWith("#")) o.group = "";
  const criteriaCols = list.filter((c) => !c.isGroup);
  if (criteriaCols.length === 0) return undefined;
  partial = partial && criteriaCols.some((c) => c.matched >= 0);
  const known = criteriaCols.filter((c) => c.max !== undefined);
  // Maxima: all stated, or the given framework's scale less the known ones for a table that names
  // some of its criteria; else the table is not read as a criteria table.
  let scaleText: string;
  const sum = (cs: Col[]): number => cs.reduce((n, c) => n + Number(c.max), 0);
  if (known.length === criteriaCols.length) scaleText = String(Number(sum(known).toFixed(MAX_DECIMALS)));
  else if (partial && sum(known) < fw.framework.scale) {
    const rest = String(Number((fw.framework.scale - sum(known)).toFixed(MAX_DECIMALS)));
    for (const c of criteriaCols) if (c.max === undefined) c.max = rest;
    scaleText = String(fw.framework.scale);
  } else return undefined;
  const groupNames = [...new Set(list.filter((c) => c.group !== "").map((c) => c.group))];
  const plainName = (n: string): string => tidy(n.replace(/\([^)]*\)/g, " ")) || n;
  const seen = new Set<string>();
  const criteria = criteriaCols.map((c, i) => {
    const base = c.matched >= 0 ? fw.framework.criteria[c.matched]!.name : plainName(c.name);
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    seen.add(name.toLowerCase());
    return {
      key: `c${i + 1}`,
      name,
      aliases: [c.name],
      max: c.max!,
      source: "Suy ra từ tiêu đề bảng",
      ...(c.group !== "" ? { group: `g${groupNames.indexOf(c.group) + 1}` } : {}),
    };
  });
  const scale = Number(scaleText);
  const framework: Framework = {
    name: `Bộ tiêu chí suy ra từ bảng (${criteria.length} tiêu chí, thang ${scaleText})`,
    source: "Suy ra từ tiêu đề bảng",
    criteria,
    ...(groupNames.length > 0
      ? { groups: groupNames.map((g, i) => ({ key: `g${i + 1}`, name: plainName(g), aliases: [g] })) }
      : {}),
    thresholds: fw.framework.thresholds,
    thresholdsSource: fw.framework.thresholdsSource,
    ...(scale === fw.framework.scale && fw.boundsKnown
      ? fw.framework.levels
        ? { levels: fw.framework.levels }
        : {}
      : { levels: [] }),
    ...(fw.framework.levelBasis ? { levelBasis: fw.framework.levelBasis } : {}),
    scale,
    decimals: fw.framework.decimals,
    reducedMax: fw.framework.reducedMax,
    ...(fw.framework.subject ? { subject: fw.framework.subject } : {}),
  };
  let compiled: CompiledFramework;
  try {
    compiled = compileFramework(framework);
  } catch {
    return undefined;
  }
  const groupCols = groupNames.map((g) => list.find((c) => c.isGroup && c.group === g)?.col ?? -1);
  const missing: string[] = [];
  if (partial) {
    const found = new Set(list.map((c) => c.matched));
    fw.criteria.forEach((c, i) => {
      if (!found.has(i)) missing.push(c.criterion.name);
    });
  }
  return {
    top,
    bottom,
    kind: "criteria",
    columns: tableColumnsOf(
      given.unit,
      given,
      criteriaCols.map((c) => c.col),
      groupCols,
    ),
    implied: { framework: compiled, missing },
  };
}

/** Columns of a criteria table's header that hold numbers in its first unit's row but no role. */
function extraColumns(
  sheet: SheetGrid,
  header: HeaderCandidate,
  rows: ReadonlyArray<TableRow>,
): Array<{ col: number; header: string }> {
  const first = rows[0];
  if (!first) return [];
  const used = new Set(tableColumns(header.columns));
  const list: Array<{ col: number; header: string }> = [];
  const end = Math.min(colEnd(sheet, header.top), (sheet.left ?? 0) + MAX_COLUMNS_SCANNED);
  for (let c = sheet.left ?? 0; c < end; c++) {
    if (used.has(c)) continue;
    const text = headerText(sheet, header.top, header.bottom, c);
    if (text.trim() === "" || !isNumberish(cellAt(sheet, first.row, c))) continue;
    list.push({ col: c, header: tidy(text) });
  }
  return list;
}

/** The text of a header column over its one or two rows. */
function headerText(sheet: SheetGrid, top: number, bottom: number, col: number): string {
  const parts: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const v = cellAt(sheet, r, col).v;
    if (typeof v === "string" && v.trim() !== "") parts.push(v);
  }
  return parts.join(" ");
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
    columns.maxToDo,
    columns.notAssessed,
    columns.points,
    columns.percent,
    ...columns.criteria,
    ...(columns.groups ?? []),
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
  return (
    numbers.length >= MIN_NUMBERED_COLUMNS && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1)
  );
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
  if (!/so (don vi|co quan|dia phuong|xa|phuong)[^:]*(muc|xep loai|loai)/.test(t)) return undefined;
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
  if (parts.length > 0) return parts;
  // Named levels: "- Số đơn vị đạt mức Tốt: 3 - Số đơn vị xếp loại Khá: 2" (names without accents,
  // lower case; matched to the block's level names the same way).
  const named = /(?:muc(?: do)?|xep loai|loai)\s+([a-z][a-z ]{0,30}?)\s*:\s*(\d+)/g;
  for (let m = named.exec(t); m; m = named.exec(t))
    parts.push({ levels: [m[1]!.trim()], count: Number(m[2]) });
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
      const extra = header.kind === "criteria" && !header.implied ? extraColumns(sheet, header, rows) : [];
      tables.push({
        implied: header.implied,
        extra: extra.length > 0 ? extra : undefined,
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
  const orphanSummaries = new Map<Table, SummaryLine[]>();
  // Sheets that state the ranking rule are ranking sheets the add-in wrote: their tables never
  // stand alone as rank-only tables.
  const written = new Set<SheetRef>();
  for (const ref of sheets) {
    const { tables: found, lines } = readSheetTables(ref, fw);
    if (lines.some((l) => WRITTEN_RULE.test(l.text))) written.add(ref);
    // Walk tables and lines in row order, so each line joins what stands above it.
    const events = [
      ...found.map((t) => ({ row: t.headerTop, table: t as Table | undefined, line: undefined })),
      ...lines.map((l) => ({ row: l.row, table: undefined, line: l })),
    ].sort((a, b) => a.row - b.row);
    let lastTableKind: TableKind | undefined;
    let lastOrphan: Table | undefined;
    for (const e of events) {
      if (e.table) {
        tables.push(e.table);
        lastTableKind = e.table.kind;
        lastOrphan = undefined;
        if (e.table.kind === "criteria" || e.table.kind === "results") {
          blocks.push({
            title: blockTitle(e.table, ref),
            criteria: e.table,
            rankings: [],
            notes: [],
            summaries: [],
          });
        } else {
          const open = [...blocks].reverse().find((b) => b.rankings.length === 0);
          if (open && blocks[blocks.length - 1] === open && open.criteria.kind === "criteria")
            open.rankings.push(e.table);
          else {
            orphans.push(e.table);
            lastOrphan = e.table;
          }
        }
        continue;
      }
      const line = e.line!;
      // A summary line under a table that may stand alone (a rank-only table) is kept for it.
      if (lastOrphan) {
        const parts = parseSummaryLine(line.text);
        if (parts) {
          const list = orphanSummaries.get(lastOrphan) ?? [];
          list.push({ sheet: ref, row: line.row, col: line.col, text: line.text, parts });
          orphanSummaries.set(lastOrphan, list);
        }
        continue;
      }
      const current = blocks[blocks.length - 1];
      if (!current || lastTableKind === undefined) continue;
      const parts = parseSummaryLine(line.text);
      if (parts) {
        current.summaries.push({ sheet: ref, row: line.row, col: line.col, text: line.text, parts });
        continue;
      }
      const note = parseNoteLine(line.text);
      if (note) {
        current.notes.push({
          sheet: ref,
          row: line.row,
          col: line.col,
          text: line.text,
          unit: note.unit,
          max: note.max,
        });
      }
    }
  }
  // Ranking tables with no open block before them (e.g. a ranking sheet made earlier) join the
  // block whose units they name most.
  // A ranking table that names no block's units stands alone: a rank-only table, checked by its
  // own ranks and totals.
  const alone: MutableBlock[] = [];
  for (const t of orphans) {
    const block = bestBlockFor(t, blocks);
    if (block) block.rankings.push(t);
    else if (!written.has(t.sheet)) {
      t.kind = "ranks";
      alone.push({
        title: blockTitle(t, t.sheet),
        criteria: t,
        rankings: [],
        notes: [],
        summaries: orphanSummaries.get(t) ?? [],
      });
    }
  }
  const all = [...blocks, ...alone].sort(
    (a, b) => a.criteria.sheet.index - b.criteria.sheet.index || a.criteria.headerTop - b.criteria.headerTop,
  );
  return { sheets, tables, blocks: all };
}

/** The rule line the add-in writes under its ranking tables (messages.ts APPENDIX_TEXT rankLine), in either language. */
const WRITTEN_RULE = /Thứ hạng theo tổng điểm giảm dần|Ranked by total, descending/;

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
    if (b.criteria.kind !== "criteria") continue;
    const names = new Set(b.criteria.rows.map((r) => r.name.toLowerCase()));
    const score = table.rows.filter((r) => names.has(r.name.toLowerCase())).length;
    if (score > bestScore) {
      best = b;
      bestScore = score;
    }
  }
  return best;
}
