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
  type CompareNoticeParamsByCode,
  type UnitMapErrorCode,
  type UnitMapErrorParamsByCode,
} from "./compare";
import { compareExact, Dec, exactFromInteger, exactToString, type Exact } from "./exact";

/** −x, exactly. */
function minusOf(x: Exact): Exact {
  return new Dec(exactToString(x)).neg();
}
import { localNumber, type Lang } from "./messages";

interface CompareWords {
  readonly up: (n: number) => string;
  readonly down: (n: number) => string;
  readonly same: string;
  readonly newUnit: string;
  readonly notices: { readonly [C in CompareNoticeCode]: (p: CompareNoticeParamsByCode[C]) => string };
  readonly mapErrors: { readonly [C in UnitMapErrorCode]: (p: UnitMapErrorParamsByCode[C]) => string };
  /** The report's sentences (numbers arrive as shown in the language). */
  readonly sentences: {
    readonly and: string;
    readonly levelCount: (level: string, now: number, before: number) => string;
    readonly units: (title: string, units: number, before: number, counts: string) => string;
    readonly mean: (mean: string) => string;
    readonly meanUp: (by: string) => string;
    readonly meanDown: (by: string) => string;
    readonly meanSame: string;
    readonly meanBefore: (before: string, how: string) => string;
    readonly extremes: (hi: string, hiTotal: string, lo: string, loTotal: string) => string;
    readonly move: (unit: string, change: string, from: number, to: number, up: boolean) => string;
    readonly roseMost: (list: string) => string;
    readonly fellMost: (list: string) => string;
    readonly moves: (up: number, down: number, same: number, levelUp: number, levelDown: number) => string;
    readonly newUnits: (list: string) => string;
    readonly goneUnits: (list: string) => string;
  };
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
    sentences: {
      and: " và ",
      levelCount: (l, now, before) => `mức ${l}: ${now} (năm trước ${before})`,
      units: (title, units, before, counts) => `${title}: ${units} đơn vị (năm trước ${before}); ${counts}.`,
      mean: (mean) => `Điểm trung bình ${mean}`,
      meanUp: (by) => `tăng ${by} điểm`,
      meanDown: (by) => `giảm ${by} điểm`,
      meanSame: "không đổi",
      meanBefore: (before, how) => ` (năm trước ${before}; ${how})`,
      extremes: (hi, hiTotal, lo, loTotal) =>
        `Cao nhất: ${hi} (${hiTotal} điểm); thấp nhất: ${lo} (${loTotal} điểm).`,
      move: (unit, change, from, to, up) =>
        `${unit} (${change}, từ hạng ${from} ${up ? "lên" : "xuống"} hạng ${to})`,
      roseMost: (list) => `Tăng nhiều bậc nhất: ${list}.`,
      fellMost: (list) => `Giảm nhiều bậc nhất: ${list}.`,
      moves: (up, down, same, levelUp, levelDown) =>
        `${up} đơn vị tăng hạng, ${down} đơn vị giảm hạng, ${same} đơn vị giữ nguyên; ${levelUp} đơn vị lên mức, ${levelDown} đơn vị xuống mức.`,
      newUnits: (list) => `Đơn vị mới: ${list}.`,
      goneUnits: (list) => `Đơn vị không còn: ${list}.`,
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
    sentences: {
      and: " and ",
      levelCount: (l, now, before) => `level ${l}: ${now} (last year ${before})`,
      units: (title, units, before, counts) => `${title}: ${units} units (last year ${before}); ${counts}.`,
      mean: (mean) => `Mean score ${mean}`,
      meanUp: (by) => `up ${by}`,
      meanDown: (by) => `down ${by}`,
      meanSame: "unchanged",
      meanBefore: (before, how) => ` (last year ${before}; ${how})`,
      extremes: (hi, hiTotal, lo, loTotal) => `Highest: ${hi} (${hiTotal}); lowest: ${lo} (${loTotal}).`,
      move: (unit, change, from, to) => `${unit} (${change}, from ${from} to ${to})`,
      roseMost: (list) => `Rose most: ${list}.`,
      fellMost: (list) => `Fell most: ${list}.`,
      moves: (up, down, same, levelUp, levelDown) =>
        `${up} units moved up, ${down} moved down, ${same} unchanged; ${levelUp} reached a higher level, ${levelDown} a lower one.`,
      newUnits: (list) => `New units: ${list}.`,
      goneUnits: (list) => `Units no longer listed: ${list}.`,
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
  // The notice's code says which params it carries (CompareNoticeParamsByCode).
  const message = WORDS[lang].notices[n.code] as (p: CompareNotice["params"]) => string;
  return message(n.params);
}

export function unitMapErrorMessage<C extends UnitMapErrorCode>(
  code: C,
  params: UnitMapErrorParamsByCode[C],
  lang: Lang = "vi",
): string {
  const message = WORDS[lang].mapErrors[code] as (p: UnitMapErrorParamsByCode[C]) => string;
  return message(params);
}

function list(names: ReadonlyArray<string>, lang: Lang): string {
  if (names.length <= 1) return names.join("");
  const and = WORDS[lang].sentences.and;
  return `${names.slice(0, -1).join(", ")}${and}${names[names.length - 1]}`;
}

/**
 * The report's sentences for one block, in a language: level counts this year and last, the mean,
 * the highest and lowest units, the biggest moves, new and gone units.
 */
export function comparisonSentences(b: ComparedBlock, lang: Lang = "vi"): string[] {
  const f = blockFigures(b);
  const num = (x: Parameters<typeof totalText>[0]): string => localNumber(totalText(x, b.decimals), lang);
  const w = WORDS[lang].sentences;
  const lines: string[] = [];
  const counts = b.levels
    .map((l) => w.levelCount(l, b.counts.current[l] ?? 0, b.counts.previous[l] ?? 0))
    .join("; ");
  lines.push(w.units(b.title, f.units, f.previousUnits, counts));
  if (b.mean.current !== undefined) {
    let line = w.mean(num(b.mean.current));
    if (b.mean.previous !== undefined && b.mean.change !== undefined) {
      const d = compareExact(b.mean.change, exactFromInteger(0));
      const by = num(d < 0 ? minusOf(b.mean.change) : b.mean.change);
      const how = d > 0 ? w.meanUp(by) : d < 0 ? w.meanDown(by) : w.meanSame;
      line += w.meanBefore(num(b.mean.previous), how);
    }
    lines.push(`${line}.`);
  }
  if (f.highest.length > 0) {
    const hi = list(
      f.highest.map((u) => u.unit),
      lang,
    );
    const lo = list(
      f.lowest.map((u) => u.unit),
      lang,
    );
    lines.push(w.extremes(hi, num(f.highest[0]!.total), lo, num(f.lowest[0]!.total)));
  }
  const move = (m: { unit: string; change: number; from: number; to: number }): string =>
    w.move(m.unit, rankChangeText(m.change, lang), m.from, m.to, m.change > 0);
  if (f.up.length > 0) lines.push(w.roseMost(list(f.up.map(move), lang)));
  if (f.down.length > 0) lines.push(w.fellMost(list(f.down.map(move), lang)));
  const ranked = b.units.filter((u) => u.rankChange !== undefined);
  if (ranked.length > 0) {
    const up = ranked.filter((u) => u.rankChange! > 0).length;
    const down = ranked.filter((u) => u.rankChange! < 0).length;
    lines.push(w.moves(up, down, f.unchanged, f.levelUp, f.levelDown));
  }
  if (f.newUnits.length > 0) lines.push(w.newUnits(list(f.newUnits, lang)));
  if (f.goneUnits.length > 0) lines.push(w.goneUnits(list(f.goneUnits, lang)));
  return lines;
}
