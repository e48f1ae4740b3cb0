/** The .xlsx adapter (ExcelJS): workbook file ↔ plain grid, planned sheets → new workbook. */
export {
  WorkbookReadError,
  loadWorkbookFile,
  readWorkbookFile,
  sniffWorkbookBytes,
  workbookToGrid,
  type WorkbookReadReason,
} from "./read";
export {
  WorkbookWriteError,
  findLostParts,
  writeRankingWorkbook,
  type WorkbookWriteReason,
  type WriteRankingOptions,
} from "./write";
