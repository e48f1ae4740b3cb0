/**
 * The add-in's record sheets (CQS_Marks for the marks, CQS_Fixes for the fixes): very hidden, one
 * row per cell the add-in changed, its sheet's name and its address first, then what the cell held
 * before, so that it can be given back on any Excel version, after the pane was closed or the
 * workbook reopened.
 */

/** The records of a store sheet, as `parse` reads its rows (skipping those it cannot use). One sync. */
export async function readStoreRecords<R>(
  context: Excel.RequestContext,
  store: Excel.Worksheet,
  parse: (values: unknown[][]) => R[],
): Promise<R[]> {
  const used = store.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  return used.isNullObject ? [] : parse(used.values);
}

/**
 * The store sheet `name` and its records on the sheets the workbook still holds (a deleted sheet's
 * cells have nothing to give back to); undefined when there is no store. Two syncs, one when there is no store.
 */
export async function openStore<R extends { readonly sheet: string }>(
  context: Excel.RequestContext,
  name: string,
  parse: (values: unknown[][]) => R[],
): Promise<{ store: Excel.Worksheet; records: R[] } | undefined> {
  const store = context.workbook.worksheets.getItemOrNullObject(name);
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  if (store.isNullObject) return undefined;
  const names = new Set(sheets.items.map((s) => s.name));
  const records = await readStoreRecords(context, store, parse);
  return { store, records: records.filter((r) => names.has(r.sheet)) };
}
