/**
 * Frameworks beyond Thừa Thiên Huế 2021: the library, the JSON format and its schema, and the
 * published tables of test/fixtures/frameworks (built by its build.js, numbers as printed).
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { analyzeWorkbook, type Analysis } from "../../src/core/analyze";
import {
  compileFramework,
  DEFAULT_FRAMEWORK,
  FrameworkError,
  frameworkFromJson,
  frameworkToJson,
  type Framework,
} from "../../src/core/framework";
import { FINDING_CODES } from "../../src/core/findings";
import { libraryFramework, LIBRARY } from "../../src/core/library";
import { planRankingSheets } from "../../src/core/plan";
import { CRITERIA_HEADERS, sheet, workbook } from "./build-grid";
import { FRAMEWORK_FIXTURES as FIXTURES, ROOT } from "../fixtures/locate";

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "framework.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);

async function check(name: string, framework: Framework = DEFAULT_FRAMEWORK): Promise<Analysis> {
  const grid = await readWorkbookFile(path.join(FIXTURES, name));
  return analyzeWorkbook(grid, framework);
}

const notInfo = (a: Analysis): string[] =>
  a.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.cell}`);

describe("the library", () => {
  it("has the ids the contract names, each with a source", () => {
    expect(LIBRARY.map((f) => f.id)).toEqual(
      expect.arrayContaining(["tth-2021", "tth-2020-readiness", "tth-2020-results", "dti-2022-province"]),
    );
    for (const f of LIBRARY) expect(f.source.length).toBeGreaterThan(10);
  });

  it.each(LIBRARY.map((f) => [f.id!, f] as const))(
    "%s compiles, saves to a schema-valid file and loads back",
    (_, f) => {
      compileFramework(f);
      const json = frameworkToJson(f);
      expect(validate(json)).toBe(true);
      const back = frameworkFromJson(JSON.parse(JSON.stringify(json)));
      expect(frameworkToJson(back)).toEqual(json);
    },
  );

  it("dti-2022-province reproduces Đà Nẵng's published PDTI 0,8002 from its indices", async () => {
    const a = await check("dti-2022.xlsx", libraryFramework("dti-2022-province")!);
    const u = a.blocks[0]!.units.find((x) => x.name === "TP. Đà Nẵng")!;
    expect(u.total?.toString()).toBe("0.8002");
  });
});

describe("framework files", () => {
  it("a file of format 1 (three thresholds) still loads", () => {
    const f = frameworkFromJson({ thresholds: { I: 93, II: 80, III: 70 } });
    expect(compileFramework(f).bounds.map(String)).toEqual(["9300", "8000", "7000"]);
  });

  it.each([
    [{ levels: [{ name: "Tốt", min: 70 }, { name: "Khá", min: 90 }, { name: "Yếu" }] }, "giảm dần"],
    [{ levels: [{ name: "Tốt", min: 120 }, { name: "Yếu" }] }, "thang điểm"],
    [{ levels: [{ name: "Tốt", min: 90 }, { name: "tốt" }] }, "lặp lại"],
    [
      {
        criteria: [
          { name: "A", max: 5 },
          { name: "A", max: 5 },
        ],
      },
      "lặp lại",
    ],
    [{ criteria: [{ name: "A", max: 5, group: "x" }] }, "nhóm"],
    [{ scale: 0 }, "Thang điểm"],
    [{ colour: "red" }, "không biết"],
  ])("rejects %j with one line naming the fault", (json, word) => {
    expect(() => frameworkFromJson(json)).toThrow(FrameworkError);
    expect(() => frameworkFromJson(json)).toThrow(word);
  });

  it("named levels on the percentage classify by percent (Kon Tum style: Tốt ≥ 90 %, Khá ≥ 70 %, Trung bình ≥ 50 %)", () => {
    const f = frameworkFromJson({
      levels: [
        { name: "Tốt", min: 90 },
        { name: "Khá", min: 70 },
        { name: "Trung bình", min: 50 },
        { name: "Yếu" },
      ],
      levelBasis: "percent",
    });
    expect(compileFramework(f).levels.map((l) => l.name)).toEqual(["Tốt", "Khá", "Trung bình", "Yếu"]);
  });
});

describe("Thừa Thiên Huế 2020, districts (no --framework)", () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await check("tth-2020-districts.xlsx");
  });
  it("finds two self-describing tables", () => {
    expect(a.tables.map((t) => `${t.kind} ${t.range}`)).toEqual(["results A4:I13", "results A16:I19"]);
  });
  it("reports only A Lưới's results row: 75,41 of 92 printed 81,96 % and 81,96, recomputed 81,97", () => {
    expect(notInfo(a)).toEqual(["PERCENT_MISMATCH@G19", "TOTAL_MISMATCH@H19"]);
    const f = a.findings.find((x) => x.code === "TOTAL_MISMATCH")!;
    expect(f.params).toMatchObject({ expected: "81.97", actual: "81.96" });
  });
  it("accepts TP Huế's 44,41 (42,63 of 48 on the 50 scale)", () => {
    const u = a.blocks[0]!.units.find((x) => x.name === "UBND thành phố Huế")!;
    expect(u.total?.toString()).toBe("4441");
  });
});

describe("Phú Thọ 2021 (no --framework)", () => {
  it("exits clean: ranks follow the 2021 totals", async () => {
    const a = await check("phu-tho-2021.xlsx");
    expect(a.tables.map((t) => t.kind)).toEqual(["ranks"]);
    expect(a.summary.error).toBe(0);
    expect(a.blocks[0]!.levels).toEqual([]);
    expect(a.blocks[0]!.decimals).toBe(1);
  });
  it("reports RANK_MISMATCH at the rank cell that was changed", async () => {
    const a = await check("phu-tho-2021-rank.xlsx");
    expect(notInfo(a)).toEqual(["RANK_MISMATCH@A7"]);
  });
  it("rank writes STT | Đơn vị | TỔNG ĐIỂM, no levels, no counts", async () => {
    const a = await check("phu-tho-2021.xlsx");
    const [sheet] = planRankingSheets(a, ["Sở, ban, ngành"]);
    const header = sheet!.rows.find((r) => r[0]?.v === "STT")!;
    expect(header.map((c) => c.v)).toEqual(["STT", "Đơn vị", "TỔNG ĐIỂM"]);
    expect(sheet!.rows.some((r) => String(r[0]?.v ?? "").includes("mức độ I"))).toBe(false);
  });
});

describe("DTI 2022 with --framework dti-2022-province", () => {
  it("gives no error, Hồ Chí Minh's 0,7163 at most info, ranks right, no levels", async () => {
    const a = await check("dti-2022.xlsx", libraryFramework("dti-2022-province")!);
    expect(notInfo(a)).toEqual([]);
    const hcm = a.findings.filter((f) => f.unit === "TP. Hồ Chí Minh");
    expect(hcm.map((f) => f.code)).toEqual(["ROUNDED_TOTAL"]);
    const b = a.blocks[0]!;
    expect(b.levels).toEqual([]);
    expect(b.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(b.units[1]!.total?.toString()).toBe("0.7163");
  });
});

describe("shared ranks as the ministry printed them (Bộ TT&TT 2017, provinces)", () => {
  // The DTI 2022 table prints a shared rank too (15 Thanh Hóa / Yên Bái) but its stored copy ends
  // before their indices; this published table keeps three shared ranks with their indices.
  const ict = (): Framework =>
    frameworkFromJson(JSON.parse(fs.readFileSync(path.join(FIXTURES, "ict-2017.json"), "utf8")));
  it("accepts the three printed ties (17, 32, 40) and every other rank: no error, no warning", async () => {
    const a = await check("ict-2017-provinces.xlsx", ict());
    expect(a.tables.map((t) => t.kind)).toEqual(["ranks"]);
    expect(notInfo(a)).toEqual([]);
    const b = a.blocks[0]!;
    expect(b.units).toHaveLength(53);
    expect(b.levels).toEqual([]);
    const total = (name: string): string | undefined =>
      b.units.find((u) => u.name === name)?.total?.toString();
    expect(total("Thanh Hóa")).toBe(total("Bà Rịa - Vũng Tàu"));
    expect(total("Đắk Nông")).toBe(total("Quảng Trị"));
    expect(total("Ninh Thuận")).toBe(total("Tuyên Quang"));
  });
  it("a shared rank changed to 19 is RANK_MISMATCH at its cell, expecting 17–18", async () => {
    const a = await check("ict-2017-rank.xlsx", ict());
    expect(notInfo(a)).toEqual(["RANK_MISMATCH@C22"]);
    expect(a.findings.find((f) => f.code === "RANK_MISMATCH")!.params).toMatchObject({
      expected: "17–18",
      actual: "19",
    });
  });
  it("consecutive ranks for equal totals are accepted too (18 for the second 0,633)", async () => {
    const grid = await readWorkbookFile(path.join(FIXTURES, "ict-2017-provinces.xlsx"));
    const rankCell = grid.sheets[0]!.rows[21]![2]!;
    expect(rankCell.v).toBe(17);
    const changed = {
      ...grid,
      sheets: [
        {
          ...grid.sheets[0]!,
          rows: grid.sheets[0]!.rows.map((r, i) =>
            i === 21 && r ? r.map((c, j) => (j === 2 ? { ...c!, v: 18 } : c)) : r,
          ),
        },
      ],
    };
    expect(notInfo(analyzeWorkbook(changed, ict()))).toEqual([]);
  });
});

describe("seeded faults", () => {
  it("MAX_MISMATCH at the max to do, LEVEL_ORDER at the level out of order", async () => {
    const a = await check("results-faults.xlsx");
    expect(notInfo(a)).toEqual(["MAX_MISMATCH@E4", "LEVEL_ORDER@I5"]);
  });
  it("named levels of communes checked for order; ties may share a rank", async () => {
    const a = await check("named-levels.xlsx");
    expect(notInfo(a)).toEqual(["LEVEL_ORDER@D7", "RANK_MISMATCH@E8", "SUMMARY_COUNT_MISMATCH@A11"]);
    expect(a.blocks[0]!.levels).toEqual(["Tốt", "Khá", "Trung bình"]);
  });
  it("every new code has a message and a severity", () => {
    for (const c of [
      "RANK_MISMATCH",
      "PERCENT_MISMATCH",
      "MAX_MISMATCH",
      "GROUP_TOTAL_MISMATCH",
      "LEVEL_ORDER",
    ])
      expect(FINDING_CODES).toContain(c);
  });
});

describe("groups of sub-criteria", () => {
  const framework = frameworkFromJson({
    name: "Thử nhóm",
    scale: 50,
    groups: [
      { key: "g1", name: "Nhận thức số" },
      { key: "g2", name: "Hạ tầng số" },
    ],
    criteria: [
      { key: "a", name: "Ban chỉ đạo", max: 10, group: "g1" },
      { key: "b", name: "Văn bản chỉ đạo", max: 20, group: "g1" },
      { key: "c", name: "Mạng nội bộ", max: 20, group: "g2" },
    ],
    levels: [{ name: "Tốt", min: 45 }, { name: "Khá", min: 35 }, { name: "Yếu" }],
  });
  const grid = workbook(
    sheet("Nhóm", [
      [
        "STT",
        "Tên đơn vị",
        "Ban chỉ đạo (10đ)",
        "Văn bản chỉ đạo (20đ)",
        "Nhận thức số",
        "Mạng nội bộ",
        "Hạ tầng số",
        "Tổng điểm",
        "Xếp loại",
      ],
      [1, "Xã A", 10, 18, 28, 19, 19, 47, "Tốt"],
      [2, "Xã B", 8, 15, 24, 16, 16, 39, "Khá"],
      [3, "Xã C", 5, 10, 15, 20, 20, 35, "Tốt"],
    ]),
  );
  it("GROUP_TOTAL_MISMATCH at a group's typed score; named levels typed in the criteria table are checked", () => {
    const a = analyzeWorkbook(grid, framework);
    expect(a.tables.map((t) => t.kind)).toEqual(["criteria"]);
    expect(notInfo(a)).toEqual(["GROUP_TOTAL_MISMATCH@E3", "LEVEL_MISMATCH@I4"]);
    expect(a.blocks[0]!.counts).toEqual([
      { level: "Tốt", count: 1 },
      { level: "Khá", count: 2 },
      { level: "Yếu", count: 0 },
    ]);
  });
});

describe("a criteria table split into sub-criteria (no --framework)", () => {
  let a: Analysis;
  beforeAll(async () => {
    a = await check("sub-criteria.xlsx");
  });
  it("is checked with the framework its headers imply: groups, maxima from the headers, scale 50", () => {
    const b = a.blocks[0]!;
    expect(b.kind).toBe("criteria");
    expect(b.framework.scale).toBe(50);
    expect(b.framework.criteria.map((c) => [c.name, c.max, c.group])).toEqual([
      ["1.1 Ban chỉ đạo", "10", "g1"],
      ["1.2 Văn bản chỉ đạo", "20", "g1"],
      ["2.1 Mạng nội bộ", "20", "g2"],
    ]);
    expect(a.findings.some((f) => f.code === "FRAMEWORK_FROM_SHEET")).toBe(true);
  });
  it("reports the seeded group total, percentage and level order, nothing else", () => {
    expect(notInfo(a)).toEqual(["GROUP_TOTAL_MISMATCH@E5", "PERCENT_MISMATCH@J6", "LEVEL_ORDER@K7"]);
  });
});

describe("a table with some of the framework's criteria", () => {
  it("warns naming the missing ones and checks with the sheet's framework (the rest of the scale)", () => {
    // Thừa Thiên Huế 2021's criteria with "Nền tảng và CQ số" renamed: its max is what is left of 100.
    const header = [
      "STT",
      "Đơn vị",
      "Nhận thức",
      "Kiến tạo thể chế",
      "Hạ tầng và nền tảng số",
      "Nền tảng số khác",
      "Dữ liệu số",
      "Hoạt động chính quyền số",
      "An toàn, an ninh mạng",
      "Đào tạo và phát triển CQS",
      "Tổng cộng",
    ];
    const grid = workbook(
      sheet("S", [
        header,
        [1, "Sở A", 8, 5, 10, 50, 5, 12, 6, 2, 98],
        [2, "Sở B", 7, 5, 9, 53, 5, 12, 6, 2, 99],
      ]),
    );
    const a = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
    expect(notInfo(a)).toEqual(["CRITERIA_MISSING@B1", "SCORE_ABOVE_MAX@F3"]);
    expect(a.findings.find((f) => f.code === "CRITERIA_MISSING")!.params.missing).toBe("Nền tảng và CQ số");
    expect(a.blocks[0]!.framework.criteria[3]!.max).toBe("52");
  });
});

describe("levels named Mức 1–4", () => {
  it("a typed 'Mức 2' is the level 'Mức 2', and a wrong one is LEVEL_MISMATCH", () => {
    const framework = frameworkFromJson({
      criteria: [
        { name: "Nhận thức số", max: 50 },
        { name: "Hạ tầng số", max: 50 },
      ],
      levels: [
        { name: "Mức 1", min: 90 },
        { name: "Mức 2", min: 70 },
        { name: "Mức 3", min: 50 },
        { name: "Mức 4" },
      ],
    });
    const grid = workbook(
      sheet("S", [
        ["STT", "Tên đơn vị", "Nhận thức số", "Hạ tầng số", "Tổng điểm", "Mức độ"],
        [1, "Xã A", 40, 40, 80, "Mức 2"],
        [2, "Xã B", 45, 50, 95, "mức 2"],
      ]),
    );
    const a = analyzeWorkbook(grid, framework);
    expect(notInfo(a)).toEqual(["LEVEL_MISMATCH@F3"]);
    expect(a.findings.find((f) => f.code === "LEVEL_MISMATCH")!.params.expected).toBe("Mức 1");
  });
});

describe("extra numeric columns", () => {
  it("get an info finding at their header and are not counted", () => {
    const grid = workbook(
      sheet("S", [
        ["STT", "Đơn vị", ...CRITERIA_HEADERS, "Điểm thưởng", "Tổng cộng"],
        [1, "Sở A", 8, 5, 10, 50, 5, 12, 6, 2, 3, 98],
      ]),
    );
    const a = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
    expect(a.findings.map((f) => `${f.code}@${f.cell}`)).toEqual(["EXTRA_COLUMN@K1"]);
  });
});

describe("named levels and a percentage column in a table of totals (Kon Tum style)", () => {
  const rows = [
    ["STT", "Tên đơn vị", "Tổng điểm (1000 điểm)", "Tỷ lệ (%)", "Xếp loại"],
    [1, "Phường Một", 925.5, 92.55, "Tốt"],
    [2, "Xã Hai", 801, 80.1, "Khá"],
    [3, "Xã Ba", 688.25, 68.83, "Khá"],
    // 495 of 1000 is 49,5 %, typed 49,6.
    [4, "Xã Bốn", 495, 49.6, "Yếu"],
  ];
  it("with no framework: percentages checked against the stated scale, levels for order", () => {
    const a = analyzeWorkbook(workbook(sheet("Xã", rows)), DEFAULT_FRAMEWORK);
    expect(a.tables.map((t) => t.kind)).toEqual(["ranks"]);
    // Xã Ba's 688,25 is 68,825 %: 68,83 at the two decimals its cell shows.
    expect(notInfo(a)).toEqual(["PERCENT_MISMATCH@D5"]);
    expect(a.findings.find((f) => f.code === "PERCENT_MISMATCH")!.params).toMatchObject({
      expected: "49.5",
      actual: "49.6",
    });
  });
  it("with levels on the percentage: Xã Ba's 68,83 % is Trung bình, not Khá", () => {
    const framework = frameworkFromJson({
      name: "Kon Tum (mức theo tỷ lệ)",
      scale: 1000,
      levels: [
        { name: "Tốt", min: 90 },
        { name: "Khá", min: 70 },
        { name: "Trung bình", min: 50 },
        { name: "Yếu" },
      ],
      levelBasis: "percent",
    });
    const a = analyzeWorkbook(workbook(sheet("Xã", rows)), framework);
    expect(notInfo(a)).toEqual(["LEVEL_MISMATCH@E4", "PERCENT_MISMATCH@D5"]);
    expect(a.blocks[0]!.counts.map((c) => c.count)).toEqual([1, 1, 1, 1]);
  });
});

describe("one framework with two indices (tth-2020)", () => {
  it("takes the index of each table's scale: no framework from the sheet, the same single fault", async () => {
    const a = await check("tth-2020-districts.xlsx", libraryFramework("tth-2020")!);
    expect(a.findings.filter((f) => f.code === "FRAMEWORK_FROM_SHEET")).toEqual([]);
    expect(a.blocks.map((b) => b.framework.id)).toEqual(["tth-2020-readiness", "tth-2020"]);
    expect(notInfo(a)).toEqual(["PERCENT_MISMATCH@G19", "TOTAL_MISMATCH@H19"]);
  });
});
