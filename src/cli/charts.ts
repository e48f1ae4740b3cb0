/** The blocks' charts as PNG images, for the ranking workbook and the Word appendix. */
import type { AppendixModel, Lang } from "../core";
import { levelBarCharts, MAX_CHART_UNITS } from "../core";
import type { ChartImage } from "../adapters/chart/render";
import { CLI_TEXT } from "./text";

/**
 * One chart per block (undefined where there is none). Never throws: a chart that cannot be
 * drawn is reported through `warn` and left out, and the rest of the command goes on.
 */
export async function renderBlockCharts(
  model: AppendixModel,
  warn: (line: string) => void,
): Promise<Array<ChartImage | undefined>> {
  const text = CLI_TEXT[model.lang];
  // Loaded when a chart is drawn, so `check` does not load ECharts and resvg.
  const { chartPng } = await import("../adapters/chart/render");
  return levelBarCharts(model).map((spec, k) => {
    const sheet = model.blocks[k]!.sheet;
    if (spec.categories.length === 0) return undefined;
    if (spec.categories.length > MAX_CHART_UNITS) {
      warn(text.chartTooMany({ sheet, units: spec.categories.length, max: MAX_CHART_UNITS }));
      return undefined;
    }
    try {
      return chartPng(spec);
    } catch (e) {
      const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0];
      warn(text.chartFailed({ sheet, detail: msg ?? "" }));
      return undefined;
    }
  });
}

export type { ChartImage, Lang };
