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
import type { WorkbookGrid } from "../../core/grid";
import { errnoCode, WorkbookReadError, type IoProblem } from "./errors";
import { workbookToGrid } from "./grid";

export { OUT_OF_RANGE_DATE, workbookToGrid } from "./grid";

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
      const limit = { kind: "rows", sheet: name, max: limits.maxRowsPerSheet } as const;
      throw new WorkbookReadError("TOO_LARGE", {
        path,
        limit: count.dimension ? { ...limit, dimension: count.dimension } : limit,
      });
    }
    cells += count.cells;
    xmlBytes += count.bytes;
    if (cells > limits.maxCells) {
      throw new WorkbookReadError("TOO_LARGE", { path, limit: { kind: "cells", max: limits.maxCells } });
    }
    if (xmlBytes > limits.maxXmlBytes) {
      throw new WorkbookReadError("TOO_LARGE", {
        path,
        limit: { kind: "xml", maxMb: megabytes(limits.maxXmlBytes) },
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
      throw new WorkbookReadError("NOT_FOUND", { path });
    throw new WorkbookReadError("UNREADABLE", ioProblem(path, code));
  }
  if (stat.isDirectory()) throw new WorkbookReadError("IS_DIRECTORY", { path });
  if (!stat.isFile()) {
    throw new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "notRegularFile" });
  }
  if (stat.size > limits.maxFileBytes) {
    throw new WorkbookReadError("TOO_LARGE", {
      path,
      limit: { kind: "file", mb: megabytes(stat.size), maxMb: megabytes(limits.maxFileBytes) },
    });
  }
  try {
    return await fs.readFile(path);
  } catch (e) {
    const code = errnoCode(e);
    if (code === "EISDIR") throw new WorkbookReadError("IS_DIRECTORY", { path });
    throw new WorkbookReadError("UNREADABLE", ioProblem(path, code));
  }
}

/** An unreadable file's parameters: what the error code says, when there is one. */
function ioProblem(path: string, code: string | undefined): { path: string; problem?: IoProblem } {
  if (code === "EACCES" || code === "EPERM") return { path, problem: { kind: "permission" } };
  if (code === "EBUSY") return { path, problem: { kind: "locked" } };
  return code ? { path, problem: { kind: "errno", code } } : { path };
}

/** Bytes in whole megabytes (1,048,576 bytes). */
function megabytes(bytes: number): number {
  return Math.round(bytes / 1048576);
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
    return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "emptyFile" });
  }
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return undefined;
  if (bytes.subarray(0, 8).equals(OLE2_MAGIC)) {
    // An encrypted OOXML package is an OLE2 compound file with "EncryptionInfo" and
    // "EncryptedPackage" streams; directory entry names are UTF-16LE.
    return bytes.indexOf(ENCRYPTION_INFO_UTF16) >= 0
      ? new WorkbookReadError("ENCRYPTED", { path })
      : new WorkbookReadError("LEGACY_XLS", { path });
  }
  if (bytes.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
    return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "emptyZip" });
  }
  if (looksLikeText(bytes)) {
    const head = bytes
      .subarray(0, 512)
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trimStart()
      .toLowerCase();
    if (head.startsWith("<")) {
      return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "htmlText" });
    }
    return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "plainText" });
  }
  return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "unrecognised" });
}

/** Why a zip that ExcelJS opened holds no worksheet: another zip-based format, or no sheets. */
async function explainEmptyZip(bytes: Buffer, path: string): Promise<WorkbookReadError> {
  let names: string[] = [];
  try {
    const zip = await JSZip.loadAsync(bytes);
    names = Object.keys(zip.files);
  } catch {
    return new WorkbookReadError("CORRUPT", { path });
  }
  const has = (p: string): boolean => names.some((n) => n.toLowerCase().startsWith(p));
  if (has("xl/workbook.bin")) {
    return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "xlsb" });
  }
  if (has("content.xml") && has("mimetype")) {
    return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "ods" });
  }
  if (has("word/") || has("ppt/")) {
    return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "officeDocument" });
  }
  if (has("xl/workbook.xml")) {
    return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "noWorksheet" });
  }
  return new WorkbookReadError("NOT_A_WORKBOOK", { path, kind: "zipWithoutWorkbook" });
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
    throw new WorkbookReadError("CORRUPT", { path, detail: msg });
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
    throw new WorkbookReadError("CORRUPT", { path, detail: oneLine(msg) });
  }
}

/** Reads an .xlsx file into the plain grid. Throws WorkbookReadError for unusable input. */
export async function readWorkbookFile(
  path: string,
  limits: ReadLimits = READ_LIMITS,
): Promise<WorkbookGrid> {
  return (await openWorkbookFile(path, limits)).grid;
}
