/**
 * Generated council sheets for the infer round trip: tables of criteria of their own or of the
 * library's 2021 framework (all, one renamed, one left out), with maxima stated in "(8 điểm)"-style headers or a max-points row, sub-criteria
 * under merged group labels or numbered "1." / "1.1", a per-unit max column, a percentage column,
 * named or numbered levels, ranks, seeded faults, and one or two tables on one or two sheets.
 */
import fc from "fast-check";
import type { CellRange, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { CRITERIA_MAX } from "../properties/arbitraries";
import { CRITERIA_HEADERS, sheet, type Plain } from "./build-grid";

const NAMES = [
  "Cải cách hành chính",
  "Ứng dụng công nghệ thông tin",
  "Hạ tầng kỹ thuật",
  "Nhân lực số",
  "Dịch vụ công trực tuyến",
  "Kinh tế số",
  "Xã hội số",
  "Bảo đảm an toàn thông tin",
  "Chỉ đạo, điều hành",
];
const GROUP_NAMES = ["Chính quyền số", "Kinh tế số và xã hội số", "Điều kiện nền tảng"];
const UNITS = [
  "Xã An Hòa",
  "Phường Tây Lộc",
  "Xã Hương Thọ",
  "Phường Thủy Xuân",
  "Xã Phú Mỹ",
  "Thị trấn Sịa",
  "Xã Vinh Hiền",
  "Phường Kim Long",
];

export interface TableSpec {
  readonly crit: ReadonlyArray<{ readonly name: string; readonly max: number }>;
  /** Sub-criteria: none, group labels merged over them (two header rows), or numbered "1." / "1.1". */
  readonly groups: "none" | "merged" | "numbered";
  /** Where the maxima are stated: "(8 điểm)", "(8đ)", a max-points row, or nowhere (the library's). */
  readonly maxStyle: "diem" | "d" | "row" | "none";
  readonly unitMaxCol: boolean;
  readonly percent: boolean;
  readonly level: "none" | "named" | "roman";
  readonly rank: boolean;
  readonly units: ReadonlyArray<{
    readonly scores: ReadonlyArray<number>;
    readonly fault: "none" | "total" | "percent" | "level" | "rank";
  }>;
}

export interface BookSpec {
  readonly tables: ReadonlyArray<TableSpec>;
  readonly layout: "one-sheet" | "sheets" | "second-sheet";
}

const tableSpec: fc.Arbitrary<TableSpec> = fc
  .record({
    n: fc.integer({ min: 2, max: 5 }),
    offset: fc.nat({ max: NAMES.length - 1 }),
    maxima: fc.array(fc.integer({ min: 2, max: 40 }), { minLength: 5, maxLength: 5 }),
    groups: fc.constantFrom("none" as const, "merged" as const, "numbered" as const),
    maxStyle: fc.constantFrom("diem" as const, "d" as const, "row" as const),
    unitMaxCol: fc.boolean(),
    percent: fc.boolean(),
    level: fc.constantFrom("none" as const, "named" as const, "roman" as const),
    rank: fc.boolean(),
    hundred: fc.boolean(),
    // Some tables of the library's 2021 criteria: all of them, one renamed, or one left out.
    library: fc.constantFrom(
      "own" as const,
      "own" as const,
      "full" as const,
      "renamed" as const,
      "dropped" as const,
    ),
    stated: fc.boolean(),
    units: fc.array(
      fc.record({
        fractions: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 5, maxLength: 5 }),
        fault: fc.constantFrom(
          "none" as const,
          "none" as const,
          "none" as const,
          "total" as const,
          "percent" as const,
          "level" as const,
          "rank" as const,
        ),
      }),
      { minLength: 3, maxLength: 7 },
    ),
  })
  .map(
    ({
      n,
      offset,
      maxima,
      groups,
      maxStyle,
      unitMaxCol,
      percent,
      level,
      rank,
      hundred,
      library,
      stated,
      units,
    }) => {
      if (library !== "own") {
        const crit = CRITERIA_HEADERS.map((name, i) => ({
          name: library === "renamed" && i === 3 ? "Nền tảng số khác" : name,
          max: CRITERIA_MAX[i]!,
        })).filter((_, i) => library !== "dropped" || i !== 6);
        return {
          crit,
          groups: "none" as const,
          maxStyle: stated ? maxStyle : ("none" as const),
          unitMaxCol,
          percent,
          level,
          rank,
          units: units.map((u) => ({
            scores: crit.map((c, i) => Math.round((c.max * u.fractions[i % 5]!) / 4)),
            fault: u.fault,
          })),
        };
      }
      const max = maxima.slice(0, n);
      // Some tables on the scale of 100 (the default's levels then apply to them).
      if (hundred) {
        const rest = 100 - max.slice(0, -1).reduce((a, b) => a + b, 0);
        if (rest > 0) max[n - 1] = rest;
      }
      const crit = max.map((m, i) => ({ name: NAMES[(offset + i) % NAMES.length]!, max: m }));
      return {
        crit,
        groups: n < 3 && groups !== "none" ? "none" : groups,
        maxStyle,
        unitMaxCol,
        percent,
        level,
        rank,
        units: units.map((u) => ({
          scores: crit.map((c, i) => Math.round((c.max * u.fractions[i]!) / 4)),
          fault: u.fault,
        })),
      };
    },
  );

export const bookSpec: fc.Arbitrary<BookSpec> = fc.record({
  tables: fc.array(tableSpec, { minLength: 1, maxLength: 2 }),
  layout: fc.constantFrom("one-sheet" as const, "sheets" as const, "second-sheet" as const),
});

const sum = (xs: ReadonlyArray<number>): number => xs.reduce((a, b) => a + b, 0);
const round2 = (x: number): number => Math.round(x * 100) / 100;

function namedLevel(percent: number): string {
  return percent >= 80 ? "Tốt" : percent >= 60 ? "Khá" : "Trung bình";
}
function romanLevel(total: number): string {
  return total >= 90 ? "I" : total >= 80 ? "II" : total >= 70 ? "III" : "IV";
}

/** The rows (and merges, sheet coordinates from `top`) of one table. */
function tableRows(spec: TableSpec, top: number, k: number): { rows: Plain[][]; merges: CellRange[] } {
  const scale = sum(spec.crit.map((c) => c.max));
  const label = (name: string, max: number, numbering: string): string =>
    `${numbering}${name}${spec.maxStyle === "diem" ? ` (${max} điểm)` : spec.maxStyle === "d" ? ` (${max}đ)` : ""}`;
  // Groups: the criteria split in two (first half, second half).
  const half = Math.ceil(spec.crit.length / 2);
  const grouped = spec.groups !== "none";
  const parts = grouped ? [spec.crit.slice(0, half), spec.crit.slice(half)] : [spec.crit];
  const head1: Plain[] = ["STT", "Tên đơn vị"];
  const head2: Plain[] = [null, null];
  const maxRow: Plain[] = [null, "Điểm tối đa"];
  const merges: CellRange[] = [];
  const twoRows = spec.groups === "merged";
  /** Per unit: the cells of the criteria part. */
  const cellsOf: Array<(scores: ReadonlyArray<number>) => Plain[]> = [];
  parts.forEach((part, g) => {
    const gmax = sum(part.map((c) => c.max));
    const start = part === parts[0] ? 0 : parts[0]!.length;
    if (spec.groups === "merged") {
      const left = head1.length;
      head1.push(label(`${g + 1}. ${GROUP_NAMES[g]!}`, gmax, ""), ...part.map(() => null));
      head2.push(...part.map((c, i) => label(c.name, c.max, `${g + 1}.${i + 1} `)), "Cộng");
      merges.push({ top, left, bottom: top, right: left + part.length });
      maxRow.push(...part.map((c) => c.max), gmax);
      cellsOf.push((s) => [...s.slice(start, start + part.length), sum(s.slice(start, start + part.length))]);
    } else if (spec.groups === "numbered") {
      head1.push(
        label(`${g + 1}. ${GROUP_NAMES[g]!}`, gmax, ""),
        ...part.map((c, i) => label(c.name, c.max, `${g + 1}.${i + 1} `)),
      );
      maxRow.push(gmax, ...part.map((c) => c.max));
      cellsOf.push((s) => [sum(s.slice(start, start + part.length)), ...s.slice(start, start + part.length)]);
    } else {
      head1.push(...part.map((c) => label(c.name, c.max, "")));
      maxRow.push(...part.map((c) => c.max));
      cellsOf.push((s) => [...s]);
    }
  });
  const tail: string[] = [];
  if (spec.unitMaxCol) tail.push("Điểm tối đa");
  tail.push(`Tổng điểm${spec.maxStyle === "row" || spec.maxStyle === "none" ? "" : ` (${scale} điểm)`}`);
  if (spec.percent) tail.push("Tỷ lệ (%)");
  if (spec.level !== "none") tail.push("Xếp loại");
  if (spec.rank) tail.push("Xếp hạng");
  for (const t of tail) {
    if (twoRows) merges.push({ top, left: head1.length, bottom: top + 1, right: head1.length });
    head1.push(t);
    head2.push(null);
    maxRow.push(t === "Điểm tối đa" || t.startsWith("Tổng") ? scale : null);
  }
  if (twoRows)
    merges.push({ top, left: 0, bottom: top + 1, right: 0 }, { top, left: 1, bottom: top + 1, right: 1 });
  const totals = spec.units.map((u) => sum(u.scores));
  const ranks = totals.map((t) => 1 + totals.filter((o) => o > t).length);
  const rows: Plain[][] = [[`Bảng ${k + 1}. Kết quả đánh giá chuyển đổi số cấp xã năm 2024`], head1];
  if (twoRows) rows.push(head2);
  if (spec.maxStyle === "row") rows.push(maxRow);
  spec.units.forEach((u, i) => {
    const total = totals[i]! + (u.fault === "total" ? 1 : 0);
    const percent = round2((totals[i]! / scale) * 100) + (u.fault === "percent" ? 3 : 0);
    const lv = spec.level === "named" ? namedLevel((totals[i]! / scale) * 100) : romanLevel(totals[i]!);
    const level =
      u.fault === "level"
        ? spec.level === "named"
          ? lv === "Tốt"
            ? "Trung bình"
            : "Tốt"
          : lv === "I"
            ? "IV"
            : "I"
        : lv;
    const row: Plain[] = [i + 1, UNITS[i % UNITS.length]!, ...cellsOf.flatMap((f) => f(u.scores))];
    if (spec.unitMaxCol) row.push(scale);
    row.push(total);
    if (spec.percent) row.push(percent);
    if (spec.level !== "none") row.push(level);
    if (spec.rank) row.push(ranks[i]! + (u.fault === "rank" ? 1 : 0));
    rows.push(row);
  });
  return { rows, merges };
}

/** The workbook of a spec. */
export function buildBook(spec: BookSpec): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  if (spec.layout === "second-sheet") sheets.push(sheet("Hướng dẫn", [["Bảng điểm ở trang sau."]]));
  if (spec.layout === "one-sheet") {
    const rows: Plain[][] = [];
    const merges: CellRange[] = [];
    spec.tables.forEach((t, k) => {
      if (k > 0) rows.push([], []);
      const built = tableRows(t, rows.length + 1, k);
      rows.push(...built.rows);
      merges.push(...built.merges);
    });
    sheets.push(sheet("Kết quả", rows, merges));
  } else {
    spec.tables.forEach((t, k) => {
      const built = tableRows(t, 1, k);
      sheets.push(sheet(`Bảng ${k + 1}`, built.rows, built.merges));
    });
  }
  return { name: "generated.xlsx", sheets };
}
