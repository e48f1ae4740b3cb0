#!/usr/bin/env node
/**
 * `npm run preview`: serves the built add-in (dist/) on 127.0.0.1 next to a workbook read from an
 * .xlsx, so the task pane can be seen and tried with no Excel. Node's http module only.
 *
 *   node scripts/preview-server.js [workbook.xlsx] [--port 3001]
 *
 * - /                → dist/preview.html (the workbook grid and the pane, src/preview/)
 * - /workbook.json   → the workbook as the core's grid (read by the .xlsx adapter, lib/adapters/xlsx)
 * - /taskpane.html, /commands.html, /dialog.html → from dist/, with office.js taken from
 *   node_modules/@microsoft/office-js (no CDN) and, in the pane, the Excel test double of the
 *   preview page installed as `Excel` and `Office` before the pane starts
 * - /office-js/…     → node_modules/@microsoft/office-js/dist/…
 * - anything else    → dist/
 *
 * The browser test (test/browser/pane.spec.js) starts it in-process with `startPreviewServer`.
 */
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const DEFAULT_WORKBOOK = path.join(ROOT, "examples", "hue-2022.xlsx");
const CDN_OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL_OFFICE_JS = "/office-js/office.js";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Run in the pane's page before office.js. office.js blanks a page that is framed outside Office
 * unless `OsfOptOut` is defined. The preview page (the parent) holds the Excel double, installed
 * here as `Excel` and `Office`; the pane then starts on it exactly as it would in Excel. The
 * double's Office object is a layer over office.js's own: `window.Office` is an accessor (defined
 * before office.js declares the global, so it stays) whose setter makes what office.js assigns the
 * layer's prototype, so office.js keeps working (Office.Promise, …) under the double.
 */
const INSTALL_DOUBLE_JS = `window.OsfOptOut = true;
(function () {
  var preview = window.parent && window.parent !== window ? window.parent.__CQS_PREVIEW__ : undefined;
  if (!preview) return;
  var layer = {};
  Object.keys(preview.Office).forEach(function (key) {
    Object.defineProperty(layer, key, { value: preview.Office[key], writable: false, enumerable: false });
  });
  Object.defineProperty(window, "Office", {
    configurable: false,
    get: function () { return layer; },
    set: function (office) { if (office && office !== layer) Object.setPrototypeOf(layer, office); },
  });
  window.Excel = preview.Excel;
})();
`;
/** Served as a file of our own origin, so the pane's Content-Security-Policy (no inline script) allows it. */
const INSTALL_DOUBLE_PATH = "/preview-install-double.js";
const INSTALL_DOUBLE = `<script src="${INSTALL_DOUBLE_PATH}"></script>`;

/** Excel's date serial of a Date (the double holds dates as serials with a date format). */
function dateSerial(d) {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
}

/** The grid as JSON: dates become serials with a date format (JSON has no dates). */
function gridToJson(grid) {
  return JSON.stringify(grid, function (key, value) {
    if (value && typeof value === "object" && !Array.isArray(value) && this !== undefined) {
      const v = value.v;
      if (v instanceof Date) return { ...value, v: dateSerial(v), fmt: value.fmt || "dd/mm/yyyy" };
    }
    return value;
  });
}

async function readGrid(file) {
  let adapter;
  try {
    adapter = require(path.join(ROOT, "lib", "adapters", "xlsx"));
  } catch {
    throw new Error("lib/ is missing: run `npm run build:cli` first (npm run preview does).");
  }
  return adapter.readWorkbookFile(file);
}

/** Puts the local office.js in place of the CDN one, and (in the pane) the double after it. */
function rewriteHtml(html, installDouble) {
  let out = html.split(CDN_OFFICE_JS).join(LOCAL_OFFICE_JS);
  if (installDouble)
    out = out.replace(/(<script[^>]*\/office-js\/office\.js[^>]*><\/script>)/, `${INSTALL_DOUBLE}$1`);
  return out;
}

function send(res, status, type, body) {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}

/** A file under `base`, or undefined when the path leaves it or does not exist. */
function fileUnder(base, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const full = path.resolve(base, "." + path.posix.normalize("/" + decoded));
  if (full !== base && !full.startsWith(base + path.sep)) return undefined;
  try {
    return fs.statSync(full).isFile() ? full : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the server. Resolves with { server, url, close } once it listens.
 * @param {{ file?: string, port?: number }} [options]
 */
async function startPreviewServer(options = {}) {
  const file = path.resolve(options.file || DEFAULT_WORKBOOK);
  if (!fs.existsSync(path.join(DIST, "preview.html"))) {
    throw new Error("dist/preview.html is missing: run `npm run build` first (npm run preview does).");
  }
  const grid = await readGrid(file);
  const workbookJson = gridToJson(grid);

  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url || "/", "http://127.0.0.1").pathname;
    if (req.method !== "GET" && req.method !== "HEAD")
      return send(res, 405, TYPES[".txt"], "Method not allowed");
    if (urlPath === "/") {
      res.writeHead(302, { Location: "/preview.html" });
      return res.end();
    }
    if (urlPath === "/workbook.json") return send(res, 200, TYPES[".json"], workbookJson);
    if (urlPath === INSTALL_DOUBLE_PATH) return send(res, 200, TYPES[".js"], INSTALL_DOUBLE_JS);
    if (urlPath.startsWith("/office-js/")) {
      const found = fileUnder(OFFICE_JS, urlPath.slice("/office-js/".length));
      if (!found) return send(res, 404, TYPES[".txt"], "Not found");
      return send(res, 200, TYPES[path.extname(found)] || "application/octet-stream", fs.readFileSync(found));
    }
    const found = fileUnder(DIST, urlPath);
    if (!found) return send(res, 404, TYPES[".txt"], "Not found");
    const ext = path.extname(found);
    if (ext === ".html") {
      const html = rewriteHtml(fs.readFileSync(found, "utf8"), path.basename(found) === "taskpane.html");
      return send(res, 200, TYPES[".html"], html);
    }
    return send(res, 200, TYPES[ext] || "application/octet-stream", fs.readFileSync(found));
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port === undefined ? 3001 : options.port, "127.0.0.1", resolve);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${address.port}/`;
  return {
    server,
    url,
    workbook: path.basename(file),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function parseArgs(argv) {
  const out = { file: undefined, port: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port") {
      out.port = Number(argv[++i]);
      if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)
        throw new Error("--port needs a number");
    } else if (a === "--help" || a === "-h") {
      out.help = true;
    } else if (a.startsWith("-")) {
      throw new Error(`unknown option ${a}`);
    } else out.file = a;
  }
  return out;
}

/**
 * A workbook file error (a code, the path and the code's parameters, from lib/adapters/xlsx) worded
 * by the CLI's dictionary in Vietnamese, as `cqs` words it; any other error by its message.
 */
function errorLine(e) {
  if (e instanceof Error && typeof e.reason === "string" && e.params && typeof e.params.path === "string")
    return require(path.join(ROOT, "lib", "cli", "text")).workbookErrorMessage(e, "vi");
  return e && e.message ? e.message : String(e);
}

if (require.main === module) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`preview: ${e.message}`);
    process.exit(2);
  }
  if (args.help) {
    console.log("node scripts/preview-server.js [workbook.xlsx] [--port 3001]");
    process.exit(0);
  }
  startPreviewServer(args).then(
    (s) => {
      console.log(`CQS preview of ${s.workbook}: ${s.url}  (Ctrl+C to stop)`);
    },
    (e) => {
      console.error(`preview: ${errorLine(e)}`);
      process.exit(2);
    },
  );
}

module.exports = { startPreviewServer, rewriteHtml, errorLine };
