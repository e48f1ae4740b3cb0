/**
 * A core chart spec → a native Excel chart on a new ranking sheet (Office.js). Output only: the
 * core decides what the chart shows; this places its data and draws it.
 *
 * The chart's data is a small block of cells beside the ranking table (names in rank order,
 * totals, one column per level threshold), so the chart stays live and editable in Excel. The
 * chart itself (ExcelApi 1.1): clustered columns, one colour per level (points' fills), value
 * axis from the spec's minimum. The thresholds as dashed lines need ExcelApi 1.7 (a series'
 * chartType and line style); without it the chart has the bars alone and the pane says so.
 * Every call is queued; the caller syncs.
 */
import { THRESHOLD_COLOUR, type LevelBarChart } from "../../core/chart";
import { a1Range } from "../../core/grid";

/** Where the chart's data and the chart go on the sheet (0-based rows and columns). */
export interface ChartPlacement {
  /** Top-left cell of the data block (its header row). */
  readonly dataRow: number;
  readonly dataCol: number;
  /** Cells the chart covers. */
  readonly chartTop: number;
  readonly chartLeft: number;
  readonly chartBottom: number;
  readonly chartRight: number;
}

export interface ChartWords {
  /** Header of the names column, e.g. "Đơn vị (theo thứ hạng)". */
  readonly unit: string;
  /** Header of the totals column. */
  readonly total: string;
}

/** Whether this Excel can draw the threshold lines (ExcelApi 1.7). */
export interface ChartCapabilities {
  readonly thresholdLines: boolean;
}

/** The data block of a chart: header row, then a row per unit in rank order. */
export function chartDataRows(
  spec: LevelBarChart,
  words: ChartWords,
  withThresholds: boolean,
): Array<Array<string | number>> {
  const header: Array<string | number> = [
    words.unit,
    words.total,
    ...(withThresholds ? spec.thresholds.map((t) => t.label) : []),
  ];
  return [
    header,
    ...spec.categories.map((name, i) => [
      name,
      spec.values[i]!,
      ...(withThresholds ? spec.thresholds.map((t) => t.value) : []),
    ]),
  ];
}

/** Queues the chart's data and the chart on `sheet`. Returns the chart. The caller syncs. */
export function queueLevelChart(
  sheet: Excel.Worksheet,
  spec: LevelBarChart,
  placement: ChartPlacement,
  words: ChartWords,
  capabilities: ChartCapabilities,
): Excel.Chart {
  const rows = chartDataRows(spec, words, capabilities.thresholdLines);
  const width = rows[0]!.length;
  const data = sheet.getRange(
    a1Range({
      top: placement.dataRow,
      left: placement.dataCol,
      bottom: placement.dataRow + rows.length - 1,
      right: placement.dataCol + width - 1,
    }),
  );
  // Names as text (a name starting with "=" stays text), numbers with the framework's 2 decimals.
  data.numberFormat = rows.map((r, i) => r.map((v) => (i === 0 || typeof v === "string" ? "@" : "0.00")));
  data.values = rows;
  data.format.font.bold = false;
  const chart = sheet.charts.add("ColumnClustered", data, "Columns");
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  chart.axes.valueAxis.minimum = spec.axis.min;
  chart.axes.valueAxis.maximum = spec.axis.max;
  chart.setPosition(
    a1Range({
      top: placement.chartTop,
      left: placement.chartLeft,
      bottom: placement.chartTop,
      right: placement.chartLeft,
    }),
    a1Range({
      top: placement.chartBottom,
      left: placement.chartRight,
      bottom: placement.chartBottom,
      right: placement.chartRight,
    }),
  );
  const bars = chart.series.getItemAt(0);
  spec.colours.forEach((colour, i) => bars.points.getItemAt(i).format.fill.setSolidColor(colour));
  if (capabilities.thresholdLines) {
    bars.hasDataLabels = true;
    spec.thresholds.forEach((_, k) => {
      const line = chart.series.getItemAt(k + 1);
      line.chartType = "Line";
      line.format.line.color = THRESHOLD_COLOUR;
      line.format.line.lineStyle = "Dash";
      line.markerStyle = "None";
    });
  }
  return chart;
}

/** What adding the charts of a ranking did. */
export interface RankingChartsResult {
  /** Charts added. */
  readonly added: number;
  /** Blocks left without a chart: too many units to read, or no charts API in this Excel. */
  readonly skipped: ReadonlyArray<{ readonly sheet: string; readonly reason: "tooMany" | "noChartsApi" }>;
}

/**
 * Queues one chart per new ranking sheet (same order as the specs), beside and under its table.
 * `tableRows`/`tableCols`: the planned sheet's size. The caller syncs.
 */
export function queueRankingCharts(
  items: ReadonlyArray<{
    readonly sheet: Excel.Worksheet;
    readonly name: string;
    readonly spec: LevelBarChart;
    readonly tableRows: number;
    readonly tableCols: number;
  }>,
  words: ChartWords,
  maxUnits: number,
): RankingChartsResult {
  let added = 0;
  const skipped: Array<RankingChartsResult["skipped"][number]> = [];
  for (const item of items) {
    if (item.spec.categories.length === 0) continue;
    if (item.spec.categories.length > maxUnits) {
      skipped.push({ sheet: item.name, reason: "tooMany" });
      continue;
    }
    // An Excel (or a double) without the charts collection: the ranking stands without its chart.
    if (!(item.sheet as { charts?: unknown }).charts) {
      skipped.push({ sheet: item.name, reason: "noChartsApi" });
      continue;
    }
    queueLevelChart(
      item.sheet,
      item.spec,
      {
        dataRow: 0,
        dataCol: item.tableCols + 1,
        chartTop: item.tableRows + 1,
        chartLeft: 0,
        chartBottom: item.tableRows + 1 + Math.max(16, Math.round(item.spec.categories.length * 0.9) + 8),
        chartRight: item.tableCols - 1,
      },
      words,
      // The ranking needs ExcelApi 1.7 already (freeze panes): the threshold lines are always there.
      { thresholdLines: true },
    );
    added++;
  }
  return { added, skipped };
}
