/**
 * Command-line arguments of `cqs`, parsed by hand (no dependency): a command, one workbook path,
 * and the options DESIGN.md's contract names. Anything else is a usage error (exit 2).
 */
import type { Lang } from "../core";
import type { RankingOrder } from "../core";

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

export class UsageError extends Error {
  override readonly name = "UsageError";
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
    return { command: "help", json: false, lang: "vi", ...NO_OPTIONS };
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
    throw new UsageError(
      `Lệnh không hợp lệ "${first}": dùng check, rank, compare, export, frameworks hoặc demo (cqs --help)`,
    );
  }
  const command: Command = first;
  // `cqs framework infer <file>`: the subcommand comes first.
  if (command === "framework" && rest[0] !== "infer")
    throw new UsageError(
      `Lệnh framework cần lệnh con infer: cqs framework infer <sổ-tính.xlsx> (không nhận "${rest[0] ?? ""}")`,
    );
  if (command === "framework") rest.shift();
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--help" || arg === "-h") {
      return { command: "help", json: false, lang: "vi", ...NO_OPTIONS };
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      if (FLAGS[name]) {
        if (!FLAGS[name]!.includes(command))
          throw new UsageError(`Tùy chọn ${name} không dùng với lệnh ${command}`);
        if (eq > 0) throw new UsageError(`Tùy chọn ${name} không nhận giá trị`);
        flags.add(name);
        continue;
      }
      if (VALUED[name]) {
        if (!VALUED[name]!.includes(command))
          throw new UsageError(`Tùy chọn ${name} không dùng với lệnh ${command}`);
        const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
        if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
          throw new UsageError(`Tùy chọn ${name} cần một giá trị`);
        }
        values.set(name, value);
        continue;
      }
      throw new UsageError(`Tùy chọn không hợp lệ: ${name} (cqs --help)`);
    }
    if (arg.startsWith("-") && arg !== "-")
      throw new UsageError(`Tùy chọn không hợp lệ: ${arg} (cqs --help)`);
    positional.push(arg);
  }
  const lang = values.get("--lang") ?? "vi";
  if (lang !== "vi" && lang !== "en") throw new UsageError(`--lang nhận vi hoặc en, không nhận "${lang}"`);
  const order = values.get("--order") ?? "source";
  if (order !== "rank" && order !== "source")
    throw new UsageError(`--order nhận rank hoặc source, không nhận "${order}"`);
  if (command === "demo" || command === "frameworks") {
    if (positional.length > 0)
      throw new UsageError(`Lệnh ${command} không nhận tệp (thừa "${positional[0]}")`);
  } else if (command === "compare") {
    if (positional.length < 2)
      throw new UsageError(
        "Cần hai tệp: cqs compare <năm-nay.xlsx> <năm-trước.xlsx> [--map <đối-chiếu.json>]",
      );
    if (positional.length > 2) throw new UsageError(`Chỉ nhận hai tệp sổ tính (thừa "${positional[2]}")`);
  } else {
    if (positional.length === 0) throw new UsageError(`Thiếu tệp sổ tính: cqs ${command} <sổ-tính.xlsx>`);
    if (positional.length > 1) throw new UsageError(`Chỉ nhận một tệp sổ tính (thừa "${positional[1]}")`);
  }
  if (command === "rank" && !values.has("--out"))
    throw new UsageError("Thiếu --out <tệp-mới.xlsx> cho lệnh rank");
  if (command === "export" && !values.has("--docx"))
    throw new UsageError("Thiếu --docx <tệp-mới.docx> cho lệnh export");
  const date = values.get("--date");
  if (date !== undefined && !isDecisionDate(date))
    throw new UsageError(`--date nhận ngày dạng dd/mm/yyyy (ví dụ 31/01/2023), không nhận "${date}"`);
  const format = values.get("--format") ?? (/\.csv$/i.test(values.get("--out") ?? "") ? "csv" : "xlsx");
  if (format !== "xlsx" && format !== "csv")
    throw new UsageError(`--format nhận xlsx hoặc csv, không nhận "${format}"`);
  if (command === "check" && values.has("--format") && !values.has("--out"))
    throw new UsageError("--format cần --out <tệp-kết-quả>");
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
