/**
 * Reads larger than Excel on the web's 5 MB per-request limit are chunked (src/adapters/office/
 * read.ts), verified with the Excel double's `payloadLimitBytes` option: a workbook whose one-sync
 * read Excel would refuse is read in row chunks, every request and response under the limit, and
 * the result is the same as an unlimited read.
 */
import { validateWorkbook } from "../../src/adapters/office/operations";
import { fromWorkbookGrid } from "../../src/excel-double/fake-excel";
import { generatedWorkbook, MODERN, setup } from "../adapters/office/helpers";

const WEB_LIMIT = 5_000_000;

test("a read over 5 MB: refused once, then read in chunks under the limit, with the same findings", async () => {
  const grid = generatedWorkbook(30_000);
  const limited = setup(fromWorkbookGrid(grid), MODERN, { payloadLimitBytes: WEB_LIMIT });
  const free = setup(fromWorkbookGrid(grid), MODERN);

  const a = await validateWorkbook(limited.host);
  const b = await validateWorkbook(free.host);

  const requests = limited.fake.stats.requests;
  // The one-sync read was refused for its size: that is what made the adapter chunk.
  const refused = requests.filter((r) => r.error !== undefined);
  expect(refused.map((r) => r.error)).toEqual(["ResponsePayloadSizeLimitExceeded"]);
  expect(refused[0]!.received).toBeGreaterThan(WEB_LIMIT); // about 7 MB in one response
  expect(requests.filter((r) => !r.error).length).toBeGreaterThanOrEqual(5); // sheets, sizes, 3 chunks
  for (const r of requests.filter((x) => !x.error)) {
    expect(r.sent).toBeLessThan(WEB_LIMIT);
    expect(r.received).toBeLessThan(WEB_LIMIT);
  }
  // Without the limit it is one read.
  expect(free.fake.stats.syncs).toBeLessThanOrEqual(2);
  expect(a.analysis.blocks[0]!.units).toHaveLength(30_000);
  expect(JSON.stringify(a.analysis.findings)).toBe(JSON.stringify(b.analysis.findings));
  expect(a.analysis.summary).toEqual(b.analysis.summary);
}, 60_000);
