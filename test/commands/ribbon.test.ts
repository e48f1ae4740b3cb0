/**
 * The ribbon commands (src/commands/ribbon.ts): the same operations as the pane, one click each,
 * reporting in a dialog and always completing the event.
 */
import { RIBBON_ACTIONS } from "../../src/commands/actions";
import { errorSummary, RIBBON_TEXT, ribbonHandlers, type RibbonEvent } from "../../src/commands/ribbon";
import { FrameworkError } from "../../src/core";
import { minimumSupportSafe } from "../../src/adapters/office/operations";
import {
  decodeSummarySafe,
  encodeSummary,
  SUMMARY_PARAM,
  type RibbonSummary,
} from "../../src/commands/summary";
import { fakeOffice, fromWorkbookGrid } from "../../src/excel-double/fake-excel";
import { exampleGrid, MODERN, OLD, setup } from "../adapters/office/helpers";

async function ribbon(capabilities = MODERN, lang: "vi" | "en" = "vi") {
  const { fake, host } = setup(fromWorkbookGrid(await exampleGrid()), capabilities, {
    undoGrouping: capabilities.undoGroup,
  });
  const shown: RibbonSummary[] = [];
  const office = fakeOffice();
  const handlers = ribbonHandlers({
    host,
    lang,
    show: async (s) => {
      shown.push(s);
    },
  });
  for (const id of RIBBON_ACTIONS) office.actions.associate(id, handlers[id]);
  return { fake, office, shown };
}

describe("ribbon commands", () => {
  it("associates a handler with every ExecuteFunction of the manifest", async () => {
    const { office } = await ribbon();
    expect([...office.associated.keys()]).toEqual([...RIBBON_ACTIONS]);
  });

  it("Kiểm tra shows the counts and the five mismatches first, and writes nothing", async () => {
    const { fake, office, shown } = await ribbon();
    const before = fake.workbook.toWorkbookGrid();
    await office.invoke("validateWorkbook");
    expect(shown).toHaveLength(1);
    const s = shown[0]!;
    expect(s.intent).toBe("error");
    expect(s.lines[0]).toBe("5 lỗi · 0 cảnh báo · 7 thông tin");
    expect(s.findings.slice(0, 5).map((f) => f.where)).toEqual([
      "Sở Tài chính · Phụ lục I!K18",
      "Sở Tài nguyên và Môi trường · Phụ lục I!K19",
      "Văn phòng UBND tỉnh · Phụ lục I!K24",
      "Thị xã Hương Thủy · Phụ lục II!K8",
      "Huyện Phú Lộc · Phụ lục II!K13",
    ]);
    expect(s.findings[0]!.text).toBe("Tổng ghi 88,31 ≠ tính lại 88,30");
    expect(s.findings.length + s.more).toBe(12);
    expect(fake.workbook.toWorkbookGrid()).toEqual(before);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2);
  });

  it("Lập bảng xếp hạng builds the sheets in one Undo step and names them", async () => {
    const { fake, office, shown } = await ribbon();
    await office.invoke("buildRanking");
    expect(fake.workbook.sheetNames()).toEqual([
      "Phụ lục I",
      "Phụ lục II",
      "Xếp hạng Phụ lục I",
      "Xếp hạng Phụ lục II",
    ]);
    expect(fake.workbook.undoGroups.filter((g) => g.merged)).toHaveLength(1);
    expect(shown[0]!.lines[0]).toContain("“Xếp hạng Phụ lục I”, “Xếp hạng Phụ lục II”");
    expect(shown[0]!.lines[0]).toContain("Một lần Hoàn tác");
    expect(shown[0]!.lines).toContain(
      "Phụ lục II: - Số đơn vị đạt mức độ I: 4 - Số đơn vị đạt mức độ II: 5 - Số đơn vị đạt mức độ III, IV: 0",
    );
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
  });

  it("says on an older Excel that the ranking is not one Undo step", async () => {
    const { fake, office, shown } = await ribbon(OLD, "en");
    await office.invoke("buildRanking");
    expect(fake.workbook.undoGroups.every((g) => !g.merged)).toBe(true);
    expect(shown[0]!.lines[0]).toContain("cannot make it one Undo step (needs ExcelApi 1.20)");
  });

  it("reports a failure in the dialog and still completes the event", async () => {
    const completed: number[] = [];
    const shown: RibbonSummary[] = [];
    const failing = {
      Excel: {
        run: () => Promise.reject(Object.assign(new Error("Không ghi được"), { code: "AccessDenied" })),
      },
      capabilities: MODERN,
    } as unknown as Parameters<typeof ribbonHandlers>[0]["host"];
    const handlers = ribbonHandlers({ host: failing, lang: "vi", show: async (s) => void shown.push(s) });
    const event: RibbonEvent = { completed: () => completed.push(1) };
    await handlers.buildRanking(event);
    expect(shown[0]).toMatchObject({ kind: "error", intent: "error", lines: ["Không ghi được"] });
    expect(completed).toEqual([1]);
  });

  it("completes the event even when the dialog cannot open, and outside Excel", async () => {
    const completed: string[] = [];
    const handlers = ribbonHandlers({
      host: undefined,
      lang: "vi",
      show: () => Promise.reject(new Error("no dialog")),
    });
    await expect(handlers.validateWorkbook({ completed: () => completed.push("v") })).rejects.toThrow(
      "no dialog",
    );
    expect(completed).toEqual(["v"]);
  });
});

describe("the dialog's summary in its URL", () => {
  it("round-trips Vietnamese text through the query", () => {
    const s: RibbonSummary = {
      lang: "vi",
      kind: "check",
      intent: "error",
      title: "Kết quả kiểm tra",
      lines: ["5 lỗi · 0 cảnh báo · 7 thông tin"],
      findings: [
        { severity: "error", text: "Tổng ghi 88,31 ≠ tính lại 88,30", where: "Sở Tài chính · Phụ lục I!K18" },
      ],
      more: 11,
    };
    const query = `?${SUMMARY_PARAM}=${encodeSummary(s)}`;
    expect(decodeSummarySafe(query)).toEqual(s);
    expect(query).toMatch(/^\?r=[A-Za-z0-9_-]+$/);
  });

  it("keeps a full summary short enough for a dialog URL", async () => {
    const { office, shown } = await ribbon();
    await office.invoke("validateWorkbook");
    expect(encodeSummary(shown[0]!).length).toBeLessThan(2000);
  });

  it("gives undefined for a missing or damaged summary", () => {
    expect(decodeSummarySafe("")).toBeUndefined();
    expect(decodeSummarySafe("?r=%%%")).toBeUndefined();
    expect(decodeSummarySafe("?r=bm90IGpzb24")).toBeUndefined();
  });
});

describe("the API levels on the ribbon path, as in the pane", () => {
  it("reads the minimum levels from the requirement sets", () => {
    expect(minimumSupportSafe(fakeOffice(["ExcelApi 1.4"]).context.requirements.isSetSupported)).toEqual({
      check: true,
      rank: false,
    });
    expect(minimumSupportSafe(fakeOffice(["ExcelApi 1.7"]).context.requirements.isSetSupported)).toEqual({
      check: true,
      rank: true,
    });
    expect(minimumSupportSafe(undefined)).toEqual({ check: false, rank: false });
  });

  it("says what is needed on an Excel too old, writes nothing and completes the event", async () => {
    const { fake, host } = setup(fromWorkbookGrid(await exampleGrid()), OLD);
    const office = fakeOffice(["ExcelApi 1.4"]);
    const shown: RibbonSummary[] = [];
    const handlers = ribbonHandlers({
      host,
      lang: "vi",
      minimum: minimumSupportSafe(office.context.requirements.isSetSupported),
      show: async (s) => {
        shown.push(s);
      },
    });
    for (const id of RIBBON_ACTIONS) office.actions.associate(id, handlers[id]);
    const before = fake.workbook.toWorkbookGrid();
    await office.invoke("buildRanking");
    expect(shown[0]).toMatchObject({ kind: "error", lines: [RIBBON_TEXT.vi.tooOldRank] });
    expect(fake.workbook.toWorkbookGrid()).toEqual(before);
    expect(fake.stats.runs).toBe(0);
    // ExcelApi 1.4 is enough to check.
    await office.invoke("validateWorkbook");
    expect(shown[1]!.kind).toBe("check");
  });
});

describe("commands.ts", () => {
  it("associates every action at top level, before Office is ready", () => {
    const office = fakeOffice();
    let ready = false;
    const globals = global as unknown as Record<string, unknown>;
    globals.Office = {
      ...office,
      onReady: () => new Promise(() => undefined).then(() => (ready = true)),
    };
    try {
      jest.isolateModules(() => {
        require("../../src/commands/commands");
      });
      expect(ready).toBe(false);
      expect([...office.associated.keys()]).toEqual([...RIBBON_ACTIONS]);
    } finally {
      delete globals.Office;
    }
  });
});

describe("errorSummary", () => {
  it("states a framework error in the ribbon's language", () => {
    const e = new FrameworkError("NO_CRITERIA", {});
    expect(errorSummary(e, "vi").lines).toEqual(["Bộ tiêu chí không có tiêu chí nào"]);
    expect(errorSummary(e, "en").lines).toEqual(["The framework has no criteria"]);
  });
});
