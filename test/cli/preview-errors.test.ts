/**
 * `npm run preview` reads the workbook with the .xlsx adapter; a file it cannot read is one line in
 * the CLI dictionary's Vietnamese words, as `cqs` says it, not the error's code.
 */
import * as path from "path";
import { WorkbookReadError } from "../../src/adapters/xlsx/errors";
import { workbookErrorMessage } from "../../src/cli/text";
import { ensureBuiltCli, ROOT } from "./helpers";

const { errorLine } = require(path.join(ROOT, "scripts", "preview-server.js")) as {
  errorLine: (e: unknown) => string;
};

beforeAll(() => ensureBuiltCli());

test("a workbook the preview cannot read is worded as cqs words it", () => {
  const e = new WorkbookReadError("NOT_FOUND", { path: "missing.xlsx" });
  const line = errorLine(e);
  expect(line).toBe(workbookErrorMessage(e, "vi"));
  expect(line).not.toContain("NOT_FOUND");
  expect(line).toContain("missing.xlsx");
});

test("any other error keeps its message", () => {
  expect(errorLine(new Error("--port needs a number"))).toBe("--port needs a number");
});
