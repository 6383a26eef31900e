import type { UploadGrant } from '../../../../client/certiflow-client';

/** What the storage answered to a presigned POST: its status (0 when it could not be reached) and, on a refusal, S3's code and message. */
export interface StorageAnswer {
  status: number;
  code?: string;
  message?: string;
}

function tagOf(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

/**
 * Sends a file straight to a presigned POST, as a browser form does (the grant's fields, then the
 * file last), with `XMLHttpRequest` so that the upload's progress can be shown; never throws.
 */
export function postFileToPresigned(grant: Pick<UploadGrant, 'url' | 'fields'>, file: File, onProgress: (percent: number) => void): Promise<StorageAnswer> {
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.fields)) form.append(name, value);
  form.append('file', file, file.name);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', grant.url);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        onProgress(100);
        resolve({ status: request.status });
        return;
      }
      const body = request.responseText ?? '';
      const code = tagOf(body, 'Code');
      const message = tagOf(body, 'Message');
      resolve({ status: request.status, ...(code ? { code } : {}), ...(message ? { message } : {}) });
    };
    request.onerror = () => resolve({ status: 0 });
    request.ontimeout = () => resolve({ status: 0 });
    request.send(form);
  });
}
