import { describe, expect, it } from 'vitest';
import { appealsCloseAt, checkAppealInTime, Conflict, StepOutOfOrder, violationMessage } from '../../../shared/domain';
import type { SessionPlanning } from '../../../shared/use-cases/sessions/records';
import type { RecordsArchive, StoredRecord } from '../../../shared/use-cases/records/documents';
import { pvOf } from '../../../shared/use-cases/records/pv-signing';
import { assertResultsFinal } from '../../../shared/use-cases/records/results';
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
        if (existing) throw new Conflict({ en: 'exists', fr: 'existe' });
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

  it('PV-7: the conflict is said in French too, with the record kept unaltered', async () => {
    const refused = await writeOnce(archive(stored('other')), 'k', new Uint8Array(3), 'application/pdf', 'mine').then(
      () => undefined,
      (error: unknown) => error as Conflict,
    );
    expect(refused).toBeInstanceOf(Conflict);
    if (!refused) return;
    expect(refused.sentence.fr).toBe("le document k a déjà un autre contenu (SHA-256 other) ; un document archivé n'est jamais remplacé (PV-7)");
    expect(refused.violations).toEqual([
      { ruleId: 'PV-7', message: 'PV-7: k was written before with other content and is kept unaltered', messageFr: 'PV-7 : le document k a déjà été écrit avec un autre contenu et reste inchangé' },
    ]);
  });
});

describe('refusals of the records, in French (PV-5, PV-6)', () => {
  const planning = (status: string) => ({ session: { id: 's-1', status } }) as unknown as SessionPlanning;

  it('PV-6: results that are not final are refused in English and in French', () => {
    let refused: StepOutOfOrder | undefined;
    try {
      assertResultsFinal(planning('exam-day'));
    } catch (error) {
      refused = error as StepOutOfOrder;
    }
    expect(refused).toBeInstanceOf(StepOutOfOrder);
    expect(refused!.message).toBe("PV-6: session s-1's PV is not sealed yet (it is in exam-day)");
    expect(refused!.sentence.fr).toBe("PV-6 : le PV de la session s-1 n'est pas encore scellé (elle est à l'état exam-day)");
    expect(violationMessage(refused!.violations[0]!, 'fr')).toBe(refused!.sentence.fr);
  });

  it('PV-5: a PV not drafted yet is not found, said in French too', () => {
    expect(() => pvOf(planning('ready-for-exam'))).toThrow(
      expect.objectContaining({
        message: 'the PV of session s-1 is drafted on the eve of its exam day (PV-5); the session is in ready-for-exam',
        sentence: expect.objectContaining({ fr: "le PV de la session s-1 est établi la veille de son jour d'examen (PV-5) ; la session est à l'état ready-for-exam" }),
      }),
    );
  });
});
