/**
 * `cqs compare CURRENT.xlsx PREVIOUS.xlsx [--map MAP.json] [--json] [--out OUT.xlsx] [--force]`
 * against DESIGN.md's contract: exit 0 when it ran (whatever the checks found), 2 on unusable input
 * with one line on stderr; the --json shape; --out's new workbook (input sheets unchanged, one
 * comparison sheet per block, never overwriting without --force); the mapping stored in the workbook.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { MAP, writePreviousYear } from "../core/previous-year";
import {
  cqs,
  cqsBin,
  ensureBuiltCli,
  expectOneLineError,
  loadWorkbook,
  ROOT,
  sha256,
  tempDir,
} from "./helpers";

const EXAMPLE = path.join(ROOT, "examples/hue-2022.xlsx");
let dir: string;
let previous: string;
let mapFile: string;

beforeAll(async () => {
  dir = tempDir("compare");
  previous = path.join(dir, "hue-2021.xlsx");
  await writePreviousYear(previous);
  mapFile = path.join(dir, "map.json");
  fs.writeFileSync(mapFile, JSON.stringify(MAP, null, 2));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("cqs compare", () => {
  it("exits 0 and prints the report's sentences in Vietnamese, though both workbooks have errors", async () => {
    const r = await cqs("compare", EXAMPLE, previous, "--map", mapFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Tăng nhiều bậc nhất: Sở Y tế (tăng 14 bậc, từ hạng 19 lên hạng 5).");
    expect(r.out).toContain("Đơn vị mới: Sở Du lịch.");
    expect(r.out).toMatch(/giảm 16 bậc\s+I → II\s+Sở Tài chính/);
    expect(r.out).toContain("Ban Dân tộc (năm trước: Ủy ban Dân tộc tỉnh)");
    expect(r.err).toMatch(/có 5 lỗi/);
  });

  it("speaks English with --lang en", async () => {
    const r = await cqs("compare", EXAMPLE, previous, "--map", mapFile, "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Rose most: Sở Y tế (up 14 places, from 19 to 5).");
    expect(r.out).toContain("New units: Sở Du lịch.");
  });

  it("--json prints exactly the contract's shape, totals as numbers", async () => {
    const r = await cqs("compare", EXAMPLE, previous, "--map", mapFile, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      blocks: Array<{
        sheet: string;
        units: Array<Record<string, unknown>>;
        gone: Array<Record<string, unknown>>;
      }>;
    };
    expect(Object.keys(json)).toEqual(["blocks"]);
    expect(json.blocks.map((b) => b.sheet)).toEqual(["Phụ lục I", "Phụ lục II"]);
    for (const b of json.blocks) {
      expect(Object.keys(b)).toEqual(["sheet", "units", "gone"]);
      for (const u of b.units) {
        expect(Object.keys(u)).toEqual([
          "unit",
          "total",
          "level",
          "rank",
          "previous",
          "rankChange",
          "totalChange",
        ]);
        expect(typeof u.total).toBe("number");
        if (u.previous !== null) {
          expect(Object.keys(u.previous as object)).toEqual(["unit", "total", "level", "rank"]);
          expect(typeof (u.previous as { total: unknown }).total).toBe("number");
          // rankChange = previous rank − current rank.
          expect(u.rankChange).toBe((u.previous as { rank: number }).rank - (u.rank as number));
        } else expect(u.rankChange).toBeNull();
      }
      for (const g of b.gone) expect(Object.keys(g)).toEqual(["unit", "total", "level", "rank"]);
    }
    const yte = json.blocks[0]!.units.find((u) => u.unit === "Sở Y tế")!;
    expect(yte).toEqual({
      unit: "Sở Y tế",
      total: 94.25,
      level: "I",
      rank: 5,
      previous: { unit: "Sở Y tế", total: 89, level: "II", rank: 19 },
      rankChange: 14,
      totalChange: 5.25,
    });
    expect(json.blocks[0]!.gone).toEqual([
      { unit: "Ban Quản lý các khu công nghiệp", total: 89.18, level: "II", rank: 17 },
    ]);
  });

  it("--out writes a new workbook: every input sheet unchanged plus one comparison sheet per block", async () => {
    const out = path.join(dir, "so-sanh.xlsx");
    const before = sha256(EXAMPLE);
    const r = await cqs("compare", EXAMPLE, previous, "--map", mapFile, "--out", out);
    expect(r.code).toBe(0);
    expect(sha256(EXAMPLE)).toBe(before);
    expect(r.out).toContain("So sánh Phụ lục I");
    const input = await loadWorkbook(EXAMPLE);
    const written = await loadWorkbook(out);
    expect(written.worksheets.map((w) => w.name)).toEqual([
      ...input.worksheets.map((w) => w.name),
      "So sánh Phụ lục I",
      "So sánh Phụ lục II",
    ]);
    for (const ws of input.worksheets) {
      const copy = written.getWorksheet(ws.name)!;
      const values = (w: ExcelJS.Worksheet): unknown[] => w.getSheetValues();
      expect(JSON.stringify(values(copy))).toBe(JSON.stringify(values(ws)));
    }
    const sheet = written.getWorksheet("So sánh Phụ lục I")!;
    let header = 0;
    sheet.eachRow((row, n) => {
      if (row.getCell(1).value === "STT") header = n;
    });
    expect(header).toBeGreaterThan(0);
    const first = sheet.getRow(header + 1);
    expect(first.getCell(2).value).toBe("Sở Thông tin và Truyền thông");
    const rows: unknown[][] = [];
    for (let n = header + 1; n <= header + 20; n++) rows.push((sheet.getRow(n).values as unknown[]).slice(1));
    expect(rows.find((x) => x[1] === "Sở Tài chính")!.slice(3)).toEqual([
      88.3,
      93.5,
      -5.2,
      20,
      4,
      "giảm 16 bậc",
      "I → II",
    ]);
    // The checks of the written workbook see the same tables as the input's.
    const check = await cqs("check", out, "--json");
    const inputCheck = await cqs("check", EXAMPLE, "--json");
    expect(JSON.parse(check.out).tables).toEqual(JSON.parse(inputCheck.out).tables);
  });

  it("never overwrites without --force (exit 2, file unchanged); --force overwrites", async () => {
    const out = path.join(dir, "exists.xlsx");
    fs.writeFileSync(out, "keep me");
    const r = await cqs("compare", EXAMPLE, previous, "--out", out);
    expectOneLineError(r, /đã có/);
    expect(fs.readFileSync(out, "utf8")).toBe("keep me");
    const forced = await cqs("compare", EXAMPLE, previous, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect((await loadWorkbook(out)).getWorksheet("So sánh Phụ lục II")).toBeDefined();
  });

  it("--json with --out keeps stdout to the JSON", async () => {
    const out = path.join(dir, "json-out.xlsx");
    const r = await cqs("compare", EXAMPLE, previous, "--json", "--out", out);
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.out)).not.toThrow();
    expect(r.err).toContain("So sánh Phụ lục I");
  });

  it("uses the mapping stored in this year's workbook when --map is not given", async () => {
    const wb = await loadWorkbook(EXAMPLE);
    const ws = wb.addWorksheet("CQS_UnitMap", { state: "veryHidden" });
    ws.addRow(["CQS_UnitMap", "1"]);
    for (const [from, to] of Object.entries(MAP)) ws.addRow(["map", from, to]);
    const withMap = path.join(dir, "with-map.xlsx");
    await wb.xlsx.writeFile(withMap);
    const stored = JSON.parse((await cqs("compare", withMap, previous, "--json")).out);
    const given = JSON.parse((await cqs("compare", EXAMPLE, previous, "--json", "--map", mapFile)).out);
    expect(stored).toEqual(given);
    const none = JSON.parse((await cqs("compare", EXAMPLE, previous, "--json")).out);
    expect(none).not.toEqual(given);
  });

  it("notes mapping entries that name no unit on stderr, and still exits 0", async () => {
    const bad = path.join(dir, "unknown.json");
    fs.writeFileSync(bad, JSON.stringify({ "Sở Không Có": "Sở Y tế" }));
    const r = await cqs("compare", EXAMPLE, previous, "--map", bad);
    expect(r.code).toBe(0);
    expect(r.err).toContain('không thấy "Sở Không Có" trong sổ tính năm trước');
  });
});

describe("cqs compare on unusable input: one line on stderr, exit 2", () => {
  it.each([
    ["one workbook only", () => ["compare", EXAMPLE], /hai tệp/],
    ["a missing previous workbook", () => ["compare", EXAMPLE, path.join(dir, "none.xlsx")], /none\.xlsx/],
    ["a previous file that is not a workbook", () => ["compare", EXAMPLE, mapFile], /map\.json/],
    [
      "a missing mapping file",
      () => ["compare", EXAMPLE, previous, "--map", path.join(dir, "none.json")],
      /đối chiếu/,
    ],
    ["an unknown option", () => ["compare", EXAMPLE, previous, "--separate"], /--separate/],
  ])("%s", async (_, args, pattern) => {
    expectOneLineError(await cqs(...(args as () => string[])()), pattern);
  });

  it.each([
    ["not JSON", "{", /không phải JSON/],
    ["not an object", "[1, 2]", /đối tượng JSON/],
    ["a name that is not text", '{ "Sở Y tế": 3 }', /phải là chuỗi/],
  ])("a mapping file %s", async (_, text, pattern) => {
    const file = path.join(dir, `map-${text.length}.json`);
    fs.writeFileSync(file, text);
    expectOneLineError(await cqs("compare", EXAMPLE, previous, "--map", file), pattern);
  });

  it("the built command runs too (node bin/cqs.js compare … --json)", () => {
    ensureBuiltCli();
    const r = cqsBin(["compare", EXAMPLE, previous, "--map", mapFile, "--json", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).blocks[1].units[1].previous.unit).toBe("Huyện Hương Thủy");
    const bad = cqsBin(["compare", EXAMPLE, "--lang", "en"]);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
  });
});
