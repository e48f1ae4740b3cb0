/**
 * `--lang en` governs every line `cqs` prints (issue 11): on the project's fixtures and on bad
 * command lines, nothing comes out in Vietnamese except the workbook's and the framework's own
 * words (unit, criterion, level, sheet and framework names) and quoted values. The test strips
 * those words, known from the analysis of each workbook and from the library, and looks for any
 * Vietnamese letter left.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  analyzeWorkbook,
  DEFAULT_FRAMEWORK,
  LIBRARY,
  SETTINGS_SHEET,
  workbookFramework,
  type Framework,
} from "../../src/core";
import { openWorkbookFile } from "../../src/adapters/xlsx";
import { compareAnalyses, workbookUnitMap } from "../../src/core/compare";
import { MAP, writePreviousYear } from "../core/previous-year";
import { EXAMPLE, HOSTILE } from "../fixtures/locate";
import { cqs, expectOneLineError, FIXTURE, ROOT, tempDir, VARIANTS } from "./helpers";

/** Letters only Vietnamese uses here (vowels with marks, đ); ASCII English has none. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

const FRAMEWORKS = path.join(ROOT, "test", "fixtures", "frameworks");
const xlsxIn = (dir: string): string[] =>
  fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(dir, f));

/** A framework's own words: its name, source, criteria, groups and levels. */
function frameworkWords(f: Framework): string[] {
  return [
    f.name,
    f.source,
    f.thresholdsSource,
    ...(f.subject ? [f.subject] : []),
    ...f.criteria.flatMap((c) => [c.name, ...c.aliases]),
    ...(f.groups ?? []).flatMap((g) => [g.name, ...g.aliases]),
    ...(f.levels ?? []).map((l) => l.name),
    ...f.reducedMax.map((r) => r.unit),
    ...(f.indices ?? []).flatMap(frameworkWords),
  ];
}

/** The workbook's own words: sheet names, and what its analysis names (titles, units, levels, framework). */
async function workbookWords(file: string): Promise<string[]> {
  let grid;
  try {
    grid = (await openWorkbookFile(file)).grid;
  } catch {
    return [];
  }
  const words = grid.sheets.map((s) => s.name);
  let framework: Framework = DEFAULT_FRAMEWORK;
  try {
    framework = workbookFramework(grid) ?? DEFAULT_FRAMEWORK;
  } catch {
    // A malformed settings sheet: the command reports it; its words are the sheet's name.
  }
  const analysis = analyzeWorkbook(grid, framework);
  for (const b of analysis.blocks) {
    words.push(b.sheet, b.title, ...(b.rankingTitle ? [b.rankingTitle] : []), ...b.levels);
    words.push(...b.units.map((u) => u.name), ...frameworkWords(b.framework));
  }
  for (const f of analysis.findings) if (f.unit) words.push(f.unit);
  return words;
}

jest.setTimeout(120_000);

/** The titles `compare` gives its blocks. */
async function comparedTitles(file: string, previousFile: string): Promise<string[]> {
  const analyze = async (f: string) => {
    const grid = (await openWorkbookFile(f)).grid;
    return { grid, analysis: analyzeWorkbook(grid, workbookFramework(grid) ?? DEFAULT_FRAMEWORK) };
  };
  const now = await analyze(file);
  const before = await analyze(previousFile);
  return compareAnalyses(now.analysis, before.analysis, workbookUnitMap(now.grid)).blocks.map((b) => b.title);
}

const FAULTS = path.join(VARIANTS, "faults.xlsx");

const LIBRARY_WORDS = LIBRARY.flatMap(frameworkWords);

/**
 * What is left of the printed text once quoted values and the given own words are taken out
 * (only words with a Vietnamese letter: taking out "I" or "A" would hide nothing and blur the rest).
 */
function leftover(text: string, words: ReadonlyArray<string>): string {
  let rest = text.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
  const own = [...new Set(words)].filter((w) => VIETNAMESE.test(w)).sort((a, b) => b.length - a.length);
  for (const w of own) rest = rest.split(w).join("");
  return rest;
}

/** The messages a JSON output holds (its other strings are the workbook's data). */
function jsonMessages(json: unknown): string[] {
  if (Array.isArray(json)) return json.flatMap(jsonMessages);
  if (typeof json !== "object" || json === null) return [];
  return Object.entries(json).flatMap(([k, v]) =>
    k === "message" && typeof v === "string" ? [v] : jsonMessages(v),
  );
}

function vietnameseLines(text: string, words: ReadonlyArray<string>): string[] {
  const rest = leftover(text, words);
  return rest.split("\n").filter((l) => VIETNAMESE.test(l));
}

let dir: string;
let badSettings: string;
beforeAll(async () => {
  dir = tempDir("lang");
  // The fixture with a settings sheet whose level bound is not a number.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE);
  const settings = wb.addWorksheet(SETTINGS_SHEET);
  settings.addRow(["threshold", "chín mươi"]);
  badSettings = path.join(dir, "bad-settings.xlsx");
  await wb.xlsx.writeFile(badSettings);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const CHECKED = [EXAMPLE, FIXTURE, ...xlsxIn(VARIANTS), ...xlsxIn(FRAMEWORKS), ...xlsxIn(HOSTILE)];
const WRITTEN = [EXAMPLE, FIXTURE, path.join(VARIANTS, "faults.xlsx"), ...xlsxIn(FRAMEWORKS)];

describe("--lang en on the fixtures", () => {
  it.each(CHECKED.map((f) => [path.relative(ROOT, f), f]))("check %s", async (_, file) => {
    const words = await workbookWords(file);
    const own = [...words, ...LIBRARY_WORDS];
    const text = await cqs("check", file, "--lang", "en");
    expect(vietnameseLines(text.out + "\n" + text.err, own)).toEqual([]);
    const json = await cqs("check", file, "--json", "--lang", "en");
    const printed = json.code === 2 ? [json.err] : [json.err, ...jsonMessages(JSON.parse(json.out))];
    expect(vietnameseLines(printed.join("\n"), own)).toEqual([]);
  });

  it.each(WRITTEN.map((f) => [path.relative(ROOT, f), f]))(
    "rank, rank --strict, check --out and export %s",
    async (_, file) => {
      const words = await workbookWords(file);
      const base = path.join(dir, path.basename(file, ".xlsx"));
      const runs = [
        await cqs("rank", file, "--out", `${base}-rank.xlsx`, "--lang", "en"),
        await cqs("rank", file, "--out", `${base}-strict.xlsx`, "--strict", "--lang", "en"),
        await cqs("check", file, "--out", `${base}-findings.csv`, "--lang", "en"),
        await cqs(
          "export",
          file,
          "--docx",
          `${base}.docx`,
          "--with-charts",
          "--with-criteria",
          "--lang",
          "en",
        ),
        await cqs("export", file, "--docx", `${base}-2.docx`, "--decision", "292/QĐ-UBND", "--lang", "en"),
        // An output that exists: refused in English.
        await cqs("rank", file, "--out", `${base}-rank.xlsx`, "--lang", "en"),
      ];
      for (const r of runs)
        expect(vietnameseLines(r.out + "\n" + r.err, [...words, ...LIBRARY_WORDS])).toEqual([]);
    },
  );

  it("compare (with a mapping, --out, --json), frameworks, demo and help", async () => {
    const previous = path.join(dir, "hue-2021.xlsx");
    await writePreviousYear(previous);
    const map = path.join(dir, "map.json");
    fs.writeFileSync(map, JSON.stringify(MAP));
    const words = [
      ...(await workbookWords(EXAMPLE)),
      ...(await workbookWords(previous)),
      ...Object.entries(MAP).flat(),
      ...LIBRARY_WORDS,
    ];
    // The comparison's block titles (the source titles, bare) are the workbook's words too.
    words.push(...(await comparedTitles(EXAMPLE, previous)), ...(await comparedTitles(EXAMPLE, FAULTS)));
    const runs = [
      await cqs("compare", EXAMPLE, previous, "--map", map, "--lang", "en"),
      await cqs("compare", EXAMPLE, previous, "--lang", "en", "--json", "--out", path.join(dir, "cmp.xlsx")),
      await cqs("compare", EXAMPLE, FAULTS, "--lang", "en"),
      await cqs("frameworks", "--lang", "en"),
      await cqs("demo", "--lang", "en"),
      await cqs("--help", "--lang", "en"),
      await cqs("check", "--help", "--lang", "en"),
    ];
    for (const r of runs) expect(vietnameseLines(r.out + "\n" + r.err, words)).toEqual([]);
    // The help is the English text, not the Vietnamese one.
    expect(runs[5]!.out).toMatch(/^cqs — check and rank/);
  });
});

describe("--lang en on bad command lines (anywhere on the line)", () => {
  const badFramework = (name: string, json: unknown): string => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof json === "string" ? json : JSON.stringify(json));
    return file;
  };
  const BAD: Array<[string, () => string[]]> = [
    ["an unknown command", () => ["chekc"]],
    ["an unknown option before --lang", () => ["check", "--bogus"]],
    ["an option of another command", () => ["check", FIXTURE, "--separate"]],
    ["a flag given a value", () => ["check", FIXTURE, "--json=1"]],
    ["an option without its value", () => ["check", FIXTURE, "--framework"]],
    ["a bad --order", () => ["rank", FIXTURE, "--out", path.join(dir, "o.xlsx"), "--order", "up"]],
    ["a bad --date", () => ["export", FIXTURE, "--docx", path.join(dir, "o.docx"), "--date", "2023-01-31"]],
    ["a bad --format", () => ["check", FIXTURE, "--out", path.join(dir, "o.pdf"), "--format", "pdf"]],
    ["--format without --out", () => ["check", FIXTURE, "--format", "csv"]],
    ["no workbook", () => ["check"]],
    ["two workbooks", () => ["check", FIXTURE, EXAMPLE]],
    ["rank without --out", () => ["rank", FIXTURE]],
    ["export without --docx", () => ["export", FIXTURE]],
    ["demo with a file", () => ["demo", FIXTURE]],
    ["compare with one file", () => ["compare", FIXTURE]],
    ["compare with three files", () => ["compare", FIXTURE, EXAMPLE, FIXTURE]],
    ["a missing workbook", () => ["check", path.join(dir, "no-such.xlsx")]],
    ["a workbook without a table", () => ["check", path.join(VARIANTS, "no-table.xlsx")]],
    ["a framework not in the library", () => ["check", FIXTURE, "--framework", "no-such-id"]],
    ["a missing framework file", () => ["check", FIXTURE, "--framework", path.join(dir, "none.json")]],
    [
      "a framework file that is not JSON",
      () => ["check", FIXTURE, "--framework", badFramework("a.json", "{")],
    ],
    ["a negative scale", () => ["check", FIXTURE, "--framework", badFramework("b.json", { scale: -1 })]],
    ["an unknown field", () => ["check", FIXTURE, "--framework", badFramework("c.json", { colour: 1 })]],
    [
      "a header word listed for two roles",
      () => [
        "check",
        FIXTURE,
        "--framework",
        badFramework("w.json", { words: { total: ["Tổng"], rank: ["tổng"] } }),
      ],
    ],
    [
      "a repeated criterion",
      () => [
        "check",
        FIXTURE,
        "--framework",
        badFramework("d.json", {
          criteria: [
            { name: "Hạ tầng", max: 10 },
            { name: "Hạ tầng", max: 5 },
          ],
        }),
      ],
    ],
    [
      "level bounds that rise",
      () => [
        "check",
        FIXTURE,
        "--framework",
        badFramework("e.json", {
          levels: [{ name: "Tốt", min: 50 }, { name: "Khá", min: 60 }, { name: "Yếu" }],
        }),
      ],
    ],
    [
      "a bad number",
      () => [
        "check",
        FIXTURE,
        "--framework",
        badFramework("f.json", { criteria: [{ name: "Dữ liệu số", max: "mười" }] }),
      ],
    ],
    ["a malformed settings sheet", () => ["check", badSettings]],
    ["a missing mapping file", () => ["compare", FIXTURE, EXAMPLE, "--map", path.join(dir, "none.json")]],
    [
      "a mapping file that is not JSON",
      () => ["compare", FIXTURE, EXAMPLE, "--map", badFramework("m1.json", "[")],
    ],
    [
      "a mapping that is not an object",
      () => ["compare", FIXTURE, EXAMPLE, "--map", badFramework("m2.json", [1])],
    ],
    ["a folder as the workbook", () => ["check", dir]],
    ["a text file named .xlsx", () => ["check", badFramework("csv.xlsx", "a,b\n1,2\n")]],
    ["an output that exists, without --force", () => ["rank", FIXTURE, "--out", badFramework("o.xlsx", "x")]],
    ["an output in a missing folder", () => ["rank", FIXTURE, "--out", path.join(dir, "none", "o.xlsx")]],
    ["the input as the output", () => ["rank", FIXTURE, "--out", FIXTURE, "--force"]],
  ];

  it.each(BAD)("%s", async (_, argv) => {
    const args = argv();
    // Vietnamese by default, English with --lang en at the end, at the start, or as --lang=en.
    const vi = await cqs(...args);
    expectOneLineError(vi);
    expect(vi.err).toMatch(VIETNAMESE);
    for (const en of [
      await cqs(...args, "--lang", "en"),
      await cqs(...args, "--lang=en"),
      ...(args.length > 1 ? [await cqs(args[0]!, "--lang", "en", ...args.slice(1))] : []),
    ]) {
      expectOneLineError(en);
      expect(en.err).not.toBe(vi.err);
      expect(
        vietnameseLines(en.err, ["Hạ tầng", "Tốt", "Khá", "Yếu", "Dữ liệu số", "mười", "Tổng", "tổng"]),
      ).toEqual([]);
    }
  });
});
