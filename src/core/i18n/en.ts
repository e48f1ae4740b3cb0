/** The core's words in English, typed by the Vietnamese dictionary's shape (vi.ts). */
import {
  formulaArgText,
  type CoreText,
  type FormulaArg,
  type FormulaArgWords,
  type FrameworkNameList,
  type FrameworkNumberField,
  type SettingsNumber,
} from "./vi";
import { localNumber } from "../messages";

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

const ARG_WORDS: FormulaArgWords = {
  names: {
    points: "Points",
    maxPoints: "Max points",
    scale: "Scale",
    decimals: "Decimals",
    total: "Total",
    typedTotal: "Typed total",
    order: "Order",
    thresholds: "Level bounds",
  },
  lists: {
    scores: "",
    totals: "List of totals",
    weights: "Weights",
    units: "Units column",
    tableTotals: "Totals",
  },
  threshold: (level) => `Bound of level ${level}`,
  levelBound: (level) => `Levels table: the bound of level "${level}"`,
  unitTotal: (unit) => `Total of "${unit}"`,
  cell: (list, position) => (list === "" ? `Cell ${position}` : `${list}, cell ${position}`),
};
const arg = (a: FormulaArg): string => formulaArgText(a, ARG_WORDS);

const base: Pick<CoreText, "frameworkErrors"> = {
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
    WORD_EMPTY: (p) =>
      p.word === ""
        ? `${p.path}: a header word is empty`
        : `${p.path}: the header word "${p.word}" has no letter or digit to recognise a column by`,
    WORD_REPEATED: (p) =>
      p.first === p.path
        ? `${p.path}: the header word "${p.word}" is listed twice`
        : `${p.path}: the header word "${p.word}" is already listed in ${p.first}`,
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

export const en: CoreText = {
  ...base,
  formulaErrors: {
    NOT_USABLE: (p) => `${arg(p.arg)}: ${p.value} is not a usable number`,
    NOT_A_NUMBER: (p) => `${arg(p.arg)}: ${p.text ? `"${p.value}"` : p.value} is not a number`,
    EMPTY: (p) => `${arg(p.arg)} is empty`,
    NOT_INTEGER_IN_RANGE: (p) =>
      `${arg(p.arg)} must be a whole number from ${p.lo} to ${p.hi}, got ${p.value}`,
    NOT_POSITIVE: (p) => `${arg(p.arg)} must be greater than 0 (a blank cell counts as 0), got ${p.value}`,
    RESULT_TOO_LARGE: () => "The result is beyond the largest number Excel holds",
    THRESHOLD_COUNT: (p) =>
      `Level bounds must be 3 cells (the lower bounds of levels I, II, III), got ${p.count} cells`,
    THRESHOLDS_NOT_DESCENDING: (p) => `Level bounds must decrease (I ≥ II ≥ III), got ${p.bounds.join("; ")}`,
    LEVEL_ROW_UNNAMED: (p) => `Levels table: row ${p.row} has a bound but no level name`,
    NO_LEVELS: () => "The levels table has no level",
    LEVEL_WITHOUT_BOUND: (p) =>
      `Levels table: level "${p.level}" has no bound (only the last level may be blank)`,
    LEVELS_INVALID: (p) =>
      `Levels table: ${(base.frameworkErrors[p.error.code] as (x: typeof p.error.params) => string)(p.error.params)}`,
    WEIGHTS_SIZE: (p) => `The weights range has ${p.weights} cells but the scores range has ${p.scores}`,
    BAD_ORDER: () => "The order must be 0 (descending) or 1 (ascending)",
    TOTAL_NOT_FOUND: (p) => `${p.total} is not in the list of totals`,
    UNITS_SIZE: (p) => `The units column has ${p.units} cells but the totals column has ${p.totals}`,
    UNIT_BLANK: (p) => `Units column, cell ${p.position} is empty (total ${p.total})`,
    NO_UNITS: () => "No units",
  },
  checkMismatch: (p) =>
    `Typed total ${localNumber(p.typed, "en")} ≠ recomputed ${localNumber(p.recomputed, "en")}`,
};
