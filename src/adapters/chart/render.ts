/**
 * A core chart spec → SVG (Apache ECharts' server-side renderer: no DOM, no canvas) → PNG
 * (@resvg/resvg-js, its binary shipped as an npm package), with Noto Sans loaded from its npm
 * package for the Vietnamese letters. Output only: the core decides what the chart shows.
 *
 * Sizes are chosen for print: the image is laid 16 cm wide in the Word file, where 900 SVG pixels
 * give the 16-pixel unit names about 8 pt.
 */
import * as nodePath from "path";
import * as echarts from "echarts";
import { Resvg } from "@resvg/resvg-js";
import { THRESHOLD_COLOUR, type LevelBarChart } from "../../core/chart";
import type { Level } from "../../core/framework";

/** The font of the charts: regular and bold Noto Sans, from the npm package. */
export const CHART_FONT_FAMILY = "Noto Sans";

function fontFiles(): string[] {
  const root = nodePath.dirname(require.resolve("@expo-google-fonts/noto-sans/package.json"));
  return [
    nodePath.join(root, "400Regular", "NotoSans_400Regular.ttf"),
    nodePath.join(root, "700Bold", "NotoSans_700Bold.ttf"),
  ];
}

export interface ChartSize {
  /** Width in SVG pixels (the PNG is `scale` times larger). */
  readonly width: number;
  readonly height: number;
}

const ROW_HEIGHT = 32;
const TOP = 96;
const BOTTOM = 84;

/** The chart's size: fixed width, a row per unit. */
export function chartSize(spec: LevelBarChart, width = 900): ChartSize {
  return { width, height: TOP + BOTTOM + Math.max(3, spec.categories.length) * ROW_HEIGHT };
}

/** The ECharts option of a spec (one bar series per level, stacked, so the legend names the levels). */
function chartOption(spec: LevelBarChart): echarts.EChartsCoreOption {
  const shown: Level[] = spec.legend.map((e) => e.level);
  const font = { fontFamily: CHART_FONT_FAMILY, color: "#212121" };
  const bars = shown.map((level) => ({
    type: "bar",
    name: spec.legend.find((e) => e.level === level)!.label,
    stack: "total",
    barWidth: 18,
    itemStyle: { color: spec.legend.find((e) => e.level === level)!.colour },
    data: spec.values.map((v, i) => (spec.levels[i] === level ? v : "-")),
    label: {
      show: true,
      position: "right",
      ...font,
      fontSize: 15,
      // Readable where a threshold line runs behind the label.
      backgroundColor: "#FFFFFF",
      padding: [1, 3],
      formatter: (p: { dataIndex: number }) => spec.valueLabels[p.dataIndex] ?? "",
    },
  }));
  // The threshold lines in a series of their own, drawn under the bars and their labels (a value
  // label next to a line stays readable); their labels stand above the plot.
  const thresholds = {
    type: "line",
    name: "",
    z: 1,
    data: [],
    markLine: {
      z: 1,
      symbol: "none",
      silent: true,
      lineStyle: { color: THRESHOLD_COLOUR, type: "dashed", width: 2 },
      // With the category axis inverted (rank 1 on top), the line's start is the top edge.
      label: { position: "start", ...font, color: THRESHOLD_COLOUR, fontSize: 14, fontWeight: "bold" },
      data: spec.thresholds.map((t) => ({ xAxis: t.value, label: { formatter: t.label } })),
    },
  };
  return {
    animation: false,
    backgroundColor: "#FFFFFF",
    textStyle: font,
    title: {
      text: spec.title,
      subtext: spec.subtitle,
      left: "center",
      top: 8,
      textStyle: { ...font, fontSize: 19, fontWeight: "bold" },
      subtextStyle: { ...font, fontSize: 14, color: "#424242" },
    },
    legend: {
      data: bars.map((b) => b.name),
      bottom: 8,
      textStyle: { ...font, fontSize: 14 },
      itemWidth: 22,
      itemHeight: 14,
    },
    grid: { left: 16, right: 96, top: TOP, bottom: BOTTOM, containLabel: true },
    xAxis: {
      type: "value",
      min: spec.axis.min,
      max: spec.axis.max,
      interval: 5,
      name: spec.axis.title,
      nameLocation: "middle",
      nameGap: 28,
      nameTextStyle: { ...font, fontSize: 14 },
      axisLabel: { ...font, fontSize: 13 },
      splitLine: { lineStyle: { color: "#E0E0E0" } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: spec.categories.map((c, i) => `${spec.ranks[i]}. ${c}`),
      axisLabel: { ...font, fontSize: 17, interval: 0 },
      axisTick: { show: false },
    },
    series: [...bars, thresholds],
  };
}

/** The chart as an SVG document. */
export function chartSvg(spec: LevelBarChart, size: ChartSize = chartSize(spec)): string {
  const chart = echarts.init(null, null, {
    renderer: "svg",
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption(chartOption(spec));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export interface ChartImage {
  readonly png: Buffer;
  /** Pixel size of the PNG. */
  readonly width: number;
  readonly height: number;
}

/** The chart as a PNG, `scale` times the SVG size (2: sharp in print at 16 cm). */
export function chartPng(spec: LevelBarChart, scale = 2, size: ChartSize = chartSize(spec)): ChartImage {
  const svg = chartSvg(spec, size);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: Math.round(size.width * scale) },
    background: "#FFFFFF",
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
