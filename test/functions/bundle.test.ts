/**
 * The built functions bundle, as Excel's JavaScript-only custom functions runtime sees it: a plain
 * script evaluated with only `CustomFunctions` defined (no window, document, Office or require).
 * webpack builds the functions entry alone, in production mode, into a temp dir.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "../..");
/** The functions runtime loads this once per workbook: 16 KB before named levels and weights (framework validation) came in, 21.3 KB after, 22.5 KB with the error messages in English too. */
const GZIP_BUDGET = 24 * 1024;

interface ParameterMetadata {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
}

/** The `CustomFunctions` stand-in: records associations and builds error values. */
class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

let outDir = "";
let metadata: FunctionMetadata[] = [];
let bundle = "";
const associated = new Map<string, (...args: unknown[]) => unknown>();
/** The bundle's global object: a test may give it an `Office` as a shared runtime would. */
let sandbox: vm.Context = {};

async function buildFunctions(dir: string): Promise<void> {
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, string>,
    argv: Record<string, string>,
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({ only: "functions", outDir: dir }, { mode: "production" });
  const compiler = webpack(config);
  const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
    compiler.run((err, s) => (err ? reject(err) : resolve(s))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (!stats || stats.hasErrors())
    throw new Error(stats?.toString("errors-only") ?? "webpack produced no stats");
}

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "cqs-functions-"));
  await buildFunctions(outDir);
  metadata = (
    JSON.parse(fs.readFileSync(path.join(outDir, "functions.json"), "utf8")) as {
      functions: FunctionMetadata[];
    }
  ).functions;
  bundle = fs.readFileSync(path.join(outDir, "functions.js"), "utf8");
  const CustomFunctions = {
    associate(
      id: string | Record<string, (...args: unknown[]) => unknown>,
      fn?: (...args: unknown[]) => unknown,
    ) {
      if (typeof id === "string") associated.set(id, fn!);
      else for (const [k, f] of Object.entries(id)) associated.set(k, f);
    },
    Error: StandInError,
    ErrorCode: ERROR_CODES,
  };
  sandbox = vm.createContext({ CustomFunctions });
  vm.runInContext(bundle, sandbox, { filename: "functions.js" });
}, 120_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

/** Cross-realm values (arrays made inside the vm) compared as plain data. */
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** Sample calls per id, with the arguments as Excel passes them (omitted optionals are null). */
const SAMPLES: Record<string, { args: unknown[]; result: unknown }> = {
  NORMALIZE: { args: [42.63, 48, 50, null], result: 44.41 },
  TOTAL: { args: [[[8, 5, 10, "45,57", 5, 12, 6, 2]], null, null], result: 93.57 },
  LEVEL: { args: [90.02, null], result: "I" },
  RANK: { args: [90, [[95], [90], [90], [85]], null], result: 2 },
  CHECK: { args: [[[8, 5, 10, 44.9, 5, 12, 6, 2]], 92.86, null], result: "Tổng ghi 92,86 ≠ tính lại 92,90" },
  RANKTABLE: {
    args: [[["Sở A"], ["Sở B"]], [[80], [95]], null],
    result: [
      [1, "Sở B", 95, "I", 1],
      [2, "Sở A", 80, "II", 2],
    ],
  },
};

describe("the functions bundle", () => {
  it("emits functions.json with the six CQS functions", () => {
    expect(metadata.map((f) => f.id).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  it("associates every id in functions.json, and nothing else", () => {
    expect([...associated.keys()].sort()).toEqual(metadata.map((f) => f.id).sort());
    for (const [id, fn] of associated) expect([id, typeof fn]).toEqual([id, "function"]);
  });

  it.each(Object.entries(SAMPLES))("%s is callable with sample arguments", (id, { args, result }) => {
    const fn = associated.get(id);
    expect(fn).toBeDefined();
    expect(plain(fn!(...args))).toEqual(result);
  });

  it("declares ranges as matrices and optional arguments as optional", () => {
    const byId = new Map(metadata.map((f) => [f.id, f]));
    const shape = (id: string) =>
      byId
        .get(id)!
        .parameters.map(
          (p) => `${p.name}${p.dimensionality === "matrix" ? "[][]" : ""}${p.optional ? "?" : ""}`,
        );
    expect(shape("NORMALIZE")).toEqual(["points", "maxPoints", "scale?", "decimals?"]);
    expect(shape("TOTAL")).toEqual(["scores[][]", "maxPoints?", "decimals?", "scale?", "weights[][]?"]);
    expect(shape("LEVEL")).toEqual(["total", "thresholds[][]?"]);
    expect(shape("RANK")).toEqual(["total", "totals[][]", "ascending?"]);
    expect(shape("CHECK")).toEqual(["scores[][]", "typedTotal", "maxPoints?"]);
    expect(shape("RANKTABLE")).toEqual(["units[][]", "totals[][]", "thresholds[][]?"]);
    expect(byId.get("RANKTABLE")!.result.dimensionality).toBe("matrix");
    // Text such as "45,57" must reach the function unconverted: no parameter is typed "number".
    for (const f of metadata)
      for (const p of f.parameters) expect([f.id, p.name, p.type ?? "any"]).toEqual([f.id, p.name, "any"]);
  });

  it.each<[string, unknown[], string, string | undefined]>([
    ["NORMALIZE", [1, 0, null, null], "#NUM!", undefined],
    ["NORMALIZE", ["abc", 48, null, null], "#VALUE!", "Điểm đạt được: “abc” không phải là số"],
    ["TOTAL", [[[8, ""]], null, null], "#VALUE!", "Ô thứ 2 trống"],
    ["RANK", [92.5, [[95], [90]], null], "#N/A", "Không tìm thấy 92,5 trong danh sách tổng điểm"],
    [
      "LEVEL",
      [85, [[90, 80]]],
      "#VALUE!",
      "Ngưỡng mức độ phải là 3 ô (cận dưới của mức I, II, III), nhận được 2 ô",
    ],
  ])("%s maps a core error to CustomFunctions.Error %#", (id, args, code, message) => {
    let thrown: unknown;
    try {
      associated.get(id)!(...args);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(StandInError);
    expect({ code: (thrown as StandInError).code, message: (thrown as StandInError).message }).toEqual({
      code,
      message,
    });
  });

  /** The error a call throws, as code and message. */
  const thrown = (id: string, args: unknown[]): { code: string; message?: string } => {
    try {
      associated.get(id)!(...args);
    } catch (e) {
      if (e instanceof StandInError) return { code: e.code, message: e.message };
      throw e;
    }
    throw new Error(`${id} did not throw`);
  };

  it("shows the message in English where Office's display language is English, Vietnamese otherwise", () => {
    const args = ["abc", 48, null, null];
    try {
      sandbox.Office = { context: { displayLanguage: "en-US" } };
      expect(thrown("NORMALIZE", args)).toEqual({
        code: "#VALUE!",
        message: 'Points: "abc" is not a number',
      });
      expect(thrown("RANK", [92.5, [[95], [90]], null])).toEqual({
        code: "#N/A",
        message: "92.5 is not in the list of totals",
      });
      sandbox.Office = { context: { displayLanguage: "vi-VN" } };
      expect(thrown("NORMALIZE", args).message).toBe("Điểm đạt được: “abc” không phải là số");
      // The JavaScript-only runtime has no Office.context: Vietnamese.
      sandbox.Office = {};
      expect(thrown("NORMALIZE", args).message).toBe("Điểm đạt được: “abc” không phải là số");
    } finally {
      delete sandbox.Office;
    }
    // CQS.CHECK's text is a cell value, written in the workbook's language whatever the display.
    sandbox.Office = { context: { displayLanguage: "en-US" } };
    try {
      expect(associated.get("CHECK")!(...SAMPLES.CHECK!.args)).toBe(SAMPLES.CHECK!.result);
    } finally {
      delete sandbox.Office;
    }
  });

  it(`stays under ${GZIP_BUDGET / 1024} KB gzipped`, () => {
    const gz = zlib.gzipSync(bundle, { level: 9 }).length;
    expect(gz).toBeLessThanOrEqual(GZIP_BUDGET);
  });
  // The built functions.html (policy, scripts) is checked with the other shipped pages: test/build/shipped.test.ts.
});
