/**
 * The ExecuteFunction names of the ribbon buttons in manifest.xml. commands.ts associates each with
 * `Office.actions.associate(name, handler)`; test/manifest checks the manifest lists exactly these.
 */
export const RIBBON_ACTIONS = ["validateWorkbook", "buildRanking"] as const;

export type RibbonAction = (typeof RIBBON_ACTIONS)[number];
