/**
 * The framework the pane stores in the workbook (very hidden sheet CQS_Settings) is honoured by
 * `cqs`; `--framework` overrides it.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { DEFAULT_FRAMEWORK, planSettingsSheet } from "../../src/core";
import { cqs, FIXTURE, tempDir } from "./helpers";

async function withSettings(
  dir: string,
  thresholds: { I: string; II: string; III: string },
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  const plan = planSettingsSheet({ ...DEFAULT_FRAMEWORK, thresholds });
  const ws = wb.addWorksheet(plan.sheet, { state: "veryHidden" });
  plan.rows.forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  const file = path.join(dir, "with-settings.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("settings stored in the workbook", () => {
  const dir = tempDir("settings");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("thresholds in CQS_Settings change the levels of check and rank", async () => {
    const file = await withSettings(dir, { I: "93", II: "80", III: "70" });
    const check = await cqs("check", file, "--json");
    const json = JSON.parse(check.out) as {
      findings: Array<{ code: string }>;
      tables: Array<{ sheet: string }>;
    };
    expect(json.tables.map((t) => t.sheet)).not.toContain("CQS_Settings");
    expect(json.findings.filter((f) => f.code === "LEVEL_MISMATCH").length).toBeGreaterThan(0);
    const out = path.join(dir, "ranked.xlsx");
    const rank = await cqs("rank", file, "--out", out);
    expect(rank.code).toBe(0);
    expect(rank.out).toContain("5/15/0/0");
  });

  test("--framework overrides the workbook's settings", async () => {
    const file = await withSettings(dir, { I: "93", II: "80", III: "70" });
    const fw = path.join(dir, "default.json");
    fs.writeFileSync(fw, JSON.stringify({ thresholds: [90, 80, 70] }));
    const check = await cqs("check", file, "--json", "--framework", fw);
    const json = JSON.parse(check.out) as { summary: { error: number; warning: number; info: number } };
    expect(json.summary).toEqual({ error: 5, warning: 0, info: 7 });
  });

  test("a damaged settings sheet is a one-line error, exit 2", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(FIXTURE);
    const ws = wb.addWorksheet("CQS_Settings", { state: "veryHidden" });
    ws.getCell("A1").value = "threshold";
    ws.getCell("B1").value = "chín mươi";
    const file = path.join(dir, "broken-settings.xlsx");
    await wb.xlsx.writeFile(file);
    const r = await cqs("check", file);
    expect(r.code).toBe(2);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toContain("CQS_Settings");
  });
});
