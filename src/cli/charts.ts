/** The blocks' charts as PNG images, for the ranking workbook and the Word appendix. */
import type { AppendixModel, Lang } from "../core";
import { levelBarCharts, MAX_CHART_UNITS } from "../core";
import type { ChartImage } from "../adapters/chart/render";

/**
 * One chart per block (undefined where there is none). Never throws: a chart that cannot be
 * drawn is reported through `warn` and left out, and the rest of the command goes on.
 */
export async function renderBlockCharts(
  model: AppendixModel,
  warn: (line: string) => void,
): Promise<Array<ChartImage | undefined>> {
  const vi = model.lang === "vi";
  // Loaded when a chart is drawn, so `check` does not load ECharts and resvg.
  const { chartPng } = await import("../adapters/chart/render");
  return levelBarCharts(model).map((spec, k) => {
    const sheet = model.blocks[k]!.sheet;
    if (spec.categories.length === 0) return undefined;
    if (spec.categories.length > MAX_CHART_UNITS) {
      warn(
        vi
          ? `${sheet}: ${spec.categories.length} đơn vị, quá ${MAX_CHART_UNITS} đơn vị để vẽ biểu đồ dễ đọc: không vẽ.`
          : `${sheet}: ${spec.categories.length} units, more than ${MAX_CHART_UNITS} for a legible chart: none drawn.`,
      );
      return undefined;
    }
    try {
      return chartPng(spec);
    } catch (e) {
      const msg = (e instanceof Error ? e.message : String(e)).split("\n")[0];
      warn(
        vi ? `${sheet}: không vẽ được biểu đồ (${msg}).` : `${sheet}: the chart could not be drawn (${msg}).`,
      );
      return undefined;
    }
  });
}

export type { ChartImage, Lang };
