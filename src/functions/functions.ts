/**
 * Excel custom functions CQS.* (the namespace comes from the manifest). Thin wrappers over
 * src/core/formulas.ts: the metadata (functions.json) is generated from these JSDoc comments by
 * custom-functions-metadata-plugin, which also appends `CustomFunctions.associate("ID", fn)` for
 * each function. This file runs in the JavaScript-only custom functions runtime: no DOM, no
 * Office.js, no shared runtime.
 *
 * Parameters are typed `unknown` (metadata type "any") so that Excel passes text such as "45,57"
 * through unchanged: core reads it with the decimal comma or point. An empty cell arrives as null
 * on Excel on the web and as 0 on Excel for Windows (office-js issues #4702, #5262, #1951): the
 * descriptions below say where a blank cannot be told from 0.
 */
import {
  checkFormula,
  formulaErrorMessage,
  isFormulaError,
  levelFormula,
  normalizeFormula,
  rankFormula,
  rankTableFormula,
  totalFormula,
  type FormulaError,
} from "../core/formulas";
import { displayLang } from "../adapters/office/lang";

/**
 * The one place where a core FormulaError becomes an Excel error. Excel shows the message for
 * #VALUE! and #N/A only. Where CustomFunctions.Error is missing (CustomFunctionsRuntime 1.1),
 * a plain Error still makes the cell #VALUE!.
 */
function toExcelError(e: FormulaError): CustomFunctions.Error | Error {
  const message = formulaErrorMessage(e, displayLang());
  if (typeof CustomFunctions === "undefined" || typeof CustomFunctions.Error !== "function") {
    return new Error(message);
  }
  const codes = CustomFunctions.ErrorCode;
  switch (e.code) {
    case "NUM":
      return new CustomFunctions.Error(codes.invalidNumber);
    case "NA":
      return new CustomFunctions.Error(codes.notAvailable, message);
    case "VALUE":
      return new CustomFunctions.Error(codes.invalidValue, message);
  }
}

function unwrap<T>(result: T | FormulaError): T {
  if (isFormulaError(result)) throw toExcelError(result);
  return result;
}

/**
 * Chuẩn hóa điểm: điểm đạt × thang ÷ điểm tối đa, làm tròn nửa lên, chính xác. Excel cho Windows đọc ô trống là 0 (Normalize points to a scale; on Windows a blank cell is 0).
 * @customfunction NORMALIZE
 * @param points Điểm đạt được: số hoặc chữ số như "45,57"; ô trống trên Windows là 0 (points earned; blank is 0 on Windows)
 * @param maxPoints Điểm tối đa, lớn hơn 0; ô trống là lỗi (maximum points; a blank cell is an error)
 * @param scale Thang điểm, mặc định 100 (scale, default 100)
 * @param decimals Số chữ số thập phân, mặc định 2 (decimals, default 2)
 * @returns Điểm đã chuẩn hóa, ví dụ 42,63/48 trên thang 50 là 44,41.
 */
export function normalize(points: unknown, maxPoints: unknown, scale?: unknown, decimals?: unknown): number {
  return unwrap(normalizeFormula(points, maxPoints, scale, decimals));
}

/**
 * Tổng điểm chính xác của các tiêu chí (nhân trọng số nếu có), quy về thang điểm khi điểm tối đa khác thang. Excel cho Windows đọc ô điểm trống là 0, Excel trên web báo lỗi (Exact total of criterion scores, weighted if weights are given, brought to the scale; a blank score is 0 on Windows, an error on the web).
 * @customfunction TOTAL
 * @param scores Vùng điểm các tiêu chí; ô không phải số là lỗi; ô trống là 0 trên Windows, lỗi trên web (criterion scores)
 * @param maxPoints Điểm tối đa của đơn vị (có trọng số: Σ tối đa × trọng số), mặc định bằng thang khi bỏ qua; ô trống trên Windows là 0: lỗi #NUM! (maximum points, default the scale when omitted)
 * @param decimals Số chữ số thập phân, mặc định 2, như CQS_DECIMALS (decimals, default 2)
 * @param scale Thang điểm, mặc định 100, như CQS_SCALE (scale, default 100)
 * @param weights Vùng trọng số cùng số ô với vùng điểm, như CQS_WEIGHTS; bỏ qua: không trọng số (weights, same size as the scores)
 * @returns Tổng điểm đã làm tròn nửa lên.
 */
export function total(
  scores: unknown[][],
  maxPoints?: unknown,
  decimals?: unknown,
  scale?: unknown,
  weights?: unknown[][],
): number {
  return unwrap(totalFormula(scores, maxPoints, decimals, scale, weights));
}

/**
 * Mức độ của tổng điểm: I, II, III hoặc IV theo 3 ngưỡng, hoặc tên mức theo bảng 2 cột (tên, ngưỡng) như CQS_LEVELS. Excel cho Windows đọc ô tổng trống là 0, tức mức thấp nhất (Level of a total: I–IV from three bounds, or a level's name from a name/bound range; a blank total is 0 on Windows).
 * @customfunction LEVEL
 * @param total Tổng điểm (the total)
 * @param thresholds Vùng 3 ô như CQS_THRESHOLDS (cận dưới mức I, II, III; mặc định 90, 80, 70), hoặc vùng 2 cột tên mức và cận dưới, mức tốt nhất trước, mức cuối để trống cận, như CQS_LEVELS (three bounds, or a name/lower bound range)
 * @returns Tên mức, ví dụ "I" hoặc "Tốt".
 */
export function level(total: unknown, thresholds?: unknown[][]): string {
  return unwrap(levelFormula(total, thresholds));
}

/**
 * Thứ hạng như RANK.EQ (1, 2, 2, 4), so sánh ở 15 chữ số có nghĩa. Excel cho Windows đọc ô trống trong danh sách là 0 (Competition rank like RANK.EQ; blank cells are 0 on Windows).
 * @customfunction RANK
 * @param total Tổng điểm cần xếp hạng (the total to rank)
 * @param totals Vùng tổng điểm; ô trống bị bỏ qua trên web, là 0 trên Windows (the list of totals; blanks skipped on the web, 0 on Windows)
 * @param ascending 0 hoặc bỏ trống: giảm dần; khác 0: tăng dần (0 or omitted: descending)
 * @returns Thứ hạng.
 */
export function rank(total: unknown, totals: unknown[][], ascending?: unknown): number {
  return unwrap(rankFormula(total, totals, ascending));
}

/**
 * Kiểm tra tổng ghi: "" nếu đúng, nếu sai thì ghi tổng ghi và tổng tính lại. Excel cho Windows đọc ô trống là 0 (Check a typed total; a blank cell is 0 on Windows).
 * @customfunction CHECK
 * @param scores Vùng điểm các tiêu chí; ô trống là 0 trên Windows, lỗi trên web (criterion scores)
 * @param typedTotal Tổng điểm đã ghi (the typed total)
 * @param maxPoints Điểm tối đa của đơn vị, mặc định 100 khi bỏ qua; ô trống trên Windows là 0: lỗi #NUM! (maximum points, default 100 when omitted)
 * @returns "" hoặc thông báo như "Tổng ghi 92,86 ≠ tính lại 92,90".
 */
export function check(scores: unknown[][], typedTotal: unknown, maxPoints?: unknown): string {
  return unwrap(checkFormula(scores, typedTotal, maxPoints));
}

/**
 * Bảng xếp hạng tự cập nhật: STT, đơn vị, tổng điểm, mức độ, thứ hạng, theo thứ hạng; bỏ qua dòng có đơn vị trống hoặc 0. Trên Windows đơn vị có tổng trống được xếp với tổng 0 (Self-updating ranking table; rows with a blank or 0 unit are skipped).
 * @customfunction RANKTABLE
 * @param units Vùng tên đơn vị; dòng trống hoặc 0 bị bỏ qua (unit names; blank or 0 rows skipped)
 * @param totals Vùng tổng điểm, cùng số ô với tên đơn vị; ô trống trên Windows là 0 (totals, same size as units)
 * @param thresholds Vùng 3 ô như CQS_THRESHOLDS, hoặc vùng 2 cột tên mức và cận dưới như CQS_LEVELS; mặc định 90, 80, 70 (level thresholds or named levels)
 * @returns Bảng 5 cột, không có dòng tiêu đề.
 */
export function rankTable(units: unknown[][], totals: unknown[][], thresholds?: unknown[][]): unknown[][] {
  return unwrap(rankTableFormula(units, totals, thresholds));
}
