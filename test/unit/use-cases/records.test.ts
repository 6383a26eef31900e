import { describe, expect, it } from 'vitest';
import { appealsCloseAt, checkAppealInTime, Conflict } from '../../../shared/domain';
import type { RecordsArchive, StoredRecord } from '../../../shared/use-cases/records/documents';
import { normalizeVerificationCode, VERIFICATION_CODE, verificationCodeFrom } from '../../../shared/use-cases/records/verification-code';
import { writeOnce } from '../../../shared/use-cases/records/write-once';

describe('verification codes (RETAKE-1)', () => {
  it('are three groups of four Crockford characters, different for different ids, the same for the same id', () => {
    const codes = new Set(Array.from({ length: 2000 }, (_, i) => verificationCodeFrom(`id-${i}`)));
    expect(codes.size).toBe(2000);
    for (const code of codes) expect(code).toMatch(VERIFICATION_CODE);
    expect(verificationCodeFrom('same')).toBe(verificationCodeFrom('same'));
  });

  it('are read as people type them: lower case, spaces, no dashes, O for 0, I and L for 1; anything else is no code', () => {
    const code = verificationCodeFrom('x');
    expect(normalizeVerificationCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normalizeVerificationCode('oooo-iiii-llll')).toBe('0000-1111-1111');
    expect(normalizeVerificationCode('ABCD-EFGH-JKU0')).toBeUndefined();
    expect(normalizeVerificationCode('short')).toBeUndefined();
  });
});

describe('the appeal window (QUAL-1)', () => {
  it('QUAL-1: runs to the end of the day, in the session\'s zone, the given months after the release', () => {
    const closes = appealsCloseAt(new Date('2027-06-20T14:00:00Z'), 2, 'Europe/Paris');
    expect(closes.toISOString()).toBe('2027-08-20T22:00:00.000Z');
    // Released at 00:30 on 1 January 2028 in Paris (still 31 December in UTC): the window runs through 1 March 2028, Paris time.
    expect(appealsCloseAt(new Date('2027-12-31T23:30:00Z'), 2, 'Europe/Paris').toISOString()).toBe('2028-03-01T23:00:00.000Z');
  });

  it('QUAL-1: an appeal one minute before the window closes is in time, one at the instant it closes is not', () => {
    const closes = new Date('2027-08-20T22:00:00Z');
    expect(checkAppealInTime(new Date(closes.getTime() - 60_000), closes, 'Europe/Paris').ok).toBe(true);
    const late = checkAppealInTime(closes, closes, 'Europe/Paris');
    expect(late.ok).toBe(false);
    expect(late.violations[0]!.message).toBe('QUAL-1: the window for appeals against this session closed at 2027-08-21 00:00 (Europe/Paris, UTC+02:00); the certifier accepts appeals until then');
    expect(checkAppealInTime(new Date('2030-01-01T00:00:00Z'), undefined, 'Europe/Paris').ok).toBe(true);
  });
});

describe('a record written once (PV-7)', () => {
  const stored = (sha256: string): StoredRecord => ({ key: 'k', s3VersionId: 'v1', sha256, contentType: 'application/pdf', size: 3 });
  function archive(existing?: StoredRecord): Pick<RecordsArchive, 'put' | 'find'> & { puts: number } {
    return {
      puts: 0,
      async put() {
        this.puts++;
        if (existing) throw new Conflict('exists');
        return stored('new');
      },
      async find() {
        return existing;
      },
    };
  }

  it('PV-7: is written when the key is free', async () => {
    expect((await writeOnce(archive(), 'k', new Uint8Array(3), 'application/pdf', 'new')).sha256).toBe('new');
  });

  it('PV-7: a retry that finds the same bytes takes the record already there', async () => {
    expect(await writeOnce(archive(stored('same')), 'k', new Uint8Array(3), 'application/pdf', 'same')).toEqual(stored('same'));
  });

  it('PV-7: other bytes under the key are a conflict, and the record there stays', async () => {
    await expect(writeOnce(archive(stored('other')), 'k', new Uint8Array(3), 'application/pdf', 'mine')).rejects.toThrow(/already holds other bytes \(SHA-256 other\); records are never replaced \(PV-7\)/);
  });
});
