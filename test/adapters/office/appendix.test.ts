/** The ranking sheet's extras on an Excel that reports every requirement set but lacks an API (the double). */
import { buildRanking, detectCapabilitiesSafe } from "../../../src/adapters/office/operations";
import { fakeOffice, MODERN_REQUIREMENT_SETS } from "../../../src/excel-double/fake-excel";
import { setupExample } from "./helpers";

describe("queueSheetExtras", () => {
  it("builds the ranking and says what it could not apply, rather than failing", async () => {
    const caps = detectCapabilitiesSafe(
      fakeOffice(MODERN_REQUIREMENT_SETS).context.requirements.isSetSupported,
    );
    const { fake, host } = await setupExample(caps);
    const result = await buildRanking(host);
    expect(result.added).toEqual(["Xếp hạng Phụ lục I", "Xếp hạng Phụ lục II"]);
    // The double has no page layout or comments API: the pane is told, the sheet is still written.
    expect(result.notices).toEqual(expect.arrayContaining(["pageLayout", "comments"]));
    expect(fake.workbook.cell("Xếp hạng Phụ lục I", "A1").value).toBe(
      "KẾT QUẢ ĐÁNH GIÁ, XẾP HẠNG MỨC ĐỘ CHÍNH QUYỀN SỐ CẤP SỞ, CẤP HUYỆN NĂM 2022",
    );
  });
});
