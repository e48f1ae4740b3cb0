import fc from "fast-check";
import { fastNameKey, nameWords } from "../../src/core/text";

const ALPHABET = [
  ..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789 &,.-–()\u00a0“”",
  ..."àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ",
  ..."ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ",
];

describe("fastNameKey", () => {
  it("equals the general path on 2,000 random Vietnamese names", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 40 }), (name) => {
        expect(fastNameKey(name)).toBe(nameWords(name).join(" "));
      }),
      { numRuns: 2000, seed: 20261129 },
    );
  });

  it.each([
    ["Sở Văn hoá và Thể thao", "sơ4 văn hoa2 va1 thê4 thao"],
    ["Thị xã Hương Thuỷ", "thi5 xa3 hương thuy4"],
    ["Sở Lao động – TB&XH", "sơ4 lao đông5 tb va1 xh"],
  ])("%p → %p", (name, key) => {
    expect(fastNameKey(name)).toBe(key);
    expect(nameWords(name).join(" ")).toBe(key);
  });

  it("leaves other scripts and combining marks to the general path", () => {
    expect(fastNameKey("Café Müller")).toBeUndefined();
    expect(fastNameKey("Sở Y tế".normalize("NFD"))).toBeUndefined();
  });
});
