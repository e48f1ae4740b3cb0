/**
 * Finding parameters are typed per code (FindingParamsOf): a producer that leaves a parameter out
 * or adds one its code does not carry fails `npm run typecheck` (the @ts-expect-error lines below
 * fail it if they ever stop being errors). At run time the message reads what the producer gave.
 */
import { findingMessage, makeFinding, type FindingParamsOf } from "../../src/core";

const AT = { sheet: "Phụ lục I", sheetIndex: 0, row: 17, col: 10, cell: "K18" };

describe("typed finding parameters", () => {
  it("renders TOTAL_MISMATCH from its two typed parameters in both languages", () => {
    const params: FindingParamsOf<"TOTAL_MISMATCH"> = { actual: "88.31", expected: "88.30" };
    const f = makeFinding("TOTAL_MISMATCH", AT, params, "Sở Tài chính");
    expect(findingMessage(f, "vi")).toBe("Tổng ghi 88,31 ≠ tính lại 88,30");
    expect(findingMessage(f, "en")).toBe("Typed total 88.31 ≠ recomputed 88.30");
  });

  it("refuses, at compile time, a missing or a foreign parameter", () => {
    // @ts-expect-error: TOTAL_MISMATCH needs `expected`.
    const missing = makeFinding("TOTAL_MISMATCH", AT, { actual: "88.31" });
    // @ts-expect-error: DUPLICATE_UNIT carries `firstCell`, not `cell`.
    const foreign = makeFinding("DUPLICATE_UNIT", AT, { cell: "B7" });
    // Built anyway (the type system is the guard): the codes are kept as given.
    expect([missing.code, foreign.code]).toEqual(["TOTAL_MISMATCH", "DUPLICATE_UNIT"]);
  });

  it("renders the optional parameters of NAME_VARIANT when they are there", () => {
    const plain = makeFinding("NAME_VARIANT", AT, { criteriaName: "Sở Y tế", rankingName: "Sở Y Tế" });
    const legacy = makeFinding("NAME_VARIANT", AT, {
      criteriaName: "Sở Y tế",
      rankingName: "Së Y tÕ",
      encoding: "TCVN3",
      unicode: "Sở Y tế",
    });
    expect(findingMessage(plain, "en")).toBe(
      'Name differs from the criteria table: "Sở Y Tế" / "Sở Y tế" (matched)',
    );
    expect(findingMessage(legacy, "en")).toMatch(/^Name in the old TCVN3 encoding, read as "Sở Y tế"/);
  });
});
