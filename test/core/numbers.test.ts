import { formatExact } from "../../src/core/exact";
import { isDateFormat, parseNumberText, readCellNumber, trimSpaces } from "../../src/core/numbers";

describe("parseNumberText", () => {
  it.each([
    ["45,57", "45.57"],
    ["8,0", "8.00"],
    [" 10.00 ", "10.00"],
    ["\u00a012,5\u00a0", "12.50"],
    ["-3", "-3.00"],
    ["+7", "7.00"],
    ["0,001", "0.00"],
  ])("reads %p as %s", (text, expected) => {
    const x = parseNumberText(text);
    expect(x).toBeDefined();
    expect(formatExact(x!, 2)).toBe(expected);
  });

  it.each(["1.234,56", "1,234.56", "45%", "abc", "", "1,2,3", ",5", "5,", "1 234", "1e5", "TRUE"])(
    "rejects %p",
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );
});

describe("trimSpaces", () => {
  it.each([
    ["  45,57 ", "45,57"],
    ["\u00a045\u00a0", "45"],
    ["\t8\r\n", "8"],
    ["\u200b\ufeff10\u3000\u2009", "10"],
    ["4 5", "4 5"],
    ["   ", ""],
    ["", ""],
    ["x", "x"],
  ])("%p → %p", (text, trimmed) => {
    expect(trimSpaces(text)).toBe(trimmed);
  });

  it("keeps a long inner run of spaces", () => {
    const text = ` 1${" ".repeat(30_000)}x `;
    expect(trimSpaces(text)).toBe(text.slice(1, -1));
  });
});

describe("readCellNumber", () => {
  it("reads a number cell at 15 significant digits", () => {
    const r = readCellNumber({ v: 92.57000000000001 });
    expect(r.kind).toBe("number");
    if (r.kind === "number") {
      expect(formatExact(r.value, 2)).toBe("92.57");
      expect(r.fromText).toBe(false);
    }
  });

  it("reads text numbers and says they were text", () => {
    const r = readCellNumber({ v: "45,57" });
    expect(r).toMatchObject({ kind: "number", fromText: true });
  });

  it.each([
    [{ v: null }, "empty"],
    [{ v: "  " }, "empty"],
    [{ v: null, f: "SUM(C7:J7)" }, "uncalculated"],
    [{ v: true }, "nan"],
    [{ v: new Date(Date.UTC(2023, 0, 31)) }, "nan"],
    [{ v: { error: "#N/A" } }, "nan"],
    [{ v: "n/a" }, "nan"],
    [{ v: 44957, fmt: "dd/mm/yyyy" }, "nan"],
    [{ v: 1e300 }, "number"],
    [{ v: 9e307 }, "number"],
    [{ v: Number.POSITIVE_INFINITY }, "nan"],
    [{ v: Number.NaN }, "nan"],
  ])("%p is %s", (cell, kind) => {
    expect(readCellNumber(cell).kind).toBe(kind);
  });
});

describe("isDateFormat", () => {
  it.each([
    ["dd/mm/yyyy", true],
    ["m/d/yy h:mm", true],
    ["[$-vi-VN]d mmmm yyyy", true],
    ["0.00", false],
    ["#,##0.00", false],
    ['0.00" điểm"', false],
    ["[Red]0.00", false],
  ])("%p → %p", (fmt, expected) => {
    expect(isDateFormat(fmt)).toBe(expected);
  });
});
