/**
 * `cqs export <workbook> --docx <new.docx>` (DESIGN.md "More commands"; issue 16): the Word file is
 * read back (its XML, unzipped with jszip) and checked against Decree 30/2020/NĐ-CP's layout and
 * the decision's figures; where LibreOffice is installed it is converted to PDF once. `cqs rank`
 * and `cqs export --with-charts` carry a chart image per block.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { parseXml, walk, type XmlElement } from "../manifest/xml";
import { cqs, expectOneLineError, ROOT, sha256, tempDir, VARIANTS } from "./helpers";
import { decisionFixtures } from "../fixtures/locate";

const EXAMPLE = path.join(ROOT, "examples/hue-2022.xlsx");

interface Docx {
  readonly zip: JSZip;
  readonly document: XmlElement;
  readonly styles: XmlElement;
  readonly footnotes: string;
  readonly media: string[];
}

async function readDocx(file: string): Promise<Docx> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (name: string): Promise<string> => (await zip.file(name)?.async("string")) ?? "";
  return {
    zip,
    document: parseXml(await text("word/document.xml")),
    styles: parseXml(await text("word/styles.xml")),
    footnotes: textOf(parseXml(await text("word/footnotes.xml"))),
    media: Object.keys(zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n)),
  };
}

function all(el: XmlElement, name: string): XmlElement[] {
  return [...walk(el)].map((w) => w.el).filter((e) => e.name === name);
}

/** The text of an element: its w:t runs, joined. */
function textOf(el: XmlElement): string {
  return all(el, "w:t")
    .map((t) => t.text)
    .join("");
}

/** Each table's rows, each row's cells as text. */
function tables(doc: XmlElement): string[][][] {
  return all(doc, "w:tbl").map((tbl) =>
    tbl.children.filter((c) => c.name === "w:tr").map((tr) => all(tr, "w:tc").map(textOf)),
  );
}

function paragraphs(doc: XmlElement): string[] {
  return all(doc, "w:p").map(textOf);
}

const mm = (twips: string | undefined): number => (Number(twips) * 25.4) / 1440;

let dir: string;
let plain: Docx;
beforeAll(async () => {
  dir = tempDir("export");
  const r = await cqs("export", EXAMPLE, "--docx", path.join(dir, "phu-luc.docx"));
  expect(r.code).toBe(0);
  plain = await readDocx(path.join(dir, "phu-luc.docx"));
}, 60_000);

describe("cqs export --docx on the 2022 decision", () => {
  it("sets every section on A4 portrait with the decree's margins", () => {
    const sections = all(plain.document, "w:sectPr");
    expect(sections).toHaveLength(2);
    for (const s of sections) {
      const size = all(s, "w:pgSz")[0]!.attrs;
      expect([size["w:w"], size["w:h"]]).toEqual(["11906", "16838"]);
      expect(size["w:orient"] ?? "portrait").toBe("portrait");
      const m = all(s, "w:pgMar")[0]!.attrs;
      expect(mm(m["w:top"])).toBeGreaterThanOrEqual(19.9);
      expect(mm(m["w:top"])).toBeLessThanOrEqual(25.1);
      expect(mm(m["w:bottom"])).toBeGreaterThanOrEqual(19.9);
      expect(mm(m["w:bottom"])).toBeLessThanOrEqual(25.1);
      expect(mm(m["w:left"])).toBeGreaterThanOrEqual(29.9);
      expect(mm(m["w:left"])).toBeLessThanOrEqual(35.1);
      expect(mm(m["w:right"])).toBeGreaterThanOrEqual(14.9);
      expect(mm(m["w:right"])).toBeLessThanOrEqual(20.1);
    }
  });

  it("writes in Times New Roman, 13 to 14 pt", () => {
    const defaults = all(plain.styles, "w:rPrDefault")[0]!;
    const fonts = all(defaults, "w:rFonts")[0]!.attrs;
    expect(fonts["w:ascii"]).toBe("Times New Roman");
    expect(fonts["w:hAnsi"]).toBe("Times New Roman");
    const size = Number(all(defaults, "w:sz")[0]!.attrs["w:val"]) / 2;
    expect(size).toBeGreaterThanOrEqual(13);
    expect(size).toBeLessThanOrEqual(14);
    // No run sets another font.
    const others = all(plain.document, "w:rFonts").filter((f) => f.attrs["w:ascii"] !== "Times New Roman");
    expect(others).toEqual([]);
  });

  it("has the title block with the source's decision line", () => {
    const p = paragraphs(plain.document);
    expect(p).toContain("Phụ lục I");
    expect(p).toContain("Phụ lục II");
    expect(p).toContain("KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN SỐ CẤP SỞ, CẤP HUYỆN NĂM 2022");
    expect(p).toContain("KHỐI CƠ QUAN CHUYÊN MÔN THUỘC UBND TỈNH");
    expect(
      p.filter((t) => t.startsWith("(Ban hành kèm theo Quyết định số 292 /QĐ-UBND ngày 31/01/2023")),
    ).toHaveLength(2);
  });

  it("has one bordered table per appendix with every unit under the ranking table's names", () => {
    const t = tables(plain.document);
    expect(t).toHaveLength(2);
    expect(t[0]![0]).toEqual(["STT", "Đơn vị", "TỔNG ĐIỂM", "MỨC ĐỘ"]);
    expect(t[0]!.length - 1).toBe(20);
    expect(t[1]!.length - 1).toBe(9);
    const names = t[0]!.slice(1).map((r) => r[1]);
    expect(names).toContain("Sở Giáo dục và Đào tạo");
    expect(names).toContain("Sở Lao động, Thương binh và Xã hội");
    expect(names).toContain("Sở Nông nghiệp và Phát triển nông thôn");
    expect(names).not.toContain("Sở Giáo dục");
    expect(t[0]!.slice(1).map((r) => r[0])).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
    for (const tbl of all(plain.document, "w:tbl")) {
      const borders = all(tbl, "w:tblBorders")[0]!;
      for (const edge of ["w:top", "w:bottom", "w:left", "w:right", "w:insideH", "w:insideV"]) {
        expect(borders.children.find((c) => c.name === edge)?.attrs["w:val"]).toBe("single");
      }
    }
  });

  it("writes totals with decimal commas and footnotes the changed ones with both totals", () => {
    const rows = tables(plain.document)[0]!.slice(1);
    const byName = new Map(rows.map((r) => [r[1], r]));
    expect(byName.get("Sở Thông tin và Truyền thông")![2]).toBe("96,77");
    // The typed 88,31 differs from the recomputed 88,30: marked with a footnote reference.
    expect(byName.get("Sở Tài chính")![2]).toBe("88,30");
    const financeRow = all(all(plain.document, "w:tbl")[0]!, "w:tr").find((tr) =>
      textOf(tr).includes("Sở Tài chính"),
    )!;
    expect(all(all(financeRow, "w:tc")[2]!, "w:footnoteReference")).toHaveLength(1);
    expect(all(all(financeRow, "w:tc")[1]!, "w:footnoteReference")).toHaveLength(0);
    expect(byName.get("Sở Tài chính")![3]).toBe("II");
    expect(plain.footnotes).toContain("Sở Tài chính: tổng điểm ghi trong bảng tiêu chí là 88,31");
    expect(plain.footnotes).toContain("là 88,30");
    expect(all(plain.document, "w:footnoteReference").length).toBeGreaterThanOrEqual(2);
  });

  it("has the summary lines", () => {
    const p = paragraphs(plain.document);
    expect(p).toContain(
      "- Số đơn vị đạt mức độ I: 18 - Số đơn vị đạt mức độ II: 2 - Số đơn vị đạt mức độ III, IV: 0",
    );
    expect(p).toContain(
      "- Số đơn vị đạt mức độ I: 4 - Số đơn vị đạt mức độ II: 5 - Số đơn vị đạt mức độ III, IV: 0",
    );
  });
});

describe("cqs export options", () => {
  it("adds the criteria tables and a chart per block when asked", async () => {
    const out = path.join(dir, "day-du.docx");
    const r = await cqs("export", EXAMPLE, "--docx", out, "--with-criteria", "--with-charts");
    expect(r.code).toBe(0);
    const d = await readDocx(out);
    const t = tables(d.document);
    expect(t).toHaveLength(4);
    expect(t[0]![0]!.slice(0, 3)).toEqual(["STT", "Đơn vị", "Nhận thức"]);
    expect(t[0]![1]).toEqual(["1", "Sở Công Thương", "8", "5", "10", "45,57", "4", "12", "6", "2", "92,57"]);
    expect(d.media).toHaveLength(2);
    for (const m of d.media) {
      const png = await d.zip.file(m)!.async("nodebuffer");
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
    // Each footnote is referenced once; the ranking table repeats its number as a cross-reference.
    const ids = all(d.document, "w:footnoteReference").map((f) => f.attrs["w:id"]);
    expect(new Set(ids).size).toBe(ids.length);
  }, 60_000);

  it("uses --decision and --date where the sheet has no decision line, else placeholders", async () => {
    // one-sheet.xlsx: both blocks on one sheet, no "(Ban hành kèm theo …)" line.
    const input = path.join(VARIANTS, "one-sheet.xlsx");
    const given = path.join(dir, "given.docx");
    const r = await cqs(
      "export",
      input,
      "--docx",
      given,
      "--decision",
      "292/QĐ-UBND",
      "--date",
      "31/01/2023",
    );
    expect(r.code).toBe(0);
    const p = paragraphs((await readDocx(given)).document);
    expect(
      p.filter((t) => t === "(Ban hành kèm theo Quyết định số 292/QĐ-UBND ngày 31/01/2023)"),
    ).toHaveLength(2);
    const blank = path.join(dir, "blank.docx");
    const b = await cqs("export", input, "--docx", blank);
    expect(b.code).toBe(0);
    expect(b.err).toContain("--decision");
    const q = paragraphs((await readDocx(blank)).document);
    expect(q.filter((t) => t === "(Ban hành kèm theo Quyết định số …/QĐ-UBND ngày …/…/…)")).toHaveLength(2);
  }, 60_000);

  it("keeps the sheet's own decision line over --decision, and says so", async () => {
    const out = path.join(dir, "own-line.docx");
    const r = await cqs("export", EXAMPLE, "--docx", out, "--decision", "1/QĐ-UBND");
    expect(r.code).toBe(0);
    expect(r.err).toContain("--decision");
    const p = paragraphs((await readDocx(out)).document);
    expect(p.some((t) => t.includes("1/QĐ-UBND"))).toBe(false);
  }, 60_000);

  it("speaks English with --lang en (points, English headers)", async () => {
    const out = path.join(dir, "en.docx");
    expect((await cqs("export", EXAMPLE, "--docx", out, "--lang", "en")).code).toBe(0);
    const t = tables((await readDocx(out)).document);
    expect(t[0]![0]).toEqual(["No.", "Unit", "TOTAL", "LEVEL"]);
    expect(t[0]!.find((r) => r[1] === "Sở Thông tin và Truyền thông")![2]).toBe("96.77");
  }, 60_000);
});

describe("cqs export refusals", () => {
  it("never overwrites without --force, and does with it", async () => {
    const out = path.join(dir, "exists.docx");
    fs.writeFileSync(out, "keep me");
    const before = sha256(out);
    const r = await cqs("export", EXAMPLE, "--docx", out);
    expectOneLineError(r, /đã có/);
    expect(sha256(out)).toBe(before);
    expect((await cqs("export", EXAMPLE, "--docx", out, "--force")).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    // No temp file is left beside it.
    expect(fs.readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  }, 60_000);

  it.each([
    [["export", "missing.xlsx", "--docx", "x.docx"], /missing\.xlsx/],
    [["export", EXAMPLE], /--docx/],
    [["export", EXAMPLE, "--docx", "x.docx", "--date", "31/02/2023"], /--date/],
    [["export", EXAMPLE, "--docx", "x.docx", "--date", "2023-01-31"], /--date/],
    [["check", EXAMPLE, "--docx", "x.docx"], /--docx/],
  ])("exits 2 with one line for %j", async (argv, pattern) => {
    const r = await cqs(...(argv as string[]).map((a) => (a === "x.docx" ? path.join(dir, a) : a)));
    expectOneLineError(r, pattern as RegExp);
    expect(fs.existsSync(path.join(dir, "x.docx"))).toBe(false);
  });

  it("exits 2 on a workbook without a criteria table", async () => {
    const r = await cqs(
      "export",
      path.join(VARIANTS, "no-table.xlsx"),
      "--docx",
      path.join(dir, "none.docx"),
    );
    expectOneLineError(r);
    expect(fs.existsSync(path.join(dir, "none.docx"))).toBe(false);
  });

  it("writes names holding characters XML cannot carry as U+FFFD, so the file still opens", async () => {
    const out = path.join(dir, "control.docx");
    const input = path.join(ROOT, "test/fixtures/hostile/control-chars.xlsx");
    expect((await cqs("export", input, "--docx", out, "--with-criteria")).code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    for (const part of ["word/document.xml", "word/footnotes.xml", "docProps/core.xml"]) {
      const xml = (await zip.file(part)?.async("string")) ?? "";
      // eslint-disable-next-line no-control-regex -- the characters XML 1.0 forbids
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
      expect(() => parseXml(xml)).not.toThrow();
    }
    expect(textOf((await readDocx(out)).document)).toContain("\uFFFD");
  }, 60_000);

  it("refuses the input as output", async () => {
    const copy = path.join(dir, "input.xlsx");
    fs.copyFileSync(EXAMPLE, copy);
    const before = sha256(copy);
    expectOneLineError(await cqs("export", copy, "--docx", copy, "--force"));
    expect(sha256(copy)).toBe(before);
  });
});

describe("charts in cqs rank's workbook", () => {
  it("puts a PNG chart on each ranking sheet", async () => {
    const out = path.join(dir, "xep-hang.xlsx");
    expect((await cqs("rank", EXAMPLE, "--out", out)).code).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const media = Object.keys(zip.files).filter((n) => /^xl\/media\/.+\.png$/.test(n));
    expect(media).toHaveLength(2);
    const drawings = Object.keys(zip.files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n));
    expect(drawings).toHaveLength(2);
    // Each drawing hangs from one of the new ranking sheets (the input's sheets have none).
    const rels = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/.test(n))
        .map(async (n) => [n, await zip.file(n)!.async("string")] as const),
    );
    const withDrawing = rels.filter(([, x]) => x.includes("/drawing")).map(([n]) => n);
    expect(withDrawing).toEqual([
      "xl/worksheets/_rels/sheet3.xml.rels",
      "xl/worksheets/_rels/sheet4.xml.rels",
    ]);
  }, 60_000);
});

/** LibreOffice (Debian's libreoffice-writer), when installed: opens the file and writes a PDF. */
function soffice(): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("which", [name], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim() !== "") return r.stdout.trim();
  }
  return undefined;
}

const office = soffice();
(office ? describe : describe.skip)("LibreOffice smoke check (where installed)", () => {
  it("converts the Word file to a PDF of A4 pages", () => {
    const profile = tempDir("lo-profile");
    const r = spawnSync(
      office!,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        dir,
        path.join(dir, "phu-luc.docx"),
      ],
      { encoding: "utf8", timeout: 180_000 },
    );
    expect(r.status).toBe(0);
    const pdf = fs.readFileSync(path.join(dir, "phu-luc.pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // A4 is 595 × 842 points.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 595\.\d+ 841\.\d+\s*\]/);
  }, 200_000);
});

describe.each(decisionFixtures().map((f, k) => ({ ...f, k })))(
  "the 2022 decision ($label)",
  ({ workbook, k }) => {
    it("exports 96,77 and 88,30 with every unit", async () => {
      const out = path.join(dir, `decision-${k}.docx`);
      expect((await cqs("export", workbook, "--docx", out)).code).toBe(0);
      const t = tables((await readDocx(out)).document);
      expect(t).toHaveLength(2);
      const totals = t.flatMap((tbl) => tbl.slice(1).map((r) => r[2]));
      expect(totals).toContain("96,77");
      expect(totals.some((x) => /^88,30/.test(x!))).toBe(true);
      expect(t[0]!.length - 1 + t[1]!.length - 1).toBe(29);
    }, 60_000);
  },
);
