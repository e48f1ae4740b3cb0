/**
 * `npm run preview`: the built task pane beside a rendering of a workbook, with no Excel. The
 * workbook (read from an .xlsx by scripts/preview-server.js) is loaded into the in-memory Excel
 * double (src/excel-double/fake-excel.ts); the pane, in an iframe, gets that double as its `Excel` and
 * `Office` globals (the server injects them from `window.parent.__CQS_PREVIEW__`) and runs
 * unchanged. Every Excel.run of the pane redraws the grid.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from "react";
import { createRoot } from "react-dom/client";
import { columnLetters, type WorkbookGrid } from "../core/grid";
import {
  createFakeExcel,
  fakeOffice,
  fromWorkbookGrid,
  MODERN_REQUIREMENT_SETS,
  type FakeExcel,
  type FakeOffice,
  type FakeWorkbook,
} from "../excel-double/fake-excel";
import { SheetCharts } from "./charts";
import { columnWidths, displayText, parseRange, sheetExtent, type Merge } from "./cells";

/** An older perpetual Excel (2019 volume-licensed): ExcelApi 1.7, no custom functions, no Undo grouping. */
const OLD_EXCEL_SETS = ["ExcelApi 1.7", "AddinCommands 1.1", "DialogApi 1.1"];

export interface PreviewGlobal {
  readonly Excel: FakeExcel["Excel"];
  readonly Office: FakeOffice;
  readonly workbook: FakeWorkbook;
  readonly stats: FakeExcel["stats"];
  readonly oldExcel: boolean;
}

declare global {
  interface Window {
    __CQS_PREVIEW__?: PreviewGlobal;
  }
}

type Listener = () => void;

const S: Record<string, CSSProperties> = {
  app: { display: "flex", flexDirection: "column", height: "100%" },
  topbar: {
    display: "flex",
    alignItems: "center",
    gap: 16,
    padding: "0 12px",
    height: 40,
    background: "#107c41",
    color: "#fff",
    flexShrink: 0,
  },
  brand: { fontWeight: 600, fontSize: 14 },
  file: { opacity: 0.9 },
  spacer: { flexGrow: 1 },
  toplink: { color: "#fff", fontSize: 12 },
  formulaBar: {
    display: "flex",
    alignItems: "center",
    gap: 8,
    padding: "4px 8px",
    background: "#fff",
    borderBottom: "1px solid #e1dfdd",
    flexShrink: 0,
  },
  nameBox: {
    width: 140,
    padding: "2px 6px",
    border: "1px solid #c8c6c4",
    borderRadius: 2,
    fontSize: 12,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  fx: { color: "#605e5c", fontStyle: "italic", fontFamily: "Cambria, Georgia, serif" },
  formula: { flexGrow: 1, padding: "2px 6px", fontSize: 12, whiteSpace: "nowrap", overflow: "hidden" },
  main: { display: "flex", flexGrow: 1, minHeight: 0 },
  sheetArea: { display: "flex", flexDirection: "column", flexGrow: 1, minWidth: 0, background: "#fff" },
  gridScroll: { flexGrow: 1, overflow: "auto", position: "relative" },
  table: { borderCollapse: "separate", borderSpacing: 0, tableLayout: "fixed", fontSize: 13 },
  corner: {
    position: "sticky",
    top: 0,
    left: 0,
    zIndex: 4,
    background: "#f3f2f1",
    borderRight: "1px solid #c8c6c4",
    borderBottom: "1px solid #c8c6c4",
    width: 40,
  },
  colHead: {
    position: "sticky",
    top: 0,
    zIndex: 3,
    background: "#f3f2f1",
    color: "#605e5c",
    fontWeight: 400,
    fontSize: 12,
    height: 20,
    borderRight: "1px solid #e1dfdd",
    borderBottom: "1px solid #c8c6c4",
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 2,
    background: "#f3f2f1",
    color: "#605e5c",
    fontSize: 12,
    textAlign: "center",
    borderRight: "1px solid #c8c6c4",
    borderBottom: "1px solid #e1dfdd",
  },
  cell: {
    height: 20,
    padding: "0 4px",
    borderRight: "1px solid #e1dfdd",
    borderBottom: "1px solid #e1dfdd",
    whiteSpace: "nowrap",
    overflow: "hidden",
    cursor: "cell",
    color: "#000",
  },
  tabs: {
    display: "flex",
    alignItems: "stretch",
    gap: 2,
    height: 30,
    padding: "0 8px",
    background: "#f3f2f1",
    borderTop: "1px solid #e1dfdd",
    flexShrink: 0,
    overflow: "hidden",
  },
  tab: {
    // Longhands only: React updates inline styles property by property.
    borderStyle: "solid",
    borderWidth: "0 0 2px 0",
    borderTopColor: "transparent",
    borderRightColor: "transparent",
    borderBottomColor: "transparent",
    borderLeftColor: "transparent",
    background: "transparent",
    padding: "0 14px",
    font: "inherit",
    fontSize: 12,
    color: "#323130",
    cursor: "pointer",
    whiteSpace: "nowrap",
  },
  tabActive: {
    background: "#fff",
    color: "#107c41",
    fontWeight: 600,
    borderBottomColor: "#107c41",
    boxShadow: "0 1px 2px rgba(0,0,0,.12)",
  },
  paneArea: {
    width: 360,
    flexShrink: 0,
    display: "flex",
    flexDirection: "column",
    background: "#fff",
    borderLeft: "1px solid #e1dfdd",
  },
  paneTitle: {
    display: "flex",
    alignItems: "center",
    height: 36,
    padding: "0 12px",
    fontSize: 14,
    fontWeight: 600,
    borderBottom: "1px solid #edebe9",
    flexShrink: 0,
  },
  frame: { border: "none", flexGrow: 1, width: "100%" },
  message: { padding: 24, fontSize: 14 },
};

function SheetGridView({
  workbook,
  sheet,
  onSelect,
}: {
  workbook: FakeWorkbook;
  sheet: string;
  onSelect: (address: string) => void;
}): React.JSX.Element {
  const extent = sheetExtent(workbook, sheet);
  const merges = workbook
    .merges(sheet)
    .map(parseRange)
    .filter((m): m is Merge => m !== undefined);
  const widths = columnWidths(workbook, sheet, extent, merges);
  const selected = workbook.selected?.sheet === sheet ? workbook.selected.address : undefined;
  const bordered = workbook
    .sheetInfo(sheet)
    .borders.filter((b) => b.property === "style" && b.value !== "None")
    .map((b) => parseRange(b.address.replace(/^.*!/, "")))
    .filter((m): m is Merge => m !== undefined);
  const borderOf = (r: number, c: number): CSSProperties => {
    const m = bordered.find((b) => r >= b.top && r <= b.bottom && c >= b.left && c <= b.right);
    if (!m) return {};
    const line = "1px solid #000";
    return {
      borderRight: line,
      borderBottom: line,
      ...(r === m.top ? { borderTop: line } : {}),
      ...(c === m.left ? { borderLeft: line } : {}),
    };
  };
  const selectedRef = useRef<HTMLTableCellElement | null>(null);
  useLayoutEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [sheet, selected]);
  const covered = new Set<string>();
  const spans = new Map<string, Merge>();
  for (const m of merges) {
    spans.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const rows: React.JSX.Element[] = [];
  for (let r = 0; r < extent.rows; r++) {
    const cells: React.JSX.Element[] = [
      <th key="h" style={S.rowHead} scope="row">
        {r + 1}
      </th>,
    ];
    for (let c = 0; c < extent.cols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const address = `${columnLetters(c)}${r + 1}`;
      const view = workbook.cell(sheet, address);
      const merge = spans.get(`${r},${c}`);
      const text = displayText(view, true);
      const numeric = typeof view.value === "number";
      const align =
        view.horizontalAlignment !== "General"
          ? view.horizontalAlignment.toLowerCase()
          : numeric || typeof view.value === "boolean"
            ? "right"
            : "left";
      const isSelected =
        selected !== undefined && (selected === address || selected.startsWith(`${address}:`));
      const next = c + 1 < extent.cols ? workbook.cell(sheet, `${columnLetters(c + 1)}${r + 1}`) : undefined;
      const overflow = !merge && typeof view.value === "string" && align === "left" && next?.value === null;
      const style: CSSProperties = {
        ...S.cell,
        textAlign: align as CSSProperties["textAlign"],
        fontWeight: view.bold ? 700 : 400,
        fontStyle: view.italic ? "italic" : "normal",
        background: view.fill ?? undefined,
        overflow: overflow ? "visible" : "hidden",
        color: view.isError ? "#a4262c" : "#000",
        ...(merge ? { whiteSpace: "normal", verticalAlign: "middle" } : {}),
        ...borderOf(r, c),
        ...(isSelected ? { boxShadow: "inset 0 0 0 2px #107c41" } : {}),
      };
      cells.push(
        <td
          key={c}
          style={style}
          rowSpan={merge ? merge.bottom - merge.top + 1 : undefined}
          colSpan={merge ? merge.right - merge.left + 1 : undefined}
          title={view.formula ?? undefined}
          onClick={() => onSelect(address)}
          data-address={address}
          data-testid={isSelected ? "selected-cell" : undefined}
          ref={isSelected ? selectedRef : undefined}
        >
          {overflow ? <span style={{ position: "relative", zIndex: 1 }}>{text}</span> : text}
        </td>,
      );
    }
    rows.push(<tr key={r}>{cells}</tr>);
  }
  return (
    <table
      style={{ ...S.table, width: 40 + widths.reduce((a, w) => a + w, 0) }}
      data-testid="sheet-grid"
      data-sheet={sheet}
    >
      <colgroup>
        <col style={{ width: 40 }} />
        {widths.map((w, c) => (
          <col key={c} style={{ width: w }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th style={S.corner} />
          {widths.map((_, c) => (
            <th key={c} style={S.colHead} scope="col">
              {columnLetters(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{rows}</tbody>
    </table>
  );
}

function Preview({ preview, fileName }: { preview: PreviewGlobal; fileName: string }): React.JSX.Element {
  const { workbook } = preview;
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = (): void => setVersion((v) => v + 1);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
  const visible = workbook.sheetNames().filter((n) => workbook.sheetInfo(n).visibility === "Visible");
  const active = workbook.activeSheet ?? visible[0] ?? "";
  // Like Excel, the name box shows the active sheet's selection.
  const selected = workbook.selected?.sheet === active ? workbook.selected : undefined;
  const selectedView =
    selected && workbook.sheetNames().includes(selected.sheet)
      ? workbook.cell(selected.sheet, selected.address.split(":")[0]!)
      : undefined;

  const activate = (sheet: string): void =>
    void preview.Excel.run(async (context) => {
      context.workbook.worksheets.getItem(sheet).activate();
      await context.sync();
    });
  const select = (address: string): void =>
    void preview.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(active);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  const toggleOld = (): void => {
    const url = new URL(window.location.href);
    if (preview.oldExcel) url.searchParams.delete("excel");
    else url.searchParams.set("excel", "old");
    window.location.href = url.toString();
  };

  return (
    <div style={S.app}>
      <div style={S.topbar}>
        <span style={S.brand}>CQS · Xem thử</span>
        <span style={S.file}>{fileName}</span>
        <span style={S.spacer} />
        <span style={{ fontSize: 12, opacity: 0.9 }}>
          {preview.oldExcel ? "Mô phỏng Excel 2019 (ExcelApi 1.7)" : "Mô phỏng Microsoft 365 (ExcelApi 1.20)"}
        </span>
        <a
          href="#"
          style={S.toplink}
          onClick={(e) => {
            e.preventDefault();
            toggleOld();
          }}
          data-testid="toggle-excel"
        >
          {preview.oldExcel ? "Dùng Excel mới" : "Thử Excel cũ"}
        </a>
      </div>
      <div style={S.formulaBar}>
        <div style={S.nameBox} data-testid="name-box">
          {selected ? `${selected.sheet}!${selected.address}` : ""}
        </div>
        <span style={S.fx}>fx</span>
        <div style={S.formula}>
          {selectedView ? (selectedView.formula ?? displayText(selectedView, true)) : ""}
        </div>
      </div>
      <div style={S.main}>
        <div style={S.sheetArea}>
          <div style={S.gridScroll} key={active}>
            {active && <SheetGridView workbook={workbook} sheet={active} onSelect={select} />}
            {active && <SheetCharts workbook={workbook} sheet={active} />}
          </div>
          <div style={S.tabs} role="tablist">
            {visible.map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={name === active}
                style={{ ...S.tab, ...(name === active ? S.tabActive : {}) }}
                onClick={() => activate(name)}
                data-testid="sheet-tab"
              >
                {name}
              </button>
            ))}
          </div>
        </div>
        <aside style={S.paneArea}>
          <div style={S.paneTitle}>Bảng điều khiển CQS</div>
          <iframe title="Bảng điều khiển CQS" src="taskpane.html" style={S.frame} data-testid="pane-frame" />
        </aside>
      </div>
    </div>
  );
}

const listeners = new Set<Listener>();

function notify(): void {
  for (const l of listeners) l();
}

/** The double's Excel namespace, with every run followed by a redraw of the grid. */
function observed(excel: FakeExcel["Excel"]): FakeExcel["Excel"] {
  const run = excel.run as (...args: unknown[]) => Promise<unknown>;
  const wrapped = (...args: unknown[]): Promise<unknown> => {
    const pending = run(...args);
    pending.then(notify, notify);
    return pending;
  };
  return { ...excel, run: wrapped as FakeExcel["Excel"]["run"] };
}

async function start(): Promise<void> {
  const root = document.getElementById("root");
  if (!root) return;
  const reactRoot = createRoot(root);
  let grid: WorkbookGrid;
  try {
    const response = await fetch("workbook.json");
    if (!response.ok) throw new Error(await response.text());
    grid = (await response.json()) as WorkbookGrid;
  } catch (e) {
    reactRoot.render(<div style={S.message}>Không đọc được sổ tính: {String(e)}</div>);
    return;
  }
  const oldExcel = new URLSearchParams(window.location.search).get("excel") === "old";
  // Excel on the web's limits (5 MB per request and response); an old Excel ignores Undo grouping.
  const fake = createFakeExcel(fromWorkbookGrid(grid), {
    platform: "web",
    payloadLimitBytes: 5_000_000,
    undoGrouping: !oldExcel,
  });
  const preview: PreviewGlobal = {
    Excel: observed(fake.Excel),
    Office: fakeOffice(oldExcel ? OLD_EXCEL_SETS : MODERN_REQUIREMENT_SETS, oldExcel ? "PC" : "OfficeOnline"),
    workbook: fake.workbook,
    stats: fake.stats,
    oldExcel,
  };
  window.__CQS_PREVIEW__ = preview;
  reactRoot.render(<Preview preview={preview} fileName={grid.name} />);
}

void start();
