/** The .xlsx adapter (ExcelJS): workbook file ↔ plain grid, planned sheets → new workbook. */
export {
  OUT_OF_RANGE_DATE,
  READ_LIMITS,
  checkWorkbookSize,
  loadWorkbookFile,
  openWorkbookFile,
  readWorkbookFile,
  type OpenedWorkbook,
  sniffWorkbookBytes,
  workbookToGrid,
  type ReadLimits,
} from "./read";
export { ownSheetsOf } from "./grid";
export {
  WorkbookFileError,
  WorkbookReadError,
  WorkbookWriteError,
  type IoProblem,
  type LostPart,
  type NotWorkbookKind,
  type SizeLimit,
  type WorkbookErrorCode,
  type WorkbookErrorParams,
  type WorkbookReadReason,
  type WorkbookWarning,
  type WorkbookWriteReason,
} from "./errors";
export {
  checkOutputPath,
  findLostParts,
  writeOutputFile,
  type SheetPicture,
  writeRankingWorkbook,
  type WriteRankingOptions,
} from "./write";
