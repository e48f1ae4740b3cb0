/**
 * Tests of the Excel test double (src/excel-double/fake-excel.ts). They drive it through the real
 * @types/office-js types (`fake.Excel as unknown as typeof Excel`), as adapter code will.
 */
import type { Cell, WorkbookGrid } from "../../src/core/grid";
import {
  createFakeExcel,
  fakeOffice,
  fromWorkbookGrid,
  MODERN_REQUIREMENT_SETS,
  type FakeExcel,
  type FakeWorkbookInit,
} from "../../src/excel-double/fake-excel";
import { serializingContext } from "../../src/excel-double/office-js-serializer";

type ExcelApi = typeof Excel;

const MAIN = "Phụ lục I";

/** A criteria table at A5:K27 (header rows 5–6, 21 data rows), like the decision's appendix. */
function appendix(): FakeWorkbookInit {
  const rows: Array<Array<Cell | undefined>> = [];
  rows.push([
    { v: "STT" },
    { v: "Đơn vị" },
    { v: "Tiêu chí" },
    ...Array<Cell | undefined>(7).fill(undefined),
    { v: "Tổng cộng" },
  ]);
  rows.push([undefined, undefined, ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({ v: `${n}.` })), undefined]);
  for (let i = 0; i < 21; i++) {
    const r = 7 + i; // sheet row number
    rows.push([
      { v: i + 1 },
      { v: `Sở ${i + 1}` },
      { v: 8 },
      { v: 5 },
      { v: 10 },
      { v: 40.31 },
      { v: 5 },
      { v: 12 },
      { v: 6 },
      { v: i === 3 ? { error: "#N/A" } : 2 },
      { v: 88.31, f: `SUM(C${r}:J${r})`, fmt: "0.00" },
    ]);
  }
  return {
    sheets: [
      {
        name: MAIN,
        top: 4,
        left: 0,
        rows,
        merges: [{ top: 4, left: 0, bottom: 5, right: 0 }, { top: 4, left: 1, bottom: 5, right: 1 }, "C5:J5"],
        fills: { K18: "#ffc7ce", C7: "#FFFFFF" },
      },
      {
        name: "Data",
        rows: [
          [],
          [undefined, { v: "a" }, { v: 1 }],
          [undefined, { v: "b" }, { v: new Date(Date.UTC(2023, 0, 31)) }],
        ],
      },
      { name: "Empty" },
    ],
  };
}

function setup(
  init: FakeWorkbookInit = appendix(),
  options?: Parameters<typeof createFakeExcel>[1],
): { fake: FakeExcel; xl: ExcelApi } {
  const fake = createFakeExcel(init, options);
  return { fake, xl: fake.Excel as unknown as ExcelApi };
}

describe("proxy semantics", () => {
  test("reading a property before the sync that follows its load throws PropertyNotLoaded", async () => {
    const { xl } = setup();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(MAIN);
      const cell = sheet.getRange("K7");
      expect(() => cell.values).toThrow(
        "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
      );
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      cell.load("values, address");
      sheet.load(["name", "visibility"]);
      const pending = context.sync();
      expect(() => cell.values).toThrow(/is not available/); // queued, not yet answered
      await pending;
      expect(cell.values).toEqual([[88.31]]);
      expect(cell.address).toBe("'Phụ lục I'!K7");
      expect(sheet.name).toBe(MAIN);
      expect(sheet.visibility).toBe("Visible");
      expect(() => cell.formulas).toThrow(/'formulas' is not available/);
      expect(() => cell.format.fill.color).toThrow(/'color' is not available/);

      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined(); // properties of a null object do not throw
    });
  });

  test("load accepts a string, an array, { select } and a property tree", async () => {
    const { xl } = setup();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem(MAIN).getRange("K18");
      const a = r.load("format/fill/color");
      const b = context.workbook.worksheets
        .getItem(MAIN)
        .getRange("K17")
        .load({ select: "numberFormat,rowIndex" });
      const c = context.workbook.worksheets
        .getItem(MAIN)
        .getRange("K16")
        .load({ formulas: true, format: { font: { bold: true } } });
      expect(a).toBe(r);
      await context.sync();
      expect(r.format.fill.color).toBe("#FFC7CE");
      expect(b.numberFormat).toEqual([["0.00"]]);
      expect(b.rowIndex).toBe(16);
      expect(c.formulas).toEqual([["=SUM(C16:J16)"]]);
      expect(c.format.font.bold).toBe(false);
    });
  });

  test("an action on a missing sheet fails at sync with ItemNotFound", async () => {
    const { xl } = setup();
    await expect(
      xl.run(async (context) => {
        const r = context.workbook.worksheets.getItem("Nope").getRange("A1");
        r.load("values"); // no error yet: it is only queued
        await context.sync();
      }),
    ).rejects.toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
  });
});

describe("writes and syncs", () => {
  test("writes apply at sync; Excel.run's closing sync sends what is left; a failing batch loses its queue", async () => {
    const { fake, xl } = setup();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(MAIN);
      const r = sheet.getRange("L7");
      r.values = [["x"]];
      expect(fake.workbook.cell(MAIN, "L7").value).toBeNull(); // not in the workbook yet
      expect(r.values).toEqual([["x"]]); // the proxy keeps what was assigned, like the runtime
      await context.sync();
      expect(fake.workbook.cell(MAIN, "L7").value).toBe("x");
      sheet.getRange("L8").values = [["y"]]; // no explicit sync after this
    });
    expect(fake.workbook.cell(MAIN, "L8").value).toBe("y");
    expect(fake.stats.syncs).toBe(1);
    expect(fake.stats.roundTrips).toBe(2);

    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem(MAIN).getRange("L9").values = [["z"]];
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(fake.workbook.cell(MAIN, "L9").value).toBeNull();
  });

  test("a load queued after a write sees the write; a failing action stops the request", async () => {
    const { fake, xl } = setup();
    await expect(
      xl.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Data");
        const r = sheet.getRange("D1");
        r.values = [[5]];
        r.load("values");
        await context.sync();
        expect(r.values).toEqual([[5]]);
        sheet.getRange("D2").values = [[6]];
        sheet.getRange("D3:D4").values = [[7]]; // wrong shape
        sheet.getRange("D5").values = [[8]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.workbook.values("Data", "D1:D5")).toEqual([[5], [6], [""], [""], [""]]);
  });

  test("counts syncs, round trips and payload bytes", async () => {
    const { fake, xl } = setup();
    let values: unknown[][] = [];
    await xl.run(async (context) => {
      const used = context.workbook.worksheets.getItem(MAIN).getUsedRange();
      used.load("values");
      await context.sync();
      await context.sync(); // nothing queued: no round trip
      values = used.values;
    });
    expect(fake.stats).toMatchObject({ syncs: 2, roundTrips: 1, runs: 1 });
    expect(fake.stats.bytesReceived).toBe(Buffer.byteLength(JSON.stringify({ values })));
    // The same request as office.js serializes it: the double's estimate is within a third.
    const real = serializingContext();
    const used = real.context.workbook.worksheets.getItem(MAIN).getUsedRange();
    used.load("values");
    await real.context.sync();
    expect(real.requests).toHaveLength(1);
    expect(Math.abs(fake.stats.bytesSent - real.requests[0]!) / real.requests[0]!).toBeLessThan(1 / 3);

    fake.stats.reset();
    expect(fake.stats).toMatchObject({ syncs: 0, roundTrips: 0, bytesSent: 0, bytesReceived: 0, runs: 0 });
    const block = Array.from({ length: 100 }, (_, i) => [`Sở Nội vụ ${i}`, i, i / 3]);
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A10:C109").values = block;
      await context.sync();
    });
    expect(fake.stats.bytesSent).toBeGreaterThanOrEqual(Buffer.byteLength(JSON.stringify(block)));
    expect(fake.stats.bytesReceived).toBe(0);
    expect(fake.stats.requests).toHaveLength(1);
  });

  test("a payload limit fails the request, like Excel on the web's 5 MB", async () => {
    const { xl } = setup(appendix(), { payloadLimitBytes: 1000 });
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1:A100").values = Array.from(
          { length: 100 },
          () => ["0123456789abcdef"],
        );
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
  });
});

describe("cell values, formulas and formats (Office semantics)", () => {
  test("values, formulas, numberFormat, text and valueTypes", async () => {
    const { xl } = setup();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem(MAIN).getRange("I10:L10");
      r.load("values, formulas, numberFormat, text, valueTypes");
      const d = context.workbook.worksheets.getItem("Data").getRange("C3").load("values, numberFormat, text");
      await context.sync();
      expect(r.values).toEqual([[6, "#N/A", 88.31, ""]]);
      expect(r.formulas).toEqual([[6, "#N/A", "=SUM(C10:J10)", ""]]);
      expect(r.numberFormat).toEqual([["General", "General", "0.00", "General"]]);
      expect(r.text).toEqual([["6", "#N/A", "88.31", ""]]);
      expect(r.valueTypes).toEqual([["Double", "Error", "Double", "Empty"]]);
      expect(d.values).toEqual([[44957]]); // 2023-01-31 as a serial
      expect(d.numberFormat).toEqual([["m/d/yyyy"]]);
      expect(d.text).toEqual([["1/31/2023"]]);
    });
  });

  test("strings are parsed like typed input unless the cell is text (@) first; null leaves a cell alone", async () => {
    const { fake, xl } = setup();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("E1:E5").values = [["123"], ["1,234.5"], ["TRUE"], ["=SUM(C2:C3)"], ["'007"]];
      const text = sheet.getRange("F1:F3");
      text.numberFormat = [["@"], ["@"], ["@"]]; // before the values: actions run in order
      text.values = [["123"], ["=A1"], ["- Số đơn vị đạt mức độ I: 18"]];
      sheet.getRange("B2:C2").values = [[null, "kept?"]];
      await context.sync();
    });
    const wb = fake.workbook;
    expect(["E1", "E2", "E3", "E5"].map((a) => wb.cell("Data", a).value)).toEqual([123, 1234.5, true, "007"]);
    expect(wb.cell("Data", "E4")).toMatchObject({ value: null, formula: "=SUM(C2:C3)" });
    expect(["F1", "F2", "F3"].map((a) => wb.cell("Data", a).value)).toEqual([
      "123",
      "=A1",
      "- Số đơn vị đạt mức độ I: 18",
    ]);
    expect(wb.cell("Data", "F2").formula).toBeUndefined();
    expect(wb.cell("Data", "B2").value).toBe("a");
    expect(wb.cell("Data", "C2").value).toBe("kept?");

    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("G1").values = [
          ["- Số đơn vị đạt mức độ I: 18"],
        ];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringMatching(/as a formula/) });
  });
});

describe("fills", () => {
  test('"no fill" reads as #FFFFFF like Excel, is told apart by tintAndShade, and is restored exactly', async () => {
    const { fake, xl } = setup();
    const before = fake.workbook.fills(MAIN);
    expect(before).toEqual({ K18: "#FFC7CE", C7: "#FFFFFF" });
    let saved: Excel.CellProperties[][] = [];
    await xl.run(async (context) => {
      const marks = context.workbook.worksheets.getItem(MAIN).getRange("B7:C7");
      const props = marks.getCellProperties({ format: { fill: { color: true, tintAndShade: true } } });
      expect(() => props.value).toThrow(/has not been loaded yet/);
      await context.sync();
      saved = props.value;
      marks.format.fill.color = "#FFEB9C";
      await context.sync();
    });
    expect(saved).toEqual([
      [
        { format: { fill: { color: "#FFFFFF", tintAndShade: null } } },
        { format: { fill: { color: "#FFFFFF", tintAndShade: 0 } } },
      ],
    ]);
    expect(fake.workbook.cell(MAIN, "B7").fill).toBe("#FFEB9C");

    // Restoring the colours as read turns "no fill" into white: the trap the fake makes visible.
    await xl.run(async (context) => {
      context.workbook.worksheets
        .getItem(MAIN)
        .getRange("B7:C7")
        .setCellProperties(
          saved.map((row) => row.map((p) => ({ format: { fill: { color: p.format?.fill?.color } } }))),
        );
      await context.sync();
    });
    expect(fake.workbook.cell(MAIN, "B7").fill).toBe("#FFFFFF");

    // Restoring with tintAndShade: no fill → "no fill", white stays white.
    await xl.run(async (context) => {
      const restore = saved.map((row) =>
        row.map((p): Excel.SettableCellProperties => ({
          format: {
            fill:
              p.format?.fill?.tintAndShade === null ? { pattern: "None" } : { color: p.format?.fill?.color },
          },
        })),
      );
      context.workbook.worksheets.getItem(MAIN).getRange("B7:C7").setCellProperties(restore);
      await context.sync();
    });
    expect(fake.workbook.fills(MAIN)).toEqual(before);
    expect(fake.workbook.cell(MAIN, "B7").fill).toBeNull();
  });

  test("color '' or null in setCellProperties and fill.clear() mean no fill; undefined leaves the fill", async () => {
    const { fake, xl } = setup();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(MAIN);
      sheet.getRange("K18").setCellProperties([[{ format: { fill: { color: "" } } }]]);
      sheet.getRange("C7").setCellProperties([[{ format: { fill: { color: undefined } } }]]);
      await context.sync();
      expect(fake.workbook.fills(MAIN)).toEqual({ C7: "#FFFFFF" });
      sheet.getRange("C7").format.fill.clear();
      const read = sheet.getRange("A7:K27").format.fill.load("color, tintAndShade");
      await context.sync();
      expect(read.color).toBe("#FFFFFF");
      expect(read.tintAndShade).toBeNull();
    });
    expect(fake.workbook.fills(MAIN)).toEqual({});
  });

  test("a pattern fill reads back with its color, keeps its pattern under a new background, and is cleared", async () => {
    const init = appendix();
    const { fake, xl } = setup({
      sheets: init.sheets.map((s) =>
        s.name === MAIN
          ? {
              ...s,
              patterns: { K18: { pattern: "Gray50", patternColor: "#ff0000" }, B7: { pattern: "LightUp" } },
            }
          : s,
      ),
    });
    await xl.run(async (context) => {
      const range = context.workbook.worksheets.getItem(MAIN).getRange("A7:B7");
      const props = range.getCellProperties({
        format: { fill: { color: true, tintAndShade: true, pattern: true, patternColor: true } },
      });
      const k18 = context.workbook.worksheets.getItem(MAIN).getRange("K18").format.fill;
      k18.load("color, pattern, patternColor");
      await context.sync();
      expect(props.value[0]).toEqual([
        {
          format: {
            fill: { color: "#FFFFFF", tintAndShade: null, pattern: "None", patternColor: "#000000" },
          },
        },
        {
          format: {
            fill: { color: "#FFFFFF", tintAndShade: null, pattern: "LightUp", patternColor: "#000000" },
          },
        },
      ]);
      expect([k18.color, k18.pattern, k18.patternColor]).toEqual(["#FFC7CE", "Gray50", "#FF0000"]);
      // A new background leaves the pattern; "Solid" removes it; a pattern and its color can be set.
      k18.color = "#FFEB9C";
      context.workbook.worksheets.getItem(MAIN).getRange("B7").format.fill.pattern = "Solid";
      const c7 = context.workbook.worksheets.getItem(MAIN).getRange("C7").format.fill;
      c7.pattern = "Checker";
      c7.patternColor = "#00FF00";
      await context.sync();
    });
    expect(fake.workbook.cell(MAIN, "K18").pattern).toEqual({ pattern: "Gray50", patternColor: "#FF0000" });
    expect(fake.workbook.cell(MAIN, "K18").fill).toBe("#FFEB9C");
    expect(fake.workbook.cell(MAIN, "B7")).toMatchObject({ pattern: null, fill: "#FFFFFF" });
    expect(fake.workbook.cell(MAIN, "C7").pattern).toEqual({ pattern: "Checker", patternColor: "#00FF00" });
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem(MAIN).getRange("K18").format.fill.clear();
      await context.sync();
    });
    expect(fake.workbook.cell(MAIN, "K18")).toMatchObject({ pattern: null, fill: null });
  });

  test("fill.color reads null when the cells differ", async () => {
    const { xl } = setup();
    await xl.run(async (context) => {
      const fill = context.workbook.worksheets.getItem(MAIN).getRange("K17:K18").format.fill.load("color");
      await context.sync();
      expect(fill.color).toBeNull();
    });
  });
});

describe("worksheets", () => {
  test("add() with a name in use or not allowed fails at sync, not at the call", async () => {
    const { fake, xl } = setup();
    const names = fake.workbook.sheetNames();
    await expect(
      xl.run(async (context) => {
        context.workbook.worksheets.add("phụ lục i"); // names are compared case-insensitively
        expect(fake.workbook.sheetNames()).toEqual(names);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    for (const bad of ["a/b", "x".repeat(32), "[1]", "'quoted'", "History"]) {
      await expect(
        xl.run(async (context) => {
          context.workbook.worksheets.add(bad);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
    expect(fake.workbook.sheetNames()).toEqual(names);

    await xl.run(async (context) => {
      const added = context.workbook.worksheets.add("Xếp hạng " + "x".repeat(22)); // 31 characters
      added.getRange("A1:B1").values = [["STT", "Đơn vị"]];
      added.freezePanes.freezeRows(1);
      added.getRange("A:A").format.columnWidth = 30;
      added.getRange("A1:B1").format.borders.getItem("EdgeBottom").style = "Continuous";
      added.load("name, position");
      await context.sync();
      expect(added.position).toBe(3);
    });
    const name = "Xếp hạng " + "x".repeat(22);
    expect(fake.workbook.sheetNames()).toEqual([...names, name]);
    expect(fake.workbook.cell(name, "B1").value).toBe("Đơn vị");
    expect(fake.workbook.sheetInfo(name)).toMatchObject({
      frozenRows: 1,
      columnWidths: { A: 30 },
      borders: [{ address: "A1:B1", side: "EdgeBottom", property: "style", value: "Continuous" }],
    });
  });

  test("items after load('items/name'), visibility, activation, deletion", async () => {
    const { fake, xl } = setup();
    await xl.run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load("items/name, items/visibility");
      const count = sheets.getCount();
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual([MAIN, "Data", "Empty"]);
      expect(count.value).toBe(3);
      expect(() => sheets.items[0]!.position).toThrow(/'position' is not available/);

      const settings = sheets.add("CQS_Settings");
      settings.visibility = "VeryHidden";
      sheets.getItem("Data").activate();
      sheets.getItem("Empty").delete();
      const active = sheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(active.name).toBe("Data");
    });
    expect(fake.workbook.sheetNames()).toEqual([MAIN, "Data", "CQS_Settings"]);
    expect(fake.workbook.sheetInfo("CQS_Settings").visibility).toBe("VeryHidden");
    expect(fake.workbook.activeSheet).toBe("Data");
  });
});

describe("ranges", () => {
  test("used range address carries the sheet (quoted when needed) and the offset", async () => {
    const { xl } = setup();
    await xl.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const main = sheets
        .getItem(MAIN)
        .getUsedRange()
        .load("address, rowIndex, columnIndex, rowCount, columnCount");
      const data = sheets.getItem("Data").getUsedRange(true).load("address");
      const empty = sheets.getItem("Empty").getUsedRangeOrNullObject();
      const emptyA1 = sheets.getItem("Empty").getUsedRange().load("address");
      await context.sync();
      expect(main.address).toBe("'Phụ lục I'!A5:K27");
      expect([main.rowIndex, main.columnIndex, main.rowCount, main.columnCount]).toEqual([4, 0, 23, 11]);
      expect(data.address).toBe("Data!B2:C3");
      expect(empty.isNullObject).toBe(true);
      expect(emptyA1.address).toBe("Empty!A1");
    });
  });

  test("getCell, getResizedRange, getOffsetRange and a formatted cell beyond the values", async () => {
    const { xl } = setup();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      const base = sheet.getRange("B2:C3");
      const cell = base.getCell(1, 1).load("address");
      const bigger = base.getResizedRange(2, 1).load("address");
      const moved = base.getOffsetRange(1, 1).load("address");
      sheet.getRange("F9").format.font.bold = true;
      await context.sync();
      const all = sheet.getUsedRange().load("address");
      const valuesOnly = sheet.getUsedRange(true).load("address");
      await context.sync();
      expect([cell.address, bigger.address, moved.address]).toEqual(["Data!C3", "Data!B2:D5", "Data!C3:D4"]);
      expect(all.address).toBe("Data!B2:F9");
      expect(valuesOnly.address).toBe("Data!B2:C3");
    });
  });

  test("merged areas come back as RangeAreas; merge() keeps the top-left value", async () => {
    const { fake, xl } = setup();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(MAIN);
      const merged = sheet.getRange("A5:K27").getMergedAreasOrNullObject();
      merged.load("address, areaCount, cellCount, areas/items/address");
      const none = sheet.getRange("A7:K27").getMergedAreasOrNullObject();
      const whole = sheet.getRange().getMergedAreasOrNullObject();
      whole.areas.load("items/address");
      await context.sync();
      expect(merged.isNullObject).toBe(false);
      expect(merged.areas.items.map((a) => a.address)).toEqual([
        "'Phụ lục I'!A5:A6",
        "'Phụ lục I'!B5:B6",
        "'Phụ lục I'!C5:J5",
      ]);
      expect(merged.areaCount).toBe(3);
      expect(merged.cellCount).toBe(2 + 2 + 8);
      expect(merged.address).toBe("'Phụ lục I'!A5:A6,'Phụ lục I'!B5:B6,'Phụ lục I'!C5:J5");
      expect(none.isNullObject).toBe(true);
      expect(whole.areas.items).toHaveLength(3);

      sheet.getRange("A28:C28").values = [["Ghi chú", "x", "y"]];
      sheet.getRange("A28:C28").merge();
      sheet.getRange("A29:B30").merge(true);
    });
    expect(fake.workbook.merges(MAIN)).toEqual(["A5:A6", "B5:B6", "C5:J5", "A28:C28", "A29:B29", "A30:B30"]);
    expect(fake.workbook.values(MAIN, "A28:C28")).toEqual([["Ghi chú", "", ""]]);
  });

  test("select() records the selection and activates the sheet, at sync", async () => {
    const { fake, xl } = setup();
    await xl.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("$C$2").select();
      expect(fake.workbook.selected).toBeUndefined();
      await context.sync();
      expect(fake.workbook.selected).toEqual({ sheet: "Data", address: "C2" });
      expect(fake.workbook.activeSheet).toBe("Data");
      const sel = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(sel.address).toBe("Data!C2");
    });
  });

  test("autofitColumns, alignment, wrap and fonts are recorded", async () => {
    const { fake, xl } = setup();
    await xl.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Data").getRange("B2:B3");
      r.format.autofitColumns();
      r.format.horizontalAlignment = "Center";
      r.format.wrapText = true;
      r.format.font.italic = true;
      const f = r.format.load("horizontalAlignment, wrapText, columnWidth");
      await context.sync();
      expect([f.horizontalAlignment, f.wrapText]).toEqual(["Center", true]);
      expect(f.columnWidth).toBeGreaterThan(0);
    });
    expect(fake.workbook.sheetInfo("Data").autofitColumns).toEqual(["B"]);
    expect(fake.workbook.cell("Data", "B2")).toMatchObject({ italic: true, horizontalAlignment: "Center" });
  });
});

describe("names and application", () => {
  test("names.add, getItemOrNullObject, a clash fails at sync", async () => {
    const { fake, xl } = setup();
    await xl.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      context.workbook.names.add("CQS_THRESHOLDS", sheet.getRange("B2:C3"));
      context.workbook.names.add("CQS_SCALE", "=100");
      context.application.suspendApiCalculationUntilNextSync();
      const missing = context.workbook.names.getItemOrNullObject("nope");
      const found = context.workbook.names.getItemOrNullObject("cqs_thresholds");
      found.load("name, formula, type");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(found.isNullObject).toBe(false);
      expect([found.name, found.formula, found.type]).toEqual(["CQS_THRESHOLDS", "=Data!$B$2:$C$3", "Range"]);
      const values = found.getRange().load("values");
      context.workbook.names.load("items/name");
      await context.sync();
      expect(values.values).toEqual([
        ["a", 1],
        ["b", 44957],
      ]);
      expect(context.workbook.names.items.map((n) => n.name)).toEqual(["CQS_THRESHOLDS", "CQS_SCALE"]);
    });
    expect(fake.workbook.namedItems()).toHaveLength(2);
    for (const [name, code] of [
      ["CQS_Scale", "ItemAlreadyExists"],
      ["CQS1", "InvalidArgument"],
      ["has space", "InvalidArgument"],
    ] as const) {
      await expect(
        xl.run(async (context) => {
          context.workbook.names.add(name, "=1");
          await context.sync();
        }),
      ).rejects.toMatchObject({ code });
    }
  });

  test("cultureInfo tells the decimal separator", async () => {
    const { xl } = setup(appendix(), {
      culture: { name: "vi-VN", decimalSeparator: ",", groupSeparator: "." },
    });
    await xl.run(async (context) => {
      const nf = context.application.cultureInfo.numberFormat.load("numberDecimalSeparator");
      await context.sync();
      expect(nf.numberDecimalSeparator).toBe(",");
    });
  });
});

describe("undo grouping (ExcelApi 1.20 mergeUndoGroup)", () => {
  async function command(xl: ExcelApi, merge: boolean): Promise<void> {
    await xl.run({ mergeUndoGroup: merge }, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Data");
      sheet.getRange("H1").values = [[1]];
      await context.sync();
      sheet.getRange("H2").values = [[2]];
      sheet.getRange("H2").format.fill.color = "#FFC7CE";
      await context.sync();
    });
  }

  test("one command with mergeUndoGroup is one Undo step; without it, one step per sync", async () => {
    const { fake, xl } = setup();
    await command(xl, true);
    expect(fake.workbook.undoGroups).toEqual([{ run: 1, merged: true, syncs: 2, writes: 3 }]);
    await command(xl, false);
    expect(fake.workbook.undoGroups.filter((g) => g.run === 2)).toEqual([
      { run: 2, merged: false, syncs: 1, writes: 1 },
      { run: 2, merged: false, syncs: 1, writes: 2 },
    ]);
  });

  test("an Excel without ExcelApi 1.20 ignores the option", async () => {
    const { fake, xl } = setup(appendix(), { undoGrouping: false });
    await command(xl, true);
    expect(fake.workbook.undoGroups).toHaveLength(2);
  });

  test("APIs without undo support: UndoNotSupported inside a merged group, a cleared history outside", async () => {
    const desktop = setup();
    await expect(
      desktop.xl.run({ mergeUndoGroup: true }, async (context) => {
        const s = context.workbook.worksheets.add("CQS_Settings");
        s.visibility = "VeryHidden"; // Worksheet.visibility has no undo on Windows and Mac
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
    expect(desktop.fake.workbook.sheetNames()).toContain("CQS_Settings"); // the add before it was applied

    await desktop.xl.run(async (context) => {
      context.workbook.worksheets.getItem("CQS_Settings").visibility = "VeryHidden";
      await context.sync();
    });
    expect(desktop.fake.workbook.undoClears).toEqual([{ run: 2, api: "Worksheet.visibility" }]);

    const web = setup(appendix(), { platform: "web" });
    await web.xl.run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.add("CQS_Settings").visibility = "VeryHidden";
      await context.sync();
    });
    expect(web.fake.workbook.undoGroups).toEqual([{ run: 1, merged: true, syncs: 1, writes: 2 }]);
  });
});

describe("Office global", () => {
  test("requirement sets: a version covers the lower ones", () => {
    const modern = fakeOffice();
    expect(modern.context.requirements.isSetSupported("ExcelApi", "1.20")).toBe(true);
    expect(modern.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(modern.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.1")).toBe(true);
    expect(MODERN_REQUIREMENT_SETS).toContain("ExcelApi 1.20");

    const old = fakeOffice(["ExcelApi 1.8", "AddinCommands 1.1"]);
    expect(old.context.requirements.isSetSupported("ExcelApi", "1.20")).toBe(false);
    expect(old.context.requirements.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(old.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.1")).toBe(false);
    expect(old.asked.map((q) => q.answer)).toEqual([false, true, false]);
  });

  test("onReady and ribbon actions", async () => {
    const office = fakeOffice();
    await expect(office.onReady()).resolves.toEqual({ host: "Excel", platform: "PC" });
    const seen: string[] = [];
    office.actions.associate("checkWorkbook", (event) => {
      seen.push(event.source.id);
      event.completed();
    });
    await office.invoke("checkWorkbook");
    expect(seen).toEqual(["checkWorkbook"]);
    expect([...office.associated.keys()]).toEqual(["checkWorkbook"]);
  });
});

describe("grid round trip and size", () => {
  test("fromWorkbookGrid / toWorkbookGrid keep values, errors, formulas, formats, merges and state", () => {
    const grid: WorkbookGrid = {
      name: "hue.xlsx",
      sheets: [
        {
          name: "S",
          top: 2,
          left: 1,
          rows: [
            [{ v: "Đơn vị" }, { v: 1.5, fmt: "0.00" }],
            [{ v: { error: "#DIV/0!" } }, { v: 3, f: "A1+2" }],
          ],
          merges: [{ top: 2, left: 1, bottom: 2, right: 2 }],
        },
        { name: "CQS_Settings", state: "veryHidden", rows: [[{ v: true }]] },
      ],
    };
    const fake = createFakeExcel(fromWorkbookGrid(grid));
    expect(fake.workbook.toWorkbookGrid()).toEqual({
      name: "hue.xlsx",
      sheets: [
        {
          name: "S",
          state: "visible",
          top: 2,
          left: 1,
          rows: [
            [{ v: "Đơn vị" }, { v: 1.5, fmt: "0.00" }],
            [{ v: { error: "#DIV/0!" } }, { v: 3, f: "A1+2" }],
          ],
          merges: [{ top: 2, left: 1, bottom: 2, right: 2 }],
        },
        { name: "CQS_Settings", state: "veryHidden", top: 0, left: 0, rows: [[{ v: true }]], merges: [] },
      ],
    });
    expect(fake.workbook.cell("S", "B3")).toMatchObject({
      value: "Đơn vị",
      formula: undefined,
      numberFormat: "General",
      fill: null,
      bold: false,
    });
  });

  test("a 10,000 × 11 sheet loads in well under a second", async () => {
    const rows: Cell[][] = Array.from({ length: 10000 }, (_, i) => [
      { v: i + 1 },
      { v: `Đơn vị số ${i + 1}` },
      ...Array.from({ length: 8 }, (_, j) => ({ v: (i * 7 + j) % 13 })),
      { v: 50, f: `SUM(C${i + 1}:J${i + 1})`, fmt: "0.00" },
    ]);
    const fake = createFakeExcel({ sheets: [{ name: "Big", rows }] });
    const xl = fake.Excel as unknown as ExcelApi;
    const started = Date.now();
    await xl.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Big").getUsedRange();
      used.load("address, values, formulas, numberFormat");
      await context.sync();
      expect(used.address).toBe("Big!A1:K10000");
      expect(used.values).toHaveLength(10000);
      expect(used.formulas[9999]![10]).toBe("=SUM(C10000:J10000)");
    });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(fake.stats.roundTrips).toBe(1);
  });
});
