/**
 * The exactness-free lower bound: the same job as analyzeWorkbook + planRankingSheets over the
 * same grid, written the straightforward way with JavaScript numbers (binary floats). It finds
 * the criteria and ranking tables by their headers, reads the scores (numbers or text with a
 * decimal comma), checks them, recomputes totals (sum, × 100 / max, Math.round), levels, ranks and
 * level counts, compares the ranking table and the summary line, and lays out the ranking sheet.
 *
 * It is honest, not deliberately slow; it is also not a product: it has no tone-mark folding,
 * abbreviation or leading-part name matching, two-row headers by column guess only, and the
 * float rounding errors exactness exists to avoid (1.005 → 1).
 */
import type { Cell, SheetGrid, WorkbookGrid } from "../src/core/grid";

const HEADERS = {
  unit: ["don vi", "ten don vi"],
  stt: ["stt"],
  total: ["tong cong", "tong diem", "tong"],
  level: ["muc do"],
  criteria: [
    "nhan thuc",
    "kien tao the che",
    "ha tang va nen tang so",
    "nen tang va cq so",
    "du lieu so",
    "hoat dong chinh quyen so",
    "an toan an ninh mang",
    "dao tao va phat trien cqs",
  ],
};
const CRITERIA_MAX = [8, 5, 10, 52, 5, 12, 6, 2];
const THRESHOLDS = [90, 80, 70];
const LEVELS = ["I", "II", "III", "IV"];

function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

function key(name: string): string {
  return name.toLowerCase().replace(/\s+/g, " ").trim();
}

function cellOf(sheet: SheetGrid, r: number, c: number): Cell | undefined {
  return sheet.rows[r]?.[c];
}

/** A number, or NaN for anything else (text with a decimal comma is read). */
function numberOf(cell: Cell | undefined): number {
  const v = cell?.v;
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\s*-?\d+([.,]\d+)?\s*$/.test(v)) return Number(v.replace(",", "."));
  return NaN;
}

function levelOf(total: number): string {
  for (let i = 0; i < 3; i++) if (total >= THRESHOLDS[i]!) return LEVELS[i]!;
  return "IV";
}

interface Columns {
  /** Header rows: 1, or 2 when the criteria stand under a group label. */
  height: number;
  unit: number;
  total: number;
  level: number;
  criteria: number[];
}

function headerColumns(sheet: SheetGrid, r: number): Columns | undefined {
  const row = sheet.rows[r];
  if (!row) return undefined;
  const cols: Columns = {
    height: 1,
    unit: -1,
    total: -1,
    level: -1,
    criteria: HEADERS.criteria.map(() => -1),
  };
  const scan = (cells: ReadonlyArray<Cell | undefined>): void => {
    cells.forEach((c, i) => {
      if (typeof c?.v !== "string" || c.v.length > 80) return;
      const f = fold(c.v);
      if (HEADERS.unit.includes(f)) cols.unit = i;
      else if (HEADERS.total.includes(f)) cols.total = i;
      else if (HEADERS.level.includes(f)) cols.level = i;
      else {
        const k = HEADERS.criteria.indexOf(f);
        if (k >= 0) cols.criteria[k] = i;
      }
    });
  };
  scan(row);
  if (cols.unit < 0) return undefined;
  // A second header row holds the criteria under "Các tiêu chí".
  const next = sheet.rows[r + 1];
  if (next && cols.criteria.every((c) => c < 0)) {
    scan(next);
    cols.height = 2;
  }
  return cols;
}

export interface PlainFinding {
  code: string;
  row: number;
  col: number;
}

export interface PlainResult {
  findings: PlainFinding[];
  counts: number[];
  /** Recomputed totals in source order (NaN when a score is missing). */
  totals: number[];
  sheetRows: unknown[][];
}

/** The whole job, with floats. */
export function plainAnalyze(workbook: WorkbookGrid): PlainResult {
  const sheet = workbook.sheets[0]!;
  const findings: PlainFinding[] = [];
  let r = 0;
  let crit: Columns | undefined;
  for (; r < sheet.rows.length; r++) {
    const cols = headerColumns(sheet, r);
    if (cols && cols.criteria.some((c) => c >= 0)) {
      crit = cols;
      break;
    }
  }
  if (!crit) throw new Error("no criteria table");
  r += crit.height;
  const units: Array<{ name: string; row: number; total: number; level: string }> = [];
  const maxByKey = new Map<string, number>();
  for (; r < sheet.rows.length; r++) {
    const name = cellOf(sheet, r, crit.unit)?.v;
    if (typeof name !== "string" || name.trim() === "" || name.startsWith("Ghi chú")) break;
    units.push({ name: name.trim(), row: r, total: NaN, level: "" });
  }
  // Notes: "1. Văn phòng UBND tỉnh: 75 điểm (…)".
  let rankingHeader = -1;
  let rank: Columns | undefined;
  for (; r < sheet.rows.length; r++) {
    const v = cellOf(sheet, r, 0)?.v;
    if (typeof v === "string") {
      const m = /^\s*\d+\s*[.)]\s*(.+?)\s*:\s*(\d+(?:[.,]\d+)?)\s*điểm/.exec(v);
      if (m) maxByKey.set(key(m[1]!), Number(m[2]!.replace(",", ".")));
    }
    const cols = headerColumns(sheet, r);
    if (cols && cols.total >= 0 && cols.level >= 0 && cols.criteria.every((c) => c < 0)) {
      rankingHeader = r;
      rank = cols;
      break;
    }
  }
  const byKey = new Map<string, number>();
  units.forEach((u, i) => {
    const k = key(u.name);
    if (byKey.has(k)) findings.push({ code: "DUPLICATE_UNIT", row: u.row, col: crit!.unit });
    else byKey.set(k, i);
    let sum = 0;
    let complete = true;
    crit!.criteria.forEach((c, k2) => {
      const cell = cellOf(sheet, u.row, c);
      const x = numberOf(cell);
      if (Number.isNaN(x)) {
        complete = false;
        findings.push({ code: cell?.v == null ? "MISSING_SCORE" : "NOT_A_NUMBER", row: u.row, col: c });
        return;
      }
      if (typeof cell?.v === "string") findings.push({ code: "TEXT_NUMBER", row: u.row, col: c });
      if (x < 0) findings.push({ code: "SCORE_NEGATIVE", row: u.row, col: c });
      else if (x > CRITERIA_MAX[k2]!) findings.push({ code: "SCORE_ABOVE_MAX", row: u.row, col: c });
      sum += x;
    });
    const max = maxByKey.get(k) ?? 100;
    if (max !== 100) findings.push({ code: "REDUCED_MAX", row: u.row, col: crit!.total });
    if (!complete) return;
    u.total = Math.round(((sum * 100) / max) * 100) / 100;
    u.level = levelOf(u.total);
    const typed = numberOf(cellOf(sheet, u.row, crit!.total));
    if (!Number.isNaN(typed) && Math.round(typed * 100) / 100 !== u.total)
      findings.push({ code: "TOTAL_MISMATCH", row: u.row, col: crit!.total });
  });
  // Ranking table: same names, totals, levels.
  if (rank) {
    const seen = new Set<number>();
    for (r = rankingHeader + 1; r < sheet.rows.length; r++) {
      const name = cellOf(sheet, r, rank.unit)?.v;
      if (typeof name !== "string" || name.trim() === "") break;
      const i = byKey.get(key(name));
      if (i === undefined) {
        findings.push({ code: "UNIT_NOT_MATCHED", row: r, col: rank.unit });
        continue;
      }
      seen.add(i);
      const u = units[i]!;
      const shown = numberOf(cellOf(sheet, r, rank.total));
      const typed = numberOf(cellOf(sheet, u.row, crit.total));
      if (Math.round(shown * 100) !== Math.round(typed * 100))
        findings.push({ code: "RANKING_TOTAL_MISMATCH", row: r, col: rank.total });
      const level = cellOf(sheet, r, rank.level)?.v;
      if (u.level !== "" && level !== u.level)
        findings.push({ code: "LEVEL_MISMATCH", row: r, col: rank.level });
    }
    units.forEach((u, i) => {
      if (!seen.has(i)) findings.push({ code: "UNIT_NOT_MATCHED", row: u.row, col: crit!.unit });
    });
  }
  // Ranks (competition, ties in source order), counts, the summary line, the sheet's rows.
  const scored = units.map((_, i) => i).filter((i) => !Number.isNaN(units[i]!.total));
  scored.sort((a, b) => units[b]!.total - units[a]!.total || a - b);
  const ranks = new Array<number>(units.length);
  scored.forEach((i, k) => {
    const prev = k > 0 ? scored[k - 1]! : -1;
    ranks[i] = k > 0 && units[prev]!.total === units[i]!.total ? ranks[prev]! : k + 1;
  });
  const counts = [0, 0, 0, 0];
  for (const i of scored) counts[LEVELS.indexOf(units[i]!.level)]!++;
  for (; r < sheet.rows.length; r++) {
    const v = cellOf(sheet, r, 0)?.v;
    if (typeof v !== "string" || !/mức độ/.test(v)) continue;
    const re = /mức độ ([IV, ]+?):\s*(\d+)/g;
    let ok = true;
    for (let m = re.exec(v); m; m = re.exec(v)) {
      const levels = m[1]!.split(/[, ]+/).filter((x) => x !== "");
      const n = levels.reduce((a, l) => a + (counts[LEVELS.indexOf(l)] ?? 0), 0);
      if (n !== Number(m[2])) ok = false;
    }
    if (!ok) findings.push({ code: "SUMMARY_COUNT_MISMATCH", row: r, col: 0 });
  }
  const sheetRows: unknown[][] = [["BẢNG XẾP HẠNG"], ["STT", "Đơn vị", "Tổng điểm", "Mức độ", "Thứ hạng"]];
  scored.forEach((i, k) => {
    const u = units[i]!;
    sheetRows.push([k + 1, u.name, u.total, u.level, ranks[i]]);
  });
  sheetRows.push([
    `Số đơn vị đạt mức độ I: ${counts[0]}; II: ${counts[1]}; III: ${counts[2]}; IV: ${counts[3]}`,
  ]);
  findings.sort((a, b) => a.row - b.row || a.col - b.col || (a.code < b.code ? -1 : 1));
  return { findings, counts, totals: units.map((u) => u.total), sheetRows };
}
