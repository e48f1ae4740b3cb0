/**
 * What a planned sheet carries beyond its cells, applied with Office.js: font, row heights,
 * cell comments, links, print setup (Decree 30/2020/NĐ-CP) and the record of the add-in's own
 * sheets. Each part uses the API where this Excel has it and is skipped otherwise, with a notice.
 * Queues only; the caller syncs.
 */
import { a1, a1Range } from "../../core/grid";
import { ownSheetsFromNames, planOwnSheetRecords, type DefinedNameRecord } from "../../core/own";
import { mmToPoints, type PlannedSheet } from "../../core/writes";

/** Parts of the planned sheet this Excel could not apply (the pane says so). */
export type SheetNotice = "pageLayout" | "comments" | "links";

export interface ExtrasCapabilities {
  /** ExcelApi 1.9: worksheet.pageLayout. */
  readonly pageLayout?: boolean;
  /** ExcelApi 1.10: workbook.comments. */
  readonly comments?: boolean;
  /** ExcelApi 1.7: range.hyperlink. */
  readonly hyperlinks?: boolean;
}

/** Queues the font, row heights, comments, links and print setup of a planned sheet. */
export function queueSheetExtras(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: PlannedSheet,
  caps: ExtrasCapabilities,
): SheetNotice[] {
  const notices = new Set<SheetNotice>();
  const width = plan.rows[0]?.length ?? 0;
  if (plan.rows.length === 0 || width === 0) return [];
  const all = sheet.getRange(a1Range({ top: 0, left: 0, bottom: plan.rows.length - 1, right: width - 1 }));
  if (plan.print) {
    all.format.font.name = plan.print.font.name;
    all.format.font.size = plan.print.font.size;
  }
  // Each part only where this Excel (or the test double standing in for it) has its API.
  // `format` is a navigation property (a proxy, no load needed): only its class's API is looked at.
  // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
  const format: object = all.format;
  const formatHas = (key: string): boolean => key in format;
  plan.rowHeights?.forEach((h, r) => {
    if (h !== undefined && h > 0 && formatHas("rowHeight"))
      sheet.getRange(`${r + 1}:${r + 1}`).format.rowHeight = h;
  });
  const comments = caps.comments === true && "comments" in context.workbook;
  const hyperlinks = caps.hyperlinks === true && "hyperlink" in all;
  plan.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell.valign && formatHas("verticalAlignment"))
        sheet.getRange(a1(r, c)).format.verticalAlignment = cell.valign === "top" ? "Top" : "Center";
      if (cell.note) {
        if (comments) {
          (
            context.workbook as unknown as { comments: { add(at: string, content: string): void } }
          ).comments.add(`${quote(plan.name)}!${a1(r, c)}`, cell.note);
        } else notices.add("comments");
      }
      if (cell.link && typeof cell.v === "string") {
        if (hyperlinks) {
          (sheet.getRange(a1(r, c)) as unknown as { hyperlink: unknown }).hyperlink = {
            documentReference: cell.link,
            textToDisplay: cell.v,
          };
        } else notices.add("links");
      }
    });
  });
  const print = plan.print;
  if (print) {
    if (caps.pageLayout === true && "pageLayout" in sheet) {
      const layout = (sheet as unknown as { pageLayout: PageLayoutLike }).pageLayout;
      const m = print.marginsMm;
      layout.paperSize = "A4";
      layout.orientation = "Portrait";
      layout.topMargin = mmToPoints(m.top);
      layout.bottomMargin = mmToPoints(m.bottom);
      layout.leftMargin = mmToPoints(m.left);
      layout.rightMargin = mmToPoints(m.right);
      layout.headerMargin = mmToPoints(m.header);
      layout.footerMargin = mmToPoints(m.footer);
      layout.centerHorizontally = true;
      layout.printGridlines = print.gridlines;
      layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
      layout.setPrintArea(a1Range(print.printArea));
      if (print.titleRows)
        layout.setPrintTitleRows(`$${print.titleRows.top + 1}:$${print.titleRows.bottom + 1}`);
      if (print.pageNumbersFromPage2) {
        layout.headersFooters.state = "FirstAndDefault";
        layout.headersFooters.defaultForAllPages.centerHeader = "&P";
        layout.headersFooters.firstPage.centerHeader = "";
      }
      if ("showGridlines" in sheet)
        (sheet as unknown as { showGridlines: boolean }).showGridlines = print.gridlines;
    } else notices.add("pageLayout");
  }
  return [...notices];
}

interface PageLayoutLike {
  paperSize: string;
  orientation: string;
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  centerHorizontally: boolean;
  printGridlines: boolean;
  zoom: { horizontalFitToPages: number; verticalFitToPages: number };
  setPrintArea(range: string): void;
  setPrintTitleRows(rows: string): void;
  headersFooters: {
    state: string;
    defaultForAllPages: { centerHeader: string };
    firstPage: { centerHeader: string };
  };
}

function quote(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Queues a load of the workbook's names; after the caller's sync, `ownSheetsOfLoaded` reads them. */
export function queueNamesLoad(context: Excel.RequestContext): Excel.NamedItemCollection {
  const names = context.workbook.names;
  names.load("items/name,items/formula");
  return names;
}

/** The names loaded by queueNamesLoad, as records. */
export function loadedNames(names: Excel.NamedItemCollection): DefinedNameRecord[] {
  return names.items.map((n) => ({ name: n.name, reference: String(n.formula ?? "") }));
}

/** The own sheets the loaded names record. */
export function ownSheetsOfLoaded(names: Excel.NamedItemCollection): string[] {
  return ownSheetsFromNames(loadedNames(names)).map((o) => o.sheet);
}

/** Queues the names recording the planned sheets marked as the add-in's own. */
export function queueOwnSheetRecords(
  context: Excel.RequestContext,
  plans: ReadonlyArray<PlannedSheet>,
  takenNames: ReadonlyArray<string>,
): void {
  const own = plans.filter((p) => p.own !== undefined).map((p) => ({ name: p.name, kind: p.own! }));
  for (const r of planOwnSheetRecords(own, takenNames)) context.workbook.names.add(r.name, `=${r.reference}`);
}
