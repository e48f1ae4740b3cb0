/**
 * The pure parts of the pane's light widgets (Tabs, Hint): the keys that move between tabs and where
 * a hint is placed. Their DOM behaviour is covered by the browser test (test/browser).
 */
import { hintPosition } from "../../src/taskpane/components/Hint";
import { tabIndexAfterKey } from "../../src/taskpane/components/Tabs";

describe("tabIndexAfterKey", () => {
  it("moves with the arrows, wrapping, and jumps with Home and End", () => {
    expect(tabIndexAfterKey("ArrowRight", 0, 2)).toBe(1);
    expect(tabIndexAfterKey("ArrowRight", 1, 2)).toBe(0);
    expect(tabIndexAfterKey("ArrowLeft", 0, 2)).toBe(1);
    expect(tabIndexAfterKey("ArrowLeft", 1, 3)).toBe(0);
    expect(tabIndexAfterKey("Home", 2, 3)).toBe(0);
    expect(tabIndexAfterKey("End", 0, 3)).toBe(2);
  });

  it("leaves other keys to the browser (Enter and Space click the tab)", () => {
    for (const key of ["Enter", " ", "Tab", "ArrowDown", "a"])
      expect(tabIndexAfterKey(key, 0, 2)).toBeUndefined();
  });
});

describe("hintPosition", () => {
  const tip = { width: 200, height: 40 };

  it("centres the hint above the control", () => {
    expect(hintPosition({ top: 100, bottom: 132, left: 100, width: 80 }, tip, 360)).toEqual({
      top: 56,
      left: 40,
    });
  });

  it("goes below when there is no room above", () => {
    expect(hintPosition({ top: 20, bottom: 52, left: 100, width: 80 }, tip, 360).top).toBe(56);
  });

  it("stays inside the pane's width", () => {
    expect(hintPosition({ top: 100, bottom: 132, left: 300, width: 50 }, tip, 360).left).toBe(156);
    expect(hintPosition({ top: 100, bottom: 132, left: 0, width: 20 }, tip, 360).left).toBe(4);
  });
});
