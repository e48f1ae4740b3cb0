/**
 * The assessment framework ("Bộ tiêu chí"): criteria with their max points, level thresholds,
 * scale and rounding, and units scored out of less than 100.
 */
import {
  addExact,
  compareExact,
  exactFromDecimalString,
  exactFromInteger,
  isNegative,
  isPositive,
  multiplyExact,
  type Exact,
} from "./exact";
import { parseNumberText } from "./numbers";
import { foldHeader } from "./text";
import {
  frameworkErrorText,
  type FrameworkErrorCode,
  type FrameworkErrorParams,
  type FrameworkNameList,
  type FrameworkNumberField,
} from "./i18n";
import type { Lang } from "./messages";

/**
 * A level's name as the framework writes it ("I", "Mức 2", "Tốt"): an opaque display string. The
 * order of a framework's levels (best first) is the order of its `levels` list.
 */
export type Level = string;
/** The levels of "Thừa Thiên Huế 2021", best first. */
export const LEVELS: ReadonlyArray<Level> = ["I", "II", "III", "IV"];

/** What a header may name besides the criteria (words per framework add to the built-in ones). */
export type HeaderRole =
  "unit" | "total" | "max" | "maxToDo" | "notAssessed" | "points" | "percent" | "level" | "rank";
export const HEADER_ROLES: ReadonlyArray<HeaderRole> = [
  "unit",
  "total",
  "max",
  "maxToDo",
  "notAssessed",
  "points",
  "percent",
  "level",
  "rank",
];

/** A group of criteria (a pillar): its score is the sum of its sub-criteria. */
export interface CriteriaGroup {
  readonly key: string;
  readonly name: string;
  readonly aliases: ReadonlyArray<string>;
}

/** A level: its name and its lower bound (decimal text) on the total or on the percentage. */
export interface LevelSpec {
  readonly name: string;
  /** Absent on the last level ("below the others"), or on every level when the bounds are unknown. */
  readonly min?: string;
}

export interface Criterion {
  /** Stable identifier, e.g. "awareness". */
  readonly key: string;
  /** Name as the decision writes it. */
  readonly name: string;
  /** Other header spellings accepted for this criterion's column. */
  readonly aliases: ReadonlyArray<string>;
  /** Max points, as decimal text ("8", "52"). */
  readonly max: string;
  /** Where the number comes from. */
  readonly source: string;
  /** A weight (decimal text): the criterion counts index × weight (DTI: 100, 200, 150). */
  readonly weight?: string;
  /** The key of the group (pillar) it belongs to. */
  readonly group?: string;
}

export interface ReducedMax {
  /** Unit name as written. */
  readonly unit: string;
  /** Max points, decimal text ("75"). */
  readonly max: string;
  readonly note?: string;
}

export interface Framework {
  readonly name: string;
  /** Where the framework comes from, shown in the settings and README. */
  readonly source: string;
  readonly criteria: ReadonlyArray<Criterion>;
  /** Lower bounds of levels I, II and III (decimal text); below III is IV. */
  readonly thresholds: { readonly I: string; readonly II: string; readonly III: string };
  readonly thresholdsSource: string;
  /** The scale totals are brought to (100). */
  readonly scale: number;
  /** Decimals of the rounded total (2). */
  readonly decimals: number;
  /** Units scored out of less than 100, from settings (notes in the sheet take precedence). */
  readonly reducedMax: ReadonlyArray<ReducedMax>;
  /** Library id ("tth-2021"); absent for a framework from a file or a workbook. */
  readonly id?: string;
  /** "criteria" (scores per criterion, the default) or "results" (a self-describing table). */
  readonly kind?: "criteria" | "results";
  readonly groups?: ReadonlyArray<CriteriaGroup>;
  /** Levels, best first; overrides `thresholds`. An empty list: no levels at all. */
  readonly levels?: ReadonlyArray<LevelSpec>;
  /** What the level bounds apply to: the total (default) or the percentage of the unit's max. */
  readonly levelBasis?: "total" | "percent";
  /**
   * Components are published rounded to this many decimals: a typed total is consistent when
   * unrounded components within half a last digit of the printed ones can give it (DTI: 4).
   */
  readonly publicationRounding?: number;
  /** Header words of this framework, on top of the built-in vocabulary. */
  readonly words?: Readonly<Partial<Record<HeaderRole, ReadonlyArray<string>>>>;
  /** What the framework assesses, in its own words: "chính quyền số", "chuyển đổi số", … */
  readonly subject?: string;
  /** Further indices of the same units, each with its own table, scale and levels. */
  readonly indices?: ReadonlyArray<Framework>;
}

const INFERRED =
  "Suy ra từ kết quả năm 2022 (QĐ 292/QĐ-UBND): nhiều đơn vị đạt đúng mức điểm này — cần người dùng xác nhận";

/**
 * "Thừa Thiên Huế 2021": Decision 3043/QĐ-UBND of 22/11/2021, whose text is not at hand.
 * The max points are inferred from the 2022 results (Decision 292/QĐ-UBND): many units score
 * exactly 8, 5, 10, 5, 12, 6 and 2; 52 makes up 100. The level bounds: the data puts the
 * bound of level I between 89.96 (II) and 90.02 (I); II ≥ 80 and III ≥ 70 are assumed.
 */
export const DEFAULT_FRAMEWORK: Framework = {
  name: "Thừa Thiên Huế 2021",
  source:
    "Bộ tiêu chí theo QĐ 3043/QĐ-UBND ngày 22/11/2021 (văn bản không có sẵn); điểm tối đa suy ra từ QĐ 292/QĐ-UBND",
  criteria: [
    { key: "awareness", name: "Nhận thức", aliases: ["Nhận thức số"], max: "8", source: INFERRED },
    {
      key: "institutions",
      name: "Kiến tạo thể chế",
      aliases: ["Thể chế", "Kiến tạo thể chế số"],
      max: "5",
      source: INFERRED,
    },
    {
      key: "infrastructure",
      name: "Hạ tầng và nền tảng số",
      aliases: ["Hạ tầng số", "Hạ tầng, nền tảng số"],
      max: "10",
      source: INFERRED,
    },
    {
      key: "platforms",
      name: "Nền tảng và CQ số",
      aliases: ["Nền tảng và chính quyền số", "Nền tảng, chính quyền số"],
      max: "52",
      source: "Phần còn lại để tổng điểm tối đa là 100 (100 − 48) — cần người dùng xác nhận",
    },
    { key: "data", name: "Dữ liệu số", aliases: ["Dữ liệu"], max: "5", source: INFERRED },
    {
      key: "operations",
      name: "Hoạt động chính quyền số",
      aliases: ["Hoạt động CQS", "Hoạt động của chính quyền số"],
      max: "12",
      source: INFERRED,
    },
    {
      key: "security",
      name: "An toàn, an ninh mạng",
      aliases: ["An toàn an ninh mạng", "An toàn thông tin", "An toàn, an ninh thông tin"],
      max: "6",
      source: INFERRED,
    },
    {
      key: "training",
      name: "Đào tạo và phát triển CQS",
      aliases: ["Đào tạo và phát triển chính quyền số", "Đào tạo, phát triển nguồn nhân lực", "Đào tạo"],
      max: "2",
      source: INFERRED,
    },
  ],
  thresholds: { I: "90", II: "80", III: "70" },
  thresholdsSource:
    "Mức I ≥ 90: dữ liệu 2022 đặt ngưỡng giữa 89,96 (mức II) và 90,02 (mức I); mức II ≥ 80, mức III ≥ 70: giả định — có thể sửa",
  scale: 100,
  decimals: 2,
  reducedMax: [],
};

/** A level with its bound parsed. */
export interface CompiledLevel {
  readonly name: Level;
  readonly min?: Exact;
}

/** A framework with its numbers parsed, ready for scoring. */
export interface CompiledFramework {
  readonly framework: Framework;
  readonly criteria: ReadonlyArray<{
    readonly criterion: Criterion;
    readonly max: Exact;
    /** The weight, or undefined when the criterion counts as scored. */
    readonly weight?: Exact;
    readonly keys: ReadonlySet<string>;
    /** Index into `groups`, or -1. */
    readonly group: number;
  }>;
  readonly groups: ReadonlyArray<{
    readonly group: CriteriaGroup;
    readonly keys: ReadonlySet<string>;
    /** Indices of its criteria. */
    readonly members: ReadonlyArray<number>;
  }>;
  /** Levels best first; empty when the framework has none. */
  readonly levels: ReadonlyArray<CompiledLevel>;
  /** The names of `levels`, in the same order. */
  readonly levelNames: ReadonlyArray<Level>;
  /** Whether every level but the last has a bound (else levels are checked for order only). */
  readonly boundsKnown: boolean;
  /** The bounds of `levels` that have one, in order (for classifyLevel). */
  readonly bounds: ReadonlyArray<Exact>;
  readonly levelBasis: "total" | "percent";
  /** Units scored out of less than 100, their max parsed. */
  readonly reducedMax: ReadonlyArray<ReducedMaxEntry>;
  /** The scale, exactly. */
  readonly fullMax: Exact;
  /** What a unit is scored out of by default: Σ max × weight when weighted, else the scale. */
  readonly unitMax: Exact;
  readonly weighted: boolean;
  /** Header words of this framework, folded, per role. */
  readonly words: ReadonlyMap<HeaderRole, ReadonlySet<string>>;
  readonly indices: ReadonlyArray<CompiledFramework>;
}

/** A unit with reduced max points, from the settings or a note line of the sheet. */
export interface ReducedMaxEntry {
  readonly unit: string;
  readonly max: Exact;
  /** The note or the settings' remark, shown with the finding. */
  readonly note: string;
}

/** What an editor shows next to a field: which rule failed, and the field, as a path ("scale", "criteria.2.max", "levels.1.min"). */
export type FrameworkFieldCode =
  | "NO_CRITERIA"
  | "SCALE"
  | "DECIMALS"
  | "NAME_REPEATED"
  | "NOT_A_NUMBER"
  | "MAX_NOT_POSITIVE"
  | "WEIGHT_NOT_POSITIVE"
  | "WEIGHTS_PARTIAL"
  | "LEVEL_NAME_EMPTY"
  | "LEVEL_OUT_OF_SCALE"
  | "LEVELS_NOT_DECREASING"
  | "LEVEL_BOUND_GAP"
  | "WORD_EMPTY"
  | "WORD_REPEATED";

export interface FrameworkErrorDetail {
  readonly code: FrameworkFieldCode;
  readonly field?: string;
}

/**
 * A framework that cannot be used: a code and its parameters (the dictionaries in ./i18n render
 * them; `message` is the Vietnamese line), and for an editor the field it names.
 */
export class FrameworkError<C extends FrameworkErrorCode = FrameworkErrorCode> extends Error {
  override readonly name = "FrameworkError";
  constructor(
    readonly code: C,
    readonly params: FrameworkErrorParams<C>,
    readonly detail?: FrameworkErrorDetail,
  ) {
    super(frameworkErrorText(code, params, "vi"));
  }
}

/** The framework error's line in a language. */
export function frameworkErrorMessage(e: FrameworkError, lang: Lang = "vi"): string {
  return frameworkErrorText(e.code, e.params, lang);
}

function decimalField(value: unknown, field: FrameworkNumberField, path?: string): Exact {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  const parsed = parseNumberText(text);
  if (parsed === undefined)
    throw new FrameworkError(
      "NOT_A_NUMBER",
      { field, value: String(value) },
      { code: "NOT_A_NUMBER", ...(path ? { field: path } : {}) },
    );
  return parsed;
}

/** A criterion's max points or weight: a positive number, else a FrameworkError naming the field. */
function positiveField(value: unknown, criterion: string, index: number, which: "max" | "weight"): Exact {
  const field = `criteria.${index}.${which}`;
  const x = decimalField(
    value,
    { kind: which === "max" ? "criterionMax" : "criterionWeight", name: criterion },
    field,
  );
  if (!isPositive(x)) {
    const code = which === "max" ? "MAX_NOT_POSITIVE" : "WEIGHT_NOT_POSITIVE";
    throw new FrameworkError(code, { criterion }, { code, field });
  }
  return x;
}

/** Parses the framework's numbers; throws FrameworkError naming the bad field. */
export function compileFramework(framework: Framework): CompiledFramework {
  // The same framework object compiles to the same result: kept, so repeated checks of a
  // workbook share one (frameworks are read-only data).
  let compiled = compiledFrameworks.get(framework);
  if (!compiled) {
    compiled = compileFrameworkOnce(framework);
    compiledFrameworks.set(framework, compiled);
  }
  return compiled;
}

const compiledFrameworks = new WeakMap<Framework, CompiledFramework>();

/** The levels a framework states: its `levels`, else I–IV from the three thresholds. */
export function frameworkLevels(framework: Framework): ReadonlyArray<LevelSpec> {
  if (framework.levels) return framework.levels;
  const t = framework.thresholds;
  return [{ name: "I", min: t.I }, { name: "II", min: t.II }, { name: "III", min: t.III }, { name: "IV" }];
}

function unique(names: ReadonlyArray<string>, list: FrameworkNameList, field?: string): void {
  const seen = new Set<string>();
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    const k = n.normalize("NFC").trim().toLowerCase();
    if (seen.has(k))
      throw new FrameworkError(
        "DUPLICATE",
        { list, name: n },
        { code: "NAME_REPEATED", ...(field ? { field: `${field}.${i}.name` } : {}) },
      );
    seen.add(k);
  }
}

function compileFrameworkOnce(framework: Framework): CompiledFramework {
  const results = framework.kind === "results";
  if (framework.criteria.length === 0 && !results)
    throw new FrameworkError("NO_CRITERIA", {}, { code: "NO_CRITERIA", field: "criteria" });
  if (typeof framework.scale !== "number" || !(framework.scale > 0) || !Number.isFinite(framework.scale)) {
    throw new FrameworkError(
      "SCALE_NOT_POSITIVE",
      { value: String(framework.scale) },
      { code: "SCALE", field: "scale" },
    );
  }
  if (!Number.isInteger(framework.decimals) || framework.decimals < 0 || framework.decimals > 6) {
    throw new FrameworkError(
      "DECIMALS_RANGE",
      { value: String(framework.decimals) },
      { code: "DECIMALS", field: "decimals" },
    );
  }
  const pr = framework.publicationRounding;
  if (pr !== undefined && (!Number.isInteger(pr) || pr < 0 || pr > 6)) {
    throw new FrameworkError("PUBLICATION_ROUNDING_RANGE", { value: String(pr) });
  }
  unique(
    framework.criteria.map((c) => c.name),
    "criterionName",
    "criteria",
  );
  unique(
    framework.criteria.map((c) => c.key),
    "criterionKey",
  );
  const groupList = framework.groups ?? [];
  unique(
    groupList.map((g) => g.name),
    "groupName",
    "groups",
  );
  const groupIndex = new Map(groupList.map((g, i) => [g.key, i]));
  const members: number[][] = groupList.map(() => []);
  let weightedCount = 0;
  const criteria = framework.criteria.map((criterion, i) => {
    const max = positiveField(criterion.max, criterion.name, i, "max");
    let weight: Exact | undefined;
    if (criterion.weight !== undefined && criterion.weight !== "") {
      weight = positiveField(criterion.weight, criterion.name, i, "weight");
      weightedCount++;
    }
    let group = -1;
    if (criterion.group !== undefined && criterion.group !== "") {
      const g = groupIndex.get(criterion.group);
      if (g === undefined)
        throw new FrameworkError("UNKNOWN_GROUP", { criterion: criterion.name, group: criterion.group });
      group = g;
      members[g]!.push(i);
    }
    const keys = new Set([criterion.name, ...criterion.aliases].map(foldHeader).filter((k) => k !== ""));
    return { criterion, max, ...(weight !== undefined ? { weight } : {}), keys, group };
  });
  if (weightedCount > 0 && weightedCount < criteria.length)
    throw new FrameworkError("WEIGHTS_PARTIAL", {}, { code: "WEIGHTS_PARTIAL", field: "criteria" });
  const groups = groupList.map((group, g) => ({
    group,
    keys: new Set([group.name, ...group.aliases].map(foldHeader).filter((k) => k !== "")),
    members: members[g]!,
  }));
  const basis = framework.levelBasis ?? "total";
  const levelTop =
    basis === "percent" ? exactFromInteger(100) : exactFromDecimalString(String(framework.scale));
  const specs = frameworkLevels(framework);
  unique(
    specs.map((l) => l.name),
    "levelName",
    "levels",
  );
  const levels: CompiledLevel[] = specs.map((l, i) => {
    if (typeof l.name !== "string" || l.name.trim() === "")
      throw new FrameworkError(
        "LEVEL_UNNAMED",
        { position: i + 1 },
        { code: "LEVEL_NAME_EMPTY", field: `levels.${i}.name` },
      );
    if (l.min === undefined || l.min === "") return { name: l.name };
    const min = decimalField(l.min, { kind: "levelMin", name: l.name }, `levels.${i}.min`);
    if (isNegative(min) || compareExact(min, levelTop) > 0) {
      throw new FrameworkError(
        "LEVEL_MIN_OUT_OF_SCALE",
        { level: l.name, min: String(l.min), top: basis === "percent" ? "100 %" : String(framework.scale) },
        { code: "LEVEL_OUT_OF_SCALE", field: `levels.${i}.min` },
      );
    }
    return { name: l.name, min };
  });
  const bounds: Exact[] = [];
  for (let i = 0; i < levels.length; i++) {
    const min = levels[i]!.min;
    if (min === undefined) continue;
    if (bounds.length > 0 && compareExact(min, bounds[bounds.length - 1]!) >= 0) {
      throw new FrameworkError(
        "LEVELS_NOT_DESCENDING",
        { level: levels[i]!.name, min: String(specs[i]!.min) },
        { code: "LEVELS_NOT_DECREASING", field: `levels.${i}.min` },
      );
    }
    if (bounds.length !== i)
      throw new FrameworkError(
        "LEVEL_MIN_AFTER_NONE",
        { level: levels[i]!.name },
        { code: "LEVEL_BOUND_GAP", field: `levels.${bounds.length}.min` },
      );
    bounds.push(min);
  }
  const boundsKnown = levels.length > 0 && bounds.length >= levels.length - 1;
  const reducedMax = framework.reducedMax.map((r) => ({
    unit: r.unit,
    max: decimalField(r.max, { kind: "unitMax", unit: r.unit }),
    note: r.note ?? "",
  }));
  const fullMax = exactFromDecimalString(String(framework.scale));
  let unitMax = fullMax;
  if (weightedCount > 0) {
    let sum: Exact = exactFromInteger(0);
    for (const c of criteria) sum = addExact(sum, multiplyExact(c.max, c.weight!));
    unitMax = sum;
  }
  const words = new Map<HeaderRole, Set<string>>();
  if (framework.words) {
    const problem = headerWordProblem(framework.words);
    if (problem) throw headerWordError(problem);
    for (const role of HEADER_ROLES) {
      const list = framework.words[role];
      if (list && list.length > 0) words.set(role, new Set(list.map(foldHeader)));
    }
  }
  return {
    framework,
    criteria,
    groups,
    levels,
    levelNames: levels.map((l) => l.name),
    boundsKnown,
    bounds,
    levelBasis: basis,
    reducedMax,
    fullMax,
    unitMax,
    weighted: weightedCount > 0,
    words,
    indices: (framework.indices ?? []).map(compileFramework),
  };
}

/**
 * A header word that cannot be used: one with no letter or digit to recognise a column by
 * (EMPTY; `word` absent for an empty piece), or one listed twice, in one role or in two (REPEATED:
 * the check would read such a column as the first role only). `first` is where it was listed first.
 */
export interface HeaderWordProblem {
  readonly role: HeaderRole;
  readonly code: "EMPTY" | "REPEATED";
  readonly word?: string;
  readonly first?: HeaderRole;
}

/** The first problem of a framework's header words, role by role in the order of HEADER_ROLES. */
export function headerWordProblem(
  words: Readonly<Partial<Record<HeaderRole, ReadonlyArray<string>>>>,
): HeaderWordProblem | undefined {
  const seen = new Map<string, HeaderRole>();
  for (const role of HEADER_ROLES) {
    for (const word of words[role] ?? []) {
      const key = foldHeader(word);
      if (key === "") return word.trim() === "" ? { role, code: "EMPTY" } : { role, code: "EMPTY", word };
      const first = seen.get(key);
      if (first !== undefined) return { role, code: "REPEATED", word, first };
      seen.set(key, role);
    }
  }
  return undefined;
}

function headerWordError(p: HeaderWordProblem): FrameworkError {
  const path = `words.${p.role}`;
  const detail = { code: p.code === "EMPTY" ? "WORD_EMPTY" : "WORD_REPEATED", field: path } as const;
  return p.code === "EMPTY"
    ? new FrameworkError("WORD_EMPTY", { path, word: p.word ?? "" }, detail)
    : new FrameworkError("WORD_REPEATED", { path, word: p.word!, first: `words.${p.first!}` }, detail);
}

/** The format version written by `frameworkToJson` (files without one are read as version 1). */
export const FRAMEWORK_FORMAT = 2;

type Json = Record<string, unknown>;

function str(v: unknown, fallback: string): string {
  return typeof v === "string" ? v : fallback;
}
function numText(v: unknown): string {
  return typeof v === "number" ? String(v) : typeof v === "string" ? v : "";
}
function strings(v: unknown, what: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((a) => typeof a !== "string"))
    throw new FrameworkError("NOT_STRING_ARRAY", { path: what });
  return v as string[];
}
/** `what` is the JSON path; empty for the file itself. */
function object(v: unknown, what: string): Json {
  if (typeof v !== "object" || v === null || Array.isArray(v))
    throw what === ""
      ? new FrameworkError("FILE_NOT_OBJECT", {})
      : new FrameworkError("NOT_OBJECT", { path: what });
  return v as Json;
}

/**
 * A list of objects in a framework file, each with a required text field (`name` or `unit`): each
 * built by `build` from the object, that field and its index; NOT_ARRAY, NOT_OBJECT or
 * MISSING_FIELD naming the path where one is not so.
 */
function entries<T>(
  v: unknown,
  path: string,
  required: "name" | "unit",
  build: (r: Json, value: string, i: number) => T,
): T[] {
  if (!Array.isArray(v)) throw new FrameworkError("NOT_ARRAY", { path });
  return v.map((item: unknown, i: number) => {
    const r = object(item, `${path}[${i}]`);
    const value = str(r[required], "");
    if (value === "") throw new FrameworkError("MISSING_FIELD", { path: `${path}[${i}]`, field: required });
    return build(r, value, i);
  });
}

const KNOWN_KEYS = new Set([
  "$schema",
  "format",
  "id",
  "name",
  "source",
  "kind",
  "scale",
  "decimals",
  "publicationRounding",
  "criteria",
  "groups",
  "thresholds",
  "thresholdsSource",
  "levels",
  "levelBasis",
  "words",
  "subject",
  "reducedMax",
  "indices",
]);

/**
 * Reads a framework from parsed JSON (a `--framework` file, the settings sheet): today's format
 * (version 2: levels, groups, weights, words, indices) and the first one (three thresholds), gaps
 * filled from the default. Throws FrameworkError with one line naming the bad field.
 */
export function frameworkFromJson(json: unknown, path = ""): Framework {
  const o = object(json, path);
  const at = (k: string): string => (path === "" ? k : `${path}.${k}`);
  for (const k of Object.keys(o))
    if (!KNOWN_KEYS.has(k)) throw new FrameworkError("UNKNOWN_FIELD", { path: at(k) });
  const base = DEFAULT_FRAMEWORK;
  const results = o.kind === "results";
  if (o.kind !== undefined && o.kind !== "criteria" && !results)
    throw new FrameworkError("BAD_KIND", { path: at("kind") });
  let criteria = results ? [] : base.criteria;
  if (o.criteria !== undefined) {
    criteria = entries(o.criteria, at("criteria"), "name", (r, name, i): Criterion => {
      const weight = numText(r.weight);
      const group = str(r.group, "");
      return {
        key: str(r.key, `c${i + 1}`),
        name,
        aliases: strings(r.aliases, `${at("criteria")}[${i}].aliases`),
        max: numText(r.max),
        source: str(r.source, "Tệp bộ tiêu chí"),
        ...(weight !== "" ? { weight } : {}),
        ...(group !== "" ? { group } : {}),
      };
    });
  }
  let groups: CriteriaGroup[] | undefined;
  if (o.groups !== undefined) {
    groups = entries(o.groups, at("groups"), "name", (r, name, i) => {
      return {
        key: str(r.key, `g${i + 1}`),
        name,
        aliases: strings(r.aliases, `${at("groups")}[${i}].aliases`),
      };
    });
  }
  let thresholds = base.thresholds;
  if (o.thresholds !== undefined) {
    const t = o.thresholds;
    if (Array.isArray(t) && t.length === 3)
      thresholds = { I: numText(t[0]), II: numText(t[1]), III: numText(t[2]) };
    else if (typeof t === "object" && t !== null && !Array.isArray(t)) {
      const r = t as Json;
      thresholds = { I: numText(r.I), II: numText(r.II), III: numText(r.III) };
    } else throw new FrameworkError("BAD_THRESHOLDS", { path: at("thresholds") });
  }
  let levels: LevelSpec[] | undefined;
  if (o.levels !== undefined) {
    levels = entries(o.levels, at("levels"), "name", (r, name): LevelSpec => {
      const min = numText(r.min);
      return min !== "" ? { name, min } : { name };
    });
    // Levels I–IV with three bounds are today's thresholds: kept as such (the pane edits them).
    const [a, b, c, d] = levels;
    if (
      levels.length === 4 &&
      a?.name === "I" &&
      b?.name === "II" &&
      c?.name === "III" &&
      d?.name === "IV" &&
      a.min &&
      b.min &&
      c.min &&
      !d.min
    ) {
      thresholds = { I: a.min, II: b.min, III: c.min };
      levels = undefined;
    }
  } else if (o.thresholds === undefined && results) levels = [];
  if (o.levelBasis !== undefined && o.levelBasis !== "total" && o.levelBasis !== "percent")
    throw new FrameworkError("BAD_LEVEL_BASIS", { path: at("levelBasis") });
  let words: Partial<Record<HeaderRole, string[]>> | undefined;
  if (o.words !== undefined) {
    const w = object(o.words, `"${at("words")}"`);
    words = {};
    for (const k of Object.keys(w)) {
      if (!(HEADER_ROLES as ReadonlyArray<string>).includes(k))
        throw new FrameworkError("BAD_ROLE", { path: `${at("words")}.${k}`, roles: HEADER_ROLES.join(", ") });
      words[k as HeaderRole] = strings(w[k], `${at("words")}.${k}`);
    }
  }
  let reducedMax = base.reducedMax;
  if (o.reducedMax !== undefined) {
    reducedMax = entries(o.reducedMax, at("reducedMax"), "unit", (r, unit): ReducedMax => {
      return { unit, max: numText(r.max), ...(typeof r.note === "string" ? { note: r.note } : {}) };
    });
  }
  let indices: Framework[] | undefined;
  if (o.indices !== undefined) {
    if (!Array.isArray(o.indices)) throw new FrameworkError("NOT_ARRAY", { path: at("indices") });
    indices = o.indices.map((x: unknown, i: number) => frameworkFromJson(x, `${at("indices")}[${i}]`));
  }
  const num = (k: string, fallback: number): number => {
    const v = o[k];
    if (v === undefined) return fallback;
    if (typeof v !== "number") throw new FrameworkError("NOT_A_NUMBER_FIELD", { path: at(k) });
    return v;
  };
  const pr = o.publicationRounding;
  if (pr !== undefined && typeof pr !== "number")
    throw new FrameworkError("NOT_A_NUMBER_FIELD", { path: at("publicationRounding") });
  const framework: Framework = {
    ...(typeof o.id === "string" ? { id: o.id } : {}),
    name: str(o.name, "Bộ tiêu chí tùy chỉnh"),
    source: str(o.source, "Tệp bộ tiêu chí"),
    ...(results ? { kind: "results" as const } : {}),
    criteria,
    ...(groups ? { groups } : {}),
    thresholds,
    thresholdsSource: str(
      o.thresholdsSource,
      o.thresholds !== undefined || o.levels !== undefined ? "Tệp bộ tiêu chí" : base.thresholdsSource,
    ),
    ...(levels ? { levels } : {}),
    ...(o.levelBasis !== undefined ? { levelBasis: o.levelBasis as "total" | "percent" } : {}),
    scale: num("scale", base.scale),
    decimals: num("decimals", base.decimals),
    ...(typeof pr === "number" ? { publicationRounding: pr } : {}),
    ...(words ? { words } : {}),
    ...(typeof o.subject === "string" ? { subject: o.subject } : {}),
    reducedMax,
    ...(indices ? { indices } : {}),
  };
  compileFramework(framework);
  return framework;
}

function jsonNumber(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

/** The framework as JSON in today's format (what saving writes). */
export function frameworkToJson(framework: Framework): Json {
  return {
    format: FRAMEWORK_FORMAT,
    ...(framework.id ? { id: framework.id } : {}),
    name: framework.name,
    source: framework.source,
    ...(framework.kind ? { kind: framework.kind } : {}),
    scale: framework.scale,
    decimals: framework.decimals,
    ...(framework.publicationRounding !== undefined
      ? { publicationRounding: framework.publicationRounding }
      : {}),
    ...(framework.subject ? { subject: framework.subject } : {}),
    ...(framework.groups ? { groups: framework.groups } : {}),
    criteria: framework.criteria.map((c) => ({
      key: c.key,
      name: c.name,
      aliases: c.aliases,
      max: jsonNumber(c.max),
      ...(c.weight !== undefined ? { weight: jsonNumber(c.weight) } : {}),
      ...(c.group !== undefined ? { group: c.group } : {}),
      source: c.source,
    })),
    levels: frameworkLevels(framework).map((l) =>
      l.min !== undefined ? { name: l.name, min: jsonNumber(l.min) } : { name: l.name },
    ),
    ...(framework.levelBasis ? { levelBasis: framework.levelBasis } : {}),
    thresholdsSource: framework.thresholdsSource,
    ...(framework.words ? { words: framework.words } : {}),
    reducedMax: framework.reducedMax.map((r) => ({
      unit: r.unit,
      max: jsonNumber(r.max),
      ...(r.note ? { note: r.note } : {}),
    })),
    ...(framework.indices ? { indices: framework.indices.map(frameworkToJson) } : {}),
  };
}
