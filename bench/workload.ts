/**
 * The benchmark's workload: one appendix of the decision, as a cell grid, with `n` units.
 *
 * Laid out like Decision 292's "Phụ lục I": titles, a two-row criteria header (STT, Đơn vị,
 * "Các tiêu chí" merged over the 8 criteria, Tổng cộng), the units' scores (2 decimals, number
 * formats on every cell), the notes with the units scored out of 75, the ranking table (STT,
 * Đơn vị, TỔNG ĐIỂM, MỨC ĐỘ, in source order) and the summary line of level counts.
 *
 * Deterministic (seeded), with the faults the decision has, at fixed rates: a wrong typed total in
 * 1 unit of 1,000, a score stored as text ("45,57") in 1 of 200, a reduced max (note line) in 1 of
 * 250, and ranking-table names written differently (an abbreviation, a leading part) in 2 of 500.
 */
import type { Cell, CellRange, SheetGrid, WorkbookGrid } from "../src/core/grid";

export const CRITERIA = [
  { name: "Nhận thức", max: 8 },
  { name: "Kiến tạo thể chế", max: 5 },
  { name: "Hạ tầng và nền tảng số", max: 10 },
  { name: "Nền tảng và CQ số", max: 52 },
  { name: "Dữ liệu số", max: 5 },
  { name: "Hoạt động chính quyền số", max: 12 },
  { name: "An toàn, an ninh mạng", max: 6 },
  { name: "Đào tạo và phát triển CQS", max: 2 },
] as const;

const THRESHOLDS = [9000, 8000, 7000]; // hundredths
const LEVEL_NAMES = ["I", "II", "III", "IV"] as const;

/** Department names as the decision writes them; [criteria name, ranking-table variant or ""]. */
const BASE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ["Sở Công Thương", ""],
  ["Sở Du lịch", ""],
  ["Ban Dân tộc", ""],
  ["Sở Giáo dục và Đào tạo", "Sở Giáo dục"],
  ["Sở Giao thông Vận tải", ""],
  ["Sở Khoa học và Công nghệ", ""],
  ["Sở Kế hoạch và Đầu tư", ""],
  ["Sở Lao động, Thương binh và Xã hội", "Sở Lao động – TB&XH"],
  ["Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và PTNT"],
  ["Sở Nội vụ", ""],
  ["Sở Ngoại vụ", ""],
  ["Sở Tài chính", ""],
  ["Sở Tài nguyên và Môi trường", ""],
  ["Sở Tư pháp", ""],
  ["Sở Thông tin và Truyền thông", ""],
  ["Thanh tra tỉnh", ""],
  ["Sở Văn hóa và Thể thao", ""],
  ["Văn phòng UBND tỉnh", ""],
  ["Sở Xây dựng", ""],
  ["Sở Y tế", ""],
];

/** One unit of the workload, with its exact figures in integer hundredths. */
export interface UnitSpec {
  readonly name: string;
  /** The name the ranking table uses (a variant for some units). */
  readonly rankingName: string;
  /** Scores in hundredths. */
  readonly scores: ReadonlyArray<number>;
  /** Whether score 4 is stored as text with a decimal comma. */
  readonly textScore: boolean;
  /** Max points (100, or 75 for a unit in the notes). */
  readonly max: number;
  /** The right total, hundredths. */
  readonly total: number;
  /** The typed total, hundredths (differs from `total` for a faulty unit). */
  readonly typed: number;
  readonly level: (typeof LEVEL_NAMES)[number];
}

/** mulberry32: a small seeded generator, so every run sees the same workbook. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** round_half_up(points × 100 / max, 2) in hundredths, integers only. */
function normalizedHundredths(points: number, max: number): number {
  const num = points * 100;
  const q = Math.floor(num / max);
  return 2 * (num - q * max) >= max ? q + 1 : q;
}

function levelOf(total: number): (typeof LEVEL_NAMES)[number] {
  for (let i = 0; i < 3; i++) if (total >= THRESHOLDS[i]!) return LEVEL_NAMES[i]!;
  return "IV";
}

/**
 * The units of a workload of `n`. A salt (0–99) changes every name but neither its length nor
 * the numbers, so that a run cannot profit from name caches filled by an earlier run.
 */
export function units(n: number, salt = 0): UnitSpec[] {
  const rnd = random(292 + n);
  const out: UnitSpec[] = [];
  for (let i = 0; i < n; i++) {
    const [base, variant] = BASE_NAMES[i % BASE_NAMES.length]!;
    const round = Math.floor(i / BASE_NAMES.length);
    // A fixed-width code keeps names unique and every name's length independent of the salt.
    const prefix = `ĐV${String(salt % 100).padStart(2, "0")}${String(round).padStart(4, "0")} `;
    const name = prefix + base;
    // Ranking names written differently in 2 units of 500 (and in the first 20, as in the decision).
    const varied = variant !== "" && (i < 20 || i % 500 === 3 || i % 500 === 267);
    const rankingName = varied ? prefix + variant : name;
    const reduced = i % 250 === 2;
    const max = reduced ? 75 : 100;
    const scores = CRITERIA.map((c, k) => {
      const top = k === 3 && reduced ? 27 : c.max;
      // Most units score high: between 60% and 100% of each criterion, in hundredths.
      const h = Math.round(top * 100 * (0.6 + 0.4 * rnd()));
      // Small criteria are usually whole or half points; the big one has two decimals.
      return c.max <= 12 && rnd() < 0.6 ? Math.round(h / 50) * 50 : h;
    });
    const points = scores.reduce((a, b) => a + b, 0);
    const total = max === 100 ? points : normalizedHundredths(points, max);
    const typed = i % 1000 === 17 ? total + 1 : total;
    out.push({
      name,
      rankingName,
      scores,
      textScore: i % 200 === 5,
      max,
      total,
      typed,
      level: levelOf(total),
    });
  }
  return out;
}

const num = (h: number, fmt = "0.00"): Cell => ({ v: h / 100, fmt });
const txt = (s: string, fmt?: string): Cell => (fmt ? { v: s, fmt } : { v: s });

/** The appendix sheet for `n` units, and the units behind it. */
export function appendixSheet(
  n: number,
  salt = 0,
  name = "Phụ lục I",
): { sheet: SheetGrid; units: UnitSpec[] } {
  const list = units(n, salt);
  const rows: Array<Array<Cell | undefined>> = [];
  const merges: CellRange[] = [];
  const width = 2 + CRITERIA.length + 1;
  rows.push([txt("KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN SỐ CẤP SỞ, CẤP HUYỆN NĂM 2022")]);
  rows.push([txt("KHỐI CƠ QUAN CHUYÊN MÔN THUỘC UBND TỈNH")]);
  rows.push([
    txt("(Ban hành kèm theo Quyết định số 292 /QĐ-UBND ngày 31/01/2023 của UBND tỉnh Thừa Thiên Huế)"),
  ]);
  rows.push([txt("1. Kết quả đánh giá các tiêu chí các cơ quan chuyên môn thuộc UBND tỉnh năm 2022")]);
  const headerTop = rows.length;
  rows.push([txt("STT"), txt("Đơn vị"), txt("Các tiêu chí")]);
  rows.push([undefined, undefined, ...CRITERIA.map((c) => txt(c.name)), txt("Tổng cộng")]);
  merges.push(
    { top: headerTop, left: 0, bottom: headerTop + 1, right: 0 },
    { top: headerTop, left: 1, bottom: headerTop + 1, right: 1 },
    { top: headerTop, left: 2, bottom: headerTop, right: width - 1 },
  );
  list.forEach((u, i) => {
    const row: Cell[] = [num((i + 1) * 100, "0"), txt(u.name, "@")];
    u.scores.forEach((h, k) => {
      if (k === 3 && u.textScore) row.push(txt(formatComma(h), "@"));
      else row.push(num(h, k === 0 ? "0.0" : "0.00"));
    });
    row.push(num(u.typed));
    rows.push(row);
  });
  rows.push([]);
  rows.push([txt("Ghi chú:")]);
  rows.push([
    txt(
      "Điểm tối đa của một số đơn vị dưới 100 điểm được tính trung bình theo công thức: (Tổng số điểm thực hiện * 100)/ Điểm tối đa.",
    ),
  ]);
  let note = 0;
  for (const u of list) {
    if (u.max !== 100) rows.push([txt(`${++note}. ${u.name}: ${u.max} điểm (không tính điểm dịch vụ công)`)]);
  }
  rows.push([]);
  rows.push([txt("2. Xếp hạng mức độ các cơ quan chuyên môn thuộc UBND tỉnh năm 2022")]);
  rows.push([txt("STT"), txt("Đơn vị"), txt("TỔNG ĐIỂM"), txt("MỨC ĐỘ")]);
  list.forEach((u, i) => {
    rows.push([num((i + 1) * 100, "0"), txt(u.rankingName, "@"), num(u.typed), txt(levelOf(u.typed), "@")]);
  });
  const counts = [0, 0, 0, 0];
  for (const u of list) counts[LEVEL_NAMES.indexOf(u.level)]!++;
  const summaryRow = rows.length;
  rows.push([
    txt(
      `- Số đơn vị đạt mức độ I: ${counts[0]} - Số đơn vị đạt mức độ II: ${counts[1]} - Số đơn vị đạt mức độ III: ${counts[2]} - Số đơn vị đạt mức độ IV: ${counts[3]}`,
    ),
  ]);
  merges.push({ top: summaryRow, left: 0, bottom: summaryRow, right: 3 });
  return { sheet: { name, rows, merges }, units: list };
}

/** The workbook of the benchmark: one appendix of `n` units. */
export function workloadGrid(n: number, salt = 0): { grid: WorkbookGrid; units: UnitSpec[] } {
  const { sheet, units: list } = appendixSheet(n, salt);
  return { grid: { name: `cqs-${n}.xlsx`, sheets: [sheet] }, units: list };
}

/** "45,57": hundredths as text with a decimal comma. */
export function formatComma(h: number): string {
  return `${Math.floor(h / 100)},${String(h % 100).padStart(2, "0")}`;
}
