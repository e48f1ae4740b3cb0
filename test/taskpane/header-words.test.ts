/**
 * The framework editor's header-words fields: typed words read back as the framework's words, and
 * a word left empty or listed twice refused with its field and the reason in the pane's language.
 */
import { DEFAULT_FRAMEWORK, exactToString, frameworkFromJson, frameworkToJson } from "../../src/core";
import { analyzeWorkbook } from "../../src/core/analyze";
import { headerWordsProblem, textOfWords, withRoleWords, wordsOfText } from "../../src/taskpane/header-words";
import { PANE_TEXT } from "../../src/taskpane/strings";
import { CRITERIA_HEADERS, sheet, workbook } from "../core/build-grid";

describe("header words in the editor", () => {
  it("reads the words of a field: trimmed, separated by semicolons, a last separator while typing left out", () => {
    expect(wordsOfText(" Tên xã ;Tên phường; ")).toEqual(["Tên xã", "Tên phường"]);
    expect(wordsOfText("")).toEqual([]);
    expect(wordsOfText("a;;b")).toEqual(["a", "", "b"]);
    expect(textOfWords(["Tên xã", "Tên phường"])).toBe("Tên xã; Tên phường");
  });

  it("refuses an empty word, a word of punctuation only, and a word listed twice, naming the field", () => {
    expect(headerWordsProblem({ unit: "Tên xã; ; Tên phường" })).toEqual({ role: "unit", code: "EMPTY" });
    expect(headerWordsProblem({ percent: "(%)" })).toEqual({ role: "percent", code: "EMPTY", word: "(%)" });
    expect(headerWordsProblem({ total: "Điểm cả năm; điểm  cả năm" })).toEqual({
      role: "total",
      code: "REPEATED",
      word: "điểm  cả năm",
      first: "total",
    });
    // The same word under two roles: the check would read the column as the first one only.
    expect(headerWordsProblem({ total: "Điểm cả năm", rank: "Điểm cả năm" })).toEqual({
      role: "rank",
      code: "REPEATED",
      word: "Điểm cả năm",
      first: "total",
    });
    expect(headerWordsProblem({ unit: "Tên xã", total: "Điểm cả năm;" })).toBeUndefined();
    // A framework file with such words does not load either: the editor and the loader apply one rule.
    for (const words of [{ total: ["Điểm cả năm"], rank: ["Điểm cả năm"] }, { percent: ["(%)"] }]) {
      const json = { ...frameworkToJson(DEFAULT_FRAMEWORK), words };
      expect(() => frameworkFromJson(json)).toThrow(/words\.(rank|percent)/);
    }
    for (const t of [PANE_TEXT.vi, PANE_TEXT.en]) {
      expect(t.fwWordElsewhere("Điểm cả năm", t.fwWordRole("total"))).toContain("Điểm cả năm");
      expect(t.fwWordRole("total")).not.toBe("total");
    }
  });

  it("sets and clears a role's words; the saved framework reads a sheet by them", () => {
    const withWords = withRoleWords(DEFAULT_FRAMEWORK, "total", "Điểm cả năm;");
    expect(withWords.words).toEqual({ total: ["Điểm cả năm"] });
    expect(withRoleWords(withWords, "total", " ").words).toBeUndefined();
    const saved = frameworkFromJson(JSON.parse(JSON.stringify(frameworkToJson(withWords))));
    expect(saved.words).toEqual({ total: ["Điểm cả năm"] });
    const grid = workbook(
      sheet("Bảng", [
        ["STT", "Đơn vị", ...CRITERIA_HEADERS, "Điểm cả năm"],
        [1, "Sở A", 8, 5, 10, 52, 5, 12, 6, 2, 100],
        [2, "Sở B", 7, 5, 9, 50, 5, 12, 6, 2, 96],
      ]),
    );
    // Without the word the total column is not found; with it, the table is read and checked.
    expect(analyzeWorkbook(grid, DEFAULT_FRAMEWORK).blocks).toHaveLength(0);
    const read = analyzeWorkbook(grid, saved);
    expect(read.blocks).toHaveLength(1);
    expect(read.blocks[0]!.units.map((u) => (u.total ? exactToString(u.total) : ""))).toEqual(["100", "96"]);
  });
});
