import * as fs from "fs";
import * as path from "path";
import { chartPng, chartSize, chartSvg, CHART_FONT_FAMILY } from "../../../src/adapters/chart/render";
import { openWorkbookFile } from "../../../src/adapters/xlsx";
import {
  analyzeWorkbook,
  appendixModel,
  DEFAULT_FRAMEWORK,
  LEVEL_COLOURS,
  levelBarCharts,
} from "../../../src/core";
import type { LevelBarChart } from "../../../src/core/chart";

let charts: LevelBarChart[];
beforeAll(async () => {
  const grid = (await openWorkbookFile(path.resolve(__dirname, "../../../examples/hue-2022.xlsx"))).grid;
  charts = levelBarCharts(appendixModel(analyzeWorkbook(grid, DEFAULT_FRAMEWORK)));
});

describe("chartSvg (ECharts, server-side, no DOM)", () => {
  it("draws every unit in rank order with its total, the thresholds and the level colours", () => {
    const svg = chartSvg(charts[0]!);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain(CHART_FONT_FAMILY);
    const names = charts[0]!.categories.map((c, i) => `${charts[0]!.ranks[i]}. ${c}`);
    const at = names.map((n) => svg.indexOf(n));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((x, y) => x - y));
    expect(svg).toContain("96,77 (I)");
    expect(svg).toContain("88,30 (II)");
    for (const label of ["Mức I: 90", "Mức II: 80", "Mức III: 70"]) expect(svg).toContain(label);
    expect(svg.toLowerCase()).toContain(LEVEL_COLOURS.I.toLowerCase());
    expect(svg.toLowerCase()).toContain(LEVEL_COLOURS.II.toLowerCase());
  });
});

describe("chartPng (resvg, Noto Sans from npm)", () => {
  it("renders a PNG twice the SVG size", () => {
    const size = chartSize(charts[1]!);
    const image = chartPng(charts[1]!);
    expect(image.png.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    expect(image.width).toBe(size.width * 2);
    expect(image.height).toBe(size.height * 2);
    // Not a blank page: a PNG of text and bars compresses far less than an empty one.
    expect(image.png.length).toBeGreaterThan(20_000);
  });

  it("saves the first block's chart in test-results/ for people to look at", () => {
    const dir = path.resolve(__dirname, "../../../test-results");
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "chart-phu-luc-I.png");
    fs.writeFileSync(file, chartPng(charts[0]!).png);
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
  });
});
