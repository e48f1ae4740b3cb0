/**
 * `cqs export <workbook.xlsx> --docx <new.docx>`: the decision's appendices as a Word document
 * (Decree 30/2020/NĐ-CP layout), built from the same core analysis as `check` and `rank`.
 * Exit 0 when written; 2 on unusable input (the caller maps errors to one line on stderr).
 */
import { appendixModel, type Analysis } from "../core";
import { appendixDocx } from "../adapters/docx/appendix";
import { checkOutputPath, writeOutputFile } from "../adapters/xlsx";
import type { CliOptions } from "./args";
import { renderBlockCharts } from "./charts";
import { CLI_TEXT } from "./text";

export interface ExportIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export async function exportAppendix(
  opts: CliOptions,
  file: string,
  io: ExportIo,
  analyze: (opts: CliOptions, file: string) => Promise<{ analysis: Analysis }>,
): Promise<number> {
  const outPath = opts.docx!;
  const text = CLI_TEXT[opts.lang];
  // A refused output (exists, is the input, no such folder) fails before any work.
  await checkOutputPath(file, outPath, opts.force);
  const { analysis } = await analyze(opts, file);
  const model = appendixModel(analysis, {
    lang: opts.lang,
    ...(opts.decision !== undefined ? { decision: opts.decision } : {}),
    ...(opts.date !== undefined ? { date: opts.date } : {}),
    withCriteria: opts.withCriteria === true,
  });
  const charts = opts.withCharts ? await renderBlockCharts(model, io.err) : undefined;
  const bytes = await appendixDocx(model, {
    withCriteria: opts.withCriteria === true,
    ...(charts ? { charts } : {}),
  });
  const written = await writeOutputFile(file, outPath, Buffer.from(bytes), opts.force);
  const given = opts.decision !== undefined || opts.date !== undefined;
  for (const b of model.blocks) {
    if (b.decisionFrom === "source" && given) {
      io.err(text.decisionFromSheet({ sheet: b.sheet, line: b.decisionLine }));
    } else if (b.decisionFrom === "placeholder") {
      io.err(text.decisionPlaceholder({ sheet: b.sheet }));
    }
  }
  const errors = analysis.summary.error;
  if (errors > 0) io.err(text.exportRecomputed({ errors, file }));
  io.out(
    text.written({ file: written }) +
      model.blocks
        .map((b) =>
          text.appendixSummary({
            label: b.label,
            units: b.rows.length,
            counts: `${b.counts.I}/${b.counts.II}/${b.counts.III}/${b.counts.IV}`,
          }),
        )
        .join(", "),
  );
  return 0;
}
