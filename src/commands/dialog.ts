/**
 * The ribbon commands' result dialog: renders the summary passed in its URL (./summary.ts) and
 * closes through a message to the command. Plain DOM, text only (no HTML from the URL).
 */
import type { Lang } from "../core";
import { decodeSummarySafe, type RibbonSummary } from "./summary";

const CLOSE: Readonly<Record<Lang, string>> = { vi: "Đóng", en: "Close" };
const MORE: Readonly<Record<Lang, (n: number) => string>> = {
  vi: (n) => `… và ${n} mục khác trong bảng điều khiển.`,
  en: (n) => `… and ${n} more in the control panel.`,
};
const NOTHING: Readonly<Record<Lang, string>> = {
  vi: "Không có gì để hiển thị.",
  en: "Nothing to show.",
};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function close(): void {
  try {
    Office.context.ui.messageParent("close");
  } catch {
    window.close();
  }
}

export function renderSummary(root: HTMLElement, summary: RibbonSummary | undefined): void {
  const lang: Lang = summary?.lang === "en" ? "en" : "vi";
  document.documentElement.lang = lang;
  root.replaceChildren();
  if (!summary) {
    root.append(element("p", NOTHING[lang]));
  } else {
    document.title = `CQS – ${summary.title}`;
    root.append(element("h1", summary.title, summary.intent));
    for (const line of summary.lines) root.append(element("p", line));
    if (summary.findings.length > 0) {
      const list = element("ul");
      for (const f of summary.findings) {
        const item = element("li", undefined, f.severity);
        item.append(element("div", f.text), element("div", f.where, "where"));
        list.append(item);
      }
      root.append(list);
    }
    if (summary.more > 0) root.append(element("p", MORE[lang](summary.more), "more"));
  }
  const button = element("button", CLOSE[lang]);
  button.type = "button";
  button.addEventListener("click", close);
  const actions = element("p");
  actions.style.marginTop = "16px";
  actions.append(button);
  root.append(actions);
}

Office.onReady(() => {
  const root = document.getElementById("root");
  if (root) renderSummary(root, decodeSummarySafe(window.location.search));
});
