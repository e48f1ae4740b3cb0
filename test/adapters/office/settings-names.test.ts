/**
 * Saving a framework defines the workbook names the functions read (CQS_LEVELS, CQS_SCALE, …) on
 * the settings sheet's cells; saving another framework points them at its cells and removes a name
 * it no longer has (CQS_WEIGHTS).
 */
import { loadSettings, saveSettings } from "../../../src/adapters/office/operations";
import { DEFAULT_FRAMEWORK, type Framework } from "../../../src/core/framework";
import { libraryFramework } from "../../../src/core/library";
import { LEVELS_NAME, SETTINGS_SHEET, THRESHOLDS_NAME, WEIGHTS_NAME } from "../../../src/core/settings";
import { levelFormula } from "../../../src/core/formulas";
import { setupExample } from "./helpers";

const NAMED: Framework = {
  ...DEFAULT_FRAMEWORK,
  name: "Cấp xã",
  levels: [
    { name: "Tốt", min: "90" },
    { name: "Khá", min: "70" },
    { name: "Trung bình", min: "50" },
    { name: "Yếu" },
  ],
};

describe("the settings' workbook names", () => {
  it("CQS_LEVELS names the saved levels; a later save moves it and drops CQS_WEIGHTS", async () => {
    const { fake, host } = await setupExample();
    await saveSettings(host, libraryFramework("dti-2022-province")!);
    const names = (): Map<string, string> =>
      new Map(fake.workbook.namedItems().map((n) => [n.name, n.formula]));
    expect(names().get(WEIGHTS_NAME)).toMatch(/^=CQS_Settings!\$G\$\d+:\$G\$\d+$/);
    await saveSettings(host, NAMED);
    const after = names();
    expect(after.has(WEIGHTS_NAME)).toBe(false);
    expect(after.has(THRESHOLDS_NAME)).toBe(true);
    expect((await loadSettings(host))?.levels?.map((l) => l.name)).toEqual([
      "Tốt",
      "Khá",
      "Trung bình",
      "Yếu",
    ]);
    // The cells CQS_LEVELS names, as a formula receives them: the saved levels classify totals.
    const m = /^=CQS_Settings!\$B\$(\d+):\$C\$(\d+)$/.exec(after.get(LEVELS_NAME)!)!;
    const grid = fake.workbook.toWorkbookGrid().sheets.find((s) => s.name === SETTINGS_SHEET)!;
    const range: unknown[][] = [];
    for (let r = Number(m[1]) - 1; r <= Number(m[2]) - 1; r++) {
      const row = grid.rows[r - (grid.top ?? 0)]!;
      range.push([1, 2].map((c) => row[c - (grid.left ?? 0)]?.v ?? null));
    }
    expect(range.map((r) => r[0])).toEqual(["Tốt", "Khá", "Trung bình", "Yếu"]);
    expect(levelFormula(75, range)).toBe("Khá");
    expect(levelFormula(10, range)).toBe("Yếu");
  });
});
