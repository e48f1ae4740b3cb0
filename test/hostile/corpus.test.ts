/**
 * The bad-input corpus of issue 6 (test/fixtures/hostile, built by its build.js): every file goes
 * through the `cqs` command in-process. A readable workbook gives exactly the findings its
 * <name>.expected.json lists; an unusable file gives exit 2 and one line on stderr; never a stack
 * trace, never a change to the input, never a file left behind but the output.
 *
 * A case marked `pending` is one the core does not handle yet: its test is `test.failing`, so it
 * turns red (and must become a plain test) the day the core does.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readWorkbookFile, WorkbookReadError } from "../../src/adapters/xlsx";
import {
  BIN,
  cqs,
  ensureBuiltCli,
  expectOneLineError,
  loadWorkbook,
  sha256,
  tempDir,
  type CliResult,
} from "../cli/helpers";
import { HOSTILE } from "../fixtures/locate";

const DIR = HOSTILE;

interface ExpectedFinding {
  code: string;
  severity: string;
  sheet: string;
  cell: string;
  unit?: string;
  params?: Record<string, string>;
}

interface Expected {
  workbook: string;
  description: string;
  exit: 0 | 1 | 2;
  findings?: ExpectedFinding[];
  error?: { reason?: string; cli?: string; stderr: string };
  pending?: string;
  names?: unknown[];
}

const cases: Expected[] = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), "utf8")) as Expected);

/** Cases run in a child process with a time limit (a hang in the core would stall jest). */
const CHILD_ONLY = new Set(["summary-backtracking.xlsx", "space-runs.xlsx"]);

const workbookCases = cases.filter((c) => !c.error && !CHILD_ONLY.has(c.workbook));
const errorCases = cases.filter((c) => c.error);

/** No stack frame, no "Error:" prefix of an uncaught exception, one line per message. */
function expectNoStackTrace(r: CliResult): void {
  for (const text of [r.out, r.err]) {
    expect(text).not.toMatch(/^\s+at .+[:(]\d+/m);
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toMatch(/(TypeError|RangeError|ReferenceError|SyntaxError): /);
  }
}

/** Raw terminal control characters (C0 but tab and line feed, DEL, C1) and bidi overrides. */
// eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
const RAW_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function pick(f: ExpectedFinding, params?: Record<string, string>): ExpectedFinding {
  const keys = params ? Object.keys(params) : [];
  const got = f.params ?? {};
  return {
    code: f.code,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    ...(f.unit !== undefined ? { unit: f.unit } : {}),
    ...(keys.length > 0 ? { params: Object.fromEntries(keys.map((k) => [k, got[k]!])) } : {}),
  };
}

test("the corpus is complete: every case has its workbook, and build.js wrote them", () => {
  expect(cases.length).toBeGreaterThanOrEqual(27);
  for (const c of cases) expect(fs.existsSync(path.join(DIR, c.workbook))).toBe(true);
});

describe("readable workbooks: the exact findings, exit 0 or 1", () => {
  for (const c of workbookCases) {
    const run = c.pending ? test.failing : test;
    run(`${c.workbook}: ${c.description.slice(0, 90)}…`, async () => {
      const file = path.join(DIR, c.workbook);
      const before = sha256(file);
      const r = await cqs("check", file, "--json");
      expectNoStackTrace(r);
      expect(r.err).toBe("");
      const json = JSON.parse(r.out) as { findings: ExpectedFinding[] };
      const expected = c.findings!;
      const got = json.findings.map((f, i) => pick(f, expected[i]?.params));
      expect(got).toEqual(expected);
      expect(r.code).toBe(c.exit);
      expect(sha256(file)).toBe(before);
    });
  }
});

describe("readable workbooks: the text report and `rank` stay safe", () => {
  for (const c of workbookCases) {
    test(`${c.workbook}: check prints text only, rank writes a workbook that opens, the input is unchanged`, async () => {
      const file = path.join(DIR, c.workbook);
      const before = sha256(file);
      const text = await cqs("check", file);
      expectNoStackTrace(text);
      expect(text.out).not.toMatch(RAW_CONTROLS);
      expect([0, 1]).toContain(text.code);

      const dir = tempDir("hostile-rank");
      const out = path.join(dir, "xep-hang.xlsx");
      const r = await cqs("rank", file, "--out", out);
      expectNoStackTrace(r);
      expect(r.out + r.err).not.toMatch(RAW_CONTROLS);
      expect(r.code).toBe(0);
      expect(fs.readdirSync(dir)).toEqual(["xep-hang.xlsx"]); // no temp file left
      const wb = await loadWorkbook(out); // opens again (valid XML)
      expect(wb.worksheets.length).toBeGreaterThanOrEqual(2);
      await expect(readWorkbookFile(out)).resolves.toBeDefined();
      expect(sha256(file)).toBe(before);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
});

describe("unusable files: exit 2, one line on stderr, nothing written", () => {
  for (const c of errorCases) {
    test(`${c.workbook}: ${c.description}`, async () => {
      const file = path.join(DIR, c.workbook);
      const before = sha256(file);
      const r = await cqs("check", file);
      expectOneLineError(r, new RegExp(c.error!.stderr));
      expectNoStackTrace(r);
      expect(r.out).toBe("");

      const en = await cqs("check", file, "--lang", "en", "--json");
      expectOneLineError(en);
      expect(en.out).toBe("");

      if (c.error!.reason) {
        const e = await readWorkbookFile(file).then(
          () => undefined,
          (x: unknown) => x,
        );
        expect(e).toBeInstanceOf(WorkbookReadError);
        expect((e as WorkbookReadError).reason).toBe(c.error!.reason);
      }

      const dir = tempDir("hostile-bad");
      const out = path.join(dir, "xep-hang.xlsx");
      const rank = await cqs("rank", file, "--out", out);
      expectOneLineError(rank);
      expect(fs.readdirSync(dir)).toEqual([]);
      expect(sha256(file)).toBe(before);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  }
});

describe("what the cases show beyond their findings", () => {
  const load = (name: string): Expected => cases.find((c) => c.workbook === name)!;

  test("formula-injection: every name is written by rank as a text cell, never a formula", async () => {
    const file = path.join(DIR, "formula-injection.xlsx");
    const dir = tempDir("hostile-inject");
    const out = path.join(dir, "out.xlsx");
    expect((await cqs("rank", file, "--out", out)).code).toBe(0);
    const wb = await loadWorkbook(out);
    const ws = wb.worksheets[wb.worksheets.length - 1]!; // the ranking sheet, after the input's own
    const names: string[] = [];
    ws.eachRow((row) => {
      const c = row.getCell(2);
      if (c.type !== ExcelJS.ValueType.Merge && typeof c.value === "string" && /^[=+\-@'\t]/.test(c.value)) {
        names.push(c.value);
        expect(c.type).toBe(ExcelJS.ValueType.String);
        expect(c.formula).toBeUndefined();
      }
    });
    expect(names).toHaveLength(8);
    // And in the package itself: no <f> element in any worksheet.
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
    expect(sheets.length).toBeGreaterThan(0);
    for (const part of sheets) expect(await zip.file(part)!.async("string")).not.toMatch(/<f[ >]/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("control-chars: check shows the control characters as \\uXXXX, --json keeps them exactly", async () => {
    const file = path.join(DIR, "control-chars.xlsx");
    const text = await cqs("check", file, "--lang", "en");
    expect(text.out).not.toMatch(RAW_CONTROLS);
    const json = await cqs("check", file, "--json");
    const tables = (JSON.parse(json.out) as { tables: unknown[] }).tables;
    expect(tables).toHaveLength(2);
    // Reading keeps the names exactly as the cells hold them.
    const grid = await readWorkbookFile(file);
    const names = grid.sheets[0]!.rows.map((r) => r?.[1]?.v).filter((v) => typeof v === "string");
    for (const n of load("control-chars.xlsx").names as string[]) expect(names).toContain(n);
    const dir = tempDir("hostile-ctl");
    const out = path.join(dir, "out.xlsx");
    const rank = await cqs("rank", file, "--out", out);
    expect(rank.code).toBe(0);
    const back = await readWorkbookFile(out);
    const written = back.sheets.flatMap((s) => s.rows.flatMap((r) => (r ?? []).map((c) => c?.v)));
    expect(written.filter((v) => typeof v === "string" && /\uFFFE|\uFFFF/.test(v))).toEqual([]);
    expect(written).toContain("Sở Nội vụ\uFFFD"); // U+FFFE written as U+FFFD, visibly
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("tcvn3-names / vni-names: rank writes the criteria table's Unicode names", async () => {
    for (const name of ["tcvn3-names.xlsx", "vni-names.xlsx"]) {
      const dir = tempDir("hostile-legacy");
      const out = path.join(dir, "out.xlsx");
      expect((await cqs("rank", path.join(DIR, name), "--out", out, "--separate")).code).toBe(0);
      const grid = await readWorkbookFile(out);
      const written = grid.sheets[0]!.rows.map((r) => r?.[1]?.v);
      for (const n of load(name).names as Array<{ legacy: string; unicode: string }>) {
        expect(written).toContain(n.unicode);
        expect(written).not.toContain(n.legacy);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("far-cell: a sheet whose dimension reaches A1:XFD1048576 but holds few cells is read", async () => {
    const grid = await readWorkbookFile(path.join(DIR, "far-cell.xlsx"));
    expect(grid.sheets[0]!.rows).toHaveLength(1048576);
  });
});

describe("a case that may hang runs in a child process with a time limit", () => {
  beforeAll(() => ensureBuiltCli(), 60_000);
  const slow = cases.filter((x) => CHILD_ONLY.has(x.workbook));
  it("has the cases it names", () =>
    expect(slow.map((c) => c.workbook).sort()).toEqual([...CHILD_ONLY].sort()));
  for (const c of slow) {
    const run = c.pending ? test.failing : test;
    run(`${c.workbook}: ${c.description.slice(0, 80)}…`, () => {
      const r = spawnSync(process.execPath, [BIN, "check", path.join(DIR, c.workbook), "--json"], {
        encoding: "utf8",
        timeout: 4000,
      });
      expect(r.signal).toBeNull(); // not killed by the time limit
      expect(r.status).toBe(c.exit);
      const findings = (JSON.parse(r.stdout) as { findings: ExpectedFinding[] }).findings;
      expect(findings.map((f, i) => pick(f, c.findings?.[i]?.params))).toEqual(c.findings);
    });
  }
});
