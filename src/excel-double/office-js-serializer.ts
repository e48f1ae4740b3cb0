/**
 * Request sizes as office.js really sends them, for node (tests and the benchmark; never bundled).
 *
 * office.js builds each `context.sync()` request as one JSON body (`Actions` and `ObjectPaths`,
 * `ClientRequestBase.buildRequestMessageBodyAndRequestFlags` in `excel-web-16.00.js`). An
 * `Excel.RequestContext` made without a host still queues and serializes requests: this module
 * loads the office.js version pinned in package-lock (`@microsoft/office-js`) in a node `vm`
 * sandbox and gives a context whose `sync()` serializes the pending request, records its size in
 * UTF-8 bytes and starts a new one, instead of sending it. Nothing is read back: it measures what
 * writes send (a load queued on it sends its query, but its result is never filled).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";

interface OfficeJsSandbox {
  Excel: typeof Excel;
}

let cached: OfficeJsSandbox | undefined;

/** Path of the pinned office.js Excel web script. */
export function officeJsPath(): string {
  const pkg = require.resolve("@microsoft/office-js/package.json");
  return path.join(path.dirname(pkg), "dist", "excel-web-16.00.js");
}

/** The version of @microsoft/office-js installed (the one package-lock pins). */
export function officeJsVersion(): string {
  const pkg = require.resolve("@microsoft/office-js/package.json");
  return (JSON.parse(fs.readFileSync(pkg, "utf8")) as { version: string }).version;
}

function load(): OfficeJsSandbox {
  if (cached) return cached;
  const file = officeJsPath();
  const sandbox: Record<string, unknown> = {
    console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
    setTimeout,
    clearTimeout,
    navigator: { userAgent: "node" },
    location: { href: "https://localhost/", search: "", hash: "", protocol: "https:" },
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  if (!sandbox.Excel) throw new Error(`office.js at ${file} defined no Excel namespace`);
  cached = sandbox as unknown as OfficeJsSandbox;
  return cached;
}

interface PendingRequest {
  hasActions?: boolean;
  buildRequestMessageBodyAndRequestFlags(): { body: unknown; flags: number };
}

/** A request context of the real office.js that measures instead of sending. */
export interface SerializingContext {
  readonly context: Excel.RequestContext;
  /** UTF-8 bytes of each request `sync()` would have sent, in order (empty syncs send nothing). */
  readonly requests: number[];
  /** The size of what is queued now, without sending it. */
  pendingBytes(): number;
}

function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/** A fresh office.js `Excel.RequestContext` whose `sync()` records request sizes. */
export function serializingContext(): SerializingContext {
  const { Excel: RealExcel } = load();
  const context = new RealExcel.RequestContext();
  const internal = context as unknown as { _pendingRequest: PendingRequest; m_pendingRequest: unknown };
  const requests: number[] = [];
  const pendingBytes = (): number =>
    utf8Bytes(JSON.stringify(internal._pendingRequest.buildRequestMessageBodyAndRequestFlags().body));
  const measure = (): void => {
    const req = internal._pendingRequest;
    if (req.hasActions !== false) requests.push(pendingBytes());
    internal.m_pendingRequest = null;
  };
  (context as unknown as { sync: (v?: unknown) => Promise<unknown> }).sync = (value?: unknown) => {
    measure();
    return Promise.resolve(value);
  };
  return { context, requests, pendingBytes };
}
