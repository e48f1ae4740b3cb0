import { decodeLegacyVietnamese } from "../../src/core/legacy";
import { nameKey } from "../../src/core/names";

describe("decodeLegacyVietnamese", () => {
  it.each([
    // TCVN3 (ABC) bytes read as Windows-1252
    ["Së Tµi chÝnh", "Sở Tài chính", "TCVN3"],
    ["Së Gi¸o dôc vµ §µo t¹o", "Sở Giáo dục và Đào tạo", "TCVN3"],
    ["HuyÖn Phó Léc", "Huyện Phú Lộc", "TCVN3"],
    ["M\u00adêng Kh\u00ad¬ng", "Mường Khương", "TCVN3"],
    // VNI
    ["Sôû Taøi chính", "Sở Tài chính", "VNI"],
    ["Sôû Giaùo duïc vaø Ñaøo taïo", "Sở Giáo dục và Đào tạo", "VNI"],
    ["Huyeän Phuù Loäc", "Huyện Phú Lộc", "VNI"],
    ["Thò xaõ Höông Thuûy", "Thị xã Hương Thủy", "VNI"],
    ["Xin chaøo caùc baïn", "Xin chào các bạn", "VNI"],
  ])("%p → %p (%s)", (text, unicode, encoding) => {
    expect(decodeLegacyVietnamese(text)).toEqual({ text: unicode, encoding });
  });

  it.each([
    "Sở Tài chính",
    "Huyện A Lưới",
    "Thị xã Hương Thủy",
    "Sở Lao động – TB&XH",
    "Café Müller",
    "UBND",
  ])("leaves Unicode text alone: %p", (text) => {
    expect(decodeLegacyVietnamese(text)).toBeUndefined();
  });
});

describe("name keys of legacy text", () => {
  it("so legacy names still get their Unicode key", () => {
    expect(nameKey("Së Tµi chÝnh")).toBe(nameKey("Sở Tài chính"));
    expect(nameKey("Sôû Taøi chính")).toBe(nameKey("Sở Tài chính"));
  });
});

describe("legacy names in the tables", () => {
  it("matches a TCVN3 ranking name to its Unicode criteria name and says so", () => {
    const { analyzeWorkbook } = require("../../src/core/analyze") as typeof import("../../src/core/analyze");
    const { DEFAULT_FRAMEWORK } =
      require("../../src/core/framework") as typeof import("../../src/core/framework");
    const { criteriaRows, rankingRows, sheet, workbook } =
      require("./build-grid") as typeof import("./build-grid");
    const rows = [
      ...criteriaRows([
        ["Sở Tài chính", [6, 3, 10, 46.32, 3, 11.98, 6, 2], 88.3],
        ["Huyện Phú Lộc", [7, 5, 9.82, 42, 5, 11.82, 6, 2], 88.64],
      ]),
      [],
      ...rankingRows([
        ["Së Tµi chÝnh", 88.3, "II"],
        ["Huyeän Phuù Loäc", 88.64, "II"],
      ]),
    ];
    const a = analyzeWorkbook(workbook(sheet("S", rows)), DEFAULT_FRAMEWORK);
    expect(a.findings.map((f) => [f.code, f.cell, f.params.encoding])).toEqual([
      ["NAME_VARIANT", "B6", "TCVN3"],
      ["NAME_VARIANT", "B7", "VNI"],
    ]);
  });
});
