/**
 * .xlsx → plain cell grid (ExcelJS). Input only: no scoring logic here.
 *
 * ExcelJS repeats a merge's master value in every cell of the merge; Office.js does not. The grid
 * keeps the value in the top-left cell only, so both adapters agree (DESIGN.md, "Reading cells").
 */
import { promises as fs } from "fs";
import * as nodePath from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Cell, CellErrorValue, CellRange, CellValue, SheetGrid, WorkbookGrid } from "../../core/grid";
import { ownSheetsFromNames, type DefinedNameRecord } from "../../core/own";

// ---------------------------------------------------------------------------------------------
// Errors

export type WorkbookReadReason =
  /** No such file (ENOENT / ENOTDIR). */
  | "NOT_FOUND"
  /** The path is a directory. */
  | "IS_DIRECTORY"
  /** The file exists but cannot be read (permissions, I/O error). */
  | "UNREADABLE"
  /** An old binary .xls (OLE2 compound file, Excel 97–2003). */
  | "LEGACY_XLS"
  /** A password-protected (encrypted) .xlsx: an OLE2 file holding an EncryptionInfo stream. */
  | "ENCRYPTED"
  /** Not a workbook at all: text/CSV renamed, random bytes, an empty file, another zip format. */
  | "NOT_A_WORKBOOK"
  /** A zip that ExcelJS cannot read: truncated or damaged. */
  | "CORRUPT"
  /** Too large to load safely (a sheet at Excel's row limit, millions of cells): refused before loading. */
  | "TOO_LARGE";

/** An input that cannot be used, with a one-line message in Vietnamese and in English. */
export class WorkbookReadError extends Error {
  readonly reason: WorkbookReadReason;
  readonly messageVi: string;
  readonly messageEn: string;
  readonly path: string;

  constructor(reason: WorkbookReadReason, path: string, detail?: { vi: string; en: string }) {
    const { vi, en } = readMessages(reason, path, detail);
    super(en);
    this.name = "WorkbookReadError";
    this.reason = reason;
    this.messageVi = vi;
    this.messageEn = en;
    this.path = path;
  }
}

function readMessages(
  reason: WorkbookReadReason,
  path: string,
  detail?: { vi: string; en: string },
): { vi: string; en: string } {
  const p = `"${path}"`;
  const dv = detail ? ` (${detail.vi})` : "";
  const de = detail ? ` (${detail.en})` : "";
  switch (reason) {
    case "NOT_FOUND":
      return { vi: `Không tìm thấy tệp ${p}.`, en: `File not found: ${p}.` };
    case "IS_DIRECTORY":
      return {
        vi: `${p} là một thư mục, không phải tệp Excel .xlsx.`,
        en: `${p} is a directory, not an .xlsx file.`,
      };
    case "UNREADABLE":
      return {
        vi: `Không đọc được tệp ${p}${dv || " (không có quyền đọc?)"}.`,
        en: `Cannot read ${p}${de || " (no read permission?)"}.`,
      };
    case "LEGACY_XLS":
      return {
        vi: `${p} là tệp .xls cũ (Excel 97–2003) hoặc tệp .xlsx có đặt mật khẩu (cả hai đều là tệp OLE2): hãy mở trong Excel và lưu lại dạng .xlsx, không đặt mật khẩu.`,
        en: `${p} is an old .xls file (Excel 97–2003) or a password-protected .xlsx (both are OLE2 files): open it in Excel and save it as .xlsx without a password.`,
      };
    case "ENCRYPTED":
      return {
        vi: `${p} là tệp .xlsx được bảo vệ bằng mật khẩu (đã mã hóa): hãy mở trong Excel, bỏ mật khẩu rồi lưu lại.`,
        en: `${p} is a password-protected (encrypted) .xlsx: open it in Excel, remove the password and save it again.`,
      };
    case "NOT_A_WORKBOOK":
      return {
        vi: `${p} không phải là tệp Excel .xlsx${dv}.`,
        en: `${p} is not an Excel .xlsx workbook${de}.`,
      };
    case "CORRUPT":
      return {
        vi: `Tệp ${p} bị hỏng hoặc không đầy đủ, không đọc được${dv}.`,
        en: `${p} is damaged or incomplete and cannot be read${de}.`,
      };
    case "TOO_LARGE":
      return {
        vi: `Tệp ${p} quá lớn để đọc an toàn${dv}: hãy xóa các dòng, cột thừa (hoặc tách tệp) rồi thử lại.`,
        en: `${p} is too large to read safely${de}: delete the unused rows and columns (or split the file) and try again.`,
      };
  }
}

function errnoCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string"
    ? e.code
    : undefined;
}

// ---------------------------------------------------------------------------------------------
// Opening a file

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from("PK\x03\x04", "latin1");
const EMPTY_ZIP_MAGIC = Buffer.from("PK\x05\x06", "latin1");
const ENCRYPTION_INFO_UTF16 = Buffer.from("EncryptionInfo", "utf16le");

// ---------------------------------------------------------------------------------------------
// Size limits

/**
 * What a read may hold before ExcelJS loads it. ExcelJS keeps every cell as an object (about
 * 300 bytes each) and the grid adds its own: past these limits the file is refused with a one-line
 * message instead of running out of memory. The largest design case, 10,000 units, is about
 * 110,000 cells; a sheet at Excel's row limit has 1,048,576 rows.
 */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  readonly maxFileBytes: number;
  /** Most rows (`<row>` elements) in one worksheet. */
  readonly maxRowsPerSheet: number;
  /** Most cells (`<c>` elements) in the whole workbook. */
  readonly maxCells: number;
  /** Most bytes of worksheet and shared-string XML once decompressed (a zip bomb stops here). */
  readonly maxXmlBytes: number;
}

export const READ_LIMITS: ReadLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxRowsPerSheet: 200_000,
  maxCells: 2_000_000,
  maxXmlBytes: 1024 * 1024 * 1024,
};

/** 200000 → "200.000" (Vietnamese) or "200,000" (English). */
function formatCount(n: number, sep: "." | ","): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS_PART = /^xl\/sharedstrings\.xml$/i;
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const CELL_TAG = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;
const DIMENSION = /<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref="([^"]*)"/;

function decodeXmlText(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Sheet names by worksheet part ("xl/worksheets/sheet1.xml" → "Phụ lục I"), as far as they can be read. */
async function sheetNamesByPart(zip: JSZip): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  try {
    const workbook = await zip.file("xl/workbook.xml")?.async("string");
    const rels = await zip.file("xl/_rels/workbook.xml.rels")?.async("string");
    if (!workbook || !rels) return names;
    const targets = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
      if (id && target) {
        const t = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
        targets.set(id, nodePath.posix.normalize(t).toLowerCase());
      }
    }
    for (const m of workbook.matchAll(/<(?:[A-Za-z_][\w.-]*:)?sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]*)"/.exec(m[0])?.[1];
      const part = id ? targets.get(id) : undefined;
      if (name !== undefined && part) names.set(part, decodeXmlText(name));
    }
  } catch {
    // Names are for the message only.
  }
  return names;
}

interface PartCount {
  rows: number;
  cells: number;
  bytes: number;
  dimension?: string;
  stopped: boolean;
}

/** Streams one part, counting rows and cells, until the end or until `stop` says enough. */
function countPart(file: JSZip.JSZipObject, stop: (c: PartCount) => boolean): Promise<PartCount> {
  const count: PartCount = { rows: 0, cells: 0, bytes: 0, stopped: false };
  // JSZip's stream (readable-stream 2) has no async iterator: events, and pause() to stop early.
  const stream = file.nodeStream("nodebuffer");
  let carry = "";
  return new Promise<PartCount>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => {
      if (count.stopped) return;
      count.bytes += chunk.length;
      // Tags are ASCII: latin1 keeps one character per byte and never splits a tag name.
      const text = carry + chunk.toString("latin1");
      const cut = text.lastIndexOf("<");
      const done = cut < 0 ? "" : text.slice(0, cut);
      carry = cut < 0 ? "" : text.slice(cut);
      if (count.dimension === undefined) {
        const d = DIMENSION.exec(done);
        if (d) count.dimension = d[1];
      }
      count.rows += (done.match(ROW_TAG) ?? []).length;
      count.cells += (done.match(CELL_TAG) ?? []).length;
      if (stop(count)) {
        // The rest is never decompressed: the paused stream stops pulling from the zip.
        count.stopped = true;
        stream.pause();
        stream.removeAllListeners();
        resolve(count);
      }
    });
    stream.on("end", () => {
      if (count.stopped) return;
      count.rows += (carry.match(ROW_TAG) ?? []).length;
      count.cells += (carry.match(CELL_TAG) ?? []).length;
      resolve(count);
    });
    stream.on("error", (e: Error) => {
      if (!count.stopped) reject(e);
    });
  });
}

/**
 * Refuses, before ExcelJS loads it, a workbook whose sheets hold more rows or cells than a read
 * can hold in memory. Streams each worksheet's XML (constant memory) and stops at the first limit
 * crossed. A zip that cannot be opened here is left for ExcelJS to report.
 */
export async function checkWorkbookSize(
  bytes: Buffer,
  path: string,
  limits: ReadLimits = READ_LIMITS,
): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return;
  }
  const parts = Object.keys(zip.files).filter((n) => WORKSHEET_PART.test(n) || SHARED_STRINGS_PART.test(n));
  let names: Map<string, string> | undefined;
  const sheetName = async (part: string): Promise<string> => {
    names ??= await sheetNamesByPart(zip);
    return names.get(part.toLowerCase()) ?? part;
  };
  let cells = 0;
  let xmlBytes = 0;
  for (const part of parts) {
    const file = zip.file(part);
    if (!file || file.dir) continue;
    const isSheet = WORKSHEET_PART.test(part);
    let count: PartCount;
    try {
      count = await countPart(
        file,
        (c) =>
          (isSheet && c.rows > limits.maxRowsPerSheet) ||
          cells + c.cells > limits.maxCells ||
          xmlBytes + c.bytes > limits.maxXmlBytes,
      );
    } catch {
      return; // a damaged part: ExcelJS gives the CORRUPT message
    }
    if (isSheet && count.rows > limits.maxRowsPerSheet) {
      const name = await sheetName(part);
      const dim = count.dimension ? `, ${count.dimension}` : "";
      throw new WorkbookReadError("TOO_LARGE", path, {
        vi: `trang tính "${name}" có hơn ${formatCount(limits.maxRowsPerSheet, ".")} dòng${dim}`,
        en: `sheet "${name}" has more than ${formatCount(limits.maxRowsPerSheet, ",")} rows${dim}`,
      });
    }
    cells += count.cells;
    xmlBytes += count.bytes;
    if (cells > limits.maxCells) {
      throw new WorkbookReadError("TOO_LARGE", path, {
        vi: `sổ tính có hơn ${formatCount(limits.maxCells, ".")} ô dữ liệu`,
        en: `the workbook has more than ${formatCount(limits.maxCells, ",")} cells`,
      });
    }
    if (xmlBytes > limits.maxXmlBytes) {
      throw new WorkbookReadError("TOO_LARGE", path, {
        vi: `dữ liệu giải nén vượt ${Math.round(limits.maxXmlBytes / 1048576)} MB`,
        en: `more than ${Math.round(limits.maxXmlBytes / 1048576)} MB once decompressed`,
      });
    }
  }
}

/** Reads the bytes of a file, mapping file-system failures to WorkbookReadError. */
async function readBytes(path: string, limits: ReadLimits = READ_LIMITS): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    const code = errnoCode(e);
    if (code === "ENOENT" || code === "ENOTDIR" || path === "")
      throw new WorkbookReadError("NOT_FOUND", path);
    throw new WorkbookReadError("UNREADABLE", path, ioDetail(code));
  }
  if (stat.isDirectory()) throw new WorkbookReadError("IS_DIRECTORY", path);
  if (!stat.isFile()) {
    throw new WorkbookReadError("NOT_A_WORKBOOK", path, {
      vi: "không phải tệp thông thường",
      en: "not a regular file",
    });
  }
  if (stat.size > limits.maxFileBytes) {
    const mb = (n: number): number => Math.round(n / 1048576);
    throw new WorkbookReadError("TOO_LARGE", path, {
      vi: `${mb(stat.size)} MB, giới hạn ${mb(limits.maxFileBytes)} MB`,
      en: `${mb(stat.size)} MB, the limit is ${mb(limits.maxFileBytes)} MB`,
    });
  }
  try {
    return await fs.readFile(path);
  } catch (e) {
    const code = errnoCode(e);
    if (code === "EISDIR") throw new WorkbookReadError("IS_DIRECTORY", path);
    throw new WorkbookReadError("UNREADABLE", path, ioDetail(code));
  }
}

function ioDetail(code: string | undefined): { vi: string; en: string } | undefined {
  if (code === "EACCES" || code === "EPERM") return { vi: "không có quyền đọc", en: "permission denied" };
  if (code === "EBUSY")
    return { vi: "tệp đang bị chương trình khác khóa", en: "the file is locked by another program" };
  return code ? { vi: `lỗi ${code}`, en: `error ${code}` } : undefined;
}

/** Looks like text: a BOM, or no NUL bytes and few control characters in the first 4 KB. */
function looksLikeText(bytes: Buffer): boolean {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return true;
  if (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  ) {
    return true;
  }
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= n / 100;
}

/**
 * Checks the magic bytes before ExcelJS sees the file: only a zip ("PK\x03\x04") can be an .xlsx.
 * Returns the error to throw, or undefined when the bytes may be an .xlsx.
 */
export function sniffWorkbookBytes(bytes: Buffer, path: string): WorkbookReadError | undefined {
  if (bytes.length === 0) {
    return new WorkbookReadError("NOT_A_WORKBOOK", path, { vi: "tệp rỗng, 0 byte", en: "the file is empty" });
  }
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return undefined;
  if (bytes.subarray(0, 8).equals(OLE2_MAGIC)) {
    // An encrypted OOXML package is an OLE2 compound file with "EncryptionInfo" and
    // "EncryptedPackage" streams; directory entry names are UTF-16LE.
    return bytes.indexOf(ENCRYPTION_INFO_UTF16) >= 0
      ? new WorkbookReadError("ENCRYPTED", path)
      : new WorkbookReadError("LEGACY_XLS", path);
  }
  if (bytes.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
    return new WorkbookReadError("NOT_A_WORKBOOK", path, { vi: "tệp zip rỗng", en: "an empty zip file" });
  }
  if (looksLikeText(bytes)) {
    const head = bytes
      .subarray(0, 512)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trimStart()
      .toLowerCase();
    if (head.startsWith("<")) {
      return new WorkbookReadError("NOT_A_WORKBOOK", path, {
        vi: "nội dung là văn bản HTML/XML, có thể là tệp đổi đuôi; hãy mở trong Excel và lưu lại dạng .xlsx",
        en: "it holds HTML/XML text, probably a renamed file; open it in Excel and save it as .xlsx",
      });
    }
    return new WorkbookReadError("NOT_A_WORKBOOK", path, {
      vi: "nội dung là văn bản, có thể là tệp CSV đổi đuôi; hãy mở trong Excel và lưu lại dạng .xlsx",
      en: "it holds plain text, perhaps a renamed CSV; open it in Excel and save it as .xlsx",
    });
  }
  return new WorkbookReadError("NOT_A_WORKBOOK", path, {
    vi: "định dạng không nhận ra được",
    en: "unrecognised format",
  });
}

/** Why a zip that ExcelJS opened holds no worksheet: another zip-based format, or no sheets. */
async function explainEmptyZip(bytes: Buffer, path: string): Promise<WorkbookReadError> {
  let names: string[] = [];
  try {
    const zip = await JSZip.loadAsync(bytes);
    names = Object.keys(zip.files);
  } catch {
    return new WorkbookReadError("CORRUPT", path);
  }
  const has = (p: string): boolean => names.some((n) => n.toLowerCase().startsWith(p));
  if (has("xl/workbook.bin")) {
    return new WorkbookReadError("NOT_A_WORKBOOK", path, {
      vi: "đây là tệp .xlsb nhị phân; hãy lưu lại dạng .xlsx",
      en: "it is a binary .xlsb workbook; save it as .xlsx",
    });
  }
  if (has("content.xml") && has("mimetype")) {
    return new WorkbookReadError("NOT_A_WORKBOOK", path, {
      vi: "đây là tệp OpenDocument (.ods); hãy lưu lại dạng .xlsx",
      en: "it is an OpenDocument file (.ods); save it as .xlsx",
    });
  }
  if (has("word/") || has("ppt/")) {
    return new WorkbookReadError("NOT_A_WORKBOOK", path, {
      vi: "đây là tài liệu Word/PowerPoint",
      en: "it is a Word/PowerPoint document",
    });
  }
  if (has("xl/workbook.xml")) {
    return new WorkbookReadError("NOT_A_WORKBOOK", path, {
      vi: "sổ tính không có trang tính dữ liệu nào",
      en: "the workbook has no worksheet",
    });
  }
  return new WorkbookReadError("NOT_A_WORKBOOK", path, {
    vi: "là tệp zip nhưng không chứa sổ tính Excel",
    en: "a zip file without an Excel workbook inside",
  });
}

/**
 * Opens an .xlsx with ExcelJS. Every failure is a WorkbookReadError (never a raw stack trace).
 * Also returns the file's bytes, for callers that inspect the package (the writer's warnings).
 */
export async function loadWorkbookFile(
  path: string,
  limits: ReadLimits = READ_LIMITS,
): Promise<{ workbook: ExcelJS.Workbook; bytes: Buffer }> {
  const bytes = await readBytes(path, limits);
  const sniffed = sniffWorkbookBytes(bytes, path);
  if (sniffed) throw sniffed;
  await checkWorkbookSize(bytes, path, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    const msg = oneLine(e instanceof Error ? e.message : String(e));
    throw new WorkbookReadError("CORRUPT", path, { vi: `chi tiết: ${msg}`, en: msg });
  }
  if (workbook.worksheets.length === 0) throw await explainEmptyZip(bytes, path);
  return { workbook, bytes };
}

function oneLine(s: string): string {
  const line = s.split(/\r?\n/, 1)[0] ?? "";
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** A workbook opened once: its grid, and the loaded ExcelJS workbook and bytes for a later write. */
export interface OpenedWorkbook {
  readonly grid: WorkbookGrid;
  readonly loaded: { readonly workbook: ExcelJS.Workbook; readonly bytes: Buffer };
}

/** Opens an .xlsx file: the plain grid plus what was loaded. Throws WorkbookReadError. */
export async function openWorkbookFile(
  path: string,
  limits: ReadLimits = READ_LIMITS,
): Promise<OpenedWorkbook> {
  const loaded = await loadWorkbookFile(path, limits);
  try {
    return { grid: workbookToGrid(loaded.workbook, nodePath.basename(path)), loaded };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new WorkbookReadError("CORRUPT", path, { vi: oneLine(msg), en: oneLine(msg) });
  }
}

/** Reads an .xlsx file into the plain grid. Throws WorkbookReadError for unusable input. */
export async function readWorkbookFile(
  path: string,
  limits: ReadLimits = READ_LIMITS,
): Promise<WorkbookGrid> {
  return (await openWorkbookFile(path, limits)).grid;
}

// ---------------------------------------------------------------------------------------------
// Workbook → grid

const EMPTY: Cell = Object.freeze({ v: null });
const EMPTY_ROW: ReadonlyArray<Cell> = Object.freeze([]);
/** Error values are few: share one object per code. */
const ERRORS = new Map<string, CellErrorValue>();

function errorValue(code: string): CellErrorValue {
  let e = ERRORS.get(code);
  if (!e) {
    e = Object.freeze({ error: code });
    ERRORS.set(code, e);
  }
  return e;
}

const { ValueType } = ExcelJS;

/** Plain text of a string, rich text `{richText:[{text}]}`, or anything ExcelJS puts in a text slot. */
function plainText(x: unknown): string {
  if (typeof x === "string") return x;
  if (x === null || x === undefined) return "";
  if (typeof x === "object") {
    if ("richText" in x && Array.isArray(x.richText)) {
      let s = "";
      for (const run of x.richText as ReadonlyArray<{ text?: unknown }>) {
        if (typeof run.text === "string") s += run.text;
      }
      return s;
    }
    if ("text" in x) return plainText(x.text);
  }
  return String(x);
}

/**
 * What Excel shows for a date outside its range (a huge number formatted as a date). ExcelJS turns
 * such a value into an invalid Date, which the grid never carries: it becomes this text, so a
 * score cell holding it is reported as not a number, as the user sees it in Excel.
 */
export const OUT_OF_RANGE_DATE = "########";

function dateValue(d: Date): Date | string {
  return Number.isNaN(d.getTime()) ? OUT_OF_RANGE_DATE : d;
}

/** A formula's stored result (or a plain value) as a grid value; undefined/absent → null. */
function toValue(x: unknown): CellValue {
  if (x === null || x === undefined) return null;
  switch (typeof x) {
    case "number":
    case "boolean":
    case "string":
      return x;
    case "object":
      if (x instanceof Date) return dateValue(x);
      if ("error" in x && typeof x.error === "string") return errorValue(x.error);
      if ("richText" in x || "text" in x) return plainText(x);
      return null;
    default:
      return null;
  }
}

function cellOf(v: CellValue, f: string | undefined, fmt: string | undefined): Cell {
  if (f === undefined) return fmt === undefined ? { v } : { v, fmt };
  return fmt === undefined ? { v, f } : { v, f, fmt };
}

function convertCell(cell: ExcelJS.Cell): Cell {
  const numFmt = cell.numFmt;
  const fmt = numFmt && numFmt !== "General" ? numFmt : undefined;
  switch (cell.type) {
    case ValueType.Null:
      return EMPTY;
    case ValueType.Number:
    case ValueType.String:
    case ValueType.Boolean:
      return cellOf(cell.value as CellValue, undefined, fmt);
    case ValueType.Date:
      return cellOf(toValue(cell.value), undefined, fmt);
    case ValueType.Formula: {
      // cell.value drops a falsy result (0, false, ""): read formula and result directly.
      const raw = cell.formula;
      const f = typeof raw === "string" ? (raw.startsWith("=") ? raw.slice(1) : raw) : "";
      return cellOf(toValue(cell.result), f, fmt);
    }
    case ValueType.Error:
      return cellOf(toValue(cell.value), undefined, fmt);
    case ValueType.RichText:
    case ValueType.Hyperlink:
    case ValueType.SharedString:
      return cellOf(plainText(cell.value), undefined, fmt);
    default:
      return cellOf(toValue(cell.value), undefined, fmt);
  }
}

interface MergeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function sheetToGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: ReadonlyArray<Cell>[] = [];
  // Merges rebuilt from the cells ExcelJS marks as merged into a master (public API only).
  const merges = new Map<ExcelJS.Cell, MergeBox>();

  ws.eachRow((row, rowNumber) => {
    const r = rowNumber - 1;
    while (rows.length < r) rows.push(EMPTY_ROW);
    const cells: Cell[] = [];
    row.eachCell((cell, colNumber) => {
      const c = colNumber - 1;
      while (cells.length < c) cells.push(EMPTY);
      if (cell.type === ValueType.Merge) {
        // ExcelJS repeats the master's value here: only the top-left cell carries it.
        const master = cell.master as ExcelJS.Cell | undefined;
        if (!master) {
          cells.push(EMPTY);
          return;
        }
        let box = merges.get(master);
        if (!box) {
          const at = master.fullAddress;
          box = { top: at.row - 1, left: at.col - 1, bottom: at.row - 1, right: at.col - 1 };
          merges.set(master, box);
        }
        if (r > box.bottom) box.bottom = r;
        if (c > box.right) box.right = c;
        cells.push(EMPTY);
        return;
      }
      cells.push(convertCell(cell));
    });
    rows.push(cells);
  });

  const mergeList: CellRange[] = [...merges.values()].sort((a, b) => a.top - b.top || a.left - b.left);
  const state = ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
  return { name: ws.name, state, rows, top: 0, left: 0, merges: mergeList };
}

/** Converts a loaded ExcelJS workbook into the plain grid, sheets in workbook order. */
export function workbookToGrid(wb: ExcelJS.Workbook, name: string): WorkbookGrid {
  const sheets = wb.worksheets.map(sheetToGrid);
  const ownSheets = ownSheetsOf(wb);
  return ownSheets.length > 0 ? { name, sheets, ownSheets } : { name, sheets };
}

/** The sheets the workbook's defined names record as the add-in's own (core/own.ts). */
export function ownSheetsOf(wb: ExcelJS.Workbook): string[] {
  let model: ReadonlyArray<{ name?: unknown; ranges?: unknown }> = [];
  try {
    model = (wb.definedNames as unknown as { model: typeof model }).model ?? [];
  } catch {
    return [];
  }
  const names: DefinedNameRecord[] = [];
  for (const n of model) {
    if (typeof n.name !== "string" || !Array.isArray(n.ranges)) continue;
    for (const r of n.ranges) if (typeof r === "string") names.push({ name: n.name, reference: r });
  }
  return ownSheetsFromNames(names).map((o) => o.sheet);
}
