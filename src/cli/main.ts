/**
 * The headless `cqs` command: check and rank .xlsx workbooks with the same core as the add-in.
 * Exit status: 0 no error findings (rank: written), 1 error findings, 2 unusable input — with one
 * line on stderr and never a stack trace.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  analyzeWorkbook,
  DEFAULT_FRAMEWORK,
  formatExact,
  frameworkFromJson,
  FrameworkError,
  appendixLevelCounts,
  findingsCsv,
  planFindingsSheet,
  planRankingSheets,
  unknownTotals,
  workbookFramework,
  type Analysis,
  type Framework,
  type WorkbookGrid,
} from "../core";
import {
  openWorkbookFile,
  WorkbookReadError,
  type OpenedWorkbook,
  WorkbookWriteError,
  writeOutputFile,
  writeRankingWorkbook,
} from "../adapters/xlsx";
import { parseArgs, UsageError, USAGE, type CliOptions } from "./args";
import { checkJson, checkText, printableLines } from "./report";

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Folder of the package (for `demo`'s example and out/). */
  readonly root: string;
}

/** An input the command cannot use: one line for stderr, exit 2. */
class InputError extends Error {
  override readonly name = "InputError";
}

const VERSION = "0.1.0";

async function loadFramework(opts: CliOptions, grid: WorkbookGrid): Promise<Framework> {
  if (opts.framework !== undefined) {
    let text: string;
    try {
      text = await fs.readFile(opts.framework, "utf8");
    } catch {
      throw new InputError(`Không đọc được tệp bộ tiêu chí "${opts.framework}"`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new InputError(
        `Tệp bộ tiêu chí "${opts.framework}" không phải JSON hợp lệ: ${(e as Error).message}`,
      );
    }
    return frameworkFromJson(json);
  }
  return workbookFramework(grid) ?? DEFAULT_FRAMEWORK;
}

async function analyzeFile(
  opts: CliOptions,
  file: string,
): Promise<{ grid: WorkbookGrid; analysis: Analysis; opened: OpenedWorkbook }> {
  // Opened once: `rank` writes the new workbook from the same loaded input.
  const opened = await openWorkbookFile(file);
  const grid = opened.grid;
  const framework = await loadFramework(opts, grid);
  const analysis = analyzeWorkbook(grid, framework);
  if (analysis.blocks.length === 0) {
    throw new InputError(
      opts.lang === "vi"
        ? `Không tìm thấy bảng điểm tiêu chí nào trong "${file}" (cần dòng tiêu đề có cột Đơn vị, các tiêu chí và Tổng cộng)`
        : `No criteria table found in "${file}" (a header row with Đơn vị, the criteria and Tổng cộng is needed)`,
    );
  }
  if (analysis.blocks.every((b) => b.units.length === 0)) {
    const b = analysis.blocks[0]!;
    throw new InputError(
      opts.lang === "vi"
        ? `Bảng điểm tiêu chí ở ${b.sheet}!${b.range} trong "${file}" chỉ có dòng tiêu đề, không có đơn vị nào`
        : `The criteria table at ${b.sheet}!${b.range} in "${file}" has headers only, no units`,
    );
  }
  return { grid, analysis, opened };
}

async function check(opts: CliOptions, file: string, io: CliIo): Promise<number> {
  const { analysis } = await analyzeFile(opts, file);
  io.out(
    opts.json
      ? JSON.stringify(checkJson(analysis, file, opts.lang), null, 2)
      : checkText(analysis, file, opts.lang),
  );
  if (opts.out !== undefined) {
    const vi = opts.lang === "vi";
    let written: string;
    if (opts.format === "csv") {
      const csv = findingsCsv(analysis.findings, opts.lang);
      written = await writeOutputFile(file, opts.out, Buffer.from(csv, "utf8"), opts.force);
    } else {
      const sheet = planFindingsSheet(analysis, [], opts.lang);
      written = (
        await writeRankingWorkbook({
          inputPath: file,
          outPath: opts.out,
          sheets: [sheet],
          separate: true,
          force: opts.force,
        })
      ).written;
    }
    // stdout may carry JSON: where the findings went is said on stderr.
    io.err(
      vi
        ? `Đã ghi ${analysis.findings.length} phát hiện vào ${written}`
        : `Written ${analysis.findings.length} finding(s) to ${written}`,
    );
  }
  return analysis.summary.error > 0 ? 1 : 0;
}

async function rank(opts: CliOptions, file: string, outPath: string, io: CliIo): Promise<number> {
  const checked = await analyzeFile(opts, file);
  const errors = checked.analysis.summary.error;
  if (opts.strict && errors > 0) {
    io.err(
      opts.lang === "vi"
        ? `Sổ tính có ${errors} lỗi (xem: cqs check "${file}"): với --strict không ghi bảng xếp hạng nào.`
        : `The workbook has ${errors} error(s) (see: cqs check "${file}"): with --strict no ranking is written.`,
    );
    return 1;
  }
  return writeRanking(opts, file, checked, outPath, io);
}

/** Writes the ranking workbook of an input already opened and checked. */
async function writeRanking(
  opts: CliOptions,
  file: string,
  { grid, analysis, opened }: Awaited<ReturnType<typeof analyzeFile>>,
  outPath: string,
  io: CliIo,
): Promise<number> {
  const sheets = planRankingSheets(
    analysis,
    grid.sheets.map((s) => s.name),
    { order: opts.order, withRank: opts.withRank, lang: opts.lang },
  );
  const { written, warnings } = await writeRankingWorkbook({
    inputPath: file,
    loaded: opened.loaded,
    outPath,
    sheets,
    separate: opts.separate,
    force: opts.force,
  });
  for (const w of warnings) io.err(w);
  const vi = opts.lang === "vi";
  for (const block of analysis.blocks) {
    for (const u of unknownTotals(block, analysis, opts.lang)) {
      io.err(
        vi
          ? `${block.sheet}: ${u.unit}: không tính được tổng điểm (để trống tổng điểm và mức độ): ${u.reasons.join("; ")}`
          : `${block.sheet}: ${u.unit}: no total can be computed (total and level left empty): ${u.reasons.join("; ")}`,
      );
    }
  }
  const errors = analysis.summary.error;
  if (errors > 0) {
    io.err(
      vi
        ? `Sổ tính có ${errors} lỗi (xem: cqs check "${file}"); bảng xếp hạng dùng tổng điểm tính lại.`
        : `The workbook has ${errors} error(s) (see: cqs check "${file}"); the ranking uses recomputed totals.`,
    );
  }
  io.out(
    (vi ? `Đã ghi ${written}: ` : `Written ${written}: `) +
      sheets
        .map((s, k) => {
          const b = analysis.blocks[k]!;
          const counts = appendixLevelCounts(b, analysis);
          return `"${s.name}" (${b.units.length} ${vi ? "đơn vị" : "units"}, ${vi ? "mức" : "levels"} I/II/III/IV: ${counts.I}/${counts.II}/${counts.III}/${counts.IV})`;
        })
        .join(", "),
  );
  return 0;
}

async function demo(opts: CliOptions, io: CliIo): Promise<number> {
  const example = path.join(io.root, "examples", "hue-2022.xlsx");
  const outDir = path.join(io.root, "out");
  await fs.mkdir(outDir, { recursive: true });
  const outPath = path.join(outDir, "hue-2022-xep-hang.xlsx");
  const vi = opts.lang === "vi";
  io.out(vi ? `== Kiểm tra ${path.relative(process.cwd(), example)} ==` : `== Checking ${example} ==`);
  // Opened and checked once: the same result is shown, then written.
  const checked = await analyzeFile(opts, example);
  const { analysis } = checked;
  io.out(checkText(analysis, path.relative(process.cwd(), example), opts.lang));
  io.out("");
  io.out(vi ? "== Xếp hạng (tổng điểm tính lại) ==" : "== Ranking (recomputed totals) ==");
  for (const b of analysis.blocks) {
    io.out(`${b.rankingTitle ?? b.title}`);
    for (const i of b.order) {
      const u = b.units[i]!;
      io.out(
        `  ${String(u.rank ?? "").padStart(3)}  ${u.total ? formatExact(u.total, 2).padStart(6) : "     -"}  ${(u.level ?? "").padEnd(3)}  ${u.name}`,
      );
    }
  }
  io.out("");
  // The demo owns out/: it replaces its own earlier output.
  await writeRanking(
    { ...opts, command: "rank", force: true, separate: false },
    example,
    checked,
    outPath,
    io,
  );
  io.out(
    vi
      ? `Mở ${path.relative(process.cwd(), outPath)} để xem các trang xếp hạng.`
      : `Open ${outPath} to see the ranking sheets.`,
  );
  return 0;
}

/** Runs the command; returns the exit status. Never throws. */
export async function run(argv: ReadonlyArray<string>, rawIo: CliIo): Promise<number> {
  // Names and values come from the workbook: nothing they hold may drive the terminal.
  const io: CliIo = {
    out: (t) => rawIo.out(printableLines(t)),
    err: (t) => rawIo.err(printableLines(t)),
    root: rawIo.root,
  };
  let lang: "vi" | "en" = "vi";
  try {
    const opts = parseArgs(argv);
    lang = opts.lang;
    switch (opts.command) {
      case "help":
        io.out(USAGE);
        return 0;
      case "version":
        io.out(VERSION);
        return 0;
      case "check":
        return await check(opts, opts.workbook!, io);
      case "rank":
        return await rank(opts, opts.workbook!, opts.out!, io);
      case "demo":
        return await demo(opts, io);
    }
  } catch (e) {
    io.err(`cqs: ${errorLine(e, lang)}`);
    return 2;
  }
}

function errorLine(e: unknown, lang: "vi" | "en"): string {
  if (e instanceof WorkbookReadError || e instanceof WorkbookWriteError)
    return lang === "vi" ? e.messageVi : e.messageEn;
  if (e instanceof UsageError || e instanceof InputError) return e.message;
  if (e instanceof FrameworkError)
    return (lang === "vi" ? "Bộ tiêu chí không hợp lệ: " : "Invalid framework: ") + e.message;
  const msg = e instanceof Error ? e.message : String(e);
  return (lang === "vi" ? "Lỗi không mong đợi: " : "Unexpected error: ") + msg.split("\n")[0];
}

/** Entry point for bin/cqs.js. */
export function main(): void {
  const io: CliIo = {
    out: (t) => process.stdout.write(t + "\n"),
    err: (t) => process.stderr.write(t + "\n"),
    root: path.resolve(__dirname, "..", ".."),
  };
  run(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 2;
    },
  );
}
