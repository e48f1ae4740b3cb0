/**
 * Reads last year's .xlsx (the file the user picked) into a plain grid, in the pane. Loaded only
 * when a file is picked, with `import()`: ExcelJS goes into a chunk of its own and the pane's first
 * load does not grow.
 */
import ExcelJS from "exceljs";
import type { WorkbookGrid } from "../core";
import { workbookToGrid } from "../adapters/xlsx/grid";

/** The picked file as a grid. Throws when it is not an .xlsx workbook ExcelJS can open. */
export async function readPreviousYearFile(bytes: ArrayBuffer, name: string): Promise<WorkbookGrid> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  if (workbook.worksheets.length === 0) throw new Error("no worksheet");
  return workbookToGrid(workbook, name);
}
