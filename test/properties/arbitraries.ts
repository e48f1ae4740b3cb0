/**
 * fast-check generators of what council sheets hold: cells of every kind (numbers, numbers as
 * text, junk text, Excel errors, booleans, dates, formulas with and without results), random grids
 * with merges, and well-formed criteria/ranking tables whose cells are drawn from the same mix.
 *
 * Runs are deterministic: every property uses `runs(n)`, seeded with FC_SEED (default below), so a
 * failure prints a seed and a path that replay it (FC_SEED=<seed> FC_PATH=<path> npx jest …).
 */
import fc from "fast-check";
import type { Cell, CellRange, SheetGrid, WorkbookGrid } from "../../src/core/grid";

const DEFAULT_SEED = 20240601;

/** fast-check parameters: `numRuns` runs, a fixed seed unless FC_SEED is set, FC_PATH to replay. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : DEFAULT_SEED;
  return {
    numRuns,
    seed,
    ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
    endOnFailure: false,
  };
}

/** The run counts, one place: docs/robustness.md lists them. */
export const RUNS = {
  randomGrids: 600,
  tablesAndGrids: 300,
  blocks: 500,
  scoreCells: 400,
  deterministic: 300,
  rankCompetition: 1000,
  normalizeExact: 1000,
  rowOrderScoring: 500,
  rowOrderWorkbook: 200,
  numberText: 1000,
  xlsxRoundTrip: 60,
  xlsxDamaged: 150,
  matching: 500,
  longTexts: 150,
} as const;

export const CRITERIA_HEADERS = [
  "Nhận thức",
  "Kiến tạo thể chế",
  "Hạ tầng và nền tảng số",
  "Nền tảng và CQ số",
  "Dữ liệu số",
  "Hoạt động chính quyền số",
  "An toàn, an ninh mạng",
  "Đào tạo và phát triển CQS",
];
export const CRITERIA_MAX = [8, 5, 10, 52, 5, 12, 6, 2];

export const ERRORS = [
  "#N/A",
  "#REF!",
  "#DIV/0!",
  "#VALUE!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
];

/** Number formats, and whether a number with it is not a score (a date or a percentage). */
export const FORMATS: ReadonlyArray<readonly [string | undefined, boolean]> = [
  [undefined, false],
  ["0.00", false],
  ["#,##0.00", false],
  ["0%", true],
  ["@", false],
  ["0.00;[Red]-0.00", false],
  ["dd/mm/yyyy", true],
  ["m/d/yy h:mm", true],
  ['[$-vi-VN]d mmmm "năm" yyyy', true],
  ["hh:mm:ss", true],
];

const digits = (min: number, max: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });

/** Text that is a number by DESIGN.md ("45,57", " 10.00 ", "-3"), with spaces around. */
export const numberText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom("", " ", "\u00a0", "  "),
    fc.constantFrom("", "-", "+"),
    digits(1, 6),
    fc.option(fc.tuple(fc.constantFrom(",", "."), digits(1, 4)), { nil: undefined }),
    fc.constantFrom("", " ", "\u00a0"),
  )
  .map(([a, s, i, f, b]) => `${a}${s}${i}${f ? f[0] + f[1] : ""}${b}`);

/** Text that looks like a number but is not one by DESIGN.md. */
export const nearNumberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "1.234,56",
    "1,234.56",
    "8%",
    "10 %",
    "1e3",
    ".5",
    "5.",
    "1 0",
    "\uff18",
    "--1",
    "0x1F",
    "∞",
    "NaN",
  ),
  fc
    .tuple(digits(1, 3), fc.constantFrom(".", ","), digits(3, 3), fc.constantFrom(".", ","), digits(1, 2))
    .map((p) => p.join("")),
  fc.tuple(digits(1, 3), fc.constantFrom("%", " %", "đ", " điểm")).map((p) => p.join("")),
);

/** Any text, including control characters, combining marks, right-to-left and astral characters. */
export const junkText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom(
    "",
    " ",
    "\u00a0",
    "x",
    "N/A",
    "-",
    "TRUE",
    "Không",
    "\u202eabc",
    "a\u0301\u0301",
    "\u200b",
  ),
);

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const score = fc.integer({ min: -500, max: 6000 }).map((h) => h / 100);

/** A number cell: typical scores, any double (NaN, ±Infinity, -0, subnormals), huge ones. */
export const numberValue: fc.Arbitrary<number> = fc.oneof(
  { weight: 4, arbitrary: score },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: finite },
  { weight: 1, arbitrary: fc.constantFrom(1e15, -1e15, 1e300, 5e-324, -0, 0.1 + 0.2, 92.57000000000001) },
);

/** A valid date (the xlsx adapter never hands the core an invalid one). */
export const validDate = fc.date({ noInvalidDate: true, min: new Date(-2e12), max: new Date(4e12) });

/** A cell as a score cell may hold it. */
export const scoreCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 5, arbitrary: numberValue.map((v) => ({ v })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(numberValue, fc.constantFrom(...FORMATS))
      .map(([v, [fmt]]) => (fmt === undefined ? { v } : { v, fmt })),
  },
  { weight: 2, arbitrary: numberText.map((v) => ({ v })) },
  { weight: 1, arbitrary: nearNumberText.map((v) => ({ v })) },
  { weight: 2, arbitrary: junkText.map((v) => ({ v })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ v: { error } })) },
  { weight: 1, arbitrary: fc.boolean().map((v) => ({ v })) },
  { weight: 1, arbitrary: validDate.map((v) => ({ v })) },
  { weight: 1, arbitrary: fc.constant({ v: null }) },
  { weight: 1, arbitrary: fc.constant({ v: null, f: "SUM(C5:J5)" }) },
  { weight: 1, arbitrary: fc.constant({ v: "", f: 'IF(A1,"",1)' }) },
  { weight: 1, arbitrary: numberValue.map((v) => ({ v, f: "SUM(C5:J5)" })) },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ v: { error }, f: "1/0" })) },
);

/** Texts that make the table finder look twice: headers, notes, summary lines, titles. */
export const structuralText: fc.Arbitrary<string> = fc.constantFrom(
  "STT",
  "Đơn vị",
  "Tên đơn vị",
  "Tổng cộng",
  "TỔNG ĐIỂM",
  "MỨC ĐỘ",
  "Thứ hạng",
  "Điểm tối đa",
  "Các tiêu chí",
  ...CRITERIA_HEADERS,
  ...CRITERIA_HEADERS.map((h, i) => `${i + 1}. ${h.toUpperCase()}`),
  "Ghi chú:",
  "1. Văn phòng UBND tỉnh: 75 điểm (không đánh giá tiêu chí 4)",
  "- Số đơn vị đạt mức độ I: 3 - Số đơn vị đạt mức độ II: 1 - Số đơn vị đạt mức độ III, IV: 0",
  "Số đơn vị đạt mức độ IV: x",
  "KẾT QUẢ ĐÁNH GIÁ",
  "Sở Tài chính",
  "Sở Nội vụ",
  "I",
  "II",
  "III",
  "IV",
  "Mức II",
);

/** Any cell of a sheet: a score-like cell or text that shapes tables. */
export const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: scoreCell },
  { weight: 2, arbitrary: structuralText.map((v) => ({ v })) },
);

function mergeArb(rows: number, cols: number): fc.Arbitrary<CellRange> {
  return fc
    .tuple(
      fc.nat({ max: Math.max(0, rows + 2) }),
      fc.nat({ max: Math.max(0, cols + 2) }),
      fc.nat({ max: 3 }),
      fc.nat({ max: 3 }),
    )
    .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w }));
}

/** A random sheet: ragged rows with holes, offsets, merges, any visibility. */
export const randomSheet: fc.Arbitrary<SheetGrid> = fc
  .tuple(
    fc.array(
      fc.option(fc.array(fc.option(anyCell, { nil: undefined }), { maxLength: 14 }), { nil: undefined }),
      {
        maxLength: 30,
      },
    ),
    fc.nat({ max: 5 }),
    fc.nat({ max: 3 }),
    fc.constantFrom<SheetGrid["state"]>(undefined, "visible", "hidden", "veryHidden"),
    fc.constantFrom("Phụ lục I", "Sheet1", "CQS_Settings", "Xếp hạng", "'; DROP", ""),
  )
  .chain(([rows, top, left, state, name]) =>
    fc.array(mergeArb(rows.length, 14), { maxLength: 4 }).map((merges): SheetGrid => ({
      name,
      rows,
      top,
      left,
      merges,
      ...(state ? { state } : {}),
    })),
  );

export const randomWorkbook: fc.Arbitrary<WorkbookGrid> = fc
  .array(randomSheet, { minLength: 0, maxLength: 3 })
  .map((sheets) => ({ name: "ngau-nhien.xlsx", sheets }));

// ---------------------------------------------------------------------------------------------
// Well-formed tables with random cells

export interface TableSpec {
  /** Unit names, distinct, in source order. */
  readonly names: string[];
  /** Per unit: its 8 score cells and its total cell. */
  readonly scores: Cell[][];
  readonly totals: Cell[];
}

/** Distinct unit names that read as names (not notes, not headers). */
export const unitNames = (min: number, max: number): fc.Arbitrary<string[]> =>
  fc
    .uniqueArray(
      fc.tuple(
        fc.constantFrom("Sở", "Ban", "UBND huyện", "Văn phòng", "Thanh tra", "Trung tâm"),
        fc.constantFrom(
          "Tài chính",
          "Nội vụ",
          "Y tế",
          "Xây dựng",
          "Tư pháp",
          "A Lưới",
          "Phú Vang",
          "Du lịch",
          "Công Thương",
        ),
        fc.nat({ max: 999 }),
      ),
      { minLength: min, maxLength: max, selector: ([a, b, n]) => `${a} ${b} ${n}` },
    )
    .map((list) => list.map(([a, b, n]) => `${a} ${b} ${n}`));

/** A criteria table: names, scores drawn from `cell`, totals drawn from `total`. */
export function tableSpec(
  cell: fc.Arbitrary<Cell> = scoreCell,
  total: fc.Arbitrary<Cell> = scoreCell,
  min = 1,
  max = 12,
): fc.Arbitrary<TableSpec> {
  return unitNames(min, max).chain((names) =>
    fc
      .tuple(
        fc.array(fc.array(cell, { minLength: 8, maxLength: 8 }), {
          minLength: names.length,
          maxLength: names.length,
        }),
        fc.array(total, { minLength: names.length, maxLength: names.length }),
      )
      .map(([scores, totals]) => ({ names, scores, totals })),
  );
}

export const HEADER_ROW = 2;
/** Columns: A STT, B unit, C–J criteria, K total. */
export const NAME_COL = 1;
export const scoreCol = (k: number): number => 2 + k;
export const TOTAL_COL = 10;

/** The sheet of a criteria table: a title, the header on row 3, units from row 4. */
export function criteriaSheet(spec: TableSpec, name = "Phụ lục I"): SheetGrid {
  const rows: Array<Array<Cell | undefined>> = [
    [{ v: "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHÍNH QUYỀN SỐ" }],
    [],
    ["STT", "Đơn vị", ...CRITERIA_HEADERS, "Tổng cộng"].map((v) => ({ v })),
  ];
  spec.names.forEach((n, i) => {
    rows.push([{ v: i + 1 }, { v: n }, ...spec.scores[i]!, spec.totals[i]!]);
  });
  return { name, rows };
}

/** A level cell as typed: a level, a number, junk, or nothing. */
export const levelCell: fc.Arbitrary<Cell> = fc.oneof(
  fc
    .constantFrom("I", "II", "III", "IV", "Mức II", "mức độ III", "1", "4", "V", "", "Không xếp")
    .map((v) => ({ v })),
  fc.integer({ min: 0, max: 5 }).map((v) => ({ v })),
  scoreCell,
);

/** A name as the ranking table writes it: the criteria name, a variant of it, or another name. */
function rankingName(names: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...names),
          fc.constantFrom<(s: string) => string>(
            (s) => s.toUpperCase(),
            (s) => `  ${s.replace(/ /g, "  ")} `,
            (s) => s.normalize("NFD"),
            (s) => s.split(" ").slice(0, -1).join(" "),
            (s) => `${s} và Đào tạo`,
            (s) => s.replace("Sở", "S."),
            (s) => `\u200f${s}`,
          ),
        )
        .map(([n, f]) => f(n)),
    },
    { weight: 1, arbitrary: junkText.filter((s) => s.trim() !== "") },
  );
}

/**
 * A whole block: a criteria table of random cells, a ranking table below it (names drawn from the
 * criteria table, variants of them or others; random totals and levels) and a summary line.
 */
export const blockSheet: fc.Arbitrary<SheetGrid> = tableSpec().chain((spec) =>
  fc
    .tuple(
      fc.array(fc.tuple(rankingName(spec.names), scoreCell, levelCell), { maxLength: spec.names.length + 2 }),
      fc.array(fc.nat({ max: 30 }), { minLength: 4, maxLength: 4 }),
      fc.boolean(),
    )
    .map(([ranking, counts, combined]) => {
      const sheet = criteriaSheet(spec);
      const rows = sheet.rows.map((r) => r) as Array<ReadonlyArray<Cell | undefined> | undefined>;
      rows.push([], [{ v: "BẢNG XẾP HẠNG" }]);
      rows.push(["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ"].map((v) => ({ v })));
      ranking.forEach(([name, total, level], j) => rows.push([{ v: j + 1 }, { v: name }, total, level]));
      const summary = combined
        ? `- Số đơn vị đạt mức độ I: ${counts[0]} - Số đơn vị đạt mức độ II: ${counts[1]} - Số đơn vị đạt mức độ III, IV: ${counts[2]}`
        : `Số đơn vị đạt mức độ I: ${counts[0]}; mức độ II: ${counts[1]}; mức độ III: ${counts[2]}; mức độ IV: ${counts[3]}`;
      rows.push([{ v: summary }]);
      return { ...sheet, rows };
    }),
);

/**
 * Texts as long as a cell holds (up to 32,767 characters) built from the pieces that make text
 * handling slow or deep: runs of spaces, tabs, line breaks and zero-width spaces, capitals, "và",
 * digits, colons, level numerals, a legacy byte, and unit names.
 */
export const longText: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.constantFrom(
        " ",
        "  ",
        "\t",
        "\n",
        "\u00a0",
        "\u200b",
        "i ",
        "III, ",
        "A",
        "TB&XH ",
        "và ",
        "1",
        "(1",
        ")",
        ":",
        ": 75 điểm ",
        "mức độ ",
        "Số đơn vị đạt ",
        "Sở Tài chính ",
        "Phát triển nông thôn ",
        "µ",
        "x",
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.integer({ min: 1_000, max: 32_767 }),
    fc.constantFrom("", "1", "Sở ", "Ghi chú: ", "- "),
  )
  .map(([pieces, length, start]) => {
    const unit = pieces.join("");
    return (start + unit.repeat(Math.ceil(length / unit.length))).slice(0, 32_767);
  });
