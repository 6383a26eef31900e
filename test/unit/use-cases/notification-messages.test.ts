import { describe, expect, it } from 'vitest';
import { frenchDate, violation } from '../../../shared/domain';
import type { AuditEvent } from '../../../shared/use-cases/audit';
import { frenchInstant, mayNotify, notificationsFor, NOTIFYING_ACTIONS, type NotificationContext } from '../../../shared/use-cases/notifications/messages';
import type { DeliverableVersionRecord, JurorRecord, RegistrationRecord, SessionPlanning } from '../../../shared/use-cases/sessions/records';
import { planningOf } from '../support/planning';

const SESSION_ID = 'session-1';

function registration(id: string, firstName: string, lastName: string, email: string): RegistrationRecord {
  return {
    id,
    sessionId: SESSION_ID,
    candidate: { userId: `user-${id}`, firstName, lastName, email },
    attempt: 'first',
    previouslyValidatedBlocks: [],
    newTraining: false,
    registeredAt: '2027-03-01T08:00:00.000Z',
    registeredBy: 'manager-1',
  };
}

function juror(id: string, firstName: string, lastName: string): JurorRecord {
  return {
    id,
    firstName,
    lastName,
    email: `${id}@example.org`,
    profession: 'AI developer',
    yearsOfExperience: 6,
    habilitations: [],
    createdAt: '2027-01-01T00:00:00.000Z',
    createdBy: 'certifier-1',
    updatedAt: '2027-01-01T00:00:00.000Z',
    version: 1,
  };
}

function version(overrides: Partial<DeliverableVersionRecord>): DeliverableVersionRecord {
  return {
    id: 'version-1',
    uploadId: 'upload-1',
    sessionId: SESSION_ID,
    registrationId: 'reg-chloe',
    deliverableType: 'project-report',
    key: 'uploads/x.pdf',
    s3VersionId: 's3v-1',
    sha256: 'ab'.repeat(32),
    uploadedBy: 'user-reg-chloe',
    uploadedAs: 'candidate',
    receivedAt: '2027-06-01T14:03:00.000Z',
    sizeBytes: 100_000,
    pages: 24,
    version: 1,
    status: 'accepted',
    violations: [],
    late: false,
    ...overrides,
  };
}

const CHLOE = registration('reg-chloe', 'Chloé', 'Lefèvre', 'chloe.lefevre@example.org');
const NOAH = registration('reg-noah', 'Noah', 'Girard', 'noah.girard@example.org');
const ELODIE = juror('juror-elodie', 'Élodie', 'Dupré');
const MARC = juror('juror-marc', 'Marc', 'Benoît');

function planning(overrides: Partial<SessionPlanning> = {}, timeZone = 'Europe/Paris'): SessionPlanning {
  return planningOf(
    {
      id: SESSION_ID,
      titleCode: 'RNCP34757',
      sessionDate: '2027-06-15',
      timeZone,
      startTime: '09:00',
      centreId: 'centre-1',
      address: '12 rue des Lilas, 69001 Lyon',
      remote: false,
      status: 'intake',
      intake: { closesAt: '2027-06-09T22:00:00.000Z' },
      createdAt: '2027-03-01T08:00:00.000Z',
      createdBy: 'manager-1',
      updatedAt: '2027-06-01T14:03:00.000Z',
      version: 9,
    },
    {
      registrations: [CHLOE, NOAH],
      assignments: [ELODIE, MARC].map((j) => ({ sessionId: SESSION_ID, jurorId: j.id, centreId: 'centre-1', assignedAt: '2027-03-02T08:00:00.000Z', assignedBy: 'manager-1' })),
      ...overrides,
    },
  );
}

function event(action: string, details: Record<string, unknown> = {}, at = '2027-06-01T14:03:01.000Z'): AuditEvent {
  return { subject: { type: 'session', id: SESSION_ID }, at, eventId: `event-${action}`, actor: { id: 'workflow', roles: [] }, action, details };
}

function context(overrides: Partial<SessionPlanning> = {}, jurors: JurorRecord[] = [ELODIE, MARC], timeZone?: string): NotificationContext {
  return { planning: planning(overrides, timeZone), jurors };
}

describe('French dates for people', () => {
  it('writes a date with the French month, and the first of the month as 1er', () => {
    expect(frenchDate('2027-06-01')).toBe('1er juin 2027');
    expect(frenchDate('2027-08-15')).toBe('15 août 2027');
    expect(frenchDate('2027-12-31')).toBe('31 décembre 2027');
  });

  it("writes an instant in the session's zone with its offset, summer and winter, overseas too", () => {
    expect(frenchInstant('2027-06-01T14:03:00.000Z', 'Europe/Paris')).toBe('1er juin 2027 à 16:03 (Europe/Paris, UTC+02:00)');
    expect(frenchInstant('2027-01-10T23:30:00.000Z', 'Europe/Paris')).toBe('11 janvier 2027 à 00:30 (Europe/Paris, UTC+01:00)');
    expect(frenchInstant('2027-06-01T02:00:00.000Z', 'America/Guadeloupe')).toBe('31 mai 2027 à 22:00 (America/Guadeloupe, UTC-04:00)');
  });
});

describe('the messages of a deliverable received', () => {
  it('DELIV-2: a refused upload tells its candidate, in French, why, with the sentence recorded on the version', () => {
    const refused = version({
      status: 'refused',
      pages: 12,
      violations: [violation('DELIV-2', { en: 'the project report has 12 pages; 20 to 30 are required', fr: 'le rapport du projet compte 12 pages ; il en faut de 20 à 30' })],
    });
    const [mail, ...others] = notificationsFor(event('deliverable.received', { versionId: refused.id, status: 'refused' }), context({ deliverables: [refused] }));
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ kind: 'deliverable-refused', recipient: { role: 'candidate', id: 'reg-chloe' }, to: 'chloe.lefevre@example.org', toName: 'Chloé Lefèvre' });
    expect(mail!.subject).toBe("Dépôt refusé : Rapport du projet chef d'œuvre");
    expect(mail!.text).toContain('Bonjour Chloé Lefèvre,');
    expect(mail!.text).toContain(
      "Votre dépôt « Rapport du projet chef d'œuvre » pour la session de certification RNCP34757 (Développeur·se en intelligence artificielle) du 15 juin 2027 a été reçu le 1er juin 2027 à 16:03 (Europe/Paris, UTC+02:00), mais il a été refusé pour la raison suivante :",
    );
    expect(mail!.text).toContain('- DELIV-2 : le rapport du projet compte 12 pages ; il en faut de 20 à 30');
    expect(mail!.text).toContain('jusqu’à la clôture des dépôts le 10 juin 2027 à 00:00 (Europe/Paris, UTC+02:00) (DELIV-4)');
    expect(mail!.html).toContain('<li>DELIV-2 : le rapport du projet compte 12 pages ; il en faut de 20 à 30</li>');
    expect(mail!.html).toContain('<html lang="fr">');
  });

  it('DELIV-7: several reasons are all named; a refusal after the deadline says intake is closed', () => {
    const refused = version({
      status: 'refused',
      late: true,
      violations: [
        violation('DELIV-7', { en: 'this upload URL was already used for version 1 of the project report', fr: 'ce lien de dépôt a déjà servi pour la version 1 du rapport du projet' }),
        violation('DELIV-2', { en: 'the project report is not a readable PDF document', fr: "le rapport du projet n'est pas un document PDF lisible" }),
      ],
    });
    const [mail] = notificationsFor(event('deliverable.received', { versionId: refused.id }), context({ deliverables: [refused] }));
    expect(mail!.text).toContain(
      "refusé pour les raisons suivantes :\n\n- DELIV-7 : ce lien de dépôt a déjà servi pour la version 1 du rapport du projet\n- DELIV-2 : le rapport du projet n'est pas un document PDF lisible",
    );
    expect(mail!.text).toContain('Les dépôts sont clos pour cette session');
  });

  it('DELIV-2: a reason recorded before French was added is given as it was recorded, in English', () => {
    const refused = version({ status: 'refused', pages: 12, violations: [{ ruleId: 'DELIV-2', message: 'DELIV-2: the project report has 12 pages; 20 to 30 are required' }] });
    const [mail] = notificationsFor(event('deliverable.received', { versionId: refused.id }), context({ deliverables: [refused] }));
    expect(mail!.text).toContain('- DELIV-2: the project report has 12 pages; 20 to 30 are required');
  });

  it('DELIV-4, DELIV-7: an accepted upload gives its version, pages, SHA-256, and until when a new version replaces it', () => {
    const accepted = version({ version: 2 });
    const [mail] = notificationsFor(event('deliverable.received', { versionId: accepted.id, status: 'accepted' }), context({ deliverables: [accepted] }));
    expect(mail!.kind).toBe('deliverable-accepted');
    expect(mail!.subject).toBe("Dépôt reçu : Rapport du projet chef d'œuvre (version 2)");
    expect(mail!.text).toContain('a été reçu le 1er juin 2027 à 16:03 (Europe/Paris, UTC+02:00) et accepté : c’est la version 2, de 24 pages.');
    expect(mail!.text).toContain(`Empreinte SHA-256 du fichier reçu : ${'ab'.repeat(32)}`);
    expect(mail!.text).toContain('Jusqu’à la clôture des dépôts, le 10 juin 2027 à 00:00 (Europe/Paris, UTC+02:00), vous pouvez en déposer une nouvelle version');
  });

  it('DELIV-5, DELIV-6: a late version sent by the session manager says both', () => {
    const late = version({ late: true, uploadedAs: 'session-manager', uploadedBy: 'manager-1', receivedAt: '2027-06-10T08:00:00.000Z' });
    const [mail] = notificationsFor(event('deliverable.received', { versionId: late.id }), context({ deliverables: [late] }));
    expect(mail!.text).toContain('Il a été déposé pour vous par votre responsable de session (DELIV-6).');
    expect(mail!.text).toContain('Il est arrivé après la clôture des dépôts du 10 juin 2027 à 00:00 (Europe/Paris, UTC+02:00) : il est conservé et marqué en retard, et le responsable de session décidera s’il est transmis au jury (DELIV-5).');
  });

  it("counts instants in an overseas session's own zone", () => {
    const accepted = version({});
    const [mail] = notificationsFor(event('deliverable.received', { versionId: accepted.id }), context({ deliverables: [accepted] }, [], 'America/Guadeloupe'));
    expect(mail!.text).toContain('reçu le 1er juin 2027 à 10:03 (America/Guadeloupe, UTC-04:00)');
  });

  it('names nobody when the version is not on record', () => {
    expect(notificationsFor(event('deliverable.received', { versionId: 'unknown' }), context())).toEqual([]);
  });
});

describe('the jury is told what waits for them', () => {
  it('JURY-7, JURY-8: at the freeze, each juror learns that their dossier is ready, with what each candidate handed in', () => {
    const jurySets = [{ registrationId: 'reg-chloe', selected: { 'project-report': { versionId: 'v', s3VersionId: 's', sha256: 'h' } }, missing: [], lateVersionIds: [], frozenAt: '2027-06-09T22:00:00.000Z' }];
    const mails = notificationsFor(event('deliverables.frozen', {}, '2027-06-09T22:00:00.000Z'), context({ jurySets }));
    expect(mails.map((m) => [m.kind, m.to])).toEqual([
      ['dossier-ready', 'juror-elodie@example.org'],
      ['dossier-ready', 'juror-marc@example.org'],
    ]);
    expect(mails[0]!.subject).toBe('Dossier jury disponible : session du 15 juin 2027');
    expect(mails[0]!.text).toContain('Bonjour Élodie Dupré,');
    expect(mails[0]!.text).toContain('ont été arrêtés le 10 juin 2027 à 00:00 (Europe/Paris, UTC+02:00) (DELIV-4, DELIV-7)');
    expect(mails[0]!.text).toContain('- Chloé Lefèvre : 1 document\n- Noah Girard : aucun document reçu');
    expect(mails[0]!.text).not.toContain('chloe.lefevre@example.org');
  });

  it('JURY-4: a declaration awaited goes to each juror who has not declared on every candidate, naming those left', () => {
    const declarations = [
      { jurorId: ELODIE.id, registrationId: 'reg-chloe', link: 'none' as const, declaredAt: '2027-06-10T08:00:00.000Z' },
      { jurorId: MARC.id, registrationId: 'reg-chloe', link: 'none' as const, declaredAt: '2027-06-10T08:00:00.000Z' },
      { jurorId: MARC.id, registrationId: 'reg-noah', link: 'professional' as const, declaredAt: '2027-06-10T08:00:00.000Z' },
    ];
    const mails = notificationsFor(event('workflow.waiting', { step: 'declarations' }), context({ declarations }));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'declaration-awaited', recipient: { role: 'juror', id: ELODIE.id } });
    expect(mails[0]!.subject).toBe('Déclaration de liens attendue : session du 15 juin 2027');
    expect(mails[0]!.text).toContain('(JURY-4)');
    expect(mails[0]!.text).toContain('- Noah Girard');
    expect(mails[0]!.text).not.toContain('- Chloé Lefèvre');
    expect(mails[0]!.text).toContain('Déclarez au plus tard la veille de la session, le 14 juin 2027');
  });

  it('DELIB-4: a grid filled asks each juror of the candidate who has not signed it to sign, by its hash', () => {
    const grid = { registrationId: 'reg-chloe', decisions: {}, hash: 'grid-hash-2', revision: 2, filledBy: ELODIE.id, filledAt: '2027-06-15T09:40:00.000Z', signatures: [] };
    const mails = notificationsFor(event('grid.filled', { registrationId: 'reg-chloe', revision: 2, hash: 'grid-hash-2' }, '2027-06-15T09:40:00.000Z'), context({ grids: [grid] }));
    expect(mails.map((m) => m.recipient.id)).toEqual([ELODIE.id, MARC.id]);
    expect(mails[0]!.subject).toBe('Grille à signer : Chloé Lefèvre');
    expect(mails[0]!.text).toContain('remplie le 15 juin 2027 à 11:40 (Europe/Paris, UTC+02:00) ; c’est sa révision 2.');
    expect(mails[0]!.text).toContain('signez son empreinte grid-hash-2');
    const signed = { ...grid, signatures: [{ jurorId: ELODIE.id, signedAt: '2027-06-15T09:41:00.000Z', hash: 'grid-hash-2' }] };
    expect(notificationsFor(event('grid.filled', { registrationId: 'reg-chloe', hash: 'grid-hash-2' }), context({ grids: [signed] })).map((m) => m.recipient.id)).toEqual([MARC.id]);
    expect(notificationsFor(event('grid.filled', { registrationId: 'reg-chloe', hash: 'grid-hash-1' }), context({ grids: [grid] }))).toEqual([]);
  });

  it('PV-4: the PV awaiting its seal asks each juror of part 3 who has not signed to sign', () => {
    const pv = {
      id: 'pv-1',
      part1: { sessionId: SESSION_ID, sessionDate: '2027-06-15', certificationName: 'x', rncpCode: 'RNCP34757', centreName: 'c', centreAddress: 'a' },
      part2: [],
      part3: { jurors: [ELODIE, MARC].map((j) => ({ id: j.id, firstName: j.firstName, lastName: j.lastName, role: 'juror' as const })), sessionManager: { id: 'manager-1', firstName: 'M', lastName: '', role: 'session-manager' as const } },
      draftedAt: '2027-06-14T08:00:00.000Z',
      signatures: [{ signerId: MARC.id, role: 'juror' as const, userId: 'u', signedAt: '2027-06-15T18:00:00.000Z', sha256: 'h', method: 'electronic' as const }],
    };
    const mails = notificationsFor(event('workflow.waiting', { step: 'pv-seal' }), context({ pv }));
    expect(mails.map((m) => [m.kind, m.recipient.id])).toEqual([['pv-signature-awaited', ELODIE.id]]);
    expect(mails[0]!.subject).toBe('PV à signer : session du 15 juin 2027');
    expect(mails[0]!.text).toContain('(PV-4)');
  });
});

describe('results and appeals', () => {
  const part2 = [
    { registrationId: 'reg-chloe', candidateId: 'user-reg-chloe', firstName: 'Chloé', lastName: 'Lefèvre', result: 'partially-admitted' as const, blocksValidated: ['A1', 'A3'] },
    { registrationId: 'reg-noah', candidateId: 'user-reg-noah', firstName: 'Noah', lastName: 'Girard', result: 'absent' as const, blocksValidated: [] },
  ];
  const pv = {
    id: 'pv-1',
    part1: { sessionId: SESSION_ID, sessionDate: '2027-06-15', certificationName: 'x', rncpCode: 'RNCP34757', centreName: 'c', centreAddress: 'a' },
    part2,
    part3: { jurors: [], sessionManager: { id: 'manager-1', firstName: 'M', lastName: '', role: 'session-manager' as const } },
    draftedAt: '2027-06-14T08:00:00.000Z',
  };

  it('RETAKE-1, QUAL-1: each candidate learns their result, the blocks held, their document and until when they may appeal', () => {
    const released = event('results.released', { certificates: [{ registrationId: 'reg-chloe', kind: 'livret', verificationCode: 'CF-ABCD-EFGH' }], appealsCloseAt: '2027-08-22T22:00:00.000Z' }, '2027-06-22T10:00:00.000Z');
    const mails = notificationsFor(released, context({ pv }));
    expect(mails.map((m) => [m.kind, m.to])).toEqual([
      ['results-released', 'chloe.lefevre@example.org'],
      ['results-released', 'noah.girard@example.org'],
    ]);
    expect(mails[0]!.subject).toBe('Résultats de votre session de certification RNCP34757');
    expect(mails[0]!.text).toContain('Votre résultat : admis·e partiellement');
    expect(mails[0]!.text).toContain('- A1 : Développer la gestion des données analytiques d\'un projet d\'application');
    expect(mails[0]!.text).toContain('livret de certification est délivré ; son code de vérification est CF-ABCD-EFGH (RETAKE-1)');
    expect(mails[0]!.text).toContain('jusqu’au 23 août 2027 à 00:00 (Europe/Paris, UTC+02:00) (QUAL-1)');
    expect(mails[1]!.text).toContain('Votre résultat : absent·e.');
    expect(mails[1]!.text).not.toContain('code de vérification');
  });

  it('QUAL-2: a rejected appeal is answered to its appellant alone, with the reason of the decision', () => {
    const appeal = { id: 'appeal-1', sessionId: SESSION_ID, registrationId: 'reg-noah', userId: 'user-reg-noah', ground: 'durations-not-respected', statement: 'le chronomètre…', filedAt: '2027-06-25T08:00:00.000Z', status: 'rejected' as const, decisionId: 'decision-1' };
    const decision = { id: 'decision-1', sessionId: SESSION_ID, caseIds: ['appeal-1'], outcome: 'rejected' as const, reason: 'Les durées relevées par le serveur sont conformes (EXAM-1).', decidedAt: '2027-07-01T13:00:00.000Z', decidedBy: 'quality-1' };
    const mails = notificationsFor(event('committee.rejected', { decisionId: 'decision-1', caseIds: ['appeal-1'] }), context({ pv, appeals: [appeal], decisions: [decision] }));
    expect(mails.map((m) => [m.kind, m.to])).toEqual([['appeal-answered', 'noah.girard@example.org']]);
    expect(mails[0]!.subject).toBe('Décision sur votre recours : recours rejeté');
    expect(mails[0]!.text).toContain('La commission qualité a statué le 1er juillet 2027 à 15:00 (Europe/Paris, UTC+02:00) sur votre recours du 25 juin 2027 à 10:00 (Europe/Paris, UTC+02:00)');
    expect(mails[0]!.text).toContain('motif invoqué : durées de l’épreuve non respectées');
    expect(mails[0]!.text).toContain('Motif de la décision : Les durées relevées par le serveur sont conformes (EXAM-1).');
  });

  it('QUAL-2: an annulment answers the appellant that the session is annulled and its results void; no appeal, nobody', () => {
    const appeal = { id: 'appeal-2', sessionId: SESSION_ID, registrationId: 'reg-chloe', userId: 'user-reg-chloe', ground: 'confidentiality-compromised', statement: '…', filedAt: '2027-06-25T08:00:00.000Z', status: 'upheld' as const };
    const decision = { id: 'decision-2', sessionId: SESSION_ID, caseIds: ['appeal-2', 'incident-1'], outcome: 'annulled' as const, reason: 'Un juré était absent (JURY-6).', decidedAt: '2027-07-01T13:00:00.000Z', decidedBy: 'quality-1' };
    const [mail] = notificationsFor(event('session.annulled', { decisionId: 'decision-2' }), context({ appeals: [appeal], decisions: [decision] }));
    expect(mail!.subject).toBe('Décision sur votre recours : session annulée');
    expect(mail!.text).toContain('la session est annulée. Ses résultats sont nuls');
    const onlyIncident = { ...decision, id: 'decision-3', caseIds: ['incident-1'] };
    expect(notificationsFor(event('session.annulled', { decisionId: 'decision-3' }), context({ decisions: [onlyIncident] }))).toEqual([]);
  });
});

describe('which events notify', () => {
  it('maps every notifying action, and no other event, to messages', () => {
    for (const action of NOTIFYING_ACTIONS) expect(mayNotify(event(action)), action).toBe(true);
    for (const step of ['declarations', 'pv-seal']) expect(mayNotify(event('workflow.waiting', { step })), step).toBe(true);
    for (const other of ['session.created', 'notification.sent', 'deliverable.downloaded', 'grid.signed', 'pv.signed']) {
      expect(mayNotify(event(other)), other).toBe(false);
      expect(notificationsFor(event(other), context()), other).toEqual([]);
    }
    expect(mayNotify(event('workflow.waiting', { step: 'planning' }))).toBe(false);
    expect(mayNotify({ ...event('deliverable.received'), subject: { type: 'juror', id: 'j' } })).toBe(false);
  });

  it('writes at most one message per recipient and event, and none to a session other than the event\'s', () => {
    const accepted = version({});
    const other = { ...event('deliverable.received', { versionId: accepted.id }), subject: { type: 'session' as const, id: 'another-session' } };
    expect(notificationsFor(other, context({ deliverables: [accepted] }))).toEqual([]);
    const twice = notificationsFor(event('deliverables.frozen'), context({}, [ELODIE, ELODIE]));
    expect(twice).toHaveLength(1);
  });
});
