import { describe, expect, it } from 'vitest';
import {
  acceptUpload,
  checkDeliverableOwed,
  checkIndividual,
  checkJuryDocumentRequest,
  checkPageCount,
  computeScope,
  DeliverableRefused,
  findDeliverableType,
  intakeClosesAt,
  intakeClosingDay,
  InvalidScope,
  isLate,
  receiveUpload,
  selectJurySet,
  type DeliverableUpload,
  type DeliverableVersion,
} from '../../../shared/domain';
import { at, first, fullScope, ref, retake } from './fixtures';

const SESSION = { date: '2025-06-20', timeZone: 'Europe/Paris' };

const upload = (over: Partial<DeliverableUpload> = {}): DeliverableUpload => ({
  id: 'up-1',
  registrationId: 'reg-1',
  deliverableType: 'project-report',
  uploader: { id: 'cand-1', as: 'candidate' },
  receivedAt: at('2025-06-01T10:00:00Z'),
  pages: 24,
  contentHash: 'hash-1',
  ...over,
});

function store(uploads: DeliverableUpload[], scope = fullScope): DeliverableVersion[] {
  const versions: DeliverableVersion[] = [];
  for (const u of uploads) versions.push(receiveUpload({ scope, registration: { id: u.registrationId, candidateId: u.uploader.id }, calendar: SESSION, upload: u, existingVersions: versions }).version);
  return versions;
}

describe('scope and deliverables', () => {
  it.each<[string, string[], string[]]>([
    ['a first attempt', [], ['project-report', 'practical-case-1-report', 'practical-case-2-report']],
    ['a retake of A1 only', ['A2', 'A3', 'A4'], ['project-report']],
    ['a retake of A2', ['A1', 'A3', 'A4'], ['project-report', 'practical-case-1-report']],
    ['a retake of A3', ['A1', 'A2', 'A4'], ['project-report', 'practical-case-1-report']],
    ['a retake of A4', ['A1', 'A2', 'A3'], ['project-report', 'practical-case-2-report']],
    ['a retake of A1 and A4', ['A2', 'A3'], ['project-report', 'practical-case-2-report']],
  ])('DELIV-1: %s owes %j', (_name, validated, owed) => {
    const scope = computeScope(ref, validated.length === 0 ? first() : retake(validated));
    expect(scope.deliverables.map((d) => d.id)).toEqual(owed);
  });

  it('DELIV-1: E1 is owed in every possible scope', () => {
    const blocks = ['A1', 'A2', 'A3', 'A4'];
    for (let mask = 0; mask < 15; mask++) {
      const validated = blocks.filter((_, i) => mask & (1 << i));
      expect(computeScope(ref, retake(validated)).deliverables.map((d) => d.modality)).toContain('E1');
    }
  });

  it.each([
    ['project-report', 14, 'DELIV-2: the project report has 14 pages; 20 to 30 are required'],
    ['project-report', 31, 'DELIV-2: the project report has 31 pages; 20 to 30 are required'],
    ['practical-case-1-report', 4, 'DELIV-2: the practical case 1 report has 4 pages; 5 to 10 are required'],
    ['practical-case-2-report', 6, 'DELIV-2: the practical case 2 report has 6 pages; 2 to 5 are required'],
    ['practical-case-2-report', 1, 'DELIV-2: the practical case 2 report has 1 page; 2 to 5 are required'],
  ])('DELIV-2: a %s of %i pages is refused with the count and range', (id, pages, message) => {
    const result = checkPageCount(findDeliverableType(ref, id)!, pages);
    expect(result.ok).toBe(false);
    expect(result.violations.map((v) => v.message)).toEqual([message]);
  });

  it.each([
    ['project-report', 20],
    ['project-report', 30],
    ['practical-case-1-report', 5],
    ['practical-case-1-report', 10],
    ['practical-case-2-report', 2],
    ['practical-case-2-report', 5],
  ])('DELIV-2: a %s of %i pages (a bound) is accepted', (id, pages) => {
    expect(checkPageCount(findDeliverableType(ref, id)!, pages)).toEqual({ ok: true, violations: [] });
  });

  it('DELIV-2: refusing an upload throws DeliverableRefused carrying the rule', () => {
    expect(() => acceptUpload({ scope: fullScope, registration: { id: 'reg-1', candidateId: 'cand-1' }, calendar: SESSION, upload: upload({ pages: 14 }), existingVersions: [] })).toThrow(DeliverableRefused);
  });

  it('DELIV-3: a candidate cannot submit a deliverable their scope does not require', () => {
    const a1Only = computeScope(ref, retake(['A2', 'A3', 'A4']));
    const result = checkDeliverableOwed(a1Only, 'practical-case-2-report');
    expect(result.violations[0]?.message).toBe('DELIV-3: "practical-case-2-report" is not a deliverable this candidate owes; only project-report may be submitted');
    expect(checkDeliverableOwed(a1Only, 'project-report').ok).toBe(true);
    expect(checkDeliverableOwed(fullScope, 'cover-letter').ok).toBe(false);
  });

  it('DELIV-3: the jury cannot request an extra document', () => {
    expect(checkJuryDocumentRequest(fullScope, 'source-code-archive').violations[0]?.ruleId).toBe('DELIV-3');
    expect(checkJuryDocumentRequest(fullScope, 'project-report').ok).toBe(true);
  });

  it('DELIV-3: receiving an unowed upload refuses it', () => {
    const a1Only = computeScope(ref, retake(['A2', 'A3', 'A4']));
    const { version } = receiveUpload({ scope: a1Only, registration: { id: 'reg-1', candidateId: 'cand-1' }, calendar: SESSION, upload: upload({ deliverableType: 'practical-case-1-report', pages: 6 }), existingVersions: [] });
    expect(version.status).toBe('refused');
    expect(version.violations.map((v) => v.ruleId)).toEqual(['DELIV-3']);
  });

  it.each([
    ['2025-06-20', '2025-06-15'],
    ['2025-03-03', '2025-02-26'],
    ['2024-03-04', '2024-02-28'],
    ['2025-01-02', '2024-12-28'],
  ])('DELIV-4: a session on %s closes intake at the start of %s', (session, closingDay) => {
    expect(intakeClosingDay(session)).toBe(closingDay);
  });

  it.each([
    ['2025-06-20', 'Europe/Paris', '2025-06-14T22:00:00.000Z'],
    ['2027-04-01', 'Europe/Paris', '2027-03-26T23:00:00.000Z'],
    ['2027-04-03', 'Europe/Paris', '2027-03-28T22:00:00.000Z'],
    ['2027-06-15', 'America/Guadeloupe', '2027-06-10T04:00:00.000Z'],
    ['2027-06-15', 'Pacific/Noumea', '2027-06-09T13:00:00.000Z'],
  ])('DELIV-4: a session on %s in %s closes intake at 00:00 local of D−5, %s', (date, timeZone, instant) => {
    expect(intakeClosesAt({ date, timeZone }).toISOString()).toBe(instant);
  });

  it('DELIV-4: an owed deliverable never received is missing from the jury set', () => {
    const set = selectJurySet(fullScope, 'reg-1', SESSION, store([upload()]));
    expect(set.missing.map((v) => v.message)).toEqual([
      'DELIV-4: the practical case 1 report was not received before intake closed at 2025-06-15 00:00 (Europe/Paris, UTC+02:00), 5 days before the session',
      'DELIV-4: the practical case 2 report was not received before intake closed at 2025-06-15 00:00 (Europe/Paris, UTC+02:00), 5 days before the session',
    ]);
  });

  it.each([
    ['2025-06-14T21:59:59Z', false],
    ['2025-06-14T22:00:00Z', true],
    ['2025-06-15T23:59:59Z', true],
  ])('DELIV-5: an upload received at %s is late: %s', (receivedAt, late) => {
    expect(isLate(SESSION, at(receivedAt))).toBe(late);
  });

  it('DELIV-5: a late upload is kept, flagged late, and comes with a notice for the manager', () => {
    const received = receiveUpload({ scope: fullScope, registration: { id: 'reg-1', candidateId: 'cand-1' }, calendar: SESSION, upload: upload({ receivedAt: at('2025-06-17T08:00:00Z') }), existingVersions: [] });
    expect(received.version).toMatchObject({ status: 'accepted', late: true });
    expect(received.lateNotice?.message).toBe(
      'DELIV-5: the project report arrived at 2025-06-17 10:00 (Europe/Paris, UTC+02:00), after intake closed at 2025-06-15 00:00 (Europe/Paris, UTC+02:00); it is kept but not given to the jury unless the session manager admits it',
    );
  });

  it('DELIV-2, DELIV-5: refusals are also said in French, naming the deliverable by its French name', () => {
    const received = receiveUpload({ scope: fullScope, registration: { id: 'reg-1', candidateId: 'cand-1' }, calendar: SESSION, upload: upload({ receivedAt: at('2025-06-17T08:00:00Z') }), existingVersions: [] });
    expect(received.lateNotice?.messageFr).toBe(
      `DELIV-5 : le livrable "Rapport du projet chef d'œuvre" est arrivé le 17 juin 2025 à 10:00 (Europe/Paris, UTC+02:00), après la clôture des dépôts le 15 juin 2025 à 00:00 (Europe/Paris, UTC+02:00) ; il est conservé, mais n'est transmis au jury que si le responsable de session l'admet`,
    );
    expect(checkPageCount(findDeliverableType(ref, 'practical-case-2-report')!, 1).violations.map((v) => v.messageFr)).toEqual([
      'DELIV-2 : le livrable "Rapport du cas pratique 2" compte 1 page ; il en faut de 2 à 5',
    ]);
  });

  it("DELIV-5: a late version the session manager admitted becomes the jury's", () => {
    const versions = store([upload(), upload({ id: 'up-late', receivedAt: at('2025-06-17T08:00:00Z'), contentHash: 'h2' })]);
    expect(selectJurySet(fullScope, 'reg-1', SESSION, versions).selected['project-report']?.id).toBe('up-1');
    const admitted = selectJurySet(fullScope, 'reg-1', SESSION, versions, [{ versionId: 'up-late', decidedBy: 'mgr', decidedAt: at('2025-06-17T09:00:00Z'), decision: 'admitted', reason: 'server outage' }]);
    expect(admitted.selected['project-report']?.id).toBe('up-late');
  });

  it('DELIV-6: a deliverable belongs to exactly one candidate: another registration cannot claim it', () => {
    const result = checkIndividual({ id: 'reg-2', candidateId: 'cand-2' }, upload(), []);
    expect(result.violations.map((v) => v.message)).toEqual([
      'DELIV-6: upload up-1 belongs to registration reg-1, not reg-2; a deliverable belongs to exactly one candidate',
      'DELIV-6: only the candidate, or their session manager on their behalf, can submit their deliverable; it was sent by cand-1',
    ]);
  });

  it('DELIV-6: the check reads the real sender: their session manager passes, recorded as such; another person does not', () => {
    const registration = { id: 'reg-1', candidateId: 'cand-1' };
    expect(checkIndividual(registration, upload({ uploader: { id: 'mgr-1', as: 'session-manager' } }), []).ok).toBe(true);
    expect(checkIndividual(registration, upload({ uploader: { id: 'cand-9', as: 'candidate' } }), []).violations.map((v) => v.message)).toEqual([
      'DELIV-6: only the candidate, or their session manager on their behalf, can submit their deliverable; it was sent by cand-9',
    ]);
    expect(checkIndividual(registration, upload({ uploader: { id: 'mgr-other', as: 'other' } }), []).ok).toBe(false);
  });

  it('DELIV-6: the very file another candidate submitted is refused, even for a shared project', () => {
    const mine = upload({ id: 'up-2', registrationId: 'reg-2', uploader: { id: 'cand-2', as: 'candidate' } });
    const result = checkIndividual({ id: 'reg-2', candidateId: 'cand-2' }, mine, store([upload()]));
    expect(result.violations[0]?.message).toMatch(/^DELIV-6: this file is identical to one submitted for registration reg-1/);
    expect(checkIndividual({ id: 'reg-2', candidateId: 'cand-2' }, { ...mine, contentHash: 'other' }, store([upload()])).ok).toBe(true);
  });

  it('DELIV-6: the jury set of one registration never holds another\'s version', () => {
    const versions = store([upload({ id: 'other', registrationId: 'reg-2', uploader: { id: 'cand-2', as: 'candidate' }, contentHash: 'x' })]);
    expect(selectJurySet(fullScope, 'reg-1', SESSION, versions).selected['project-report']).toBeUndefined();
  });

  it("DELIV-7: the latest accepted version before the freeze is the jury's; earlier and late ones are kept", () => {
    const versions = store([
      upload({ id: 'v1', receivedAt: at('2025-06-01T10:00:00Z'), contentHash: 'a' }),
      upload({ id: 'v2', receivedAt: at('2025-06-10T10:00:00Z'), contentHash: 'b' }),
      upload({ id: 'v3', receivedAt: at('2025-06-12T10:00:00Z'), contentHash: 'c', pages: 12 }),
      upload({ id: 'v4', receivedAt: at('2025-06-18T10:00:00Z'), contentHash: 'd' }),
    ]);
    expect(versions.map((v) => [v.id, v.version, v.status, v.late])).toEqual([
      ['v1', 1, 'accepted', false],
      ['v2', 2, 'accepted', false],
      ['v3', 3, 'refused', false],
      ['v4', 4, 'accepted', true],
    ]);
    const set = selectJurySet(fullScope, 'reg-1', SESSION, versions);
    expect(set.selected['project-report']?.id).toBe('v2');
    expect(set.notSelected.map((v) => v.id)).toEqual(['v1', 'v4']);
  });

  it('RETAKE-2: a retake covers only the blocks not validated, each whole, with their competencies', () => {
    const scope = computeScope(ref, retake(['A1', 'A2', 'A3']));
    expect(scope.blocks.map((b) => b.code)).toEqual(['A4']);
    expect(scope.competencies.map((c) => c.code)).toEqual(['C16', 'C17', 'C18']);
    expect(scope.modalities).toEqual(['E1', 'E3']);
  });

  it('RETAKE-2: a retake naming an unknown block or with nothing left is refused', () => {
    expect(() => computeScope(ref, retake(['A9']))).toThrow(/RETAKE-2: block A9 does not exist in RNCP34757/);
    expect(() => computeScope(ref, retake(['A1', 'A2', 'A3', 'A4']))).toThrow(InvalidScope);
  });
});
