/**
 * The scoring core's public API: pure functions over plain cell grids (decimal.js only).
 * The pane, the ribbon, the custom functions and the CLI all call this.
 */
export * from "./grid";
export * from "./exact";
export * from "./numbers";
export * from "./framework";
export * from "./findings";
export * from "./messages";
export * from "./scoring";
export * from "./names";
export * from "./read";
export * from "./analyze";
export * from "./plan";
export * from "./settings";
export * from "./writes";
export * from "./own";
export * from "./findings-out";
export * from "./fixes";
export { foldHeader, nameWords, stripAccents, tidy } from "./text";
export { decodeLegacyVietnamese, type LegacyEncoding } from "./legacy";
export * from "./library";
// The year-over-year comparison (./compare, ./compareText, ./comparePlan) is imported from its own
// modules, not from here: the task pane loads it on demand, outside its first load.
export * from "./appendix";
export * from "./chart";
export * from "./infer";
export * from "./i18n";
