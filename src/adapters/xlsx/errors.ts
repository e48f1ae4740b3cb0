/**
 * What the .xlsx adapter reports: a workbook file it cannot read or write, and what a write could
 * not carry over, as codes with typed parameters. The words are the command's (src/cli/text.ts,
 * one dictionary per language); the adapter holds none.
 */

/** Why a file is not a workbook the adapter can read. */
export type NotWorkbookKind =
  | "emptyFile"
  | "notRegularFile"
  | "emptyZip"
  | "htmlText"
  | "plainText"
  | "unrecognised"
  | "xlsb"
  | "ods"
  | "officeDocument"
  | "noWorksheet"
  | "zipWithoutWorkbook";

/** Why a file cannot be read: no permission, locked, or another I/O error code (EIO, …). */
export type IoProblem =
  | { readonly kind: "permission" }
  | { readonly kind: "locked" }
  | { readonly kind: "errno"; readonly code: string };

/** The limit a workbook crossed (ReadLimits). */
export type SizeLimit =
  | { readonly kind: "rows"; readonly sheet: string; readonly max: number; readonly dimension?: string }
  | { readonly kind: "cells"; readonly max: number }
  | { readonly kind: "xml"; readonly maxMb: number }
  | { readonly kind: "file"; readonly mb: number; readonly maxMb: number };

/** Parameters of the read codes; every code also carries the path it is about. */
export interface WorkbookReadParams {
  /** No such file (ENOENT / ENOTDIR). */
  readonly NOT_FOUND: object;
  /** The path is a directory. */
  readonly IS_DIRECTORY: object;
  /** The file exists but cannot be read (permissions, I/O error). */
  readonly UNREADABLE: { readonly problem?: IoProblem };
  /** An old binary .xls (OLE2 compound file, Excel 97–2003). */
  readonly LEGACY_XLS: object;
  /** A password-protected (encrypted) .xlsx: an OLE2 file holding an EncryptionInfo stream. */
  readonly ENCRYPTED: object;
  /** Not a workbook at all: text/CSV renamed, random bytes, an empty file, another zip format. */
  readonly NOT_A_WORKBOOK: { readonly kind: NotWorkbookKind };
  /** A zip that ExcelJS cannot read: truncated or damaged (`detail`: the library's own line). */
  readonly CORRUPT: { readonly detail?: string };
  /** Too large to load safely (a sheet at Excel's row limit, millions of cells): refused before loading. */
  readonly TOO_LARGE: { readonly limit: SizeLimit };
}

/** Parameters of the write codes. */
export interface WorkbookWriteParams {
  /** The output exists and `force` was not given. */
  readonly OUT_EXISTS: object;
  /** The output is the input file (same real path or same file). */
  readonly SAME_AS_INPUT: object;
  /** The output path is a directory. */
  readonly OUT_IS_DIRECTORY: object;
  /** The output's directory does not exist. */
  readonly OUT_DIR_MISSING: object;
  /** A planned sheet name is not a valid, free Excel sheet name. */
  readonly BAD_SHEET_NAME: { readonly name: string };
  /** Writing failed (permissions, disk full, …): `detail` is the system's own line. */
  readonly WRITE_FAILED: { readonly detail: string };
}

/** Parameters by code. */
export interface WorkbookErrorParamsByCode extends WorkbookReadParams, WorkbookWriteParams {}

export type WorkbookErrorCode = keyof WorkbookErrorParamsByCode;
export type WorkbookReadReason = keyof WorkbookReadParams;
export type WorkbookWriteReason = keyof WorkbookWriteParams;
export type WorkbookErrorParams<C extends WorkbookErrorCode> = WorkbookErrorParamsByCode[C] & {
  readonly path: string;
};

/**
 * A workbook file the adapter cannot read or write: a code, the path, and the code's parameters.
 * Its `message` names the code and path only (for a log); people read the CLI's words.
 */
export class WorkbookFileError<C extends WorkbookErrorCode = WorkbookErrorCode> extends Error {
  readonly path: string;
  constructor(
    readonly reason: C,
    readonly params: WorkbookErrorParams<C>,
  ) {
    super(`${reason}: "${params.path}"`);
    this.name = new.target.name;
    this.path = params.path;
  }
}

/** An input that cannot be used. */
export class WorkbookReadError<
  C extends WorkbookReadReason = WorkbookReadReason,
> extends WorkbookFileError<C> {}

/** An output that cannot be written. */
export class WorkbookWriteError<
  C extends WorkbookWriteReason = WorkbookWriteReason,
> extends WorkbookFileError<C> {}

/** Parts of an .xlsx package that ExcelJS drops when it re-saves the workbook. */
export type LostPart =
  | "charts"
  | "pivotTables"
  | "slicers"
  | "vbaMacros"
  | "controls"
  | "externalLinks"
  | "connections"
  | "threadedComments"
  | "shapes";

/** A warning of a write: the input's parts the new file will not have. */
export interface WorkbookWarning {
  readonly code: "LOST_PARTS";
  readonly parts: ReadonlyArray<LostPart>;
  /** The output path as given. */
  readonly out: string;
}

/** The system error code of a failed file operation ("ENOENT", "EACCES", …), if any. */
export function errnoCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string"
    ? e.code
    : undefined;
}
