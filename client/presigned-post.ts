/** Posts a file to a presigned POST, as a browser form would. Returns S3's status. */
export async function postToPresigned(upload: { url: string; fields: Record<string, string> }, bytes: Uint8Array, fileName = 'report.pdf'): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([bytes], { type: upload.fields['Content-Type'] ?? 'application/pdf' }), fileName);
  const response = await fetch(upload.url, { method: 'POST', body: form });
  await response.arrayBuffer();
  return response.status;
}
