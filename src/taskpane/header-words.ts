/**
 * The framework editor's header words: per role (unit, total, max, …), the framework's own ways
 * of heading that column, typed in one field and separated by semicolons (commas occur in
 * headers). A word left empty between two semicolons, or listed twice, in one role or in two, cannot
 * be saved: the core's rule (headerWordProblem), which the framework loader applies too.
 */
import {
  HEADER_ROLES,
  headerWordProblem,
  type Framework,
  type HeaderRole,
  type HeaderWordProblem,
} from "../core";

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

/** The first problem of the fields' texts (the core's rule, on the words as typed, empty pieces included). */
export function headerWordsProblem(
  texts: Readonly<Partial<Record<HeaderRole, string>>>,
): HeaderWordProblem | undefined {
  const words: Partial<Record<HeaderRole, string[]>> = {};
  for (const role of HEADER_ROLES) words[role] = wordsOfText(texts[role] ?? "");
  return headerWordProblem(words);
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
