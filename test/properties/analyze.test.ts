/**
 * Properties of reading and checking (issue 6), over random grids and random criteria tables:
 * - reading and checking never throw, and what they report points into the workbook;
 * - every score or total that is not a number is reported at its own cell, with the right code;
 * - checking is deterministic and does not change its input.
 * Run counts: RUNS in ./arbitraries.ts (docs/robustness.md lists them).
 */
import fc from "fast-check";
import {
  analyzeWorkbook,
  DEFAULT_FRAMEWORK,
  FINDING_SEVERITY,
  parseA1,
  readWorkbook,
  compileFramework,
  planRankingSheets,
} from "../../src/core";
import type { Analysis } from "../../src/core";
import type { Cell, WorkbookGrid } from "../../src/core/grid";
import {
  blockSheet,
  criteriaSheet,
  longText,
  FORMATS,
  HEADER_ROW,
  randomWorkbook,
  runs,
  RUNS,
  scoreCol,
  tableSpec,
  TOTAL_COL,
  type TableSpec,
} from "./arbitraries";

const FW = compileFramework(DEFAULT_FRAMEWORK);

function checkShape(wb: WorkbookGrid, a: Analysis): void {
  const names = wb.sheets.map((s) => s.name);
  for (const f of a.findings) {
    expect(names).toContain(f.sheet);
    expect(parseA1(f.cell)).toBeDefined();
    expect(f.severity).toBe(FINDING_SEVERITY[f.code]);
  }
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of a.findings) counts[f.severity]++;
  expect(a.summary).toEqual(counts);
  for (const b of a.blocks) {
    expect(b.order.slice().sort((x, y) => x - y)).toEqual(b.units.map((_, i) => i));
  }
}

describe("reading and checking never throw", () => {
  test(`random grids (${RUNS.randomGrids} runs): readWorkbook and analyzeWorkbook return, findings point into the workbook`, () => {
    fc.assert(
      fc.property(randomWorkbook, (wb) => {
        readWorkbook(wb, FW);
        checkShape(wb, analyzeWorkbook(wb, DEFAULT_FRAMEWORK));
      }),
      runs(RUNS.randomGrids),
    );
  });

  test(`random criteria tables followed by random grids (${RUNS.tablesAndGrids} runs)`, () => {
    fc.assert(
      fc.property(tableSpec(), randomWorkbook, (spec, rest) => {
        const wb: WorkbookGrid = { name: "t.xlsx", sheets: [criteriaSheet(spec), ...rest.sheets] };
        checkShape(wb, analyzeWorkbook(wb, DEFAULT_FRAMEWORK));
      }),
      runs(RUNS.tablesAndGrids),
    );
  });

  test(`random blocks: criteria, ranking and summary (${RUNS.blocks} runs)`, () => {
    fc.assert(
      fc.property(blockSheet, (sheet) => {
        const wb: WorkbookGrid = { name: "t.xlsx", sheets: [sheet] };
        const a = analyzeWorkbook(wb, DEFAULT_FRAMEWORK);
        checkShape(wb, a);
        expect(a.blocks).toHaveLength(1);
      }),
      runs(RUNS.blocks),
    );
  });

  test(`random blocks with texts as long as a cell holds in random cells, names included (${RUNS.longTexts} runs)`, () => {
    // Found this way: a stack overflow matching two long names, seconds reading spaces.
    fc.assert(
      fc.property(
        blockSheet,
        fc.array(fc.tuple(fc.nat(), fc.nat({ max: 11 }), fc.boolean(), longText), { maxLength: 4 }),
        fc.option(fc.tuple(longText, fc.constantFrom("", " tỉnh", " và PTNT"))),
        (sheet, placed, pair) => {
          const rows = sheet.rows.map((r) => (r ? [...r] : []));
          for (const [r, c, inNames, text] of placed) rows[r % rows.length]![inNames ? 1 : c] = { v: text };
          if (pair) {
            // The first unit of each table named with the same long text, the ranking's maybe longer.
            const headers = rows.flatMap((r, i) => (r[1]?.v === "Đơn vị" ? [i] : []));
            headers.forEach((h, k) => {
              if (rows[h + 1]) rows[h + 1]![1] = { v: k === 0 ? pair[0] : pair[0] + pair[1] };
            });
          }
          const wb: WorkbookGrid = { name: "t.xlsx", sheets: [{ ...sheet, rows }] };
          const a = analyzeWorkbook(wb, DEFAULT_FRAMEWORK);
          checkShape(wb, a);
          planRankingSheets(a, [sheet.name]);
        },
      ),
      runs(RUNS.longTexts),
    );
  });

  // ExcelJS turns a huge number formatted as a date into an invalid Date: the core reports it.
  test("core: an invalid Date in a score cell is reported, not thrown (RangeError: Invalid time value)", () => {
    const spec: TableSpec = {
      names: ["Sở Tài chính"],
      scores: [[{ v: new Date(NaN) }, ...Array.from({ length: 7 }, () => ({ v: 1 }))]],
      totals: [{ v: 7 }],
    };
    const a = analyzeWorkbook({ name: "t.xlsx", sheets: [criteriaSheet(spec)] }, DEFAULT_FRAMEWORK);
    expect(a.findings.map((f) => [f.code, f.cell])).toContainEqual(["NOT_A_NUMBER", "C4"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Every non-number is reported with its cell

type Expect = "number" | "TEXT_NUMBER" | "NOT_A_NUMBER" | "MISSING_SCORE" | "UNCALCULATED_FORMULA";

const DATE_FORMATS = new Map(FORMATS.map(([f, isDate]) => [f, isDate]));
/** Spaces around number text: DESIGN.md's spaces and non-breaking spaces, and the other Unicode spaces Word pastes. */
const SPACES =
  /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+$/g;
const NUMBER_TEXT = /^[+-]?(\d+)(?:[.,]\d+)?$/;

/** What DESIGN.md "Reading cells" makes of a cell, written independently of the core. */
function expectedReading(c: Cell): Expect {
  const v = c.v;
  if (typeof v === "number") {
    const isDate = DATE_FORMATS.get(c.fmt);
    if (isDate === undefined) throw new Error(`format not classified: ${c.fmt}`);
    // Dates and percentages ("6%" stored as 0.06) are not scores.
    if (isDate) return "NOT_A_NUMBER";
    // Any number a cell holds is a number, however large; only NaN and ±Infinity (no cell holds them) are not.
    return Number.isFinite(v) ? "number" : "NOT_A_NUMBER";
  }
  if (v === null) return c.f ? "UNCALCULATED_FORMULA" : "MISSING_SCORE";
  if (typeof v === "string") {
    const t = v.replace(SPACES, "");
    if (t === "") return c.f ? "UNCALCULATED_FORMULA" : "MISSING_SCORE";
    const m = NUMBER_TEXT.exec(t);
    return m && m[1]!.length <= 15 ? "TEXT_NUMBER" : "NOT_A_NUMBER";
  }
  return "NOT_A_NUMBER"; // boolean, Date, error value
}

const READING_CODES = new Set(["TEXT_NUMBER", "NOT_A_NUMBER", "MISSING_SCORE", "UNCALCULATED_FORMULA"]);

describe("every non-number in a score cell is reported with its cell", () => {
  test(`random cells in a criteria table (${RUNS.scoreCells} runs): one finding per cell that is not a plain number, at that cell`, () => {
    fc.assert(
      fc.property(tableSpec(), (spec) => {
        const wb: WorkbookGrid = { name: "t.xlsx", sheets: [criteriaSheet(spec)] };
        const a = analyzeWorkbook(wb, DEFAULT_FRAMEWORK);
        expect(a.tables[0]!.units).toBe(spec.names.length);
        const got = new Map<string, string[]>();
        for (const f of a.findings) {
          if (!READING_CODES.has(f.code)) continue;
          got.set(f.cell, [...(got.get(f.cell) ?? []), f.code]);
        }
        const want = new Map<string, string[]>();
        spec.names.forEach((_, i) => {
          const row = HEADER_ROW + 1 + i;
          const cells: Array<[number, Cell]> = [
            ...spec.scores[i]!.map((c, k): [number, Cell] => [scoreCol(k), c]),
            [TOTAL_COL, spec.totals[i]!],
          ];
          for (const [col, c] of cells) {
            const e = expectedReading(c);
            if (e !== "number") want.set(`${String.fromCharCode(65 + col)}${row + 1}`, [e]);
          }
        });
        expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
        // And the unit named on each is the row's unit.
        for (const f of a.findings) {
          if (!READING_CODES.has(f.code)) continue;
          const row = parseA1(f.cell)!.row;
          expect(f.unit).toBe(spec.names[row - HEADER_ROW - 1]);
        }
      }),
      runs(RUNS.scoreCells),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Deterministic, and the input is left as it was

function deepFreeze<T>(x: T): T {
  if (x && typeof x === "object" && !(x instanceof Date) && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x as object)) deepFreeze(v);
  }
  return x;
}

function snapshot(wb: WorkbookGrid): string {
  return JSON.stringify(wb, (_k, v: unknown) =>
    v instanceof Date ? `Date(${v.getTime()})` : typeof v === "number" && !Number.isFinite(v) ? String(v) : v,
  );
}

/** A deep copy made in this realm (structuredClone's Dates fail `instanceof Date` under jest). */
function cloneGrid<T>(x: T): T {
  if (x instanceof Date) return new Date(x.getTime()) as T;
  if (Array.isArray(x)) return x.map(cloneGrid) as T;
  if (x && typeof x === "object") {
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, cloneGrid(v)])) as T;
  }
  return x;
}

const resultOf = (a: Analysis): string =>
  JSON.stringify({ findings: a.findings, tables: a.tables, blocks: a.blocks, summary: a.summary });

describe("checking is deterministic and does not change its input", () => {
  const workbooks = fc.oneof(
    randomWorkbook,
    blockSheet.map((s) => ({ name: "t.xlsx", sheets: [s] })),
    fc.tuple(tableSpec(), randomWorkbook).map(([spec, rest]) => ({
      name: "t.xlsx",
      sheets: [criteriaSheet(spec), ...rest.sheets],
    })),
  );

  test(`frozen input (${RUNS.deterministic} runs): the same result twice and on a copy, the input unchanged`, () => {
    fc.assert(
      fc.property(workbooks, (wb) => {
        const before = snapshot(wb);
        const copy = cloneGrid(wb);
        deepFreeze(wb); // a write into the grid would throw in strict mode
        const first = resultOf(analyzeWorkbook(wb, DEFAULT_FRAMEWORK));
        const second = resultOf(analyzeWorkbook(wb, DEFAULT_FRAMEWORK));
        expect(second).toBe(first);
        expect(resultOf(analyzeWorkbook(copy, DEFAULT_FRAMEWORK))).toBe(first);
        expect(snapshot(wb)).toBe(before);
      }),
      runs(RUNS.deterministic),
    );
  });
});
