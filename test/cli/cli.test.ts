/**
 * The headless `cqs` command against DESIGN.md's contract ("The headless command"): check's JSON
 * shape, exit statuses 0/1/2, languages, rank's written workbook (ranks, ties, levels, counts),
 * write safety, --framework, and one-line errors without stack traces. Most runs are in-process
 * (`run(argv, io)`); a few go through the built bin/cqs.js.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { nameKey } from "../../src/core";
import {
  BIN,
  cqs,
  cqsBin,
  ensureBuiltCli,
  expectOneLineError,
  FIXTURE,
  formatHundredths,
  hundredths,
  loadWorkbook,
  readRankingSheet,
  sha256,
  tempDir,
  VARIANTS,
  type RankingSheet,
} from "./helpers";
import { DECISION_FIGURES } from "../fixtures/locate";

const v = (name: string): string => path.join(VARIANTS, name);

// ---------------------------------------------------------------------------------------------
// What the fixture's ranking must be: recomputed here from the decision's figures, exactly.

interface DecisionBlock {
  appendix: string;
  title: string;
  group: string;
  rankingTitle: string;
  criteriaTitle: string;
  notes: string[];
  summary: string;
  criteria: Array<{ unit: string; scores: string[]; total: string }>;
  ranking: Array<{ unit: string; total: string; level: string }>;
}
const decision = JSON.parse(fs.readFileSync(DECISION_FIGURES, "utf8")) as {
  blocks: DecisionBlock[];
};

interface ExpectedRow {
  name: string;
  total: string;
  level: string;
  rank: number;
}

function levelOf(h: number, bounds = [9000, 8000, 7000]): string {
  return h >= bounds[0]! ? "I" : h >= bounds[1]! ? "II" : h >= bounds[2]! ? "III" : "IV";
}

const RANKING_NAMES: Readonly<Record<string, string>> = {
  "Sở Giáo dục": "Sở Giáo dục và Đào tạo",
  "Sở Lao động – TB&XH": "Sở Lao động, Thương binh và Xã hội",
  "Sở Nông nghiệp và PTNT": "Sở Nông nghiệp và Phát triển nông thôn",
};

/** Rows in rank order (ties in source order), with competition ranks (`--order rank --with-rank`). */
function expectedRanking(block: DecisionBlock, bounds?: number[], source = false): ExpectedRow[] {
  const maxOf = new Map<string, number>();
  for (const line of block.notes) {
    const m = /^\d+\.\s*(.+?):\s*(\d+) điểm/.exec(line);
    if (m) maxOf.set(m[1]!, Number(m[2]));
  }
  const units = block.criteria.map((u) => {
    const points = u.scores.map(hundredths).reduce((a, b) => a + b, 0);
    const max = maxOf.get(u.unit) ?? 100;
    const total = max === 100 ? points : Math.floor((2 * points * 100 + max) / (2 * max));
    // The ranking sheet names each unit as the block's ranking table does (DESIGN.md: the
    // decision's ranking table spells out three names the criteria table shortens).
    return { name: RANKING_NAMES[u.unit] ?? u.unit, h: total };
  });
  const order = units.map((_, i) => i).sort((a, b) => units[b]!.h - units[a]!.h || a - b);
  return (source ? units.map((_, i) => i) : order).map((i) => {
    const u = units[i]!;
    return {
      name: u.name,
      total: formatHundredths(u.h),
      level: levelOf(u.h, bounds),
      rank: 1 + units.filter((o) => o.h > u.h).length,
    };
  });
}

function summaryLine(counts: number[]): string {
  const [i, ii, iii, iv] = counts;
  const parts = [`- Số đơn vị đạt mức độ I: ${i}`, `- Số đơn vị đạt mức độ II: ${ii}`];
  if (iii === 0 && iv === 0) parts.push("- Số đơn vị đạt mức độ III, IV: 0");
  else parts.push(`- Số đơn vị đạt mức độ III: ${iii}`, `- Số đơn vị đạt mức độ IV: ${iv}`);
  return parts.join(" ");
}

function rowsOf(sheet: RankingSheet): ExpectedRow[] {
  return sheet.rows.map((r) => ({
    name: r.name as string,
    total: typeof r.total === "number" ? r.total.toFixed(2) : String(r.total),
    level: r.level as string,
    rank: r.rank as number,
  }));
}

/** The appendix the command writes by default: source order, no rank column. */
function expectedAppendix(block: DecisionBlock, bounds?: number[]): Array<Omit<ExpectedRow, "rank">> {
  return expectedRanking(block, bounds, true).map(({ rank: _rank, ...rest }) => rest);
}

function appendixRowsOf(sheet: RankingSheet): Array<Omit<ExpectedRow, "rank">> {
  return rowsOf(sheet).map(({ rank: _rank, ...rest }) => rest);
}

/** Rank options: the order and the column the rank tests look at. */
const BY_RANK = ["--order", "rank", "--with-rank"];

/** The sheets the command added (after the input's), read as ranking sheets. */
async function addedRankingSheets(out: string, inputSheets: string[]): Promise<RankingSheet[]> {
  const wb = await loadWorkbook(out);
  return wb.worksheets.filter((w) => !inputSheets.includes(w.name)).map((w) => readRankingSheet(w));
}

let fixtureSheets: string[];
let dir: string;

beforeAll(async () => {
  fixtureSheets = (await loadWorkbook(FIXTURE)).worksheets.map((w) => w.name);
  dir = tempDir("main");
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe("cqs check", () => {
  test("--json on the fixture: DESIGN.md's shape, the five errors, exit 1", async () => {
    const r = await cqs("check", FIXTURE, "--json");
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(["findings", "summary", "tables", "workbook"]);
    expect(typeof json.workbook).toBe("string");
    expect(json.workbook as string).toMatch(/hue-2022\.xlsx$/);

    const tables = json.tables as Array<Record<string, unknown>>;
    for (const t of tables) expect(Object.keys(t).sort()).toEqual(["kind", "range", "sheet", "units"]);
    expect(tables.map((t) => [t.sheet, t.kind, t.units])).toEqual([
      ["Phụ lục I", "criteria", 20],
      ["Phụ lục I", "ranking", 20],
      ["Phụ lục II", "criteria", 9],
      ["Phụ lục II", "ranking", 9],
    ]);
    for (const t of tables) expect(t.range).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);

    const findings = json.findings as Array<Record<string, unknown>>;
    for (const f of findings) {
      const keys = Object.keys(f).sort();
      expect(keys).toEqual(
        "unit" in f
          ? ["cell", "code", "message", "params", "severity", "sheet", "unit"]
          : ["cell", "code", "message", "params", "severity", "sheet"],
      );
      expect(["error", "warning", "info"]).toContain(f.severity);
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
      expect(typeof f.message).toBe("string");
      expect((f.message as string).length).toBeGreaterThan(0);
      for (const p of Object.values(f.params as object)) expect(typeof p).toBe("string");
    }
    const errors = findings.filter((f) => f.severity === "error");
    expect(
      errors.map((f) => [
        f.code,
        f.sheet,
        f.cell,
        f.unit,
        (f.params as Record<string, string>).expected,
        (f.params as Record<string, string>).actual,
      ]),
    ).toEqual([
      ["TOTAL_MISMATCH", "Phụ lục I", "K18", "Sở Tài chính", "88.30", "88.31"],
      ["TOTAL_MISMATCH", "Phụ lục I", "K19", "Sở Tài nguyên và Môi trường", "92.90", "92.86"],
      ["TOTAL_MISMATCH", "Phụ lục I", "K25", "Văn phòng UBND tỉnh", "96.04", "96.03"],
      ["TOTAL_MISMATCH", "Phụ lục II", "K8", "Thị xã Hương Thủy", "89.15", "89.14"],
      ["TOTAL_MISMATCH", "Phụ lục II", "K13", "Huyện Phú Lộc", "88.64", "88.65"],
    ]);
    expect(findings.filter((f) => f.severity === "warning")).toEqual([]);
    expect([...new Set(findings.filter((f) => f.severity === "info").map((f) => f.code))].sort()).toEqual([
      "NAME_VARIANT",
      "REDUCED_MAX",
    ]);
    expect(json.summary).toEqual({ error: 5, warning: 0, info: 7 });
  });

  test("messages in Vietnamese by default, in English with --lang en", async () => {
    const vi = JSON.parse((await cqs("check", FIXTURE, "--json")).out);
    const en = JSON.parse((await cqs("check", FIXTURE, "--json", "--lang", "en")).out);
    const msg = (j: { findings: Array<{ cell: string; message: string }> }) =>
      j.findings.find((f) => f.cell === "K18")!.message;
    expect(msg(vi)).toContain("88,31");
    expect(msg(vi)).toContain("88,30");
    expect(msg(en)).toContain("88.31");
    expect(msg(en)).toContain("88.30");
    expect(msg(en)).not.toMatch(/[ăâđêôơưĂÂĐÊÔƠƯ]|Tổng/);
    // Same findings, same order: only the text differs.
    expect(en.findings.map((f: { code: string; cell: string }) => f.code + f.cell)).toEqual(
      vi.findings.map((f: { code: string; cell: string }) => f.code + f.cell),
    );
    const text = await cqs("check", FIXTURE, "--lang", "en");
    expect(text.code).toBe(1);
    expect(text.out).toContain("Typed total 88.31");
  });

  test("a readable report without --json, exit 1 with errors", async () => {
    const r = await cqs("check", FIXTURE);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Phụ lục I!K18");
    expect(() => JSON.parse(r.out)).toThrow();
  });

  test("exit 0 without error findings (info only, or warnings only)", async () => {
    const clean = await cqs("check", v("clean.xlsx"), "--json");
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out).summary).toEqual({ error: 0, warning: 0, info: 7 });
    const warned = await cqs("check", v("warnings-only.xlsx"), "--json");
    expect(warned.code).toBe(0);
    expect(JSON.parse(warned.out).summary).toMatchObject({ error: 0, warning: 1 });
  });

  test("the variants of issue 2 are read: exit 1 and the expected errors", async () => {
    for (const name of [
      "text-commas",
      "one-sheet",
      "wordings",
      "extra-column",
      "formulas",
      "faults",
      "separate-sheets",
      "max-column",
    ]) {
      const expected = JSON.parse(fs.readFileSync(v(`${name}.expected.json`), "utf8")) as {
        findings: Array<{ code: string; sheet: string; cell: string; severity: string }>;
      };
      const r = await cqs("check", v(`${name}.xlsx`), "--json");
      expect({ name, code: r.code }).toEqual({ name, code: 1 });
      const got = JSON.parse(r.out).findings.filter((f: { severity: string }) => f.severity !== "info");
      const key = (f: { code: string; sheet: string; cell: string }) => `${f.sheet}!${f.cell} ${f.code}`;
      expect({ name, findings: got.map(key) }).toEqual({
        name,
        findings: expected.findings.filter((f) => f.severity !== "info").map(key),
      });
    }
  });
});

describe("unusable input: one line on stderr, exit 2, no stack trace", () => {
  test.each([
    ["a missing file", ["check", v("no-such-file.xlsx")], /no-such-file\.xlsx/],
    ["a CSV renamed to .xlsx", ["check", v("bad/csv-renamed.xlsx")], /csv-renamed\.xlsx/],
    ["a text file renamed to .xlsx", ["check", v("bad/txt-renamed.xlsx")], /txt-renamed\.xlsx/],
    ["random bytes", ["check", v("bad/random-bytes.xlsx")], /random-bytes\.xlsx/],
    ["an empty file", ["check", v("bad/empty.xlsx")], /empty\.xlsx/],
    ["a truncated workbook", ["check", v("bad/truncated.xlsx")], /truncated\.xlsx/],
    ["a directory", ["check", VARIANTS], /variants/],
    ["a workbook without a score table", ["check", v("no-table.xlsx")], /no-table\.xlsx/],
    [
      "rank of a workbook without a score table",
      ["rank", v("no-table.xlsx"), "--out", "x.xlsx"],
      /no-table\.xlsx/,
    ],
    ["an unknown option", ["check", FIXTURE, "--bogus"], /--bogus/],
    ["an unknown command", ["verify", FIXTURE], /verify/],
    ["an option of another command", ["check", FIXTURE, "--strict"], /--strict/],
    ["--format without --out", ["check", FIXTURE, "--format", "csv"], /--format/],
    ["a bad --format", ["check", FIXTURE, "--out", "x.txt", "--format", "txt"], /txt/],
    ["rank without --out", ["rank", FIXTURE], /--out/],
    ["--out without a value", ["rank", FIXTURE, "--out"], /--out/],
    ["a bad --lang", ["check", FIXTURE, "--lang", "fr"], /fr/],
    ["no workbook", ["check"], /./],
    ["two workbooks", ["check", FIXTURE, FIXTURE], /./],
  ])("%s", async (_what, argv, pattern) => {
    const r = await cqs(...argv);
    expectOneLineError(r, pattern);
    expect(r.out).toBe("");
  });

  test("read errors in English with --lang en", async () => {
    expectOneLineError(await cqs("check", v("no-such-file.xlsx"), "--lang", "en"), /not found/i);
    expectOneLineError(await cqs("check", v("bad/csv-renamed.xlsx"), "--lang", "en"), /not an Excel/i);
    expectOneLineError(await cqs("check", v("no-table.xlsx"), "--lang", "en"), /No criteria table/i);
  });
});

describe("cqs rank on the fixture", () => {
  let out: string;
  let result: Awaited<ReturnType<typeof cqs>>;
  let inputHash: string;
  let sheets: RankingSheet[];

  beforeAll(async () => {
    out = path.join(dir, "ranked.xlsx");
    inputHash = sha256(FIXTURE);
    result = await cqs("rank", FIXTURE, "--out", out, ...BY_RANK);
    sheets = await addedRankingSheets(out, fixtureSheets);
  });

  test("exit 0 when written, whatever the check found; the error count on stderr", () => {
    expect(result.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(result.err).toMatch(/\b5\b/);
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  test("never writes the input file", () => {
    expect(sha256(FIXTURE)).toBe(inputHash);
  });

  test("every input sheet unchanged, plus one ranking sheet per block (free names, at most 31 characters)", async () => {
    const input = await loadWorkbook(FIXTURE);
    const written = await loadWorkbook(out);
    const names = written.worksheets.map((w) => w.name);
    expect(names.slice(0, fixtureSheets.length)).toEqual(fixtureSheets);
    expect(names).toHaveLength(fixtureSheets.length + 2);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    for (const ws of input.worksheets) {
      const copy = written.getWorksheet(ws.name)!;
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          expect({ at: `${ws.name}!${cell.address}`, v: copy.getCell(r, c).value }).toEqual({
            at: `${ws.name}!${cell.address}`,
            v: cell.value,
          });
        });
      });
    }
  });

  test("per block: every unit (criteria-table names) with its recomputed total, level and rank, in rank order", () => {
    expect(sheets).toHaveLength(2);
    decision.blocks.forEach((block, k) => {
      const sheet = sheets[k]!;
      expect(rowsOf(sheet)).toEqual(expectedRanking(block));
      expect(sheet.rows.map((r) => r.stt)).toEqual(block.criteria.map((_, i) => i + 1));
      for (const r of sheet.rows) {
        expect(typeof r.total).toBe("number");
        expect(r.totalFormat).toBe("0.00");
        expect(typeof r.rank).toBe("number");
      }
    });
  });

  test("ties share a rank: 96.04 twice at 2, 92.77 twice at 7, 90.25 twice at 17 (source order kept)", () => {
    const rows = rowsOf(sheets[0]!);
    const at = (total: string) => rows.filter((r) => r.total === total).map((r) => [r.name, r.rank]);
    expect(at("96.04")).toEqual([
      ["Thanh tra tỉnh", 2],
      ["Văn phòng UBND tỉnh", 2],
    ]);
    expect(at("92.77")).toEqual([
      ["Sở Khoa học và Công nghệ", 7],
      ["Sở Xây dựng", 7],
    ]);
    expect(at("90.25")).toEqual([
      ["Sở Nội vụ", 17],
      ["Sở Văn hóa và Thể thao", 17],
    ]);
    expect(rows.map((r) => r.rank)).toEqual([
      1, 2, 2, 4, 5, 6, 7, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 17, 19, 20,
    ]);
    expect(rows.find((r) => r.name === "Sở Tài chính")).toEqual({
      name: "Sở Tài chính",
      total: "88.30",
      level: "II",
      rank: 20,
    });
  });

  test("level counts 18/2/0/0 and 4/5/0/0 in the decision's wording", () => {
    expect(sheets[0]!.after).toContain(summaryLine([18, 2, 0, 0]));
    expect(sheets[1]!.after).toContain(summaryLine([4, 5, 0, 0]));
    expect(summaryLine([18, 2, 0, 0])).toBe(decision.blocks[0]!.summary);
    expect(summaryLine([4, 5, 0, 0])).toBe(decision.blocks[1]!.summary);
  });

  test("refuses an existing --out without --force: exit 2, one line, nothing written", async () => {
    const target = path.join(dir, "exists.xlsx");
    fs.writeFileSync(target, "keep me");
    const before = fs.readdirSync(dir).sort();
    const r = await cqs("rank", FIXTURE, "--out", target);
    expectOneLineError(r, /exists\.xlsx/);
    expect(r.err).toMatch(/--force/);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
    expect(fs.readdirSync(dir).sort()).toEqual(before);
    expect(sha256(FIXTURE)).toBe(inputHash);
  });

  test("--force overwrites an existing --out", async () => {
    const target = path.join(dir, "forced.xlsx");
    fs.writeFileSync(target, "old bytes");
    const r = await cqs("rank", FIXTURE, "--out", target, "--force", ...BY_RANK);
    expect(r.code).toBe(0);
    const again = await addedRankingSheets(target, fixtureSheets);
    expect(rowsOf(again[0]!)).toEqual(expectedRanking(decision.blocks[0]!));
    expect(sha256(FIXTURE)).toBe(inputHash);
  });

  test("never writes over the input, even with --force", async () => {
    const copy = path.join(dir, "input-copy.xlsx");
    fs.copyFileSync(FIXTURE, copy);
    const hash = sha256(copy);
    expectOneLineError(await cqs("rank", copy, "--out", copy, "--force"));
    expect(sha256(copy)).toBe(hash);
  });

  test("--separate writes the ranking sheets alone", async () => {
    const target = path.join(dir, "separate.xlsx");
    const r = await cqs("rank", FIXTURE, "--out", target, "--separate", ...BY_RANK);
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(target);
    expect(wb.worksheets).toHaveLength(2);
    for (const ws of wb.worksheets) expect(fixtureSheets).not.toContain(ws.name);
    const ranked = wb.worksheets.map((w) => readRankingSheet(w));
    expect(rowsOf(ranked[0]!)).toEqual(expectedRanking(decision.blocks[0]!));
    expect(rowsOf(ranked[1]!)).toEqual(expectedRanking(decision.blocks[1]!));
  });
});

describe("cqs rank: the decision's appendix by default", () => {
  let out: string;
  let result: Awaited<ReturnType<typeof cqs>>;
  let sheets: RankingSheet[];
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    out = path.join(dir, "appendix.xlsx");
    result = await cqs("rank", FIXTURE, "--out", out);
    sheets = await addedRankingSheets(out, fixtureSheets);
    wb = await loadWorkbook(out);
  });

  test("STT | Đơn vị | TỔNG ĐIỂM | MỨC ĐỘ exactly, the 20 and 9 units in the criteria table's order, under the ranking table's names", () => {
    expect(result.code).toBe(0);
    expect(sheets).toHaveLength(2);
    sheets.forEach((sheet, k) => {
      const ws = wb.getWorksheet(sheet.name)!;
      const header = [1, 2, 3, 4, 5].map((c) => ws.getCell(sheet.headerRow, c).value ?? null);
      expect(header).toEqual(["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ", null]);
      expect(appendixRowsOf(sheet)).toEqual(expectedAppendix(decision.blocks[k]!));
      expect(sheet.rows.map((r) => r.stt)).toEqual(sheet.rows.map((_, i) => i + 1));
      for (const r of sheet.rows) {
        expect(typeof r.total).toBe("number");
        expect(r.totalFormat).toBe("0.00");
      }
    });
    expect(sheets[0]!.rows.map((r) => r.name)).toContain("Sở Lao động, Thương binh và Xã hội");
    expect(sheets[0]!.rows.map((r) => r.name)).toContain("Sở Giáo dục và Đào tạo");
  });

  test("the source's title lines (not the criteria heading '1. …'), then the ranking section's heading", async () => {
    const source = await loadWorkbook(FIXTURE);
    sheets.forEach((sheet, k) => {
      const block = decision.blocks[k]!;
      const ws = source.getWorksheet(block.appendix)!;
      // What stands above the criteria table in the input, except its own numbered heading.
      const above: string[] = [];
      for (let r = 1; r <= 10; r++) {
        const t = ws.getCell(r, 1).value;
        if (typeof t !== "string") continue;
        if (t === block.criteriaTitle) break;
        above.push(t);
      }
      expect(above.length).toBeGreaterThan(0);
      expect(above).toContain(block.title);
      // The ranking section's heading as the input writes it.
      let heading = "";
      ws.eachRow((row) => {
        const t = row.getCell(1).value;
        if (typeof t === "string" && /^2\. Xếp hạng/.test(t)) heading = t;
      });
      expect(heading).not.toBe("");
      expect(sheet.before).toEqual([...above, heading]);
      expect(sheet.before).not.toContain(block.criteriaTitle);
    });
  });

  test("the summary lines in the decision's words", () => {
    expect(sheets[0]!.after).toContain(decision.blocks[0]!.summary);
    expect(sheets[1]!.after).toContain(decision.blocks[1]!.summary);
  });

  test("each of the five changed totals: a comment on its cell and a note line naming the unit with the typed total", () => {
    const changed: Array<[number, string, string, string]> = [
      [0, "Sở Tài chính", "88,31", "88,30"],
      [0, "Sở Tài nguyên và Môi trường", "92,86", "92,90"],
      [0, "Văn phòng UBND tỉnh", "96,03", "96,04"],
      [1, "Thị xã Hương Thủy", "89,14", "89,15"],
      [1, "Huyện Phú Lộc", "88,65", "88,64"],
    ];
    let comments = 0;
    for (const sheet of sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      for (let r = sheet.headerRow + 1; r <= sheet.headerRow + sheet.rows.length; r++)
        if (ws.getCell(r, 3).note) comments++;
    }
    expect(comments).toBe(5);
    for (const [k, unit, typed, recomputed] of changed) {
      const sheet = sheets[k]!;
      const ws = wb.getWorksheet(sheet.name)!;
      const i = sheet.rows.findIndex((r) => r.name === unit);
      const note = ws.getCell(sheet.headerRow + 1 + i, 3).note;
      const noteText = typeof note === "string" ? note : JSON.stringify(note);
      expect(noteText).toContain(`Bảng điểm ghi ${typed}; tính lại ${recomputed}`);
      expect(
        sheet.after.some((t) => t.startsWith(`- ${unit}: bảng điểm ghi ${typed}; tính lại ${recomputed}`)),
      ).toBe(true);
    }
  });

  test("a footnote names the framework and the thresholds", () => {
    for (const sheet of sheets) {
      const line = sheet.after.find((t) => t.includes("Thừa Thiên Huế 2021"));
      expect(line).toMatch(/mức độ I: từ 90 điểm/);
      expect(line).toMatch(/dưới 70/);
    }
  });

  test("print-ready: A4 portrait, one page wide, header row repeated, print area, Times New Roman 13, no gridlines, page numbers from page 2", () => {
    for (const sheet of sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      const p = ws.pageSetup;
      expect(p.paperSize).toBe(9);
      expect(p.orientation).toBe("portrait");
      expect(p.fitToPage).toBe(true);
      expect(p.fitToWidth).toBe(1);
      expect(p.fitToHeight).toBe(0);
      expect(p.printTitlesRow).toBe(`${sheet.headerRow}:${sheet.headerRow}`);
      expect(p.printArea).toMatch(/^A1:D\d+$/);
      const mm = (inches: number | undefined): number => Math.round((inches ?? 0) * 25.4);
      expect(mm(p.margins?.top)).toBeGreaterThanOrEqual(20);
      expect(mm(p.margins?.top)).toBeLessThanOrEqual(25);
      expect(mm(p.margins?.bottom)).toBeGreaterThanOrEqual(20);
      expect(mm(p.margins?.left)).toBeGreaterThanOrEqual(30);
      expect(mm(p.margins?.left)).toBeLessThanOrEqual(35);
      expect(mm(p.margins?.right)).toBeGreaterThanOrEqual(15);
      expect(mm(p.margins?.right)).toBeLessThanOrEqual(20);
      expect(p.showGridLines).toBe(false);
      expect(ws.views[0]?.showGridLines).toBe(false);
      expect(ws.headerFooter.differentFirst).toBe(true);
      expect(ws.headerFooter.oddHeader).toMatch(/^&C.*&P$/);
      expect(ws.getCell(sheet.headerRow + 1, 2).font?.name).toBe("Times New Roman");
      expect(ws.getCell(sheet.headerRow + 1, 2).font?.size).toBe(13);
    }
  });

  test("cqs check on the output: exactly the input's five errors, nothing from the ranking sheets", async () => {
    const before = JSON.parse((await cqs("check", FIXTURE, "--json")).out);
    const after = await cqs("check", out, "--json");
    expect(after.code).toBe(1);
    const json = JSON.parse(after.out);
    const errors = (j: { findings: Array<{ code?: string; severity: string }> }) =>
      j.findings.filter((f) => f.severity === "error");
    expect(errors(json)).toEqual(errors(before));
    expect(errors(json).map((f: { code?: string; severity: string }) => f.code)).toEqual(
      Array(5).fill("TOTAL_MISMATCH"),
    );
    expect(json.findings).toEqual(before.findings);
    expect(json.tables).toEqual(before.tables);
  });

  test("--strict: exit 1 and no file while errors remain; exit 0 on a clean workbook", async () => {
    const target = path.join(dir, "strict.xlsx");
    const r = await cqs("rank", FIXTURE, "--out", target, "--strict");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/5 lỗi/);
    expect(fs.existsSync(target)).toBe(false);
    const clean = path.join(dir, "strict-clean.xlsx");
    expect((await cqs("rank", v("clean.xlsx"), "--out", clean, "--strict")).code).toBe(0);
    expect(fs.existsSync(clean)).toBe(true);
  });

  test("--order source is still accepted and is the default; --with-rank adds the Thứ hạng column", async () => {
    const target = path.join(dir, "source.xlsx");
    expect((await cqs("rank", FIXTURE, "--out", target, "--order", "source", "--with-rank")).code).toBe(0);
    const [first] = await addedRankingSheets(target, fixtureSheets);
    expect(first!.rows.map((r) => r.name)).toEqual(decision.blocks[0]!.ranking.map((u) => u.unit));
    expect(first!.rows.find((r) => r.name === "Sở Tài chính")!.rank).toBe(20);
  });
});

describe("cqs check --out", () => {
  test("findings.csv: UTF-8 with BOM, ';' between fields, the columns, one line per finding; the usual output still printed", async () => {
    const target = path.join(dir, "findings.csv");
    const r = await cqs("check", FIXTURE, "--out", target, "--format", "csv");
    expect(r.code).toBe(1);
    expect(r.out).toContain("88,31");
    const bytes = fs.readFileSync(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes
      .toString("utf8")
      .slice(1)
      .split("\r\n")
      .filter((l) => l !== "");
    expect(lines[0]).toBe("severity;code;sheet;cell;unit;message");
    expect(lines).toHaveLength(1 + 12);
    expect(lines).toContain(
      "error;TOTAL_MISMATCH;Phụ lục I;K18;Sở Tài chính;Tổng ghi 88,31 ≠ tính lại 88,30",
    );
    // Refused without --force, written with it.
    expectOneLineError(await cqs("check", FIXTURE, "--out", target, "--format", "csv"), /--force/);
    expect((await cqs("check", FIXTURE, "--out", target, "--format", "csv", "--force")).code).toBe(1);
  });

  test("findings.xlsx: a findings sheet with cell links, severities and messages; --json still on stdout", async () => {
    const target = path.join(dir, "findings.xlsx");
    const r = await cqs("check", FIXTURE, "--out", target, "--json");
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).summary).toEqual({ error: 5, warning: 0, info: 7 });
    const wb = await loadWorkbook(target);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) =>
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) =>
            typeof v === "object" && v && "text" in v
              ? String((v as { text: unknown }).text)
              : String(v ?? ""),
          ),
      ),
    );
    const k18 = rows.find((r) => r.includes("Phụ lục I!K18"))!;
    expect(k18).toEqual(expect.arrayContaining(["Lỗi", "Sở Tài chính", "Tổng ghi 88,31 ≠ tính lại 88,30"]));
    let link: unknown;
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (c.text === "Phụ lục I!K18") link = c.hyperlink;
      }),
    );
    expect(link).toBe("#'Phụ lục I'!K18");
    expect(rows.filter((r) => r.includes("Lỗi"))).toHaveLength(5);
  });
});

/** The faults variant's units whose total cannot be known (above max, missing, not a number, negative). */
const UNKNOWN_IN_FAULTS = ["Sở Công Thương", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng"];

describe("cqs rank on other inputs", () => {
  test("a unit name starting with '=' is written as text, not as a formula", async () => {
    const out = path.join(tempDir("eq"), "eq.xlsx");
    const r = await cqs("rank", v("equals-name.xlsx"), "--out", out);
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(out);
    const ranking = readRankingSheet(wb.worksheets[wb.worksheets.length - 1]!);
    const row = ranking.rows.find((x) => x.name === "=Huyện A Lưới");
    expect(row).toBeDefined();
    expect(row!.nameType).toBe(ExcelJS.ValueType.String);
    let formulas = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((rw) => rw.eachCell((c) => (formulas += c.type === ExcelJS.ValueType.Formula ? 1 : 0)));
    }
    expect(formulas).toBe(0);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  test("an input with a chart: rank says what the copy loses and points to --separate", async () => {
    const tmp = tempDir("chart");
    const input = path.join(tmp, "with-chart.xlsx");
    const zip = await JSZip.loadAsync(fs.readFileSync(FIXTURE));
    zip.file(
      "xl/charts/chart1.xml",
      '<?xml version="1.0" encoding="UTF-8"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>',
    );
    fs.writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const hash = sha256(input);
    const r = await cqs("rank", input, "--out", path.join(tmp, "out.xlsx"));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/chart/i);
    expect(r.err).toContain("--separate");
    expect(sha256(input)).toBe(hash);
    const separate = await cqs("rank", input, "--out", path.join(tmp, "separate.xlsx"), "--separate");
    expect(separate.code).toBe(0);
    expect((await loadWorkbook(path.join(tmp, "separate.xlsx"))).worksheets).toHaveLength(2);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  test("units without a computable total keep their row in source order, empty, with the reason in a note", async () => {
    const out = path.join(tempDir("faults-src"), "faults.xlsx");
    const r = await cqs("rank", v("faults.xlsx"), "--out", out);
    expect(r.code).toBe(0);
    const wb = await loadWorkbook(out);
    const first = readRankingSheet(wb.worksheets[2]!);
    const empty = first.rows.filter((x) => x.total === null || x.total === undefined);
    // A score missing, not a number, negative or above its max: the total cannot be known.
    expect(empty.map((x) => x.name).sort()).toEqual(UNKNOWN_IN_FAULTS);
    expect(first.rows).toHaveLength(20);
    // Each keeps its place in the criteria table's order.
    expect(first.rows.map((x) => x.stt)).toEqual(first.rows.map((_, i) => i + 1));
    expect(first.rows[0]!.name).toBe("Sở Công Thương");
    for (const x of empty) {
      expect(x.level ?? null).toBeNull();
      const note = first.after.find((t) => t.startsWith(`- ${x.name as string}:`));
      expect(note).toMatch(/không tính được tổng điểm/);
      expect(note).toMatch(/Phụ lục I![A-Z]+\d+: /);
      // stderr says why, as the note does.
      expect(r.err).toMatch(new RegExp(`${x.name as string}: không tính được tổng điểm.*Phụ lục I!`));
    }
    // Their levels are not counted.
    const summary = first.after.find((t) => t.startsWith("- Số đơn vị đạt mức độ I:"))!;
    const counted = [...summary.matchAll(/: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(counted).toBe(20 - UNKNOWN_IN_FAULTS.length);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  test("units without a computable total come last, without total, level or rank, named on stderr", async () => {
    const out = path.join(tempDir("faults"), "faults.xlsx");
    const r = await cqs("rank", v("faults.xlsx"), "--out", out, ...BY_RANK);
    expect(r.code).toBe(0);
    for (const unit of UNKNOWN_IN_FAULTS) expect(r.err).toContain(unit);
    const wb = await loadWorkbook(out);
    const first = readRankingSheet(wb.worksheets[2]!);
    const last = first.rows.slice(-UNKNOWN_IN_FAULTS.length);
    expect(last.map((x) => x.name).sort()).toEqual(UNKNOWN_IN_FAULTS);
    for (const x of last) {
      expect(x.total ?? null).toBeNull();
      expect(x.level ?? null).toBeNull();
      expect(x.rank ?? null).toBeNull();
    }
    expect(first.rows).toHaveLength(20);
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });

  test("the ranking uses recomputed totals on the layout variants too", async () => {
    for (const name of [
      "text-commas",
      "one-sheet",
      "wordings",
      "extra-column",
      "separate-sheets",
      "max-column",
    ]) {
      const tmp = tempDir(name);
      const out = path.join(tmp, "out.xlsx");
      const input = (await loadWorkbook(v(`${name}.xlsx`))).worksheets.map((w) => w.name);
      const r = await cqs("rank", v(`${name}.xlsx`), "--out", out, ...BY_RANK);
      expect({ name, code: r.code }).toEqual({ name, code: 0 });
      const ranked = await addedRankingSheets(out, input);
      // Names as each variant's ranking table writes them ("SỞ Y TẾ", "Văn hoá"): compared by key.
      const keyed = (rows: ExpectedRow[]) => rows.map((r) => ({ ...r, name: nameKey(r.name) }));
      expect({ name, blocks: ranked.map((b) => keyed(rowsOf(b))) }).toEqual({
        name,
        blocks: decision.blocks.map((b) => keyed(expectedRanking(b))),
      });
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000); // six workbooks written, each with its charts drawn
});

describe("--framework <file.json>", () => {
  let fwDir: string;
  beforeAll(() => {
    fwDir = tempDir("fw");
    fs.writeFileSync(
      path.join(fwDir, "strict.json"),
      JSON.stringify({ thresholds: { I: 93, II: 80, III: 70 } }),
    );
    fs.writeFileSync(path.join(fwDir, "broken.json"), '{ "thresholds": { "I": 93, ');
    fs.writeFileSync(
      path.join(fwDir, "bad-threshold.json"),
      JSON.stringify({ thresholds: { I: "chín mươi", II: 80, III: 70 } }),
    );
    fs.writeFileSync(path.join(fwDir, "not-object.json"), "[1, 2, 3]");
  });
  afterAll(() => fs.rmSync(fwDir, { recursive: true, force: true }));

  test("thresholds 93/80/70 change the levels and counts of rank", async () => {
    const out = path.join(fwDir, "strict.xlsx");
    const r = await cqs(
      "rank",
      FIXTURE,
      "--out",
      out,
      "--framework",
      path.join(fwDir, "strict.json"),
      ...BY_RANK,
    );
    expect(r.code).toBe(0);
    const sheets = await addedRankingSheets(out, fixtureSheets);
    const bounds = [9300, 8000, 7000];
    expect(rowsOf(sheets[0]!)).toEqual(expectedRanking(decision.blocks[0]!, bounds));
    expect(rowsOf(sheets[1]!)).toEqual(expectedRanking(decision.blocks[1]!, bounds));
    expect(sheets[0]!.after).toContain(summaryLine([5, 15, 0, 0]));
    expect(sheets[1]!.after).toContain(summaryLine([0, 9, 0, 0]));
  });

  test("thresholds 93/80/70 change what check finds (levels and summary lines no longer agree)", async () => {
    const r = await cqs("check", FIXTURE, "--json", "--framework", path.join(fwDir, "strict.json"));
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out).findings as Array<{ code: string; sheet: string }>;
    expect(findings.filter((f) => f.code === "SUMMARY_COUNT_MISMATCH").map((f) => f.sheet)).toEqual([
      "Phụ lục I",
      "Phụ lục II",
    ]);
    // Ranking tables say I for 18 + 4 units; with I ≥ 93 only 5 + 0 earn it.
    expect(findings.filter((f) => f.code === "LEVEL_MISMATCH")).toHaveLength(13 + 4);
  });

  test("a file saved with a byte order mark (Notepad) reads as the same framework", async () => {
    const plain = fs.readFileSync(path.join(fwDir, "strict.json"), "utf8");
    fs.writeFileSync(path.join(fwDir, "strict-bom.json"), `\uFEFF${plain}`);
    const withBom = await cqs("check", FIXTURE, "--json", "--framework", path.join(fwDir, "strict-bom.json"));
    const without = await cqs("check", FIXTURE, "--json", "--framework", path.join(fwDir, "strict.json"));
    expect(withBom.code).toBe(1);
    expect(withBom.out).toBe(without.out);
    expect(JSON.parse(withBom.out).findings.length).toBeGreaterThan(0);
  });

  test.each([
    ["not JSON", "broken.json"],
    ["a threshold that is not a number", "bad-threshold.json"],
    ["not an object", "not-object.json"],
    ["a missing file", "no-such-framework.json"],
  ])("a malformed framework file (%s) is exit 2, one line", async (_what, file) => {
    const target = path.join(fwDir, `out-${file}.xlsx`);
    expectOneLineError(await cqs("check", FIXTURE, "--framework", path.join(fwDir, file)));
    expectOneLineError(await cqs("rank", FIXTURE, "--out", target, "--framework", path.join(fwDir, file)));
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe("the built command (node bin/cqs.js)", () => {
  let tmp: string;
  beforeAll(() => {
    ensureBuiltCli();
    tmp = tempDir("bin");
  }, 120_000);
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("check --json: one JSON object on stdout, exit 1", () => {
    const r = cqsBin(["check", FIXTURE, "--json"]);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out);
    expect(json.summary).toEqual({ error: 5, warning: 0, info: 7 });
    expect(json.findings.filter((f: { severity: string }) => f.severity === "error")).toHaveLength(5);
  });

  test("check of a workbook without errors: exit 0", () => {
    const r = cqsBin(["check", v("clean.xlsx")]);
    expect(r.code).toBe(0);
  });

  test("--lang en", () => {
    const r = cqsBin(["check", FIXTURE, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Typed total 88.31");
  });

  test.each([
    ["missing file", ["check", "no-such-file.xlsx"]],
    ["not a workbook", ["check", v("bad/csv-renamed.xlsx")]],
    ["random bytes", ["check", v("bad/random-bytes.xlsx")]],
    ["no table", ["check", v("no-table.xlsx")]],
    ["unknown option", ["check", FIXTURE, "--nope"]],
    ["missing --out", ["rank", FIXTURE]],
  ])("%s: exit 2, one line, no stack trace", (_what, args) => {
    const r = cqsBin(args, tmp);
    expectOneLineError(r);
    expect(r.out).toBe("");
  });

  test("rank writes, leaves the input alone, refuses to overwrite without --force", async () => {
    const out = path.join(tmp, "ranked.xlsx");
    const hash = sha256(FIXTURE);
    const r = cqsBin(["rank", FIXTURE, "--out", out], tmp);
    expect(r.code).toBe(0);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(sha256(FIXTURE)).toBe(hash);
    const sheets = await addedRankingSheets(out, fixtureSheets);
    expect(appendixRowsOf(sheets[0]!)).toEqual(expectedAppendix(decision.blocks[0]!));
    const written = sha256(out);
    const again = cqsBin(["rank", FIXTURE, "--out", out], tmp);
    expectOneLineError(again);
    expect(sha256(out)).toBe(written);
    expect(cqsBin(["rank", FIXTURE, "--out", out, "--force"], tmp).code).toBe(0);
  });

  test("bin/cqs.js exists", () => {
    expect(fs.existsSync(BIN)).toBe(true);
  });
});
