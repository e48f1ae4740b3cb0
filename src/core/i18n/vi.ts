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

import { localNumber } from "../messages";

type NoParams = Readonly<Record<string, never>>;

/** A list of cells a custom function reads, named in its errors by position. */
export type FormulaCellList = "scores" | "totals" | "weights" | "units" | "tableTotals";

/** The argument (or cell) of a custom function an error is about. */
export type FormulaArg =
  | { readonly kind: FormulaPlainArg }
  | { readonly kind: "threshold"; readonly level: string }
  | { readonly kind: "levelBound"; readonly level: string }
  | { readonly kind: "unitTotal"; readonly unit: string }
  | { readonly kind: "cell"; readonly list: FormulaCellList; readonly position: number };

/** A number as a custom function's error shows it in Vietnamese: "92.5" → "92,5". */
const viNumber = (text: string): string => text.replace(".", ",");

/** The words naming a custom function's arguments and cells, in one language. */
export interface FormulaArgWords {
  readonly names: Readonly<Record<Exclude<FormulaArg["kind"], PlacedArg["kind"]>, string>>;
  /** A list's name before a cell's position; "" for the scores (named by position alone). */
  readonly lists: Readonly<Record<FormulaCellList, string>>;
  readonly threshold: (level: string) => string;
  readonly levelBound: (level: string) => string;
  readonly unitTotal: (unit: string) => string;
  readonly cell: (list: string, position: number) => string;
}
type PlacedArg = Exclude<FormulaArg, { readonly kind: FormulaPlainArg }>;
type FormulaPlainArg =
  "points" | "maxPoints" | "scale" | "decimals" | "total" | "typedTotal" | "order" | "thresholds";

/** An argument or cell named in a language's words. */
export function formulaArgText(a: FormulaArg, words: FormulaArgWords): string {
  switch (a.kind) {
    case "threshold":
      return words.threshold(a.level);
    case "levelBound":
      return words.levelBound(a.level);
    case "unitTotal":
      return words.unitTotal(a.unit);
    case "cell":
      return words.cell(words.lists[a.list], a.position);
    default:
      return words.names[a.kind];
  }
}

const ARG_WORDS: FormulaArgWords = {
  names: {
    points: "Điểm đạt được",
    maxPoints: "Điểm tối đa",
    scale: "Thang điểm",
    decimals: "Số chữ số thập phân",
    total: "Tổng điểm",
    typedTotal: "Tổng ghi",
    order: "Thứ tự",
    thresholds: "Ngưỡng mức độ",
  },
  lists: {
    scores: "",
    totals: "Danh sách tổng điểm",
    weights: "Trọng số",
    units: "Cột đơn vị",
    tableTotals: "Tổng điểm",
  },
  threshold: (level) => `Ngưỡng mức độ ${level}`,
  levelBound: (level) => `Bảng mức độ: ngưỡng của mức “${level}”`,
  unitTotal: (unit) => `Tổng điểm của “${unit}”`,
  cell: (list, position) => (list === "" ? `Ô thứ ${position}` : `${list}, ô thứ ${position}`),
};
const arg = (a: FormulaArg): string => formulaArgText(a, ARG_WORDS);

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

const base = {
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
    WORD_EMPTY: (p: { path: string; word: string }) =>
      p.word === ""
        ? `${p.path}: có một từ tiêu đề để trống`
        : `${p.path}: từ tiêu đề "${p.word}" không có chữ hay số nào để nhận ra cột`,
    WORD_REPEATED: (p: { path: string; word: string; first: string }) =>
      p.first === p.path
        ? `${p.path}: từ tiêu đề "${p.word}" được ghi hai lần`
        : `${p.path}: từ tiêu đề "${p.word}" đã có ở ${p.first}`,
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

/** A framework error as data: its code and its parameters (FrameworkError's, without the class). */
export type FrameworkErrorData = {
  readonly [C in keyof typeof base.frameworkErrors]: {
    readonly code: C;
    readonly params: Parameters<(typeof base.frameworkErrors)[C]>[0];
  };
}[keyof typeof base.frameworkErrors];

export const vi = {
  ...base,
  /**
   * Why a custom function (CQS.*) gives #VALUE!, #NUM! or #N/A: the message Excel shows with the
   * error. Numbers arrive written with a point ("92.5") and are shown the language's way.
   */
  formulaErrors: {
    NOT_USABLE: (p: { arg: FormulaArg; value: string }) =>
      `${arg(p.arg)}: ${p.value} không phải là số dùng được`,
    NOT_A_NUMBER: (p: { arg: FormulaArg; value: string; text: boolean }) =>
      `${arg(p.arg)}: ${p.text ? `“${p.value}”` : p.value} không phải là số`,
    EMPTY: (p: { arg: FormulaArg }) => `${arg(p.arg)} trống`,
    NOT_INTEGER_IN_RANGE: (p: { arg: FormulaArg; lo: number; hi: number; value: string }) =>
      `${arg(p.arg)} phải là số nguyên từ ${p.lo} đến ${p.hi}, nhận được ${viNumber(p.value)}`,
    NOT_POSITIVE: (p: { arg: FormulaArg; value: string }) =>
      `${arg(p.arg)} phải lớn hơn 0 (ô trống cũng là 0), nhận được ${viNumber(p.value)}`,
    RESULT_TOO_LARGE: (_: NoParams) => "Kết quả vượt quá số lớn nhất Excel chứa được",
    THRESHOLD_COUNT: (p: { count: number }) =>
      `Ngưỡng mức độ phải là 3 ô (cận dưới của mức I, II, III), nhận được ${p.count} ô`,
    THRESHOLDS_NOT_DESCENDING: (p: { bounds: readonly [string, string, string] }) =>
      `Ngưỡng mức độ phải giảm dần (I ≥ II ≥ III), nhận được ${p.bounds.map(viNumber).join("; ")}`,
    LEVEL_ROW_UNNAMED: (p: { row: number }) => `Bảng mức độ: dòng ${p.row} có ngưỡng nhưng không có tên mức`,
    NO_LEVELS: (_: NoParams) => "Bảng mức độ không có mức nào",
    LEVEL_WITHOUT_BOUND: (p: { level: string }) =>
      `Bảng mức độ: mức “${p.level}” không có ngưỡng (chỉ mức cuối được bỏ trống)`,
    LEVELS_INVALID: (p: { error: FrameworkErrorData }) =>
      `Bảng mức độ: ${(base.frameworkErrors[p.error.code] as (x: typeof p.error.params) => string)(p.error.params)}`,
    WEIGHTS_SIZE: (p: { weights: number; scores: number }) =>
      `Vùng trọng số có ${p.weights} ô nhưng vùng điểm có ${p.scores} ô`,
    BAD_ORDER: (_: NoParams) => "Thứ tự phải là 0 (giảm dần) hoặc 1 (tăng dần)",
    TOTAL_NOT_FOUND: (p: { total: string }) =>
      `Không tìm thấy ${viNumber(p.total)} trong danh sách tổng điểm`,
    UNITS_SIZE: (p: { units: number; totals: number }) =>
      `Cột đơn vị có ${p.units} ô nhưng cột tổng điểm có ${p.totals} ô`,
    UNIT_BLANK: (p: { position: number; total: string }) =>
      `Cột đơn vị, ô thứ ${p.position} trống (tổng điểm ${viNumber(p.total)})`,
    NO_UNITS: (_: NoParams) => "Không có đơn vị nào",
  },
  /** CQS.CHECK's text for a typed total that differs (written into the workbook: in Vietnamese there). */
  checkMismatch: (p: { typed: string; recomputed: string }) =>
    `Tổng ghi ${localNumber(p.typed, "vi")} ≠ tính lại ${localNumber(p.recomputed, "vi")}`,
};

export type CoreText = typeof vi;
