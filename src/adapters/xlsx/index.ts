/** The .xlsx adapter (ExcelJS): workbook file ↔ plain grid, planned sheets → new workbook. */
export {
  OUT_OF_RANGE_DATE,
  READ_LIMITS,
  WorkbookReadError,
  checkWorkbookSize,
  loadWorkbookFile,
  openWorkbookFile,
  readWorkbookFile,
  type OpenedWorkbook,
  sniffWorkbookBytes,
  workbookToGrid,
  type ReadLimits,
  type WorkbookReadReason,
} from "./read";
export { ownSheetsOf } from "./grid";
export {
  WorkbookFileError,
  type LostPart,
  type WorkbookErrorCode,
  type WorkbookErrorParams,
  type WorkbookWarning,
} from "./errors";
export {
  WorkbookWriteError,
  checkOutputPath,
  findLostParts,
  writeOutputFile,
  type SheetPicture,
  writeRankingWorkbook,
  type WorkbookWriteReason,
  type WriteRankingOptions,
} from "./write";
