import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import { fontsModule } from '../../../scripts/embed-fonts';
import { NOTO_SANS_REGULAR } from '../../../shared/adapters/pdf/fonts.generated';
import { sfntFromWoff } from '../../../shared/adapters/pdf/woff';
import { checkJpeg, checkPng, UnreadableImage } from '../../../shared/adapters/pdf/image-check';
import { pdfDocuments } from '../../../shared/adapters/pdf/documents';
import { frenchDate, frenchInstant } from '../../../shared/adapters/pdf/french';
import type { PvDocument } from '../../../shared/use-cases/records/documents';
import { stampPng } from '../../e2e/support/documents';

const PV: PvDocument = {
  draft: true,
  datedAt: new Date('2027-06-14T16:00:00Z'),
  timeZone: 'Europe/Paris',
  part1: { certificationName: 'Développeur·se en intelligence artificielle', rncpCode: 'RNCP34757', sessionDate: '2027-06-15', centreName: 'Centre de Lyon', centreAddress: '12 rue des Lilas, 69001 Lyon', counts: { registered: 2, absent: 1, admitted: 1, partiallyAdmitted: 0, notAdmitted: 0 } },
  part2: [
    { name: 'Éloïse Lefèvre', result: 'admitted', blocksValidated: ['A1', 'A2', 'A3', 'A4'] },
    { name: 'Noël Çelik', result: 'absent', blocksValidated: [] },
  ],
  part3: { jurors: [{ name: 'Camille Durand' }], sessionManager: { name: 'Hélène Roux' } },
};

function text(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-unit-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), bytes);
    return execFileSync('pdftotext', ['-nodiag', '-enc', 'UTF-8', join(dir, 'd.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the French documents (PV-2, PV-3, PV-4, PV-7)', () => {
  it('PV-4: the same PV gives the same bytes, so a signature names one draft by its SHA-256', async () => {
    const [a, b] = [await pdfDocuments.pv(PV), await pdfDocuments.pv(PV)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const changed = await pdfDocuments.pv({ ...PV, part2: [{ ...PV.part2[0]!, name: 'Eloise Lefevre' }, PV.part2[1]!] });
    expect(Buffer.from(changed).equals(Buffer.from(a))).toBe(false);
  });

  it('PV-2, PV-3: French text with its accents is embedded as text a reader can search and copy', async () => {
    const extracted = text(await pdfDocuments.pv(PV));
    for (const words of ['Procès-verbal de la session de certification', 'Éloïse Lefèvre', 'Noël Çelik', 'Hélène Roux', '15 juin 2027', 'Absent·e', 'PROJET']) expect(extracted).toContain(words);
  });

  it('PV-7: the sealed PV carries the stamp image and each signature, dated in the session\'s zone with its offset', async () => {
    const sealed = await pdfDocuments.pv({
      ...PV,
      draft: false,
      part3: {
        jurors: [{ name: 'Camille Durand', signature: { signedAt: new Date('2027-06-15T15:10:00Z'), sha256: 'ab'.repeat(32) } }],
        sessionManager: { name: 'Hélène Roux', signature: { signedAt: new Date('2027-06-15T15:20:00Z'), sha256: 'ab'.repeat(32) } },
        stamp: { bytes: stampPng(), contentType: 'image/png', appliedAt: new Date('2027-06-15T15:30:00Z') },
      },
      sealedAt: new Date('2027-06-15T15:31:00Z'),
    });
    const extracted = text(sealed);
    expect(extracted).not.toContain('PROJET');
    expect(extracted).toContain('Signé électroniquement le 15 juin 2027 à 17:10 (UTC+02:00)');
    expect(extracted).toContain('Cachet du centre organisateur, apposé le 15 juin 2027 à 17:30 (UTC+02:00)');
    expect(Buffer.from(sealed).includes(Buffer.from('/Subtype /Image'))).toBe(true);
  });

  it('dates an instant in winter and in summer with the offset of that day', () => {
    expect(frenchInstant(new Date('2027-01-15T08:00:00Z'), 'Europe/Paris')).toBe('15 janvier 2027 à 09:00 (UTC+01:00)');
    expect(frenchInstant(new Date('2027-07-15T08:00:00Z'), 'Europe/Paris')).toBe('15 juillet 2027 à 10:00 (UTC+02:00)');
    expect(frenchInstant(new Date('2027-07-15T08:00:00Z'), 'UTC')).toBe('15 juillet 2027 à 08:00 (UTC+00:00)');
    expect(frenchInstant(new Date('2027-06-01T07:30:00Z'), 'America/Martinique')).toBe('1er juin 2027 à 03:30 (UTC-04:00)');
    expect(frenchDate('2027-06-01')).toBe('1er juin 2027');
  });

  it('the fonts are read as plain OpenType, every table inflated to the length the WOFF states', () => {
    const woff = Buffer.from(NOTO_SANS_REGULAR, 'base64');
    const sfnt = sfntFromWoff(woff);
    expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4));
    expect(sfnt.length).toBe(woff.readUInt32BE(16));
    const [fromWoff, fromSfnt] = [fontkit.create(woff), fontkit.create(sfnt)];
    expect([fromSfnt.numGlyphs, fromSfnt.postscriptName]).toEqual([fromWoff.numGlyphs, fromWoff.postscriptName]);
    expect(() => sfntFromWoff(Buffer.from('OTTO not a woff'))).toThrow(/not a WOFF 1.0 font/);
  });

  it('the embedded font file is exactly what scripts/embed-fonts.ts generates from the pinned package', () => {
    expect(readFileSync('shared/adapters/pdf/fonts.generated.ts', 'utf8')).toBe(fontsModule());
  });
});

describe('a stamp image is checked before any decoder reads it (PV-4)', () => {
  it('accepts a whole PNG and answers its size', async () => {
    expect(checkPng(stampPng(80))).toEqual({ width: 80, height: 80 });
    expect(await pdfDocuments.imageSize(stampPng(80), 'image/png')).toEqual({ width: 80, height: 80 });
  });

  it('refuses a truncated PNG, a corrupted chunk, and data that does not match the header, without hanging', () => {
    const png = stampPng(40);
    expect(() => checkPng(png.subarray(0, 60))).toThrow(UnreadableImage);
    const corrupted = Buffer.from(png);
    corrupted[40] = corrupted[40]! ^ 0xff;
    expect(() => checkPng(corrupted)).toThrow(/bad CRC|does not inflate|does not match/);
    expect(() => checkPng(Buffer.from('not a png at all'))).toThrow(/not a PNG signature/);
  });

  it('refuses a JPEG cut short or without a frame, and reads the size of a well-formed one', () => {
    const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x20, 0x00, 0x30, 0x01, 0x01, 0x11, 0x00]);
    const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos, Buffer.from([0x12, 0x34]), Buffer.from([0xff, 0xd9])]);
    expect(checkJpeg(jpeg)).toEqual({ width: 48, height: 32 });
    expect(() => checkJpeg(jpeg.subarray(0, jpeg.length - 2))).toThrow(/no JPEG end of image/);
    expect(() => checkJpeg(Buffer.concat([Buffer.from([0xff, 0xd8]), sos, Buffer.from([0xff, 0xd9])]))).toThrow(/no baseline or progressive frame/);
  });
});
