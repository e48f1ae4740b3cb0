/**
 * CPU profiles of the hot paths, summarized by function (self and inclusive time), through the
 * inspector: only the measured calls are sampled, not the workload's generation.
 *
 *   node node_modules/.cache/cqs-bench/bench/child.js profile core 10000
 */
import * as inspector from "inspector";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function post<T>(session: inspector.Session, method: string, params?: object): Promise<T> {
  return new Promise((resolve, reject) =>
    session.post(method, params ?? {}, (err, result) => (err ? reject(err) : resolve(result as T))),
  );
}

/** Profiles `run` (called once per input) and returns the top functions by self and inclusive time. */
export async function profile<T>(
  inputs: ReadonlyArray<T>,
  run: (input: T) => unknown,
  top = 25,
): Promise<{ total_ms: number; self: string[]; inclusive: string[] }> {
  const session = new inspector.Session();
  session.connect();
  await post(session, "Profiler.enable");
  await post(session, "Profiler.setSamplingInterval", { interval: 100 });
  await post(session, "Profiler.start");
  for (const input of inputs) run(input);
  const { profile: p } = await post<{ profile: Profile }>(session, "Profiler.stop");
  session.disconnect();

  const name = (n: ProfileNode): string => {
    const f = n.callFrame;
    const file = f.url.split("/").slice(-2).join("/");
    return `${f.functionName || "(anonymous)"} ${file}${file ? `:${f.lineNumber + 1}` : ""}`;
  };
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map<number, number>();
  p.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const [id, t] of time) {
    total += t;
    const node = byId.get(id)!;
    self.set(name(node), (self.get(name(node)) ?? 0) + t);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at)!);
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
  }
  const fmt = (m: Map<string, number>): string[] =>
    [...m]
      .filter(([k]) => !/^\(root\)|^\(program\)|^\(idle\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([k, t]) =>
          `${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(1).padStart(8)} ms  ${k}`,
      );
  return { total_ms: total / 1000, self: fmt(self), inclusive: fmt(inclusive) };
}
