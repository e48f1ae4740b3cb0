/**
 * The pane's Word export: the same document as `cqs export` (the core's appendix model, the docx
 * adapter), saved as a download. Loaded only when the button is pressed (a dynamic import), so the
 * pane's first load does not carry the .docx library.
 */
import { appendixModel, type Analysis, type Lang } from "../core";
import { appendixDocx } from "../adapters/docx/appendix";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** "Báo cáo 2022.xlsx" → "Báo cáo 2022 - phụ lục.docx". */
export function docxFileName(workbook: string, lang: Lang): string {
  const base = workbook.replace(/\.(xlsx|xlsm|xls)$/i, "").trim() || "CQS";
  return `${base} - ${lang === "vi" ? "phụ lục" : "appendix"}.docx`;
}

/** The .docx bytes of an analysis, as `cqs export` writes them (without charts or criteria tables). */
export async function appendixDocxBytes(analysis: Analysis, lang: Lang): Promise<Uint8Array> {
  return appendixDocx(appendixModel(analysis, { lang }));
}

/** Saves bytes as a file download from the pane's page. */
export function saveDownload(bytes: Uint8Array, fileName: string, doc: Document = document): void {
  const blob = new Blob([bytes as BlobPart], { type: DOCX_TYPE });
  const url = URL.createObjectURL(blob);
  try {
    const a = doc.createElement("a");
    a.href = url;
    a.download = fileName;
    a.rel = "noopener";
    a.style.display = "none";
    doc.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // Revoked after the click has been handled.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
