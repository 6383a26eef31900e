import fontkit from '@pdf-lib/fontkit';
import { degrees, PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { NOTO_SANS_BOLD, NOTO_SANS_REGULAR } from './fonts.generated';
import { sfntFromWoff } from './woff';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.75, 0.75, 0.78);

/** The two fonts as plain OpenType, decoded once. */
const FONT_BYTES = { regular: sfntFromWoff(Buffer.from(NOTO_SANS_REGULAR, 'base64')), bold: sfntFromWoff(Buffer.from(NOTO_SANS_BOLD, 'base64')) };

/**
 * fontkit, parsing each font once per process: every document embeds its own subset, but the
 * parsed font (and the glyph layouts fontkit caches on it) serves them all.
 */
const cachedFontkit: typeof fontkit = (() => {
  const parsed = new Map<Uint8Array, ReturnType<typeof fontkit.create>>();
  return {
    ...fontkit,
    create(data: Uint8Array, postscriptName?: string) {
      let font = parsed.get(data);
      if (!font) {
        font = fontkit.create(data, postscriptName);
        parsed.set(data, font);
      }
      return font;
    },
  };
})();

/** What a document states about itself: its title, and the instant its content is dated (never the clock of the machine that renders it). */
export interface DocumentMeta {
  title: string;
  subject: string;
  /** Fixes the PDF's creation and modification dates, so that the same content always gives the same bytes. */
  datedAt: Date;
  /** Marks every page, e.g. "PROJET" on a draft. */
  watermark?: string;
}

/** A column of a table: its header and its share of the width. */
export interface Column {
  header: string;
  width: number;
}

/**
 * Writes an A4 document top to bottom in Noto Sans (French accents, œ, guillemets, dashes):
 * headings, wrapped paragraphs, label–value lines, tables that break across pages, images, and a
 * footer numbering the pages. The output is deterministic: same content, same bytes.
 */
export class DocumentWriter {
  private page!: PDFPage;
  private y = 0;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
    private readonly meta: DocumentMeta,
  ) {
    this.newPage();
  }

  /** A new document with its fonts embedded (subset) and its metadata fixed. */
  static async create(meta: DocumentMeta): Promise<DocumentWriter> {
    const doc = await PDFDocument.create({ updateMetadata: false });
    doc.registerFontkit(cachedFontkit);
    const [regular, bold] = await Promise.all([doc.embedFont(FONT_BYTES.regular, { subset: true }), doc.embedFont(FONT_BYTES.bold, { subset: true })]);
    doc.setTitle(meta.title);
    doc.setSubject(meta.subject);
    doc.setProducer('Certiflow');
    doc.setCreator('Certiflow');
    doc.setLanguage('fr-FR');
    doc.setCreationDate(meta.datedAt);
    doc.setModificationDate(meta.datedAt);
    return new DocumentWriter(doc, regular, bold, meta);
  }

  private get width(): number {
    return A4[0] - 2 * MARGIN;
  }

  private newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }

  private ensure(height: number): void {
    if (this.y - height < MARGIN + 24) this.newPage();
  }

  /** The lines `text` wraps to within `width` points. */
  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
        else {
          lines.push(line);
          line = word;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  /** The document's title, centred, and a subtitle under it. */
  title(text: string, subtitle?: string): this {
    for (const line of this.wrap(text, this.bold, 16, this.width)) {
      this.ensure(22);
      this.page.drawText(line, { x: MARGIN + (this.width - this.bold.widthOfTextAtSize(line, 16)) / 2, y: this.y - 16, size: 16, font: this.bold, color: INK });
      this.y -= 22;
    }
    if (subtitle) {
      for (const line of this.wrap(subtitle, this.regular, 10, this.width)) {
        this.page.drawText(line, { x: MARGIN + (this.width - this.regular.widthOfTextAtSize(line, 10)) / 2, y: this.y - 10, size: 10, font: this.regular, color: MUTED });
        this.y -= 14;
      }
    }
    this.y -= 10;
    return this;
  }

  /** A section heading with a rule under it. */
  heading(text: string): this {
    this.ensure(40);
    this.y -= 8;
    this.page.drawText(text, { x: MARGIN, y: this.y - 12, size: 12, font: this.bold, color: INK });
    this.y -= 17;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.6, color: RULE });
    this.y -= 8;
    return this;
  }

  /** A wrapped paragraph. */
  paragraph(text: string, options: { bold?: boolean; size?: number; muted?: boolean } = {}): this {
    const font = options.bold ? this.bold : this.regular;
    const size = options.size ?? 10;
    for (const line of this.wrap(text, font, size, this.width)) {
      this.ensure(size + 4);
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font, color: options.muted ? MUTED : INK });
      this.y -= size + 4;
    }
    this.y -= 4;
    return this;
  }

  /** Label–value lines, the labels in bold. */
  fields(rows: ReadonlyArray<[string, string]>): this {
    const labelWidth = 170;
    for (const [label, value] of rows) {
      const lines = this.wrap(value, this.regular, 10, this.width - labelWidth);
      this.ensure(14 * lines.length);
      this.page.drawText(label, { x: MARGIN, y: this.y - 10, size: 10, font: this.bold, color: INK });
      for (const [index, line] of lines.entries()) this.page.drawText(line, { x: MARGIN + labelWidth, y: this.y - 10 - index * 14, size: 10, font: this.regular, color: INK });
      this.y -= 14 * Math.max(1, lines.length);
    }
    this.y -= 6;
    return this;
  }

  /** A table with a bold header row, each cell wrapped; the header repeats on a new page. */
  table(columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): this {
    const size = 8.5;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const drawRow = (cells: readonly string[], font: PDFFont) => {
      const wrapped = cells.map((cell, i) => this.wrap(cell, font, size, widths[i]! - 6));
      const height = Math.max(...wrapped.map((lines) => lines.length)) * (size + 3) + 6;
      if (this.y - height < MARGIN + 24) {
        this.newPage();
        if (font !== this.bold) drawRow(columns.map((c) => c.header), this.bold);
      }
      let x = MARGIN;
      for (const [i, lines] of wrapped.entries()) {
        for (const [n, line] of lines.entries()) this.page.drawText(line, { x: x + 3, y: this.y - 3 - size - n * (size + 3), size, font, color: INK });
        x += widths[i]!;
      }
      this.y -= height;
      this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + this.width, y: this.y }, thickness: 0.4, color: RULE });
    };
    this.ensure(40);
    drawRow(columns.map((c) => c.header), this.bold);
    for (const row of rows) drawRow(row, this.regular);
    this.y -= 10;
    return this;
  }

  /** An image (a centre's stamp), at most `maxWidth` wide, with a caption. */
  async image(bytes: Uint8Array, contentType: 'image/png' | 'image/jpeg', caption: string, maxWidth = 140): Promise<this> {
    const image: PDFImage = contentType === 'image/png' ? await this.doc.embedPng(bytes) : await this.doc.embedJpg(bytes);
    const scale = Math.min(1, maxWidth / image.width);
    const height = image.height * scale;
    this.ensure(height + 24);
    this.page.drawImage(image, { x: MARGIN, y: this.y - height, width: image.width * scale, height });
    this.y -= height + 4;
    return this.paragraph(caption, { size: 8, muted: true });
  }

  /** Numbers the pages, writes the watermark, and returns the document's bytes. */
  async save(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    for (const [index, page] of pages.entries()) {
      const footer = `${this.meta.title} — page ${index + 1} sur ${pages.length}`;
      page.drawText(footer, { x: MARGIN, y: MARGIN - 20, size: 7.5, font: this.regular, color: MUTED });
      if (this.meta.watermark) {
        page.drawText(this.meta.watermark, { x: 130, y: 260, size: 110, font: this.bold, color: rgb(0.85, 0.2, 0.2), opacity: 0.18, rotate: degrees(45) });
      }
    }
    return this.doc.save({ useObjectStreams: false });
  }
}
