#!/usr/bin/env node
// The `cqs` command. Built from src/cli by `npm run build:cli` (run on install by `prepare`).
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch {
  process.stderr.write("cqs: chưa được dựng — chạy `npm run build:cli` (npm ci làm việc này).\n");
  process.exit(2);
}
cli.main();
