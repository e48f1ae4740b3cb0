/**
 * Folding Vietnamese text for comparisons.
 *
 * Two strengths:
 * - `foldHeader`: accents, case, numbering, punctuation and spacing removed — for column headers,
 *   where a lenient match is safe because the set of expected headers is small and known;
 * - `nameWords`: for unit names, where "Giáo" and "Giao" are different words. Case, spacing and
 *   punctuation fold, "&" reads as "và", and the tone mark is taken off the vowel it sits on and
 *   kept per syllable, so the old and new placements ("hoá"/"hóa", "Thuỷ"/"Thủy") agree.
 */

/** The five Vietnamese tone marks as combining characters (after NFD). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

/** Removes every diacritic and folds đ to d: "Tổng cộng" → "Tong cong". */
export function stripAccents(s: string): string {
  return s.normalize("NFD").replace(ALL_MARKS, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/** Common abbreviations in headers, expanded before comparing (folded forms). */
const HEADER_ABBREVIATIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bcqs\b/g, "chinh quyen so"],
  [/\bcqdt\b/g, "chinh quyen dien tu"],
  [/\bcq\b/g, "chinh quyen"],
  [/\bat\b/g, "an toan"],
  [/\bttt\b/g, "thong tin"],
];

/**
 * Folds a header for matching: "1. Nhận thức" → "nhan thuc"; "Nền tảng và CQ số" →
 * "nen tang va chinh quyen so"; "TỔNG ĐIỂM" → "tong diem"; "Nhận thức (8 điểm)" → "nhan thuc".
 */
export function foldHeader(s: string): string {
  let t = stripAccents(s.normalize("NFC")).toLowerCase();
  t = t.replace(/\([^)]*\)/g, " "); // "(8 điểm)", "(tối đa 52)"
  t = t.replace(/&/g, " va ");
  t = t.replace(/[^a-z0-9]+/g, " ").trim();
  // Numbering in front: "1 ", "i ", "tc1 ", "tieu chi 1 ".
  t = t.replace(/^(?:tieu chi\s*\d+|tc\s*\d+|\d+|[ivx]+)\s+(?=\S)/, "");
  for (const [re, full] of HEADER_ABBREVIATIONS) t = t.replace(re, full);
  return t.replace(/\s+/g, " ").trim();
}

/**
 * A bounded memo for pure string functions on hot paths: unit names and their syllables repeat
 * across the two tables of a block and across thousands of rows.
 */
function memo(fn: (s: string) => string, limit = 50_000): (s: string) => string {
  let cache = new Map<string, string>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= limit) cache = new Map();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Every precomposed letter that carries a tone mark (the vowels with each of the five tones). */
const TONED_LETTER = new RegExp(
  `[${[..."aăâeêioôơuưy"]
    .flatMap((v) => ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"].map((t) => (v + t).normalize("NFC")))
    .flatMap((c) => [c, c.toUpperCase()])
    .join("")}]`,
);

/** One syllable's comparison key (of an NFC, lower-case word): tone taken off, tone number appended. */
const tonedSyllableKey = memo((word: string): string => {
  const d = word.normalize("NFD");
  const tone = d.match(TONE_MARKS)?.[0];
  const base = d.replace(TONE_MARKS, "").normalize("NFC");
  return tone ? `${base}${"\u0300\u0301\u0303\u0309\u0323".indexOf(tone) + 1}` : base;
});

/** A word without a toned letter is its own key: no lookup, so unique codes don't fill the memo. */
function syllableKey(word: string): string {
  return TONED_LETTER.test(word) ? tonedSyllableKey(word) : word;
}

/**
 * Names that NFC leaves as they are and whose letters all lie where `isWordCode` serves (Latin,
 * Latin-1, Latin Extended-A, the Vietnamese letters of Extended-B and the precomposed ones).
 */
const NAME_FAST = /^[\x20-\x7e\u00a0-\u01b0\u1ea0-\u1ef9\u2013\u2014\u2018\u2019\u201c\u201d\u2026]*$/;

/**
 * Whether a character (lower case) of such a name belongs to a word: a digit or a letter (with the
 * superscripts and fractions Latin-1 counts as numbers); the rest separates words.
 */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
  if (c < 0xc0)
    return (
      c === 0xaa ||
      c === 0xb2 ||
      c === 0xb3 ||
      c === 0xb5 ||
      c === 0xb9 ||
      c === 0xba ||
      (c >= 0xbc && c <= 0xbe)
    );
  if (c <= 0x2af) return c !== 0xd7 && c !== 0xf7; // × and ÷
  return c >= 0x1ea0 && c <= 0x1ef9;
}

const AMPERSAND = 0x26;
/** "&" reads as "và" (its key). */
const VA = syllableKey("và");

/**
 * A name's words for matching, joined by single spaces: NFC, case folded, "&" = "và", punctuation
 * as spaces, each syllable's tone kept apart (syllableKey). Names of the usual letters are folded
 * in one pass over their characters; others go through NFC and Unicode's letter classes.
 */
export function foldName(name: string): string {
  if (!NAME_FAST.test(name)) {
    const t = name
      .normalize("NFC")
      .toLowerCase()
      .replace(/&/g, " và ")
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    return t === "" ? "" : t.split(" ").map(syllableKey).join(" ");
  }
  const lower = name.toLowerCase();
  let out = "";
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (isWordCode(c)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const word = syllableKey(lower.slice(start, i));
      out = out === "" ? word : `${out} ${word}`;
      start = -1;
    }
    if (c === AMPERSAND) out = out === "" ? VA : `${out} ${VA}`;
  }
  return out;
}

/** The words of a name for matching (see foldName). */
export function nameWords(name: string): string[] {
  const folded = foldName(name);
  return folded === "" ? [] : folded.split(" ");
}

/**
 * Longest abbreviation read as one: the ones units use have 2–6 letters ("UBND", "PTNT", "TB&XH",
 * "VH-TT&DL"); a longer run of capitals is a word written in capitals.
 */
export const MAX_ABBREVIATION = 12;

/** The tokens of a name that may be abbreviations: all capitals, 2+ letters ("PTNT", "TB&XH", "UBND"). */
export function abbreviationLetters(token: string): string | undefined {
  const letters = token.replace(/&/g, "");
  if (letters.length < 2 || letters.length > MAX_ABBREVIATION || !/^[\p{Lu}]+$/u.test(letters))
    return undefined;
  return stripAccents(letters).toLowerCase();
}

/** Single-spaced text that NFC leaves as it is (Latin, Vietnamese precomposed letters, common punctuation). */
const TIDY_ALREADY =
  /^[!-~\u00a1-\u02ff\u1ea0-\u1ef9\u2013\u2014\u2018\u2019\u201c\u201d\u2026]+(?: [!-~\u00a1-\u02ff\u1ea0-\u1ef9\u2013\u2014\u2018\u2019\u201c\u201d\u2026]+)*$/;

/** Collapses spacing and normalizes to NFC, for showing and comparing spellings as written. */
export function tidy(s: string): string {
  if (TIDY_ALREADY.test(s)) return s;
  return s
    .normalize("NFC")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}
