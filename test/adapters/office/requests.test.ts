/**
 * Request sizes as office.js sends them. The ranking write and the marks are measured with the
 * serializer of the pinned office.js (src/excel-double/office-js-serializer.ts) and run against
 * the double with Excel on the web's 5 MB limit; the double's own byte count is checked against
 * the serializer.
 */
import {
  analyzeWorkbook,
  DEFAULT_FRAMEWORK,
  MARK_FILLS,
  planRankingSheets,
  type PlannedMark,
} from "../../../src/core";
import {
  buildRanking,
  MARKS_SHEET,
  removeMarks,
  markFindings,
} from "../../../src/adapters/office/operations";
import {
  fillReadParts,
  markCells,
  markTargets,
  markWriteParts,
  type FillProps,
} from "../../../src/adapters/office/marks";
import { formatRects, sendInRequests, writePlannedSheets } from "../../../src/adapters/office/write";
import { serializingContext } from "../../../src/excel-double/office-js-serializer";
import { fromWorkbookGrid } from "../../../src/excel-double/fake-excel";
import { generatedWorkbook, setup } from "./helpers";

const WEB_LIMIT = 5_000_000;
/** The bound for the largest request: 4,800 KiB. */
const MAX_REQUEST = 4800 * 1024;

function rankingPlans(units: number): ReturnType<typeof planRankingSheets> {
  const grid = generatedWorkbook(units);
  const analysis = analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
  return planRankingSheets(
    analysis,
    grid.sheets.map((s) => s.name),
  );
}

/** One mark per score cell, row by row, `count` of them, severities in turn. */
function manyMarks(count: number): PlannedMark[] {
  const severities = ["error", "warning", "info"] as const;
  const cols = "CDEFGHIJ";
  return Array.from({ length: count }, (_, i) => ({
    sheet: "Bảng điểm",
    cell: `${cols[i % cols.length]}${4 + Math.floor(i / cols.length)}`,
    severity: severities[i % 3]!,
  }));
}

describe("formatRects", () => {
  it("makes one rectangle per column of equal format, and breaks where a row differs", () => {
    const rows = [
      ["h", "h", "h"],
      ["c", "l", "c"],
      ["c", "l", "c"],
      ["c", "l", undefined],
      ["c", "l", "c"],
    ];
    const rects = formatRects(rows, (x) => x);
    expect(rects).toEqual([
      { top: 0, bottom: 0, from: 0, to: 2, key: "h" },
      { top: 1, bottom: 4, from: 0, to: 0, key: "c" },
      { top: 1, bottom: 4, from: 1, to: 1, key: "l" },
      { top: 1, bottom: 2, from: 2, to: 2, key: "c" },
      { top: 4, bottom: 4, from: 2, to: 2, key: "c" },
    ]);
  });
});

describe("the ranking write as office.js serializes it", () => {
  it.each([30, 3000, 10000])("stays under the limit at %i units", async (units) => {
    const real = serializingContext();
    await writePlannedSheets(real.context, rankingPlans(units), { activateFirst: true });
    expect(real.requests.length).toBeGreaterThan(0);
    expect(Math.max(...real.requests)).toBeLessThanOrEqual(MAX_REQUEST);
  });

  it("is split into requests under the limit when one would not do (100,000 units)", async () => {
    const real = serializingContext();
    await writePlannedSheets(real.context, rankingPlans(100000));
    expect(real.requests.length).toBeGreaterThan(1);
    expect(Math.max(...real.requests)).toBeLessThanOrEqual(MAX_REQUEST);
  }, 60_000);

  it("writes the same sheet in one request or in many", async () => {
    const plans = rankingPlans(200);
    const one = setup(fromWorkbookGrid(generatedWorkbook(1)));
    const many = setup(fromWorkbookGrid(generatedWorkbook(1)));
    await one.fake.Excel.run((ctx) => writePlannedSheets(ctx as unknown as Excel.RequestContext, plans));
    await many.fake.Excel.run((ctx) =>
      writePlannedSheets(ctx as unknown as Excel.RequestContext, plans, { budget: 5000 }),
    );
    expect(many.fake.stats.requests.length).toBeGreaterThan(3);
    const name = plans[0]!.name;
    const rows = plans[0]!.rows.length;
    const range = `A1:D${rows}`;
    expect(many.fake.workbook.values(name, range)).toEqual(one.fake.workbook.values(name, range));
    for (const cell of ["A1", "A4", "B4", "C4", `B${rows - 2}`, `D${rows - 2}`]) {
      expect(many.fake.workbook.cell(name, cell)).toEqual(one.fake.workbook.cell(name, cell));
    }
    expect(many.fake.workbook.merges(name)).toEqual(one.fake.workbook.merges(name));
  });

  it("is what the double counts, within a quarter", async () => {
    for (const units of [30, 10000]) {
      const plans = rankingPlans(units);
      const real = serializingContext();
      await writePlannedSheets(real.context, plans);
      const { fake } = setup(fromWorkbookGrid(generatedWorkbook(1)));
      await fake.Excel.run((ctx) => writePlannedSheets(ctx as unknown as Excel.RequestContext, plans));
      const double = fake.stats.requests.map((r) => r.sent);
      expect(double).toHaveLength(real.requests.length);
      double.forEach((bytes, i) => {
        expect(Math.abs(bytes - real.requests[i]!) / real.requests[i]!).toBeLessThanOrEqual(0.25);
      });
    }
  });

  it("ranks 10,000 units against the double with the 5 MB limit in at most 8 syncs", async () => {
    const { fake, host } = setup(fromWorkbookGrid(generatedWorkbook(10000)), undefined, {
      platform: "web",
      payloadLimitBytes: WEB_LIMIT,
    });
    const result = await buildRanking(host);
    expect(result.added).toHaveLength(1);
    expect(fake.stats.syncs).toBeLessThanOrEqual(8);
    expect(Math.max(...fake.stats.requests.map((r) => r.sent))).toBeLessThanOrEqual(MAX_REQUEST);
  }, 60_000);
});

describe("marks for 10,000 findings", () => {
  it("are sent in requests under the limit as office.js serializes them", async () => {
    const real = serializingContext();
    const targets = markTargets(manyMarks(10000));
    await sendInRequests(real.context, fillReadParts(real.context, targets));
    const reads = real.requests.length;
    // The originals as Excel may give them: no fill, or a patterned theme tint (the largest).
    const fills: FillProps[] = targets.map((_, i) =>
      i % 2
        ? { color: "#FFFFFF", tintAndShade: null, pattern: "None" }
        : { color: "#DDEBF7", tintAndShade: 0.7999816888943144, pattern: "Gray50", patternColor: "#FF0000" },
    );
    await sendInRequests(real.context, markWriteParts(real.context, targets, fills, undefined, []));
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(real.requests.length).toBeGreaterThan(reads + 1);
    expect(Math.max(...real.requests)).toBeLessThanOrEqual(MAX_REQUEST);
  });

  it("mark and restore every cell against the double with the 5 MB limit", async () => {
    const { fake, host } = setup(fromWorkbookGrid(generatedWorkbook(1300)), undefined, {
      platform: "web",
      payloadLimitBytes: WEB_LIMIT,
    });
    const marks = manyMarks(10000);
    const marked = await fake.Excel.run((ctx) => markCells(ctx as unknown as Excel.RequestContext, marks));
    expect(marked).toBe(10000);
    expect(fake.workbook.cell("Bảng điểm", "C4").fill).toBe(MARK_FILLS.error);
    expect(Math.max(...fake.stats.requests.map((r) => r.sent))).toBeLessThanOrEqual(MAX_REQUEST);
    expect(await removeMarks(host)).toBe(10000);
    expect(fake.workbook.fills("Bảng điểm")).toEqual({});
    expect(fake.workbook.values(MARKS_SHEET, "A1:C1")).toEqual([["", "", ""]]);
  }, 60_000);
});

describe("fills restored exactly", () => {
  it("sets the displayed colour without a tint where the read-back differs (a theme tint)", async () => {
    const grid = generatedWorkbook(3);
    const { fake, host } = setup(fromWorkbookGrid(grid));
    await fake.Excel.run(async (ctx) => {
      const fill = ctx.workbook.worksheets.getItem("Bảng điểm").getRange("K4:K6").format.fill;
      fill.color = "#4472C4";
      fill.tintAndShade = 0.6;
      await ctx.sync();
    });
    const shown = fake.workbook.cell("Bảng điểm", "K4").displayedFill;
    expect(shown).not.toBe("#4472C4");
    // A typed total off by one hundredth: K4 gets a mark.
    const analysis = analyzeWorkbook(
      {
        ...grid,
        sheets: grid.sheets.map((s) => ({
          ...s,
          rows: s.rows.map((r, i) => (i === 3 && r ? r.map((c, j) => (j === 10 ? { v: 1 } : c)) : r)),
        })),
      },
      DEFAULT_FRAMEWORK,
    );
    const k4 = analysis.findings.filter((f) => f.cell === "K4");
    expect(k4.length).toBeGreaterThan(0);
    await markFindings(host, { ...analysis, findings: k4 });
    expect(fake.workbook.cell("Bảng điểm", "K4").fill).not.toBe("#4472C4");
    fake.stats.reset();
    expect(await removeMarks(host)).toBe(1);
    // Restored as read (colour + tint tints twice in the double), read back, then set plainly.
    expect(fake.stats.syncs).toBe(4);
    expect(fake.workbook.cell("Bảng điểm", "K4")).toMatchObject({ displayedFill: shown, tint: 0 });
    expect(fake.workbook.cell("Bảng điểm", "K5")).toMatchObject({ fill: "#4472C4", tint: 0.6 });
  });

  it("needs no fallback when the read-back equals the original", async () => {
    const grid = generatedWorkbook(3);
    const { fake, host } = setup(fromWorkbookGrid(grid));
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Bảng điểm").getRange("C4").format.fill.color = "#FFFF00";
      await ctx.sync();
    });
    await fake.Excel.run((ctx) =>
      markCells(ctx as unknown as Excel.RequestContext, [
        { sheet: "Bảng điểm", cell: "C4", severity: "error" },
      ]),
    );
    fake.stats.reset();
    expect(await removeMarks(host)).toBe(1);
    expect(fake.stats.syncs).toBe(3);
    expect(fake.workbook.cell("Bảng điểm", "C4")).toMatchObject({ fill: "#FFFF00", tint: 0 });
  });
});
