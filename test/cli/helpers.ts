/** Shared helpers of the `cqs` command tests: running it, reading what it wrote. */
import { spawnSync, execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";

import { HUE_2022, ROOT, VARIANTS } from "../fixtures/locate";

export { ROOT, VARIANTS };
/** The 2022 decision as a working copy (test/fixtures/hue-2022.xlsx). */
export const FIXTURE = HUE_2022;
export const BIN = path.join(ROOT, "bin/cqs.js");

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the command in-process, capturing what it prints. */
export async function cqs(...argv: string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, { out: (t) => out.push(t), err: (t) => err.push(t), root: ROOT });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** Runs the built `bin/cqs.js` in a child process. */
export function cqsBin(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * `npm test` builds lib/ before jest; when jest runs alone, build it here if it is missing or
 * older than its sources.
 */
export function ensureBuiltCli(): void {
  const main = path.join(ROOT, "lib/cli/main.js");
  const sources = ["src/core", "src/adapters/xlsx", "src/adapters/docx", "src/adapters/chart", "src/cli"].map(
    (d) => newestMtime(path.join(ROOT, d)),
  );
  if (fs.existsSync(main) && fs.statSync(main).mtimeMs >= Math.max(...sources)) return;
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    stdio: "pipe",
  });
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cqs-cli-${prefix}-`));
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** A one-line message on stderr, never a stack trace. */
export function expectOneLineError(r: CliResult, pattern?: RegExp): void {
  expect(r.code).toBe(2);
  const lines = r.err.replace(/\n$/, "").split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cqs: \S/);
  expect(r.err).not.toMatch(/\n\s+at /);
  expect(r.err).not.toMatch(/^\s+at /m);
  if (pattern) expect(lines[0]).toMatch(pattern);
}

export async function loadWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

export interface RankingRow {
  readonly stt: unknown;
  readonly name: unknown;
  readonly total: unknown;
  readonly totalFormat: string;
  readonly level: unknown;
  readonly rank: unknown;
  readonly nameType: ExcelJS.ValueType;
}

export interface RankingSheet {
  readonly name: string;
  readonly rows: RankingRow[];
  /** Every text cell below the table (summary line, rule, notes). */
  readonly after: string[];
  /** Every text cell above the table's header (title lines, the ranking heading). */
  readonly before: string[];
  /** The header's row (1-based). */
  readonly headerRow: number;
}

/** The decision's appendix header, and the optional rank column after it. */
export const APPENDIX_HEADERS_VI = ["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ"];
const RANK_HEADER_VI = "Thứ hạng";

/**
 * Reads a ranking sheet the command wrote: the STT | Đơn vị | TỔNG ĐIỂM | MỨC ĐỘ table, with its
 * "Thứ hạng" column when there is one (rank is undefined otherwise).
 */
export function readRankingSheet(
  ws: ExcelJS.Worksheet,
  headers = APPENDIX_HEADERS_VI,
  rankHeader = RANK_HEADER_VI,
): RankingSheet {
  let header = -1;
  for (let r = 1; r <= ws.rowCount && header < 0; r++) {
    const texts = headers.map((_, k) => String(ws.getCell(r, k + 1).value ?? "").trim());
    if (texts.every((t, k) => t === headers[k])) header = r;
  }
  if (header < 0) throw new Error(`no ranking header in sheet "${ws.name}"`);
  const hasRank = String(ws.getCell(header, headers.length + 1).value ?? "").trim() === rankHeader;
  const rows: RankingRow[] = [];
  let r = header + 1;
  for (; r <= ws.rowCount; r++) {
    const stt = ws.getCell(r, 1).value;
    if (typeof stt !== "number") break;
    const total = ws.getCell(r, 3);
    rows.push({
      stt,
      name: ws.getCell(r, 2).value,
      nameType: ws.getCell(r, 2).type,
      total: total.value,
      totalFormat: total.numFmt,
      level: ws.getCell(r, 4).value,
      rank: hasRank ? ws.getCell(r, 5).value : undefined,
    });
  }
  const after: string[] = [];
  for (; r <= ws.rowCount; r++) {
    ws.getRow(r).eachCell((c) => {
      if (typeof c.value === "string" && c.type !== ExcelJS.ValueType.Merge) after.push(c.value);
    });
  }
  const before: string[] = [];
  for (let k = 1; k < header; k++) {
    const v = ws.getCell(k, 1).value;
    if (typeof v === "string") before.push(v);
  }
  return { name: ws.name, rows, after, before, headerRow: header };
}

/** "45,57" → 4557 (hundredths, exact). */
export function hundredths(text: string): number {
  const m = /^(-?)(\d+)(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) throw new Error(`not a number: ${text}`);
  const h = Number(m[2]) * 100 + Number((m[3] ?? "").padEnd(2, "0"));
  return m[1] === "-" ? -h : h;
}

export function formatHundredths(h: number): string {
  return `${Math.floor(h / 100)}.${String(h % 100).padStart(2, "0")}`;
}
