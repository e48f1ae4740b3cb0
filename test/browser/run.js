#!/usr/bin/env node
/**
 * Runs the browser test (pane.spec.ts) with TypeScript compiled on the fly by the project's own
 * `typescript` package (no ts-node needed). `npm run test:browser` builds first, then calls this.
 */
"use strict";
const fs = require("fs");
const ts = require("typescript");

require.extensions[".ts"] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
      inlineSourceMap: true,
    },
  });
  module._compile(outputText, filename);
};

require("./pane.spec.ts");
