/** Timing helpers: warm-up, then the median of several runs. */

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(xs: ReadonlyArray<number>): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Asks V8 for a full collection when the process runs with --expose-gc, so runs start alike, then
 * waits 100 ms: after a full collection V8 sweeps the old space on background threads, and on a
 * 2-core machine that work would otherwise run inside the next timed run (measured: 68–79 ms at
 * 10,000 units without the wait, 55–60 ms with it, 55 ms with --single-threaded-gc).
 *
 * A full collection also drops compiled code that nothing holds strongly: code compiled for a loop
 * while it ran (on-stack replacement) and the code of closures made per call. The run after it
 * is the first job after the process sat idle and V8 reclaimed memory (the pane's next click), not
 * a steady state: see collectYoung.
 */
export function collect(): void {
  const gc = (globalThis as { gc?: (options?: object) => void }).gc;
  if (!gc) return;
  gc();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
}

/**
 * Collects the young generation only (the previous run's short-lived objects): compiled code stays,
 * the steady state of a process that keeps doing the job.
 */
export function collectYoung(): void {
  const gc = (globalThis as { gc?: (options?: object) => void }).gc;
  if (gc) gc({ type: "minor" });
}

export interface Timing {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/**
 * Times `run` (ms) `runs` times after `warmup` untimed calls. `prepare` builds each run's input
 * outside the timing; `before` runs before each timed run (a full collection unless told).
 */
export function time<T>(
  prepare: (i: number) => T,
  run: (input: T) => unknown,
  warmup: number,
  runs: number,
  before: () => void = collect,
): Timing {
  for (let i = 0; i < warmup; i++) run(prepare(-1 - i));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare(i);
    before();
    const t0 = nowMs();
    run(input);
    times.push(nowMs() - t0);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
}

/** Rounds to `digits` significant digits for the report. */
export function sig(x: number, digits = 3): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}
