/**
 * The old-browser guard (src/guard/guard.js): ES5 that each page loads right after office.js.
 * test/browser (npm run test:browser) loads the built pages in Chromium with the features it tests
 * removed and checks the message.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { RIBBON_ACTIONS } from "../../src/commands/actions";

const ROOT = path.resolve(__dirname, "../..");
const GUARD = fs.readFileSync(path.join(ROOT, "src/guard/guard.js"), "utf8");
/** The pages as webpack.config.js writes them from their one template (the bundle comes after). */
const { renderPage } = require(path.join(ROOT, "webpack.config.js")) as { renderPage(name: string): string };
const PAGES = ["taskpane", "commands", "dialog"];

test("is ES5: Internet Explorer 11 can parse it", () => {
  const acorn = require("acorn") as { parse(src: string, o: { ecmaVersion: number }): unknown };
  expect(() => acorn.parse(GUARD, { ecmaVersion: 5 })).not.toThrow();
  // The same source is rejected as ES5 once it holds ES2015 syntax: the check can fail.
  expect(() => acorn.parse(`${GUARD}\nconst x = () => 1;`, { ecmaVersion: 5 })).toThrow();
});

test.each(PAGES)("%s.html loads it after office.js, before its bundle", (page) => {
  const html = renderPage(page);
  const office = html.indexOf("appsforoffice.microsoft.com/lib/1/hosted/office.js");
  const guard = html.indexOf('<script src="guard.js"></script>');
  expect(office).toBeGreaterThan(0);
  expect(guard).toBeGreaterThan(office);
  expect(guard).toBeLessThan(html.indexOf("</head>"));
});

test("the commands page names the ribbon's actions for it", () => {
  const html = renderPage("commands");
  const m = /data-ribbon-actions="([^"]*)"/.exec(html);
  expect(m?.[1]?.split(" ")).toEqual([...RIBBON_ACTIONS]);
});

/** Runs the guard in a sandbox with the given globals; returns what it found and did. */
function runGuard(strip: (g: Record<string, unknown>) => void) {
  const associated: string[] = [];
  const inserted: string[] = [];
  const text = (n: { children?: unknown[]; data?: string }): string =>
    n.data ?? (n.children ?? []).map((c) => text(c as never)).join(" ");
  const element = () => {
    const el = {
      children: [] as unknown[],
      style: {} as Record<string, string>,
      id: "",
      setAttribute() {},
      appendChild(c: unknown) {
        el.children.push(c);
        return c;
      },
    };
    return el;
  };
  const document = {
    readyState: "complete",
    body: {
      firstChild: null,
      insertBefore(el: { children: unknown[] }) {
        inserted.push(text(el));
      },
    },
    documentElement: { getAttribute: () => RIBBON_ACTIONS.join(" ") },
    getElementById: () => null,
    createElement: element,
    createTextNode: (data: string) => ({ data }),
    addEventListener() {},
  };
  const sandbox: Record<string, unknown> = {
    document,
    Office: { actions: { associate: (id: string) => associated.push(id) }, context: { ui: {} } },
    location: { href: "https://x/commands.html" },
  };
  sandbox.window = sandbox;
  const context = vm.createContext(sandbox);
  // The sandbox's own built-ins, less what `strip` removes.
  vm.runInContext("window.Promise = Promise; window.Symbol = Symbol; window.Map = Map;", context);
  vm.runInContext(`(${strip.toString()})(this)`, context);
  vm.runInContext(GUARD, context);
  const state = sandbox.__CQS_GUARD__ as { missing: string[] };
  return { missing: state.missing, associated, inserted };
}

test("finds nothing missing in a current engine, and does nothing", () => {
  const r = runGuard(() => undefined);
  expect(r).toEqual({ missing: [], associated: [], inserted: [] });
});

test("names what is missing, says it in Vietnamese, and answers the ribbon's buttons", () => {
  const r = runGuard((g) => {
    const o = g as unknown as { Object: ObjectConstructor; Array: ArrayConstructor };
    delete (o.Object as unknown as Record<string, unknown>).fromEntries;
    delete (o.Array.prototype as unknown as Record<string, unknown>).flatMap;
  });
  expect(r.missing).toEqual(["Object.fromEntries", "Array.prototype.flatMap"]);
  expect(r.inserted).toHaveLength(1);
  expect(r.inserted[0]).toContain("Không mở được bổ trợ CQS");
  expect(r.inserted[0]).toContain("Internet Explorer 11");
  expect(r.inserted[0]).toContain("Thiếu / Missing: Object.fromEntries, Array.prototype.flatMap");
  expect(r.associated).toEqual([...RIBBON_ACTIONS]);
});
