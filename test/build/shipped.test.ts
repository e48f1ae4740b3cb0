/**
 * What `npm run build` ships for Excel (task pane, ribbon commands, dialog, custom functions) holds
 * no test code, no Excel double and no preview code. webpack builds those four entries in
 * production mode into a temp dir; every file it read for them is checked, and the bundles are
 * searched for names only the double and the preview define.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import webpack from "webpack";

const ROOT = path.resolve(__dirname, "../..");
const SHIPPED = ["taskpane", "commands", "dialog", "functions"];
const FORBIDDEN = [
  path.join(ROOT, "test") + path.sep,
  path.join(ROOT, "src", "excel-double") + path.sep,
  path.join(ROOT, "src", "preview") + path.sep,
  path.join(ROOT, "bench") + path.sep,
];

let outDir = "";
let files: string[] = [];

beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), "cqs-shipped-"));
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, string>,
    argv: Record<string, string>,
  ) => Promise<webpack.Configuration>;
  const config = await makeConfig({ only: SHIPPED.join(","), outDir }, { mode: "production" });
  const compiler = webpack(config);
  const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) =>
    compiler.run((err, s) => (err ? reject(err) : resolve(s))),
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  if (!stats || stats.hasErrors()) throw new Error(stats?.toString("errors-only") ?? "webpack gave no stats");
  files = [...stats.compilation.fileDependencies].map((f) => path.resolve(f));
}, 600_000);

afterAll(() => {
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

test("the build reads our own sources for each shipped entry", () => {
  const ours = files.filter((f) => f.startsWith(path.join(ROOT, "src") + path.sep));
  for (const entry of [
    "taskpane/index.tsx",
    "commands/commands.ts",
    "commands/dialog.ts",
    "functions/functions.ts",
  ]) {
    expect(ours).toContain(path.join(ROOT, "src", entry));
  }
  for (const name of SHIPPED) expect(fs.existsSync(path.join(outDir, `${name}.js`))).toBe(true);
});

test("no test, double, preview or bench file goes into what ships", () => {
  const leaked = files.filter((f) => FORBIDDEN.some((dir) => f.startsWith(dir)));
  expect(leaked).toEqual([]);
});

test("the shipped bundles hold none of the double's own names", () => {
  // Texts only src/excel-double/fake-excel.ts holds (minifying keeps string literals).
  const markers = [
    "a sheet name cannot begin or end with an apostrophe",
    "a name cannot look like a cell reference",
  ];
  for (const name of SHIPPED) {
    const js = fs.readFileSync(path.join(outDir, `${name}.js`), "utf8");
    const map = JSON.parse(fs.readFileSync(path.join(outDir, `${name}.js.map`), "utf8")) as {
      sources: string[];
    };
    for (const source of map.sources) expect(source).not.toMatch(/(^|\/)(test|excel-double|preview|bench)\//);
    for (const marker of markers) expect(js).not.toContain(marker);
  }
});

test("each shipped page carries the policy before any script; office.js, then the guard, then its bundle", () => {
  const { CONTENT_SECURITY_POLICY } = require(path.join(ROOT, "webpack.config.js")) as {
    CONTENT_SECURITY_POLICY: string;
  };
  for (const name of SHIPPED) {
    const html = fs.readFileSync(path.join(outDir, `${name}.html`), "utf8");
    const meta = html.indexOf(`content="${CONTENT_SECURITY_POLICY}"`);
    expect(meta).toBeGreaterThan(0);
    expect(html.slice(0, meta)).toMatch(/http-equiv="?Content-Security-Policy"?\s*$/);
    expect(html.slice(0, meta)).not.toContain("<script");
    expect(html).not.toMatch(/\{\{\w+\}\}|<%/);
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts[scripts.length - 1]).toBe(`${name}.js`);
    if (name === "functions") {
      expect(scripts).toEqual([
        "https://appsforoffice.microsoft.com/lib/1/hosted/custom-functions-runtime.js",
        "functions.js",
      ]);
    } else {
      expect(scripts).toEqual([
        "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
        "guard.js",
        `${name}.js`,
      ]);
    }
  }
});
