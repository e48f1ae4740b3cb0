import { formatExact } from "../../src/core/exact";
import { parseNoteLine, parseSummaryLine } from "../../src/core/read";

describe("parseNoteLine", () => {
  it.each([
    ["1. Văn phòng UBND tỉnh: 75 điểm (không tính điểm dịch vụ công)", "Văn phòng UBND tỉnh", "75.00"],
    ["3. Sở Ngoại vụ: 98 điểm (không tính điểm với tiêu chí …)", "Sở Ngoại vụ", "98.00"],
    ["- Ban Dân tộc: 75,5 điểm", "Ban Dân tộc", "75.50"],
  ])("%p", (text, unit, max) => {
    const n = parseNoteLine(text)!;
    expect(n.unit).toBe(unit);
    expect(formatExact(n.max, 2)).toBe(max);
  });

  it.each([
    "Điểm tối đa của một số đơn vị dưới 100 điểm được tính trung bình theo công thức: (Tổng số điểm thực hiện * 100)/ Điểm tối đa.",
    "Ghi chú:",
    "Tổng: 100 điểm",
  ])("is not a note line: %p", (text) => {
    expect(parseNoteLine(text)).toBeUndefined();
  });
});

describe("parseSummaryLine", () => {
  it("reads the decision's line with a combined part", () => {
    expect(
      parseSummaryLine(
        "- Số đơn vị đạt mức độ I: 18 - Số đơn vị đạt mức độ II: 2 - Số đơn vị đạt mức độ III, IV: 0",
      ),
    ).toEqual([
      { levels: ["I"], count: 18 },
      { levels: ["II"], count: 2 },
      { levels: ["III", "IV"], count: 0 },
    ]);
  });

  it("reads separate parts and other spellings", () => {
    expect(
      parseSummaryLine("Số đơn vị đạt mức độ I: 4; số đơn vị đạt mức độ II: 5; mức độ III: 0; mức độ IV: 1"),
    ).toEqual([
      { levels: ["I"], count: 4 },
      { levels: ["II"], count: 5 },
      { levels: ["III"], count: 0 },
      { levels: ["IV"], count: 1 },
    ]);
  });

  it("ignores other text", () => {
    expect(
      parseSummaryLine("2. Xếp hạng mức độ các cơ quan chuyên môn thuộc UBND tỉnh năm 2022"),
    ).toBeUndefined();
  });
});
