/**
 * The framework a workbook implies (`inferFramework`): the one `check` applies, as one framework;
 * checking with it (saved to JSON and read back) finds the same errors and warnings, code and cell.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import fc from "fast-check";
import { readWorkbookFile, WorkbookReadError } from "../../src/adapters/xlsx";
import { analyzeWorkbook, type Analysis } from "../../src/core/analyze";
import {
  DEFAULT_FRAMEWORK,
  frameworkFromJson,
  frameworkToJson,
  type Framework,
} from "../../src/core/framework";
import type { WorkbookGrid } from "../../src/core/grid";
import { inferFramework, inferFromAnalysis, InferError } from "../../src/core/infer";
import { workbookFramework } from "../../src/core/settings";
import { allWorkbooks, FRAMEWORK_FIXTURES, HUE_2022, ROOT } from "../fixtures/locate";
import { runs } from "../properties/arbitraries";
import { sheet, workbook } from "./build-grid";
import { bookSpec, buildBook } from "./infer-sheets";

/** Generated workbooks checked by the round-trip property (each is checked twice or more). */
const INFER_RUNS = 150;

const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "framework.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);

const notInfo = (a: Analysis): string[] =>
  a.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.sheet}!${f.cell}`);

/**
 * Checking the grid with the framework inferred from its check `before` (through JSON) finds what
 * that check found.
 */
function expectRoundTrip(grid: WorkbookGrid, before: Analysis): Framework {
  const inferred = inferFromAnalysis(before);
  const json = JSON.parse(JSON.stringify(frameworkToJson(inferred)));
  expect(validate(json)).toBe(true);
  const after = analyzeWorkbook(grid, frameworkFromJson(json));
  expect(notInfo(after)).toEqual(notInfo(before));
  expect(after.blocks.map((b) => b.units.map((u) => u.total?.toString()))).toEqual(
    before.blocks.map((b) => b.units.map((u) => u.total?.toString())),
  );
  return inferred;
}

describe("inferFramework", () => {
  it.each(allWorkbooks().map((f) => [path.relative(ROOT, f), f] as const))(
    "%s: checking with the inferred framework (through JSON) finds the same errors and warnings",
    async (_, file) => {
      let grid;
      try {
        grid = await readWorkbookFile(file);
      } catch (e) {
        // Not a workbook (hostile/corrupt.xlsx, …): read as one, refused as one.
        expect(e).toBeInstanceOf(WorkbookReadError);
        return;
      }
      const given = workbookFramework(grid) ?? DEFAULT_FRAMEWORK;
      const before = analyzeWorkbook(grid, given);
      // A workbook that check reads no table of (dti-2022.xlsx without its framework): none either.
      if (before.blocks.length === 0) {
        expect(() => inferFramework(grid, given)).toThrow(InferError);
        return;
      }
      expectRoundTrip(grid, before);
    },
    // Workbooks such as hostile/far-cell.xlsx are checked twice or more, with other suites beside.
    60_000,
  );

  it("other-columns.xlsx: the 2021 framework for the full table, the sheet's as an index for the other", async () => {
    const grid = await readWorkbookFile(path.join(FRAMEWORK_FIXTURES, "other-columns.xlsx"));
    const fw = expectRoundTrip(grid, analyzeWorkbook(grid, DEFAULT_FRAMEWORK));
    expect(fw.name).toBe(DEFAULT_FRAMEWORK.name);
    expect(fw.criteria.map((c) => c.name)).toEqual(DEFAULT_FRAMEWORK.criteria.map((c) => c.name));
    expect(fw.indices).toHaveLength(1);
    expect(fw.indices![0]!.criteria.map((c) => c.aliases[0])[3]).toBe("Nền tảng số khác");
    expect(fw.indices![0]!.criteria.map((c) => c.max)).toEqual(["8", "5", "10", "52", "5", "12", "6", "2"]);
  });

  it("generated sheets (criteria of their own or the library's, sub-criteria, max-points rows, “(8 điểm)” headers, percentages, levels, one or two tables): checking with the inferred framework finds what check finds", () => {
    fc.assert(
      fc.property(bookSpec, (spec) => {
        const grid = buildBook(spec);
        // Every generated table is one the check reads (else the property would say little).
        const before = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
        expect(before.blocks).toHaveLength(spec.tables.length);
        const fw = expectRoundTrip(grid, before);
        // Each table's criteria and maxima are those of the framework or one of its indices.
        const plainName = (n: string): string => n.replace(/^\d+(\.\d+)*\s*/, "");
        const described = [fw, ...(fw.indices ?? [])].map((f) =>
          JSON.stringify(f.criteria.map((c) => [plainName(c.name), c.max])),
        );
        for (const t of spec.tables)
          expect(described).toContain(JSON.stringify(t.crit.map((c) => [c.name, String(c.max)])));
      }),
      runs(INFER_RUNS),
    );
  }, 60_000);

  it("the 2022 decision: tth-2021, the framework check applies", async () => {
    const grid = await readWorkbookFile(HUE_2022);
    const fw = inferFramework(grid, DEFAULT_FRAMEWORK);
    expect(fw.id).toBe("tth-2021");
    expect(fw.criteria.map((c) => c.max)).toEqual(["8", "5", "10", "52", "5", "12", "6", "2"]);
  });

  it("sub-criteria.xlsx: the sheet's criteria, groups and maxima, its levels in order", async () => {
    const grid = await readWorkbookFile(path.join(FRAMEWORK_FIXTURES, "sub-criteria.xlsx"));
    const fw = inferFramework(grid, DEFAULT_FRAMEWORK);
    expect(fw.id).toBeUndefined();
    expect(fw.scale).toBe(50);
    expect(fw.groups?.map((g) => g.aliases[0])).toEqual([
      "1. Nhận thức số (30 điểm)",
      "2. Hạ tầng số (20 điểm)",
    ]);
    expect(fw.criteria.map((c) => [c.aliases[0], c.max, c.group])).toEqual([
      ["1.1 Ban chỉ đạo (10đ)", "10", "g1"],
      ["1.2 Văn bản chỉ đạo (20đ)", "20", "g1"],
      ["2.1 Mạng nội bộ (20đ)", "20", "g2"],
    ]);
    expect(fw.levels?.map((l) => l.name)).toEqual(["Tốt", "Khá"]);
    expect(fw.levels?.every((l) => l.min === undefined)).toBe(true);
  });

  it("an index applies, as edited, to the table whose header it describes", async () => {
    const grid = await readWorkbookFile(path.join(FRAMEWORK_FIXTURES, "sub-criteria.xlsx"));
    const own = inferFramework(grid, DEFAULT_FRAMEWORK);
    // The sheet's framework as an index of the default, its levels given bounds.
    const edited: Framework = {
      ...DEFAULT_FRAMEWORK,
      indices: [{ ...own, levels: [{ name: "Tốt", min: "45" }, { name: "Khá" }] }],
    };
    const a = analyzeWorkbook(grid, frameworkFromJson(JSON.parse(JSON.stringify(frameworkToJson(edited)))));
    expect(a.blocks[0]!.levelBoundsKnown).toBe(true);
    const codes = a.findings.map((f) => `${f.code}@${f.cell}`);
    // Xã Bắc's 35 points are "Khá" under the edited bounds; the order alone is no longer the question.
    expect(codes).toContain("LEVEL_MISMATCH@K7");
    expect(codes).not.toContain("LEVEL_ORDER@K7");
    expect(codes.some((c) => c.startsWith("FRAMEWORK_FROM_SHEET"))).toBe(false);
  });

  it("tth-2020-districts.xlsx: two tables of two scales, one framework with an index", async () => {
    const grid = await readWorkbookFile(path.join(FRAMEWORK_FIXTURES, "tth-2020-districts.xlsx"));
    const fw = inferFramework(grid, DEFAULT_FRAMEWORK);
    expect([fw.scale, ...(fw.indices ?? []).map((i) => i.scale)]).toEqual([50, 100]);
    expect(fw.kind).toBe("results");
  });

  it("a workbook without a table: InferError", () => {
    const grid = workbook(sheet("Trống", [["Không có gì ở đây"]]));
    expect(() => inferFramework(grid, DEFAULT_FRAMEWORK)).toThrow(InferError);
  });
});
