/**
 * Ribbon commands (ExecuteFunction). PLACEHOLDER: the commands engineer replaces the handlers with
 * the real operations (validate the workbook, build the ranking sheets) through the Office adapter.
 */
import { RIBBON_ACTIONS, type RibbonAction } from "./actions";

const handlers: Record<RibbonAction, (event: Office.AddinCommands.Event) => void> = {
  validateWorkbook: (event) => event.completed(),
  buildRanking: (event) => event.completed(),
};

Office.onReady(() => {
  for (const name of RIBBON_ACTIONS) Office.actions.associate(name, handlers[name]);
});
