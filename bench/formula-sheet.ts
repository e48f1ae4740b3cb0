/**
 * What staff would do without the add-in: the same units in a sheet of plain Excel formulas,
 * recalculated by HyperFormula (an Excel-compatible engine):
 *
 *   A STT | B Đơn vị | C–J the 8 scores | K typed total | L max points (100 or 75)
 *   M  =ROUND(SUM(C2:J2)*100/L2,2)                              the recomputed total
 *   N  =IFS(M2>=90,"I",M2>=80,"II",M2>=70,"III",TRUE(),"IV")    the level
 *   O  =COUNTIF($M$2:$M$n,">"&M2)+1                             the rank (RANK.EQ: HyperFormula 3.5 has no RANK/RANK.EQ)
 *   P  =IF(ROUND(K2,2)=M2,"","SAI")                             the typed-total check
 *   summary: =COUNTIF($N$2:$N$n,"I") … "IV"                     the level counts
 *
 * Scores stored as text ("45,57") are written as numbers here: SUM would skip them silently.
 */
import { HyperFormula } from "hyperformula";
import type { UnitSpec } from "./workload";

export type SheetData = Array<Array<string | number | null>>;

export function formulaSheet(list: ReadonlyArray<UnitSpec>): SheetData {
  const n = list.length;
  const last = n + 1;
  const data: SheetData = [
    [
      "STT",
      "Đơn vị",
      "C1",
      "C2",
      "C3",
      "C4",
      "C5",
      "C6",
      "C7",
      "C8",
      "Tổng ghi",
      "Điểm tối đa",
      "Tổng",
      "Mức độ",
      "Thứ hạng",
      "Kiểm tra",
    ],
  ];
  list.forEach((u, i) => {
    const r = i + 2;
    data.push([
      i + 1,
      u.name,
      ...u.scores.map((h) => h / 100),
      u.typed / 100,
      u.max,
      `=ROUND(SUM(C${r}:J${r})*100/L${r},2)`,
      `=IFS(M${r}>=90,"I",M${r}>=80,"II",M${r}>=70,"III",TRUE(),"IV")`,
      `=COUNTIF($M$2:$M$${last},">"&M${r})+1`,
      `=IF(ROUND(K${r},2)=M${r},"","SAI")`,
    ]);
  });
  data.push([]);
  for (const level of ["I", "II", "III", "IV"]) {
    data.push([`Số đơn vị đạt mức độ ${level}`, `=COUNTIF($N$2:$N$${last},"${level}")`]);
  }
  return data;
}

/** Builds and calculates the sheet, reads ranks, levels and counts back; returns a checksum. */
export function runFormulaSheet(data: SheetData): { checksum: number; errors: number } {
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
  const values = hf.getSheetValues(0);
  let checksum = 0;
  let errors = 0;
  for (let r = 1; r < values.length; r++) {
    const row = values[r]!;
    const rank = row[14];
    if (typeof rank === "number") checksum += rank;
    else if (rank !== undefined && rank !== null && typeof rank === "object") errors++;
    if (row[15] === "SAI") checksum += 1e6;
    const count = row[1];
    if (typeof row[0] === "string" && typeof count === "number") checksum += count * 1e9;
  }
  hf.destroy();
  return { checksum, errors };
}
