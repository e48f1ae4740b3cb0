/**
 * The workbook's settings: the framework stored in a very hidden sheet `CQS_Settings`, so it
 * travels with the workbook. The pane writes it, the CLI reads it (`--framework` overrides it).
 *
 * Layout (column A holds the key; values from column B):
 *   CQS_Settings | 1 | (comment)
 *   name | …            source | …            scale | 100          decimals | 2
 *   thresholdsSource | …
 *   threshold | 90 | I       threshold | 80 | II       threshold | 70 | III   ← the name CQS_THRESHOLDS
 *   criterion | max | name | aliases ("a | b") | source | key
 *   reduced | max | unit | note
 */
import {
  compileFramework,
  DEFAULT_FRAMEWORK,
  FrameworkError,
  frameworkFromJson,
  frameworkLevels,
  frameworkToJson,
  type Criterion,
  type Framework,
  type ReducedMax,
} from "./framework";
import { cellAt, colEnd, rowEnd, type SheetGrid, type WorkbookGrid } from "./grid";
import { readCellNumber } from "./numbers";
import { exactToString } from "./exact";
import { SETTINGS_SHEET } from "./read";
import type { SettingsNumber } from "./i18n";

export { SETTINGS_SHEET };
export const THRESHOLDS_NAME = "CQS_THRESHOLDS";
/** The saved framework's levels as name/lower bound pairs, best first (for CQS.LEVEL, CQS.RANKTABLE). */
export const LEVELS_NAME = "CQS_LEVELS";
export const SCALE_NAME = "CQS_SCALE";
export const DECIMALS_NAME = "CQS_DECIMALS";
/** The criteria's max points and weights, in the framework's order (for CQS.TOTAL). */
export const MAXIMA_NAME = "CQS_MAXIMA";
export const WEIGHTS_NAME = "CQS_WEIGHTS";
/** Every workbook name the settings may define (a name the plan lacks is removed on saving). */
export const SETTINGS_NAMES: ReadonlyArray<string> = [
  THRESHOLDS_NAME,
  LEVELS_NAME,
  SCALE_NAME,
  DECIMALS_NAME,
  MAXIMA_NAME,
  WEIGHTS_NAME,
];
const VERSION = 1;
const ALIAS_SEPARATOR = " | ";

export type SettingsValue = string | number;

export interface SettingsPlan {
  readonly sheet: string;
  /** Rows from A1, ragged. */
  readonly rows: ReadonlyArray<ReadonlyArray<SettingsValue>>;
  /** Workbook names to define (name → absolute reference). */
  readonly names: ReadonlyArray<{ readonly name: string; readonly reference: string }>;
}

function num(text: string): SettingsValue {
  const r = readCellNumber({ v: text });
  return r.kind === "number" ? Number(exactToString(r.value)) : text;
}

/** The settings sheet's content for a framework. */
export function planSettingsSheet(framework: Framework): SettingsPlan {
  const compiled = compileFramework(framework);
  const rows: SettingsValue[][] = [
    [
      SETTINGS_SHEET,
      VERSION,
      "Thiết lập của add-in CQS: sửa trong bảng điều khiển (Thiết lập), không sửa tay.",
    ],
    ["name", framework.name],
    ["source", framework.source],
    ["scale", framework.scale],
    ["decimals", framework.decimals],
    ["thresholdsSource", framework.thresholdsSource],
  ];
  const firstThreshold = rows.length + 1;
  rows.push(["threshold", num(framework.thresholds.I), "I"]);
  rows.push(["threshold", num(framework.thresholds.II), "II"]);
  rows.push(["threshold", num(framework.thresholds.III), "III"]);
  const firstCriterion = rows.length + 1;
  for (const c of framework.criteria) {
    rows.push([
      "criterion",
      num(c.max),
      c.name,
      c.aliases.join(ALIAS_SEPARATOR),
      c.source,
      c.key,
      ...(compiled.weighted ? [num(c.weight!)] : []),
    ]);
  }
  for (const r of framework.reducedMax) rows.push(["reduced", num(r.max), r.unit, r.note ?? ""]);
  // The levels as name | lower bound (the last one's blank: below the others), for CQS_LEVELS.
  const firstLevel = rows.length + 1;
  const levels = frameworkLevels(framework);
  for (const l of levels) rows.push(["level", l.name, l.min !== undefined ? num(l.min) : ""]);
  // The whole framework in today's file format (levels, groups, weights, words, indices); the rows
  // above stay for the named range CQS_THRESHOLDS and for readers of the first format.
  rows.push(["json", JSON.stringify(frameworkToJson(framework))]);
  return {
    sheet: SETTINGS_SHEET,
    rows,
    names: [
      { name: THRESHOLDS_NAME, reference: `${SETTINGS_SHEET}!$B$${firstThreshold}:$B$${firstThreshold + 2}` },
      { name: SCALE_NAME, reference: `${SETTINGS_SHEET}!$B$4` },
      { name: DECIMALS_NAME, reference: `${SETTINGS_SHEET}!$B$5` },
      ...(levels.length > 0
        ? [
            {
              name: LEVELS_NAME,
              reference: `${SETTINGS_SHEET}!$B$${firstLevel}:$C$${firstLevel + levels.length - 1}`,
            },
          ]
        : []),
      ...(framework.criteria.length > 0
        ? [
            {
              name: MAXIMA_NAME,
              reference: `${SETTINGS_SHEET}!$B$${firstCriterion}:$B$${firstCriterion + framework.criteria.length - 1}`,
            },
          ]
        : []),
      ...(compiled.weighted
        ? [
            {
              name: WEIGHTS_NAME,
              reference: `${SETTINGS_SHEET}!$G$${firstCriterion}:$G$${firstCriterion + framework.criteria.length - 1}`,
            },
          ]
        : []),
    ],
  };
}

function textOf(sheet: SheetGrid, row: number, col: number): string {
  const v = cellAt(sheet, row, col).v;
  if (v === null) return "";
  if (typeof v === "number") return String(v);
  return typeof v === "string" ? v.trim() : "";
}

function numberTextOf(sheet: SheetGrid, row: number, col: number, what: SettingsNumber): string {
  const r = readCellNumber(cellAt(sheet, row, col));
  if (r.kind !== "number")
    throw new FrameworkError("SETTINGS_NOT_NUMBER", { sheet: SETTINGS_SHEET, what, row: row + 1 });
  return exactToString(r.value);
}

/** Reads the framework stored in a settings sheet; throws FrameworkError when it is malformed. */
export function readSettingsSheet(sheet: SheetGrid): Framework {
  const criteria: Criterion[] = [];
  const reducedMax: ReducedMax[] = [];
  const thresholds: string[] = [];
  const fields: Record<string, string> = {};
  for (let r = sheet.top ?? 0; r < rowEnd(sheet); r++) {
    const key = textOf(sheet, r, 0);
    if (key === "json") {
      const text = textOf(sheet, r, 1);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new FrameworkError("SETTINGS_BAD_JSON", { sheet: SETTINGS_SHEET, row: r + 1 });
      }
      return frameworkFromJson(json);
    }
    switch (key) {
      case "":
      case SETTINGS_SHEET:
        break;
      case "threshold":
        thresholds.push(numberTextOf(sheet, r, 1, "threshold"));
        break;
      case "criterion": {
        const name = textOf(sheet, r, 2);
        if (name === "")
          throw new FrameworkError("SETTINGS_CRITERION_UNNAMED", { sheet: SETTINGS_SHEET, row: r + 1 });
        const aliases = textOf(sheet, r, 3)
          .split("|")
          .map((a) => a.trim())
          .filter((a) => a !== "");
        criteria.push({
          key: textOf(sheet, r, 5) || `c${criteria.length + 1}`,
          name,
          aliases,
          max: numberTextOf(sheet, r, 1, "max"),
          source: textOf(sheet, r, 4),
        });
        break;
      }
      case "reduced": {
        const unit = textOf(sheet, r, 2);
        if (unit === "")
          throw new FrameworkError("SETTINGS_UNIT_MISSING", { sheet: SETTINGS_SHEET, row: r + 1 });
        const note = textOf(sheet, r, 3);
        reducedMax.push({ unit, max: numberTextOf(sheet, r, 1, "max"), ...(note ? { note } : {}) });
        break;
      }
      default:
        if (colEnd(sheet, r) > 1) fields[key] = textOf(sheet, r, 1);
    }
  }
  if (thresholds.length !== 3) {
    throw new FrameworkError("SETTINGS_THRESHOLD_COUNT", { sheet: SETTINGS_SHEET, count: thresholds.length });
  }
  const intField = (k: string, fallback: number): number => {
    const v = fields[k];
    if (v === undefined || v === "") return fallback;
    const n = Number(v);
    if (!Number.isInteger(n))
      throw new FrameworkError("SETTINGS_NOT_INTEGER", { sheet: SETTINGS_SHEET, key: k });
    return n;
  };
  const framework: Framework = {
    name: fields.name || "Bộ tiêu chí của sổ tính",
    source: fields.source ?? "",
    criteria: criteria.length > 0 ? criteria : DEFAULT_FRAMEWORK.criteria,
    thresholds: { I: thresholds[0]!, II: thresholds[1]!, III: thresholds[2]! },
    thresholdsSource: fields.thresholdsSource ?? "",
    scale: intField("scale", DEFAULT_FRAMEWORK.scale),
    decimals: intField("decimals", DEFAULT_FRAMEWORK.decimals),
    reducedMax,
  };
  compileFramework(framework);
  return framework;
}

/** The framework a workbook carries in its settings sheet, or undefined when it has none. */
export function workbookFramework(workbook: WorkbookGrid): Framework | undefined {
  const sheet = workbook.sheets.find((s) => s.name === SETTINGS_SHEET);
  return sheet ? readSettingsSheet(sheet) : undefined;
}
