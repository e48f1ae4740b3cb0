/**
 * The measurements, one per child process (`node child.js <task> [n]`), each printing one JSON
 * object: a fresh process per size keeps heaps, JIT state and name caches from leaking between
 * cases.
 */
import * as fs from "fs";
import * as vm from "vm";
import { analyzeWorkbook, DEFAULT_FRAMEWORK, exactToNumber, planRankingSheets } from "../src/core";
import type { WorkbookGrid } from "../src/core/grid";
import { levelFormula, normalizeFormula, totalFormula } from "../src/core/formulas";
import { buildRanking, validateWorkbook, type ExcelHost } from "../src/adapters/office/operations";
import { createFakeExcel, fromWorkbookGrid } from "../src/excel-double/fake-excel";
import { officeJsVersion, serializingContext } from "../src/excel-double/office-js-serializer";
import { fillReadParts, markTargets, markWriteParts, type FillProps } from "../src/adapters/office/marks";
import { sendInRequests, writePlannedSheets } from "../src/adapters/office/write";
import type { PlannedMark } from "../src/core/writes";
import { formulaSheet, runFormulaSheet } from "./formula-sheet";
import { collect, collectYoung, median, nowMs, time, type Timing } from "./measure";
import { plainAnalyze } from "./plain";
import { profile } from "./profile";
import { units, workloadGrid } from "./workload";

/** Warm-up and timed runs per size: small cases repeat more (the first call warms the JIT too). */
function plan(n: number): { warmup: number; runs: number } {
  if (n <= 100) return { warmup: 30, runs: 51 };
  if (n <= 1000) return { warmup: 10, runs: 21 };
  if (n <= 10000) return { warmup: 3, runs: 9 };
  return { warmup: 0, runs: 3 };
}

function coreJob(grid: WorkbookGrid): number {
  const analysis = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
  const sheets = planRankingSheets(
    analysis,
    grid.sheets.map((s) => s.name),
  );
  return analysis.findings.length + sheets.length;
}

/** Core (read + check + rank + plan) against the plain-number bound, on the same grids. */
export function coreTask(n: number): Record<string, unknown> {
  const { warmup, runs } = plan(n);
  // The very first call: cold JIT, cold caches (what one CLI run pays).
  const firstGrid = workloadGrid(n, 99).grid;
  collect();
  const t0 = nowMs();
  coreJob(firstGrid);
  const first = nowMs() - t0;
  // Every run sees names it has never seen (a new workbook), after a full collection: the job
  // done once after the process sat idle (compiled loops and closures dropped, see collect).
  const cold = time((i) => workloadGrid(n, i < 0 ? 59 - i : i + 1).grid, coreJob, warmup, runs);
  // The same with only the young generation collected: the steady state (all code compiled).
  const steady = time(
    (i) => workloadGrid(n, i < 0 ? 159 - i : 201 + i).grid,
    coreJob,
    warmup,
    runs,
    collectYoung,
  );
  // Warm caches: the same workbook again (the pane's second click).
  const same = workloadGrid(n).grid;
  const warm = n > 10000 ? time(() => same, coreJob, 0, 1) : time(() => same, coreJob, warmup, runs);
  const plain = time(() => same, plainAnalyze, Math.max(1, warmup), runs);
  const plainSteady = time(() => same, plainAnalyze, Math.max(1, warmup), runs, collectYoung);

  // What the plain bound gets wrong: totals that differ from the exact ones.
  const analysis = analyzeWorkbook(same, DEFAULT_FRAMEWORK);
  const exact = analysis.blocks[0]!.units.map((u) => (u.total === undefined ? NaN : exactToNumber(u.total)));
  const floats = plainAnalyze(same).totals;
  let wrong = 0;
  exact.forEach((x, i) => {
    if (!(x === floats[i] || (Number.isNaN(x) && Number.isNaN(floats[i]!)))) wrong++;
  });
  return {
    n,
    first_ms: first,
    core: cold,
    core_steady: steady,
    core_warm: warm,
    plain,
    plain_steady: plainSteady,
    ratio: cold.median / plain.median,
    ratio_steady: steady.median / plainSteady.median,
    findings: analysis.findings.length,
    summary: analysis.summary,
    plain_wrong_totals: wrong,
    heap_mb: process.memoryUsage().heapUsed / 1e6,
  };
}

/** The formula sheet recalculated by HyperFormula (build + full calculation + reading results). */
export function formulasTask(n: number): Record<string, unknown> {
  const p = n <= 100 ? { warmup: 5, runs: 9 } : n <= 1000 ? { warmup: 2, runs: 5 } : { warmup: 0, runs: 1 };
  const list = units(n);
  let checksum = 0;
  const recalculate = (data: ReturnType<typeof formulaSheet>): void => {
    checksum = runFormulaSheet(data).checksum;
  };
  // As the core: after a full collection, and (where it takes seconds at most) in the steady state.
  const t: Timing = time(() => formulaSheet(list), recalculate, p.warmup, p.runs);
  const steady =
    n <= 1000 ? time(() => formulaSheet(list), recalculate, p.warmup, p.runs, collectYoung) : undefined;
  return { n, hyperformula: t, ...(steady ? { hyperformula_steady: steady } : {}), checksum };
}

const CALLS = 1_000_000;

/** ns per call of `fn` over CALLS calls; median of 5 after a warm-up. */
function perCall(call: (i: number) => unknown): { ns: number; all: number[] } {
  let sink = 0;
  const loop = (count: number): number => {
    const t0 = nowMs();
    for (let i = 0; i < count; i++) {
      const r = call(i & 1023);
      if (r === undefined) sink++;
    }
    return nowMs() - t0;
  };
  loop(200_000);
  const all: number[] = [];
  for (let k = 0; k < 5; k++) {
    collect();
    all.push((loop(CALLS) * 1e6) / CALLS);
  }
  if (sink > CALLS) throw new Error("unexpected undefined results");
  return { ns: median(all), all };
}

/** Arguments as Excel passes them: numbers, ranges as rows of cells, null for an omitted argument. */
function functionInputs(): {
  points: number[];
  maxima: number[];
  totals: number[];
  rows: number[][][];
} {
  const list = units(1024);
  return {
    points: list.map((u) => u.scores.reduce((a, b) => a + b, 0) / 100),
    maxima: list.map((_, i) => (i % 4 === 0 ? 75 : i % 4 === 1 ? 48 : 100)),
    totals: list.map((u) => u.total / 100),
    rows: list.map((u) => [u.scores.map((h) => h / 100)]),
  };
}

const THRESHOLDS_RANGE = [[90], [80], [70]];

/** The pure implementations (src/core/formulas.ts), and the same through the production bundle when given. */
export function functionsTask(bundlePath?: string): Record<string, unknown> {
  const x = functionInputs();
  const out: Record<string, unknown> = {
    normalize: perCall((i) => normalizeFormula(x.points[i], x.maxima[i], null, null)),
    level: perCall((i) => levelFormula(x.totals[i], THRESHOLDS_RANGE)),
    level_default: perCall((i) => levelFormula(x.totals[i], null)),
    total: perCall((i) => totalFormula(x.rows[i], null, null)),
    total_reduced: perCall((i) => totalFormula(x.rows[i], x.maxima[i], null)),
  };
  if (bundlePath && fs.existsSync(bundlePath)) {
    const fns = new Map<string, (...args: unknown[]) => unknown>();
    const CustomFunctions = {
      associate(
        id: string | Record<string, (...a: unknown[]) => unknown>,
        fn?: (...a: unknown[]) => unknown,
      ) {
        if (typeof id === "string") fns.set(id, fn!);
        else for (const [k, f] of Object.entries(id)) fns.set(k, f);
      },
      Error: class {
        constructor(
          readonly code: string,
          readonly message?: string,
        ) {}
      },
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    };
    // Same realm as the caller, as in Excel's custom functions runtime.
    const load = vm.runInThisContext(
      `(function (CustomFunctions) {\n${fs.readFileSync(bundlePath, "utf8")}\n})`,
      {
        filename: bundlePath,
      },
    ) as (cf: unknown) => void;
    load(CustomFunctions);
    const get = (id: string): ((...a: unknown[]) => unknown) => {
      const f = fns.get(id);
      if (!f) throw new Error(`The bundle does not associate ${id}`);
      return f;
    };
    const normalize = get("NORMALIZE");
    const level = get("LEVEL");
    const total = get("TOTAL");
    out.bundle = {
      normalize: perCall((i) => normalize(x.points[i], x.maxima[i], null, null)),
      level: perCall((i) => level(x.totals[i], THRESHOLDS_RANGE)),
      total: perCall((i) => total(x.rows[i], null, null)),
    };
  }
  return out;
}

/** Syncs and payload bytes of validate and build-ranking against the Excel test double (Excel on the web's 5 MB limit). */
export async function officeTask(n: number): Promise<Record<string, unknown>> {
  const { grid } = workloadGrid(n);
  const fake = createFakeExcel(fromWorkbookGrid(grid), { platform: "web", payloadLimitBytes: 5_000_000 });
  const host: ExcelHost = {
    Excel: fake.Excel as unknown as typeof Excel,
    capabilities: { undoGroup: true, cellProperties: true, mergedAreas: true, customFunctions: true },
    workbookName: grid.name,
  };
  const snapshot = (ms: number): Record<string, number> => ({
    syncs: fake.stats.syncs,
    round_trips: fake.stats.roundTrips,
    bytes_sent: fake.stats.bytesSent,
    bytes_received: fake.stats.bytesReceived,
    largest_request: Math.max(0, ...fake.stats.requests.map((r) => r.sent)),
    largest_response: Math.max(0, ...fake.stats.requests.map((r) => r.received)),
    ms_with_double: ms,
  });
  fake.stats.reset();
  let t0 = nowMs();
  const validated = await validateWorkbook(host);
  const validate = snapshot(nowMs() - t0);
  fake.stats.reset();
  t0 = nowMs();
  const ranked = await buildRanking(host);
  const rank = snapshot(nowMs() - t0);
  return {
    n,
    validate,
    rank,
    findings: validated.analysis.findings.length,
    added: ranked.added,
  };
}

/** `count` marks on the score cells of the workload's first sheet, severities in turn. */
function benchMarks(grid: WorkbookGrid, count: number): PlannedMark[] {
  const severities = ["error", "warning", "info"] as const;
  const cols = "CDEFGHIJ";
  const sheet = grid.sheets[0]!.name;
  return Array.from({ length: count }, (_, i) => ({
    sheet,
    cell: `${cols[i % cols.length]}${8 + Math.floor(i / cols.length)}`,
    severity: severities[i % 3]!,
  }));
}

/**
 * Requests as office.js serializes them (the version pinned in package-lock): the ranking write
 * of `n` units, and marking `n` findings (reads of the originals, then fills and records, with
 * originals that are patterned theme tints: the largest restore data). The double's count of the
 * same ranking write, and how far it is from the real size.
 */
export async function requestsTask(n: number): Promise<Record<string, unknown>> {
  const { grid } = workloadGrid(n);
  const analysis = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
  const plans = planRankingSheets(
    analysis,
    grid.sheets.map((s) => s.name),
  );
  const rank = serializingContext();
  await writePlannedSheets(rank.context, plans, { activateFirst: true });
  const fake = createFakeExcel(fromWorkbookGrid(grid), { platform: "web" });
  await fake.Excel.run((ctx) =>
    writePlannedSheets(ctx as unknown as Excel.RequestContext, plans, { activateFirst: true }),
  );
  const doubleBytes = fake.stats.requests.reduce((a, r) => a + r.sent, 0);
  const realBytes = rank.requests.reduce((a, b) => a + b, 0);

  const marks = serializingContext();
  const targets = markTargets(benchMarks(grid, n));
  await sendInRequests(marks.context, fillReadParts(marks.context, targets));
  const fills: FillProps[] = targets.map(() => ({
    color: "#DDEBF7",
    tintAndShade: 0.7999816888943144,
    pattern: "Gray50",
    patternColor: "#FF0000",
    patternTintAndShade: 0,
  }));
  await sendInRequests(marks.context, markWriteParts(marks.context, targets, fills, undefined, []));
  return {
    n,
    office_js: officeJsVersion(),
    rank: { requests: rank.requests, largest: Math.max(...rank.requests), bytes: realBytes },
    rank_double: { requests: fake.stats.requests.map((r) => r.sent), bytes: doubleBytes },
    double_error_pct: (Math.abs(doubleBytes - realBytes) / realBytes) * 100,
    marks: { requests: marks.requests.length, largest: Math.max(...marks.requests) },
  };
}

/** CPU profile of the core job (warm JIT, cold name caches) or of the plain bound, at `n` units. */
export async function profileTask(what: string, n: number): Promise<Record<string, unknown>> {
  const grids = Array.from({ length: n >= 10000 ? 8 : 40 }, (_, i) => workloadGrid(n, i + 1).grid);
  // Warm the JIT on other workbooks first.
  for (let i = 0; i < 3; i++) coreJob(workloadGrid(n, 90 + i).grid);
  for (let i = 0; i < 3; i++) plainAnalyze(grids[0]!);
  collect();
  const run = what === "plain" ? plainAnalyze : coreJob;
  const result = await profile(grids, run);
  return { what, n, runs: grids.length, ms_per_run: result.total_ms / grids.length, ...result };
}
