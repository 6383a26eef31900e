import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A real PDF of `pages` pages, each saying which page it is and a tag, so that two files differ. */
export async function pdfWithPages(pages: number, tag = 'report'): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= pages; page++) {
    document.addPage([595, 842]).drawText(`${tag} — page ${page} of ${pages}`, { x: 50, y: 780, size: 14, font });
  }
  return document.save();
}

/** Posts a file to a presigned POST, as a browser form would. Returns S3's status. */
export async function postToPresigned(upload: { url: string; fields: Record<string, string> }, bytes: Uint8Array, fileName = 'report.pdf'): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: upload.fields['Content-Type'] ?? 'application/pdf' }), fileName);
  const response = await fetch(upload.url, { method: 'POST', body: form });
  await response.arrayBuffer();
  return response.status;
}
