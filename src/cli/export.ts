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
  const vi = opts.lang === "vi";
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
      io.err(
        vi
          ? `${b.sheet}: dùng dòng quyết định của trang tính "${b.decisionLine}" (không dùng --decision/--date).`
          : `${b.sheet}: the sheet's own decision line is used: "${b.decisionLine}" (not --decision/--date).`,
      );
    } else if (b.decisionFrom === "placeholder") {
      io.err(
        vi
          ? `${b.sheet}: chưa có số và ngày quyết định, để trống "…" (thêm --decision và --date).`
          : `${b.sheet}: no decision number or date, left as "…" (add --decision and --date).`,
      );
    }
  }
  const errors = analysis.summary.error;
  if (errors > 0) {
    io.err(
      vi
        ? `Sổ tính có ${errors} lỗi (xem: cqs check "${file}"); phụ lục dùng tổng điểm tính lại, tổng điểm bị sửa có chú thích.`
        : `The workbook has ${errors} error(s) (see: cqs check "${file}"); the appendix uses recomputed totals, changed totals are footnoted.`,
    );
  }
  io.out(
    (vi ? `Đã ghi ${written}: ` : `Written ${written}: `) +
      model.blocks
        .map(
          (b) =>
            `${b.label} (${b.rows.length} ${vi ? "đơn vị" : "units"}, ${vi ? "mức" : "levels"} I/II/III/IV: ${b.counts.I}/${b.counts.II}/${b.counts.III}/${b.counts.IV})`,
        )
        .join(", "),
  );
  return 0;
}
