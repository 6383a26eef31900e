/** A `blob:` URL for a PDF read with the signed-in client (a plain link could not send the bearer token); revoke it once it is replaced. */
export function pdfUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }));
}
