import { promises as fs } from "fs";
import * as os from "os";
import * as nodePath from "path";
import ExcelJS from "exceljs";

/** A fresh temp directory for one test file; removed by `cleanup`. */
export async function makeTempDir(prefix: string): Promise<string> {
  return fs.mkdtemp(nodePath.join(os.tmpdir(), `cqs-xlsx-${prefix}-`));
}

export async function cleanup(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

export async function saveWorkbook(wb: ExcelJS.Workbook, path: string): Promise<string> {
  await wb.xlsx.writeFile(path);
  return path;
}

export async function loadExcel(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}
