import { describe, expect, it } from 'vitest';
import {
  assertSessionJury,
  assessConflictFinding,
  checkDossierJury,
  checkJuryPresence,
  checkJuryReceipts,
  checkSessionJury,
  eligibilityMatrix,
  JurorNotQualified,
  JuryTooSmall,
  TrainerOnJury,
  type ConflictDeclaration,
  type DossierJury,
} from '../../../shared/domain';
import { alex, at, camille, candidate, juror, lou, noah, sam } from './fixtures';

const SESSION = '2025-06-20';
const messages = (c: { violations: { message: string }[] }) => c.violations.map((v) => v.message);
const frenchMessages = (c: { violations: { messageFr?: string }[] }) => c.violations.map((v) => v.messageFr);

describe('jury', () => {
  it('JURY-1: a session needs at least 2 jurors', () => {
    expect(messages(checkSessionJury({ sessionDate: SESSION, jurors: [alex], candidates: [camille] }))).toEqual(['JURY-1: the session has 1 juror; at least 2 are required']);
    expect(checkSessionJury({ sessionDate: SESSION, jurors: [alex, sam], candidates: [camille] }).ok).toBe(true);
    expect(() => assertSessionJury({ sessionDate: SESSION, jurors: [], candidates: [] })).toThrow(JuryTooSmall);
  });

  it('JURY-1: the same juror listed twice counts once', () => {
    expect(checkSessionJury({ sessionDate: SESSION, jurors: [alex, alex], candidates: [] }).violations[0]?.ruleId).toBe('JURY-1');
  });

  it.each([
    ['1 year of experience', { yearsOfExperience: 1 }, 'JURY-2: Lou Petit has 1 year of experience; at least 2 are required'],
    ['no habilitation', { habilitation: undefined }, 'JURY-2: Lou Petit holds no habilitation from the certifier; record one valid on 2025-06-20'],
    ['an expired habilitation', { habilitation: { id: 'h', issuedBy: 'Simplon', validFrom: '2023-01-01', validUntil: '2025-06-19' } }, "JURY-2: Lou Petit's habilitation expired on 2025-06-19, before the session on 2025-06-20; it must be renewed"],
    ['a habilitation not yet valid', { habilitation: { id: 'h', issuedBy: 'Simplon', validFrom: '2025-06-21', validUntil: '2027-01-01' } }, "JURY-2: Lou Petit's habilitation is valid only from 2025-06-21, after the session on 2025-06-20"],
    ['a withdrawn habilitation', { habilitation: { id: 'h', issuedBy: 'Simplon', validFrom: '2024-01-01', validUntil: '2027-01-01', revokedOn: '2025-05-01' } }, "JURY-2: Lou Petit's habilitation was withdrawn on 2025-05-01"],
    ['no profession', { profession: ' ' }, 'JURY-2: Lou Petit has no profession recorded; a juror is a professional of the field'],
  ])('JURY-2: a juror with %s cannot sit', (_name, over, message) => {
    const result = checkSessionJury({ sessionDate: SESSION, jurors: [alex, juror('j-lou', 'Lou', 'Petit', over)], candidates: [] });
    expect(messages(result)).toEqual([message]);
  });

  it('JURY-2: a habilitation valid exactly on its first and last days counts, and 2 years suffice', () => {
    const edge = juror('j-e', 'Eli', 'Roux', { yearsOfExperience: 2, habilitation: { id: 'h', issuedBy: 'Simplon', validFrom: SESSION, validUntil: SESSION } });
    expect(checkSessionJury({ sessionDate: SESSION, jurors: [alex, edge], candidates: [] }).ok).toBe(true);
    expect(() => assertSessionJury({ sessionDate: SESSION, jurors: [alex, juror('j-x', 'Xe', 'Ng', { yearsOfExperience: 0 })], candidates: [] })).toThrow(JurorNotQualified);
  });

  it('JURY-3: a trainer of the cohort cannot sit', () => {
    const trained = [candidate('c1', 'Camille', 'Durand', ['j-alex']), noah];
    const result = checkSessionJury({ sessionDate: SESSION, jurors: [alex, sam], candidates: trained });
    expect(messages(result)).toEqual(["JURY-3: Alex Martin trained Camille Durand and cannot sit on this session's jury"]);
    expect(() => assertSessionJury({ sessionDate: SESSION, jurors: [alex, sam], candidates: trained })).toThrow(TrainerOnJury);
  });

  const declared = (jurorId: string, candidateId: string): ConflictDeclaration => ({ jurorId, candidateId, nature: 'professional', declaredAt: at('2025-06-14T10:00:00Z') });

  it('JURY-4: a juror who declared a link does not evaluate that candidate', () => {
    const matrix = eligibilityMatrix([alex, sam, lou], [camille, noah], [declared('j-alex', 'cand-camille')]);
    expect(matrix.ok).toBe(true);
    expect(matrix.rows).toEqual([
      { registrationId: 'reg-cand-camille', candidateId: 'cand-camille', candidateName: 'Camille Durand', eligibleJurorIds: ['j-sam', 'j-lou'], conflictedJurorIds: ['j-alex'] },
      { registrationId: 'reg-cand-noah', candidateId: 'cand-noah', candidateName: 'Noah Leroy', eligibleJurorIds: ['j-alex', 'j-sam', 'j-lou'], conflictedJurorIds: [] },
    ]);
  });

  it('JURY-4: a candidate left with fewer than 2 jurors without conflict is named', () => {
    const matrix = eligibilityMatrix([alex, sam], [camille, noah], [declared('j-alex', 'cand-camille')]);
    expect(matrix.candidatesLackingJurors).toEqual(['reg-cand-camille']);
    expect(messages(matrix)).toEqual(['JURY-4: only Sam Bernard can evaluate Camille Durand without conflict; 2 are required, so add a juror or rearrange the session']);
    const none = eligibilityMatrix([alex, sam], [camille], [declared('j-alex', 'cand-camille'), declared('j-sam', 'cand-camille')]);
    expect(messages(none)[0]).toMatch(/^JURY-4: no juror can evaluate Camille Durand/);
  });

  it('JURY-5: an undeclared conflict found after the exam invalidates the session', () => {
    const finding = { jurorId: 'j-sam', candidateId: 'cand-camille', foundAt: at('2025-06-25T10:00:00Z'), description: 'former colleagues' };
    const names = { juror: 'Sam Bernard', candidate: 'Camille Durand' };
    const result = assessConflictFinding(finding, [], names, at('2025-06-20T08:00:00Z'));
    expect(result.invalidatesSession).toBe(true);
    expect(messages(result)).toEqual(['JURY-5: Sam Bernard had not declared a link with Camille Durand (former colleagues); the session is invalidated']);
  });

  it('JURY-5: a declaration made after the exam started does not count; one made before does', () => {
    const finding = { jurorId: 'j-sam', candidateId: 'cand-camille', foundAt: at('2025-06-25T10:00:00Z'), description: 'cousins' };
    const names = { juror: 'Sam Bernard', candidate: 'Camille Durand' };
    const late = { ...declared('j-sam', 'cand-camille'), declaredAt: at('2025-06-20T09:00:00Z') };
    expect(assessConflictFinding(finding, [late], names, at('2025-06-20T08:00:00Z')).invalidatesSession).toBe(true);
    expect(assessConflictFinding(finding, [declared('j-sam', 'cand-camille')], names, at('2025-06-20T08:00:00Z'))).toEqual({ ok: true, violations: [], invalidatesSession: false });
  });

  const exams = [
    { registrationId: 'r1', candidateName: 'Camille Durand', startAt: at('2025-06-20T08:00:00Z'), endAt: at('2025-06-20T09:05:00Z') },
    { registrationId: 'r2', candidateName: 'Noah Leroy', startAt: at('2025-06-20T09:35:00Z'), endAt: at('2025-06-20T10:40:00Z') },
  ];

  it('JURY-6: a juror absent during an exam is a violation reported to the quality committee', () => {
    const result = checkJuryPresence([alex, sam], exams, [{ jurorId: 'j-sam', from: at('2025-06-20T08:30:00Z'), to: at('2025-06-20T08:40:00Z') }]);
    expect(messages(result)).toEqual(["JURY-6: Sam Bernard was absent during Camille Durand's exam; the jury must stay together, and this is reported to the quality committee"]);
  });

  it('JURY-6: stepping out between two exams is not an absence during an exam', () => {
    expect(checkJuryPresence([alex, sam], exams, [{ jurorId: 'j-sam', from: at('2025-06-20T09:05:00Z'), to: at('2025-06-20T09:35:00Z') }]).ok).toBe(true);
  });

  it('JURY-7: the guide 2 weeks before and the deliverables 5 days before; late or missing receipts are named', () => {
    const now = at('2025-06-19T12:00:00Z');
    const calendar = { date: SESSION, timeZone: 'Europe/Paris' };
    const delivered = at('2025-06-14T22:00:00Z');
    const onTime = [
      { jurorId: 'j-alex', guideReceivedOn: '2025-06-06', deliverablesReceivedAt: delivered },
      { jurorId: 'j-sam', guideReceivedOn: '2025-06-06', deliverablesReceivedAt: delivered },
    ];
    expect(checkJuryReceipts(calendar, [alex, sam], onTime, now).ok).toBe(true);
    const result = checkJuryReceipts(calendar, [alex, sam], [{ jurorId: 'j-alex', guideReceivedOn: '2025-06-07', deliverablesReceivedAt: at('2025-06-15T08:00:00Z') }], now);
    expect(messages(result)).toEqual([
      'JURY-7: Alex Martin received the guide on 2025-06-07; it was due by 2025-06-06, 2 weeks before the session',
      "JURY-7: Alex Martin received the candidates' deliverables at 2025-06-15 10:00 (Europe/Paris, UTC+02:00); they were due by 2025-06-15 00:00 (Europe/Paris, UTC+02:00), 5 days before the session",
      'JURY-7: Sam Bernard has not received the guide; it was due by 2025-06-06, 2 weeks before the session',
      "JURY-7: Sam Bernard has not received the candidates' deliverables; they were due by 2025-06-15 00:00 (Europe/Paris, UTC+02:00), 5 days before the session",
    ]);
  });

  it('JURY-7: nothing is flagged before a deadline has passed, in the session\'s zone', () => {
    expect(checkJuryReceipts({ date: SESSION, timeZone: 'Europe/Paris' }, [alex], [], at('2025-06-06T21:00:00Z')).ok).toBe(true);
    expect(messages(checkJuryReceipts({ date: SESSION, timeZone: 'Europe/Paris' }, [alex], [], at('2025-06-06T22:30:00Z')))).toEqual([
      'JURY-7: Alex Martin has not received the guide; it was due by 2025-06-06, 2 weeks before the session',
    ]);
  });

  it('JURY-8: the dossier jury lists each missing piece', () => {
    const owed = [
      { id: 'project-report', label: 'project report', name: "Rapport du projet chef d'œuvre" },
      { id: 'practical-case-1-report', label: 'practical case 1 report', name: 'Rapport du cas pratique 1' },
    ];
    const candidates = [{ registrationId: 'r1', name: 'Camille Durand', owed }, { registrationId: 'r2', name: 'Noah Leroy', owed }];
    const complete: DossierJury = {
      guideDocumentId: 'g',
      referentialDocumentId: 'ref',
      pvId: 'pv',
      gridIds: { r1: 'g1', r2: 'g2' },
      deliverables: { r1: ['project-report', 'practical-case-1-report'], r2: ['project-report', 'practical-case-1-report'] },
    };
    expect(checkDossierJury(complete, candidates).ok).toBe(true);
    const partial: DossierJury = { ...complete, pvId: undefined, gridIds: { r1: 'g1' }, deliverables: { ...complete.deliverables, r1: ['project-report'] } };
    expect(messages(checkDossierJury(partial, candidates))).toEqual([
      'JURY-8: the dossier jury lacks the PV',
      "JURY-8: the dossier jury lacks Camille Durand's practical case 1 report",
      "JURY-8: the dossier jury lacks Noah Leroy's evaluation grid",
    ]);
    expect(frenchMessages(checkDossierJury(partial, candidates))).toEqual([
      'JURY-8 : le dossier jury ne contient pas le PV',
      'JURY-8 : le dossier jury ne contient pas le livrable "Rapport du cas pratique 1" de Camille Durand',
      "JURY-8 : le dossier jury ne contient pas la grille d'évaluation de Noah Leroy",
    ]);
  });
});
