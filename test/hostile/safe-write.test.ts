/**
 * Safe writes (issue 6): `cqs rank` writes a temp file next to the output and renames it into
 * place, so a failure at any step leaves no half-written workbook, no temp file, the input's bytes
 * unchanged, and an existing output as it was. Failures are injected into the file system calls
 * the writer makes (disk full halfway through the write, a failed rename or link, ExcelJS failing
 * to serialize), with the command run in-process.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cqs, expectOneLineError, FIXTURE, sha256, tempDir } from "../cli/helpers";
import { HOSTILE } from "../fixtures/locate";

const INPUT = path.join(HOSTILE, "hidden-rows.xlsx");
const inputs = [INPUT, FIXTURE];

function ioError(code: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected failure`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

let dir: string;
let input: string;
let inputHash: string;

beforeEach(() => {
  dir = tempDir("safe-write");
  input = path.join(dir, "so-lieu.xlsx");
  fs.copyFileSync(inputs[0]!, input);
  inputHash = sha256(input);
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Everything in the folder but the input: what the command left behind. */
const leftovers = (): string[] => fs.readdirSync(dir).filter((n) => n !== "so-lieu.xlsx");

describe("a failure while writing leaves nothing half-written", () => {
  test("disk full halfway through the temp file: exit 2, one line, no output, no temp file", async () => {
    const real = fs.promises.writeFile;
    jest.spyOn(fs.promises, "writeFile").mockImplementation(async (file, data, options) => {
      const bytes = Buffer.from(data as Buffer);
      await real(file, bytes.subarray(0, Math.floor(bytes.length / 2)), options);
      throw ioError("ENOSPC");
    });
    const out = path.join(dir, "xep-hang.xlsx");
    const r = await cqs("rank", input, "--out", out);
    expectOneLineError(r, /Không ghi được tệp .*ENOSPC/);
    expect(leftovers()).toEqual([]);
    expect(sha256(input)).toBe(inputHash);
  });

  test("the rename into place fails (--force): the existing output keeps its bytes", async () => {
    const out = path.join(dir, "xep-hang.xlsx");
    fs.writeFileSync(out, "bản cũ");
    jest.spyOn(fs.promises, "rename").mockRejectedValue(ioError("EXDEV"));
    const r = await cqs("rank", input, "--out", out, "--force");
    expectOneLineError(r, /EXDEV/);
    expect(fs.readFileSync(out, "utf8")).toBe("bản cũ");
    expect(leftovers()).toEqual(["xep-hang.xlsx"]);
    expect(sha256(input)).toBe(inputHash);
  });

  test("linking and renaming both fail (no --force): no output, no temp file", async () => {
    jest.spyOn(fs.promises, "link").mockRejectedValue(ioError("EPERM"));
    jest.spyOn(fs.promises, "rename").mockRejectedValue(ioError("EIO"));
    const out = path.join(dir, "xep-hang.xlsx");
    const r = await cqs("rank", input, "--out", out);
    expectOneLineError(r, /EIO/);
    expect(leftovers()).toEqual([]);
  });

  test("ExcelJS fails while serializing: nothing is created at all", async () => {
    const xlsx = Object.getOwnPropertyDescriptor(ExcelJS.Workbook.prototype, "xlsx")!.get!;
    jest.spyOn(ExcelJS.Workbook.prototype, "xlsx", "get").mockImplementation(function (
      this: ExcelJS.Workbook,
    ) {
      const real = xlsx.call(this) as ExcelJS.Xlsx;
      return {
        load: (data: ExcelJS.Buffer) => real.load(data),
        writeBuffer: async () => {
          throw new Error("injected: out of memory while zipping");
        },
      } as unknown as ExcelJS.Xlsx;
    });
    const out = path.join(dir, "xep-hang.xlsx");
    const r = await cqs("rank", input, "--out", out);
    expectOneLineError(r, /Không ghi được tệp .*injected/);
    expect(leftovers()).toEqual([]);
    expect(sha256(input)).toBe(inputHash);
  });

  test("the output appears while the command runs (no --force): it is not overwritten", async () => {
    const out = path.join(dir, "xep-hang.xlsx");
    const real = fs.promises.writeFile;
    jest.spyOn(fs.promises, "writeFile").mockImplementation(async (file, data, options) => {
      fs.writeFileSync(out, "của người khác"); // another program saves the same name meanwhile
      await real(file, data, options);
    });
    const r = await cqs("rank", input, "--out", out);
    expectOneLineError(r, /đã có: không ghi đè/);
    expect(fs.readFileSync(out, "utf8")).toBe("của người khác");
    expect(leftovers()).toEqual(["xep-hang.xlsx"]);
  });
});

describe("the input's bytes are unchanged after every command", () => {
  test.each(inputs.map((f) => [path.basename(f), f]))(
    "%s: check, check --json, rank, rank --separate, rank --force",
    async (_n, file) => {
      fs.copyFileSync(file, input);
      const before = sha256(input);
      const mtime = fs.statSync(input).mtimeMs;
      const out = path.join(dir, "xep-hang.xlsx");
      await cqs("check", input);
      await cqs("check", input, "--json", "--lang", "en");
      expect((await cqs("rank", input, "--out", out)).code).toBe(0);
      expect((await cqs("rank", input, "--out", out, "--separate", "--force")).code).toBe(0);
      expectOneLineError(await cqs("rank", input, "--out", out)); // exists, no --force
      expectOneLineError(await cqs("rank", input, "--out", input, "--force")); // never the input
      expect(sha256(input)).toBe(before);
      expect(fs.statSync(input).mtimeMs).toBe(mtime);
      expect(leftovers()).toEqual(["xep-hang.xlsx"]);
    },
    30_000, // two workbooks written, each with its charts drawn
  );

  test("an existing output is kept unless --force", async () => {
    const out = path.join(dir, "xep-hang.xlsx");
    fs.writeFileSync(out, "giữ nguyên");
    expectOneLineError(await cqs("rank", input, "--out", out), /--force/);
    expect(fs.readFileSync(out, "utf8")).toBe("giữ nguyên");
    expect((await cqs("rank", input, "--out", out, "--force")).code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});
