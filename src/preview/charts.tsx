/**
 * The preview's drawing of the native Excel charts the pane added (as the Excel double recorded
 * them): columns coloured as their points were filled, line series as dashed lines, the value
 * axis's bounds, the title and a legend. An SVG, so what the pane asked Excel for can be seen
 * without Excel.
 */
import type { FakeChartView, FakeWorkbook } from "../excel-double/fake-excel";

const W = 840;
const H = 420;
const M = { top: 44, right: 16, bottom: 150, left: 120 };

function shortName(s: string): string {
  return s.length > 30 ? `${s.slice(0, 29)}…` : s;
}

function ChartSvg({ chart }: { chart: FakeChartView }): React.JSX.Element {
  const n = chart.categories.length;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const all = chart.seriesData.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const min = chart.valueAxis.minimum ?? Math.min(0, ...all);
  const max = chart.valueAxis.maximum ?? Math.max(...all);
  const y = (v: number): number =>
    M.top + plotH - ((Math.min(Math.max(v, min), max) - min) / (max - min)) * plotH;
  const step = plotW / Math.max(1, n);
  const x = (i: number): number => M.left + step * i + step / 2;
  const columns = chart.seriesData.filter((s) => (s.chartType ?? chart.type) === "ColumnClustered");
  const lines = chart.seriesData.filter((s) => (s.chartType ?? chart.type) === "Line");
  const ticks: number[] = [];
  for (let v = min; v <= max + 1e-9; v += (max - min) / 8) ticks.push(v);
  const barW = (step * 0.7) / Math.max(1, columns.length);
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={chart.title ?? ""}>
      <rect x={0} y={0} width={W} height={H} fill="#fff" stroke="#bdbdbd" />
      <text x={W / 2} y={26} textAnchor="middle" fontSize={15} fontWeight="bold">
        {chart.title}
      </text>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#e0e0e0" />
          <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11}>
            {Math.round(v * 10) / 10}
          </text>
        </g>
      ))}
      {columns.map((s, k) =>
        s.values.map((v, i) =>
          Number.isFinite(v) ? (
            <g key={`${k}-${i}`} data-testid="chart-bar">
              <rect
                x={x(i) - (barW * columns.length) / 2 + barW * k}
                y={y(v)}
                width={barW}
                height={M.top + plotH - y(v)}
                fill={s.pointFills[i] ?? "#4472C4"}
              />
              {s.hasDataLabels && (
                <text x={x(i)} y={y(v) - 3} textAnchor="middle" fontSize={9}>
                  {v.toFixed(2)}
                </text>
              )}
            </g>
          ) : null,
        ),
      )}
      {lines.map((s) => (
        <polyline
          key={s.name}
          data-testid="chart-line"
          fill="none"
          stroke={s.line.color ?? "#ED7D31"}
          strokeWidth={2}
          strokeDasharray={s.line.lineStyle === "Dash" ? "6 4" : undefined}
          points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(" ")}
        />
      ))}
      {chart.categories.map((c, i) => (
        <text
          key={i}
          x={x(i)}
          y={M.top + plotH + 8}
          fontSize={10}
          textAnchor="end"
          transform={`rotate(-50 ${x(i)} ${M.top + plotH + 8})`}
        >
          {shortName(c)}
        </text>
      ))}
      <g transform={`translate(${M.left}, ${H - 14})`}>
        {chart.seriesData.map((s, k) => (
          <g key={s.name} transform={`translate(${k * 150 - 72}, 0)`}>
            <rect
              y={-9}
              width={14}
              height={9}
              fill={
                (s.chartType ?? chart.type) === "Line"
                  ? (s.line.color ?? "#ED7D31")
                  : (s.pointFills[0] ?? "#4472C4")
              }
            />
            <text x={18} fontSize={11}>
              {s.name}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}

/** The charts of a sheet, under its grid. */
export function SheetCharts({
  workbook,
  sheet,
}: {
  workbook: FakeWorkbook;
  sheet: string;
}): React.JSX.Element | null {
  const charts = workbook.charts(sheet);
  if (charts.length === 0) return null;
  return (
    <div style={{ padding: "12px 48px" }}>
      {charts.map((c, k) => (
        <figure key={k} style={{ margin: "0 0 12px" }} data-testid="sheet-chart" data-sheet={sheet}>
          <ChartSvg chart={c} />
        </figure>
      ))}
    </div>
  );
}
