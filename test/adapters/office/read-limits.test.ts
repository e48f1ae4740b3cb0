/**
 * Reads at Excel's limits, against the double: more than 512 merged areas on a sheet, values
 * that come back null for a range too big, and used ranges inflated by formatting alone.
 */
import type { Cell, CellRange, WorkbookGrid } from "../../../src/core/grid";
import { MERGE_HEADER_ROWS, readWorkbookGrid } from "../../../src/adapters/office/read";
import { validateWorkbook } from "../../../src/adapters/office/operations";
import { fromWorkbookGrid, MAX_MERGED_AREAS } from "../../../src/excel-double/fake-excel";
import { generatedWorkbook, setup } from "./helpers";

/** A form sheet: `count` merged pairs (B:C) from row `from` (0-based) down, each with a label. */
function formSheet(count: number, from: number): WorkbookGrid["sheets"][number] {
  const rows: Array<Array<Cell | undefined>> = [];
  const merges: CellRange[] = [];
  for (let i = 0; i < from + count; i++) rows.push([{ v: `Dòng ${i + 1}` }, { v: "x" }, undefined]);
  for (let i = 0; i < count; i++) merges.push({ top: from + i, left: 1, bottom: from + i, right: 2 });
  return { name: "Biểu mẫu", rows, merges };
}

function withForm(count: number, from: number): WorkbookGrid {
  const grid = generatedWorkbook(20);
  return { ...grid, sheets: [...grid.sheets, formSheet(count, from)] };
}

async function read(grid: WorkbookGrid, options = {}) {
  const { fake } = setup(fromWorkbookGrid(grid), undefined, options);
  const result = await fake.Excel.run((ctx) =>
    readWorkbookGrid(ctx as unknown as Excel.RequestContext, grid.name, { mergedAreas: true }),
  );
  return { fake, grid: result.grid };
}

describe("more than 512 merged areas", () => {
  it("the double refuses the merges of a range with more than 512, like Excel", async () => {
    for (const count of [MAX_MERGED_AREAS, MAX_MERGED_AREAS + 1]) {
      const { fake } = setup(fromWorkbookGrid(withForm(count, 0)));
      const load = fake.Excel.run(async (ctx) => {
        const areas = ctx.workbook.worksheets
          .getItem("Biểu mẫu")
          .getRange("A1:C600")
          .getMergedAreasOrNullObject();
        areas.load("areaCount");
        await ctx.sync();
        return areas.areaCount;
      });
      if (count > MAX_MERGED_AREAS) await expect(load).rejects.toMatchObject({ code: "GeneralException" });
      else await expect(load).resolves.toBe(count);
    }
  });

  it("reads the sheet again asking for the merges of its top rows, in one more sync", async () => {
    const { fake, grid } = await read(withForm(600, 10));
    expect(fake.stats.syncs).toBe(3);
    expect(fake.stats.requests.filter((r) => r.error).length).toBe(1);
    const form = grid.sheets.find((s) => s.name === "Biểu mẫu")!;
    expect(form.rows).toHaveLength(610);
    // The merges of the first MERGE_HEADER_ROWS rows are kept.
    expect(form.merges).toHaveLength(MERGE_HEADER_ROWS - 10);
    expect(form.merges![0]).toEqual({ top: 10, left: 1, bottom: 10, right: 2 });
  });

  it("reads without merges when even the top rows hold more than 512", async () => {
    const many = formSheet(0, 0);
    const rows = Array.from({ length: 20 }, () => Array.from({ length: 80 }, () => ({ v: "x" })));
    const merges: CellRange[] = [];
    for (let r = 0; r < 20; r++)
      for (let c = 0; c < 80; c += 2) merges.push({ top: r, left: c, bottom: r, right: c + 1 });
    const grid = generatedWorkbook(5);
    const { fake, grid: read3 } = await read({
      ...grid,
      sheets: [...grid.sheets, { ...many, rows, merges }],
    });
    expect(merges.length).toBeGreaterThan(512);
    expect(fake.stats.syncs).toBe(4);
    const form = read3.sheets.find((s) => s.name === "Biểu mẫu")!;
    expect(form.rows).toHaveLength(20);
    expect(form.merges).toEqual([]);
  });

  it("leaves validation at 2 syncs, with the same findings, below the limit", async () => {
    const few = withForm(MAX_MERGED_AREAS, 0);
    const { fake, host } = setup(fromWorkbookGrid(few));
    const result = await validateWorkbook(host);
    expect(fake.stats.syncs).toBe(2);
    const over = withForm(MAX_MERGED_AREAS + 1, 0);
    const other = setup(fromWorkbookGrid(over));
    const again = await validateWorkbook(other.host);
    expect(other.fake.stats.syncs).toBe(3);
    expect(again.analysis.findings).toEqual(result.analysis.findings);
    expect(again.analysis.blocks).toEqual(result.analysis.blocks);
  });
});

describe("values that come back null", () => {
  it("reads in chunks, halving them until Excel returns values, with the same grid", async () => {
    const grid = generatedWorkbook(300);
    const whole = await read(grid);
    const { fake, grid: chunked } = await read(grid, { nullValuesAboveCells: 500 });
    expect(chunked).toEqual(whole.grid);
    // Each chunk that came back null was asked again in halves.
    expect(fake.stats.syncs).toBeGreaterThan(4);
  });
});

describe("used range by values", () => {
  it("ignores cells that carry only a format far below the table", async () => {
    const grid = generatedWorkbook(10);
    const sheet = grid.sheets[0]!;
    const rows = [...sheet.rows];
    rows[99_999] = [{ v: null, fmt: "0.00" }];
    const formatted: WorkbookGrid = { ...grid, sheets: [{ ...sheet, rows }] };
    const { grid: got } = await read(formatted);
    expect(got.sheets[0]!.rows).toHaveLength(sheet.rows.length);
  });
});
