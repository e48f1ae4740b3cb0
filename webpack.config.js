/* eslint-env node */
/**
 * Builds the add-in into dist/:
 * - functions: functions.js + functions.json (custom-functions-metadata-plugin, from JSDoc) + functions.html.
 *   It runs in the JavaScript-only custom functions runtime (no DOM, no Office.js): decimal.js + our code.
 * - taskpane: taskpane.js + taskpane.html (React + Fluent UI).
 * - commands: commands.js + commands.html (ribbon ExecuteFunction handlers).
 * - dialog: dialog.js + dialog.html (the ribbon commands' result dialog).
 * - preview: preview.js + preview.html (`npm run preview`: the pane beside a workbook held by the Excel
 *   test double, no Excel needed; served by scripts/preview-server.js, not part of a deployment).
 * - guard.js (src/guard/guard.js, ES5) copied for the task pane, commands and dialog pages: it tells
 *   Excel running add-ins in Internet Explorer 11 or the old Edge what is needed.
 * - Every page's HTML comes from one template, src/pages/page.html, filled in per page (PAGES,
 *   renderPage): the same head and policy, each page's title, scripts, styles and body.
 * - assets/*.png, support.html and manifest.xml copied; the manifest's dev URL https://localhost:3000/
 *   is replaced by $ADDIN_PUBLIC_URL when it is set (e.g. https://cqs.example.gov.vn/addin/).
 *
 * Options (`webpack --env name=value`): `only=functions[,taskpane,commands]` builds some entries,
 * `outDir=<dir>` writes elsewhere than dist/ (tests build the functions alone into a temp dir).
 */
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const ENTRIES = ["functions", "taskpane", "commands", "dialog", "preview"];

/**
 * The Content-Security-Policy of the add-in's pages (task pane, commands, dialog, functions, preview), one
 * place: src/pages/page.html, the template of every page (renderPage), writes it as its first meta
 * after the charset, before any script. Only our own files and office.js: no other origin, no
 * eval. Styles inline: Fluent UI and office.js inject them.
 * - frame-src allows appsforoffice.microsoft.com: when Excel runs on a host office.js does not
 *   know (Office Online Server on a government network), office.js asks the user to trust it in a
 *   hidden frame, `AgaveErrorUX/index.html` under its own base path (excel-web-16.00.js,
 *   `hostUserTrustIframe`). Blocked, the add-in never finishes starting.
 * - No ajax.aspnetcdn.com: office.js 1.1 would load MicrosoftAjax from it only when its
 *   `requiresMsAjax` is set, which it never is (office.js, `OSF._OfficeAppFactory.initialize`).
 * - Office's telemetry frame (telemetryservice.firstpartyapps.oaspapps.com, opened by office.js's
 *   ULS logger three seconds after it loads, only to post log lines) stays blocked: nothing of
 *   the add-in depends on it.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com",
  "frame-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** The old-browser guard (ES5, src/guard/guard.js): after office.js, before the page's bundle. */
const GUARD_JS = "guard.js";

/**
 * The pages, all written from src/pages/page.html by renderPage: the same head (charset, the
 * policy before any script, IE=Edge, viewport), then each page's title, scripts (before the bundle
 * html-webpack-plugin adds at the end of the head), styles (src/pages/base.css, then its own) and body.
 */
const PAGES = {
  functions: {
    title: "CQS – hàm tùy chỉnh",
    // Loads the custom functions runtime where the functions run in a page (Excel on the web).
    scripts: ["https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js"],
  },
  taskpane: {
    title: "Bảng điều khiển CQS",
    scripts: [OFFICE_JS, GUARD_JS],
    style: "src/taskpane/taskpane.css",
    body: '<div id="root"></div>',
  },
  commands: {
    title: "CQS – lệnh",
    // The guard opens the dialog for these ExecuteFunction names where the bundle cannot run
    // (src/commands/actions.ts; test/guard checks they agree).
    attributes: 'data-ribbon-actions="validateWorkbook buildRanking"',
    scripts: [OFFICE_JS, GUARD_JS],
  },
  dialog: {
    title: "CQS",
    scripts: [OFFICE_JS, GUARD_JS],
    style: "src/commands/dialog.css",
    body: '<main id="root"></main>',
  },
  preview: {
    title: "CQS – xem thử không cần Excel",
    style: "src/preview/preview.css",
    body: '<div id="root"></div>',
  },
};

/** The HTML of a page (PAGES) before webpack adds its bundle: src/pages/page.html filled in. */
function renderPage(name) {
  const page = PAGES[name];
  if (!page) throw new Error(`Unknown page "${name}" (known: ${Object.keys(PAGES).join(", ")})`);
  const read = (file) => fs.readFileSync(path.resolve(__dirname, file), "utf8").trim();
  const values = {
    attributes: page.attributes ?? "",
    csp: CONTENT_SECURITY_POLICY,
    title: page.title,
    scripts: (page.scripts ?? []).map((src) => `<script src="${src}"></script>`).join("\n"),
    style: [read("src/pages/base.css"), ...(page.style ? [read(page.style)] : [])].join("\n"),
    body: page.body ?? "",
  };
  return read("src/pages/page.html").replace(/\{\{(\w+)\}\}/g, (_, key, at, text) => {
    if (!(key in values)) throw new Error(`src/pages/page.html: no value for {{${key}}}`);
    // A value of several lines keeps the indentation of the line it stands in.
    const indent = /^ */.exec(text.slice(text.lastIndexOf("\n", at) + 1))[0];
    return values[key].split("\n").join(`\n${indent}`);
  });
}

/** The HtmlWebpackPlugin of an entry: its page (renderPage), loading that entry's script. */
function page(name) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    templateContent: () => renderPage(name),
    chunks: [name],
  });
}

/** The public URL the production manifest points at, from $ADDIN_PUBLIC_URL; undefined when unset. */
function publicUrl() {
  const raw = process.env.ADDIN_PUBLIC_URL;
  if (!raw) return undefined;
  const url = raw.endsWith("/") ? raw : `${raw}/`;
  if (!/^https:\/\/[^\s/]+\//.test(url)) {
    throw new Error(
      `ADDIN_PUBLIC_URL must be an https URL such as https://cqs.example.gov.vn/addin/, got "${raw}"`,
    );
  }
  return url;
}

/** HTTPS for the dev server: the Office dev certificate when office-addin-dev-certs is installed, else self-signed. */
async function devServerHttps() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const o = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: o.ca, key: o.key, cert: o.cert } };
  } catch {
    return { type: "https" };
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const only = env.only ? String(env.only).split(",") : ENTRIES;
  for (const name of only) {
    if (!ENTRIES.includes(name)) throw new Error(`Unknown entry "${name}" (known: ${ENTRIES.join(", ")})`);
  }
  const outDir = env.outDir ? path.resolve(String(env.outDir)) : path.resolve(__dirname, "dist");
  const url = publicUrl();
  const functionsSource = path.resolve(__dirname, "src/functions/functions.ts");

  const entry = {};
  const plugins = [];
  if (only.includes("functions")) {
    // No chunk loading: the bundle is one plain script the custom functions runtime evaluates.
    entry.functions = { import: functionsSource, chunkLoading: false };
    plugins.push(
      new CustomFunctionsMetadataPlugin({ input: functionsSource, output: "functions.json" }),
      page("functions"),
    );
  }
  if (only.includes("taskpane")) {
    entry.taskpane = "./src/taskpane/index.tsx";
    plugins.push(page("taskpane"));
  }
  if (only.includes("commands")) {
    entry.commands = "./src/commands/commands.ts";
    plugins.push(page("commands"));
  }
  if (only.includes("dialog")) {
    entry.dialog = "./src/commands/dialog.ts";
    plugins.push(page("dialog"));
  }
  if (only.includes("preview")) {
    entry.preview = "./src/preview/preview.tsx";
    plugins.push(page("preview"));
  }
  if (["taskpane", "commands", "dialog"].some((name) => only.includes(name))) {
    // The old-browser guard (ES5, src/guard/guard.js) each page loads before its bundle, as is.
    plugins.push(new CopyWebpackPlugin({ patterns: [{ from: "src/guard/guard.js", to: "guard.js" }] }));
  }
  if (only.length === ENTRIES.length) {
    plugins.push(
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "assets/*.html", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return url ? content.toString().split(DEV_URL).join(url) : content;
            },
          },
        ],
      }),
    );
  }

  return {
    context: __dirname,
    mode: dev ? "development" : "production",
    devtool: "source-map",
    // ES2017 output: the custom functions runtimes are not all recent browsers.
    target: ["web", "es2017"],
    entry,
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              compilerOptions: { target: "ES2017", module: "esnext", sourceMap: true },
            },
          },
        },
      ],
    },
    plugins,
    performance: {
      // The functions bundle has its own budget (≤ 20 KB gzipped, checked in test/functions); the
      // task pane carries React and Fluent UI.
      hints: false,
    },
    devServer: {
      static: { directory: __dirname, watch: false },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? await devServerHttps() : undefined,
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    },
  };
};

module.exports.CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY;
module.exports.PAGES = PAGES;
module.exports.renderPage = renderPage;
