/** The loader's errors name what is wrong and where, for the settings editor to show by the field. */
import {
  compileFramework,
  DEFAULT_FRAMEWORK,
  FrameworkError,
  type Framework,
} from "../../src/core/framework";

function detailOf(framework: Framework): FrameworkError["detail"] {
  try {
    compileFramework(framework);
  } catch (e) {
    expect(e).toBeInstanceOf(FrameworkError);
    return (e as FrameworkError).detail;
  }
  throw new Error("expected a FrameworkError");
}

const levels = (...l: Array<[string, string?]>): Framework => ({
  ...DEFAULT_FRAMEWORK,
  levels: l.map(([name, min]) => (min === undefined ? { name } : { name, min })),
});

describe("FrameworkError.detail", () => {
  it("thresholds 70/80/90 (the nonsense the old pane saved): not decreasing, at the second level", () => {
    expect(detailOf({ ...DEFAULT_FRAMEWORK, thresholds: { I: "70", II: "80", III: "90" } })).toEqual({
      code: "LEVELS_NOT_DECREASING",
      field: "levels.1.min",
    });
  });

  it.each<[string, Framework, { code: string; field?: string }]>([
    [
      "a bound above the scale",
      levels(["Tốt", "120"], ["Khá"]),
      { code: "LEVEL_OUT_OF_SCALE", field: "levels.0.min" },
    ],
    [
      "a repeated level name",
      levels(["Tốt", "90"], ["tốt", "50"], ["Yếu"]),
      { code: "NAME_REPEATED", field: "levels.1.name" },
    ],
    [
      "a middle level without a bound",
      levels(["Tốt", "90"], ["Khá"], ["Yếu", "10"]),
      { code: "LEVEL_BOUND_GAP", field: "levels.1.min" },
    ],
    [
      "a bound that is not a number",
      levels(["Tốt", "chín mươi"], ["Yếu"]),
      { code: "NOT_A_NUMBER", field: "levels.0.min" },
    ],
    [
      "an empty level name",
      levels(["Tốt", "90"], [" "]),
      { code: "LEVEL_NAME_EMPTY", field: "levels.1.name" },
    ],
    ["a scale of 0", { ...DEFAULT_FRAMEWORK, scale: 0 }, { code: "SCALE", field: "scale" }],
    ["7 decimals", { ...DEFAULT_FRAMEWORK, decimals: 7 }, { code: "DECIMALS", field: "decimals" }],
    ["no criteria", { ...DEFAULT_FRAMEWORK, criteria: [] }, { code: "NO_CRITERIA", field: "criteria" }],
    [
      "a repeated criterion name",
      {
        ...DEFAULT_FRAMEWORK,
        criteria: [...DEFAULT_FRAMEWORK.criteria, { ...DEFAULT_FRAMEWORK.criteria[0]!, key: "x" }],
      },
      { code: "NAME_REPEATED", field: "criteria.8.name" },
    ],
    [
      "a max of 0",
      {
        ...DEFAULT_FRAMEWORK,
        criteria: DEFAULT_FRAMEWORK.criteria.map((c, i) => (i === 2 ? { ...c, max: "0" } : c)),
      },
      { code: "MAX_NOT_POSITIVE", field: "criteria.2.max" },
    ],
    [
      "weights on some criteria only",
      {
        ...DEFAULT_FRAMEWORK,
        criteria: DEFAULT_FRAMEWORK.criteria.map((c, i) => (i === 0 ? { ...c, weight: "2" } : c)),
      },
      { code: "WEIGHTS_PARTIAL", field: "criteria" },
    ],
    [
      "a header word in two roles",
      { ...DEFAULT_FRAMEWORK, words: { total: ["Tổng điểm đạt được"], level: ["Tổng điểm  đạt được"] } },
      { code: "WORD_REPEATED", field: "words.level" },
    ],
    [
      "a header word of punctuation only",
      { ...DEFAULT_FRAMEWORK, words: { percent: ["(%)"] } },
      { code: "WORD_EMPTY", field: "words.percent" },
    ],
  ])("%s", (_, framework, detail) => {
    expect(detailOf(framework)).toEqual(detail);
  });
});
