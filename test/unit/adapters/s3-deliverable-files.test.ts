import { beforeAll, describe, expect, it, vi } from 'vitest';
import { S3DeliverableFiles } from '../../../shared/adapters/s3-deliverable-files';

describe('S3DeliverableFiles', () => {
  beforeAll(() => {
    vi.stubEnv('AWS_REGION', 'eu-west-3');
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
  });

  it('DELIV-7: presigns a POST for exactly one key, PDF only, within the size limit, expiring soon', async () => {
    const files = new S3DeliverableFiles('deliverables-bucket');
    const before = Date.now();
    const upload = await files.presignUpload('uploads/s/r/project-report/u.pdf', 20 * 1024 * 1024, 900);
    expect(upload.fields).toMatchObject({ key: 'uploads/s/r/project-report/u.pdf', 'Content-Type': 'application/pdf' });
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { bucket: 'deliverables-bucket' },
        ['eq', '$key', 'uploads/s/r/project-report/u.pdf'],
        ['eq', '$Content-Type', 'application/pdf'],
        ['content-length-range', 1, 20 * 1024 * 1024],
      ]),
    );
    const expiresInMs = Date.parse(policy.expiration) - before;
    expect(expiresInMs).toBeGreaterThan(890_000);
    expect(expiresInMs).toBeLessThanOrEqual(901_000);
  });

  it('DELIV-7: presigns a download of exactly one object version as a named PDF attachment, for a few minutes', async () => {
    const url = new URL(await new S3DeliverableFiles('deliverables-bucket').presignDownload('uploads/a.pdf', 'Gh7.Xk_3', 'Martin report v3.pdf', 300));
    expect(url.searchParams.get('versionId')).toBe('Gh7.Xk_3');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe('attachment; filename="Martin_report_v3.pdf"');
  });
});
