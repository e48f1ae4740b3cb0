/**
 * The assessment framework ("Bộ tiêu chí"): criteria with their max points, level thresholds,
 * scale and rounding, and units scored out of less than 100.
 */
import { exactFromDecimalString, type Exact } from "./exact";
import { parseNumberText } from "./numbers";
import { foldHeader } from "./text";

export type Level = "I" | "II" | "III" | "IV";
export const LEVELS: ReadonlyArray<Level> = ["I", "II", "III", "IV"];

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

/** A framework with its numbers parsed, ready for scoring. */
export interface CompiledFramework {
  readonly framework: Framework;
  readonly criteria: ReadonlyArray<{
    readonly criterion: Criterion;
    readonly max: Exact;
    readonly keys: ReadonlySet<string>;
  }>;
  /** Lower bounds of I, II, III. */
  readonly thresholds: readonly [Exact, Exact, Exact];
  /** Units scored out of less than 100, their max parsed. */
  readonly reducedMax: ReadonlyArray<ReducedMaxEntry>;
  readonly fullMax: Exact;
}

/** A unit with reduced max points, from the settings or a note line of the sheet. */
export interface ReducedMaxEntry {
  readonly unit: string;
  readonly max: Exact;
  /** The note or the settings' remark, shown with the finding. */
  readonly note: string;
}

export class FrameworkError extends Error {
  override readonly name = "FrameworkError";
}

function decimalField(value: unknown, what: string): Exact {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value : "";
  const parsed = parseNumberText(text);
  if (parsed === undefined) throw new FrameworkError(`${what}: "${String(value)}" không phải là số`);
  return parsed;
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

function compileFrameworkOnce(framework: Framework): CompiledFramework {
  if (framework.criteria.length === 0) throw new FrameworkError("Bộ tiêu chí không có tiêu chí nào");
  const criteria = framework.criteria.map((criterion) => {
    const max = decimalField(criterion.max, `Điểm tối đa của tiêu chí "${criterion.name}"`);
    const keys = new Set([criterion.name, ...criterion.aliases].map(foldHeader).filter((k) => k !== ""));
    return { criterion, max, keys };
  });
  const t = framework.thresholds;
  const thresholds = [
    decimalField(t.I, "Ngưỡng mức I"),
    decimalField(t.II, "Ngưỡng mức II"),
    decimalField(t.III, "Ngưỡng mức III"),
  ] as const;
  const reducedMax = framework.reducedMax.map((r) => ({
    unit: r.unit,
    max: decimalField(r.max, `Điểm tối đa của "${r.unit}"`),
    note: r.note ?? "",
  }));
  if (!Number.isInteger(framework.scale) || framework.scale <= 0) {
    throw new FrameworkError(`Thang điểm "${framework.scale}" phải là số nguyên dương`);
  }
  if (!Number.isInteger(framework.decimals) || framework.decimals < 0 || framework.decimals > 6) {
    throw new FrameworkError(`Số chữ số thập phân "${framework.decimals}" phải từ 0 đến 6`);
  }
  return {
    framework,
    criteria,
    thresholds,
    reducedMax,
    fullMax: exactFromDecimalString(String(framework.scale)),
  };
}

/** Reads a framework from parsed JSON (a `--framework` file), filling gaps from the default. */
export function frameworkFromJson(json: unknown): Framework {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new FrameworkError("Tệp bộ tiêu chí phải là một đối tượng JSON");
  }
  const o = json as Record<string, unknown>;
  const base = DEFAULT_FRAMEWORK;
  const str = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
  const num = (v: unknown): string => (typeof v === "number" ? String(v) : typeof v === "string" ? v : "");
  let criteria = base.criteria;
  if (o.criteria !== undefined) {
    if (!Array.isArray(o.criteria)) throw new FrameworkError('"criteria" phải là một mảng');
    criteria = o.criteria.map((c: unknown, i: number): Criterion => {
      if (typeof c !== "object" || c === null)
        throw new FrameworkError(`criteria[${i}] phải là một đối tượng`);
      const r = c as Record<string, unknown>;
      const name = str(r.name, "");
      if (name === "") throw new FrameworkError(`criteria[${i}] thiếu "name"`);
      return {
        key: str(r.key, `c${i + 1}`),
        name,
        aliases: Array.isArray(r.aliases) ? r.aliases.filter((a): a is string => typeof a === "string") : [],
        max: num(r.max),
        source: str(r.source, "Tệp bộ tiêu chí"),
      };
    });
  }
  let thresholds = base.thresholds;
  if (o.thresholds !== undefined) {
    const t = o.thresholds;
    if (Array.isArray(t) && t.length === 3) thresholds = { I: num(t[0]), II: num(t[1]), III: num(t[2]) };
    else if (typeof t === "object" && t !== null) {
      const r = t as Record<string, unknown>;
      thresholds = { I: num(r.I), II: num(r.II), III: num(r.III) };
    } else throw new FrameworkError('"thresholds" phải là {"I": 90, "II": 80, "III": 70} hoặc [90, 80, 70]');
  }
  let reducedMax = base.reducedMax;
  if (o.reducedMax !== undefined) {
    if (!Array.isArray(o.reducedMax)) throw new FrameworkError('"reducedMax" phải là một mảng');
    reducedMax = o.reducedMax.map((c: unknown, i: number): ReducedMax => {
      const r = (typeof c === "object" && c !== null ? c : {}) as Record<string, unknown>;
      const unit = str(r.unit, "");
      if (unit === "") throw new FrameworkError(`reducedMax[${i}] thiếu "unit"`);
      return { unit, max: num(r.max), ...(typeof r.note === "string" ? { note: r.note } : {}) };
    });
  }
  const framework: Framework = {
    name: str(o.name, "Bộ tiêu chí tùy chỉnh"),
    source: str(o.source, "Tệp bộ tiêu chí"),
    criteria,
    thresholds,
    thresholdsSource: str(
      o.thresholdsSource,
      o.thresholds !== undefined ? "Tệp bộ tiêu chí" : base.thresholdsSource,
    ),
    scale: typeof o.scale === "number" ? o.scale : base.scale,
    decimals: typeof o.decimals === "number" ? o.decimals : base.decimals,
    reducedMax,
  };
  compileFramework(framework);
  return framework;
}
