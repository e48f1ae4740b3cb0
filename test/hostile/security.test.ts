/**
 * Security checks of issue 6 that can run as tests:
 * - nothing in src evaluates text as code (eval, new Function, string timers, HTML injection);
 * - no network request but office.js: no fetch/XHR/WebSocket in the add-in's code, and scripts
 *   loaded only from appsforoffice.microsoft.com;
 * - the manifest asks for ReadWriteDocument and nothing more;
 * - each page's Content-Security-Policy, once present, allows only its own files and office.js;
 * - names are written as text, never as formulas, on both write paths (ExcelJS and Office.js);
 * - the production dependency tree and its licences in docs/robustness.md are up to date.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { buildRanking } from "../../src/adapters/office/operations";
import { fromWorkbookGrid } from "../../src/excel-double/fake-excel";
import { generatedWorkbook, setup } from "../adapters/office/helpers";
import { child, localName, parseXml, walk } from "../manifest/xml";

const ROOT = path.resolve(__dirname, "../..");
const SRC = path.join(ROOT, "src");

function files(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, ext));
    else if (ext.test(e.name)) out.push(p);
  }
  return out;
}

/** The pages, as webpack.config.js writes them from their one template (before it adds the bundle). */
const { CONTENT_SECURITY_POLICY, PAGES, renderPage } = require(path.join(ROOT, "webpack.config.js")) as {
  CONTENT_SECURITY_POLICY: string;
  PAGES: Record<string, unknown>;
  renderPage(name: string): string;
};
const PAGE_NAMES = Object.keys(PAGES);

const SOURCES = files(SRC, /\.(ts|tsx|js|mjs|cjs|html)$/);
/** Source text without comments (a comment may name what the code must not do). */
function code(file: string): string {
  const text = fs.readFileSync(file, "utf8");
  if (file.endsWith(".html")) return text.replace(/<!--[\s\S]*?-->/g, "");
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

function hits(pattern: RegExp, allow: (file: string) => boolean = () => false): string[] {
  const found: string[] = [];
  for (const f of SOURCES) {
    if (allow(f)) continue;
    const lines = code(f).split("\n");
    lines.forEach((l, i) => {
      if (pattern.test(l)) found.push(`${path.relative(ROOT, f)}:${i + 1}: ${l.trim()}`);
    });
  }
  return found;
}

describe("nothing evaluates text as code", () => {
  test.each([
    ["eval", /\beval\s*\(/],
    ["new Function / Function(...)", /\bnew\s+Function\b|[^.\w]Function\s*\(/],
    ["string timers", /\bset(?:Timeout|Interval|Immediate)\s*\(\s*["'`]/],
    [
      "HTML injection",
      /\.(?:inner|outer)HTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/,
    ],
    ["javascript: URLs", /["'`]javascript:/i],
  ])("no %s in src", (_what, pattern) => {
    expect(SOURCES.length).toBeGreaterThan(20);
    expect(hits(pattern)).toEqual([]);
  });

  test("the lint gate forbids eval, implied eval and new Function", () => {
    const config = fs.readFileSync(path.join(ROOT, "eslint.config.mjs"), "utf8");
    for (const rule of ["no-eval", "no-implied-eval", "no-new-func"]) {
      expect(config).toMatch(new RegExp(`"${rule}":\\s*"error"`));
    }
  });
});

describe("no network requests besides office.js", () => {
  /** The preview page (npm run preview) is a local development tool, not part of a deployment. */
  const devOnly = (f: string): boolean => f.startsWith(path.join(SRC, "preview") + path.sep);

  test("no fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon or service worker in the add-in's code", () => {
    expect(
      hits(
        /\bfetch\s*\(|XMLHttpRequest|\bWebSocket\b|\bEventSource\b|sendBeacon|serviceWorker|importScripts/,
        devOnly,
      ),
    ).toEqual([]);
  });

  test("the preview page is not part of the add-in: the manifest never points at it", () => {
    expect(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")).not.toMatch(/preview/i);
  });

  test("pages load scripts only from appsforoffice.microsoft.com (office.js, the custom functions runtime)", () => {
    expect(PAGE_NAMES.length).toBeGreaterThanOrEqual(5);
    for (const name of PAGE_NAMES) {
      const html = renderPage(name).replace(/<!--[\s\S]*?-->/g, "");
      for (const m of html.matchAll(
        /<(script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']([^"']+)["']/gi,
      )) {
        const url = m[2]!;
        if (!/^(?:https?:)?\/\//i.test(url)) continue; // own files
        expect(`${name}.html: ${url}`).toMatch(/: https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\//);
      }
    }
  });
});

describe("the manifest asks for ReadWriteDocument and nothing more", () => {
  const manifest = parseXml(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
  test("one Permissions element: ReadWriteDocument", () => {
    const all = [...walk(manifest)].map((x) => x.el).filter((el) => localName(el) === "Permissions");
    expect(all.map((e) => e.text.trim())).toEqual(["ReadWriteDocument"]);
    expect(child(manifest, "Permissions")!.text.trim()).toBe("ReadWriteDocument");
  });
  test("no single sign-on or web application access requested", () => {
    const names = [...walk(manifest)].map((x) => localName(x.el));
    expect(names).not.toContain("WebApplicationInfo");
    expect(names).not.toContain("AuthorizationInfo");
  });
});

describe("Content-Security-Policy of the add-in's pages", () => {
  const OFFICE = "https://appsforoffice.microsoft.com";

  function policyOf(html: string): Map<string, string[]> | undefined {
    // The content is in double quotes: its sources are in single ones ('self').
    const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    if (!m) return undefined;
    return new Map(
      m[1]!
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map((d) => [d[0]!.toLowerCase(), d.slice(1)]),
    );
  }

  // One policy for every page, written into each by the one template (test/functions/bundle.test.ts
  // and test/build/shipped.test.ts check the built pages carry it).
  const policy = policyOf(
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
  )!;

  for (const name of PAGE_NAMES) {
    test(`${name}.html: writes the policy in its head, before any script`, () => {
      const html = renderPage(name);
      const meta = html.indexOf(
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
      expect(meta).toBeGreaterThan(html.indexOf("<head>"));
      expect(meta).toBeLessThan(html.indexOf("</head>"));
      expect(html.slice(0, meta)).not.toContain("<script");
      expect(policyOf(html)).toEqual(policy);
    });
  }

  test("the policy: own files and office.js only, no eval, no other origin", () => {
    const src = (d: string): string[] => policy.get(d) ?? policy.get("default-src") ?? [];
    expect(policy.get("default-src")).toBeDefined();
    expect(policy.get("default-src")!.every((s) => s === "'self'" || s === "'none'")).toBe(true);
    const scripts = src("script-src");
    expect(scripts).not.toContain("'unsafe-eval'");
    for (const s of scripts) expect(["'self'", OFFICE, `${OFFICE}/`]).toContain(s);
    // office.js's host-trust frame (Office Online Server) comes from its own origin; nothing else.
    expect(src("frame-src")).toEqual(["'self'", OFFICE]);
    expect(CONTENT_SECURITY_POLICY).not.toContain("aspnetcdn");
    for (const d of ["connect-src", "img-src", "frame-src", "object-src", "style-src", "font-src"]) {
      for (const s of src(d)) {
        expect(s).not.toBe("*");
        expect(s).not.toMatch(/^http:/);
      }
    }
    expect(src("object-src").every((s) => s === "'none'" || s === "'self'")).toBe(true);
  });
});

describe("names are written as text, never as formulas", () => {
  test('Office.js path: names starting with =, +, -, @ are text cells formatted "@" in the ranking sheet', async () => {
    const names = [
      "=SUM(1,2)",
      "+Sở Tài chính",
      "-Sở Nội vụ",
      "@Sở Y tế",
      '=HYPERLINK("https://example.invalid")',
    ];
    const grid = generatedWorkbook(names.length, (i) => names[i]!);
    const { fake, host } = setup(fromWorkbookGrid(grid));
    const result = await buildRanking(host, { order: "source" });
    const sheet = result.added[0]!;
    const after = fake.workbook.toWorkbookGrid().sheets.find((s) => s.name === sheet)!;
    const written: string[] = [];
    after.rows.forEach((row, r) =>
      (row ?? []).forEach((c, k) => {
        if (typeof c?.v === "string" && names.includes(c.v)) {
          written.push(c.v);
          expect(c.f).toBeUndefined();
          const cell = fake.workbook.cell(sheet, `${String.fromCharCode(65 + k)}${(after.top ?? 0) + r + 1}`);
          expect(cell.formula).toBeUndefined();
          expect(cell.numberFormat).toBe("@");
        }
      }),
    );
    // Each name is in the table and again in the chart's data beside it: text both times.
    expect(written.sort()).toEqual([...names, ...names].sort());
  });

  test(".xlsx path: see test/hostile/corpus.test.ts (formula-injection) and test/adapters/xlsx/write.test.ts", () => {
    expect(fs.existsSync(path.join(ROOT, "test/fixtures/hostile/formula-injection.xlsx"))).toBe(true);
  });
});

describe("production dependencies", () => {
  test("docs/robustness.md lists the production tree with licences, all allowed, none with install scripts", () => {
    let out = "";
    try {
      out = execFileSync(process.execPath, [path.join(ROOT, "scripts/deps-licences.js"), "--check"], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e) {
      throw new Error(String((e as { stderr?: string }).stderr ?? e));
    }
    expect(out).toMatch(/production packages, licences allowed, section up to date/);
  }, 60_000);
});
