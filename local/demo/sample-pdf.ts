import { PDFDocument, StandardFonts } from 'pdf-lib';

/**
 * A real PDF of `pages` pages, each saying which page it is and a tag, so that two files differ;
 * `linesPerPage` lines of body text make it as heavy as a written report.
 */
export async function pdfWithPages(pages: number, tag = 'report', linesPerPage = 0): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const line = 'The model is evaluated on a held-out set; precision, recall and the confusion matrix follow. ';
  for (let page = 1; page <= pages; page++) {
    const sheet = document.addPage([595, 842]);
    sheet.drawText(`${tag} — page ${page} of ${pages}`, { x: 50, y: 780, size: 14, font });
    for (let n = 0; n < linesPerPage; n++) sheet.drawText(`${n + 1}. ${line}`, { x: 50, y: 750 - n * 15, size: 9, font });
  }
  return document.save();
}
