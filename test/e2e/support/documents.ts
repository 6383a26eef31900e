import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateSync } from 'node:zlib';

const run = promisify(execFile);

/** The text of a PDF as poppler's `pdftotext` extracts it, laid out, diagonal text (the PROJET watermark) left out. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return withFile(bytes, 'document.pdf', async (path) => (await run('pdftotext', ['-layout', '-nodiag', '-enc', 'UTF-8', path, '-'], { maxBuffer: 16 * 1024 * 1024 })).stdout);
}

/** Every page of a PDF rendered to PNG by poppler's `pdftoppm`, at `dpi`. */
export async function pdfPages(bytes: Uint8Array, dpi = 60): Promise<Buffer[]> {
  return withFile(bytes, 'document.pdf', async (path, dir) => {
    await run('pdftoppm', ['-png', '-r', String(dpi), path, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((name) => name.startsWith('page') && name.endsWith('.png'))
      .sort()
      .map((name) => readFileSync(join(dir, name)));
  });
}

/** Validates an XML document against an XSD with `xmllint`; the errors it printed, empty when valid. */
export async function xmlSchemaErrors(xml: string, xsdPath: string): Promise<string> {
  return withFile(new TextEncoder().encode(xml), 'flux.xml', async (path) => {
    try {
      await run('xmllint', ['--noout', '--schema', xsdPath, path]);
      return '';
    } catch (error) {
      return String((error as { stderr?: string }).stderr ?? error);
    }
  });
}

async function withFile<T>(bytes: Uint8Array, name: string, use: (path: string, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'certiflow-doc-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return await use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A round red stamp as a real PNG (8-bit RGBA), `size` pixels square. */
export function stampPng(size = 96): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      const ring = distance < size / 2 - 1 && (distance > size / 2 - 8 || distance < size / 6);
      row.set(ring ? [200, 20, 30, 255] : [255, 255, 255, 0], 1 + x * 4);
    }
    rows.push(row);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
