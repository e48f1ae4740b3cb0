/**
 * The framework a workbook implies: the one `check` applies, as one framework for the whole
 * workbook. Where every table is checked with the given framework (the 2022 decision under
 * tth-2021), it is that one; where tables imply their own (criteria and maxima from their headers,
 * self-describing tables of another scale), those are its indices, each applying to the table whose
 * header it describes: under the given framework where some table is checked with it, else under
 * the first table's. Checking with the result finds what checking with the given one finds (the
 * same errors and warnings, code and cell, and totals): each candidate is checked so before it is
 * offered, and where none does, the given framework is.
 */
import { analyzeWorkbook, type Analysis } from "./analyze";
import { frameworkFromJson, frameworkToJson, type Framework } from "./framework";
import type { WorkbookGrid } from "./grid";
import { LIBRARY } from "./library";

/** Why no framework can be inferred: the workbook has no table the check reads. */
export class InferError extends Error {
  override readonly name = "InferError";
  constructor(readonly code: "NO_TABLE") {
    super(code);
  }
}

function sameFramework(a: Framework, b: Framework): boolean {
  return a === b || JSON.stringify(frameworkToJson(a)) === JSON.stringify(frameworkToJson(b));
}

/** A block's framework and the levels typed in its table where the framework knows none. */
interface BlockFramework {
  readonly framework: Framework;
  /** The same with the level names typed in the table, in the order seen (no bounds). */
  readonly withLevels: Framework;
}

/**
 * The frameworks of the blocks in the order of the workbook, without repeats, other than the given
 * one and its indices, and whether some block is checked with the given one or one of its indices.
 */
function blockFrameworks(
  analysis: Analysis,
  given: Framework,
): { list: BlockFramework[]; usesGiven: boolean } {
  const list: BlockFramework[] = [];
  let usesGiven = false;
  const known = [given, ...(given.indices ?? [])];
  for (const b of analysis.blocks) {
    // A framework the sheet implies may differ from the given one by its subject only.
    const fw = b.framework;
    if (known.some((k) => k === fw || sameFramework({ ...k, subject: fw.subject }, fw))) {
      usesGiven = true;
      continue;
    }
    const withLevels =
      !b.levelBoundsKnown && b.levels.length > 0 && (fw.levels?.length ?? 0) === 0
        ? {
            ...fw,
            levels: b.levels.map((name) => ({ name })),
            thresholdsSource: "Suy ra từ bảng: các mức theo thứ tự gặp trong bảng, không có ngưỡng",
          }
        : fw;
    if (!list.some((f) => sameFramework(f.framework, fw))) list.push({ framework: fw, withLevels });
  }
  return { list, usesGiven };
}

/** A framework without the parts only the library's copy may carry (its id) and its indices. */
function plain(fw: Framework): Framework {
  const { id: _id, indices: _indices, ...rest } = fw;
  return rest;
}

/** The library's copy of the given framework, where it is one (the default: tth-2021). */
function libraryCopy(given: Framework): Framework {
  if (given.id) return given;
  return LIBRARY.find((f) => sameFramework({ ...f, id: undefined } as Framework, given)) ?? given;
}

/** `primary` with `others` added to its indices (no longer the library's copy where it has any). */
function withIndices(primary: Framework, others: ReadonlyArray<Framework>): Framework {
  if (others.length === 0) return primary;
  const { id: _id, ...rest } = primary;
  return { ...rest, indices: [...(primary.indices ?? []), ...others.map(plain)] };
}

/**
 * The frameworks to offer, best first: the sheet's (each block's in turn as the primary, the others
 * as its indices), then the given one with the sheet's as indices; with the typed levels first and
 * then without them, where some block has typed levels. The given one alone comes last.
 */
function candidates(analysis: Analysis): Framework[] {
  const given = libraryCopy(analysis.framework);
  const { list, usesGiven } = blockFrameworks(analysis, analysis.framework);
  if (list.length === 0) return [given];
  const variants = list.some((b) => b.withLevels !== b.framework)
    ? [list.map((b) => b.withLevels), list.map((b) => b.framework)]
    : [list.map((b) => b.framework)];
  const out: Framework[] = [];
  if (!usesGiven)
    for (const fws of variants)
      fws.forEach((fw, i) =>
        out.push(
          withIndices(
            plain(fw),
            fws.filter((_, k) => k !== i),
          ),
        ),
      );
  for (const fws of variants) out.push(withIndices(given, fws));
  out.push(given);
  return out;
}

/** What the comparison covers: errors and warnings (code and cell), and each block's totals. */
function outcome(analysis: Analysis): string {
  return JSON.stringify([
    analysis.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.sheet}!${f.cell}`),
    analysis.blocks.map((b) => b.units.map((u) => u.total?.toString() ?? "")),
  ]);
}

/** The framework as saved to a file and read back, or undefined where it would not read back. */
function throughJson(fw: Framework): Framework | undefined {
  try {
    return frameworkFromJson(JSON.parse(JSON.stringify(frameworkToJson(fw))));
  } catch {
    return undefined;
  }
}

/**
 * The framework `check` applies to the workbook (`given`: the workbook's settings or the default),
 * as one framework. Throws InferError where the workbook has no table the check reads.
 */
export function inferFramework(workbook: WorkbookGrid, given: Framework): Framework {
  return inferFromAnalysis(analyzeWorkbook(workbook, given));
}

/** The same from a check already made (the pane's last check): its blocks' frameworks as one. */
export function inferFromAnalysis(analysis: Analysis): Framework {
  if (analysis.blocks.length === 0) throw new InferError("NO_TABLE");
  // The sheets the check read, to check each candidate on.
  const workbook: WorkbookGrid = {
    name: analysis.workbook,
    sheets: analysis.model.sheets.map((s) => s.grid),
  };
  const expected = outcome(analysis);
  const all = candidates(analysis);
  for (const candidate of all.slice(0, -1)) {
    const back = throughJson(candidate);
    if (back && outcome(analyzeWorkbook(workbook, back)) === expected) return candidate;
  }
  return all[all.length - 1]!;
}
