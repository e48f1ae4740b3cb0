/**
 * Command-line arguments of `cqs`, parsed by hand (no dependency): a command, one workbook path,
 * and the options DESIGN.md's contract names. Anything else is a usage error (exit 2).
 */
import type { Lang } from "../core";
import type { RankingOrder } from "../core";
import { argvLang, CLI_TEXT, type UsageCode, type UsageParams } from "./text";

export type Command =
  "check" | "rank" | "demo" | "compare" | "frameworks" | "framework" | "export" | "help" | "version";

export interface CliOptions {
  readonly command: Command;
  readonly workbook?: string;
  readonly json: boolean;
  readonly lang: Lang;
  readonly framework?: string;
  readonly out?: string;
  readonly force: boolean;
  readonly separate: boolean;
  readonly order: RankingOrder;
  /** compare: last year's workbook (the second file) and the mapping file. */
  readonly previous?: string;
  readonly map?: string;
  /** export: the Word file to write, the decision's number and date, what else to include. */
  readonly docx?: string;
  readonly decision?: string;
  readonly date?: string;
  readonly withCriteria?: boolean;
  readonly withCharts?: boolean;
  /** rank: refuse (exit 1, nothing written) while the check finds errors. */
  readonly strict: boolean;
  /** rank: add a "Thứ hạng" column. */
  readonly withRank: boolean;
  /** check --out: the findings file's format. */
  readonly format: "xlsx" | "csv";
}

/** A command line that cannot be used: a code and its parameters; `message` is the Vietnamese line. */
export class UsageError<C extends UsageCode = UsageCode> extends Error {
  override readonly name = "UsageError";
  constructor(
    readonly code: C,
    readonly params: UsageParams<C>,
  ) {
    super(usageMessage(code, params, "vi"));
  }
}

/** The usage error's line in a language. */
export function usageMessage<C extends UsageCode>(code: C, params: UsageParams<C>, lang: Lang): string {
  return (CLI_TEXT[lang].usage[code] as (p: UsageParams<C>) => string)(params);
}

const FLAGS: Readonly<Record<string, ReadonlyArray<Command>>> = {
  "--json": ["check", "compare", "frameworks"],
  "--force": ["check", "rank", "demo", "compare", "export"],
  "--separate": ["rank"],
  "--strict": ["rank"],
  "--with-rank": ["rank"],
  "--with-criteria": ["export"],
  "--with-charts": ["export"],
};
const VALUED: Readonly<Record<string, ReadonlyArray<Command>>> = {
  "--lang": ["check", "rank", "demo", "compare", "frameworks", "framework", "export"],
  "--framework": ["check", "rank", "compare", "export"],
  "--out": ["check", "rank", "compare"],
  "--map": ["compare"],
  "--order": ["rank"],
  "--format": ["check"],
  "--docx": ["export"],
  "--decision": ["export"],
  "--date": ["export"],
};

const NO_OPTIONS = {
  force: false,
  separate: false,
  order: "source",
  strict: false,
  withRank: false,
  format: "xlsx",
} as const;

export function parseArgs(argv: ReadonlyArray<string>): CliOptions {
  const [first, ...rest] = argv;
  if (first === undefined || first === "help" || first === "--help" || first === "-h") {
    return { command: "help", json: false, lang: argvLang(argv), ...NO_OPTIONS };
  }
  if (first === "--version" || first === "-v" || first === "version") {
    return { command: "version", json: false, lang: "vi", ...NO_OPTIONS };
  }
  if (
    first !== "check" &&
    first !== "rank" &&
    first !== "demo" &&
    first !== "compare" &&
    first !== "frameworks" &&
    first !== "framework" &&
    first !== "export"
  ) {
    throw new UsageError("BAD_COMMAND", { command: first });
  }
  const command: Command = first;
  // `cqs framework infer <file>`: the subcommand comes first.
  if (command === "framework" && rest[0] !== "infer")
    throw new UsageError("FRAMEWORK_SUBCOMMAND", { given: rest[0] ?? "" });
  if (command === "framework") rest.shift();
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--help" || arg === "-h") {
      return { command: "help", json: false, lang: argvLang(argv), ...NO_OPTIONS };
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (FLAGS[name]) {
        if (!FLAGS[name]!.includes(command))
          throw new UsageError("OPTION_NOT_FOR", { option: name, command });
        if (eq > 0) throw new UsageError("OPTION_TAKES_NO_VALUE", { option: name });
        flags.add(name);
        continue;
      }
      if (VALUED[name]) {
        if (!VALUED[name]!.includes(command))
          throw new UsageError("OPTION_NOT_FOR", { option: name, command });
        const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
          throw new UsageError("OPTION_NEEDS_VALUE", { option: name });
        }
        values.set(name, value);
        continue;
      }
      throw new UsageError("UNKNOWN_OPTION", { option: name });
    }
    if (arg.startsWith("-") && arg !== "-") throw new UsageError("UNKNOWN_OPTION", { option: arg });
    positional.push(arg);
  }
  const lang = values.get("--lang") ?? "vi";
  if (lang !== "vi" && lang !== "en") throw new UsageError("BAD_LANG", { value: lang });
  const order = values.get("--order") ?? "source";
  if (order !== "rank" && order !== "source") throw new UsageError("BAD_ORDER", { value: order });
  if (command === "demo" || command === "frameworks") {
    if (positional.length > 0) throw new UsageError("NO_FILE_TAKEN", { command, extra: positional[0]! });
  } else if (command === "compare") {
    if (positional.length < 2) throw new UsageError("COMPARE_NEEDS_TWO", {});
    if (positional.length > 2) throw new UsageError("COMPARE_EXTRA_FILE", { extra: positional[2]! });
  } else {
    if (positional.length === 0) throw new UsageError("MISSING_WORKBOOK", { command });
    if (positional.length > 1) throw new UsageError("EXTRA_WORKBOOK", { extra: positional[1]! });
  }
  if (command === "rank" && !values.has("--out")) throw new UsageError("RANK_NEEDS_OUT", {});
  if (command === "export" && !values.has("--docx")) throw new UsageError("EXPORT_NEEDS_DOCX", {});
  const date = values.get("--date");
  if (date !== undefined && !isDecisionDate(date)) throw new UsageError("BAD_DATE", { value: date });
  const format = values.get("--format") ?? (/\.csv$/i.test(values.get("--out") ?? "") ? "csv" : "xlsx");
  if (format !== "xlsx" && format !== "csv") throw new UsageError("BAD_FORMAT", { value: format });
  if (command === "check" && values.has("--format") && !values.has("--out"))
    throw new UsageError("FORMAT_NEEDS_OUT", {});
  const framework = values.get("--framework");
  const out = values.get("--out");
  return {
    command,
    ...(positional[0] !== undefined ? { workbook: positional[0] } : {}),
    json: flags.has("--json"),
    lang,
    ...(framework !== undefined ? { framework } : {}),
    ...(out !== undefined ? { out } : {}),
    force: flags.has("--force"),
    separate: flags.has("--separate"),
    order,
    strict: flags.has("--strict"),
    withRank: flags.has("--with-rank"),
    format,
    ...(command === "compare" ? { previous: positional[1]! } : {}),
    ...(values.has("--map") ? { map: values.get("--map")! } : {}),
    ...exportOptions(command, values, flags),
  };
}

/** "31/01/2023", "1/2/2023": a real calendar date written day/month/year. */
function isDecisionDate(text: string): boolean {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) return false;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= days;
}

function exportOptions(
  command: Command,
  values: ReadonlyMap<string, string>,
  flags: ReadonlySet<string>,
): Partial<CliOptions> {
  if (command !== "export") return {};
  const pick = (name: string) => values.get(name);
  return {
    docx: pick("--docx")!,
    ...(pick("--decision") !== undefined ? { decision: pick("--decision")! } : {}),
    ...(pick("--date") !== undefined ? { date: pick("--date")! } : {}),
    withCriteria: flags.has("--with-criteria"),
    withCharts: flags.has("--with-charts"),
  };
}

export const USAGE = `cqs — kiểm tra và xếp hạng mức độ chính quyền số trên tệp .xlsx (không cần Excel)

Cách dùng:
  cqs check <sổ-tính.xlsx> [--json] [--lang vi|en] [--framework <bộ-tiêu-chí.json>]
            [--out <kết-quả.xlsx|kết-quả.csv>] [--format xlsx|csv] [--force]
  cqs rank  <sổ-tính.xlsx> --out <tệp-mới.xlsx> [--force] [--separate] [--strict]
            [--order source|rank] [--with-rank] [--framework <bộ-tiêu-chí.json>] [--lang vi|en]
  cqs compare <năm-nay.xlsx> <năm-trước.xlsx> [--map <đối-chiếu.json>] [--json] [--out <tệp-mới.xlsx>]
            [--force] [--lang vi|en]   so sánh với năm trước: điểm, thứ hạng (tăng/giảm n bậc), mức độ
  cqs frameworks [--json]      các bộ tiêu chí có sẵn (id, tên, nguồn); --framework nhận id hoặc tệp .json
  cqs export <sổ-tính.xlsx> --docx <tệp-mới.docx> [--decision "292/QĐ-UBND"] [--date 31/01/2023]
            [--with-criteria] [--with-charts] [--force] [--framework <bộ-tiêu-chí.json>] [--lang vi|en]
            phụ lục xếp hạng dạng Word (Nghị định 30/2020/NĐ-CP)
  cqs framework infer <sổ-tính.xlsx> [--lang vi|en]
            bộ tiêu chí mà bảng trong sổ tính cho thấy (JSON; dùng với --framework)
  cqs demo  [--lang vi|en]     kiểm tra và xếp hạng sổ tính mẫu năm 2022 (examples/), ghi vào out/

Mã thoát: 0 không có lỗi (rank, export: đã ghi); 1 có lỗi trong sổ tính; 2 đầu vào không dùng được.`;

/** The usage text in English (`cqs --help --lang en`). */
export const USAGE_EN = `cqs — check and rank digital-government levels in .xlsx files (no Excel needed)

Usage:
  cqs check <workbook.xlsx> [--json] [--lang vi|en] [--framework <framework.json>]
            [--out <results.xlsx|results.csv>] [--format xlsx|csv] [--force]
  cqs rank  <workbook.xlsx> --out <new-file.xlsx> [--force] [--separate] [--strict]
            [--order source|rank] [--with-rank] [--framework <framework.json>] [--lang vi|en]
  cqs compare <this-year.xlsx> <last-year.xlsx> [--map <map.json>] [--json] [--out <new-file.xlsx>]
            [--force] [--lang vi|en]   against last year: totals, ranks (up/down n places), levels
  cqs frameworks [--json]      the frameworks in the library (id, name, source); --framework takes an id or a .json file
  cqs export <workbook.xlsx> --docx <new-file.docx> [--decision "292/QĐ-UBND"] [--date 31/01/2023]
            [--with-criteria] [--with-charts] [--force] [--framework <framework.json>] [--lang vi|en]
            the ranking appendix as a Word document (Decree No. 30/2020/ND-CP)
  cqs demo  [--lang vi|en]     check and rank the 2022 sample workbook (examples/), written to out/

Exit status: 0 no error (rank, export: written); 1 errors in the workbook; 2 unusable input.`;
