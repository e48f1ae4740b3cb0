/**
 * One measurement in its own process: `node child.js <core|formulas|functions|office|requests> [n|bundle]`,
 * or a CPU profile: `node child.js profile <core|plain> <n>`.
 */
import { coreTask, formulasTask, functionsTask, officeTask, profileTask, requestsTask } from "./tasks";

async function main(): Promise<void> {
  const [task, arg] = process.argv.slice(2);
  const n = Number(arg);
  let result: unknown;
  switch (task) {
    case "core":
      result = coreTask(n);
      break;
    case "formulas":
      result = formulasTask(n);
      break;
    case "functions":
      result = functionsTask(arg);
      break;
    case "profile": {
      const r = await profileTask(arg ?? "core", Number(process.argv[4] ?? 10000));
      // Readable as text: one line per function.
      const lines = [
        `${r.what} at ${r.n} units: ${(r.ms_per_run as number).toFixed(1)} ms per run (${r.runs} runs)`,
      ];
      lines.push("self:", ...(r.self as string[]), "inclusive:", ...(r.inclusive as string[]));
      process.stdout.write(lines.join("\n") + "\n");
      return;
    }
    case "office":
      result = await officeTask(n);
      break;
    case "requests":
      result = await requestsTask(n);
      break;
    default:
      throw new Error(`unknown task ${task}`);
  }
  process.stdout.write(JSON.stringify(result) + "\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
