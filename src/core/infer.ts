/**
 * The framework a workbook implies: the one `check` applies, as one framework for the whole
 * workbook. Where every table is checked with the given framework (the 2022 decision under
 * tth-2021), it is that one; where tables imply their own (criteria and maxima from their headers,
 * self-describing tables of another scale), the first table's framework with the others as indices.
 */
import { analyzeWorkbook, type Analysis } from "./analyze";
import { frameworkToJson, type Framework } from "./framework";
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

/**
 * The framework of each block in the order of the workbook, without repeats, and whether all of
 * them are the given framework or one of its indices.
 */
function blockFrameworks(analysis: Analysis, given: Framework): { list: Framework[]; allGiven: boolean } {
  const list: Framework[] = [];
  let allGiven = true;
  const known = [given, ...(given.indices ?? [])];
  for (const b of analysis.blocks) {
    // A framework the sheet implies may differ from the given one by its subject only.
    const fw = b.framework;
    const isGiven = known.some((k) => k === fw || sameFramework({ ...k, subject: fw.subject }, fw));
    if (!isGiven) allGiven = false;
    // Levels typed in the table, where the framework knows none: their names in the order seen.
    const withLevels =
      !isGiven && !b.levelBoundsKnown && b.levels.length > 0 && (fw.levels?.length ?? 0) === 0
        ? {
            ...fw,
            levels: b.levels.map((name) => ({ name })),
            thresholdsSource: "Suy ra từ bảng: các mức theo thứ tự gặp trong bảng, không có ngưỡng",
          }
        : fw;
    if (!list.some((f) => sameFramework(f, withLevels))) list.push(withLevels);
  }
  return { list, allGiven };
}

/** A framework without the parts only the library's copy may carry (its id) and its indices. */
function plain(fw: Framework): Framework {
  const { id: _id, indices: _indices, ...rest } = fw;
  return rest;
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
  const given = analysis.framework;
  if (analysis.blocks.length === 0) throw new InferError("NO_TABLE");
  const { list, allGiven } = blockFrameworks(analysis, given);
  // The library's copy where the given framework is one of them (the default: tth-2021).
  if (allGiven)
    return (
      (given.id
        ? undefined
        : LIBRARY.find((f) => sameFramework({ ...f, id: undefined } as Framework, given))) ?? given
    );
  const [first, ...rest] = list;
  const name = first!.name;
  return {
    ...plain(first!),
    name,
    ...(rest.length > 0 ? { indices: rest.map(plain) } : {}),
  };
}
