/**
 * The function examples of README.md and docs/functions.md, run against the example workbook so
 * that the docs stay true. Every table row whose example cell holds a formula `=CQS.…(…)` is
 * parsed out of the markdown; its arguments are read from sheet "Phụ lục I" of
 * examples/hue-2022.xlsx (cells and ranges as Excel passes them, numbers typed in the formula,
 * the name CQS_THRESHOLDS as the pane defines it for the default framework); the formula is
 * evaluated with the custom functions themselves (src/functions/functions.ts), once with blank
 * cells as Excel on the web passes them (null) and once as Excel for Windows does (0); and the
 * result is compared with the documented one. Facts stated beside an example, "(K11 = 89,18)" or
 * "(Σ 67,85)", are checked too. The signatures in the first column must name the parameters Excel
 * shows (the functions' own parameter names), with the optional ones in brackets.
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookFile } from "../../src/adapters/xlsx";
import { cellAt, parseA1, type SheetGrid, type WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_FRAMEWORK } from "../../src/core/framework";
import { planSettingsSheet, THRESHOLDS_NAME } from "../../src/core/settings";
import { addExact, exactFromNumber, formatExact, type Exact, type Hundredths } from "../../src/core/exact";
import * as functions from "../../src/functions/functions";
import { FINDING_CODES } from "../../src/core/findings";
import type { CheckJson } from "../../src/cli/report";
import { cqs } from "../cli/helpers";
import { EXAMPLE, FRAMEWORK_FIXTURES, ROOT, VARIANTS } from "../fixtures/locate";

const DOCS = ["README.md", "docs/functions.md"];
const SHEET = "Phụ lục I";

/** Excel's function name (after "CQS.") → the custom function and its source name. */
const FUNCTIONS: Record<string, { fn: (...args: never[]) => unknown; name: string }> = {
  NORMALIZE: { fn: functions.normalize, name: "normalize" },
  TOTAL: { fn: functions.total, name: "total" },
  LEVEL: { fn: functions.level, name: "level" },
  RANK: { fn: functions.rank, name: "rank" },
  CHECK: { fn: functions.check, name: "check" },
  RANKTABLE: { fn: functions.rankTable, name: "rankTable" },
};

interface Example {
  readonly doc: string;
  readonly signature: string | undefined;
  readonly formula: string;
  readonly facts: string;
  readonly result: string;
}

/** The cells of a markdown table row ("| a | b |" → ["a", "b"]). */
function rowCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, "")
    .split("|")
    .map((c) => c.trim());
}

/** Every table row of a markdown file whose cell holds `=CQS.…`, with the cell after it as the result. */
function examplesOf(doc: string): Example[] {
  const text = fs.readFileSync(path.join(ROOT, doc), "utf8");
  const out: Example[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim().startsWith("|")) continue;
    const cells = rowCells(line);
    const k = cells.findIndex((c) => /`=CQS\./.test(c));
    if (k < 0) continue;
    const m = /^`(=CQS\.[^`]+)`\s*(.*)$/.exec(cells[k]!);
    if (!m) throw new Error(`${doc}: cannot read the example "${cells[k]}"`);
    const signature = /^`(CQS\.[A-Z]+\([^`]*\))`$/.exec(cells[0]!)?.[1];
    out.push({ doc, signature, formula: m[1]!, facts: m[2]!, result: cells[k + 1] ?? "" });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Evaluating a formula over the workbook

type Blank = null | 0;

interface Context {
  readonly sheet: SheetGrid;
  readonly blank: Blank;
  readonly names: Record<string, unknown[][]>;
}

/** A cell as Excel passes it to a custom function: its value, a blank as the host passes it. */
function passed(sheet: SheetGrid, row: number, col: number, blank: Blank): unknown {
  const v = cellAt(sheet, row, col).v;
  if (v === null || v === "") return blank;
  if (v instanceof Date || typeof v === "object") throw new Error(`unexpected cell value ${String(v)}`);
  return v;
}

function rangeOf(ref: string, ctx: Context): unknown[][] {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  const p = parseA1(a!);
  const q = parseA1(b!);
  if (!p || !q) throw new Error(`not a cell reference: ${ref}`);
  const rows: unknown[][] = [];
  for (let r = p.row; r <= q.row; r++) {
    const row: unknown[] = [];
    for (let c = p.col; c <= q.col; c++) row.push(passed(ctx.sheet, r, c, ctx.blank));
    rows.push(row);
  }
  return rows;
}

/** One argument: a number with a decimal comma, a quoted text, a cell, a range or a name. */
function argument(text: string, ctx: Context): unknown {
  const t = text.trim();
  if (t === "") return null; // an omitted argument
  if (/^-?\d+(,\d+)?$/.test(t)) return Number(t.replace(",", "."));
  if (/^"[^"]*"$/.test(t)) return t.slice(1, -1);
  if (t in ctx.names) return ctx.names[t];
  if (/^\$?[A-Z]+\$?\d+$/.test(t)) return rangeOf(t, ctx)[0]![0];
  if (/^\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/.test(t)) return rangeOf(t, ctx);
  throw new Error(`argument not understood: ${t}`);
}

function parseFormula(formula: string): { name: string; args: string[] } {
  const m = /^=CQS\.([A-Z]+)\((.*)\)$/.exec(formula.trim());
  if (!m) throw new Error(`not a CQS formula: ${formula}`);
  return { name: m[1]!, args: m[2]!.split(";") };
}

function evaluate(formula: string, ctx: Context): unknown {
  const { name, args } = parseFormula(formula);
  const f = FUNCTIONS[name];
  if (!f) throw new Error(`no function CQS.${name}`);
  return (f.fn as (...a: unknown[]) => unknown)(...args.map((a) => argument(a, ctx)));
}

/** The documented result as a value: `44,41` → 44.41, `I` → "I", `""` → "", "20 rows × 5 columns" → shape. */
function expectResult(actual: unknown, documented: string): void {
  const shape = /^(\d+) (?:dòng|rows) × (\d+) (?:cột|columns)$/.exec(documented);
  if (shape) {
    expect(Array.isArray(actual)).toBe(true);
    const rows = actual as unknown[][];
    expect(rows).toHaveLength(Number(shape[1]));
    for (const r of rows) expect(r).toHaveLength(Number(shape[2]));
    return;
  }
  const m = /^`(.*)`$/.exec(documented);
  if (!m) throw new Error(`result not understood: ${documented}`);
  const text = m[1]!;
  if (text === '""') expect(actual).toBe("");
  else if (/^-?\d+(,\d+)?$/.test(text)) expect(actual).toBe(Number(text.replace(",", ".")));
  else expect(actual).toBe(text);
}

/** Exact sum of a range's numbers, as "67.85". */
function sumOf(range: unknown[][]): string {
  let sum: Exact = 0 as Hundredths;
  for (const row of range) {
    for (const v of row) {
      const x = typeof v === "number" ? exactFromNumber(v) : undefined;
      if (x === undefined) throw new Error(`not a number in the range: ${String(v)}`);
      sum = addExact(sum, x);
    }
  }
  return formatExact(sum, 2);
}

/** The facts beside an example: "(K11 = 89,18)" is a cell's value; "(Σ 67,85)" the sum of the first range. */
function checkFacts(example: Example, ctx: Context): number {
  let checked = 0;
  for (const m of example.facts.matchAll(/\(([^)]*)\)/g)) {
    const fact = m[1]!.trim();
    const cell = /^(\$?[A-Z]+\$?\d+) = (-?\d+(?:,\d+)?)$/.exec(fact);
    const sum = /^Σ (?:= )?(-?\d+(?:,\d+)?)$/.exec(fact);
    if (cell) {
      expect(argument(cell[1]!, ctx)).toBe(Number(cell[2]!.replace(",", ".")));
    } else if (sum) {
      const range = parseFormula(example.formula).args.find((a) => a.includes(":"));
      if (!range) throw new Error(`no range to sum in ${example.formula}`);
      expect(sumOf(argument(range, ctx) as unknown[][])).toBe(sum[1]!.replace(",", "."));
    } else {
      throw new Error(`fact not understood: (${fact})`);
    }
    checked++;
  }
  return checked;
}

/** The parameter names of an exported function in src/functions/functions.ts, "?" marking optional ones. */
function sourceParameters(name: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, "src/functions/functions.ts"), "utf8");
  const m = new RegExp(`export function ${name}\\(([^)]*)\\)`).exec(source);
  if (!m) throw new Error(`no function ${name} in src/functions/functions.ts`);
  // A signature prettier splits over lines ends with a comma.
  return m[1]!
    .split(",")
    .filter((p) => p.trim() !== "")
    .map((p) => {
      const x = /^\s*(\w+)(\??):/.exec(p);
      if (!x) throw new Error(`parameter not understood: ${p}`);
      return `${x[1]}${x[2]}`;
    });
}

/** "CQS.TOTAL(scores; [maxPoints=100]; [decimals=2])" → ["scores", "maxPoints?", "decimals?"]. */
function documentedParameters(signature: string): string[] {
  const inner = /\((.*)\)$/.exec(signature)![1]!;
  return inner.split(";").map((p) => {
    const t = p.trim();
    const opt = /^\[(\w+)(?:=[^\]]*)?\]$/.exec(t);
    return opt ? `${opt[1]}?` : t;
  });
}

// ---------------------------------------------------------------------------------------------

let grid: WorkbookGrid;
let names: Record<string, unknown[][]>;

beforeAll(async () => {
  grid = await readWorkbookFile(EXAMPLE);
  // CQS_THRESHOLDS, CQS_LEVELS, … as the pane defines them when it saves the default framework's
  // settings: each name's cells of the planned sheet ("" is a blank cell).
  const plan = planSettingsSheet(DEFAULT_FRAMEWORK);
  names = {};
  for (const n of plan.names) {
    const [a, b = a] = n.reference.split("!")[1]!.replace(/\$/g, "").split(":");
    const p = parseA1(a!)!;
    const q = parseA1(b!)!;
    const rows: unknown[][] = [];
    for (let r = p.row; r <= q.row; r++) {
      const row: unknown[] = [];
      for (let c = p.col; c <= q.col; c++) {
        const v = plan.rows[r]?.[c];
        row.push(v === undefined || v === "" ? null : v);
      }
      rows.push(row);
    }
    names[n.name] = rows;
  }
  expect(names[THRESHOLDS_NAME]).toHaveLength(3);
});

function context(blank: Blank): Context {
  const sheet = grid.sheets.find((s) => s.name === SHEET);
  if (!sheet) throw new Error(`no sheet ${SHEET} in the example workbook`);
  return { sheet, blank, names };
}

describe.each(DOCS)("%s", (doc) => {
  const examples = examplesOf(doc);

  test("has an example for each of the six functions", () => {
    expect([...new Set(examples.map((e) => parseFormula(e.formula).name))].sort()).toEqual(
      Object.keys(FUNCTIONS).sort(),
    );
  });

  test.each(examples.map((e) => [e.formula, e] as const))("%s gives the documented result", (_f, example) => {
    for (const blank of [null, 0] as const) {
      const ctx = context(blank);
      expectResult(evaluate(example.formula, ctx), example.result);
      checkFacts(example, ctx);
    }
  });

  test("signatures name the parameters Excel shows, optional ones in brackets", () => {
    const signatures = examples.filter((e) => e.signature !== undefined);
    expect(signatures.length).toBeGreaterThanOrEqual(6);
    for (const e of signatures) {
      const name = /^CQS\.([A-Z]+)\(/.exec(e.signature!)![1]!;
      expect(documentedParameters(e.signature!)).toEqual(sourceParameters(FUNCTIONS[name]!.name));
    }
  });
});

describe("docs/cli.md", () => {
  const text = fs.readFileSync(path.join(ROOT, "docs/cli.md"), "utf8");

  interface DocumentedCode {
    readonly severity: string;
    readonly required: string[];
    readonly maybe: string[];
  }

  /** code → its row of the table: the severity and the param names (required ones, and those marked "maybe"). */
  function documentedParams(): Map<string, DocumentedCode> {
    const out = new Map<string, DocumentedCode>();
    for (const line of text.split("\n")) {
      if (!line.startsWith("| `")) continue;
      const cells = rowCells(line);
      const code = /^`([A-Z_]+)`$/.exec(cells[0]!)?.[1];
      if (code === undefined || cells.length < 4) continue;
      const severity = /^`([a-z]+)`$/.exec(cells[1]!)?.[1] ?? cells[1]!;
      const [required, maybe = ""] = cells[3]!.split(/có thể \/ maybe/);
      // A param is a backticked name followed by a space, a comma or the end; values in parentheses are not params.
      const names = (s: string): string[] =>
        [...s.replace(/\([^)]*\)/g, "").matchAll(/`([a-zA-Z]+)`/g)].map((m) => m[1]!);
      out.set(code, { severity, required: names(required!), maybe: names(maybe) });
    }
    return out;
  }

  /**
   * The workbooks that together seed every finding code, as the command is run on them:
   * faults.xlsx the codes of the 2021 framework (test/core/variants.test.ts), the framework
   * fixtures the codes added with other frameworks (test/core/frameworks.test.ts).
   */
  const SEEDS: ReadonlyArray<ReadonlyArray<string>> = [
    [path.join(VARIANTS, "faults.xlsx")],
    [path.join(FRAMEWORK_FIXTURES, "tth-2020-districts.xlsx")],
    [path.join(FRAMEWORK_FIXTURES, "phu-tho-2021-rank.xlsx")],
    [path.join(FRAMEWORK_FIXTURES, "dti-2022.xlsx"), "--framework", "dti-2022-province"],
    [path.join(FRAMEWORK_FIXTURES, "results-faults.xlsx")],
    [path.join(FRAMEWORK_FIXTURES, "sub-criteria.xlsx")],
    [path.join(FRAMEWORK_FIXTURES, "named-levels.xlsx")],
    [path.join(FRAMEWORK_FIXTURES, "other-columns.xlsx")],
  ];

  test("the params table lists every finding code, with the severity and exactly the params the command gives", async () => {
    const documented = documentedParams();
    expect([...documented.keys()].sort()).toEqual([...FINDING_CODES].sort());
    const seen = new Set<string>();
    for (const args of SEEDS) {
      const r = await cqs("check", ...args, "--json");
      expect(r.code).toBeLessThan(2);
      for (const f of (JSON.parse(r.out) as CheckJson).findings) {
        seen.add(f.code);
        const doc = documented.get(f.code)!;
        expect(`${f.code} ${f.severity}`).toBe(`${f.code} ${doc.severity}`);
        const keys = Object.keys(f.params).sort();
        expect([f.code, keys.filter((k) => !doc.maybe.includes(k))]).toEqual([
          f.code,
          [...doc.required].sort(),
        ]);
      }
    }
    expect([...seen].sort()).toEqual([...FINDING_CODES].sort());
  });

  test("the JSON example is what `cqs check --json` prints for its finding on the example workbook", async () => {
    const json = /```json\n([\s\S]*?)```/.exec(text)![1]!;
    const example = JSON.parse(json) as CheckJson;
    // The path as the docs give it, relative to the project folder (where jest runs).
    const r = await cqs("check", path.relative(process.cwd(), EXAMPLE), "--json");
    expect(r.code).toBe(1);
    const actual = JSON.parse(r.out) as CheckJson;
    expect(Object.keys(actual).sort()).toEqual(Object.keys(example).sort());
    expect(actual.workbook).toBe(example.workbook);
    expect(actual.tables).toEqual(expect.arrayContaining(example.tables));
    expect(actual.findings).toEqual(expect.arrayContaining(example.findings));
    expect(actual.summary).toEqual(example.summary);
  });
});
