#!/usr/bin/env node
// Lists the production dependency tree with licences into docs/robustness.md, between the markers
// <!-- deps:start --> and <!-- deps:end -->. The registry's audit service is not reachable here, so
// this is what is checked instead, offline:
//   - `npm ls --omit=dev --all` reports no missing, invalid or extraneous package;
//   - every production package is pinned in package-lock.json with a sha512 integrity hash;
//   - its licence, from its own package.json (and the lockfile's copy), is one of an allow-list
//     of permissive licences;
//   - no production package has an install script.
// Run: node scripts/deps-licences.js           (rewrites the section)
//      node scripts/deps-licences.js --check   (exit 1 when the section is out of date or a check fails)
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const DOC = path.join(ROOT, "docs", "robustness.md");
const START = "<!-- deps:start -->";
const END = "<!-- deps:end -->";

/** Licences accepted in the production tree (SPDX ids; expressions are checked part by part). */
const ALLOWED = new Set([
  "MIT",
  "MIT/X11",
  "ISC",
  "BSD-2-Clause",
  "BSD-3-Clause",
  "Apache-2.0",
  "0BSD",
  "Unlicense",
  "BlueOak-1.0.0",
  "Zlib",
  "Python-2.0",
  "CC0-1.0",
  // Weak, file-level copyleft: @resvg/resvg-js (the chart PNG renderer), used unmodified.
  "MPL-2.0",
  // Fonts (Noto Sans for the charts): free to bundle and embed, not to sell alone.
  "OFL-1.1",
]);

/**
 * Packages that declare no licence, each accepted knowingly with the reason (shown in the doc).
 * Anything else without a licence fails the check.
 */
const NO_LICENCE = {
  "buffers@0.1.1":
    "declares no licence (neither package.json nor README); reached only through exceljs → unzipper → binary, " +
    "ExcelJS's streaming reader, which the CLI does not call; ask upstream or replace before distributing the CLI",
};

function licenceOf(pkg) {
  const l = pkg.license ?? pkg.licenses;
  if (typeof l === "string") return l;
  if (Array.isArray(l)) return l.map((x) => (typeof x === "string" ? x : x.type)).join(" OR ");
  if (l && typeof l === "object") return l.type;
  return undefined;
}

/** Whether an SPDX expression can be used under an allowed licence ("(MIT OR GPL-3.0)" can). */
function allowed(expr) {
  const e = expr.replace(/[()]/g, " ").trim();
  if (/\bOR\b/.test(e)) return e.split(/\bOR\b/).some((p) => allowed(p));
  return e.split(/\bAND\b/).every((p) => ALLOWED.has(p.trim()));
}

function npmLs() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  let out;
  try {
    out = execFileSync(npm, ["ls", "--omit=dev", "--all", "--json"], {
      cwd: ROOT,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e) {
    throw new Error(
      `npm ls reports problems in the production tree: ${String(e.stderr || e.message).trim()}`,
    );
  }
  return JSON.parse(out);
}

function collect() {
  const tree = npmLs();
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
  const packages = new Map(); // "name@version" → {name, version, via: Set}
  // npm ls lists a deduplicated package once in full and elsewhere as a stub without its
  // dependencies: walk every full entry once per direct dependency.
  const expanded = new Set();
  const walk = (deps, top) => {
    for (const [name, d] of Object.entries(deps ?? {})) {
      // An optional dependency for another platform (resvg's binaries): not installed, nothing to check.
      if (d.version === undefined) continue;
      const key = `${name}@${d.version}`;
      let p = packages.get(key);
      if (!p) {
        p = { name, version: d.version, via: new Set() };
        packages.set(key, p);
      }
      p.via.add(top ?? name);
      const id = `${key} ${top ?? name}`;
      if (d.dependencies && !expanded.has(id)) {
        expanded.add(id);
        walk(d.dependencies, top ?? name);
      }
    }
  };
  walk(tree.dependencies, undefined);

  const problems = [];
  const rows = [];
  for (const p of packages.values()) {
    const entries = Object.entries(lock.packages).filter(
      ([k, v]) => k.endsWith(`node_modules/${p.name}`) && v.version === p.version && !v.dev,
    );
    if (entries.length === 0) {
      problems.push(`${p.name}@${p.version}: not in package-lock.json`);
      continue;
    }
    const [where, entry] = entries[0];
    if (!/^sha512-/.test(entry.integrity ?? "")) problems.push(`${p.name}@${p.version}: no sha512 integrity`);
    if (entries.some(([, v]) => v.hasInstallScript))
      problems.push(`${p.name}@${p.version}: has an install script`);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, where, "package.json"), "utf8"));
    const licence = licenceOf(manifest) ?? entry.license;
    const key = `${p.name}@${p.version}`;
    if (!licence && !NO_LICENCE[key]) problems.push(`${key}: no licence`);
    else if (licence && !allowed(licence)) problems.push(`${key}: licence ${licence} not allowed`);
    rows.push({ ...p, licence: licence ?? "none declared (see below)" });
  }
  rows.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
  return { rows, problems, direct: Object.keys(tree.dependencies ?? {}) };
}

function section({ rows, problems, direct }) {
  const byLicence = new Map();
  for (const r of rows) byLicence.set(r.licence, (byLicence.get(r.licence) ?? 0) + 1);
  const byTop = direct.map((d) => `${d} ${rows.filter((r) => r.via.has(d)).length}`);
  const lines = [
    START,
    "",
    `Generated by \`node scripts/deps-licences.js\` from \`npm ls --omit=dev --all\` and package-lock.json; ` +
      "`npm test` fails when this section is out of date (test/hostile/security.test.ts).",
    "",
    `- ${rows.length} packages in the production tree, from ${direct.length} direct dependencies ` +
      `(packages each one brings, shared ones counted for each: ${byTop.join(", ")}).`,
    `- Licences: ${[...byLicence]
      .sort((a, b) => b[1] - a[1])
      .map(([l, n]) => `${l} ${n}`)
      .join(
        ", ",
      )} — all on the allow-list but the one below (${[...ALLOWED].join(", ")}; an "OR" expression needs one of them).`,
    ...Object.entries(NO_LICENCE)
      .filter(([k]) => rows.some((r) => `${r.name}@${r.version}` === k))
      .map(([k, why]) => `- **${k}** ${why}.`),
    "- Every package is pinned by version and sha512 integrity hash in package-lock.json; none has an install script.",
    `- Problems found: ${problems.length === 0 ? "none" : problems.join("; ")}.`,
    "",
    "<details><summary>The production packages</summary>",
    "",
    "| Package | Version | Licence | Needed by |",
    "| --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.name} | ${r.version} | ${r.licence} | ${[...r.via].sort().join(", ")} |`),
    "",
    "</details>",
    "",
    END,
  ];
  return lines.join("\n");
}

async function formatted(text) {
  const prettier = require("prettier");
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  return prettier.format(text, { ...options, filepath: DOC });
}

async function main() {
  const check = process.argv.includes("--check");
  const data = collect();
  const doc = fs.readFileSync(DOC, "utf8");
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`${DOC} has no ${START} … ${END} section`);
  const next = await formatted(doc.slice(0, a) + section(data) + doc.slice(b + END.length));
  if (check) {
    const errors = [...data.problems];
    if (next !== doc)
      errors.push(
        "docs/robustness.md's dependency section is out of date: run node scripts/deps-licences.js",
      );
    if (errors.length > 0) {
      console.error(errors.join("\n"));
      process.exit(1);
    }
    console.log(`${data.rows.length} production packages, licences allowed, section up to date.`);
    return;
  }
  fs.writeFileSync(DOC, next);
  console.log(`${data.rows.length} production packages written to docs/robustness.md.`);
  if (data.problems.length > 0) {
    console.error(data.problems.join("\n"));
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
