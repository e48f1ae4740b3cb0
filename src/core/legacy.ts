/**
 * Names typed in the old 8-bit Vietnamese encodings, as they read once a file written with the
 * legacy fonts is opened as Unicode: TCVN3 (ABC: ".VnTime") shows "Sở Tài chính" as
 * "Së Tµi chÝnh"; VNI ("VNI-Times") shows it as "Sôû Taøi chính". Common in provincial files.
 *
 * TCVN3 is one byte per letter; the table below maps each byte, as its Windows-1252 character, to
 * the letter of TCVN 5712 (as glibc's TCVN5712-1 decodes it; the combining positions are left
 * out). VNI writes a base letter followed by a byte for the vowel mark and the tone.
 */

/** Windows-1252 characters of TCVN3 bytes 0x80–0xFF, and the letters they stand for. */
const TCVN3_FROM =
  "\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178" +
  "\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae\u00af" +
  "\u00b5\u00b6\u00b7\u00b8\u00b9\u00ba\u00bb\u00bc\u00bd\u00be\u00bf" +
  "\u00c0\u00c1\u00c2\u00c3\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf" +
  "\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df" +
  "\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef" +
  "\u00f0\u00f1\u00f2\u00f3\u00f4\u00f5\u00f6\u00f7\u00f8\u00f9\u00fa\u00fb\u00fc\u00fe\u00ff";
const TCVN3_TO =
  "ÀÃÁẠẶẬÈẺẼÉẸỆỈỊÒỎÕÓỌỘỜỞỠỚỢỦŨ" +
  "ĂÂÊÔƠƯĐăâêôơưđẶ" +
  "àảãáạẲằẳẵắẴ" +
  "ẮẦẨẪẤỀặầẩẫấậèỂẻẽé" +
  "ẹềểễếệìỉỄẾỒĩíịòỔ" +
  "ỏõóọồổỗốộờởỡớợùỖ" +
  "ủũúụừửữứựỳỷỹỵỐ";

const TCVN3 = new Map<string, string>();
{
  const from = [...TCVN3_FROM];
  const to = [...TCVN3_TO];
  from.forEach((c, i) => TCVN3.set(c, to[i]!));
}

/** VNI: the byte after a vowel, as its Windows-1252 character → [vowel mark, tone]. */
const VNI_MODIFIERS: ReadonlyMap<string, readonly [string, string]> = new Map(
  (
    [
      // tones alone: acute, grave, hook, tilde, dot below
      ["ù", "", "\u0301"],
      ["ø", "", "\u0300"],
      ["û", "", "\u0309"],
      ["õ", "", "\u0303"],
      ["ï", "", "\u0323"],
      // circumflex (â, ê, ô), with each tone
      ["â", "\u0302", ""],
      ["á", "\u0302", "\u0301"],
      ["à", "\u0302", "\u0300"],
      ["å", "\u0302", "\u0309"],
      ["ã", "\u0302", "\u0303"],
      ["ä", "\u0302", "\u0323"],
      // breve (ă), with each tone
      ["ê", "\u0306", ""],
      ["é", "\u0306", "\u0301"],
      ["è", "\u0306", "\u0300"],
      ["ú", "\u0306", "\u0309"],
      ["ü", "\u0306", "\u0303"],
      ["ë", "\u0306", "\u0323"],
    ] as const
  ).flatMap(([c, mark, tone]) => [
    [c, [mark, tone] as const],
    [c.toUpperCase(), [mark, tone] as const],
  ]),
);

/** VNI single characters: ơ, ư, đ, and i and y with their tones. */
const VNI_SINGLE: ReadonlyMap<string, string> = new Map(
  (
    [
      ["ô", "ơ"],
      ["ö", "ư"],
      ["ñ", "đ"],
      ["í", "í"],
      ["ì", "ì"],
      ["æ", "ỉ"],
      ["ó", "ĩ"],
      ["ò", "ị"],
      ["î", "ỵ"],
    ] as const
  ).flatMap(([c, v]) => [
    [c, v],
    [c.toUpperCase(), v.toUpperCase()],
  ]),
);

const VNI_BASES = /[aeouyAEOUYơưƠƯ]/;

function decodeTcvn3(s: string): string {
  let out = "";
  for (const c of s) out += TCVN3.get(c) ?? c;
  return out;
}

function decodeVni(s: string): string {
  let out = "";
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const single = VNI_SINGLE.get(c);
    const base = single ?? c;
    const next = chars[i + 1];
    const mod = next !== undefined ? VNI_MODIFIERS.get(next) : undefined;
    if (mod && VNI_BASES.test(base)) {
      const [mark, tone] = mod;
      // A breve goes on a only; on e and o the same bytes mean circumflex + tone in VNI's table.
      out += (base + (mark === "\u0306" && !/[aA]/.test(base) ? "\u0302" : mark) + tone).normalize("NFC");
      i++;
      continue;
    }
    out += base;
  }
  return out;
}

/** Every letter of Vietnamese, lower and upper case, precomposed. */
const VIETNAMESE = new Set(
  [..."aăâbcdđeêghiklmnoôơpqrstuưvxy"].flatMap((b) => {
    const forms = [b, b.toUpperCase()];
    if (/[aăâeêioôơuưy]/.test(b)) {
      for (const tone of ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]) {
        const t = (b + tone).normalize("NFC");
        forms.push(t, t.toUpperCase());
      }
    }
    return forms;
  }),
);

const TONED = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** The vowel nuclei of Vietnamese syllables, without tone. */
const NUCLEI = new Set(
  (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ uy ưa ưi ưu ươ yê " +
    "iêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu yêu"
  ).split(" "),
);
const SYLLABLE =
  /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?([aăâeêioôơuưy]{1,3})(ch|ng|nh|[cmnpt])?$/;

/** Whether a word has the shape of a Vietnamese syllable (case, one tone, initial, nucleus, final). */
function isSyllable(word: string): boolean {
  if (word.length > 1 && word !== word.toUpperCase() && /\p{Lu}/u.test(word.slice(1))) return false;
  const d = word.normalize("NFD");
  if ((d.match(TONED)?.length ?? 0) > 1) return false;
  const bare = d.replace(TONED, "").normalize("NFC").toLowerCase();
  const m = SYLLABLE.exec(bare);
  if (!m) return false;
  // "gi" and "qu" keep their vowel letter: "gì", "quả" have nuclei "i" and "a".
  return NUCLEI.has(m[2]!) || (m[1] === "gi" && m[2] === "") || (m[1] === "qu" && NUCLEI.has(m[2]!));
}

/**
 * How un-Vietnamese a text looks: letters outside the alphabet, and words with letters beyond
 * ASCII that are not Vietnamese syllables. ASCII-only words (abbreviations, foreign names) count
 * for nothing either way.
 */
function oddness(s: string): number {
  let n = 0;
  for (const c of s) {
    if (/[\p{L}]/u.test(c) && !/[a-zA-Z]/.test(c) && !VIETNAMESE.has(c)) n++;
  }
  // Words split on spaces and ASCII punctuation only: a legacy byte such as "\u00ad" or "¬" stays
  // inside its word and spoils it.
  for (const word of s.split(/[\s!-/:-@[-`{-~\u2013\u2014\u2026\u201c\u201d\u2018\u2019]+/u)) {
    if (!/\p{L}/u.test(word) || /^[!-~]+$/.test(word)) continue;
    if (!isSyllable(word)) n++;
  }
  return n;
}

/**
 * Characters that legacy bytes turn into and Vietnamese text never holds: the quick test that
 * keeps ordinary names off the slower path. Punctuation common in Unicode text (dashes, quotes,
 * ellipsis, bullets) is left out.
 */
const SUSPECTS = new Set(
  [...TCVN3.keys(), ...VNI_MODIFIERS.keys(), ...VNI_SINGLE.keys()].filter(
    (c) => !VIETNAMESE.has(c) && !"–—‘’“”…•·".includes(c),
  ),
);

/** The suspects by char code, for a test without regular expressions, strings or hashing. */
const SUSPECT_CODES = new Uint8Array(Math.max(...[...SUSPECTS].map((c) => c.charCodeAt(0))) + 1);
for (const c of SUSPECTS) SUSPECT_CODES[c.charCodeAt(0)] = 1;

function hasSuspect(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < SUSPECT_CODES.length && SUSPECT_CODES[code] === 1) return true;
  }
  return false;
}

export type LegacyEncoding = "TCVN3" | "VNI";

/**
 * The Unicode spelling of a text written in TCVN3 or VNI, or undefined when the text reads as
 * ordinary Unicode Vietnamese (or as neither encoding).
 */
export function decodeLegacyVietnamese(text: string): { text: string; encoding: LegacyEncoding } | undefined {
  if (!hasSuspect(text)) return undefined;
  const base = oddness(text);
  if (base === 0) return undefined;
  const candidates = [
    { text: decodeTcvn3(text), encoding: "TCVN3" as const },
    { text: decodeVni(text), encoding: "VNI" as const },
  ]
    .filter((c) => c.text !== text)
    .map((c) => ({ ...c, odd: oddness(c.text) }))
    .filter((c) => c.odd === 0);
  // Exactly one encoding must turn the text into plain Vietnamese.
  if (candidates.length !== 1) return undefined;
  return { text: candidates[0]!.text, encoding: candidates[0]!.encoding };
}
