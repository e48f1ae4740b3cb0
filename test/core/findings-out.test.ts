import { analyzeWorkbook } from "../../src/core/analyze";
import { findingReference, findingsCsv, groupFindings, planFindingsSheet } from "../../src/core/findings-out";
import { DEFAULT_FRAMEWORK } from "../../src/core/framework";
import { criteriaRows, sheet, workbook } from "./build-grid";

const analysis = analyzeWorkbook(
  workbook(
    sheet(
      "Phụ lục I",
      criteriaRows([
        ['=Sở; "A"', [8, 5, 10, 45, 4, 12, 6, 2], 99],
        ["Sở B", [8, 5, "10", 45, 4, 12, 6, 2], 92],
      ]),
    ),
  ),
  DEFAULT_FRAMEWORK,
);

describe("findings written out", () => {
  it("CSV: BOM, ';' between fields, the columns, quoting, and no formula from a name", () => {
    const csv = findingsCsv(analysis.findings);
    expect(csv.startsWith("\uFEFFseverity;code;sheet;cell;unit;message\r\n")).toBe(true);
    const lines = csv
      .slice(1)
      .split("\r\n")
      .filter((l) => l !== "");
    expect(lines).toHaveLength(1 + analysis.findings.length);
    expect(lines).toContain(
      `error;TOTAL_MISMATCH;Phụ lục I;K2;"'=Sở; ""A""";Tổng ghi 99,00 ≠ tính lại 92,00`,
    );
    expect(lines.some((l) => l.startsWith("info;TEXT_NUMBER;Phụ lục I;E3;Sở B;"))).toBe(true);
    expect(findingsCsv(analysis.findings, "en")).toContain("Typed total 99.00 ≠ recomputed 92.00");
  });

  it("a findings sheet: one row per finding with its cell link, severity, unit, message and code", () => {
    const plan = planFindingsSheet(analysis, ["Kết quả kiểm tra"]);
    expect(plan.name).toBe("Kết quả kiểm tra (2)");
    expect(plan.own).toBe("findings");
    const h = plan.rows.findIndex((r) => r[0]!.v === "STT");
    expect(plan.rows[h]!.map((c) => c.v)).toEqual(["STT", "Mức", "Ô", "Đơn vị", "Nội dung", "Mã"]);
    const body = plan.rows.slice(h + 1);
    expect(body).toHaveLength(analysis.findings.length);
    const first = analysis.findings[0]!;
    expect(body[0]![2]).toMatchObject({ v: `${first.sheet}!${first.cell}`, link: findingReference(first) });
    expect(findingReference(first)).toBe(`'Phụ lục I'!${first.cell}`);
    expect(body.map((r) => r[1]!.v)).toContain("Lỗi");
    expect(plan.print?.titleRows).toEqual({ top: h, bottom: h });
  });
});

describe("groupFindings", () => {
  it("one line per code and sheet with the cells' span; small groups stay separate", () => {
    const groups = groupFindings(analysis.findings);
    const text = groups.find((g) => g.code === "TEXT_NUMBER")!;
    expect(text.findings).toHaveLength(1);
    const many = groupFindings([
      ...analysis.findings,
      ...analysis.findings.map((f) => ({
        ...f,
        row: f.row + 5,
        cell: f.cell.replace(/\d+/, (d) => String(Number(d) + 5)),
      })),
    ]);
    const grouped = many.find((g) => g.code === "TEXT_NUMBER")!;
    expect(grouped.findings).toHaveLength(2);
    expect(grouped.span).toBe("Phụ lục I!E3:E8");
    expect(groupFindings(analysis.findings, 5).every((g) => g.findings.length === 1)).toBe(true);
  });
});
