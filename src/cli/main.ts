/**
 * The headless `cqs` command: check and rank .xlsx workbooks with the same core as the add-in.
 * Exit status: 0 no error findings (rank: written), 1 error findings, 2 unusable input — with one
 * line on stderr and never a stack trace.
 */
import { promises as fs } from "fs";
import * as path from "path";
import {
  analyzeWorkbook,
  compareExact,
  appendixModel,
  DEFAULT_FRAMEWORK,
  exactFromInteger,
  localNumber,
  type Exact,
  formatExact,
  frameworkFromJson,
  frameworkToJson,
  FrameworkError,
  frameworkErrorMessage,
  frameworkLevels,
  isFrameworkFile,
  LIBRARY,
  libraryFramework,
  appendixLevelCounts,
  findingsCsv,
  planFindingsSheet,
  planRankingSheets,
  unknownTotals,
  workbookFramework,
  type Analysis,
  type Framework,
  type Lang,
  type WorkbookGrid,
} from "../core";
import {
  compareAnalyses,
  comparisonJson,
  UnitMapError,
  unitMapFromJson,
  workbookUnitMap,
  type Comparison,
  type UnitMap,
} from "../core/compare";
import {
  compareNoticeMessage,
  comparisonSentences,
  rankChangeText,
  unitMapErrorMessage,
} from "../core/compareText";
import { planComparisonSheets } from "../core/comparePlan";
import {
  checkOutputPath,
  openWorkbookFile,
  type OpenedWorkbook,
  WorkbookFileError,
  writeOutputFile,
  writeRankingWorkbook,
} from "../adapters/xlsx";
import { parseArgs, UsageError, usageMessage, USAGE, USAGE_EN, type CliOptions } from "./args";
import {
  argvLang,
  CLI_TEXT,
  type InputCode,
  type InputParams,
  workbookErrorMessage,
  workbookWarningMessage,
} from "./text";
import { checkJson, checkText, printableLines } from "./report";
import { renderBlockCharts } from "./charts";
import { inferFramework, InferError } from "../core/infer";

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Folder of the package (for `demo`'s example and out/). */
  readonly root: string;
}

/** An input the command cannot use (a code and its parameters): one line for stderr, exit 2. */
class InputError<C extends InputCode = InputCode> extends Error {
  override readonly name = "InputError";
  constructor(
    readonly code: C,
    readonly params: InputParams<C>,
  ) {
    super(inputMessage(code, params, "vi"));
  }
}

function inputMessage<C extends InputCode>(code: C, params: InputParams<C>, lang: Lang): string {
  return (CLI_TEXT[lang].input[code] as (p: InputParams<C>) => string)(params);
}

const VERSION = "0.1.0";

/**
 * The JSON of a file the user named (a framework, a mapping); a byte order mark before it is
 * skipped. `unreadable` when the file cannot be read, `notJson` with the parser's first line.
 */
async function readJsonFile(
  file: string,
  unreadable: "FRAMEWORK_UNREADABLE" | "MAP_UNREADABLE",
  notJson: "FRAMEWORK_NOT_JSON" | "MAP_NOT_JSON",
): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new InputError(unreadable, { file });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new InputError(notJson, { file, detail: (e as Error).message.split("\n")[0] ?? "" });
  }
}

async function loadFramework(opts: CliOptions, grid: WorkbookGrid): Promise<Framework> {
  if (opts.framework !== undefined && !isFrameworkFile(opts.framework)) {
    const found = libraryFramework(opts.framework);
    if (!found) {
      throw new InputError("FRAMEWORK_NOT_IN_LIBRARY", { id: opts.framework });
    }
    return found;
  }
  if (opts.framework !== undefined) {
    return frameworkFromJson(
      await readJsonFile(opts.framework, "FRAMEWORK_UNREADABLE", "FRAMEWORK_NOT_JSON"),
    );
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
  // compare: each year with its own settings when it has them, else the framework in use.
  const framework =
    (opts.command === "compare" ? workbookFramework(grid) : undefined) ?? (await loadFramework(opts, grid));
  const analysis = analyzeWorkbook(grid, framework);
  if (analysis.blocks.length === 0) {
    throw new InputError("NO_TABLE", { file });
  }
  if (analysis.blocks.every((b) => b.units.length === 0)) {
    const b = analysis.blocks[0]!;
    throw new InputError("HEADERS_ONLY", { sheet: b.sheet, range: b.range, file });
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
    io.err(CLI_TEXT[opts.lang].findingsWritten({ count: analysis.findings.length, file: written }));
  }
  return analysis.summary.error > 0 ? 1 : 0;
}

async function rank(opts: CliOptions, file: string, outPath: string, io: CliIo): Promise<number> {
  const checked = await analyzeFile(opts, file);
  const errors = checked.analysis.summary.error;
  if (opts.strict && errors > 0) {
    io.err(CLI_TEXT[opts.lang].strictRefused({ errors, file }));
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
  // A refused output fails before the charts are drawn.
  await checkOutputPath(file, outPath, opts.force);
  // The block's chart under each ranking sheet's table (shown 640 pixels wide).
  const charts = await renderBlockCharts(appendixModel(analysis, { lang: opts.lang }), io.err);
  const { written, warnings } = await writeRankingWorkbook({
    inputPath: file,
    loaded: opened.loaded,
    outPath,
    sheets,
    separate: opts.separate,
    force: opts.force,
    pictures: charts.map((c) => c && { ...c, shownWidth: 640 }),
  });
  for (const w of warnings) io.err(workbookWarningMessage(w, opts.lang));
  const text = CLI_TEXT[opts.lang];
  for (const block of analysis.blocks) {
    for (const u of unknownTotals(block, analysis, opts.lang)) {
      io.err(text.noTotal({ sheet: block.sheet, unit: u.unit, reasons: u.reasons.join("; ") }));
    }
  }
  const errors = analysis.summary.error;
  if (errors > 0) io.err(text.rankRecomputed({ errors, file }));
  io.out(
    text.written({ file: written }) +
      sheets
        .map((s, k) => {
          const b = analysis.blocks[k]!;
          const counts = appendixLevelCounts(b, analysis);
          const levels =
            counts.length > 0
              ? text.levelCounts({
                  names: counts.map((c) => c.level).join("/"),
                  counts: counts.map((c) => c.count).join("/"),
                })
              : "";
          return text.sheetSummary({ sheet: s.name, units: b.units.length, levels });
        })
        .join(", "),
  );
  return 0;
}

/** The mapping of renames and mergers: the --map file, else the one stored in this year's workbook. */
async function loadUnitMap(opts: CliOptions, grid: WorkbookGrid): Promise<UnitMap> {
  if (opts.map === undefined) return workbookUnitMap(grid);
  return unitMapFromJson(await readJsonFile(opts.map, "MAP_UNREADABLE", "MAP_NOT_JSON"));
}

/** `cqs compare`: this year against last year. Exit 0 when it ran, whatever either check found. */
async function compare(opts: CliOptions, file: string, previousFile: string, io: CliIo): Promise<number> {
  const now = await analyzeFile(opts, file);
  const before = await analyzeFile(opts, previousFile);
  const map = await loadUnitMap(opts, now.grid);
  const comparison = compareAnalyses(now.analysis, before.analysis, map);
  const lang = opts.lang;
  const text = CLI_TEXT[lang];
  // Written first: an output that cannot be written (exists, no --force) stops with one line.
  let writtenLine: string | undefined;
  let warningLines: ReadonlyArray<string> = [];
  if (opts.out !== undefined) {
    const sheets = planComparisonSheets(
      comparison,
      now.grid.sheets.map((s) => s.name),
    );
    const { written, warnings } = await writeRankingWorkbook({
      inputPath: file,
      loaded: now.opened.loaded,
      outPath: opts.out,
      sheets,
      separate: false,
      force: opts.force,
    });
    warningLines = warnings.map((w) => workbookWarningMessage(w, lang));
    writtenLine = text.written({ file: written }) + sheets.map((s) => `"${s.name}"`).join(", ");
  }
  for (const n of comparison.notices) io.err(compareNoticeMessage(n, lang));
  for (const [f, a] of [
    [file, now.analysis],
    [previousFile, before.analysis],
  ] as const) {
    if (a.summary.error > 0) io.err(text.compareRecomputed({ errors: a.summary.error, file: f }));
  }
  if (opts.json) io.out(JSON.stringify(comparisonJson(comparison), null, 2));
  else io.out(compareText(comparison, lang));
  for (const w of warningLines) io.err(w);
  // With --json, stdout holds the JSON alone.
  if (writtenLine !== undefined) {
    if (opts.json) io.err(writtenLine);
    else io.out(writtenLine);
  }
  return 0;
}

/** "II → I" when the level changed, else this year's level. */
function levelMove(u: { level?: string; previous?: { level?: string }; levelChanged: boolean }): string {
  return u.levelChanged ? `${u.previous!.level} → ${u.level}` : (u.level ?? "-");
}

/** The human output of `cqs compare`: per block, the report's sentences, then one line per unit. */
function compareText(comparison: Comparison, lang: Lang): string {
  const text = CLI_TEXT[lang];
  const out: string[] = [];
  for (const b of comparison.blocks) {
    out.push(`== ${b.sheet}${b.previousSheet ? ` ↔ ${b.previousSheet} (${text.lastYear})` : ""} ==`);
    for (const s of comparisonSentences(b, lang)) out.push(s);
    out.push("");
    out.push(text.compareHeader);
    const num = (x: Exact | undefined, w: number): string =>
      (x === undefined ? "-" : localNumber(formatExact(x, b.decimals), lang)).padStart(w);
    for (const i of b.order) {
      const u = b.units[i]!;
      const move =
        u.rank === undefined
          ? ""
          : rankChangeText(u.previous?.rank === undefined ? undefined : u.rankChange, lang);
      const change =
        u.totalChange === undefined
          ? "-"
          : (compareExact(u.totalChange, exactFromInteger(0)) > 0 ? "+" : "") +
            localNumber(formatExact(u.totalChange, b.decimals), lang);
      out.push(
        `  ${String(u.rank ?? "-").padStart(4)}  ${num(u.total, 6)}  ${num(u.previous?.total, 9)}  ${change.padStart(10)}  ${move.padEnd(14)}  ${levelMove(u).padEnd(9)}  ${u.unit}${
          u.previous && u.previous.unit !== u.unit ? ` (${text.lastYear}: ${u.previous.unit})` : ""
        }`,
      );
    }
    for (const g of b.gone) {
      out.push(
        `     -  ${"-".padStart(6)}  ${num(g.total, 9)}  ${"-".padStart(10)}  ${text.gone.padEnd(14)}  ${(g.level ?? "").padEnd(9)}  ${g.unit}`,
      );
    }
    out.push("");
  }
  return out.join("\n").trimEnd();
}

async function demo(opts: CliOptions, io: CliIo): Promise<number> {
  const example = path.join(io.root, "examples", "hue-2022.xlsx");
  const outDir = path.join(io.root, "out");
  await fs.mkdir(outDir, { recursive: true });
  const outPath = path.join(outDir, "hue-2022-xep-hang.xlsx");
  const text = CLI_TEXT[opts.lang];
  io.out(text.demoChecking({ file: path.relative(process.cwd(), example) }));
  // Opened and checked once: the same result is shown, then written.
  const checked = await analyzeFile(opts, example);
  const { analysis } = checked;
  io.out(checkText(analysis, path.relative(process.cwd(), example), opts.lang));
  io.out("");
  io.out(text.demoRanking);
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
  io.out(text.demoOpen({ file: path.relative(process.cwd(), outPath) }));
  return 0;
}

/** `cqs framework infer`: the framework `check` applies to the workbook, as JSON on stdout. */
async function inferCommand(opts: CliOptions, file: string, io: CliIo): Promise<number> {
  const { grid } = await openWorkbookFile(file);
  let framework: Framework;
  try {
    framework = inferFramework(grid, await loadFramework(opts, grid));
  } catch (e) {
    if (!(e instanceof InferError)) throw e;
    throw new InputError("NOTHING_TO_INFER", { file });
  }
  io.out(JSON.stringify(frameworkToJson(framework), null, 2));
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
  // `--lang en` anywhere on the line counts, also when the line is otherwise unusable.
  let lang: Lang = argvLang(argv);
  try {
    const opts = parseArgs(argv);
    lang = opts.lang;
    switch (opts.command) {
      case "help":
        io.out(opts.lang === "en" ? USAGE_EN : USAGE);
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
      case "compare":
        return await compare(opts, opts.workbook!, opts.previous!, io);
      case "frameworks":
        io.out(
          opts.json
            ? JSON.stringify(
                LIBRARY.map((f) => ({
                  id: f.id,
                  name: f.name,
                  source: f.source,
                  scale: f.scale,
                  decimals: f.decimals,
                  levels: frameworkLevels(f).map((l) => l.name),
                })),
                null,
                2,
              )
            : LIBRARY.map((f) => `${f.id}\t${f.name}\n  ${CLI_TEXT[opts.lang].source}: ${f.source}`).join(
                "\n",
              ),
        );
        return 0;
      case "framework":
        return await inferCommand(opts, opts.workbook!, io);
      case "export": {
        // Loaded when asked for, so the other commands do not load the .docx library.
        const { exportAppendix } = await import("./export");
        return await exportAppendix(opts, opts.workbook!, io, analyzeFile);
      }
    }
  } catch (e) {
    io.err(`cqs: ${errorLine(e, lang)}`);
    return 2;
  }
}

function errorLine(e: unknown, lang: Lang): string {
  if (e instanceof WorkbookFileError) return workbookErrorMessage(e, lang);
  if (e instanceof UsageError) return usageMessage(e.code, e.params, lang);
  if (e instanceof InputError) return inputMessage(e.code, e.params, lang);
  if (e instanceof UnitMapError) return unitMapErrorMessage(e.code, e.params, lang);
  if (e instanceof FrameworkError) return CLI_TEXT[lang].invalidFramework + frameworkErrorMessage(e, lang);
  const msg = e instanceof Error ? e.message : String(e);
  return CLI_TEXT[lang].unexpected + msg.split("\n")[0];
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
