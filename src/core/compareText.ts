/**
 * The words of the year-over-year comparison, one table per language (Vietnamese first): rank
 * moves ("tăng 3 bậc", "giảm 2 bậc", "giữ nguyên"), notices, mapping errors, and the report
 * sentences staff copy into the tờ trình. What is written into workbooks stays Vietnamese.
 */
import {
  blockFigures,
  totalText,
  type ComparedBlock,
  type CompareNotice,
  type CompareNoticeCode,
  type UnitMapErrorCode,
} from "./compare";
import { compareExact, Dec, exactFromInteger, exactToString, type Exact } from "./exact";

/** −x, exactly. */
function minusOf(x: Exact): Exact {
  return new Dec(exactToString(x)).neg();
}
import { localNumber, type Lang } from "./messages";

type Params = Readonly<Record<string, string>>;

interface CompareWords {
  readonly up: (n: number) => string;
  readonly down: (n: number) => string;
  readonly same: string;
  readonly newUnit: string;
  readonly notices: Readonly<Record<CompareNoticeCode, (p: Params) => string>>;
  readonly mapErrors: Readonly<Record<UnitMapErrorCode, (p: Params) => string>>;
}

const WORDS: Readonly<Record<Lang, CompareWords>> = {
  vi: {
    up: (n) => `tăng ${n} bậc`,
    down: (n) => `giảm ${n} bậc`,
    same: "giữ nguyên",
    newUnit: "đơn vị mới",
    notices: {
      MAP_OLD_NOT_FOUND: (p) => `Bảng đối chiếu: không thấy "${p.from}" trong sổ tính năm trước`,
      MAP_NEW_NOT_FOUND: (p) =>
        `Bảng đối chiếu: không thấy "${p.to}" trong sổ tính năm nay ("${p.from}" được tính là đơn vị không còn)`,
      BLOCK_NOT_PAIRED: (p) =>
        `${p.sheet}: không có bảng tương ứng trong sổ tính năm trước (mọi đơn vị là đơn vị mới)`,
      PREVIOUS_BLOCK_NOT_PAIRED: (p) =>
        `Năm trước, ${p.sheet}: không có bảng tương ứng năm nay (không so sánh)`,
    },
    mapErrors: {
      MAP_NOT_OBJECT: () => 'Bảng đối chiếu phải là một đối tượng JSON { "tên cũ": "tên mới", … }',
      MAP_VALUE_NOT_TEXT: (p) => `Bảng đối chiếu: tên mới của "${p.name}" phải là chuỗi`,
      MAP_EMPTY_NAME: (p) => `Bảng đối chiếu: tên trống ở mục "${p.name}"`,
      MAP_DUPLICATE: (p) => `Bảng đối chiếu: "${p.name}" có hai lần`,
    },
  },
  en: {
    up: (n) => `up ${n} place${n === 1 ? "" : "s"}`,
    down: (n) => `down ${n} place${n === 1 ? "" : "s"}`,
    same: "unchanged",
    newUnit: "new unit",
    notices: {
      MAP_OLD_NOT_FOUND: (p) => `Mapping: "${p.from}" is not in last year's workbook`,
      MAP_NEW_NOT_FOUND: (p) =>
        `Mapping: "${p.to}" is not in this year's workbook ("${p.from}" is counted as gone)`,
      BLOCK_NOT_PAIRED: (p) => `${p.sheet}: no matching table in last year's workbook (every unit is new)`,
      PREVIOUS_BLOCK_NOT_PAIRED: (p) => `Last year, ${p.sheet}: no matching table this year (not compared)`,
    },
    mapErrors: {
      MAP_NOT_OBJECT: () => 'The mapping must be a JSON object { "old name": "new name", … }',
      MAP_VALUE_NOT_TEXT: (p) => `Mapping: the new name of "${p.name}" must be text`,
      MAP_EMPTY_NAME: (p) => `Mapping: empty name in entry "${p.name}"`,
      MAP_DUPLICATE: (p) => `Mapping: "${p.name}" is listed twice`,
    },
  },
};

/** "tăng 3 bậc", "giảm 2 bậc", "giữ nguyên"; "đơn vị mới" for a unit without last year's rank. */
export function rankChangeText(change: number | undefined, lang: Lang = "vi"): string {
  const w = WORDS[lang];
  if (change === undefined) return w.newUnit;
  if (change > 0) return w.up(change);
  if (change < 0) return w.down(-change);
  return w.same;
}

export function compareNoticeMessage(n: CompareNotice, lang: Lang = "vi"): string {
  return WORDS[lang].notices[n.code](n.params);
}

export function unitMapErrorMessage(code: UnitMapErrorCode, params: Params, lang: Lang = "vi"): string {
  return WORDS[lang].mapErrors[code](params);
}

function list(names: ReadonlyArray<string>, lang: Lang): string {
  if (names.length <= 1) return names.join("");
  const and = lang === "vi" ? " và " : " and ";
  return `${names.slice(0, -1).join(", ")}${and}${names[names.length - 1]}`;
}

/**
 * The report's sentences for one block, in a language: level counts this year and last, the mean,
 * the highest and lowest units, the biggest moves, new and gone units.
 */
export function comparisonSentences(b: ComparedBlock, lang: Lang = "vi"): string[] {
  const f = blockFigures(b);
  const num = (x: Parameters<typeof totalText>[0]): string => localNumber(totalText(x, b.decimals), lang);
  const vi = lang === "vi";
  const lines: string[] = [];
  const counts = b.levels
    .map((l) =>
      vi
        ? `mức ${l}: ${b.counts.current[l] ?? 0} (năm trước ${b.counts.previous[l] ?? 0})`
        : `level ${l}: ${b.counts.current[l] ?? 0} (last year ${b.counts.previous[l] ?? 0})`,
    )
    .join("; ");
  lines.push(
    vi
      ? `${b.title}: ${f.units} đơn vị (năm trước ${f.previousUnits}); ${counts}.`
      : `${b.title}: ${f.units} units (last year ${f.previousUnits}); ${counts}.`,
  );
  if (b.mean.current !== undefined) {
    let line = vi ? `Điểm trung bình ${num(b.mean.current)}` : `Mean score ${num(b.mean.current)}`;
    if (b.mean.previous !== undefined && b.mean.change !== undefined) {
      const d = compareExact(b.mean.change, exactFromInteger(0));
      const by = num(d < 0 ? minusOf(b.mean.change) : b.mean.change);
      const how =
        d > 0
          ? vi
            ? `tăng ${by} điểm`
            : `up ${by}`
          : d < 0
            ? vi
              ? `giảm ${by} điểm`
              : `down ${by}`
            : vi
              ? "không đổi"
              : "unchanged";
      line += vi
        ? ` (năm trước ${num(b.mean.previous)}; ${how})`
        : ` (last year ${num(b.mean.previous)}; ${how})`;
    }
    lines.push(`${line}.`);
  }
  if (f.highest.length > 0) {
    const hi = f.highest.map((u) => u.unit);
    const lo = f.lowest.map((u) => u.unit);
    lines.push(
      vi
        ? `Cao nhất: ${list(hi, lang)} (${num(f.highest[0]!.total)} điểm); thấp nhất: ${list(lo, lang)} (${num(f.lowest[0]!.total)} điểm).`
        : `Highest: ${list(hi, lang)} (${num(f.highest[0]!.total)}); lowest: ${list(lo, lang)} (${num(f.lowest[0]!.total)}).`,
    );
  }
  const move = (m: { unit: string; change: number; from: number; to: number }): string =>
    vi
      ? `${m.unit} (${rankChangeText(m.change, lang)}, từ hạng ${m.from} ${m.change > 0 ? "lên" : "xuống"} hạng ${m.to})`
      : `${m.unit} (${rankChangeText(m.change, lang)}, from ${m.from} to ${m.to})`;
  if (f.up.length > 0)
    lines.push(
      vi
        ? `Tăng nhiều bậc nhất: ${list(f.up.map(move), lang)}.`
        : `Rose most: ${list(f.up.map(move), lang)}.`,
    );
  if (f.down.length > 0)
    lines.push(
      vi
        ? `Giảm nhiều bậc nhất: ${list(f.down.map(move), lang)}.`
        : `Fell most: ${list(f.down.map(move), lang)}.`,
    );
  const ranked = b.units.filter((u) => u.rankChange !== undefined);
  if (ranked.length > 0) {
    const up = ranked.filter((u) => u.rankChange! > 0).length;
    const down = ranked.filter((u) => u.rankChange! < 0).length;
    lines.push(
      vi
        ? `${up} đơn vị tăng hạng, ${down} đơn vị giảm hạng, ${f.unchanged} đơn vị giữ nguyên; ${f.levelUp} đơn vị lên mức, ${f.levelDown} đơn vị xuống mức.`
        : `${up} units moved up, ${down} moved down, ${f.unchanged} unchanged; ${f.levelUp} reached a higher level, ${f.levelDown} a lower one.`,
    );
  }
  if (f.newUnits.length > 0)
    lines.push(vi ? `Đơn vị mới: ${list(f.newUnits, lang)}.` : `New units: ${list(f.newUnits, lang)}.`);
  if (f.goneUnits.length > 0)
    lines.push(
      vi
        ? `Đơn vị không còn: ${list(f.goneUnits, lang)}.`
        : `Units no longer listed: ${list(f.goneUnits, lang)}.`,
    );
  return lines;
}
