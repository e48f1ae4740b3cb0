/**
 * A previous year built from the 2022 example (examples/hue-2022.json, laid out by
 * scripts/build-example.js), for the year-over-year tests. Against 2022 as "this year":
 * - scores changed for several units (ranks move up and down, and some totals tie);
 * - renamed through the mapping: "Ủy ban Dân tộc tỉnh" → "Ban Dân tộc", "Huyện Hương Thủy" →
 *   "Thị xã Hương Thủy";
 * - two units merged into one: "Sở Xây dựng" + "Sở Quy hoạch – Kiến trúc" → "Sở Xây dựng" (one of
 *   the same name), and "Ban Biên giới" + "Ban Hợp tác quốc tế" → "Sở Ngoại vụ" (neither);
 * - one unit new this year: "Sở Du lịch" (not listed last year);
 * - one unit gone: "Ban Quản lý các khu công nghiệp".
 * SCENARIO states each current unit's predecessors: the tests derive the expected figures from it.
 */
import * as path from "path";
import type ExcelJS from "exceljs";

const ROOT = path.resolve(__dirname, "../..");

interface UnitData {
  stt: number;
  unit: string;
  scores: string[];
  total: string;
}
interface BlockData {
  appendix: string;
  title: string;
  criteria: UnitData[];
  notes: string[];
  ranking: Array<{ stt: number; unit: string; total: string; level: string }>;
  summary: string;
  [k: string]: unknown;
}
interface ExampleData {
  blocks: BlockData[];
  [k: string]: unknown;
}

const { buildExampleWorkbook } = require(path.join(ROOT, "scripts/build-example.js")) as {
  buildExampleWorkbook(data: ExampleData): ExcelJS.Workbook;
};

export function exampleData(): ExampleData {
  return JSON.parse(JSON.stringify(require(path.join(ROOT, "examples/hue-2022.json")))) as ExampleData;
}

/** "45,57" → 4557 (hundredths; every score of the example has at most 2 decimals). */
function hundredths(text: string): number {
  const [int, frac = ""] = text.trim().split(",");
  return Number(int) * 100 + Number(frac.padEnd(2, "0").slice(0, 2));
}

function text(h: number): string {
  return `${Math.floor(h / 100)},${String(h % 100).padStart(2, "0")}`;
}

/** The scores of `base` with the 4th criterion (max 52) moved so that they sum to `total`. */
function scoresFor(base: string[], total: string): string[] {
  const sum = base.reduce((n, s) => n + hundredths(s), 0);
  const scores = [...base];
  const fourth = hundredths(scores[3]!) + hundredths(total) - sum;
  if (fourth < 0 || fourth > 5200) throw new Error(`cannot reach ${total}`);
  scores[3] = text(fourth);
  return scores;
}

/** Last year's scores, by this year's unit (full-scale units: the total is the sum). */
const CHANGED_I: Readonly<Record<string, string>> = {
  "Sở Công Thương": "90,10", // fell
  "Sở Tài chính": "93,50", // was near the top
  "Sở Y tế": "89,00",
  "Sở Tư pháp": "90,10", // ties Sở Công Thương
  "Sở Giáo dục": "88,00",
  "Sở Nội vụ": "91,00",
};

const CHANGED_II: Readonly<Record<string, string>> = {
  "Thành phố Huế": "91,40",
  "Huyện Quảng Điền": "88,20",
  "Huyện Phú Vang": "89,10", // ties Huyện A Lưới (89,10, unchanged)
  "Huyện Phú Lộc": "90,63",
};

/** This year's unit → last year's units it continues (in last year's source order), per block. */
export const SCENARIO: ReadonlyArray<Readonly<Record<string, ReadonlyArray<string>>>> = [
  {
    "Ban Dân tộc": ["Ủy ban Dân tộc tỉnh"],
    "Sở Du lịch": [],
    "Sở Ngoại vụ": ["Ban Biên giới", "Ban Hợp tác quốc tế"],
    "Sở Xây dựng": ["Sở Xây dựng", "Sở Quy hoạch – Kiến trúc"],
  },
  { "Thị xã Hương Thủy": ["Huyện Hương Thủy"] },
];

/** Last year's units with no successor, per block. */
export const GONE: ReadonlyArray<ReadonlyArray<string>> = [["Ban Quản lý các khu công nghiệp"], []];

/** The mapping the user gives (`--map`): the renames and mergers. */
export const MAP: Readonly<Record<string, string>> = {
  "Ủy ban Dân tộc tỉnh": "Ban Dân tộc",
  "Sở Quy hoạch – Kiến trúc": "Sở Xây dựng",
  "Ban Biên giới": "Sở Ngoại vụ",
  "Ban Hợp tác quốc tế": "Sở Ngoại vụ",
  "Huyện Hương Thủy": "Thị xã Hương Thủy",
};

function levelOf(total: string): string {
  const h = hundredths(total);
  return h >= 9000 ? "I" : h >= 8000 ? "II" : h >= 7000 ? "III" : "IV";
}

/** Rebuilds a block's ranking table and summary line from its criteria rows (typed totals). */
function finishBlock(b: BlockData): void {
  b.criteria.forEach((u, i) => (u.stt = i + 1));
  b.ranking = b.criteria.map((u) => ({ stt: u.stt, unit: u.unit, total: u.total, level: levelOf(u.total) }));
  const n = (l: string): number => b.ranking.filter((r) => r.level === l).length;
  b.summary = `- Số đơn vị đạt mức độ I: ${n("I")} - Số đơn vị đạt mức độ II: ${n("II")} - Số đơn vị đạt mức độ III: ${n("III")} - Số đơn vị đạt mức độ IV: ${n("IV")}`;
}

/** The previous year's data (the 2022 data changed as described above). */
export function previousYearData(): ExampleData {
  const data = exampleData();
  const [one, two] = data.blocks as [BlockData, BlockData];
  const byName = (b: BlockData, name: string): UnitData => {
    const u = b.criteria.find((x) => x.unit === name);
    if (!u) throw new Error(`no ${name}`);
    return u;
  };
  for (const [name, total] of Object.entries(CHANGED_I)) {
    const u = byName(one, name);
    u.scores = scoresFor(u.scores, total);
    u.total = total;
  }
  byName(one, "Ban Dân tộc").unit = "Ủy ban Dân tộc tỉnh";
  one.notes = one.notes
    .filter((l) => !l.includes("Sở Ngoại vụ"))
    .map((l) => l.replace("Ban Dân tộc", "Ủy ban Dân tộc tỉnh"));
  const xd = byName(one, "Sở Xây dựng");
  const full = (unit: string, total: string): UnitData => ({
    stt: 0,
    unit,
    scores: scoresFor(xd.scores, total),
    total,
  });
  // Sở Xây dựng 92,77 + Sở Quy hoạch – Kiến trúc 92,37 → mean 92,57.
  one.criteria.splice(one.criteria.indexOf(xd) + 1, 0, full("Sở Quy hoạch – Kiến trúc", "92,37"));
  // Sở Ngoại vụ's predecessors: 90,25 and 91,00 → mean 90,625, rounded half up to 90,63.
  const nv = byName(one, "Sở Ngoại vụ");
  one.criteria.splice(
    one.criteria.indexOf(nv),
    1,
    full("Ban Biên giới", "90,25"),
    full("Ban Hợp tác quốc tế", "91,00"),
  );
  one.criteria.splice(one.criteria.indexOf(byName(one, "Sở Du lịch")), 1);
  one.criteria.push(full("Ban Quản lý các khu công nghiệp", "89,18"));
  finishBlock(one);

  for (const [name, total] of Object.entries(CHANGED_II)) {
    const u = byName(two, name);
    u.scores = scoresFor(u.scores, total);
    u.total = total;
  }
  byName(two, "Thị xã Hương Thủy").unit = "Huyện Hương Thủy";
  finishBlock(two);
  for (const b of data.blocks) {
    b.title = String(b.title).replace("2022", "2021");
    for (const k of ["criteriaTitle", "rankingTitle", "issued"]) b[k] = String(b[k]).replace("2022", "2021");
  }
  return data;
}

/** The previous year's workbook (ExcelJS). */
export function buildPreviousYearWorkbook(): ExcelJS.Workbook {
  return buildExampleWorkbook(previousYearData());
}

/** Writes the previous year's workbook to `file`. */
export async function writePreviousYear(file: string): Promise<void> {
  await buildPreviousYearWorkbook().xlsx.writeFile(file);
}
