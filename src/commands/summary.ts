/**
 * What a ribbon command shows when it is done: a short summary, computed by the command and
 * passed to the dialog page in its URL (base64url of UTF-8 JSON: compact for Vietnamese text).
 */
import type { Lang, Severity } from "../core";

export interface RibbonSummary {
  readonly lang: Lang;
  readonly kind: "check" | "rank" | "error";
  readonly intent: "success" | "warning" | "error";
  readonly title: string;
  readonly lines: ReadonlyArray<string>;
  /** The first findings, most severe first. */
  readonly findings: ReadonlyArray<{
    readonly severity: Severity;
    readonly text: string;
    readonly where: string;
  }>;
  /** How many findings were left out. */
  readonly more: number;
}

/** The query parameter that carries the summary. */
export const SUMMARY_PARAM = "r";

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function encodeSummary(summary: RibbonSummary): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(summary)));
}

/** The summary in a dialog URL's query, or undefined when it is missing or damaged. */
export function decodeSummarySafe(search: string): RibbonSummary | undefined {
  try {
    const raw = new URLSearchParams(search).get(SUMMARY_PARAM);
    if (!raw) return undefined;
    const parsed = JSON.parse(new TextDecoder().decode(fromBase64Url(raw))) as RibbonSummary;
    if (typeof parsed !== "object" || parsed === null || !Array.isArray(parsed.lines)) return undefined;
    return parsed;
  } catch {
    return undefined;
  }
}
