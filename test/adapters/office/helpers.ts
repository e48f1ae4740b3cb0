/**
 * Shared set-up for the Office adapter tests: the example workbook and generated ones, loaded into
 * the in-memory Excel double (src/excel-double/fake-excel.ts).
 */
import type { Cell, WorkbookGrid } from "../../../src/core/grid";
import { DEFAULT_FRAMEWORK } from "../../../src/core";
import { readWorkbookFile } from "../../../src/adapters/xlsx";
import type { Capabilities, ExcelHost } from "../../../src/adapters/office/operations";
import {
  createFakeExcel,
  fromWorkbookGrid,
  type FakeExcel,
  type FakeExcelOptions,
  type FakeWorkbookInit,
} from "../../../src/excel-double/fake-excel";
import { EXAMPLE } from "../../fixtures/locate";

export { EXAMPLE };

/** A current Microsoft 365 Excel. */
export const MODERN: Capabilities = {
  undoGroup: true,
  cellProperties: true,
  mergedAreas: true,
  customFunctions: true,
};
/** An older perpetual Excel (e.g. 2016/2019): no undo grouping, no merged-area reads, no custom functions. */
export const OLD: Capabilities = {
  undoGroup: false,
  cellProperties: true,
  mergedAreas: false,
  customFunctions: false,
};

let example: Promise<WorkbookGrid> | undefined;

/** The example workbook (the 2022 decision's appendices), read once by the .xlsx adapter. */
export function exampleGrid(): Promise<WorkbookGrid> {
  example ??= readWorkbookFile(EXAMPLE);
  return example;
}

export interface Setup {
  readonly fake: FakeExcel;
  readonly host: ExcelHost;
}

export function setup(
  init: FakeWorkbookInit,
  capabilities: Capabilities = MODERN,
  options: FakeExcelOptions = {},
): Setup {
  const fake = createFakeExcel(init, options);
  return {
    fake,
    host: {
      Excel: fake.Excel as unknown as typeof Excel,
      capabilities,
      workbookName: init.name ?? "test.xlsx",
    },
  };
}

export async function setupExample(
  capabilities: Capabilities = MODERN,
  options: FakeExcelOptions = {},
  extra: Partial<FakeWorkbookInit> = {},
): Promise<Setup> {
  return setup({ ...fromWorkbookGrid(await exampleGrid()), ...extra }, capabilities, options);
}

/** Criterion scores that add up to `total` hundredths-exactly, within each criterion's max. */
function scoresFor(i: number): number[] {
  const maxes = DEFAULT_FRAMEWORK.criteria.map((c) => Number(c.max));
  // Vary the big criterion (max 52) so totals spread over all four levels and ties occur.
  const platforms = 12 + ((i * 37) % 4001) / 100; // 12.00 … 52.00: totals 60 … 100
  return maxes.map((m, k) => (k === 3 ? Math.min(52, platforms) : m));
}

/**
 * A sheet with one criteria table of `units` units (STT, Đơn vị, the 8 criteria, Tổng cộng), like
 * the decision's appendix, totals typed and right. Unit names can be given (e.g. one starting "=").
 */
export function generatedWorkbook(units: number, names?: (i: number) => string): WorkbookGrid {
  const header: Array<Cell | undefined> = [
    { v: "STT" },
    { v: "Đơn vị" },
    ...DEFAULT_FRAMEWORK.criteria.map((c) => ({ v: c.name })),
    { v: "Tổng cộng" },
  ];
  const rows: Array<Array<Cell | undefined>> = [
    [{ v: "KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ CHÍNH QUYỀN SỐ (SỐ LIỆU THỬ)" }],
    [{ v: "1. Kết quả đánh giá các tiêu chí" }],
    header,
  ];
  for (let i = 0; i < units; i++) {
    const scores = scoresFor(i);
    const hundredths = scores.reduce((a, s) => a + Math.round(s * 100), 0);
    rows.push([
      { v: i + 1 },
      { v: names ? names(i) : `Đơn vị số ${i + 1}` },
      ...scores.map((s) => ({ v: s })),
      { v: hundredths / 100, fmt: "0.00" },
    ]);
  }
  return { name: `generated-${units}.xlsx`, sheets: [{ name: "Bảng điểm", rows }] };
}

/** Every user sheet's fills (the double's own bookkeeping, not an Office read). */
export function allFills(fake: FakeExcel): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const name of fake.workbook.sheetNames()) out[name] = fake.workbook.fills(name);
  return out;
}
