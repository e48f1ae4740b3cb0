/**
 * `cqs frameworks`, `--framework <id>`, framework files against the schema's rules, and the
 * table kinds of `check --json` on the published tables of test/fixtures/frameworks.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cqs, expectOneLineError, ROOT, tempDir } from "./helpers";

/** Every value of a written sheet, row by row, and the number formats of its cells. */
async function sheetText(file: string, name: string): Promise<{ rows: unknown[][]; formats: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}"`);
  const rows: unknown[][] = [];
  const formats: string[] = [];
  ws.eachRow((row) => {
    const values: unknown[] = [];
    row.eachCell((c) => {
      values.push(c.value);
      if (c.numFmt) formats.push(c.numFmt);
    });
    rows.push(values);
  });
  return { rows, formats };
}

const F = (name: string): string => path.join(ROOT, "test", "fixtures", "frameworks", name);

describe("cqs frameworks", () => {
  test("--json: an array of { id, name, source, … } with the library's ids", async () => {
    const r = await cqs("frameworks", "--json");
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as Array<{ id: string; name: string; source: string }>;
    expect(list.map((f) => f.id)).toEqual(
      expect.arrayContaining(["tth-2021", "tth-2020-readiness", "tth-2020-results", "dti-2022-province"]),
    );
    for (const f of list) {
      expect(f.name).not.toBe("");
      expect(f.source).not.toBe("");
    }
  });

  test("plain text names each id with its source", async () => {
    const r = await cqs("frameworks", "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("dti-2022-province");
    expect(r.out).toContain("Source: ");
  });
});

describe("--framework <id>", () => {
  test("dti-2022-province: DTI 2022 gives no error, ranks right, no levels", async () => {
    const r = await cqs("check", F("dti-2022.xlsx"), "--json", "--framework", "dti-2022-province");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.tables.map((t: { kind: string }) => t.kind)).toEqual(["criteria"]);
    expect(j.summary.error).toBe(0);
  });

  test("an unknown id is exit 2, one line", async () => {
    expectOneLineError(await cqs("check", F("dti-2022.xlsx"), "--framework", "dti-2099"));
  });

  test("the DTI ranking sheet: the source's title, 4 decimals, no level column, the weighted rule", async () => {
    const dir = tempDir("fw-dti");
    const out = path.join(dir, "dti.xlsx");
    const r = await cqs("rank", F("dti-2022.xlsx"), "--out", out, "--framework", "dti-2022-province");
    expect(r.code).toBe(0);
    const sheet = await sheetText(out, "Xếp hạng DTI 2022");
    const text = JSON.stringify(sheet.rows);
    expect(sheet.rows[0]![0]).toBe("Xếp hạng chi tiết DTI 2022 cấp tỉnh");
    expect(text).toContain("Σ (điểm tiêu chí × trọng số) × 1 / Σ (điểm tối đa × trọng số)");
    expect(text).not.toContain("Mức độ");
    expect(text).not.toContain("MỨC ĐỘ");
    expect(sheet.formats).toContain("0.0000");
    expect(sheet.rows.find((r) => r[0] === "STT")).toEqual(["STT", "Đơn vị", "TỔNG ĐIỂM"]);
    expect(sheet.rows.find((r) => r[1] === "TP. Hồ Chí Minh")).toEqual([2, "TP. Hồ Chí Minh", 0.7163]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("--framework <file>: shared ranks as printed (Bộ TT&TT 2017, provinces)", () => {
  const fw = F("ict-2017.json");
  test("the published table with three shared ranks: exit 0, kind ranks", async () => {
    const r = await cqs("check", F("ict-2017-provinces.xlsx"), "--json", "--framework", fw);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.tables.map((t: { kind: string }) => t.kind)).toEqual(["ranks"]);
    expect(j.summary.error).toBe(0);
    expect(j.summary.warning).toBe(0);
  });

  test("Bà Rịa - Vũng Tàu's shared rank 17 typed 19: RANK_MISMATCH at C22, nothing else", async () => {
    const r = await cqs("check", F("ict-2017-rank.xlsx"), "--json", "--framework", fw);
    expect(r.code).toBe(1);
    const f = JSON.parse(r.out).findings.filter((x: { severity: string }) => x.severity !== "info");
    expect(
      f.map((x: { code: string; cell: string; unit: string }) => `${x.code} ${x.cell} ${x.unit}`),
    ).toEqual(["RANK_MISMATCH C22 Bà Rịa - Vũng Tàu"]);
  });

  test("rank writes both tied provinces with the printed index, no levels", async () => {
    const dir = tempDir("fw-ict");
    const out = path.join(dir, "ict.xlsx");
    const r = await cqs("rank", F("ict-2017-provinces.xlsx"), "--out", out, "--framework", fw);
    expect(r.code).toBe(0);
    const sheet = await sheetText(out, "Xếp hạng CPĐT 2017");
    const text = JSON.stringify(sheet.rows);
    expect(sheet.rows.find((r) => r[0] === "STT")).toEqual(["STT", "Đơn vị", "TỔNG ĐIỂM"]);
    expect(sheet.rows.find((r) => r[1] === "Thanh Hóa")?.[2]).toBe(0.633);
    expect(sheet.rows.find((r) => r[1] === "Bà Rịa - Vũng Tàu")?.[2]).toBe(0.633);
    expect(text).not.toContain("MỨC ĐỘ");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("framework files that break the rules", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir("fw-bad");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  test.each([
    [
      "thresholds not decreasing",
      { levels: [{ name: "Tốt", min: 70 }, { name: "Khá", min: 90 }, { name: "Yếu" }] },
    ],
    ["a threshold beyond the scale", { scale: 50, levels: [{ name: "I", min: 60 }, { name: "II" }] }],
    ["level names repeated", { levels: [{ name: "Khá", min: 70 }, { name: "Khá" }] }],
    ["an unknown field", { criterias: [] }],
    ["a header word listed for two roles", { words: { total: ["Điểm"], rank: ["điểm"] } }],
    ["an empty header word", { words: { unit: ["Tên đơn vị", " "] } }],
  ])("%s: exit 2, one line", async (_what, json) => {
    const file = path.join(dir, "bad.json");
    fs.writeFileSync(file, JSON.stringify(json));
    expectOneLineError(await cqs("check", F("phu-tho-2021.xlsx"), "--framework", file));
  });
});

describe("published tables with no --framework", () => {
  test("Thừa Thiên Huế 2020 districts: two results tables, A Lưới's row only", async () => {
    const r = await cqs("check", F("tth-2020-districts.xlsx"), "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.tables.map((t: { kind: string }) => t.kind)).toEqual(["results", "results"]);
    const errors = j.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(
      errors.map((f: { code: string; cell: string; unit: string }) => `${f.code} ${f.cell} ${f.unit}`),
    ).toEqual(["PERCENT_MISMATCH G19 UBND huyện A Lưới", "TOTAL_MISMATCH H19 UBND huyện A Lưới"]);
  });

  test("Phú Thọ 2021: exit 0, kind ranks; a changed rank is RANK_MISMATCH at its cell", async () => {
    const ok = await cqs("check", F("phu-tho-2021.xlsx"), "--json");
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).tables[0].kind).toBe("ranks");
    const bad = await cqs("check", F("phu-tho-2021-rank.xlsx"), "--json");
    expect(bad.code).toBe(1);
    const f = JSON.parse(bad.out).findings.filter((x: { severity: string }) => x.severity === "error");
    expect(f.map((x: { code: string; cell: string }) => `${x.code} ${x.cell}`)).toEqual(["RANK_MISMATCH A7"]);
  });

  test("Phú Thọ 2021: rank writes no levels and no counts", async () => {
    const dir = tempDir("fw-pt");
    const out = path.join(dir, "pt.xlsx");
    const r = await cqs("rank", F("phu-tho-2021.xlsx"), "--out", out);
    expect(r.code).toBe(0);
    const sheet = await sheetText(out, "Xếp hạng Sở, ban, ngành");
    const text = JSON.stringify(sheet.rows);
    expect(sheet.rows.find((r) => r[0] === "STT")).toEqual(["STT", "Đơn vị", "TỔNG ĐIỂM"]);
    expect(text).not.toContain("Mức độ");
    expect(text).not.toContain("Số đơn vị đạt");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
