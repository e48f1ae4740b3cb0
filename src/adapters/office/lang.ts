/**
 * The add-in's language from Office's display language: English where Office says it is English,
 * else Vietnamese, the first language (also where there is no `Office.context`: the custom
 * functions' JavaScript-only runtime, a page outside Office). Read on each call, so a change of
 * display language is followed. Used by the ribbon commands and the custom functions' messages.
 */
import type { Lang } from "../../core/messages";

export function displayLang(): Lang {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
    const display = office?.context?.displayLanguage;
    return typeof display === "string" && /^en\b/i.test(display) ? "en" : "vi";
  } catch {
    // Office.context throws outside Office on some hosts.
    return "vi";
  }
}
