/**
 * The core's words in Vietnamese, the first language: what the core reports as codes and typed
 * parameters, rendered for people. en.ts is typed by this shape, so a missing text or parameter
 * is a compile error. Names from the workbook or the framework arrive as parameters.
 */

/** A number field of a framework that did not parse. */
export type FrameworkNumberField =
  | { readonly kind: "criterionMax"; readonly name: string }
  | { readonly kind: "criterionWeight"; readonly name: string }
  | { readonly kind: "levelMin"; readonly name: string }
  | { readonly kind: "unitMax"; readonly unit: string };

/** A list of a framework's names that must not repeat. */
export type FrameworkNameList = "criterionName" | "criterionKey" | "groupName" | "levelName";

/** A number read from a settings sheet row. */
export type SettingsNumber = "threshold" | "max";

type NoParams = Readonly<Record<string, never>>;

const FIELD: Readonly<Record<FrameworkNumberField["kind"], (f: FrameworkNumberField) => string>> = {
  criterionMax: (f) => `Điểm tối đa của tiêu chí "${"name" in f ? f.name : ""}"`,
  criterionWeight: (f) => `Trọng số của tiêu chí "${"name" in f ? f.name : ""}"`,
  levelMin: (f) => `Ngưỡng mức ${"name" in f ? f.name : ""}`,
  unitMax: (f) => `Điểm tối đa của "${"unit" in f ? f.unit : ""}"`,
};
const NAMES: Readonly<Record<FrameworkNameList, string>> = {
  criterionName: "Tên tiêu chí",
  criterionKey: "Mã tiêu chí",
  groupName: "Tên nhóm tiêu chí",
  levelName: "Tên mức",
};
const SETTINGS_NUMBER: Readonly<Record<SettingsNumber, string>> = {
  threshold: "Ngưỡng mức độ",
  max: "Điểm tối đa",
};

export const vi = {
  /** FrameworkError codes: a framework file, a library entry or a settings sheet that cannot be used. */
  frameworkErrors: {
    NOT_A_NUMBER: (p: { field: FrameworkNumberField; value: string }) =>
      `${FIELD[p.field.kind](p.field)}: "${p.value}" không phải là số`,
    DUPLICATE: (p: { list: FrameworkNameList; name: string }) => `${NAMES[p.list]} "${p.name}" bị lặp lại`,
    NO_CRITERIA: (_: NoParams) => "Bộ tiêu chí không có tiêu chí nào",
    SCALE_NOT_POSITIVE: (p: { value: string }) => `Thang điểm "${p.value}" phải là số dương`,
    DECIMALS_RANGE: (p: { value: string }) => `Số chữ số thập phân "${p.value}" phải từ 0 đến 6`,
    PUBLICATION_ROUNDING_RANGE: (p: { value: string }) =>
      `Số chữ số làm tròn khi công bố "${p.value}" phải từ 0 đến 6`,
    MAX_NOT_POSITIVE: (p: { criterion: string }) => `Điểm tối đa của tiêu chí "${p.criterion}" phải dương`,
    WEIGHT_NOT_POSITIVE: (p: { criterion: string }) => `Trọng số của tiêu chí "${p.criterion}" phải dương`,
    UNKNOWN_GROUP: (p: { criterion: string; group: string }) =>
      `Tiêu chí "${p.criterion}" thuộc nhóm "${p.group}" không có`,
    WEIGHTS_PARTIAL: (_: NoParams) => "Hoặc mọi tiêu chí có trọng số, hoặc không tiêu chí nào có",
    LEVEL_UNNAMED: (p: { position: number }) => `Mức thứ ${p.position} không có tên`,
    LEVEL_MIN_OUT_OF_SCALE: (p: { level: string; min: string; top: string }) =>
      `Ngưỡng của mức "${p.level}" (${p.min}) phải nằm trong thang điểm 0–${p.top}`,
    LEVELS_NOT_DESCENDING: (p: { level: string; min: string }) =>
      `Ngưỡng các mức phải giảm dần: mức "${p.level}" (${p.min}) không nhỏ hơn mức trước`,
    LEVEL_MIN_AFTER_NONE: (p: { level: string }) => `Mức "${p.level}" có ngưỡng nhưng mức trước không có`,
    NOT_STRING_ARRAY: (p: { path: string }) => `"${p.path}" phải là một mảng chuỗi`,
    NOT_OBJECT: (p: { path: string }) => `${p.path} phải là một đối tượng JSON`,
    FILE_NOT_OBJECT: (_: NoParams) => "Tệp bộ tiêu chí phải là một đối tượng JSON",
    UNKNOWN_FIELD: (p: { path: string }) => `Trường không biết: "${p.path}"`,
    BAD_KIND: (p: { path: string }) => `"${p.path}" phải là "criteria" hoặc "results"`,
    NOT_ARRAY: (p: { path: string }) => `"${p.path}" phải là một mảng`,
    MISSING_FIELD: (p: { path: string; field: string }) => `${p.path} thiếu "${p.field}"`,
    BAD_THRESHOLDS: (p: { path: string }) =>
      `"${p.path}" phải là {"I": 90, "II": 80, "III": 70} hoặc [90, 80, 70]`,
    BAD_LEVEL_BASIS: (p: { path: string }) => `"${p.path}" phải là "total" hoặc "percent"`,
    BAD_ROLE: (p: { path: string; roles: string }) => `"${p.path}" không phải là vai trò cột (${p.roles})`,
    NOT_A_NUMBER_FIELD: (p: { path: string }) => `"${p.path}" phải là một số`,
    SETTINGS_NOT_NUMBER: (p: { sheet: string; what: SettingsNumber; row: number }) =>
      `${p.sheet}: ${SETTINGS_NUMBER[p.what]} ở dòng ${p.row} không phải là số`,
    SETTINGS_BAD_JSON: (p: { sheet: string; row: number }) =>
      `${p.sheet}: dòng ${p.row} không phải JSON hợp lệ`,
    SETTINGS_CRITERION_UNNAMED: (p: { sheet: string; row: number }) =>
      `${p.sheet}: tiêu chí ở dòng ${p.row} không có tên`,
    SETTINGS_UNIT_MISSING: (p: { sheet: string; row: number }) =>
      `${p.sheet}: dòng ${p.row} thiếu tên đơn vị`,
    SETTINGS_THRESHOLD_COUNT: (p: { sheet: string; count: number }) =>
      `${p.sheet}: cần đúng 3 ngưỡng mức độ (I, II, III), có ${p.count}`,
    SETTINGS_NOT_INTEGER: (p: { sheet: string; key: string }) => `${p.sheet}: "${p.key}" phải là số nguyên`,
  },
};

export type CoreText = typeof vi;
