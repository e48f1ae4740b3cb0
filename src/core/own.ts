/**
 * The add-in's own sheets (ranking, findings, comparison sheets): recorded in the workbook as
 * defined names, so that checking the workbook later leaves them out. A defined name follows its
 * sheet when the sheet is renamed (Excel rewrites the reference), and travels with the workbook.
 *
 * One name per sheet: `CQS_OWN_<KIND>_<n>` referring to the sheet's A1, e.g.
 * `CQS_OWN_RANKING_1 = 'Xếp hạng Phụ lục I'!$A$1`.
 */

export type OwnSheetKind = "ranking" | "findings" | "comparison";
export const OWN_SHEET_KINDS: ReadonlyArray<OwnSheetKind> = ["ranking", "findings", "comparison"];

/** Every defined name recording an own sheet starts with this. */
export const OWN_SHEET_PREFIX = "CQS_OWN_";

/** A workbook defined name: its name and what it refers to (without a leading "="). */
export interface DefinedNameRecord {
  readonly name: string;
  readonly reference: string;
}

/** A sheet name as a formula writes it: quoted when it needs to be ('It''s'). */
export function quoteSheetName(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The defined name recording `sheet` as one of the add-in's own sheets, with a name not in
 * `takenNames` (compared case-insensitively, as Excel does).
 */
export function planOwnSheetRecord(
  sheet: string,
  kind: OwnSheetKind,
  takenNames: Iterable<string>,
): DefinedNameRecord {
  const taken = new Set<string>();
  for (const n of takenNames) taken.add(n.toUpperCase());
  const stem = `${OWN_SHEET_PREFIX}${kind.toUpperCase()}_`;
  let n = 1;
  while (taken.has(`${stem}${n}`)) n++;
  return { name: `${stem}${n}`, reference: `${quoteSheetName(sheet)}!$A$1` };
}

/** Records for several sheets at once (names kept distinct from each other). */
export function planOwnSheetRecords(
  sheets: ReadonlyArray<{ readonly name: string; readonly kind: OwnSheetKind }>,
  takenNames: Iterable<string>,
): DefinedNameRecord[] {
  const taken = [...takenNames];
  return sheets.map((s) => {
    const record = planOwnSheetRecord(s.name, s.kind, taken);
    taken.push(record.name);
    return record;
  });
}

/** The sheet a reference such as `'It''s'!$A$1` or `=Sheet1!$A$1` points at, or undefined. */
export function sheetOfReference(reference: string): string | undefined {
  const ref = reference.trim().replace(/^=/, "");
  const quoted = /^'((?:[^']|'')+)'!/.exec(ref);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  const plain = /^([^!'[\]]+)!/.exec(ref);
  return plain ? plain[1] : undefined;
}

/** What kind of own sheet a defined name records, or undefined when it records none. */
export function ownSheetKindOf(name: string): OwnSheetKind | undefined {
  const m = /^CQS_OWN_([A-Z]+)_\d+$/i.exec(name);
  if (!m) return undefined;
  const kind = m[1]!.toLowerCase();
  return (OWN_SHEET_KINDS as ReadonlyArray<string>).includes(kind) ? (kind as OwnSheetKind) : undefined;
}

/** The own sheets the workbook's defined names record (names whose sheet is gone are ignored by the reader). */
export function ownSheetsFromNames(
  names: ReadonlyArray<DefinedNameRecord>,
): Array<{ readonly sheet: string; readonly kind: OwnSheetKind }> {
  const out: Array<{ sheet: string; kind: OwnSheetKind }> = [];
  for (const n of names) {
    const kind = ownSheetKindOf(n.name);
    if (!kind) continue;
    const sheet = sheetOfReference(n.reference);
    if (sheet !== undefined && !out.some((o) => o.sheet === sheet)) out.push({ sheet, kind });
  }
  return out;
}
