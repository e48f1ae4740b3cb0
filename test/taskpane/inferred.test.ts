/**
 * "Dùng bộ tiêu chí của bảng này": the pane offers, from its last check (through the Office
 * adapter and the Excel double), the framework `cqs framework infer` prints for the same workbook.
 */
import * as path from "path";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { validateWorkbook } from "../../src/adapters/office/operations";
import { frameworkToJson } from "../../src/core/framework";
import { inferFromAnalysis } from "../../src/core/infer";
import { fromWorkbookGrid } from "../../src/excel-double/fake-excel";
import { setup } from "../adapters/office/helpers";
import { cqs } from "../cli/helpers";
import { FRAMEWORK_FIXTURES, HUE_2022 } from "../fixtures/locate";

const files = [
  ...["sub-criteria.xlsx", "other-columns.xlsx", "tth-2020-districts.xlsx", "named-levels.xlsx"].map((f) =>
    path.join(FRAMEWORK_FIXTURES, f),
  ),
  HUE_2022,
];

describe("the pane's inferred framework", () => {
  it.each(files.map((f) => [path.basename(f), f] as const))(
    "%s: the same as cqs framework infer",
    async (_, file) => {
      const grid = await readWorkbookFile(file);
      const { host } = setup(fromWorkbookGrid(grid));
      const { analysis } = await validateWorkbook(host);
      const pane = inferFromAnalysis(analysis);
      const cli = await cqs("framework", "infer", file);
      expect(cli.code).toBe(0);
      expect(JSON.parse(JSON.stringify(frameworkToJson(pane)))).toEqual(JSON.parse(cli.out));
    },
  );
});
