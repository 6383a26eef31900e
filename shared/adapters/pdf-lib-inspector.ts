import { PDFDocument } from 'pdf-lib';
import type { PdfInspector } from '../use-cases/deliverables/ports';

const PDF_MAGIC = '%PDF-';

/** Counts pages by parsing the document with pdf-lib; a file that is not a PDF has none. */
export const pdfLibInspector: PdfInspector = {
  async countPages(bytes: Uint8Array): Promise<number | undefined> {
    if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').indexOf(PDF_MAGIC) < 0) return undefined;
    try {
      const document = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
      return document.getPageCount();
    } catch {
      return undefined;
    }
  },
};
