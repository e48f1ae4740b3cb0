/**
 * Year over year (src/core/compare.ts): the 2022 example against a previous year built from it
 * (test/core/previous-year.ts). Expected previous totals, ranks and rank changes are derived here,
 * independently: the scenario's predecessor lists, decimal.js means, ranks counted by brute force.
 */
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import * as path from "path";
import { readWorkbookFile, workbookToGrid } from "../../src/adapters/xlsx";
import {
  analyzeWorkbook,
  DEFAULT_FRAMEWORK,
  exactToString,
  exactFromDecimalString,
  type Analysis,
  type WorkbookGrid,
} from "../../src/core";
import {
  blockKind,
  compareAnalyses,
  comparisonJson,
  meanExact,
  pairBlocks,
  planUnitMapSheet,
  unitMapFromJson,
  UnitMapError,
  workbookUnitMap,
  UNIT_MAP_SHEET,
  type Comparison,
} from "../../src/core/compare";
import { comparisonSentences, rankChangeText } from "../../src/core/compareText";
import { COMPARISON_HEADERS, planComparisonSheets } from "../../src/core/comparePlan";
import { buildPreviousYearWorkbook, GONE, MAP, SCENARIO } from "./previous-year";

const ROOT = path.resolve(__dirname, "../..");

let current: Analysis;
let previous: Analysis;
let previousGrid: WorkbookGrid;
let comparison: Comparison;

beforeAll(async () => {
  current = analyzeWorkbook(
    await readWorkbookFile(path.join(ROOT, "examples/hue-2022.xlsx")),
    DEFAULT_FRAMEWORK,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await buildPreviousYearWorkbook().xlsx.writeBuffer());
  previousGrid = workbookToGrid(wb, "hue-2021.xlsx");
  previous = analyzeWorkbook(previousGrid, DEFAULT_FRAMEWORK);
  comparison = compareAnalyses(current, previous, unitMapFromJson(MAP));
});

/** Competition rank by brute force: 1 + how many totals are strictly greater. */
function bruteRank(total: Decimal, all: ReadonlyArray<Decimal>): number {
  return 1 + all.filter((t) => t.gt(total)).length;
}

interface Expected {
  unit: string;
  previousUnit: string | null;
  previousTotal: Decimal | null;
  previousRank: number | null;
  rank: number;
  rankChange: number | null;
}

/** The expected comparison of block `b`, from the scenario and the two years' recomputed totals. */
function expectedBlock(b: number): {
  units: Expected[];
  gone: Array<{ unit: string; total: Decimal; rank: number }>;
} {
  const cur = current.blocks[b]!;
  const prev = previous.blocks[b]!;
  const prevTotal = (name: string): Decimal => {
    const u = prev.units.find((x) => x.name === name);
    if (!u || u.total === undefined) throw new Error(`no previous total for ${name}`);
    return new Decimal(exactToString(u.total));
  };
  const predecessorsOf = (name: string): ReadonlyArray<string> => SCENARIO[b]![name] ?? [name];
  // Every previous unit is a predecessor of exactly one current unit, or gone.
  const covered = [...cur.units.flatMap((u) => predecessorsOf(u.name)), ...GONE[b]!].sort();
  expect(covered).toEqual(prev.units.map((u) => u.name).sort());
  const previousOf = cur.units.map((u) => {
    const preds = predecessorsOf(u.name);
    if (preds.length === 0) return null;
    const sum = preds.reduce((s, n) => s.plus(prevTotal(n)), new Decimal(0));
    return {
      unit: preds.join(" + "),
      total: sum.div(preds.length).toDecimalPlaces(2, Decimal.ROUND_HALF_UP),
    };
  });
  const gone = GONE[b]!.map((n) => ({ unit: n, total: prevTotal(n) }));
  const lastYear = [...previousOf.flatMap((p) => (p ? [p.total] : [])), ...gone.map((g) => g.total)];
  const thisYear = cur.units.map((u) => new Decimal(exactToString(u.total!)));
  return {
    units: cur.units.map((u, i) => {
      const p = previousOf[i];
      const rank = bruteRank(thisYear[i]!, thisYear);
      const previousRank = p ? bruteRank(p.total, lastYear) : null;
      return {
        unit: u.name,
        previousUnit: p?.unit ?? null,
        previousTotal: p?.total ?? null,
        previousRank,
        rank,
        rankChange: previousRank === null ? null : previousRank - rank,
      };
    }),
    gone: gone.map((g) => ({ ...g, rank: bruteRank(g.total, lastYear) })),
  };
}

describe("compareAnalyses on the 2022 example and a previous year built from it", () => {
  it.each([0, 1])("gives every unit of block %i its previous total, rank and rank change", (b) => {
    const expected = expectedBlock(b);
    const json = comparisonJson(comparison).blocks[b]!;
    expect(json.sheet).toBe(current.blocks[b]!.sheet);
    expect(json.units.map((u) => u.unit)).toEqual(expected.units.map((e) => e.unit));
    json.units.forEach((u, i) => {
      const e = expected.units[i]!;
      expect({ unit: u.unit, rank: u.rank, previous: u.previous?.unit ?? null }).toEqual({
        unit: e.unit,
        rank: e.rank,
        previous: e.previousUnit,
      });
      expect(u.previous?.rank ?? null).toBe(e.previousRank);
      expect(u.rankChange).toBe(e.rankChange);
      expect(u.previous === null ? null : new Decimal(String(u.previous.total)).toFixed(2)).toBe(
        e.previousTotal?.toFixed(2) ?? null,
      );
      if (e.previousTotal && u.total !== null) {
        expect(new Decimal(String(u.totalChange)).toFixed(2)).toBe(
          new Decimal(String(u.total)).minus(e.previousTotal).toFixed(2),
        );
      } else expect(u.totalChange).toBeNull();
    });
    expect(
      json.gone.map((g) => ({ unit: g.unit, total: new Decimal(String(g.total)).toFixed(2), rank: g.rank })),
    ).toEqual(expected.gone.map((g) => ({ unit: g.unit, total: g.total.toFixed(2), rank: g.rank })));
  });

  it("covers ties in both years, a merged mean rounded half up, a rename, a new unit and a gone unit", () => {
    const [one, two] = [expectedBlock(0), expectedBlock(1)];
    const ranks = (xs: Array<number | null>): number[] => xs.filter((r): r is number => r !== null);
    const tied = (xs: number[]): boolean => new Set(xs).size < xs.length;
    expect(tied(ranks(one.units.map((u) => u.previousRank)).concat(one.gone.map((g) => g.rank)))).toBe(true);
    expect(tied(ranks(two.units.map((u) => u.previousRank)))).toBe(true);
    expect(tied(one.units.map((u) => u.rank))).toBe(true);
    const json = comparisonJson(comparison).blocks[0]!;
    const unit = (name: string) => json.units.find((u) => u.unit === name)!;
    // 90,25 and 91,00 → 90,625 → 90,63 (half up).
    expect(unit("Sở Ngoại vụ").previous).toMatchObject({
      unit: "Ban Biên giới + Ban Hợp tác quốc tế",
      total: 90.63,
    });
    expect(unit("Sở Xây dựng").previous?.unit).toBe("Sở Xây dựng + Sở Quy hoạch – Kiến trúc");
    expect(unit("Ban Dân tộc").previous?.unit).toBe("Ủy ban Dân tộc tỉnh");
    expect(unit("Sở Du lịch")).toMatchObject({ previous: null, rankChange: null, totalChange: null });
    expect(json.gone.map((g) => g.unit)).toEqual(["Ban Quản lý các khu công nghiệp"]);
    expect(comparison.notices).toEqual([]);
  });

  it("without the mapping, the renamed and merged units are new and their predecessors gone", () => {
    const plain = comparisonJson(compareAnalyses(current, previous)).blocks[0]!;
    expect(plain.units.find((u) => u.unit === "Ban Dân tộc")!.previous).toBeNull();
    expect(plain.units.find((u) => u.unit === "Sở Xây dựng")!.previous?.unit).toBe("Sở Xây dựng");
    expect(plain.gone.map((g) => g.unit).sort()).toEqual(
      [
        "Ban Biên giới",
        "Ban Hợp tác quốc tế",
        "Ban Quản lý các khu công nghiệp",
        "Sở Quy hoạch – Kiến trúc",
        "Ủy ban Dân tộc tỉnh",
      ].sort(),
    );
  });

  it("matches units with the name rules (a ranking-style spelling of last year's name)", () => {
    const renamed = {
      ...previous,
      blocks: previous.blocks.map((b) => ({
        ...b,
        units: b.units.map((u) =>
          u.name === "Sở Lao động – TB&XH" ? { ...u, name: "Sở Lao động, Thương binh và Xã hội" } : u,
        ),
      })),
    };
    const c = comparisonJson(compareAnalyses(current, renamed, unitMapFromJson(MAP))).blocks[0]!;
    expect(c.units.find((u) => u.unit === "Sở Lao động – TB&XH")!.previous?.unit).toBe(
      "Sở Lao động, Thương binh và Xã hội",
    );
  });

  it("reports mapping entries that name no unit", () => {
    const c = compareAnalyses(
      current,
      previous,
      unitMapFromJson({ ...MAP, "Sở Không Có": "Sở Y tế", "Sở Tư pháp": "Sở Mới Lập" }),
    );
    expect(c.notices).toEqual([
      { code: "MAP_OLD_NOT_FOUND", params: { from: "Sở Không Có", to: "Sở Y tế" } },
      { code: "MAP_NEW_NOT_FOUND", params: { from: "Sở Tư pháp", to: "Sở Mới Lập" } },
    ]);
    const json = comparisonJson(c).blocks[0]!;
    expect(json.gone.map((g) => g.unit)).toContain("Sở Tư pháp");
    expect(json.units.find((u) => u.unit === "Sở Tư pháp")!.previous).toBeNull();
  });
});

describe("the pieces", () => {
  it.each([
    [["90.25", "91.00"], "90.63"],
    [["92.77", "92.37"], "92.57"],
    [["1.00", "1.00", "1.01"], "1"],
    [["1.00", "1.01", "1.01"], "1.01"],
    [["0.01", "0.02"], "0.02"],
  ])("meanExact(%j) = %s at 2 decimals, half up", (xs, mean) => {
    expect(exactToString(meanExact(xs.map(exactFromDecimalString), 2))).toBe(mean);
  });

  it.each([
    [3, "tăng 3 bậc", "up 3 places"],
    [-2, "giảm 2 bậc", "down 2 places"],
    [0, "giữ nguyên", "unchanged"],
    [undefined, "đơn vị mới", "new unit"],
  ])("rankChangeText(%p)", (n, vi, en) => {
    expect(rankChangeText(n, "vi")).toBe(vi);
    expect(rankChangeText(n, "en")).toBe(en);
  });

  it("tells departments from districts and communes, and pairs blocks by position and kind", () => {
    expect(blockKind(["Sở Y tế", "Ban Dân tộc", "Văn phòng UBND tỉnh"])).toBe("department");
    expect(blockKind(["Thành phố Huế", "Huyện A Lưới", "Thị xã Hương Trà"])).toBe("district");
    expect(blockKind(["Xã Phú Mậu", "Phường An Cựu", "Thị trấn Sịa"])).toBe("commune");
    expect(pairBlocks(["department", "district"], ["department", "district"])).toEqual([0, 1]);
    expect(pairBlocks(["district", "department"], ["department", "district"])).toEqual([1, 0]);
    expect(pairBlocks(["department", "commune"], ["department"])).toEqual([0, -1]);
  });

  it.each([
    [[], "MAP_NOT_OBJECT"],
    [{ a: 1 }, "MAP_VALUE_NOT_TEXT"],
    [{ " ": "Sở Y tế" }, "MAP_EMPTY_NAME"],
    [{ "Sở Y tế": "A", "Sở  y tế": "B" }, "MAP_DUPLICATE"],
  ])("unitMapFromJson(%j) throws %s", (json, code) => {
    expect(() => unitMapFromJson(json)).toThrow(UnitMapError);
    try {
      unitMapFromJson(json);
    } catch (e) {
      expect((e as UnitMapError).code).toBe(code);
    }
  });

  it("stores the mapping in a very hidden sheet and reads it back", () => {
    const plan = planUnitMapSheet(unitMapFromJson(MAP));
    expect(plan.sheet).toBe(UNIT_MAP_SHEET);
    const grid: WorkbookGrid = {
      name: "x.xlsx",
      sheets: [
        ...previousGrid.sheets,
        { name: plan.sheet, state: "veryHidden", rows: plan.rows.map((r) => r.map((v) => ({ v }))) },
      ],
    };
    expect(workbookUnitMap(grid)).toEqual(unitMapFromJson(MAP));
    expect(workbookUnitMap(previousGrid)).toEqual([]);
    // The mapping sheet is not read as a table.
    expect(analyzeWorkbook(grid, DEFAULT_FRAMEWORK).tables).toEqual(previous.tables);
  });

  it("writes the report sentences in Vietnamese and English", () => {
    const vi = comparisonSentences(comparison.blocks[0]!, "vi").join("\n");
    expect(vi).toMatch(/mức I: 18 \(năm trước \d+\)/);
    expect(vi).toContain("Tăng nhiều bậc nhất: Sở Y tế (tăng 14 bậc, từ hạng 19 lên hạng 5)");
    expect(vi).toContain("Đơn vị mới: Sở Du lịch.");
    expect(vi).toContain("Đơn vị không còn: Ban Quản lý các khu công nghiệp.");
    expect(vi).toContain("Cao nhất: Sở Thông tin và Truyền thông (96,77 điểm)");
    const en = comparisonSentences(comparison.blocks[0]!, "en").join("\n");
    expect(en).toContain("Rose most: Sở Y tế (up 14 places, from 19 to 5)");
    expect(en).toContain("Highest: Sở Thông tin và Truyền thông (96.77)");
  });
});

describe("planComparisonSheets", () => {
  it("plans one sheet per block: moves on top, then the table in this year's rank order", () => {
    const plans = planComparisonSheets(comparison, ["Phụ lục I", "So sánh Phụ lục I"]);
    expect(plans.map((p) => p.name)).toEqual(["So sánh Phụ lục I (2)", "So sánh Phụ lục II"]);
    const rows = plans[0]!.rows.map((r) => r.map((c) => c.v));
    const header = rows.findIndex((r) => r[0] === "STT");
    expect(rows[header]).toEqual([...COMPARISON_HEADERS]);
    expect(rows.slice(0, header).some((r) => String(r[0]).startsWith("Tăng nhiều bậc nhất"))).toBe(true);
    const body = rows.slice(header + 1, header + 1 + 20);
    expect(body.map((r) => r[6])).toEqual([...body.map((r) => r[6])].sort((a, b) => Number(a) - Number(b)));
    const yte = body.find((r) => r[1] === "Sở Y tế")!;
    expect(yte.slice(3)).toEqual([94.25, 89, 5.25, 5, 19, "tăng 14 bậc", "II → I"]);
    const dl = body.find((r) => r[1] === "Sở Du lịch")!;
    expect(dl[2]).toBe("(đơn vị mới)");
    expect(dl[4]).toBeNull();
    expect(rows.some((r) => String(r[0]).includes("Ban Quản lý các khu công nghiệp"))).toBe(true);
  });

  it("a workbook with the comparison sheets added is checked as before (they are the add-in's own)", () => {
    const plans = planComparisonSheets(comparison, []);
    expect(plans.map((p) => p.own)).toEqual(plans.map(() => "comparison"));
    // The adapters read the records back as the grid's own sheets.
    const grid: WorkbookGrid = {
      ownSheets: plans.map((p) => p.name),
      name: "with-comparison.xlsx",
      sheets: [
        ...previousGrid.sheets,
        ...plans.map((p) => ({ name: p.name, rows: p.rows.map((r) => r.map((c) => ({ v: c.v }))) })),
      ],
    };
    const again = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
    expect(again.tables).toEqual(previous.tables);
    expect(again.findings).toEqual(previous.findings);
  });
});
