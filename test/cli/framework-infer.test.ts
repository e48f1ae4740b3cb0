/**
 * `cqs framework infer FILE`: the framework JSON `check` applies to the workbook; checking with it
 * (`--framework inferred.json`) finds the same errors and warnings, code and cell, as checking
 * with none.
 */
import * as fs from "fs";
import * as path from "path";
import { EXAMPLE, FRAMEWORK_FIXTURES, workbooksUnder } from "../fixtures/locate";
import { cqs, cqsBin, ensureBuiltCli, expectOneLineError, FIXTURE, ROOT, tempDir } from "./helpers";

const F = (name: string): string => path.join(FRAMEWORK_FIXTURES, name);

interface CheckJson {
  findings: Array<{ code: string; severity: string; sheet: string; cell: string }>;
}
const notInfo = (j: CheckJson): string[] =>
  j.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.sheet}!${f.cell}`);

describe("cqs framework infer", () => {
  test("sub-criteria.xlsx: the sheet's criteria, groups and maxima", async () => {
    const r = await cqs("framework", "infer", F("sub-criteria.xlsx"));
    expect(r.code).toBe(0);
    const fw = JSON.parse(r.out);
    expect(fw.format).toBe(2);
    expect(fw.scale).toBe(50);
    expect(fw.groups.map((g: { aliases: string[] }) => g.aliases[0])).toEqual([
      "1. Nhận thức số (30 điểm)",
      "2. Hạ tầng số (20 điểm)",
    ]);
    expect(
      fw.criteria.map((c: { aliases: string[]; max: number; group: string }) => [
        c.aliases[0],
        c.max,
        c.group,
      ]),
    ).toEqual([
      ["1.1 Ban chỉ đạo (10đ)", 10, "g1"],
      ["1.2 Văn bản chỉ đạo (20đ)", 20, "g1"],
      ["2.1 Mạng nội bộ (20đ)", 20, "g2"],
    ]);
  });

  test("other-columns.xlsx: the 2021 framework, the partial table's own as an index", async () => {
    const r = await cqs("framework", "infer", F("other-columns.xlsx"));
    expect(r.code).toBe(0);
    const fw = JSON.parse(r.out);
    expect(fw.name).toBe("Thừa Thiên Huế 2021");
    expect(fw.indices).toHaveLength(1);
    expect(fw.indices[0].criteria.map((c: { aliases: string[] }) => c.aliases[0])).toContain(
      "Nền tảng số khác",
    );
  });

  test("the 2022 decision: tth-2021", async () => {
    const r = await cqs("framework", "infer", FIXTURE);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).id).toBe("tth-2021");
  });

  // The command's wiring on the published tables and the decision (test/core/infer.test.ts runs the
  // same round trip on every workbook of the project, in process).
  const files = [...workbooksUnder(FRAMEWORK_FIXTURES), EXAMPLE, FIXTURE];
  test.each(files.map((f) => [path.relative(ROOT, f), f] as const))(
    "%s: check --framework inferred.json finds what check finds (errors and warnings, code and cell)",
    async (_, file) => {
      const plain = await cqs("check", file, "--json");
      const r = await cqs("framework", "infer", file);
      if (r.code !== 0) {
        // Not a workbook, or no table that check reads (dti-2022.xlsx without its framework):
        // refused by both, in one line.
        expectOneLineError(r);
        expect(plain.code).toBe(2);
        return;
      }
      const dir = tempDir("infer");
      const saved = path.join(dir, "inferred.json");
      fs.writeFileSync(saved, r.out);
      const withIt = await cqs("check", file, "--json", "--framework", saved);
      expect(withIt.code).toBe(plain.code);
      if (plain.code === 2) {
        // A table of headers only: refused the same way.
        expect(withIt.err).toBe(plain.err);
        return;
      }
      expect(notInfo(JSON.parse(withIt.out))).toEqual(notInfo(JSON.parse(plain.out)));
    },
    // Three runs of the command per workbook, with other suites beside.
    30_000,
  );

  test("unusable input: exit 2 with one line", async () => {
    expectOneLineError(await cqs("framework", "infer", path.join(ROOT, "no-such-file.xlsx")));
    expectOneLineError(await cqs("framework", "infer", path.join(ROOT, "package.json")));
    expectOneLineError(await cqs("framework", "guess", FIXTURE), /infer/);
    expectOneLineError(await cqs("framework", "infer"));
    expectOneLineError(await cqs("framework", "infer", FIXTURE, "--lang", "en", "--json"));
  });

  test("the built command prints the same JSON", () => {
    ensureBuiltCli();
    const r = cqsBin(["framework", "infer", F("sub-criteria.xlsx"), "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).scale).toBe(50);
  });
});
