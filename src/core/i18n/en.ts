/** The core's words in English, typed by the Vietnamese dictionary's shape (vi.ts). */
import type { CoreText, FrameworkNameList, FrameworkNumberField, SettingsNumber } from "./vi";

const FIELD: Readonly<Record<FrameworkNumberField["kind"], (f: FrameworkNumberField) => string>> = {
  criterionMax: (f) => `Max points of criterion "${"name" in f ? f.name : ""}"`,
  criterionWeight: (f) => `Weight of criterion "${"name" in f ? f.name : ""}"`,
  levelMin: (f) => `Bound of level "${"name" in f ? f.name : ""}"`,
  unitMax: (f) => `Max points of "${"unit" in f ? f.unit : ""}"`,
};
const NAMES: Readonly<Record<FrameworkNameList, string>> = {
  criterionName: "Criterion name",
  criterionKey: "Criterion key",
  groupName: "Criteria group name",
  levelName: "Level name",
};
const SETTINGS_NUMBER: Readonly<Record<SettingsNumber, string>> = {
  threshold: "the level bound",
  max: "the max points",
};

export const en: CoreText = {
  frameworkErrors: {
    NOT_A_NUMBER: (p) => `${FIELD[p.field.kind](p.field)}: "${p.value}" is not a number`,
    DUPLICATE: (p) => `${NAMES[p.list]} "${p.name}" is repeated`,
    NO_CRITERIA: () => "The framework has no criteria",
    SCALE_NOT_POSITIVE: (p) => `The scale "${p.value}" must be a positive number`,
    DECIMALS_RANGE: (p) => `The number of decimals "${p.value}" must be from 0 to 6`,
    PUBLICATION_ROUNDING_RANGE: (p) => `The decimals of published totals "${p.value}" must be from 0 to 6`,
    MAX_NOT_POSITIVE: (p) => `The max points of criterion "${p.criterion}" must be positive`,
    WEIGHT_NOT_POSITIVE: (p) => `The weight of criterion "${p.criterion}" must be positive`,
    UNKNOWN_GROUP: (p) => `Criterion "${p.criterion}" belongs to a group "${p.group}" that does not exist`,
    WEIGHTS_PARTIAL: () => "Either every criterion has a weight or none has",
    LEVEL_UNNAMED: (p) => `Level number ${p.position} has no name`,
    LEVEL_MIN_OUT_OF_SCALE: (p) =>
      `The bound of level "${p.level}" (${p.min}) must lie within the scale 0–${p.top}`,
    LEVELS_NOT_DESCENDING: (p) =>
      `Level bounds must decrease: level "${p.level}" (${p.min}) is not below the level before it`,
    LEVEL_MIN_AFTER_NONE: (p) => `Level "${p.level}" has a bound but the level before it has none`,
    NOT_STRING_ARRAY: (p) => `"${p.path}" must be an array of strings`,
    NOT_OBJECT: (p) => `${p.path} must be a JSON object`,
    FILE_NOT_OBJECT: () => "The framework file must be a JSON object",
    UNKNOWN_FIELD: (p) => `Unknown field: "${p.path}"`,
    BAD_KIND: (p) => `"${p.path}" must be "criteria" or "results"`,
    NOT_ARRAY: (p) => `"${p.path}" must be an array`,
    MISSING_FIELD: (p) => `${p.path} lacks "${p.field}"`,
    BAD_THRESHOLDS: (p) => `"${p.path}" must be {"I": 90, "II": 80, "III": 70} or [90, 80, 70]`,
    BAD_LEVEL_BASIS: (p) => `"${p.path}" must be "total" or "percent"`,
    BAD_ROLE: (p) => `"${p.path}" is not a column role (${p.roles})`,
    NOT_A_NUMBER_FIELD: (p) => `"${p.path}" must be a number`,
    SETTINGS_NOT_NUMBER: (p) => `${p.sheet}: ${SETTINGS_NUMBER[p.what]} on row ${p.row} is not a number`,
    SETTINGS_BAD_JSON: (p) => `${p.sheet}: row ${p.row} is not valid JSON`,
    SETTINGS_CRITERION_UNNAMED: (p) => `${p.sheet}: the criterion on row ${p.row} has no name`,
    SETTINGS_UNIT_MISSING: (p) => `${p.sheet}: row ${p.row} lacks the unit's name`,
    SETTINGS_THRESHOLD_COUNT: (p) =>
      `${p.sheet}: exactly 3 level bounds (I, II, III) are needed, found ${p.count}`,
    SETTINGS_NOT_INTEGER: (p) => `${p.sheet}: "${p.key}" must be a whole number`,
  },
};
