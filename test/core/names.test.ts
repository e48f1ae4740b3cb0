import { matchUnits, nameKey, type UnitMatching } from "../../src/core/names";
import { foldHeader } from "../../src/core/text";

/** Whether two names are taken for one unit, each table holding only that name. */
function related(a: string, b: string): "matched" | "none" {
  return matchUnits([a], [b]).rightOf[0] === 0 ? "matched" : "none";
}

function pairsOf(m: UnitMatching): Array<[number, number]> {
  return m.rightOf.flatMap((j, i) => (j >= 0 ? [[i, j] as [number, number]] : []));
}

describe("one name against another", () => {
  it.each([
    // The 2022 decision's variants between its two tables
    ["Sở Giáo dục", "Sở Giáo dục và Đào tạo", "matched"],
    ["Sở Lao động – TB&XH", "Sở Lao động, Thương binh và Xã hội", "matched"],
    ["Sở Nông nghiệp và PTNT", "Sở Nông nghiệp và Phát triển nông thôn", "matched"],
    // Case, spacing, punctuation, old and new tone-mark placement
    ["Sở kế hoạch và Đầu tư", "Sở Kế hoạch  và Đầu tư", "matched"],
    ["Sở Văn hoá và Thể thao", "Sở Văn hóa và Thể thao", "matched"],
    ["Thị xã Hương Thuỷ", "Thị xã Hương Thủy", "matched"],
    ["Sở Thông tin & Truyền thông", "Sở Thông tin và Truyền thông", "matched"],
    ["Sở TT&TT", "Sở Thông tin và Truyền thông", "matched"],
    ["Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh", "matched"],
    // Never across different words
    ["Sở Nội vụ", "Sở Ngoại vụ", "none"],
    ["Sở Nội vụ", "Sở Nội chính", "none"],
    ["Sở Giáo dục", "Sở Giao thông Vận tải", "none"],
    ["Huyện Phú Lộc", "Huyện Phú Vang", "none"],
    ["Sở Tài chính", "Sở Tài nguyên và Môi trường", "none"],
  ])("%p vs %p: %s", (a, b, expected) => {
    expect(related(a, b)).toBe(expected);
    expect(related(b, a)).toBe(expected);
  });
});

describe("names as long as a cell holds", () => {
  // Excel keeps up to 32,767 characters in a cell: about 8,000 words of "Sở Tài chính và ".
  const long = "Sở Tài chính và ".repeat(2_040).trim();

  it.each([
    [long, long, "matched"],
    [long, `${long} Huế`, "matched"],
    [long, long.replace(/ và$/, " với"), "none"],
  ])("%#: compared word for word, without overflowing the stack", (a, b, expected) => {
    expect(related(a, b)).toBe(expected);
    expect(related(b, a)).toBe(expected);
  });

  it("reads a long run of capitals as a word, not as an abbreviation to search", () => {
    const capitals = "A".repeat(30_000);
    expect(related(`Sở ${capitals}`, `Sở ${capitals}`)).toBe("matched");
    expect(related(`Sở ${capitals}`, "Sở An Ninh")).toBe("none");
  });

  it("still reads an abbreviation of up to 12 letters", () => {
    expect(related("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch")).toBe("matched");
  });
});

describe("nameKey", () => {
  it("keeps tone marks apart: Giáo ≠ Giao", () => {
    expect(nameKey("Sở Giáo dục")).not.toBe(nameKey("Sở Giao dục"));
  });
  it("folds NFD input to the same key as NFC", () => {
    expect(nameKey("Sở Y tế".normalize("NFD"))).toBe(nameKey("Sở Y tế"));
  });
});

describe("matchUnits", () => {
  it("pairs the 2022 departments' names one to one", () => {
    const criteria = [
      "Sở Giáo dục",
      "Sở Giao thông Vận tải",
      "Sở Lao động – TB&XH",
      "Sở Nội vụ",
      "Sở Ngoại vụ",
    ];
    const ranking = [
      "Sở Giáo dục và Đào tạo",
      "Sở Giao thông Vận tải",
      "Sở Lao động, Thương binh và Xã hội",
      "Sở Nội vụ",
      "Sở Ngoại vụ",
    ];
    const m = matchUnits(criteria, ranking);
    expect(pairsOf(m)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(m.unmatchedLeft).toEqual([]);
  });

  it("leaves a leading-part name unmatched when two names could own it", () => {
    const m = matchUnits(["Sở Giáo dục"], ["Sở Giáo dục và Đào tạo", "Sở Giáo dục nghề nghiệp"]);
    expect(pairsOf(m)).toEqual([]);
    expect(m.unmatchedLeft).toEqual([0]);
    expect(m.unmatchedRight).toEqual([0, 1]);
  });

  it("pairs a name listed twice with the two rows of the other table, in order", () => {
    expect(pairsOf(matchUnits(["Sở A", "Sở B", "Sở A"], ["Sở A", "Sở A", "Sở B"]))).toEqual([
      [0, 0],
      [1, 2],
      [2, 1],
    ]);
    const m = matchUnits(["Sở A", "Sở A"], ["Sở A"]);
    expect(pairsOf(m)).toEqual([[0, 0]]);
    expect(m.unmatchedLeft).toEqual([1]);
  });

  it("does not match a unit to a different one", () => {
    const m = matchUnits(["Sở Nội vụ"], ["Sở Nội chính"]);
    expect(pairsOf(m)).toEqual([]);
  });
});

describe("foldHeader", () => {
  it.each([
    ["1. Nhận thức", "nhan thuc"],
    ["Nền tảng và CQ số", "nen tang va chinh quyen so"],
    ["TỔNG ĐIỂM", "tong diem"],
    ["Nhận thức (8 điểm)", "nhan thuc"],
    ["  Tên  đơn vị ", "ten don vi"],
    ["Đào tạo và phát triển CQS", "dao tao va phat trien chinh quyen so"],
  ])("%p → %p", (text, expected) => {
    expect(foldHeader(text)).toBe(expected);
  });
});
