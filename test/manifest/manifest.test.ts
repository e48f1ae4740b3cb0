/**
 * Offline checks of manifest.xml (office-addin-manifest's validator needs an online service):
 * well-formed XML, element order as the XSDs define it, resource ids that resolve, https URLs,
 * icons that exist with the right pixel size, the CQS functions namespace, and the ribbon's
 * ExecuteFunction names matching src/commands/actions.ts.
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { RIBBON_ACTIONS } from "../../src/commands/actions";
import { child, localName, parseXml, walk, type XmlElement } from "./xml";

const ROOT = path.resolve(__dirname, "../..");
const DEV_URL = "https://localhost:3000/";
const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = parseXml(source);

const xsiType = (el: XmlElement): string | undefined => el.attrs["xsi:type"];

/**
 * Child order per parent, from OfficeAppManifestV1_1.xsd and TaskPaneAppVersionOverridesV1_0.xsd
 * ("How to find the proper order of manifest elements"). A parent is named by its local name, with
 * its xsi:type in brackets where the type decides the children.
 */
const ORDER: Record<string, string[]> = {
  OfficeApp: [
    "Id",
    "AlternateId",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "IconUrl",
    "HighResolutionIconUrl",
    "SupportUrl",
    "AppDomains",
    "Hosts",
    "Requirements",
    "DefaultSettings",
    "Permissions",
    "Dictionary",
    "VersionOverrides",
  ],
  DisplayName: ["Override"],
  Description: ["Override"],
  IconUrl: ["Override"],
  HighResolutionIconUrl: ["Override"],
  AppDomains: ["AppDomain"],
  Hosts: ["Host"],
  Requirements: ["Sets", "Methods"],
  Sets: ["Set"],
  DefaultSettings: ["SourceLocation"],
  SourceLocation: ["Override"],
  "VersionOverrides[VersionOverridesV1_0]": [
    "Description",
    "Requirements",
    "Hosts",
    "Resources",
    "WebApplicationInfo",
    "EquivalentAddins",
    "VersionOverrides",
  ],
  "Host[Workbook]": ["Runtimes", "AllFormFactors", "DesktopFormFactor"],
  AllFormFactors: ["ExtensionPoint"],
  "ExtensionPoint[CustomFunctions]": ["Script", "Page", "Metadata", "Namespace"],
  Script: ["SourceLocation"],
  Page: ["SourceLocation"],
  Metadata: ["SourceLocation"],
  DesktopFormFactor: ["GetStarted", "FunctionFile", "ExtensionPoint"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  "ExtensionPoint[PrimaryCommandSurface]": ["OfficeTab", "CustomTab"],
  CustomTab: ["Group", "Label"],
  OfficeTab: ["Group"],
  Group: ["Label", "Icon", "Control"],
  Icon: ["Image"],
  "Control[Button]": ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  "Action[ExecuteFunction]": ["FunctionName"],
  "Action[ShowTaskpane]": ["TaskpaneId", "SourceLocation", "Title"],
  Resources: ["Images", "Urls", "ShortStrings", "LongStrings"],
  Images: ["Image"],
  Urls: ["Url"],
  ShortStrings: ["String"],
  LongStrings: ["String"],
  String: ["Override"],
};

/** Children that must be present. */
const REQUIRED: Record<string, string[]> = {
  OfficeApp: [
    "Id",
    "Version",
    "ProviderName",
    "DefaultLocale",
    "DisplayName",
    "Description",
    "DefaultSettings",
    "Permissions",
  ],
  "ExtensionPoint[CustomFunctions]": ["Script", "Page", "Metadata", "Namespace"],
  GetStarted: ["Title", "Description", "LearnMoreUrl"],
  Group: ["Label", "Icon", "Control"],
  CustomTab: ["Group", "Label"],
  "Control[Button]": ["Label", "Supertip", "Icon", "Action"],
  Supertip: ["Title", "Description"],
  "Action[ShowTaskpane]": ["SourceLocation"],
  "Action[ExecuteFunction]": ["FunctionName"],
};

function orderKey(el: XmlElement): string {
  const t = xsiType(el);
  const withType = t ? `${localName(el)}[${t}]` : localName(el);
  return ORDER[withType] || REQUIRED[withType] ? withType : localName(el);
}

/** Resource kind each resid-bearing element refers to. */
function expectedResourceKind(el: XmlElement, parent: XmlElement | undefined): string {
  const name = localName(el);
  if (name === "Image") return "Images";
  if (["SourceLocation", "FunctionFile", "LearnMoreUrl"].includes(name)) return "Urls";
  if (name === "Description" && parent && ["Supertip", "GetStarted"].includes(localName(parent)))
    return "LongStrings";
  if (["Label", "Title", "Namespace"].includes(name)) return "ShortStrings";
  throw new Error(`No resource kind known for <${el.name}>`);
}

const versionOverrides = child(manifest, "VersionOverrides")!;
const resources = child(versionOverrides, "Resources")!;
/** id → { kind, element } for every resource. */
const RESOURCES = new Map<string, { kind: string; el: XmlElement }>();
for (const group of resources.children) {
  for (const r of group.children) {
    const id = r.attrs.id!;
    if (RESOURCES.has(id)) throw new Error(`Duplicate resource id ${id}`);
    RESOURCES.set(id, { kind: localName(group), el: r });
  }
}
const resourceValue = (id: string): string => RESOURCES.get(id)!.el.attrs.DefaultValue!;

/** Width and height of a PNG, after checking its signature; and whether it has visible, varied pixels. */
function readPng(file: string): { width: number; height: number; visible: boolean } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(buf.toString("ascii", 12, 16)).toBe("IHDR");
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const bitDepth = buf[24];
  const colourType = buf[25];
  const idat: Buffer[] = [];
  for (let p = 8; p < buf.length;) {
    const len = buf.readUInt32BE(p);
    if (buf.toString("ascii", p + 4, p + 8) === "IDAT") idat.push(buf.subarray(p + 8, p + 8 + len));
    p += 12 + len;
  }
  let visible = false;
  if (bitDepth === 8 && colourType === 6) {
    // RGBA, as assets/src/make-icons.js writes: count opaque and transparent pixels (filter bytes skipped).
    const raw = zlib.inflateSync(Buffer.concat(idat));
    let opaque = 0;
    let clear = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const a = raw[y * (width * 4 + 1) + 1 + x * 4 + 3]!;
        if (a > 200) opaque++;
        else if (a < 50) clear++;
      }
    }
    visible = opaque > width && (clear > width || new Set(raw).size > 8);
  }
  return { width, height, visible };
}

/** The file under assets/ (or a build output) that a dev URL names. */
function localFile(url: string): string {
  expect(url.startsWith(DEV_URL)).toBe(true);
  return url.slice(DEV_URL.length);
}

describe("manifest.xml", () => {
  it("is a TaskPaneApp with the documented namespaces", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(manifest.attrs["xmlns:bt"]).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
    expect(xsiType(manifest)).toBe("TaskPaneApp");
    expect(versionOverrides.attrs.xmlns).toBe(
      "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
    );
    expect(xsiType(versionOverrides)).toBe("VersionOverridesV1_0");
    expect(child(manifest, "Id")!.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(child(manifest, "Version")!.text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
  });

  it("orders every element's children as the schemas require", () => {
    const problems: string[] = [];
    for (const { el } of walk(manifest)) {
      if (el.children.length === 0 && !REQUIRED[orderKey(el)]) continue;
      const key = orderKey(el);
      const order = ORDER[key];
      if (!order) {
        problems.push(`<${el.name}> has children but no documented order`);
        continue;
      }
      let last = -1;
      for (const c of el.children) {
        const at = order.indexOf(localName(c));
        if (at < 0) problems.push(`<${c.name}> is not a child of <${key}>`);
        else if (at < last)
          problems.push(`<${c.name}> comes too late in <${key}> (order: ${order.join(", ")})`);
        else last = at;
      }
      for (const r of REQUIRED[key] ?? []) {
        if (!el.children.some((c) => localName(c) === r)) problems.push(`<${key}> lacks <${r}>`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("resolves every resid to a resource of the right kind, and uses every resource", () => {
    const problems: string[] = [];
    const used = new Set<string>();
    for (const { el, parent } of walk(manifest)) {
      const resid = el.attrs.resid;
      if (resid === undefined) continue;
      used.add(resid);
      const r = RESOURCES.get(resid);
      const kind = expectedResourceKind(el, parent);
      if (!r) problems.push(`resid "${resid}" of <${el.name}> does not resolve`);
      else if (r.kind !== kind)
        problems.push(`resid "${resid}" of <${el.name}> is in ${r.kind}, expected ${kind}`);
    }
    for (const id of RESOURCES.keys()) if (!used.has(id)) problems.push(`resource "${id}" is never used`);
    expect(problems).toEqual([]);
  });

  it("keeps resource ids within 32 characters and strings within their limits", () => {
    const problems: string[] = [];
    for (const [id, { kind, el }] of RESOURCES) {
      if (id.length > 32) problems.push(`id "${id}" has ${id.length} characters`);
      const limit = kind === "ShortStrings" ? 125 : kind === "LongStrings" ? 250 : 2048;
      const values = [el.attrs.DefaultValue!, ...el.children.map((o) => o.attrs.Value!)];
      for (const v of values)
        if (!v || v.length > limit) problems.push(`${kind} "${id}" value length ${v?.length}`);
    }
    for (const name of ["DisplayName", "Description"]) {
      const el = child(manifest, name)!;
      const limit = name === "DisplayName" ? 125 : 250;
      for (const v of [el.attrs.DefaultValue!, ...el.children.map((o) => o.attrs.Value!)]) {
        if (v.length > limit) problems.push(`${name} value length ${v.length}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("uses https for every URL", () => {
    const urls: string[] = [];
    for (const { el } of walk(manifest)) {
      for (const [k, v] of Object.entries(el.attrs)) {
        if (k.startsWith("xmlns")) continue;
        if (/^[a-z]+:\/\//i.test(v)) urls.push(v);
      }
      if (/^[a-z]+:\/\//i.test(el.text)) urls.push(el.text);
    }
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
  });

  it("points at icons that exist in assets/ as PNGs of the declared size, not blank", () => {
    const icons: { url: string; size: number }[] = [
      { url: child(manifest, "IconUrl")!.attrs.DefaultValue!, size: 32 },
      { url: child(manifest, "HighResolutionIconUrl")!.attrs.DefaultValue!, size: 64 },
    ];
    for (const { el } of walk(manifest)) {
      if (localName(el) === "Image" && el.attrs.resid) {
        icons.push({ url: resourceValue(el.attrs.resid), size: Number(el.attrs.size) });
      }
    }
    const sizes = new Set(icons.map((i) => i.size));
    for (const s of [16, 32, 64, 80]) expect(sizes).toContain(s);
    for (const { url, size } of icons) {
      const file = localFile(url);
      expect(file).toMatch(/^assets\/[\w-]+\.png$/);
      const png = readPng(path.join(ROOT, file));
      expect({ file, width: png.width, height: png.height, visible: png.visible }).toEqual({
        file,
        width: size,
        height: size,
        visible: true,
      });
    }
  });

  it("points every other URL at a page or file the build produces", () => {
    const built = new Set([
      "functions.js",
      "functions.json",
      "functions.html",
      "taskpane.html",
      "commands.html",
    ]);
    const urls = [...RESOURCES.values()]
      .filter((r) => r.kind === "Urls")
      .map((r) => r.el.attrs.DefaultValue!);
    urls.push(child(manifest, "SupportUrl")!.attrs.DefaultValue!);
    urls.push(child(child(manifest, "DefaultSettings")!, "SourceLocation")!.attrs.DefaultValue!);
    for (const url of urls) {
      const file = localFile(url);
      if (file.startsWith("assets/")) expect(fs.existsSync(path.join(ROOT, file))).toBe(true);
      else expect([file, built.has(file)]).toEqual([file, true]);
    }
  });

  it("declares the custom functions in the JavaScript-only runtime with namespace CQS", () => {
    const host = child(child(versionOverrides, "Hosts")!, "Host")!;
    expect(xsiType(host)).toBe("Workbook");
    expect(child(host, "Runtimes")).toBeUndefined(); // no shared runtime
    const cf = child(child(host, "AllFormFactors")!, "ExtensionPoint")!;
    expect(xsiType(cf)).toBe("CustomFunctions");
    const url = (name: string) => resourceValue(child(child(cf, name)!, "SourceLocation")!.attrs.resid!);
    expect(url("Script")).toBe(`${DEV_URL}functions.js`);
    expect(url("Page")).toBe(`${DEV_URL}functions.html`);
    expect(url("Metadata")).toBe(`${DEV_URL}functions.json`);
    const ns = RESOURCES.get(child(cf, "Namespace")!.attrs.resid!)!;
    expect(ns.kind).toBe("ShortStrings");
    expect(ns.el.attrs.DefaultValue).toBe("CQS");
    expect(ns.el.children).toEqual([]); // the namespace is not translated
  });

  it("lists exactly the ExecuteFunction names of src/commands/actions.ts, in commands.html", () => {
    const names: string[] = [];
    for (const { el } of walk(manifest)) {
      if (localName(el) === "Action" && xsiType(el) === "ExecuteFunction")
        names.push(child(el, "FunctionName")!.text);
    }
    expect(names.sort()).toEqual([...RIBBON_ACTIONS].sort());
    const desktop = child(child(child(versionOverrides, "Hosts")!, "Host")!, "DesktopFormFactor")!;
    expect(resourceValue(child(desktop, "FunctionFile")!.attrs.resid!)).toBe(`${DEV_URL}commands.html`);
  });

  it("has a task pane button and the task pane titled “Bảng điều khiển CQS”", () => {
    const actions = [...walk(manifest)].filter(
      ({ el }) => localName(el) === "Action" && xsiType(el) === "ShowTaskpane",
    );
    expect(actions).toHaveLength(1);
    const action = actions[0]!.el;
    expect(resourceValue(child(action, "SourceLocation")!.attrs.resid!)).toBe(`${DEV_URL}taskpane.html`);
    expect(resourceValue(child(action, "Title")!.attrs.resid!)).toBe("Bảng điều khiển CQS");
    expect(child(child(manifest, "DefaultSettings")!, "SourceLocation")!.attrs.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`,
    );
  });

  it("asks for ReadWriteDocument only, in Vietnamese with en-US overrides", () => {
    expect(child(manifest, "Permissions")!.text).toBe("ReadWriteDocument");
    expect(child(manifest, "DefaultLocale")!.text).toBe("vi-VN");
    const overrides = [...walk(manifest)]
      .filter(({ el }) => localName(el) === "Override")
      .map(({ el }) => el.attrs.Locale);
    expect(overrides.length).toBeGreaterThan(5);
    expect(new Set(overrides)).toEqual(new Set(["en-US"]));
  });

  it("requires only what older Excel has in the base manifest (custom functions degrade, not block)", () => {
    const sets = child(child(manifest, "Requirements")!, "Sets")!.children.map(
      (s) => `${s.attrs.Name} ${s.attrs.MinVersion}`,
    );
    expect(sets).toEqual(["ExcelApi 1.1"]);
    expect(child(versionOverrides, "Requirements")).toBeUndefined();
    expect(source).toMatch(/CustomFunctionsRuntime 1\.1/); // stated in the manifest's comment
  });
});

describe("webpack's manifest copy", () => {
  const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (
    env: Record<string, string>,
    argv: Record<string, string>,
  ) => Promise<{ plugins: unknown[] }>;

  async function manifestTransform(): Promise<(content: Buffer) => string | Buffer> {
    const config = await makeConfig({}, { mode: "production" });
    for (const plugin of config.plugins) {
      const patterns = (
        plugin as { patterns?: { from: string; transform?: (c: Buffer) => string | Buffer }[] }
      ).patterns;
      const p = patterns?.find((x) => x.from === "manifest.xml");
      if (p?.transform) return p.transform;
    }
    throw new Error("no manifest.xml copy pattern");
  }

  const saved = process.env.ADDIN_PUBLIC_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  });

  it("replaces the dev URL with $ADDIN_PUBLIC_URL", async () => {
    process.env.ADDIN_PUBLIC_URL = "https://cqs.example.gov.vn/addin";
    const out = String((await manifestTransform())(Buffer.from(source)));
    expect(out).not.toContain("localhost");
    expect(out).toContain('"https://cqs.example.gov.vn/addin/functions.json"');
    expect(parseXml(out).name).toBe("OfficeApp");
  });

  it("keeps the dev URL when $ADDIN_PUBLIC_URL is unset", async () => {
    delete process.env.ADDIN_PUBLIC_URL;
    expect(String((await manifestTransform())(Buffer.from(source)))).toBe(source);
  });

  it("refuses a public URL that is not https", async () => {
    process.env.ADDIN_PUBLIC_URL = "http://cqs.example.gov.vn/";
    await expect(makeConfig({}, { mode: "production" })).rejects.toThrow(/https/);
  });
});
