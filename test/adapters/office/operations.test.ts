/**
 * The Office adapter's operations (src/adapters/office/operations.ts) against the in-memory Excel
 * double: what the pane and the ribbon do, on the example workbook and on generated ones.
 */
import {
  analyzeWorkbook,
  DEFAULT_FRAMEWORK,
  levelCountsLine,
  MARK_FILLS,
  planRankingSheets,
  SETTINGS_SHEET,
  THRESHOLDS_NAME,
  workbookFramework,
  type Framework,
} from "../../../src/core";
import {
  buildRanking,
  detectCapabilitiesSafe,
  loadSettings,
  markFindings,
  MARKS_SHEET,
  removeMarks,
  saveSettings,
  selectCell,
  validateWorkbook,
  type OperationStage,
} from "../../../src/adapters/office/operations";
import { fakeOffice, fromWorkbookGrid, MODERN_REQUIREMENT_SETS } from "../../../src/excel-double/fake-excel";
import { decisionFixtures, readTruth } from "../../fixtures/locate";
import { allFills, exampleGrid, generatedWorkbook, MODERN, OLD, setup, setupExample } from "./helpers";

/** Excel on the web's limit per request and per response. */
const WEB_PAYLOAD_LIMIT = 5_000_000;

/** The five typed totals of the decision that do not equal their criteria. */
const FIVE_MISMATCHES = [
  { sheet: "Phụ lục I", unit: "Sở Tài chính", expected: "88.30", actual: "88.31" },
  { sheet: "Phụ lục I", unit: "Sở Tài nguyên và Môi trường", expected: "92.90", actual: "92.86" },
  { sheet: "Phụ lục I", unit: "Văn phòng UBND tỉnh", expected: "96.04", actual: "96.03" },
  { sheet: "Phụ lục II", unit: "Thị xã Hương Thủy", expected: "89.15", actual: "89.14" },
  { sheet: "Phụ lục II", unit: "Huyện Phú Lộc", expected: "88.64", actual: "88.65" },
];

describe("validateWorkbook on the example workbook", () => {
  it("finds the five total mismatches, with the same findings as the .xlsx path", async () => {
    const { fake, host } = await setupExample();
    const result = await validateWorkbook(host);
    const mismatches = result.analysis.findings.filter((f) => f.code === "TOTAL_MISMATCH");
    expect(
      mismatches.map((f) => ({
        sheet: f.sheet,
        unit: f.unit,
        expected: f.params.expected,
        actual: f.params.actual,
      })),
    ).toEqual(FIVE_MISMATCHES);
    expect(mismatches.map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      "Phụ lục I!K18",
      "Phụ lục I!K19",
      "Phụ lục I!K24",
      "Phụ lục II!K8",
      "Phụ lục II!K13",
    ]);
    expect(result.analysis.summary.error).toBe(5);
    // One grid type for both adapters: Office and file paths cannot drift apart.
    const fromFile = analyzeWorkbook(await exampleGrid(), DEFAULT_FRAMEWORK);
    const key = (f: { code: string; sheet: string; cell: string }): string =>
      `${f.code} ${f.sheet}!${f.cell}`;
    expect(result.analysis.findings.map(key)).toEqual(fromFile.findings.map(key));
    expect(result.frameworkSource).toBe("default");
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
  });

  it.each(decisionFixtures())("agrees with the decision's truth file ($label)", async ({ truth: file }) => {
    const truth = readTruth(file);
    const { host } = await setupExample();
    const { analysis } = await validateWorkbook(host);
    const found = analysis.findings.filter((f) => f.code === "TOTAL_MISMATCH");
    expect(found.map((f) => [f.unit, f.params.expected])).toEqual(truth.map((t) => [t.unit, t.expected]));
  });

  it("writes nothing", async () => {
    const { fake, host } = await setupExample();
    const before = fake.workbook.toWorkbookGrid();
    await validateWorkbook(host);
    expect(fake.workbook.toWorkbookGrid()).toEqual(before);
    expect(fake.workbook.undoGroups).toEqual([]);
  });

  it('checks only the active sheet with scope "active"', async () => {
    const { fake, host } = await setupExample(MODERN, {}, { activeSheet: "Phụ lục II" });
    const { analysis, sheetNames } = await validateWorkbook(host, { scope: "active" });
    expect(sheetNames).toEqual(["Phụ lục II"]);
    expect(analysis.findings.every((f) => f.sheet === "Phụ lục II")).toBe(true);
    expect(analysis.findings.filter((f) => f.code === "TOTAL_MISMATCH").map((f) => f.cell)).toEqual([
      "K8",
      "K13",
    ]);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
  });

  it("reports its stages in order, reading before checking", async () => {
    const { host } = await setupExample();
    const stages: OperationStage[] = [];
    await validateWorkbook(host, { onProgress: (s) => stages.push(s) });
    expect(stages).toEqual(["read", "analyze"]);
  });

  it("reads without merged areas on an Excel without ExcelApi 1.13", async () => {
    const { host } = await setupExample(OLD);
    const { analysis } = await validateWorkbook(host);
    expect(analysis.findings.filter((f) => f.code === "TOTAL_MISMATCH")).toHaveLength(5);
  });
});

describe("round trips and payloads, whatever the number of units", () => {
  it.each([10, 10_000])(
    "validates %i units in at most 2 syncs and builds the ranking in at most 3",
    async (units) => {
      const { fake, host } = setup(fromWorkbookGrid(generatedWorkbook(units)), MODERN, {
        payloadLimitBytes: WEB_PAYLOAD_LIMIT,
      });
      const checked = await validateWorkbook(host);
      expect(checked.analysis.blocks[0]?.units).toHaveLength(units);
      expect(checked.analysis.summary.error).toBe(0);
      expect(fake.stats.syncs).toBeLessThanOrEqual(2);

      fake.stats.reset();
      const ranked = await buildRanking(host);
      expect(ranked.added).toEqual(["Xếp hạng Bảng điểm"]);
      expect(fake.stats.syncs).toBeLessThanOrEqual(3);
      for (const r of fake.stats.requests) {
        expect(r.sent).toBeLessThan(WEB_PAYLOAD_LIMIT);
        expect(r.received).toBeLessThan(WEB_PAYLOAD_LIMIT);
      }
    },
  );
});

describe("buildRanking", () => {
  it("writes one ranking sheet per block as the decision's appendix: its columns, source order, the summary line", async () => {
    const { fake, host } = await setupExample();
    const result = await buildRanking(host);
    expect(result.added).toEqual(["Xếp hạng Phụ lục I", "Xếp hạng Phụ lục II"]);
    expect(fake.workbook.sheetNames()).toEqual(["Phụ lục I", "Phụ lục II", ...result.added]);
    expect(fake.workbook.activeSheet).toBe("Xếp hạng Phụ lục I");

    const plans = planRankingSheets(result.analysis, ["Phụ lục I", "Phụ lục II"]);
    for (const plan of plans) {
      const width = plan.rows[0]!.length;
      const got = fake.workbook.values(plan.name, `A1:D${plan.rows.length}`);
      expect(width).toBe(4);
      expect(got).toEqual(plan.rows.map((r) => r.map((c) => (c.v === null ? "" : c.v))));
    }

    const sheet = "Xếp hạng Phụ lục II";
    const plan = plans[1]!;
    const h = plan.rows.findIndex((r) => r[0]!.v === "STT") + 1;
    const header = fake.workbook.values(sheet, `A${h}:D${h}`)[0];
    expect(header).toEqual(["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ"]);
    const body = fake.workbook.values(sheet, `A${h + 1}:D${h + 9}`);
    // Recomputed totals (Hương Thủy 89.15, Phú Lộc 88.64), in the criteria table's order.
    expect(body.map((r) => r[1])).toEqual([
      "Thành phố Huế",
      "Thị xã Hương Thủy",
      "Thị xã Hương Trà",
      "Huyện Nam Đông",
      "Huyện A Lưới",
      "Huyện Phong Điền",
      "Huyện Phú Lộc",
      "Huyện Phú Vang",
      "Huyện Quảng Điền",
    ]);
    expect(body.map((r) => r[2])).toEqual([89.26, 89.15, 89.96, 90.63, 89.1, 90.02, 88.64, 90.56, 92.96]);
    expect(body.map((r) => r[3])).toEqual(["II", "II", "II", "I", "II", "I", "II", "I", "I"]);
    expect(fake.workbook.cell(sheet, `C${h + 1}`).numberFormat).toBe("0.00");
    expect(fake.workbook.cell(sheet, `A${h + 10}`).value).toBe(
      levelCountsLine({ I: 4, II: 5, III: 0, IV: 0 }),
    );
    expect(fake.workbook.cell(sheet, `A${h}`).bold).toBe(true);
    expect(fake.workbook.sheetInfo(sheet).frozenRows).toBe(h);
  });

  it("records the ranking sheets as the add-in's own: checking again leaves them out", async () => {
    const { fake, host } = await setupExample();
    const before = await validateWorkbook(host);
    await buildRanking(host);
    const names = fake.workbook.namedItems().filter((n) => n.name.startsWith("CQS_OWN_RANKING_"));
    expect(names.map((n) => n.formula).sort()).toEqual([
      "='Xếp hạng Phụ lục I'!$A$1",
      "='Xếp hạng Phụ lục II'!$A$1",
    ]);
    const after = await validateWorkbook(host);
    expect(after.analysis.findings).toEqual(before.analysis.findings);
    expect(after.analysis.tables).toEqual(before.analysis.tables);
  });

  it("keeps the rank order and adds the rank column when asked", async () => {
    const { fake, host } = await setupExample();
    const result = await buildRanking(host, { order: "rank", withRank: true });
    const plan = planRankingSheets(result.analysis, ["Phụ lục I", "Phụ lục II"], {
      order: "rank",
      withRank: true,
    })[1]!;
    const h = plan.rows.findIndex((r) => r[0]!.v === "STT") + 1;
    const names = fake.workbook.values("Xếp hạng Phụ lục II", `B${h + 1}:B${h + 9}`).map((r) => r[0]);
    expect(names[0]).toBe("Huyện Quảng Điền");
    expect(names[8]).toBe("Huyện Phú Lộc");
    expect(fake.workbook.values("Xếp hạng Phụ lục II", `E${h}:E${h + 2}`)).toEqual([["Thứ hạng"], [1], [2]]);
  });

  it("never touches the sheets of a first ranking when run a second time", async () => {
    const { fake, host } = await setupExample();
    const first = await buildRanking(host);
    const before = fake.workbook.toWorkbookGrid();
    const beforeFills = allFills(fake);
    const second = await buildRanking(host);
    expect(second.added).toEqual(["Xếp hạng Phụ lục I (2)", "Xếp hạng Phụ lục II (2)"]);
    const after = fake.workbook.toWorkbookGrid();
    for (const name of [...first.added, "Phụ lục I", "Phụ lục II"]) {
      expect(after.sheets.find((s) => s.name === name)).toEqual(before.sheets.find((s) => s.name === name));
      expect(fake.workbook.fills(name)).toEqual(beforeFills[name]);
    }
  });

  it('writes a unit name that starts with "=" as text, not as a formula', async () => {
    const grid = generatedWorkbook(3, (i) => (i === 1 ? "=Sở Tài chính" : `Sở số ${i + 1}`));
    const { fake, host } = setup(fromWorkbookGrid(grid));
    await buildRanking(host, { order: "source" });
    const plan = planRankingSheets(analyzeWorkbook(grid, DEFAULT_FRAMEWORK), [grid.sheets[0]!.name])[0]!;
    const h = plan.rows.findIndex((r) => r[0]!.v === "STT") + 1;
    const cell = fake.workbook.cell("Xếp hạng Bảng điểm", `B${h + 2}`);
    expect(cell.value).toBe("=Sở Tài chính");
    expect(cell.formula).toBeUndefined();
    expect(cell.numberFormat).toBe("@");
  });

  it("makes its writes one Undo step where ExcelApi 1.20 is present", async () => {
    const { fake, host } = await setupExample(MODERN);
    expect((await buildRanking(host)).undoGrouped).toBe(true);
    expect(fake.workbook.undoGroups).toHaveLength(1);
    expect(fake.workbook.undoGroups[0]!.merged).toBe(true);
    expect(fake.workbook.undoClears).toEqual([]);
  });

  it("still builds the ranking, as separate Undo steps, when Excel refuses to group a call", async () => {
    const { fake, host } = await setupExample(MODERN);
    // An Excel that rejects the grouped batch (UndoNotSupported), as the docs say it may.
    const refusing: typeof host = {
      ...host,
      Excel: {
        run: ((...args: unknown[]) => {
          if (args.length === 2) {
            return Promise.reject(
              Object.assign(new Error("Undo not supported"), { code: "UndoNotSupported" }),
            );
          }
          return (host.Excel.run as (...a: unknown[]) => Promise<unknown>)(...args);
        }) as typeof host.Excel.run,
      },
    };
    const result = await buildRanking(refusing);
    expect(result.undoGrouped).toBe(false);
    expect(result.added).toEqual(["Xếp hạng Phụ lục I", "Xếp hạng Phụ lục II"]);
    expect(fake.workbook.sheetNames()).toEqual(["Phụ lục I", "Phụ lục II", ...result.added]);
  });

  it("does not ask for an Undo group on an older Excel", async () => {
    const { fake, host } = await setupExample(OLD, { undoGrouping: false });
    const result = await buildRanking(host);
    expect(result.added).toHaveLength(2);
    expect(result.undoGrouped).toBe(false);
    expect(fake.workbook.undoGroups.every((g) => !g.merged)).toBe(true);
    expect(fake.workbook.undoClears).toEqual([]);
  });

  it("checks the active sheet only, but chooses names free across the workbook", async () => {
    const { fake, host } = await setupExample(MODERN, {}, { activeSheet: "Phụ lục II" });
    const first = await buildRanking(host, { scope: "active" });
    expect(first.added).toEqual(["Xếp hạng Phụ lục II"]);
    expect(first.scopeWidened).toBeUndefined();
    await selectCell(host, "Phụ lục II", "A1");
    await buildRanking(host, { scope: "active" });
    expect(fake.workbook.sheetNames()).toEqual([
      "Phụ lục I",
      "Phụ lục II",
      "Xếp hạng Phụ lục II",
      "Xếp hạng Phụ lục II (2)",
    ]);
  });

  it("with the active sheet one the add-in made, the scope follows the criteria sheets", async () => {
    const { fake, host } = await setupExample(MODERN, {}, { activeSheet: "Phụ lục II" });
    await buildRanking(host, { scope: "active" });
    // The new ranking sheet is now the active one: checking "the active sheet" reads the criteria sheets.
    expect(fake.workbook.activeSheet).toBe("Xếp hạng Phụ lục II");
    const again = await validateWorkbook(host, { scope: "active" });
    expect(again.scopeWidened).toBe(true);
    expect(again.analysis.blocks.map((b) => b.sheet)).toEqual(["Phụ lục I", "Phụ lục II"]);
    expect(again.analysis.summary.error).toBe(5);
  });
});

describe("marks", () => {
  /** The example with fills of its own on some cells, including two cells that will be marked. */
  const userFills = {
    "Phụ lục I": {
      sheet: "Phụ lục I",
      fills: { K18: "#FFFF00", K19: "#FFFFFF", A5: "#D9E1F2", B7: "#E2EFDA" },
    },
  };

  async function withFills(): Promise<ReturnType<typeof setup>> {
    const init = fromWorkbookGrid(await exampleGrid());
    return setup({
      ...init,
      sheets: init.sheets.map((s) =>
        s.name === "Phụ lục I" ? { ...s, fills: userFills["Phụ lục I"].fills } : s,
      ),
    });
  }

  it("fills the finding cells by severity, and removing them leaves every fill as it was", async () => {
    const { fake, host } = await withFills();
    const before = allFills(fake);
    const { analysis } = await validateWorkbook(host);
    const marked = await markFindings(host, analysis);
    // One mark per cell (K24 holds an error and an info: the error wins).
    expect(marked).toBe(new Set(analysis.findings.map((f) => `${f.sheet}!${f.cell}`)).size);
    expect(fake.workbook.cell("Phụ lục I", "K18").fill).toBe(MARK_FILLS.error);
    expect(fake.workbook.cell("Phụ lục I", "K24").fill).toBe(MARK_FILLS.error);
    expect(fake.workbook.cell("Phụ lục I", "K9").fill).toBe(MARK_FILLS.info);
    expect(fake.workbook.cell("Phụ lục II", "K8").fill).toBe(MARK_FILLS.error);
    expect(fake.workbook.cell("Phụ lục I", "B7").fill).toBe("#E2EFDA");
    expect(fake.workbook.sheetInfo(MARKS_SHEET).visibility).toBe("VeryHidden");

    const restored = await removeMarks(host);
    expect(restored).toBe(marked);
    const after = allFills(fake);
    delete after[MARKS_SHEET];
    expect(after).toEqual(before);
    // "No fill" stays no fill, white stays white.
    expect(fake.workbook.cell("Phụ lục II", "K8").fill).toBeNull();
    expect(fake.workbook.cell("Phụ lục I", "K19").fill).toBe("#FFFFFF");
    expect(fake.workbook.cell("Phụ lục I", "K18").fill).toBe("#FFFF00");
  });

  it("gives a patterned cell back its pattern, over its background or over none", async () => {
    const init = fromWorkbookGrid(await exampleGrid());
    const patterns = {
      K18: { pattern: "Gray50", patternColor: "#FF0000" }, // over the user's yellow (#FFFF00)
      K9: { pattern: "LightUp", patternColor: "#0070C0" }, // over no background
    };
    const { fake, host } = await setup({
      ...init,
      sheets: init.sheets.map((s) =>
        s.name === "Phụ lục I" ? { ...s, fills: userFills["Phụ lục I"].fills, patterns } : s,
      ),
    });
    const before = allFills(fake);
    const { analysis } = await validateWorkbook(host);
    await markFindings(host, analysis);
    // Marked: a plain fill, no pattern over it.
    expect(fake.workbook.cell("Phụ lục I", "K18")).toMatchObject({ fill: MARK_FILLS.error, pattern: null });
    expect(fake.workbook.cell("Phụ lục I", "K9")).toMatchObject({ fill: MARK_FILLS.info, pattern: null });
    await removeMarks(host);
    const after = allFills(fake);
    delete after[MARKS_SHEET];
    expect(after).toEqual(before);
    expect(fake.workbook.cell("Phụ lục I", "K18")).toMatchObject({ fill: "#FFFF00", pattern: patterns.K18 });
    expect(fake.workbook.cell("Phụ lục I", "K9")).toMatchObject({ fill: null, pattern: patterns.K9 });
  });

  it("keeps the first original when a cell is marked twice", async () => {
    const { fake, host } = await withFills();
    const before = allFills(fake);
    const { analysis } = await validateWorkbook(host);
    await markFindings(host, analysis);
    await markFindings(host, analysis);
    await removeMarks(host);
    const after = allFills(fake);
    delete after[MARKS_SHEET];
    expect(after).toEqual(before);
    expect(await removeMarks(host)).toBe(0);
  });

  it("does nothing when nothing was marked", async () => {
    const { fake, host } = await setupExample();
    expect(await removeMarks(host)).toBe(0);
    expect(fake.workbook.sheetNames()).toEqual(["Phụ lục I", "Phụ lục II"]);
  });

  it("leaves the check's results unchanged (the records sheet is skipped)", async () => {
    const { host } = await setupExample();
    const first = await validateWorkbook(host);
    await markFindings(host, first.analysis);
    const again = await validateWorkbook(host);
    expect(again.analysis.findings).toEqual(first.analysis.findings);
  });

  it("works on desktop and on the web, never clearing the user's Undo history after the first marking", async () => {
    for (const platform of ["desktop", "web"] as const) {
      const { fake, host } = await setupExample(MODERN, { platform });
      const { analysis } = await validateWorkbook(host);
      await markFindings(host, analysis);
      const clears = fake.workbook.undoClears.length;
      await markFindings(host, analysis);
      await removeMarks(host);
      expect(fake.workbook.undoClears.length).toBe(clears);
    }
  });
});

describe("settings", () => {
  const changed: Framework = {
    ...DEFAULT_FRAMEWORK,
    name: "Bộ tiêu chí thử",
    thresholds: { I: "92", II: "85", III: "70" },
    reducedMax: [{ unit: "Sở Ngoại vụ", max: "98", note: "thử" }],
  };

  it("stores the framework in a very hidden sheet with the CQS_THRESHOLDS name, readable back and by the cqs command", async () => {
    const { fake, host } = await setupExample();
    expect(await loadSettings(host)).toBeUndefined();
    await saveSettings(host, changed);
    expect(fake.workbook.sheetInfo(SETTINGS_SHEET).visibility).toBe("VeryHidden");
    expect(fake.workbook.namedItems().map((n) => n.name)).toContain(THRESHOLDS_NAME);
    const loaded = await loadSettings(host);
    expect(loaded?.thresholds).toEqual(changed.thresholds);
    expect(loaded?.reducedMax).toEqual(changed.reducedMax);
    // The cqs command reads the same sheet from the saved file (core's workbookFramework).
    expect(workbookFramework(fake.workbook.toWorkbookGrid())?.thresholds).toEqual(changed.thresholds);
  });

  it("is used by the next check, and saving again replaces it", async () => {
    const { fake, host } = await setupExample();
    await saveSettings(host, changed);
    const { analysis, frameworkSource } = await validateWorkbook(host);
    expect(frameworkSource).toBe("workbook");
    // With level I from 92, Quảng Điền (92.96) is the only district at level I.
    expect(analysis.blocks[1]?.counts).toEqual([
      { level: "I", count: 1 },
      { level: "II", count: 8 },
      { level: "III", count: 0 },
      { level: "IV", count: 0 },
    ]);
    await saveSettings(host, DEFAULT_FRAMEWORK);
    expect((await loadSettings(host))?.thresholds).toEqual(DEFAULT_FRAMEWORK.thresholds);
    expect(fake.workbook.namedItems().filter((n) => n.name === THRESHOLDS_NAME)).toHaveLength(1);
    expect(fake.workbook.sheetNames().filter((n) => n === SETTINGS_SHEET)).toHaveLength(1);
  });
});

describe("selectCell", () => {
  it("activates the sheet and selects the cell, in one sync", async () => {
    const { fake, host } = await setupExample();
    await selectCell(host, "Phụ lục II", "K13");
    expect(fake.workbook.activeSheet).toBe("Phụ lục II");
    expect(fake.workbook.selected).toEqual({ sheet: "Phụ lục II", address: "K13" });
    expect(fake.stats.syncs).toBe(1);
  });
});

describe("detectCapabilitiesSafe", () => {
  it("sees everything on a current Excel", () => {
    const office = fakeOffice(MODERN_REQUIREMENT_SETS);
    expect(detectCapabilitiesSafe(office.context.requirements.isSetSupported)).toEqual({
      undoGroup: true,
      cellProperties: true,
      mergedAreas: true,
      customFunctions: true,
      pageLayout: true,
      comments: true,
      hyperlinks: true,
    });
  });

  it("sees no Undo grouping, merged areas or custom functions on an Excel with ExcelApi 1.9", () => {
    const office = fakeOffice(["ExcelApi 1.9", "AddinCommands 1.1", "DialogApi 1.1"]);
    expect(detectCapabilitiesSafe(office.context.requirements.isSetSupported)).toEqual({
      undoGroup: false,
      cellProperties: true,
      mergedAreas: false,
      customFunctions: false,
      pageLayout: true,
      comments: false,
      hyperlinks: true,
    });
  });

  it("never throws, even without the requirements API", () => {
    expect(detectCapabilitiesSafe(undefined).undoGroup).toBe(false);
    expect(
      detectCapabilitiesSafe(() => {
        throw new Error("boom");
      }).cellProperties,
    ).toBe(false);
  });
});
