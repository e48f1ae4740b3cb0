/**
 * Task pane entry: once Office is ready, read what this Excel offers and render the pane under
 * Fluent UI's light theme. The pane gets its workbook operations as props (./operations.ts).
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Lang } from "../core";
import { App } from "./components/App";
import { paneEnvironmentSafe, type OfficeGlobals } from "./operations";

const LANG_KEY = "cqs.lang";

function storedLangSafe(): Lang {
  try {
    return window.localStorage.getItem(LANG_KEY) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function storeLangSafe(lang: Lang): void {
  try {
    window.localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage can be off (private mode, policies): the choice then lasts for this session.
  }
}

/** Segoe UI first, as in Office; then fonts with Vietnamese diacritics on other systems. */
const theme = {
  ...webLightTheme,
  fontFamilyBase:
    "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
};

Office.onReady(() => {
  const root = document.getElementById("root");
  if (!root) return;
  const globals = window as unknown as OfficeGlobals;
  const environment = paneEnvironmentSafe({
    ...(globals.Excel ? { Excel: globals.Excel } : {}),
    ...(globals.Office ? { Office: globals.Office } : {}),
  });
  createRoot(root).render(
    <FluentProvider theme={theme}>
      <App environment={environment} initialLang={storedLangSafe()} onLangChange={storeLangSafe} />
    </FluentProvider>,
  );
});
