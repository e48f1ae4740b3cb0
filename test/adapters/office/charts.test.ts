/**
 * The ranking's native Excel chart (src/adapters/office/charts.ts) against the Excel double: one
 * chart per new ranking sheet, bars in rank order coloured by level, the thresholds as dashed lines,
 * within the ranking's three syncs.
 */
import { buildRanking } from "../../../src/adapters/office/operations";
import { chartDataRows } from "../../../src/adapters/office/charts";
import { LEVEL_COLOURS, THRESHOLD_COLOUR } from "../../../src/core";
import { fromWorkbookGrid } from "../../../src/excel-double/fake-excel";
import { exampleGrid, setup } from "./helpers";

describe("the ranking's native charts", () => {
  it("adds one chart per new ranking sheet, in rank order, coloured by level, with the thresholds", async () => {
    const { fake, host } = setup(fromWorkbookGrid(await exampleGrid()));
    const result = await buildRanking(host);
    expect(fake.stats.syncs).toBeLessThanOrEqual(3);
    expect(result.charts).toEqual({ added: 2, skipped: [] });
    const [first, second] = result.added;
    const charts = fake.workbook.charts(first!);
    expect(charts).toHaveLength(1);
    const c = charts[0]!;
    expect(c.type).toBe("ColumnClustered");
    expect(c.title).toBe("Xếp hạng mức độ các cơ quan chuyên môn thuộc UBND tỉnh năm 2022");
    expect(c.valueAxis).toEqual({ minimum: 60, maximum: 100 });
    expect(c.categories).toHaveLength(20);
    expect(c.categories[0]).toBe("Sở Thông tin và Truyền thông");
    expect(c.categories).toContain("Sở Giáo dục và Đào tạo");
    const [bars, ...lines] = c.seriesData;
    expect(bars!.values[0]).toBe(96.77);
    expect(bars!.values).toEqual([...bars!.values].sort((x, y) => y - x));
    const finance = c.categories.indexOf("Sở Tài chính");
    expect(bars!.values[finance]).toBe(88.3);
    expect(bars!.pointFills[finance]).toBe(LEVEL_COLOURS.II);
    expect(bars!.pointFills[0]).toBe(LEVEL_COLOURS.I);
    expect(lines.map((l) => [l.name, l.chartType, l.line.lineStyle, l.line.color])).toEqual([
      ["Mức I: 90", "Line", "Dash", THRESHOLD_COLOUR],
      ["Mức II: 80", "Line", "Dash", THRESHOLD_COLOUR],
      ["Mức III: 70", "Line", "Dash", THRESHOLD_COLOUR],
    ]);
    expect(lines[0]!.values.every((v) => v === 90)).toBe(true);
    // Placed under the table, beside which its data stands (columns F…J: the table has four).
    expect(c.position?.start).toMatch(/^A\d+$/);
    expect(c.source.address).toBe("F1:J21");
    expect(fake.workbook.charts(second!)[0]!.categories).toHaveLength(9);
    // The input's sheets get no chart.
    expect(fake.workbook.charts("Phụ lục I")).toEqual([]);
  });

  it("writes the chart's names as text", () => {
    const rows = chartDataRows(
      {
        title: "t",
        subtitle: "s",
        categories: ["=1+1"],
        ranks: [1],
        values: [91.5],
        valueLabels: ["91,50 (I)"],
        levels: ["I"],
        colours: [LEVEL_COLOURS.I],
        thresholds: [],
        axis: { min: 60, max: 100, title: "Tổng điểm" },
        legend: [],
        leftOut: 0,
      },
      { unit: "Đơn vị", total: "Tổng điểm" },
      true,
    );
    expect(rows).toEqual([
      ["Đơn vị", "Tổng điểm"],
      ["=1+1", 91.5],
    ]);
  });
});
