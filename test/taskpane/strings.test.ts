/**
 * The pane's pure parts: the language tables, the capability notices, the environment read from
 * the Office globals.
 */
import { missingCapabilityNotices } from "../../src/taskpane/components/CapabilityNotices";
import { describeError, paneEnvironmentSafe, type OfficeGlobals } from "../../src/taskpane/operations";
import { PANE_TEXT } from "../../src/taskpane/strings";
import { FrameworkError } from "../../src/core";
import { createFakeExcel, fakeOffice, MODERN_REQUIREMENT_SETS } from "../../src/excel-double/fake-excel";

describe("PANE_TEXT", () => {
  it("has the same keys in Vietnamese and English, none empty", () => {
    expect(Object.keys(PANE_TEXT.en).sort()).toEqual(Object.keys(PANE_TEXT.vi).sort());
    for (const table of [PANE_TEXT.vi, PANE_TEXT.en]) {
      for (const [key, value] of Object.entries(table)) {
        const text = typeof value === "function" ? (value as (...a: unknown[]) => string)(2, "x") : value;
        expect([key, text.trim().length > 0]).toEqual([key, true]);
      }
    }
  });

  it("names the buttons as the issue and the manifest do", () => {
    expect([PANE_TEXT.vi.check, PANE_TEXT.vi.mark, PANE_TEXT.vi.unmark, PANE_TEXT.vi.rank]).toEqual([
      "Kiểm tra",
      "Đánh dấu",
      "Xóa đánh dấu",
      "Lập bảng xếp hạng",
    ]);
  });
});

describe("paneEnvironmentSafe", () => {
  const excel = createFakeExcel({ sheets: [{ name: "Sheet1" }] }).Excel as unknown as OfficeGlobals["Excel"];

  it("offers the operations and every capability on a current Excel", () => {
    const env = paneEnvironmentSafe({ Excel: excel, Office: fakeOffice(MODERN_REQUIREMENT_SETS) });
    expect(env.operations).toBeDefined();
    expect(env.capabilities).toEqual({
      undoGroup: true,
      cellProperties: true,
      mergedAreas: true,
      customFunctions: true,
      pageLayout: true,
      comments: true,
      hyperlinks: true,
    });
    expect(env.minimum).toEqual({ check: true, rank: true });
    expect(missingCapabilityNotices(env.capabilities, env.minimum, "vi")).toEqual([]);
  });

  it("says what an Excel 2019 (ExcelApi 1.7) lacks", () => {
    const env = paneEnvironmentSafe({ Excel: excel, Office: fakeOffice(["ExcelApi 1.7", "DialogApi 1.1"]) });
    expect(env.minimum).toEqual({ check: true, rank: true });
    const notices = missingCapabilityNotices(env.capabilities, env.minimum, "vi");
    expect(notices).toHaveLength(3);
    expect(notices[0]).toContain("gộp thao tác thành một bước Hoàn tác (cần ExcelApi 1.20)");
    expect(notices[1]).toContain("ExcelApi 1.9");
    expect(notices[2]).toContain("hàm tùy chỉnh");
  });

  it("says the ranking needs ExcelApi 1.7 and reading needs 1.4", () => {
    const at = (v: string) => paneEnvironmentSafe({ Excel: excel, Office: fakeOffice([`ExcelApi ${v}`]) });
    expect(at("1.5").minimum).toEqual({ check: true, rank: false });
    expect(missingCapabilityNotices(at("1.5").capabilities, at("1.5").minimum, "en")[0]).toContain(
      "ExcelApi 1.7",
    );
    expect(at("1.3").minimum).toEqual({ check: false, rank: false });
  });

  it("has no operations outside Excel, and never throws", () => {
    expect(paneEnvironmentSafe({}).operations).toBeUndefined();
    const throwing = {
      context: {
        get requirements(): never {
          throw new Error("no host");
        },
      },
    } as unknown as OfficeGlobals["Office"];
    expect(paneEnvironmentSafe({ Office: throwing }).capabilities.undoGroup).toBe(false);
  });
});

describe("describeError", () => {
  it("turns Office error codes into a sentence in the pane's language", () => {
    expect(describeError({ code: "ItemNotFound", message: "x" }, "vi")).toContain("Không tìm thấy");
    expect(describeError(Object.assign(new Error("boom"), { code: "GeneralException" }), "en")).toBe("boom");
  });

  it("says what is wrong with the settings sheet in the language chosen, not always in Vietnamese", () => {
    const e = new FrameworkError("SETTINGS_THRESHOLD_COUNT", { sheet: "CQS_Settings", count: 2 });
    expect(describeError(e, "vi")).toBe("CQS_Settings: cần đúng 3 ngưỡng mức độ (I, II, III), có 2");
    expect(describeError(e, "en")).toBe(
      "CQS_Settings: exactly 3 level bounds (I, II, III) are needed, found 2",
    );
  });
});
