/**
 * The framework editor's header words: per role (unit, total, max, …), the framework's own ways
 * of heading that column, typed in one field and separated by semicolons (commas occur in
 * headers). A word left empty between two semicolons, or listed twice, in one role or in two (the
 * check would read such a column as the first role only), cannot be saved.
 */
import { foldHeader, HEADER_ROLES, type Framework, type HeaderRole } from "../core";

export const WORD_SEPARATOR = ";";

/** The words of a field as typed, trimmed; a last blank piece (a separator just typed) is left out. */
export function wordsOfText(text: string): string[] {
  const pieces = text.split(WORD_SEPARATOR).map((p) => p.trim());
  if (pieces.length > 0 && pieces[pieces.length - 1] === "") pieces.pop();
  return pieces;
}

/** A field's text for its words. */
export function textOfWords(words: ReadonlyArray<string> | undefined): string {
  return (words ?? []).join(`${WORD_SEPARATOR} `);
}

/** What is wrong with the words typed: the role's field, and the word and where it already was. */
export interface HeaderWordProblem {
  readonly role: HeaderRole;
  readonly code: "EMPTY" | "REPEATED";
  readonly word?: string;
  /** The role the word was listed at first (the same role: twice in one field). */
  readonly first?: HeaderRole;
}

/** The first problem of the fields' texts, role by role in the order of HEADER_ROLES. */
export function headerWordsProblem(
  texts: Readonly<Partial<Record<HeaderRole, string>>>,
): HeaderWordProblem | undefined {
  const seen = new Map<string, HeaderRole>();
  for (const role of HEADER_ROLES) {
    for (const word of wordsOfText(texts[role] ?? "")) {
      const key = foldHeader(word);
      // A word of punctuation only names nothing the check could read.
      if (key === "") return word === "" ? { role, code: "EMPTY" } : { role, code: "EMPTY", word };
      const first = seen.get(key);
      if (first !== undefined) return { role, code: "REPEATED", word, first };
      seen.set(key, role);
    }
  }
  return undefined;
}

/** The framework with one role's words set from its field's text (no words: the role left out). */
export function withRoleWords(framework: Framework, role: HeaderRole, text: string): Framework {
  const words = wordsOfText(text).filter((w) => w !== "");
  const next: Partial<Record<HeaderRole, ReadonlyArray<string>>> = { ...(framework.words ?? {}) };
  if (words.length > 0) next[role] = words;
  else delete next[role];
  const { words: _words, ...rest } = framework;
  return Object.keys(next).length > 0 ? { ...rest, words: next } : rest;
}
