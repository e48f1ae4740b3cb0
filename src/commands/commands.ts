/**
 * Ribbon commands (ExecuteFunction): associates each id of RIBBON_ACTIONS with its handler
 * (./ribbon.ts). "Mở bảng điều khiển" is a ShowTaskpane button in the manifest and needs no code.
 */
import type { Lang } from "../core";
import { detectCapabilitiesSafe, type ExcelHost } from "../adapters/office/operations";
import { RIBBON_ACTIONS } from "./actions";
import { ribbonHandlers } from "./ribbon";
import { encodeSummary, SUMMARY_PARAM, type RibbonSummary } from "./summary";

function langSafe(): Lang {
  try {
    return /^en/i.test(Office.context.displayLanguage ?? "") ? "en" : "vi";
  } catch {
    return "vi";
  }
}

function hostSafe(): ExcelHost | undefined {
  if (typeof Excel === "undefined") return undefined;
  const requirements = Office.context?.requirements;
  const capabilities = detectCapabilitiesSafe(
    requirements ? (name, version) => requirements.isSetSupported(name, version) : undefined,
  );
  return { Excel, capabilities };
}

/**
 * Shows the summary in a dialog (DialogApi 1.1); resolves when it is closed. Where no dialog can
 * open (or it fails to), resolves at once: the command's writes are done either way.
 */
function showDialog(summary: RibbonSummary): Promise<void> {
  return new Promise((resolve) => {
    const ui = Office.context?.ui;
    if (!ui || typeof ui.displayDialogAsync !== "function") {
      resolve();
      return;
    }
    const url = new URL("dialog.html", window.location.href);
    url.searchParams.set(SUMMARY_PARAM, encodeSummary(summary));
    ui.displayDialogAsync(url.toString(), { height: 45, width: 32, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = result.value;
      // The dialog's "Đóng" button sends a message; closing it with its X sends an event.
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

Office.onReady(() => {
  const handlers = ribbonHandlers({ host: hostSafe(), lang: langSafe(), show: showDialog });
  for (const name of RIBBON_ACTIONS) Office.actions.associate(name, handlers[name]);
});
