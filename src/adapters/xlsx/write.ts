/**
 * Planned ranking sheets → a new .xlsx (ExcelJS). Output only: the core decides what goes where.
 *
 * Safety: the input file is only read; the output is written to a temp file in the same
 * directory and renamed into place; an existing output is refused unless `force`; the input
 * path is refused as output always.
 */
import { randomBytes } from "crypto";
import { constants as fsConstants, promises as fs } from "fs";
import * as nodePath from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { a1, a1Range } from "../../core/grid";
import { planOwnSheetRecords } from "../../core/own";
import { isSheetName } from "../../core/plan";
import { mmToInches, type PlannedCell, type PlannedPrint, type PlannedSheet } from "../../core/writes";
import { errnoCode, WorkbookWriteError, type LostPart, type WorkbookWarning } from "./errors";
import { loadWorkbookFile } from "./read";

function shortMessage(e: unknown): string {
  const code = errnoCode(e);
  const msg = e instanceof Error ? e.message : String(e);
  const line = msg.split(/\r?\n/, 1)[0] ?? "";
  return code && !line.includes(code) ? `${code}: ${line}` : line;
}

// ---------------------------------------------------------------------------------------------
// Parts ExcelJS cannot carry over

/** The package parts of each kind that ExcelJS does not carry over. */
const LOST_PARTS: ReadonlyArray<{ readonly part: LostPart; readonly test: (name: string) => boolean }> = [
  { part: "charts", test: (n) => /^xl\/(charts\/chart[^/]*\.xml|chartsheets\/)/i.test(n) },
  { part: "pivotTables", test: (n) => /^xl\/pivot(tables|cache)\//i.test(n) },
  { part: "slicers", test: (n) => /^xl\/(slicers|slicercaches|timelines|timelinecaches)\//i.test(n) },
  { part: "vbaMacros", test: (n) => /^xl\/vbaproject\.bin$/i.test(n) },
  { part: "controls", test: (n) => /^xl\/(activex|ctrlprops)\//i.test(n) },
  { part: "externalLinks", test: (n) => /^xl\/externallinks\//i.test(n) },
  { part: "connections", test: (n) => /^xl\/(connections\.xml$|querytables\/|model\/)/i.test(n) },
  { part: "threadedComments", test: (n) => /^xl\/threadedcomments\//i.test(n) },
];

/** Drawing parts with shapes, text boxes, SmartArt or charts (ExcelJS keeps pictures only). */
const DRAWING_PART = /^xl\/drawings\/drawing[^/]*\.xml$/i;
const SHAPE_ELEMENT = /<(?:\w+:)?(?:sp|grpSp|cxnSp|graphicFrame)[\s>]/;

/**
 * The kinds of parts of an .xlsx package that ExcelJS drops when it re-saves the workbook (empty
 * when there is nothing to lose).
 */
export async function findLostParts(bytes: Buffer): Promise<LostPart[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return [];
  }
  const names = Object.keys(zip.files);
  const found: LostPart[] = [];
  for (const { part, test } of LOST_PARTS) if (names.some(test)) found.push(part);
  const drawings = names.filter((n) => DRAWING_PART.test(n));
  for (const n of drawings) {
    const file = zip.file(n);
    if (!file) continue;
    const xml = await file.async("string");
    if (SHAPE_ELEMENT.test(xml)) {
      found.push("shapes");
      break;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Paths

async function exists(p: string): Promise<boolean> {
  try {
    await fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}

/** The real path of a file that may not exist yet: real path of its folder + its name. */
async function realPathOf(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    const dir = nodePath.dirname(nodePath.resolve(p));
    try {
      return nodePath.join(await fs.realpath(dir), nodePath.basename(p));
    } catch {
      return nodePath.resolve(p);
    }
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if ((await realPathOf(a)) === (await realPathOf(b))) return true;
  try {
    const [sa, sb] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino; // hard links, case-insensitive file systems
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets

function checkSheetNames(
  sheets: ReadonlyArray<PlannedSheet>,
  existing: ReadonlyArray<string>,
  out: string,
): void {
  const used = new Set(existing.map((n) => n.toLowerCase()));
  for (const s of sheets) {
    const n = s.name;
    if (!isSheetName(n) || used.has(n.toLowerCase()))
      throw new WorkbookWriteError("BAD_SHEET_NAME", { path: out, name: n });
    used.add(n.toLowerCase());
  }
}

const THIN: Partial<ExcelJS.Border> = { style: "thin" };
const THIN_BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN } as Partial<ExcelJS.Borders>;

/** One style object per distinct look, shared by the cells that have it. */
function styleFor(
  p: PlannedCell,
  cache: Map<string, Partial<ExcelJS.Style>>,
  font?: PlannedPrint["font"],
): Partial<ExcelJS.Style> {
  const isText = typeof p.v === "string";
  const numFmt = isText ? "@" : p.fmt;
  const fill = p.fill && /^#?[0-9a-f]{6}$/i.test(p.fill) ? p.fill.replace("#", "").toUpperCase() : undefined;
  const key = `${numFmt ?? ""}|${p.bold ? 1 : 0}${p.italic ? 1 : 0}${p.border ? 1 : 0}${p.wrap ? 1 : 0}${p.link ? 1 : 0}|${p.align ?? ""}|${p.valign ?? ""}|${fill ?? ""}`;
  let style = cache.get(key);
  if (style) return style;
  const s: Partial<ExcelJS.Style> = {};
  if (numFmt) s.numFmt = numFmt;
  if (p.bold || p.italic || font || p.link) {
    const f: Partial<ExcelJS.Font> = {};
    if (font) {
      f.name = font.name;
      f.size = font.size;
    }
    if (p.bold) f.bold = true;
    if (p.italic) f.italic = true;
    if (p.link) {
      f.underline = true;
      f.color = { argb: "FF0563C1" };
    }
    s.font = f;
  }
  if (p.align || p.wrap || p.valign) {
    const alignment: Partial<ExcelJS.Alignment> = {};
    if (p.align) alignment.horizontal = p.align;
    if (p.valign) alignment.vertical = p.valign;
    if (p.wrap) alignment.wrapText = true;
    s.alignment = alignment;
  }
  if (p.border) s.border = THIN_BOX;
  if (fill) s.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill}` } };
  style = s;
  cache.set(key, style);
  return style;
}

/**
 * Characters XML 1.0 cannot hold: C0 controls (ExcelJS drops them silently), U+FFFE and U+FFFF
 * (ExcelJS writes them raw, and the file no longer opens), lone surrogates. A name read from a
 * cell may hold them (an .xlsx escapes them as `_x001B_`); they are written as U+FFFD, visibly.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** What ExcelJS does not repair by itself in the input's own cells. */
const BREAKS_XML = /[\uFFFE\uFFFF]/;

export function xmlSafeText(s: string): string {
  return s.replace(NOT_XML, "\uFFFD");
}

/**
 * The input's cells are written back as ExcelJS read them: a text holding U+FFFE or U+FFFF
 * (decoded from `_xFFFE_`) would make the whole output unreadable, so it gets U+FFFD instead.
 */
function repairInputText(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === "string") {
          if (BREAKS_XML.test(v)) cell.value = xmlSafeText(v);
        } else if (v && typeof v === "object" && "richText" in v && Array.isArray(v.richText)) {
          if (v.richText.some((r) => BREAKS_XML.test(r.text))) {
            cell.value = { richText: v.richText.map((r) => ({ ...r, text: xmlSafeText(r.text) })) };
          }
        } else if (v && typeof v === "object" && "formula" in v && typeof v.result === "string") {
          if (BREAKS_XML.test(v.result)) cell.value = { ...v, result: xmlSafeText(v.result) };
        }
      });
    });
  }
}

function addPlannedSheet(wb: ExcelJS.Workbook, sheet: PlannedSheet): void {
  const ws = wb.addWorksheet(sheet.name);
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const font = sheet.print?.font;
  sheet.rows.forEach((row, r) => {
    const xrow = ws.getRow(r + 1);
    const height = sheet.rowHeights?.[r];
    if (height !== undefined && Number.isFinite(height) && height > 0) xrow.height = height;
    row.forEach((p, c) => {
      const cell = xrow.getCell(c + 1);
      // A string is always a string value (shared string), never a formula, whatever it starts with.
      if (typeof p.v === "string") {
        const text = xmlSafeText(p.v);
        cell.value = p.link ? { text, hyperlink: `#${xmlSafeText(p.link)}` } : text;
      } else if (typeof p.v === "number" && Number.isFinite(p.v)) cell.value = p.v;
      else cell.value = null;
      const style = styleFor(p, styles, font);
      if (Object.keys(style).length > 0) cell.style = style;
      if (p.note) cell.note = xmlSafeText(p.note);
    });
  });
  for (const m of sheet.merges) {
    if (m.top === m.bottom && m.left === m.right) continue;
    // Each cell keeps its planned style (borders on every cell of a merged header).
    ws.mergeCellsWithoutStyle(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  sheet.columnWidths.forEach((w, i) => {
    if (Number.isFinite(w) && w > 0) ws.getColumn(i + 1).width = w;
  });
  const freeze = sheet.freezeRows ?? 0;
  const showGridLines = sheet.print ? sheet.print.gridlines : true;
  if (freeze > 0) {
    ws.views = [
      {
        state: "frozen",
        xSplit: 0,
        ySplit: freeze,
        topLeftCell: a1(freeze, 0),
        activeCell: "A1",
        showGridLines,
      },
    ];
  } else if (!showGridLines) {
    ws.views = [{ showGridLines }];
  }
  if (sheet.print) applyPrint(ws, sheet.print);
}

/** The planned print setup on an ExcelJS sheet (A4 = paper size 9). */
function applyPrint(ws: ExcelJS.Worksheet, print: PlannedPrint): void {
  const m = print.marginsMm;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: 0,
    horizontalCentered: true,
    showGridLines: print.gridlines,
    printArea: a1Range(print.printArea),
    ...(print.titleRows
      ? { printTitlesRow: `${print.titleRows.top + 1}:${print.titleRows.bottom + 1}` }
      : {}),
    margins: {
      top: mmToInches(m.top),
      bottom: mmToInches(m.bottom),
      left: mmToInches(m.left),
      right: mmToInches(m.right),
      header: mmToInches(m.header),
      footer: mmToInches(m.footer),
    },
  };
  if (print.pageNumbersFromPage2) {
    ws.headerFooter = {
      ...ws.headerFooter,
      differentFirst: true,
      firstHeader: "",
      oddHeader: `&C&"${print.font.name},Regular"&${print.font.size}&P`,
    };
  }
}

/** Records the planned sheets marked as the add-in's own as defined names of the workbook. */
function recordOwnSheets(wb: ExcelJS.Workbook, sheets: ReadonlyArray<PlannedSheet>): void {
  const own = sheets.filter((s) => s.own !== undefined).map((s) => ({ name: s.name, kind: s.own! }));
  if (own.length === 0) return;
  const model = (wb.definedNames as unknown as { model?: Array<{ name?: string }> }).model ?? [];
  const taken = model.map((n) => n.name ?? "");
  for (const record of planOwnSheetRecords(own, taken)) wb.definedNames.add(record.reference, record.name);
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface WriteRankingOptions {
  readonly inputPath: string;
  readonly outPath: string;
  readonly sheets: PlannedSheet[];
  /** Write the planned sheets alone, in a new workbook (for inputs with parts ExcelJS drops). */
  readonly separate: boolean;
  /** Overwrite an existing `outPath` (never the input). */
  readonly force: boolean;
  /**
   * The input as already loaded (openWorkbookFile), so it is not parsed twice; it gets the new
   * sheets added. Without it the input is loaded here.
   */
  readonly loaded?: { readonly workbook: ExcelJS.Workbook; readonly bytes: Buffer };
  /** A picture per planned sheet (same order; undefined for none): the block's chart. */
  readonly pictures?: ReadonlyArray<SheetPicture | undefined>;
}

/**
 * Writes a new workbook: the input's sheets plus the planned sheets (or, with `separate`, the
 * planned sheets alone). Returns the absolute path written and warnings (parts of the input that
 * ExcelJS could not carry over). Throws WorkbookWriteError / WorkbookReadError.
 */
export async function writeRankingWorkbook(
  opts: WriteRankingOptions,
): Promise<{ written: string; warnings: WorkbookWarning[] }> {
  const { inputPath, outPath, separate, force } = opts;
  // A sheet name made from a title in the input may hold characters XML cannot.
  const sheets = opts.sheets.map((s) => {
    const name = xmlSafeText(s.name);
    return name === s.name ? s : { ...s, name };
  });
  const out = await checkOutputPath(inputPath, outPath, force);

  const warnings: WorkbookWarning[] = [];
  let wb: ExcelJS.Workbook;
  if (separate) {
    wb = new ExcelJS.Workbook();
  } else {
    const loaded = opts.loaded ?? (await loadWorkbookFile(inputPath));
    wb = loaded.workbook;
    repairInputText(wb);
    const lost = await findLostParts(loaded.bytes);
    if (lost.length > 0) warnings.push({ code: "LOST_PARTS", parts: lost, out: outPath });
  }
  checkSheetNames(
    sheets,
    wb.worksheets.map((w) => w.name),
    outPath,
  );

  let buffer: Buffer;
  try {
    for (const s of sheets) addPlannedSheet(wb, s);
    if (opts.pictures) addSheetPictures(wb, sheets, opts.pictures);
    recordOwnSheets(wb, sheets);
    buffer = Buffer.from(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new WorkbookWriteError("WRITE_FAILED", { path: outPath, detail: shortMessage(e) });
  }

  await placeOutput(out, outPath, buffer, force);
  return { written: out, warnings };
}

/**
 * Checks an output path before any work: not the input, not a directory, its folder exists, and
 * it does not exist unless `force`. Returns the absolute path. Throws WorkbookWriteError.
 */
export async function checkOutputPath(inputPath: string, outPath: string, force: boolean): Promise<string> {
  const out = nodePath.resolve(outPath);
  if (await sameFile(inputPath, out)) throw new WorkbookWriteError("SAME_AS_INPUT", { path: outPath });
  let outStat;
  try {
    outStat = await fs.stat(out);
  } catch {
    outStat = undefined;
  }
  if (outStat?.isDirectory()) throw new WorkbookWriteError("OUT_IS_DIRECTORY", { path: outPath });
  if (outStat && !force) throw new WorkbookWriteError("OUT_EXISTS", { path: outPath });
  const dir = nodePath.dirname(out);
  try {
    if (!(await fs.stat(dir)).isDirectory()) throw new Error("not a directory");
  } catch {
    throw new WorkbookWriteError("OUT_DIR_MISSING", { path: outPath });
  }
  return out;
}

/** Writes the bytes to a temp file beside `out` and moves it into place (never over a file without `force`). */
async function placeOutput(out: string, outPath: string, buffer: Buffer, force: boolean): Promise<void> {
  const tmp = nodePath.join(
    nodePath.dirname(out),
    `.${nodePath.basename(out)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
  );
  try {
    await fs.writeFile(tmp, buffer, {
      flag: fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY,
    });
    if (force) {
      await fs.rename(tmp, out);
    } else {
      await placeWithoutOverwrite(tmp, out, outPath);
    }
  } catch (e) {
    if (e instanceof WorkbookWriteError) throw e;
    throw new WorkbookWriteError("WRITE_FAILED", { path: outPath, detail: shortMessage(e) });
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}

/**
 * Writes a new file (e.g. findings as CSV) with the same safety as the workbooks: never the
 * input, never over an existing file without `force`, through a temp file. Returns the path.
 */
export async function writeOutputFile(
  inputPath: string,
  outPath: string,
  bytes: Buffer,
  force: boolean,
): Promise<string> {
  const out = await checkOutputPath(inputPath, outPath, force);
  await placeOutput(out, outPath, bytes, force);
  return out;
}

/**
 * Moves the temp file to `out` unless `out` appeared meanwhile: a hard link fails atomically on
 * an existing name; where links are not supported, check then rename.
 */
async function placeWithoutOverwrite(tmp: string, out: string, shownPath: string): Promise<void> {
  try {
    await fs.link(tmp, out);
    return; // the temp name is removed by the caller
  } catch (e) {
    if (errnoCode(e) === "EEXIST") throw new WorkbookWriteError("OUT_EXISTS", { path: shownPath });
  }
  if (await exists(out)) throw new WorkbookWriteError("OUT_EXISTS", { path: shownPath });
  await fs.rename(tmp, out);
}

// ---------------------------------------------------------------------------------------------
// Other outputs (the Word appendix) and pictures on the ranking sheets

/** A PNG to place on a planned sheet, under its last row. */
export interface SheetPicture {
  readonly png: Uint8Array;
  /** Pixel size of the PNG. */
  readonly width: number;
  readonly height: number;
  /** Width shown on the sheet, in pixels (the height follows). */
  readonly shownWidth?: number;
}

/** Places each sheet's picture (same order as `sheets`) one row under the sheet's last planned row. */
function addSheetPictures(
  wb: ExcelJS.Workbook,
  sheets: ReadonlyArray<PlannedSheet>,
  pictures: ReadonlyArray<SheetPicture | undefined>,
): void {
  sheets.forEach((s, k) => {
    const picture = pictures[k];
    const ws = wb.getWorksheet(s.name);
    if (!picture || !ws) return;
    const id = wb.addImage({
      buffer: Buffer.from(picture.png) as unknown as ExcelJS.Buffer,
      extension: "png",
    });
    const width = picture.shownWidth ?? picture.width;
    ws.addImage(id, {
      tl: { col: 0, row: s.rows.length + 1 },
      ext: { width, height: Math.round((width * picture.height) / picture.width) },
      editAs: "oneCell",
    });
  });
}
