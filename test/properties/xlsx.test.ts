/**
 * Random workbooks through the .xlsx adapter (issue 6):
 * - a workbook of random cells (numbers, text, booleans, errors, dates, formulas with and without
 *   results, merges) written by ExcelJS reads back as the same grid — only a merge's top-left cell
 *   keeps its value — and checking it never throws;
 * - a damaged workbook (bytes overwritten, cut short, spliced) either reads or fails with a
 *   WorkbookReadError: never another exception, never a hang.
 * Run counts: RUNS in ./arbitraries.ts.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { readWorkbookFile, WorkbookReadError } from "../../src/adapters/xlsx";
import { workbookErrorMessage } from "../../src/cli/text";
import { analyzeWorkbook, DEFAULT_FRAMEWORK, type CellValue } from "../../src/core";
import { cellAt } from "../../src/core/grid";
import { blockSheet, ERRORS, runs, RUNS } from "./arbitraries";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cqs-prop-xlsx-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function tempFile(bytes: Buffer): string {
  const p = path.join(dir, `w${n++}.xlsx`);
  fs.writeFileSync(p, bytes);
  return p;
}

/** Text an .xlsx can hold as is: no control characters but tab and line breaks, no `_xHHHH_`. */
const xmlText = fc.string({ unit: "grapheme", maxLength: 20 }).map((s) =>
  s
    // eslint-disable-next-line no-control-regex -- control characters are what this pattern removes
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, "")
    .replace(/[\ud800-\udfff]/g, "")
    .replace(/_x[0-9a-f]{4}_/gi, "_"),
);

type Written =
  | { k: "number"; v: number }
  | { k: "text"; v: string }
  | { k: "boolean"; v: boolean }
  | { k: "error"; v: string }
  | { k: "date"; v: Date }
  | { k: "formula"; f: string; result?: number | string }
  | { k: "none" };

const written: fc.Arbitrary<Written> = fc.oneof(
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((v) => ({ k: "number" as const, v: Object.is(v, -0) ? 0 : v })),
  fc.integer({ min: -1000, max: 10000 }).map((h) => ({ k: "number" as const, v: h / 100 })),
  xmlText.filter((s) => s !== "").map((v) => ({ k: "text" as const, v })),
  fc.boolean().map((v) => ({ k: "boolean" as const, v })),
  fc.constantFrom(...ERRORS).map((v) => ({ k: "error" as const, v })),
  fc
    .integer({ min: Date.UTC(1900, 2, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 })
    .map((s) => ({ k: "date" as const, v: new Date(s * 1000) })),
  fc
    .option(
      fc.oneof(
        fc.integer({ min: -100, max: 100 }),
        xmlText.filter((s) => s !== ""),
      ),
      { nil: undefined },
    )
    .map((result) => ({
      k: "formula" as const,
      f: "SUM(A1:B2)",
      ...(result !== undefined ? { result } : {}),
    })),
  fc.constant({ k: "none" as const }),
);

const ROWS = 8;
const COLS = 6;

describe("random workbooks read back as written", () => {
  test(`random cells and merges (${RUNS.xlsxRoundTrip} runs): the same values, merges top-left only, checking returns`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(written, { minLength: COLS, maxLength: COLS }), {
          minLength: ROWS,
          maxLength: ROWS,
        }),
        fc.subarray([
          { top: 0, left: 0, bottom: 0, right: 2 },
          { top: 2, left: 1, bottom: 4, right: 1 },
          { top: 5, left: 3, bottom: 6, right: 5 },
        ]),
        async (cells, merges) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet("Trang tính");
          cells.forEach((row, r) =>
            row.forEach((c, k) => {
              const cell = ws.getCell(r + 1, k + 1);
              if (c.k === "error") cell.value = { error: c.v } as ExcelJS.CellErrorValue;
              else if (c.k === "formula")
                cell.value = (
                  c.result === undefined ? { formula: c.f } : { formula: c.f, result: c.result }
                ) as ExcelJS.CellFormulaValue;
              else if (c.k !== "none") cell.value = c.v;
            }),
          );
          for (const m of merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
          const file = tempFile(Buffer.from(await wb.xlsx.writeBuffer()));
          const grid = await readWorkbookFile(file);
          const sheet = grid.sheets[0]!;
          expect(sheet.merges).toEqual(merges);
          const covered = (r: number, k: number): boolean =>
            merges.some(
              (m) => r >= m.top && r <= m.bottom && k >= m.left && k <= m.right && (r > m.top || k > m.left),
            );
          cells.forEach((row, r) =>
            row.forEach((c, k) => {
              const got = cellAt(sheet, r, k);
              if (covered(r, k)) {
                expect(got.v).toBeNull();
                return;
              }
              const want: CellValue =
                c.k === "none"
                  ? null
                  : c.k === "error"
                    ? { error: c.v }
                    : c.k === "formula"
                      ? (c.result ?? null)
                      : c.v;
              if (want instanceof Date) {
                expect(got.v).toBeInstanceOf(Date);
                expect((got.v as Date).getTime()).toBe(want.getTime());
              } else expect(got.v).toEqual(want);
              if (c.k === "formula") expect(got.f).toBe(c.f);
              else expect(got.f).toBeUndefined();
            }),
          );
          analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
        },
      ),
      runs(RUNS.xlsxRoundTrip),
    );
  }, 60_000);
});

describe("damaged workbooks fail cleanly", () => {
  let good: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = fc.sample(blockSheet, { numRuns: 1, seed: 7 })[0]!;
    const ws = wb.addWorksheet("Phụ lục I");
    sheet.rows.forEach((row, r) =>
      (row ?? []).forEach((c, k) => {
        const v = c?.v;
        if (v === undefined || v === null) return;
        ws.getCell(r + 1, k + 1).value =
          typeof v === "object" && !(v instanceof Date) ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
      }),
    );
    ws.mergeCells("A1:K1");
    good = Buffer.from(await wb.xlsx.writeBuffer());
  });

  const damage = fc.oneof(
    // overwrite a few bytes anywhere
    fc
      .array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 12,
      })
      .map((edits) => (b: Buffer): Buffer => {
        const c = Buffer.from(b);
        for (const [at, byte] of edits) c[Math.min(c.length - 1, Math.floor(at * c.length))] = byte;
        return c;
      }),
    // cut short
    fc.double({ min: 0, max: 1, noNaN: true }).map(
      (at) =>
        (b: Buffer): Buffer =>
          b.subarray(0, Math.floor(at * b.length)),
    ),
    // a block of bytes repeated or zeroed (a bad copy)
    fc
      .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 4096 }), fc.boolean())
      .map(([at, len, zero]) => (b: Buffer): Buffer => {
        const i = Math.floor(at * b.length);
        const part = zero ? Buffer.alloc(len) : b.subarray(i, i + len);
        return Buffer.concat([b.subarray(0, i), part, b.subarray(i)]);
      }),
  );

  test(`bytes overwritten, cut short, spliced (${RUNS.xlsxDamaged} runs): a grid or a WorkbookReadError, nothing else`, async () => {
    await fc.assert(
      fc.asyncProperty(damage, async (hurt) => {
        const file = tempFile(hurt(good));
        let grid;
        try {
          grid = await readWorkbookFile(file);
        } catch (e) {
          expect(e).toBeInstanceOf(WorkbookReadError);
          const err = e as WorkbookReadError;
          expect(workbookErrorMessage(err, "vi")).not.toMatch(/\n/);
          expect(workbookErrorMessage(err, "en")).not.toMatch(/\n/);
          return;
        }
        analyzeWorkbook(grid, DEFAULT_FRAMEWORK);
      }),
      runs(RUNS.xlsxDamaged),
    );
  }, 60_000);
});
