/**
 * Year over year: how each unit moved since last year (issue 15). Both years come in as analyses
 * (analyzeWorkbook, each with its own framework); blocks pair by position and kind; units match
 * with the project's name rules (names.ts) plus a mapping of renames and mergers.
 *
 * A unit's predecessors are last year's unit of the same name plus every unit mapped to it; its
 * previous total is their mean, rounded half up to the previous framework's decimals (as the DTI
 * 2024 compared merged provinces: the mean of the values of the units they replaced). Previous
 * ranks are recomputed, competition ranking as rankUnits does, over last year's units after the
 * mapping (merged units count once, units gone this year keep their place). All exact.
 */
import { levelOfTotal, type Analysis, type BlockResult, type UnitResult } from "./analyze";
import { compareExact, Dec, exactToString, formatExact, roundExact, type Exact } from "./exact";
import type { Framework } from "./framework";
import { cellAt, rowEnd, type SheetGrid, type WorkbookGrid } from "./grid";
import { matchNames, matchUnits, nameKey } from "./names";
import { withoutNumbering } from "./titles";
import { rankUnits } from "./scoring";
import { stripAccents, tidy } from "./text";

// ---------------------------------------------------------------------------------------------
// The mapping of renames and mergers

/** One entry of the mapping: last year's name → this year's unit. */
export interface UnitMapEntry {
  readonly from: string;
  readonly to: string;
}

/** Renames and mergers, in the order given. Several old names may map to one new unit. */
export type UnitMap = ReadonlyArray<UnitMapEntry>;

/** The parameters of each mapping error (`name`: the entry at fault). */
export interface UnitMapErrorParamsByCode {
  MAP_NOT_OBJECT: Readonly<Record<string, never>>;
  MAP_VALUE_NOT_TEXT: { readonly name: string };
  MAP_EMPTY_NAME: { readonly name: string };
  MAP_DUPLICATE: { readonly name: string };
}
export type UnitMapErrorCode = keyof UnitMapErrorParamsByCode;

/** A mapping that cannot be used: a code and its parameters (words in compareText.ts). */
export class UnitMapError<C extends UnitMapErrorCode = UnitMapErrorCode> extends Error {
  override readonly name = "UnitMapError";
  constructor(
    readonly code: C,
    readonly params: UnitMapErrorParamsByCode[C],
  ) {
    const name = (params as { readonly name?: string }).name;
    super(`${code}${name ? `: ${name}` : ""}`);
  }
}

/**
 * The mapping from parsed JSON: an object from each old name to its new unit
 * (`{ "Sở Thông tin và Truyền thông": "Sở Khoa học và Công nghệ" }`). Throws UnitMapError.
 */
export function unitMapFromJson(json: unknown): UnitMap {
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new UnitMapError("MAP_NOT_OBJECT", {});
  const entries: UnitMapEntry[] = [];
  const seen = new Set<string>();
  for (const [from, to] of Object.entries(json as Record<string, unknown>)) {
    if (typeof to !== "string") throw new UnitMapError("MAP_VALUE_NOT_TEXT", { name: from });
    const f = tidy(from);
    const t = tidy(to);
    if (f === "" || t === "") throw new UnitMapError("MAP_EMPTY_NAME", { name: from });
    const key = nameKey(f);
    if (seen.has(key)) throw new UnitMapError("MAP_DUPLICATE", { name: f });
    seen.add(key);
    entries.push({ from: f, to: t });
  }
  return entries;
}

/** The mapping as a JSON object (the `--map` file's form). */
export function unitMapToJson(map: UnitMap): Record<string, string> {
  const o: Record<string, string> = {};
  for (const e of map) o[e.from] = e.to;
  return o;
}

/**
 * Where the pane stores the mapping: a very hidden sheet of its own (the table finder skips very
 * hidden sheets). Not CQS_Settings: saving the framework rewrites that sheet whole.
 */
export const UNIT_MAP_SHEET = "CQS_UnitMap";

/** The mapping sheet's content, rows from A1 (the shape planSettingsSheet returns). */
export function planUnitMapSheet(map: UnitMap): {
  readonly sheet: string;
  readonly rows: ReadonlyArray<ReadonlyArray<string>>;
  readonly names: ReadonlyArray<{ readonly name: string; readonly reference: string }>;
} {
  return {
    sheet: UNIT_MAP_SHEET,
    rows: [
      [
        UNIT_MAP_SHEET,
        "1",
        "Tên năm trước → đơn vị năm nay (So sánh với năm trước): sửa trong bảng điều khiển.",
      ],
      ...map.map((e) => ["map", e.from, e.to]),
    ],
    names: [],
  };
}

/** Reads the mapping sheet's rows ("map" | old name | new name). */
export function readUnitMapSheet(sheet: SheetGrid): UnitMap {
  const text = (r: number, c: number): string => {
    const v = cellAt(sheet, r, c).v;
    return typeof v === "string" ? tidy(v) : typeof v === "number" ? String(v) : "";
  };
  const o: Record<string, string> = {};
  for (let r = sheet.top ?? 0; r < rowEnd(sheet); r++) {
    if (text(r, 0) !== "map") continue;
    const from = text(r, 1);
    const to = text(r, 2);
    if (from !== "" && to !== "" && !(from in o)) o[from] = to;
  }
  return unitMapFromJson(o);
}

/** The mapping a workbook carries (made in the pane), or an empty one. */
export function workbookUnitMap(workbook: WorkbookGrid): UnitMap {
  const sheet = workbook.sheets.find((s) => s.name === UNIT_MAP_SHEET);
  return sheet ? readUnitMapSheet(sheet) : [];
}

// ---------------------------------------------------------------------------------------------
// The comparison

/** A level as the framework names it ("I", "II", …): opaque text here, never interpreted. */
export type LevelName = string;

/** Last year's figures of a unit (or of its merged predecessors). */
export interface PreviousUnit {
  /** The predecessors' names joined with " + ". */
  readonly unit: string;
  readonly predecessors: ReadonlyArray<string>;
  /** The mean of the predecessors' totals, rounded; undefined when one of them has none. */
  readonly total?: Exact;
  readonly level?: LevelName;
  /** Rank among last year's units after the mapping. */
  readonly rank?: number;
}

export interface ComparedUnit {
  readonly unit: string;
  readonly total?: Exact;
  readonly level?: LevelName;
  readonly rank?: number;
  /** Undefined for a unit new this year. */
  readonly previous?: PreviousUnit;
  /** Current total − previous total; undefined when either is unknown. */
  readonly totalChange?: Exact;
  /** Previous rank − current rank (positive: moved up); undefined when either is unknown. */
  readonly rankChange?: number;
  /** Whether the level differs from last year's (both known). */
  readonly levelChanged: boolean;
}

export type BlockKind = "department" | "district" | "commune" | "province" | "other";

export interface ComparedBlock {
  readonly sheet: string;
  readonly title: string;
  readonly kind: BlockKind;
  /** Last year's block it was paired with, if any. */
  readonly previousSheet?: string;
  /** This year's units in source order. */
  readonly units: ReadonlyArray<ComparedUnit>;
  /** Indices into `units` in this year's rank order (ties in source order), then those without rank. */
  readonly order: ReadonlyArray<number>;
  /** Last year's units (after the mapping) with no successor this year. */
  readonly gone: ReadonlyArray<PreviousUnit>;
  /** The levels, in the frameworks' order. */
  readonly levels: ReadonlyArray<LevelName>;
  /** Units per level: this year's, and last year's as published (before the mapping). */
  readonly counts: {
    readonly current: Readonly<Record<LevelName, number>>;
    readonly previous: Readonly<Record<LevelName, number>>;
  };
  /** Mean total this year and last year (over the units with a total), rounded. */
  readonly mean: { readonly current?: Exact; readonly previous?: Exact; readonly change?: Exact };
  readonly decimals: number;
}

/** The parameters of each notice. */
export interface CompareNoticeParamsByCode {
  MAP_OLD_NOT_FOUND: { readonly from: string; readonly to: string };
  MAP_NEW_NOT_FOUND: { readonly from: string; readonly to: string };
  BLOCK_NOT_PAIRED: { readonly sheet: string; readonly title: string };
  PREVIOUS_BLOCK_NOT_PAIRED: { readonly sheet: string; readonly title: string };
}
export type CompareNoticeCode = keyof CompareNoticeParamsByCode;

/** Something the user should know about the comparison (not a fault of either workbook). */
export type CompareNotice = {
  readonly [C in CompareNoticeCode]: { readonly code: C; readonly params: CompareNoticeParamsByCode[C] };
}[CompareNoticeCode];

export interface Comparison {
  readonly blocks: ReadonlyArray<ComparedBlock>;
  readonly notices: ReadonlyArray<CompareNotice>;
}

const DEPARTMENT_WORDS = ["so", "ban", "van phong", "thanh tra", "cuc", "chi cuc", "bo", "uy ban"];
const DISTRICT_WORDS = ["huyen", "thi xa", "quan", "ubnd huyen", "ubnd thi xa"];
const COMMUNE_WORDS = ["xa", "phuong", "thi tran", "ubnd xa", "ubnd phuong"];
const PROVINCE_WORDS = ["tinh", "ubnd tinh"];

function startsWithWords(key: string, words: ReadonlyArray<string>): boolean {
  return words.some((w) => key === w || key.startsWith(`${w} `));
}

/**
 * What units a block lists, from their names' first words (a majority): departments ("Sở …",
 * "Ban …"), districts ("Huyện …", "Thị xã …"), communes ("Xã …", "Phường …") or provinces.
 * "Thành phố" is left out of the vote: it names a province-level, district-level or lower city.
 */
export function blockKind(names: ReadonlyArray<string>): BlockKind {
  const votes: Record<BlockKind, number> = { department: 0, district: 0, commune: 0, province: 0, other: 0 };
  for (const name of names) {
    // Without accents: "sở" and "so", "xã" and "xa" are the same first word here.
    const key = stripAccents(name.normalize("NFC"))
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
    if (startsWithWords(key, COMMUNE_WORDS)) votes.commune++;
    else if (startsWithWords(key, DISTRICT_WORDS)) votes.district++;
    else if (startsWithWords(key, PROVINCE_WORDS)) votes.province++;
    else if (startsWithWords(key, DEPARTMENT_WORDS)) votes.department++;
  }
  let best: BlockKind = "other";
  let bestVotes = 0;
  for (const k of ["department", "district", "commune", "province"] as const) {
    if (votes[k] > bestVotes) {
      best = k;
      bestVotes = votes[k];
    }
  }
  return bestVotes * 2 > names.length ? best : "other";
}

/**
 * Pairs this year's blocks with last year's: the n-th block of a kind with last year's n-th block
 * of that kind. Returns, per current block, the previous block's index or -1.
 */
export function pairBlocks(current: ReadonlyArray<BlockKind>, previous: ReadonlyArray<BlockKind>): number[] {
  const used = new Set<number>();
  return current.map((kind) => {
    for (let j = 0; j < previous.length; j++) {
      if (!used.has(j) && previous[j] === kind) {
        used.add(j);
        return j;
      }
    }
    return -1;
  });
}

/** round_half_up(Σ totals / n, decimals), exactly (scaled integer division, no binary float). */
export function meanExact(totals: ReadonlyArray<Exact>, decimals: number): Exact {
  let sum = new Dec(0);
  for (const t of totals) sum = sum.plus(exactToString(t));
  const n = totals.length;
  const scaled = sum.times(new Dec(10).pow(decimals));
  const q = scaled.divToInt(n);
  const r = scaled.minus(q.times(n)).abs();
  const rounded = r.times(2).gte(n) ? q.plus(scaled.isNegative() ? -1 : 1) : q;
  return roundExact(rounded.div(new Dec(10).pow(decimals)), decimals);
}

function minusExact(a: Exact, b: Exact, decimals: number): Exact {
  return roundExact(new Dec(exactToString(a)).minus(exactToString(b)), decimals);
}

/** The levels of a block's framework, best first. */
function levelsOf(block: BlockResult | undefined): LevelName[] {
  return block ? [...block.levels] : [];
}

function countLevels(
  levels: ReadonlyArray<LevelName>,
  units: ReadonlyArray<{ level?: LevelName }>,
): Record<LevelName, number> {
  const counts: Record<LevelName, number> = {};
  for (const l of levels) counts[l] = 0;
  for (const u of units) if (u.level !== undefined) counts[u.level] = (counts[u.level] ?? 0) + 1;
  return counts;
}

function meanOf(units: ReadonlyArray<{ total?: Exact }>, decimals: number): Exact | undefined {
  const totals = units.flatMap((u) => (u.total !== undefined ? [u.total] : []));
  return totals.length > 0 ? meanExact(totals, decimals) : undefined;
}

function means(
  units: ReadonlyArray<{ total?: Exact }>,
  prevUnits: ReadonlyArray<{ total?: Exact }>,
  paired: boolean,
  decimals: number,
  previousDecimals: number,
): ComparedBlock["mean"] {
  const current = meanOf(units, decimals);
  const previous = paired ? meanOf(prevUnits, previousDecimals) : undefined;
  const change =
    current !== undefined && previous !== undefined
      ? minusExact(current, previous, Math.max(decimals, previousDecimals))
      : undefined;
  return {
    ...(current !== undefined ? { current } : {}),
    ...(previous !== undefined ? { previous } : {}),
    ...(change !== undefined ? { change } : {}),
  };
}

/** Index of the one name in `names` that is the same as `name` (equal keys first, then the name rules). */
function findName(name: string, names: ReadonlyArray<string>, keys: ReadonlyArray<string>): number {
  const key = nameKey(name);
  const equal = keys.indexOf(key);
  if (equal >= 0) return equal;
  let found = -1;
  for (let i = 0; i < names.length; i++) {
    if (matchNames(name, names[i]!) !== "same") continue;
    if (found >= 0) return -1;
    found = i;
  }
  return found;
}

interface PreviousGroup {
  readonly members: number[];
  /** The current unit it continues, or -1 (gone). */
  successor: number;
}

/** Compares one block with last year's block (or with none: every unit is new). */
function compareBlock(
  block: BlockResult,
  previousBlock: BlockResult | undefined,
  currentFramework: Framework,
  previousFramework: Framework,
  map: UnitMap,
  usedMap: Set<number>,
  foundTargets: Set<number>,
): ComparedBlock {
  const decimals = previousFramework.decimals;
  const names = block.units.map((u) => u.name);
  const keys = names.map((n) => nameKey(n));
  const prevUnits = previousBlock?.units ?? [];
  const prevNames = prevUnits.map((u) => u.name);
  const prevKeys = prevNames.map((n) => nameKey(n));

  // Last year's units the mapping names, and this year's unit each goes to.
  const mappedTo = new Map<number, { entry: number; target: number }>();
  map.forEach((e, k) => {
    const i = findName(e.from, prevNames, prevKeys);
    if (i < 0 || mappedTo.has(i)) return;
    usedMap.add(k);
    const target = findName(e.to, names, keys);
    if (target >= 0) foundTargets.add(k);
    mappedTo.set(i, { entry: k, target });
  });

  // The others are matched by name, one to one.
  const free = prevUnits.map((_, i) => i).filter((i) => !mappedTo.has(i));
  const matching = matchUnits(
    names,
    free.map((i) => prevNames[i]!),
    { left: keys, right: free.map((i) => prevKeys[i]!) },
  );
  const groupOf = new Map<number, PreviousGroup>(); // by current unit
  const groups: PreviousGroup[] = [];
  const goneByKey = new Map<string, PreviousGroup>();
  const groupFor = (current: number): PreviousGroup => {
    let g = groupOf.get(current);
    if (!g) {
      g = { members: [], successor: current };
      groupOf.set(current, g);
      groups.push(g);
    }
    return g;
  };
  for (let c = 0; c < names.length; c++) {
    const j = matching.rightOf[c]!;
    if (j >= 0) groupFor(c).members.push(free[j]!);
  }
  for (const [i, { entry, target }] of mappedTo) {
    if (target >= 0) groupFor(target).members.push(i);
    else {
      // Mapped to a unit not listed this year: gone, with the others mapped to the same name.
      const key = nameKey(map[entry]!.to);
      let g = goneByKey.get(key);
      if (!g) {
        g = { members: [], successor: -1 };
        goneByKey.set(key, g);
        groups.push(g);
      }
      g.members.push(i);
    }
  }
  for (const j of matching.unmatchedRight) groups.push({ members: [free[j]!], successor: -1 });
  for (const g of groups) g.members.sort((a, b) => a - b);

  // Last year after the mapping: one entry per group, its total the mean of its members'.
  const previousOf = (g: PreviousGroup): Omit<PreviousUnit, "rank"> => {
    const members = g.members.map((i) => prevUnits[i]!);
    const predecessors = members.map((u) => u.name);
    const complete = members.every((u) => u.total !== undefined);
    const total = !complete
      ? undefined
      : members.length === 1
        ? members[0]!.total
        : meanExact(
            members.map((u) => u.total!),
            decimals,
          );
    const level =
      total === undefined
        ? undefined
        : members.length === 1
          ? members[0]!.level
          : levelOfTotal(previousFramework, total);
    return {
      unit: predecessors.join(" + "),
      predecessors,
      ...(total !== undefined ? { total } : {}),
      ...(level !== undefined ? { level } : {}),
    };
  };
  const entries = groups.map(previousOf);
  const ranked = entries.map((e, k) => ({ e, k })).filter((x) => x.e.total !== undefined);
  const { ranks } = rankUnits(ranked.map((x) => x.e.total!));
  const rankOf = new Map<number, number>();
  ranked.forEach((x, n) => rankOf.set(x.k, ranks[n]!));
  const withRank = entries.map((e, k): PreviousUnit => {
    const rank = rankOf.get(k);
    return rank !== undefined ? { ...e, rank } : e;
  });

  const units = block.units.map((u: UnitResult, c): ComparedUnit => {
    const g = groupOf.get(c);
    const previous = g ? withRank[groups.indexOf(g)] : undefined;
    const totalChange =
      previous?.total !== undefined && u.total !== undefined
        ? minusExact(u.total, previous.total, Math.max(decimals, currentFramework.decimals))
        : undefined;
    const rankChange =
      previous?.rank !== undefined && u.rank !== undefined ? previous.rank - u.rank : undefined;
    return {
      unit: u.name,
      ...(u.total !== undefined ? { total: u.total } : {}),
      ...(u.level !== undefined ? { level: u.level } : {}),
      ...(u.rank !== undefined ? { rank: u.rank } : {}),
      ...(previous ? { previous } : {}),
      ...(totalChange !== undefined ? { totalChange } : {}),
      ...(rankChange !== undefined ? { rankChange } : {}),
      levelChanged: previous?.level !== undefined && u.level !== undefined && previous.level !== u.level,
    };
  });
  const gone = groups.flatMap((g, k) => (g.successor < 0 ? [withRank[k]!] : []));
  gone.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));

  const levels = levelsOf(block);
  for (const l of levelsOf(previousBlock)) if (!levels.includes(l)) levels.push(l);
  return {
    sheet: block.sheet,
    title: withoutNumbering(block.rankingTitle ?? block.title),
    kind: blockKind(names),
    ...(previousBlock ? { previousSheet: previousBlock.sheet } : {}),
    units,
    order: block.order,
    gone,
    levels,
    counts: { current: countLevels(levels, block.units), previous: countLevels(levels, prevUnits) },
    mean: means(block.units, prevUnits, previousBlock !== undefined, currentFramework.decimals, decimals),
    decimals: currentFramework.decimals,
  };
}

/**
 * Compares this year's analysis with last year's: per block, per unit, last year's total, level
 * and rank (after the mapping), and the changes; last year's units gone. Pure.
 */
export function compareAnalyses(current: Analysis, previous: Analysis, map: UnitMap = []): Comparison {
  const kinds = current.blocks.map((b) => blockKind(b.units.map((u) => u.name)));
  const previousKinds = previous.blocks.map((b) => blockKind(b.units.map((u) => u.name)));
  const pairs = pairBlocks(kinds, previousKinds);
  const notices: CompareNotice[] = [];
  const usedMap = new Set<number>();
  const foundTargets = new Set<number>();
  const blocks = current.blocks.map((block, k) => {
    const p = pairs[k]!;
    if (p < 0) notices.push({ code: "BLOCK_NOT_PAIRED", params: { sheet: block.sheet, title: block.title } });
    return compareBlock(
      block,
      p >= 0 ? previous.blocks[p] : undefined,
      current.framework,
      previous.framework,
      map,
      usedMap,
      foundTargets,
    );
  });
  previous.blocks.forEach((b, j) => {
    if (!pairs.includes(j))
      notices.push({ code: "PREVIOUS_BLOCK_NOT_PAIRED", params: { sheet: b.sheet, title: b.title } });
  });
  map.forEach((e, k) => {
    if (!usedMap.has(k)) notices.push({ code: "MAP_OLD_NOT_FOUND", params: { from: e.from, to: e.to } });
    else if (!foundTargets.has(k))
      notices.push({ code: "MAP_NEW_NOT_FOUND", params: { from: e.from, to: e.to } });
  });
  return { blocks, notices };
}

// ---------------------------------------------------------------------------------------------
// JSON (the `cqs compare --json` contract)

export interface ComparisonJsonUnit {
  readonly unit: string;
  readonly total: number | null;
  readonly level: string | null;
  readonly rank: number | null;
  readonly previous: { unit: string; total: number | null; level: string | null; rank: number | null } | null;
  readonly rankChange: number | null;
  readonly totalChange: number | null;
}

export interface ComparisonJson {
  readonly blocks: ReadonlyArray<{
    readonly sheet: string;
    readonly units: ReadonlyArray<ComparisonJsonUnit>;
    readonly gone: ReadonlyArray<{
      unit: string;
      total: number | null;
      level: string | null;
      rank: number | null;
    }>;
  }>;
}

/** A total as a JSON number: its exact decimal text parsed once (88.3, never 88.30000000000001). */
function jsonNumber(x: Exact | undefined): number | null {
  return x === undefined ? null : Number(exactToString(x));
}

function previousJson(p: PreviousUnit): {
  unit: string;
  total: number | null;
  level: string | null;
  rank: number | null;
} {
  return { unit: p.unit, total: jsonNumber(p.total), level: p.level ?? null, rank: p.rank ?? null };
}

/** The comparison in the `--json` shape of DESIGN.md. Units in this year's source order. */
export function comparisonJson(c: Comparison): ComparisonJson {
  return {
    blocks: c.blocks.map((b) => ({
      sheet: b.sheet,
      units: b.units.map((u) => ({
        unit: u.unit,
        total: jsonNumber(u.total),
        level: u.level ?? null,
        rank: u.rank ?? null,
        previous: u.previous ? previousJson(u.previous) : null,
        rankChange: u.rankChange ?? null,
        totalChange: jsonNumber(u.totalChange),
      })),
      gone: b.gone.map(previousJson),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The figures for the report

/** A unit's move: the ones that moved up most and down most, with their ranks. */
export interface RankMove {
  readonly unit: string;
  readonly change: number;
  readonly from: number;
  readonly to: number;
}

export interface BlockFigures {
  readonly units: number;
  readonly previousUnits: number;
  readonly highest: ReadonlyArray<{ unit: string; total: Exact }>;
  readonly lowest: ReadonlyArray<{ unit: string; total: Exact }>;
  /** The units that rose most (all tied at the largest rise); empty when none rose. */
  readonly up: ReadonlyArray<RankMove>;
  readonly down: ReadonlyArray<RankMove>;
  readonly unchanged: number;
  readonly newUnits: ReadonlyArray<string>;
  readonly goneUnits: ReadonlyArray<string>;
  readonly levelUp: number;
  readonly levelDown: number;
}

/** The figures staff put in the report (tờ trình, báo cáo) for one block. */
export function blockFigures(b: ComparedBlock): BlockFigures {
  const withTotal = b.units.filter((u) => u.total !== undefined);
  const extreme = (sign: 1 | -1): Array<{ unit: string; total: Exact }> => {
    let best: Exact | undefined;
    for (const u of withTotal)
      if (best === undefined || sign * compareExact(u.total!, best) > 0) best = u.total!;
    return withTotal
      .filter((u) => best !== undefined && compareExact(u.total!, best) === 0)
      .map((u) => ({ unit: u.unit, total: u.total! }));
  };
  const moves = b.units
    .filter((u) => u.rankChange !== undefined)
    .map((u) => ({ unit: u.unit, change: u.rankChange!, from: u.previous!.rank!, to: u.rank! }));
  const most = (sign: 1 | -1): RankMove[] => {
    const top = Math.max(0, ...moves.map((m) => sign * m.change));
    return top === 0 ? [] : moves.filter((m) => sign * m.change === top);
  };
  // Level order: the frameworks list the best level first.
  const position = (l: LevelName): number => b.levels.indexOf(l);
  let levelUp = 0;
  let levelDown = 0;
  for (const u of b.units) {
    if (!u.levelChanged) continue;
    if (position(u.level!) < position(u.previous!.level!)) levelUp++;
    else levelDown++;
  }
  return {
    units: b.units.length,
    previousUnits: Object.values(b.counts.previous).reduce((n, k) => n + k, 0),
    highest: extreme(1),
    lowest: extreme(-1),
    up: most(1),
    down: most(-1),
    unchanged: moves.filter((m) => m.change === 0).length,
    newUnits: b.units.filter((u) => !u.previous).map((u) => u.unit),
    goneUnits: b.gone.map((g) => g.unit),
    levelUp,
    levelDown,
  };
}

/** The total's text at the block's decimals (point; messages localize it). */
export function totalText(x: Exact, decimals: number): string {
  return formatExact(x, decimals);
}
