/**
 * Matching unit names across the two tables of a block (DESIGN.md "Matching unit names"):
 * - same words after NFC, case, spacing and punctuation folding, "&" = "và", and tone marks
 *   compared per syllable whatever vowel they sit on ("hoá" = "hóa", "Thuỷ" = "Thủy");
 * - an abbreviation matches the initials of the words it stands for ("PTNT" = "Phát triển nông
 *   thôn", "TB&XH" = "Thương binh và Xã hội");
 * - a name whose words are a leading part of the other's matches when it is the only candidate;
 * - never when a word differs ("Sở Nội vụ" is neither "Sở Ngoại vụ" nor "Sở Nội chính").
 */
import { decodeLegacyVietnamese } from "./legacy";
import { abbreviationLetters, foldName, nameWords, stripAccents } from "./text";

interface Token {
  /** The folded word (see text.ts nameWords). */
  readonly word: string;
  /** Initial letter, accents stripped. */
  readonly initial: string;
  /** Letters of an abbreviation ("ptnt"), when the token is one. */
  readonly abbreviation?: string;
  /** "và", which an abbreviation may skip ("TB&XH" = "Thương binh và Xã hội"). */
  readonly conjunction: boolean;
}

const VA = nameWords("và")[0]!;

/** Tokens of a name, abbreviations recognized from the name as written. */
export function nameTokens(name: string): Token[] {
  const tokens: Token[] = [];
  const unicode = decodeLegacyVietnamese(name)?.text ?? name;
  for (const raw of unicode.normalize("NFC").split(/[^\p{L}\p{N}&]+/u)) {
    if (raw === "") continue;
    const abbreviation = abbreviationLetters(raw);
    if (abbreviation && raw.includes("&")) {
      tokens.push({
        word: nameWords(raw).join(" "),
        initial: abbreviation[0]!,
        abbreviation,
        conjunction: false,
      });
      continue;
    }
    for (const word of nameWords(raw)) {
      tokens.push({
        word,
        initial: stripAccents(word).charAt(0),
        abbreviation,
        conjunction: word === VA,
      });
    }
  }
  return tokens;
}

/**
 * Keys computed, by name: a block asks for a name's key in each of its tables and in the notes.
 * Bounded so that a long-running pane checking many workbooks does not keep every name it saw.
 */
const KEY_CACHE_LIMIT = 100_000;
let keyCache = new Map<string, string>();

/**
 * The folded key of a name: equal keys are the same name. A name typed in TCVN3 or VNI is
 * compared by its Unicode spelling.
 */
export function nameKey(name: string): string {
  let key = keyCache.get(name);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache = new Map();
    const unicode = decodeLegacyVietnamese(name)?.text ?? name;
    key = foldName(unicode);
    keyCache.set(name, key);
  }
  return key;
}

export type NameMatch = "same" | "leading" | "none";

/** Ends in `words` (from `start`) where the initials spell `letters`; "và" may be skipped. */
function abbreviationEnds(letters: string, words: ReadonlyArray<Token>, start: number): number[] {
  const ends: number[] = [];
  const walk = (pos: number, j: number): void => {
    if (pos === letters.length) {
      ends.push(j);
      return;
    }
    const w = words[j];
    if (!w) return;
    if (w.initial === letters[pos]) walk(pos + 1, j + 1);
    if (w.conjunction && pos > 0) walk(pos, j + 1);
  };
  walk(0, start);
  return ends.filter((e) => e - start >= 2);
}

/** How two names relate: the same name, one a leading part of the other, or not at all. */
export function matchNames(a: string, b: string): NameMatch {
  return matchTokens(nameTokens(a), nameTokens(b));
}

/** Whether two names can relate at all: their first tokens must (a cheap test before the search). */
function mayMatch(x: ReadonlyArray<Token>, y: ReadonlyArray<Token>): boolean {
  const p = x[0];
  const q = y[0];
  if (!p || !q) return !p && !q;
  if (p.word === q.word) return true;
  // An abbreviation against words: its first letter must be the first word's initial.
  return !p.abbreviation !== !q.abbreviation && p.initial === q.initial;
}

/**
 * Names of more words than this are compared word for word only, without abbreviations: no unit's
 * name comes near it, and the search below visits up to (words × words) states, recursively.
 */
const MAX_SEARCHED_WORDS = 64;

/** Word for word: the same words, or the shorter name's words leading the longer one's. */
function matchWords(x: ReadonlyArray<Token>, y: ReadonlyArray<Token>): NameMatch {
  const n = Math.min(x.length, y.length);
  for (let k = 0; k < n; k++) if (x[k]!.word !== y[k]!.word) return "none";
  if (x.length === y.length) return "same";
  return n > 0 ? "leading" : "none";
}

function matchTokens(x: ReadonlyArray<Token>, y: ReadonlyArray<Token>): NameMatch {
  if (x.length > MAX_SEARCHED_WORDS || y.length > MAX_SEARCHED_WORDS) return matchWords(x, y);
  const seen = new Set<number>();
  let leading = false;
  const stride = y.length + 1;
  const visit = (i: number, j: number): boolean => {
    if (i === x.length && j === y.length) return true;
    if (i === x.length || j === y.length) {
      if (i > 0 && j > 0) leading = true;
      return false;
    }
    const id = i * stride + j;
    if (seen.has(id)) return false;
    seen.add(id);
    const p = x[i]!;
    const q = y[j]!;
    if (p.word === q.word && visit(i + 1, j + 1)) return true;
    if (p.abbreviation && !q.abbreviation) {
      for (const end of abbreviationEnds(p.abbreviation, y, j)) if (visit(i + 1, end)) return true;
    }
    if (q.abbreviation && !p.abbreviation) {
      for (const end of abbreviationEnds(q.abbreviation, x, i)) if (visit(end, j + 1)) return true;
    }
    return false;
  };
  if (visit(0, 0)) return "same";
  return leading ? "leading" : "none";
}

export interface UnitMatching {
  /** Per index in `left`, the index in `right` it is matched to, or -1. */
  readonly rightOf: ReadonlyArray<number>;
  readonly unmatchedLeft: ReadonlyArray<number>;
  readonly unmatchedRight: ReadonlyArray<number>;
}

/**
 * The positions of equal keys in a list: the first index of each key, and a chain from each index
 * to the next one with the same key (a name listed again). Built once per table, it finds the
 * table's duplicated names and matches another table against it.
 */
export interface KeyIndex {
  readonly first: ReadonlyMap<string, number>;
  /** Per index, the next index with the same key, or -1. */
  readonly next: ReadonlyArray<number>;
  /** The indices whose key came earlier (a name listed again), in order, each with the first index of its key. */
  readonly repeats: ReadonlyArray<{ readonly index: number; readonly first: number }>;
}

export function indexKeys(keys: ReadonlyArray<string>): KeyIndex {
  const first = new Map<string, number>();
  const next: number[] = new Array<number>(keys.length).fill(-1);
  const repeats: Array<{ index: number; first: number }> = [];
  // The last index of each repeated key's chain, while the chain is built (names are rarely listed twice).
  let tails: Map<string, number> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const head = first.get(k);
    if (head === undefined) {
      first.set(k, i);
      continue;
    }
    repeats.push({ index: i, first: head });
    tails ??= new Map();
    next[tails.get(k) ?? head] = i;
    tails.set(k, i);
  }
  return { first, next, repeats };
}

/**
 * Matches the names of two tables one to one: equal keys first (the n-th left name of a key with
 * the n-th right name of it), then names that are the same by abbreviation, then leading-part
 * names, each only when it is the only candidate both ways. `keys` (the names' keys, and the right
 * side's index when the caller has it) spares computing them again.
 */
export function matchUnits(
  left: ReadonlyArray<string>,
  right: ReadonlyArray<string>,
  keys?: {
    readonly left: ReadonlyArray<string>;
    readonly right: ReadonlyArray<string>;
    readonly rightIndex?: KeyIndex;
  },
): UnitMatching {
  const leftKeys = keys?.left ?? left.map((name) => nameKey(name));
  const rightKeys = keys?.right ?? right.map((name) => nameKey(name));
  const index = keys?.rightIndex ?? indexKeys(rightKeys);
  const rightOf: number[] = new Array<number>(left.length).fill(-1);
  const leftTaken: boolean[] = new Array<boolean>(left.length).fill(false);
  const rightTaken: boolean[] = new Array<boolean>(right.length).fill(false);
  const taken: Taken = { rightOf, leftTaken, rightTaken };
  let pairs = 0;
  for (let i = 0; i < leftKeys.length; i++) {
    let j = index.first.get(leftKeys[i]!) ?? -1;
    while (j >= 0 && rightTaken[j]) j = index.next[j]!;
    if (j >= 0) {
      pair(taken, i, j);
      pairs++;
    }
  }
  // Names left over on both sides are compared by their words.
  if (pairs < left.length && pairs < right.length) {
    const related = relatedLeftovers(left, right, leftKeys, rightKeys, leftTaken, rightTaken);
    for (const kind of ["same", "leading"] as const) {
      const byRight = new Map<number, number[]>();
      const byLeft = new Map<number, number[]>();
      for (const { i, j, m } of related) {
        if (leftTaken[i] || rightTaken[j]) continue;
        if (m === kind || (kind === "leading" && m === "same")) {
          (byRight.get(j) ?? byRight.set(j, []).get(j)!).push(i);
          (byLeft.get(i) ?? byLeft.set(i, []).get(i)!).push(j);
        }
      }
      for (const [j, list] of byRight) {
        const i = list[0]!;
        if (list.length === 1 && byLeft.get(i)!.length === 1) pair(taken, i, j);
      }
    }
  }
  return { rightOf, unmatchedLeft: untaken(leftTaken), unmatchedRight: untaken(rightTaken) };
}

/** A matching while it is made: who is paired with whom, who is taken on each side. */
interface Taken {
  readonly rightOf: number[];
  readonly leftTaken: boolean[];
  readonly rightTaken: boolean[];
}

/** Pairs left `i` with right `j` (a top-level function, not a closure made per call: see rankUnits). */
function pair(t: Taken, i: number, j: number): void {
  t.rightOf[i] = j;
  t.leftTaken[i] = true;
  t.rightTaken[j] = true;
}

/** The positions not taken. */
function untaken(taken: ReadonlyArray<boolean>): number[] {
  const list: number[] = [];
  for (let k = 0; k < taken.length; k++) if (!taken[k]) list.push(k);
  return list;
}

/** The first letter of a key, accents stripped. */
function initialOf(key: string): string {
  const c = key.charAt(0);
  return c < "\u0080" ? c : stripAccents(c);
}

function firstWord(key: string): string {
  const space = key.indexOf(" ");
  return space < 0 ? key : key.slice(0, space);
}

function startsWithAbbreviation(name: string): boolean {
  return abbreviationLetters(name.trimStart().split(/[^\p{L}&]/u, 1)[0] ?? "") !== undefined;
}

/**
 * The pairs of names not taken yet that relate (the same by abbreviation, or one a leading part of
 * the other). Only names whose first words share an initial can relate (a first word or an
 * abbreviation's first letter must agree): names are grouped by that initial and tokenized once,
 * when their group has a partner.
 */
function relatedLeftovers(
  left: ReadonlyArray<string>,
  right: ReadonlyArray<string>,
  leftKeys: ReadonlyArray<string>,
  rightKeys: ReadonlyArray<string>,
  leftTaken: ReadonlyArray<boolean>,
  rightTaken: ReadonlyArray<boolean>,
): Array<{ i: number; j: number; m: NameMatch }> {
  const groups = new Map<string, { left: number[]; right: number[] }>();
  for (let i = 0; i < left.length; i++) {
    if (leftTaken[i]) continue;
    const initial = initialOf(leftKeys[i]!);
    const g = groups.get(initial);
    if (g) g.left.push(i);
    else groups.set(initial, { left: [i], right: [] });
  }
  for (let j = 0; j < right.length; j++) {
    if (!rightTaken[j]) groups.get(initialOf(rightKeys[j]!))?.right.push(j);
  }
  const related: Array<{ i: number; j: number; m: NameMatch }> = [];
  const tokensOfLeft = new Map<number, Token[]>();
  for (const g of groups.values()) {
    if (g.right.length === 0) continue;
    // Within a group, a pair is worth tokenizing only when the first words agree, or when one
    // name starts with an abbreviation (its first letter already agrees: same group).
    const leftFirst = g.left.map((i) => firstWord(leftKeys[i]!));
    const leftAbbr = g.left.map((i) => startsWithAbbreviation(left[i]!));
    for (const j of g.right) {
      const yFirst = firstWord(rightKeys[j]!);
      const yAbbr = startsWithAbbreviation(right[j]!);
      let y: Token[] | undefined;
      for (let a = 0; a < g.left.length; a++) {
        if (leftFirst[a] !== yFirst && leftAbbr[a] === yAbbr) continue;
        const i = g.left[a]!;
        y ??= nameTokens(right[j]!);
        let x = tokensOfLeft.get(i);
        if (!x) tokensOfLeft.set(i, (x = nameTokens(left[i]!)));
        if (!mayMatch(x, y)) continue;
        const m = matchTokens(x, y);
        if (m !== "none") related.push({ i, j, m });
      }
    }
  }
  return related;
}
