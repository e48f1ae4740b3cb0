/**
 * Ribbon commands (ExecuteFunction): associates each id of RIBBON_ACTIONS with its handler
 * (./ribbon.ts). "Mở bảng điều khiển" is a ShowTaskpane button in the manifest and needs no code.
 */
import { detectCapabilitiesSafe, minimumSupportSafe, type ExcelHost } from "../adapters/office/operations";
import { displayLang } from "../adapters/office/lang";
import { RIBBON_ACTIONS } from "./actions";
import { ribbonHandlers } from "./ribbon";
import { encodeSummary, SUMMARY_PARAM, type RibbonSummary } from "./summary";

/** The requirement sets' check, or undefined outside Excel (or an Office without `requirements`). */
function isSetSupportedSafe(): ((name: string, version?: string) => boolean) | undefined {
  try {
    const requirements = Office.context?.requirements;
    return requirements ? (name, version) => requirements.isSetSupported(name, version) : undefined;
  } catch {
    return undefined;
  }
}

function hostSafe(): ExcelHost | undefined {
  if (typeof Excel === "undefined") return undefined;
  return { Excel, capabilities: detectCapabilitiesSafe(isSetSupportedSafe()) };
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

/**
 * Associated at top level, as the documentation does: Office may invoke a command as soon as the
 * script has run. What the handler needs from Office (the host, its language, its API levels) is
 * read when the button is clicked, by which time Office is ready.
 */
for (const name of RIBBON_ACTIONS) {
  Office.actions.associate(name, (event: Office.AddinCommands.Event) => {
    const handlers = ribbonHandlers({
      host: hostSafe(),
      lang: displayLang(),
      minimum: minimumSupportSafe(isSetSupportedSafe()),
      show: showDialog,
    });
    return handlers[name](event);
  });
}

// office.js initializes on this call (nothing else to do when it is ready).
void Office.onReady();
