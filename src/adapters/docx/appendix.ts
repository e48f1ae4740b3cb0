/**
 * The appendix model (core) → a Word document (the `docx` package), laid out as Decree
 * 30/2020/NĐ-CP sets administrative documents: A4 portrait; margins top and bottom 20 mm, left
 * 30 mm, right 15 mm (the decree's ranges: 20–25, 30–35, 15–20); Times New Roman 13 pt (13–14);
 * the appendix label, the title in bold capitals and the "(Ban hành kèm theo Quyết định số … ngày
 * …)" line in italics, centred, with a short rule under them; page numbers centred in the header,
 * not on the first page.
 *
 * No file system: the CLI writes the bytes, the pane saves them (this module is loaded only when
 * asked for there). Output only: the core decides the content.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  FootnoteReferenceRun,
  Header,
  HeightRule,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from "docx";
import {
  WORD_APPENDIX_TEXT,
  appendixFootnoteText,
  type AppendixBlock,
  type AppendixModel,
} from "../../core/appendix";

/**
 * Characters XML 1.0 cannot hold (C0 controls, U+FFFE/U+FFFF, lone surrogates): a name read from a
 * cell may hold them, and one would make the whole file unreadable. Written as U+FFFD, visibly, as
 * the .xlsx writer does.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern finds
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, "\uFFFD");
}

/** A4 in twentieths of a point, portrait. */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

const MM = 1440 / 25.4;
/** The decree's margins, in twips. */
export const MARGINS_TWIPS = {
  top: Math.round(20 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(30 * MM),
  right: Math.round(15 * MM),
} as const;

export const FONT = "Times New Roman";
/** Body text in half-points (13 pt), headings 14 pt, tables of criteria 11 pt, notes 12 pt. */
const BODY = 26;
const HEADING = 28;
const SMALL = 22;
const NOTE = 24;

/** Text width of the page, in twips: A4 less the side margins (165 mm). */
const TEXT_WIDTH = A4_TWIPS.width - MARGINS_TWIPS.left - MARGINS_TWIPS.right;

export interface ChartPicture {
  readonly png: Uint8Array;
  /** Pixel size of the PNG. */
  readonly width: number;
  readonly height: number;
}

export interface AppendixDocxOptions {
  /** Include each block's criteria table and notes before its ranking table. */
  readonly withCriteria?: boolean;
  /** A chart per block (same order as the model's blocks), placed under its ranking table. */
  readonly charts?: ReadonlyArray<ChartPicture | undefined>;
  /** Document title in the file's properties. */
  readonly title?: string;
}

function centred(text: string, run: { bold?: boolean; italics?: boolean; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: xmlText(text), ...run })],
  });
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
const BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};

function cell(
  children: Array<TextRun | FootnoteReferenceRun>,
  width: number,
  align: (typeof AlignmentType)[keyof typeof AlignmentType],
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 80, right: 80 },
    children: [new Paragraph({ alignment: align, spacing: { before: 40, after: 40 }, children })],
  });
}

function textCell(
  text: string,
  width: number,
  align: (typeof AlignmentType)[keyof typeof AlignmentType],
  size: number,
  bold = false,
): TableCell {
  return cell([new TextRun({ text: xmlText(text), bold, size })], width, align);
}

/**
 * The document's footnotes, numbered in the order they are referenced (Word numbers them so, and
 * a footnote is referenced once). A changed total shown in both tables gets its footnote in the
 * first and, in the second, the same number as a superscript cross-reference.
 */
class Footnotes {
  readonly notes: Record<string, { children: Paragraph[] }> = {};
  private next = 1;
  /** Footnote id by block index and footnote number in the block. */
  private readonly ids = new Map<string, number>();

  constructor(private readonly model: AppendixModel) {}

  /** The run that marks row footnote `n` of block `k`: the reference, or a cross-reference. */
  mark(k: number, n: number, size: number): FootnoteReferenceRun | TextRun {
    const key = `${k}:${n}`;
    const seen = this.ids.get(key);
    if (seen !== undefined) return new TextRun({ text: String(seen), superScript: true, size });
    const id = this.next++;
    this.ids.set(key, id);
    const f = this.model.blocks[k]!.footnotes[n - 1]!;
    this.notes[String(id)] = {
      children: [
        new Paragraph({
          children: [new TextRun({ text: xmlText(appendixFootnoteText(f, this.model.lang)), size: SMALL })],
        }),
      ],
    };
    return new FootnoteReferenceRun(id);
  }
}

function rankingTable(block: AppendixBlock, k: number, notes: Footnotes): Table {
  // STT 12 mm, unit the rest, total 30 mm, level 27 mm: together the text width.
  const widths = [Math.round(12 * MM), 0, Math.round(30 * MM), Math.round(27 * MM)];
  widths[1] = TEXT_WIDTH - widths[0]! - widths[2]! - widths[3]!;
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    height: { value: 500, rule: HeightRule.ATLEAST },
    children: block.headers.map((h, i) => textCell(h, widths[i]!, AlignmentType.CENTER, BODY, true)),
  });
  const rows = block.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          textCell(String(r.stt), widths[0]!, AlignmentType.CENTER, BODY),
          textCell(r.name, widths[1]!, AlignmentType.LEFT, BODY),
          cell(
            [
              new TextRun({ text: xmlText(r.totalText), size: BODY }),
              ...(r.footnote !== undefined ? [notes.mark(k, r.footnote, BODY)] : []),
            ],
            widths[2]!,
            AlignmentType.CENTER,
          ),
          textCell(r.level ?? "", widths[3]!, AlignmentType.CENTER, BODY),
        ],
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [header, ...rows],
  });
}

function criteriaTable(block: AppendixBlock, k: number, notes: Footnotes): Table {
  const n = block.criteriaHeaders.length;
  const stt = Math.round(11 * MM);
  const name = Math.round(38 * MM);
  const rest = Math.floor((TEXT_WIDTH - stt - name) / (n - 2));
  const widths = [stt, name, ...new Array<number>(n - 2).fill(rest)];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.criteriaHeaders.map((h, i) => textCell(h, widths[i]!, AlignmentType.CENTER, SMALL, true)),
  });
  const rows = block.rows.map((r) => {
    const scores = r.scores ?? [];
    const last = scores.length - 1;
    return new TableRow({
      cantSplit: true,
      children: [
        textCell(String(r.stt), widths[0]!, AlignmentType.CENTER, SMALL),
        textCell(r.criteriaName, widths[1]!, AlignmentType.LEFT, SMALL),
        ...scores.map((s, i) =>
          i === last && r.footnote !== undefined
            ? cell(
                [new TextRun({ text: xmlText(s), size: SMALL }), notes.mark(k, r.footnote, SMALL)],
                widths[i + 2]!,
                AlignmentType.CENTER,
              )
            : textCell(s, widths[i + 2]!, AlignmentType.CENTER, SMALL),
        ),
      ],
    });
  });
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
    rows: [header, ...rows],
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    keepNext: true,
    children: [new TextRun({ text: xmlText(text), bold: true, size: BODY })],
  });
}

function blockChildren(
  model: AppendixModel,
  block: AppendixBlock,
  k: number,
  notes: Footnotes,
  options: AppendixDocxOptions,
  chart: ChartPicture | undefined,
): Array<Paragraph | Table> {
  const children: Array<Paragraph | Table> = [
    centred(block.label, { bold: true, size: HEADING }),
    ...block.titleLines.map((l) => centred(l, { bold: true, size: HEADING })),
    centred(block.decisionLine, { italics: true, size: HEADING }),
    // The short rule under the title block.
    new Paragraph({
      indent: { left: Math.round(55 * MM), right: Math.round(55 * MM) },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
      spacing: { after: 240 },
      children: [],
    }),
  ];
  if (options.withCriteria) {
    children.push(heading(`1. ${block.criteriaHeading}`), criteriaTable(block, k, notes));
    if (block.notes.length > 0) {
      children.push(
        new Paragraph({
          spacing: { before: 120 },
          children: [new TextRun({ text: WORD_APPENDIX_TEXT[model.lang].notes, bold: true, size: NOTE })],
        }),
        ...block.notes.map(
          (n) => new Paragraph({ children: [new TextRun({ text: xmlText(n), size: NOTE })] }),
        ),
      );
    }
    children.push(heading(`2. ${block.rankingHeading}`));
  } else {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        keepNext: true,
        children: [new TextRun({ text: xmlText(block.rankingHeading), bold: true, size: BODY })],
      }),
    );
  }
  children.push(
    rankingTable(block, k, notes),
    new Paragraph({
      spacing: { before: 120 },
      children: [new TextRun({ text: xmlText(block.summaryLine), size: BODY })],
    }),
    new Paragraph({
      spacing: { before: 60 },
      children: [new TextRun({ text: xmlText(model.frameworkNote), italics: true, size: NOTE })],
    }),
  );
  if (chart) {
    // 16 cm wide (at 96 pixels to the inch), the height in proportion.
    const width = Math.round((160 / 25.4) * 96);
    const height = Math.round((width * chart.height) / chart.width);
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 240 },
        children: [
          new ImageRun({
            type: "png",
            data: chart.png,
            transformation: { width, height },
            altText: {
              name: xmlText(block.label),
              title: xmlText(block.rankingHeading),
              description: xmlText(block.rankingHeading),
            },
          }),
        ],
      }),
    );
  }
  return children;
}

/** The Word document of the model: one section per block, each starting on a new page. */
export function appendixDocument(model: AppendixModel, options: AppendixDocxOptions = {}): Document {
  const notes = new Footnotes(model);
  const pageNumber = new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT] })],
      }),
    ],
  });
  const sections: ISectionOptions[] = model.blocks.map((block, k) => ({
    properties: {
      titlePage: true,
      page: {
        size: { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.PORTRAIT },
        margin: { ...MARGINS_TWIPS, header: Math.round(10 * MM), footer: Math.round(10 * MM) },
      },
    },
    headers: { default: pageNumber, first: new Header({ children: [new Paragraph({ children: [] })] }) },
    children: blockChildren(model, block, k, notes, options, options.charts?.[k]),
  }));
  return new Document({
    creator: "CQS",
    title: xmlText(options.title ?? model.blocks[0]?.titleLines[0] ?? ""),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY, language: { value: model.lang === "vi" ? "vi-VN" : "en-GB" } },
          paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    // Filled while the sections were built.
    footnotes: notes.notes,
    sections,
  });
}

/** The .docx bytes of the model. */
export function appendixDocx(model: AppendixModel, options: AppendixDocxOptions = {}): Promise<Uint8Array> {
  return Packer.pack(appendixDocument(model, options), "uint8array");
}
