/**
 * The framework a workbook implies (`inferFramework`): the one `check` applies, as one framework;
 * checking with it (saved to JSON and read back) finds the same errors and warnings, code and cell.
 */
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { readWorkbookFile, WorkbookReadError } from "../../src/adapters/xlsx";
import { analyzeWorkbook, type Analysis } from "../../src/core/analyze";
import { DEFAULT_FRAMEWORK, frameworkFromJson, frameworkToJson } from "../../src/core/framework";
import { inferFramework, InferError } from "../../src/core/infer";
import { workbookFramework } from "../../src/core/settings";
import { HOSTILE, HUE_2022, VARIANTS } from "../fixtures/locate";
import { sheet, workbook } from "./build-grid";

const ROOT = path.resolve(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures", "frameworks");
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "schemas", "framework.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);

const notInfo = (a: Analysis): string[] =>
  a.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.sheet}!${f.cell}`);

const files = [
  ...fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(FIXTURES, f)),
  HUE_2022,
  // The variants and hostile workbooks: other layouts, faults and wordings of the same tables.
  ...[VARIANTS, HOSTILE].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => path.join(dir, f)),
  ),
];

/**
 * Known gap (noted in the closing note, issue 14 left open): a workbook mixing a table that has all
 * of the library framework's criteria with one that has only some (other-columns.xlsx) is checked
 * with two frameworks, but infer gives one, so checking with it differs. The case stays visible:
 * the test below fails the day infer covers it, and then joins the others.
 */
const KNOWN_INFER_GAPS = new Set(["other-columns.xlsx"]);

describe("inferFramework", () => {
  it.each(
    files.filter((f) => KNOWN_INFER_GAPS.has(path.basename(f))).map((f) => [path.basename(f), f] as const),
  )(
    "%s (known gap): checking with the inferred framework finds other errors than check does",
    async (_, file) => {
      const grid = await readWorkbookFile(file);
      const plain = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
      const after = analyzeWorkbook(
        grid,
        frameworkFromJson(
          JSON.parse(JSON.stringify(frameworkToJson(inferFramework(grid, DEFAULT_FRAMEWORK)))),
        ),
      );
      // Documents the gap: the inferred framework changes what is found.
      expect(notInfo(after)).not.toEqual(notInfo(plain));
    },
  );

  it.each(
    files.filter((f) => !KNOWN_INFER_GAPS.has(path.basename(f))).map((f) => [path.basename(f), f] as const),
  )(
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
      const inferred = inferFramework(grid, given);
      const json = JSON.parse(JSON.stringify(frameworkToJson(inferred)));
      expect(validate(json)).toBe(true);
      const back = frameworkFromJson(json);
      const after = analyzeWorkbook(grid, back);
      expect(notInfo(after)).toEqual(notInfo(before));
      expect(after.blocks.map((b) => b.units.map((u) => u.total?.toString()))).toEqual(
        before.blocks.map((b) => b.units.map((u) => u.total?.toString())),
      );
    },
  );

  it("the 2022 decision: tth-2021, the framework check applies", async () => {
    const grid = await readWorkbookFile(HUE_2022);
    const fw = inferFramework(grid, DEFAULT_FRAMEWORK);
    expect(fw.id).toBe("tth-2021");
    expect(fw.criteria.map((c) => c.max)).toEqual(["8", "5", "10", "52", "5", "12", "6", "2"]);
  });

  it("sub-criteria.xlsx: the sheet's criteria, groups and maxima, its levels in order", async () => {
    const grid = await readWorkbookFile(path.join(FIXTURES, "sub-criteria.xlsx"));
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

  it("tth-2020-districts.xlsx: two tables of two scales, one framework with an index", async () => {
    const grid = await readWorkbookFile(path.join(FIXTURES, "tth-2020-districts.xlsx"));
    const fw = inferFramework(grid, DEFAULT_FRAMEWORK);
    expect([fw.scale, ...(fw.indices ?? []).map((i) => i.scale)]).toEqual([50, 100]);
    expect(fw.kind).toBe("results");
  });

  it("a workbook without a table: InferError", () => {
    const grid = workbook(sheet("Trống", [["Không có gì ở đây"]]));
    expect(() => inferFramework(grid, DEFAULT_FRAMEWORK)).toThrow(InferError);
  });
});
