/**
 * Number text (DESIGN.md "Reading cells"): accepted exactly when it is an optional sign, digits and
 * at most one decimal separator with digits after it, spaces around; its value is exact. Anything
 * else — grouping separators, percent, exponents, words — is not a number, never a silent 0.
 */
import fc from "fast-check";
import { formatExact, parseNumberText, readCellNumber } from "../../src/core";
import { junkText, nearNumberText, numberText, runs, RUNS } from "./arbitraries";

const SPACES =
  /^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+$/g;
const FORM = /^([+-]?)(\d+)(?:[.,](\d+))?$/;

/** The exact value of accepted text, as fixed-point text with its own decimals ("-0.50" → "-0.50"). */
function expectedValue(text: string): { fixed: string; places: number } | undefined {
  const m = FORM.exec(text.replace(SPACES, ""));
  if (!m || m[2]!.length > 15) return undefined;
  const frac = m[3] ?? "";
  const int = BigInt(m[2]!).toString();
  const zero = /^0*$/.test(m[2]!) && /^0*$/.test(frac);
  const sign = m[1] === "-" && !zero ? "-" : "";
  return { fixed: `${sign}${int}${frac ? `.${frac}` : ""}`, places: frac.length };
}

describe("number text", () => {
  test(`any text (${RUNS.numberText} runs): parsed exactly when DESIGN.md's form, with its exact value`, () => {
    fc.assert(
      fc.property(fc.oneof(numberText, nearNumberText, junkText), (text) => {
        const got = parseNumberText(text);
        const want = expectedValue(text);
        if (want === undefined) expect(got).toBeUndefined();
        else {
          expect(got).toBeDefined();
          expect(formatExact(got!, want.places)).toBe(want.fixed);
        }
        // As a cell: a number from text, or not a number — never a silent 0 from junk.
        const r = readCellNumber({ v: text });
        if (want) expect(r).toMatchObject({ kind: "number", fromText: true });
        else if (text.replace(SPACES, "") !== "") expect(r).toMatchObject({ kind: "nan", what: "text" });
      }),
      runs(RUNS.numberText),
    );
  });

  test("grouping separators, percent and exponents are never numbers", () => {
    for (const t of [
      "1.234,56",
      "1,234.56",
      "1.234.567",
      "8%",
      "8 %",
      "1e3",
      "1E-2",
      ".5",
      "5.",
      "1 000",
      "−5",
      "٣",
    ]) {
      expect(parseNumberText(t)).toBeUndefined();
    }
  });
});
