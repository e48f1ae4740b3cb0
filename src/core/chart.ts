/**
 * The chart of a block, as plain data: the units' totals as bars in rank order, coloured by level,
 * with the level thresholds as lines. Renderers (the CLI's image, the pane's native Excel chart)
 * draw this spec and decide nothing themselves.
 */
import type { AppendixBlock, AppendixModel } from "./appendix";
import { exactToNumber } from "./exact";
import type { Level } from "./framework";
import type { Lang } from "./messages";
import { parseNumberText } from "./numbers";

/**
 * Bar colours by level: distinct in colour and in grey (dark to light from I to IV) so a print in
 * black and white still tells them apart; every bar also carries its level in its label.
 */
export const LEVEL_COLOURS = {
  I: "#1B5E20",
  II: "#1E88E5",
  III: "#F9A825",
  IV: "#E57373",
} as const;

/** The colours of named levels (Tốt, Khá, …), by their place from the best; past the list, grey. */
const LEVEL_PALETTE: ReadonlyArray<string> = Object.values(LEVEL_COLOURS);
const NO_LEVEL_COLOUR = "#9E9E9E";

/** The colour of a level among a block's levels (I–IV keep theirs; others by place). */
export function levelColour(level: Level, levels: ReadonlyArray<Level>): string {
  const own = (LEVEL_COLOURS as Readonly<Record<string, string>>)[level];
  if (own !== undefined) return own;
  return LEVEL_PALETTE[levels.indexOf(level)] ?? NO_LEVEL_COLOUR;
}

/** Above this many units a bar chart is no longer legible in print or on a sheet: none is drawn. */
export const MAX_CHART_UNITS = 80;

/** Colour of the threshold lines and their labels. */
export const THRESHOLD_COLOUR = "#B71C1C";

export interface ChartThreshold {
  readonly level: Level;
  readonly value: number;
  /** "Mức I: 90" */
  readonly label: string;
}

export interface LevelBarChart {
  readonly title: string;
  readonly subtitle: string;
  /** Unit names, in rank order (ties in source order). */
  readonly categories: ReadonlyArray<string>;
  readonly ranks: ReadonlyArray<number>;
  /** Totals, for plotting only (labels carry the exact text). */
  readonly values: ReadonlyArray<number>;
  /** "96,77 (I)": the total as the language writes it, with the level. */
  readonly valueLabels: ReadonlyArray<string>;
  readonly levels: ReadonlyArray<Level | undefined>;
  readonly colours: ReadonlyArray<string>;
  readonly thresholds: ReadonlyArray<ChartThreshold>;
  /** The value axis: from a round number under the lowest bar and threshold, to the scale. */
  readonly axis: { readonly min: number; readonly max: number; readonly title: string };
  readonly legend: ReadonlyArray<{ readonly level: Level; readonly label: string; readonly colour: string }>;
  /** Units left out of the chart because their total is unknown. */
  readonly leftOut: number;
}

export const CHART_TEXT = {
  vi: {
    subtitle: (label: string, n: number) => `${label} — ${n} đơn vị, theo thứ hạng`,
    axis: "Tổng điểm",
    unitByRank: "Đơn vị (theo thứ hạng)",
    level: (l: Level) => `Mức độ ${l}`,
    threshold: (l: Level, v: string) => `Mức ${l}: ${v}`,
    leftOut: (n: number) => `${n} đơn vị chưa tính được tổng điểm không có trong biểu đồ`,
  },
  en: {
    subtitle: (label: string, n: number) => `${label} — ${n} units, by rank`,
    axis: "Total",
    unitByRank: "Unit (by rank)",
    level: (l: Level) => `Level ${l}`,
    threshold: (l: Level, v: string) => `Level ${l}: ${v}`,
    leftOut: (n: number) => `${n} unit(s) without a total are not in the chart`,
  },
} as const;

/** The chart of one block of the appendix. */
export function levelBarChart(
  block: AppendixBlock,
  model: Pick<AppendixModel, "lang" | "thresholds" | "scale">,
): LevelBarChart {
  const lang: Lang = model.lang;
  const t = CHART_TEXT[lang];
  const rows = block.rankOrder.map((i) => block.rows[i]!);
  const values = rows.map((r) => exactToNumber(r.total!));
  const thresholds: ChartThreshold[] = [];
  for (const th of model.thresholds) {
    const v = parseNumberText(th.from);
    if (v === undefined) continue;
    thresholds.push({ level: th.level, value: exactToNumber(v), label: t.threshold(th.level, th.fromText) });
  }
  const lowest = Math.min(model.scale, ...values, ...thresholds.map((th) => th.value));
  // Ten below the lowest bar or threshold, rounded down to ten: the differences stay visible
  // and the axis says where it starts.
  const min = Math.max(0, Math.floor((lowest - 5) / 10) * 10);
  const present = new Set(rows.map((r) => r.level));
  return {
    title: block.rankingHeading,
    subtitle: t.subtitle(block.label, rows.length),
    categories: rows.map((r) => r.name),
    ranks: rows.map((r) => r.rank ?? 0),
    values,
    valueLabels: rows.map((r) => (r.level ? `${r.totalText} (${r.level})` : r.totalText)),
    levels: rows.map((r) => r.level),
    colours: rows.map((r) => (r.level ? levelColour(r.level, block.levels) : NO_LEVEL_COLOUR)),
    thresholds,
    axis: { min, max: model.scale, title: t.axis },
    legend: block.levels
      .filter((l) => present.has(l))
      .map((l) => ({ level: l, label: t.level(l), colour: levelColour(l, block.levels) })),
    leftOut: block.rows.length - rows.length,
  };
}

/** One chart per block. */
export function levelBarCharts(model: AppendixModel): LevelBarChart[] {
  return model.blocks.map((b) => levelBarChart(b, model));
}
