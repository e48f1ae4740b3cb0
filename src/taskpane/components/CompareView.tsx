/**
 * "So sánh với năm trước": pick last year's .xlsx, edit the mapping of renames and mergers, add the
 * comparison sheets, and read the report's sentences. Loaded on demand (React.lazy in App), and
 * the file reader (ExcelJS) only when a file is picked, so the pane's first load does not grow.
 * Workbook access comes in as `operations`; this file never calls Excel.
 */
import {
  Button,
  Caption1,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useId, useRef, useState } from "react";
import {
  analyzeWorkbook,
  DEFAULT_FRAMEWORK,
  workbookFramework,
  type Lang,
  type WorkbookGrid,
} from "../../core";
import { UnitMapError, unitMapFromJson, type UnitMap } from "../../core/compare";
import { compareNoticeMessage, comparisonSentences, unitMapErrorMessage } from "../../core/compareText";
import { COMPARE_TEXT } from "../compareStrings";
import { describeError, type ComparisonResult, type PaneOperations } from "../operations";
import { VIEW_STYLES } from "./viewStyles";

const useStyles = makeStyles({
  ...VIEW_STYLES,
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  mapRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto minmax(0, 1fr) auto",
    gap: tokens.spacingHorizontalXS,
    alignItems: "center",
  },
  grow: { width: "100%", minWidth: 0 },
  // A small button: Fluent's 96 px minimum would take the names' room.
  remove: { minWidth: "auto" },
  hidden: { display: "none" },
  report: {
    boxSizing: "border-box",
    width: "100%",
    minHeight: "160px",
    resize: "vertical",
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

interface Picked {
  readonly name: string;
  readonly grid: WorkbookGrid;
  readonly units: ReadonlyArray<string>;
}

interface Status {
  readonly intent: "success" | "warning" | "error" | "info";
  readonly lines: ReadonlyArray<string>;
}

type MapRow = { from: string; to: string };

export interface CompareViewProps {
  readonly lang: Lang;
  readonly operations?: PaneOperations;
  /** Another operation runs, or the workbook cannot be read. */
  readonly disabled: boolean;
}

/** The editor's rows as a mapping (blank rows skipped); throws UnitMapError. */
function mapOf(rows: ReadonlyArray<MapRow>): UnitMap {
  const o: Record<string, string> = {};
  for (const r of rows) {
    if (r.from.trim() === "" && r.to.trim() === "") continue;
    if (r.from.trim() in o) throw new UnitMapError("MAP_DUPLICATE", { name: r.from.trim() });
    o[r.from.trim()] = r.to;
  }
  return unitMapFromJson(o);
}

export default function CompareView({ lang, operations, disabled }: CompareViewProps): React.JSX.Element {
  const styles = useStyles();
  const t = COMPARE_TEXT[lang];
  const [picked, setPicked] = useState<Picked | undefined>();
  const [reading, setReading] = useState(false);
  const [rows, setRows] = useState<MapRow[]>([]);
  const [storedMap, setStoredMap] = useState<string>("[]");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | undefined>();
  const [result, setResult] = useState<ComparisonResult | undefined>();
  const fileInput = useRef<HTMLInputElement>(null);
  const oldNames = useId();

  useEffect(() => {
    if (!operations) return;
    operations.loadUnitMap().then(
      (map) => {
        setRows(map.map((e) => ({ from: e.from, to: e.to })));
        setStoredMap(JSON.stringify(map));
      },
      () => undefined, // No stored mapping can be read: the editor starts empty.
    );
  }, [operations]);

  const onFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setReading(true);
    setStatus(undefined);
    setResult(undefined);
    try {
      // ExcelJS is fetched now, in a chunk of its own.
      const { readPreviousYearFile } = await import(
        /* webpackChunkName: "previous-year" */ "../previousYear"
      );
      let grid: WorkbookGrid;
      try {
        grid = await readPreviousYearFile(await file.arrayBuffer(), file.name);
      } catch {
        setPicked(undefined);
        setStatus({ intent: "error", lines: [t.fileUnreadable(file.name)] });
        return;
      }
      const analysis = analyzeWorkbook(grid, workbookFramework(grid) ?? DEFAULT_FRAMEWORK);
      if (analysis.blocks.length === 0) {
        setPicked(undefined);
        setStatus({ intent: "error", lines: [t.fileNoTable(file.name)] });
        return;
      }
      setPicked({ name: file.name, grid, units: analysis.blocks.flatMap((b) => b.units.map((u) => u.name)) });
    } catch (e) {
      setStatus({ intent: "error", lines: [describeError(e, lang)] });
    } finally {
      setReading(false);
    }
  };

  const onBuild = async (): Promise<void> => {
    if (!operations) return;
    if (!picked) {
      setStatus({ intent: "info", lines: [t.needFile] });
      return;
    }
    let map: UnitMap;
    try {
      map = mapOf(rows);
    } catch (e) {
      if (e instanceof UnitMapError) {
        setStatus({ intent: "error", lines: [unitMapErrorMessage(e.code, e.params, lang)] });
        return;
      }
      throw e;
    }
    setBusy(true);
    setStatus(undefined);
    try {
      // The mapping made here is kept in the workbook (and `cqs compare` uses it without --map).
      if (JSON.stringify(map) !== storedMap) {
        await operations.saveUnitMap(map);
        setStoredMap(JSON.stringify(map));
      }
      const r = await operations.compareWithPrevious(picked.grid, map);
      setResult(r);
      const lines = [t.added(r.added.map((n) => `“${n}”`).join(", "))];
      if (r.errors.current > 0 || r.errors.previous > 0)
        lines.push(t.withErrors(r.errors.current, r.errors.previous));
      for (const n of r.comparison.notices) lines.push(compareNoticeMessage(n, lang));
      setStatus({ intent: lines.length > 1 ? "warning" : "success", lines });
    } catch (e) {
      setStatus({ intent: "error", lines: [describeError(e, lang)] });
    } finally {
      setBusy(false);
    }
  };

  const off = disabled || busy || reading || !operations;
  const report = result
    ? result.comparison.blocks.map((b) => comparisonSentences(b, lang).join("\n")).join("\n\n")
    : "";

  return (
    <div className={styles.root} data-testid="compare">
      <section className={styles.section} aria-label={t.title}>
        <h2 className={styles.title}>{t.title}</h2>
        <Text size={200} className={styles.muted}>
          {t.intro}
        </Text>
        <div className={styles.row}>
          <input
            ref={fileInput}
            className={styles.hidden}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="previous-file"
            aria-label={t.fileLabel}
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <Button disabled={off} onClick={() => fileInput.current?.click()}>
            {t.fileLabel}…
          </Button>
          <Caption1 className={styles.muted} data-testid="previous-file-name">
            {reading ? t.fileReading : picked ? t.fileRead(picked.name, picked.units.length) : t.fileNone}
          </Caption1>
        </div>
      </section>

      <section className={styles.section} aria-label={t.mapTitle}>
        <h2 className={styles.title}>{t.mapTitle}</h2>
        <Caption1 className={styles.muted}>{t.mapHint}</Caption1>
        <datalist id={oldNames}>
          {(picked?.units ?? []).map((u, i) => (
            <option key={i} value={u} />
          ))}
        </datalist>
        {rows.map((r, i) => {
          // Last year's name (offered from last year's file) and this year's: edited alike.
          const side = (key: "from" | "to", label: string, list?: string) => (
            <Input
              size="small"
              className={styles.grow}
              aria-label={`${label} ${i + 1}`}
              placeholder={label}
              value={r[key]}
              list={list}
              onChange={(_, d) => setRows(rows.map((x, k) => (k === i ? { ...x, [key]: d.value } : x)))}
            />
          );
          return (
            <div key={i} className={styles.mapRow} data-testid="map-row">
              {side("from", t.mapOld, oldNames)}
              <span aria-hidden>→</span>
              {side("to", t.mapNew)}
              <Button
                size="small"
                appearance="subtle"
                className={styles.remove}
                aria-label={`${t.mapRemove} ${i + 1}`}
                onClick={() => setRows(rows.filter((_, k) => k !== i))}
              >
                ×
              </Button>
            </div>
          );
        })}
        <div className={styles.row}>
          <Button size="small" disabled={off} onClick={() => setRows([...rows, { from: "", to: "" }])}>
            {t.mapAdd}
          </Button>
        </div>
      </section>

      <div className={styles.row}>
        <Button appearance="primary" disabled={off} title={t.buildHint} onClick={() => void onBuild()}>
          {t.build}
        </Button>
        {busy && <Caption1 className={styles.muted}>{t.busy}</Caption1>}
      </div>

      {status && (
        <MessageBar intent={status.intent} layout="multiline" data-testid="compare-status">
          <MessageBarBody>
            {status.lines.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <section className={styles.section} aria-label={t.reportTitle}>
          <h2 className={styles.title}>{t.reportTitle}</h2>
          <textarea
            className={styles.report}
            readOnly
            value={report}
            aria-label={t.reportTitle}
            data-testid="compare-report"
            rows={Math.min(24, report.split("\n").length + 1)}
          />
        </section>
      )}
    </div>
  );
}
