import { analyzeWorkbook, parseLevel } from "../../src/core/analyze";
import { formatExact } from "../../src/core/exact";
import { DEFAULT_FRAMEWORK, type Framework } from "../../src/core/framework";
import type { Finding, FindingCode } from "../../src/core/findings";
import { criteriaRows, rankingRows, sheet, workbook, type Plain } from "./build-grid";

/** Five departments of the 2022 decision, with their correct totals (Thanh tra: 72.03 / 75). */
const UNITS: Array<[string, number[], number, string]> = [
  ["Sở Công Thương", [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57, "I"],
  ["Sở Giao thông Vận tải", [7, 5, 10, 44.18, 3, 12, 6, 2], 89.18, "II"],
  ["Sở Tài chính", [6, 3, 10, 46.32, 3, 11.98, 6, 2], 88.3, "II"],
  ["Thanh tra tỉnh", [7.5, 5, 10, 27.53, 3, 11, 6, 2], 96.04, "I"],
  ["Sở Xây dựng", [8, 5, 10, 45.77, 4, 12, 6, 2], 92.77, "I"],
];

type Mutate = (rows: Plain[][]) => void;

/**
 * One sheet laid out like the decision: criteria table (header at row 1 = Excel row 1), the note
 * on Thanh tra's reduced max, the ranking table, the summary line. Cell addresses in the tests
 * follow from this layout: unit k's criteria row is Excel row k + 2, its ranking row k + 11.
 */
function decisionSheet(mutate: Mutate = () => {}, framework: Framework = DEFAULT_FRAMEWORK) {
  const rows: Plain[][] = [
    ...criteriaRows(UNITS.map(([n, s, t]) => [n, s, t])),
    [],
    ["Ghi chú:"],
    ["1. Thanh tra tỉnh: 75 điểm (không tính điểm dịch vụ công)"],
    [],
    ...rankingRows(UNITS.map(([n, , t, l]) => [n, t, l])),
    ["- Số đơn vị đạt mức độ I: 3 - Số đơn vị đạt mức độ II: 2 - Số đơn vị đạt mức độ III, IV: 0"],
  ];
  mutate(rows);
  return analyzeWorkbook(workbook(sheet("Phụ lục I", rows)), framework);
}

const at = (f: Finding) => `${f.code} ${f.cell}`;
const notInfo = (fs: ReadonlyArray<Finding>) => fs.filter((f) => f.severity !== "info").map(at);

function set(rows: Plain[][], a1: string, value: Plain): void {
  const m = /^([A-Z])(\d+)$/.exec(a1)!;
  const col = m[1]!.charCodeAt(0) - 65;
  const row = Number(m[2]) - 1;
  while (rows.length <= row) rows.push([]);
  rows[row]![col] = value;
}

describe("a correct sheet", () => {
  it("has no error or warning, and the reduced max as info", () => {
    const a = decisionSheet();
    expect(notInfo(a.findings)).toEqual([]);
    expect(a.findings.map(at)).toEqual(["REDUCED_MAX K5"]);
    expect(a.tables).toEqual([
      { sheet: "Phụ lục I", kind: "criteria", range: "A1:K6", units: 5 },
      { sheet: "Phụ lục I", kind: "ranking", range: "A11:D16", units: 5 },
    ]);
  });

  it("recomputes totals, levels, ranks and counts", () => {
    const b = decisionSheet().blocks[0]!;
    expect(
      b.order.map((i) => [
        b.units[i]!.name,
        formatExact(b.units[i]!.total!, 2),
        b.units[i]!.level,
        b.units[i]!.rank,
      ]),
    ).toEqual([
      ["Thanh tra tỉnh", "96.04", "I", 1],
      ["Sở Xây dựng", "92.77", "I", 2],
      ["Sở Công Thương", "92.57", "I", 3],
      ["Sở Giao thông Vận tải", "89.18", "II", 4],
      ["Sở Tài chính", "88.30", "II", 5],
    ]);
    expect(b.counts).toEqual([
      { level: "I", count: 3 },
      { level: "II", count: 2 },
      { level: "III", count: 0 },
      { level: "IV", count: 0 },
    ]);
  });
});

describe("one finding per seeded fault", () => {
  const cases: Array<[FindingCode, string, Mutate]> = [
    ["TOTAL_MISMATCH", "K4", (r) => set(r, "K4", 88.31)],
    ["SCORE_ABOVE_MAX", "C2", (r) => set(r, "C2", 9)],
    ["SCORE_NEGATIVE", "D3", (r) => set(r, "D3", -1)],
    ["NOT_A_NUMBER", "F2", (r) => set(r, "F2", "45.57%")],
    ["NOT_A_NUMBER", "G2", (r) => set(r, "G2", { error: "#N/A" })],
    ["MISSING_SCORE", "H2", (r) => set(r, "H2", null)],
    ["DUPLICATE_UNIT", "B6", (r) => set(r, "B6", "Sở Công Thương")],
    ["UNIT_NOT_MATCHED", "B16", (r) => set(r, "B16", "Sở Ngoại vụ")],
    ["RANKING_TOTAL_MISMATCH", "C12", (r) => set(r, "C12", 92.75)],
    ["LEVEL_MISMATCH", "D13", (r) => set(r, "D13", "I")],
    [
      "SUMMARY_COUNT_MISMATCH",
      "A17",
      (r) => set(r, "A17", "- Số đơn vị đạt mức độ I: 4 - Số đơn vị đạt mức độ II: 1"),
    ],
    ["UNCALCULATED_FORMULA", "K2", (r) => set(r, "K2", { f: "SUM(C2:J2)" })],
  ];
  it.each(cases)("reports %s at %s", (code, cell, mutate) => {
    const a = decisionSheet(mutate);
    const own = a.findings.filter((f) => f.severity !== "info");
    expect(own.map(at)).toContain(`${code} ${cell}`);
  });

  it("reports TOTAL_MISMATCH with the expected and typed totals", () => {
    const f = decisionSheet((r) => set(r, "K4", 88.31)).findings.find((x) => x.code === "TOTAL_MISMATCH")!;
    expect(f).toMatchObject({
      sheet: "Phụ lục I",
      cell: "K4",
      unit: "Sở Tài chính",
      params: { expected: "88.30", actual: "88.31" },
    });
  });

  it("gives no TOTAL_MISMATCH when a score is missing: the missing score is the finding", () => {
    const a = decisionSheet((r) => set(r, "H2", null));
    expect(notInfo(a.findings)).toEqual(["MISSING_SCORE H2"]);
    const unit = a.blocks[0]!.units[0]!;
    expect(unit.total).toBeUndefined();
    expect(a.blocks[0]!.order[a.blocks[0]!.order.length - 1]).toBe(0);
  });

  it("reports TEXT_NUMBER as info and still reads the number", () => {
    const a = decisionSheet((r) => set(r, "F2", "45,57"));
    expect(a.findings.map(at)).toContain("TEXT_NUMBER F2");
    expect(notInfo(a.findings)).toEqual([]);
  });

  it("reports NAME_VARIANT for a differently written matched name", () => {
    const a = decisionSheet((r) => set(r, "B13", "Sở Giao thông vận tải "));
    expect(a.findings.map(at)).toContain("NAME_VARIANT B13");
    expect(notInfo(a.findings)).toEqual([]);
  });

  it("reports HARDCODED_TOTAL where most totals are formulas", () => {
    const a = decisionSheet((r) => {
      for (const row of [2, 3, 5, 6])
        set(r, `K${row}`, { f: `SUM(C${row}:J${row})`, v: r[row - 1]![10] as number });
    });
    expect(notInfo(a.findings)).toEqual(["HARDCODED_TOTAL K4"]);
  });

  it("reports REDUCED_MAX from a max-points column", () => {
    const a = decisionSheet((r) => {
      r[0]!.push("Điểm tối đa");
      r[4]!.push(75);
    });
    const f = a.findings.find((x) => x.code === "REDUCED_MAX")!;
    expect(f.params.source).toBe("column");
    expect(notInfo(a.findings)).toEqual([]);
  });

  it("takes reduced max points from the settings when the sheet has no note", () => {
    const framework = { ...DEFAULT_FRAMEWORK, reducedMax: [{ unit: "Thanh tra tỉnh", max: "75" }] };
    const a = decisionSheet((r) => set(r, "A9", "Ghi chú: không có"), framework);
    const f = a.findings.find((x) => x.code === "REDUCED_MAX")!;
    expect(f.params.source).toBe("settings");
    expect(notInfo(a.findings)).toEqual([]);
  });
});

describe("layouts", () => {
  it("reads a two-row header with the criteria under a merged group label", () => {
    const header1: Plain[] = ["STT", "Đơn vị", "Các tiêu chí"];
    const base = criteriaRows(UNITS.map(([n, s, t]) => [n, s, t]));
    const header2: Plain[] = [null, null, ...(base[0]!.slice(2) as Plain[])];
    const rows = [["KẾT QUẢ"], header1, header2, ...base.slice(1)];
    const a = analyzeWorkbook(
      workbook(sheet("S", rows, [{ top: 1, left: 2, bottom: 1, right: 10 }])),
      DEFAULT_FRAMEWORK,
    );
    expect(a.tables).toEqual([{ sheet: "S", kind: "criteria", range: "A2:K8", units: 5 }]);
    expect(a.blocks[0]!.title).toBe("KẾT QUẢ");
  });

  it("finds criteria in another order, with other wordings and an extra column", () => {
    const order = [3, 0, 1, 2, 4, 5, 7, 6];
    const headers = [
      "1. Nhận thức",
      "2. Kiến tạo thể chế",
      "3. Hạ tầng và nền tảng số",
      "4. Nền tảng và chính quyền số",
      "5. Dữ liệu số",
      "6. Hoạt động CQS",
      "7. An toàn, an ninh mạng",
      "8. Đào tạo và phát triển CQS",
    ];
    const rows: Plain[][] = [
      ["Ghi chú", "Tên đơn vị", ...order.map((i) => headers[i]!), "Tổng điểm", "Ghi chú thêm"],
      ...UNITS.map(([n, s, t]) => ["x", n, ...order.map((i) => s[i]!), t, "ok"]),
    ];
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.tables[0]).toMatchObject({ kind: "criteria", units: 5 });
    // Thanh tra has no note here: its total 96.04 differs from 72.03 out of 100.
    expect(notInfo(a.findings)).toEqual(["TOTAL_MISMATCH K5"]);
  });

  it("keeps reading past blank rows inside a table", () => {
    const rows = criteriaRows(UNITS.map(([n, s, t]) => [n, s, t]));
    rows.splice(3, 0, [], []);
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.tables[0]!.units).toBe(5);
  });

  it("joins a ranking table on the next sheet to the block", () => {
    const crit = criteriaRows(UNITS.map(([n, s, t]) => [n, s, t]));
    crit.push([], ["1. Thanh tra tỉnh: 75 điểm"]);
    const rank = rankingRows(UNITS.map(([n, , t, l]) => [n, t, l]));
    const a = analyzeWorkbook(workbook(sheet("Điểm", crit), sheet("Xếp hạng", rank)), DEFAULT_FRAMEWORK);
    expect(a.model.blocks[0]!.rankings.map((t) => t.sheet.name)).toEqual(["Xếp hạng"]);
    expect(notInfo(a.findings)).toEqual([]);
  });

  it("reads two blocks on one sheet", () => {
    const one = criteriaRows(UNITS.slice(0, 2).map(([n, s, t]) => [n, s, t]));
    const two = criteriaRows(UNITS.slice(2, 3).map(([n, s, t]) => [n, s, t]));
    const rows = [["KHỐI SỞ"], ...one, [], ["KHỐI HUYỆN"], ...two];
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.blocks.map((b) => [b.title, b.units.length])).toEqual([
      ["KHỐI SỞ", 2],
      ["KHỐI HUYỆN", 1],
    ]);
  });

  it("skips the very hidden settings sheet", () => {
    const rows = criteriaRows(UNITS.map(([n, s, t]) => [n, s, t]));
    const hidden = { ...sheet("CQS_Settings", rows), state: "veryHidden" as const };
    const a = analyzeWorkbook(workbook(hidden), DEFAULT_FRAMEWORK);
    expect(a.tables).toEqual([]);
  });

  it("finds no table in a sheet of prose", () => {
    const a = analyzeWorkbook(
      workbook(sheet("S", [["Quyết định"], ["Điều 1. Công nhận kết quả"]])),
      DEFAULT_FRAMEWORK,
    );
    expect(a.blocks).toEqual([]);
  });
});

describe("parseLevel", () => {
  it.each([
    ["I", "I"],
    [" ii ", "II"],
    ["Mức III", "III"],
    ["mức độ IV", "IV"],
    ["2", "II"],
    ["V", undefined],
    ["", undefined],
  ])("%p → %p", (text, level) => {
    expect(parseLevel(text)).toBe(level);
  });
});

describe("rows that annotate the header", () => {
  const units = UNITS.map(([n, s, t]): [string, Plain[], Plain] => [n, s, t]);
  it("skips a column numbering row under the header", () => {
    const rows = criteriaRows(units);
    rows.splice(1, 0, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)", "(11)"]);
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.tables[0]!.units).toBe(5);
    expect(notInfo(a.findings)).toEqual(["TOTAL_MISMATCH K6"]);
  });

  it("skips a max-points row with no unit name", () => {
    const rows = criteriaRows(units);
    rows.splice(1, 0, [null, null, 8, 5, 10, 52, 5, 12, 6, 2, 100]);
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.tables[0]!.units).toBe(5);
  });

  it("skips a max-points row labelled Điểm tối đa", () => {
    const rows = criteriaRows(units);
    rows.splice(1, 0, [null, "Điểm tối đa", 8, 5, 10, 52, 5, 12, 6, 2, 100]);
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.tables[0]!.units).toBe(5);
  });
});

describe("long unit names", () => {
  it("keeps a name longer than 40 characters whole, and matches it across the tables", () => {
    const long = "Trung tâm Công nghệ thông tin và Truyền thông tỉnh Thừa Thiên Huế";
    const rows: Plain[][] = [
      ...criteriaRows([[long, [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57]]),
      [],
      ...rankingRows([[long, 92.57, "I"]]),
    ];
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.blocks[0]!.units[0]!.name).toBe(long);
    expect(a.findings).toEqual([]);
  });

  it("matches a variant of a name at Excel's 32,767-character limit (NAME_VARIANT), without failing", () => {
    const long = "Sở Tài chính và ".repeat(2_040).trim();
    const rows: Plain[][] = [
      ...criteriaRows([[long, [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57]]),
      [],
      ...rankingRows([[`${long} tỉnh`, 92.57, "I"]]),
    ];
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(["NAME_VARIANT B5"]);
  });

  it("checks names of a million characters (only a crafted file has them) without failing", () => {
    // Longer than Excel allows (32,767); one Vietnamese, one with a letter the fast key refuses.
    const huge = "Sở Tài chính & ".repeat(70_000);
    const other = "Café Müller ".repeat(90_000);
    const rows: Plain[][] = [
      ...criteriaRows([
        [huge, [8, 5, 10, 45.57, 4, 12, 6, 2], 92.57],
        [other, [8, 5, 10, 45.77, 4, 12, 6, 2], 92.77],
      ]),
      [],
      ...rankingRows([
        [huge, 92.57, "I"],
        [other, 92.77, "I"],
      ]),
    ];
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.blocks[0]!.units.map((u) => formatExact(u.total!, 2))).toEqual(["92.57", "92.77"]);
    expect(a.findings).toEqual([]);
  });
});
