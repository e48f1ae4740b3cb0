/**
 * The core job at one size, timed as the bench times it (after a full collection, and in the steady
 * state after a young one), without the rest of the bench: for profiling and for comparing two
 * builds. Beside the wall time it reports the CPU time of the process (all its threads: the
 * collector's and the compiler's too), which other processes on a shared machine disturb far less.
 *
 *   node --expose-gc node_modules/.cache/cqs-bench/bench/focus.js [units=1000] [runs=21]
 */
import { analyzeWorkbook, DEFAULT_FRAMEWORK, planRankingSheets } from "../src/core";
import type { WorkbookGrid } from "../src/core/grid";
import { collect, collectYoung, median, nowMs } from "./measure";
import { workloadGrid } from "./workload";

function coreJob(grid: WorkbookGrid): number {
  const analysis = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
  const sheets = planRankingSheets(
    analysis,
    grid.sheets.map((s) => s.name),
  );
  return analysis.findings.length + sheets.length;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Median wall and CPU time (ms) of `runs` jobs on new workbooks, each after `before`. */
function measure(n: number, runs: number, salt: number, before: () => void): { wall: number; cpu: number } {
  for (let i = 0; i < 10; i++) coreJob(workloadGrid(n, salt + 50 + i).grid);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const grid = workloadGrid(n, salt + i).grid;
    before();
    const c0 = cpuMs();
    const t0 = nowMs();
    coreJob(grid);
    wall.push(nowMs() - t0);
    // The compiler finishes on its own thread after the job: count it too, once the job is done.
    cpu.push(cpuMs() - c0);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

const n = Number(process.argv[2] ?? 1000);
const runs = Number(process.argv[3] ?? 21);
const cold = measure(n, runs, 1, collect);
const steady = measure(n, runs, 101, collectYoung);
process.stdout.write(JSON.stringify({ n, cold, steady }) + "\n");
