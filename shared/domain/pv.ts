import { checkOf, type Check } from './check';
import type { IsoDate } from './dates';
import type { Outcome } from './deliberation';
import { RuleViolation, violation, type Violation } from './errors';
import type { SignatureMethod } from './exam-day';
import { fullName, type Person } from './people';
import type { Referential } from './referential/schema';
import { assertNotSealed } from './sealed';
import { frenchDe, type Sentence } from './sentence';

/** A candidate's result as the PV states it. */
export type PvResult = Outcome['result'] | 'absent';

/** Part 1 counts (PV-2). */
export interface PvCounts {
  registered: number;
  absent: number;
  admitted: number;
  partiallyAdmitted: number;
  notAdmitted: number;
}

/** Part 1: the session (PV-2). */
export interface PvPart1 {
  sessionId: string;
  sessionDate: IsoDate;
  certificationName: string;
  rncpCode: string;
  centreName: string;
  centreAddress: string;
  /** Filled at the end of the session (PV-5). */
  counts?: PvCounts;
}

/** Part 2: one registered candidate and their result (PV-3). */
export interface PvRow {
  registrationId: string;
  candidateId: string;
  firstName: string;
  lastName: string;
  result?: PvResult;
  /** Every block the candidate holds after this session, earlier ones included. */
  blocksValidated: string[];
  reasons?: string;
  recommendations?: string;
}

/** A signature on the PV. */
export interface PvSignature {
  signedAt: Date;
  method: SignatureMethod;
}

/** Part 3: a juror or the session manager, and their signature once given (PV-4). */
export interface PvSignatory extends Person {
  role: 'juror' | 'session-manager';
  signature?: PvSignature;
}

/** The organising centre's stamp (PV-4). */
export interface PvStamp {
  appliedAt: Date;
  appliedBy: string;
}

/** The "procès-verbal" of one session for one title (PV-1), in its three parts. */
export interface Pv {
  id: string;
  part1: PvPart1;
  part2: PvRow[];
  part3: { jurors: PvSignatory[]; sessionManager: PvSignatory; stamp?: PvStamp };
  sealedAt?: Date;
}

/** What the manager knows before the session (PV-5). */
export interface PvDraftInput {
  id: string;
  ref: Pick<Referential, 'rncpCode' | 'title'>;
  session: { id: string; date: IsoDate; centreName: string; centreAddress: string };
  candidates: readonly (Person & { registrationId: string })[];
  jurors: readonly Person[];
  sessionManager: Person;
}

/** A second PV for the same session and title (PV-1). */
export class PvAlreadyExists extends RuleViolation {}
/** The PV lacks something and cannot be sealed (PV-6). */
export class PvIncomplete extends RuleViolation {}

const person = (p: Person): Person => ({ id: p.id, firstName: p.firstName, lastName: p.lastName });

/** How refusals name a PV, the French with its article. */
const pvName = (pv: Pick<Pv, 'id'>): Sentence => ({ en: `PV ${pv.id}`, fr: `le PV ${pv.id}` });

/** PV-1: one PV per session and title; lists each pair that has more than one. */
export function checkOnePvPerSessionAndTitle(pvs: readonly Pick<Pv, 'id' | 'part1'>[]): Check {
  const seen = new Map<string, string>();
  const found: Violation[] = [];
  for (const pv of pvs) {
    const key = `${pv.part1.sessionId} ${pv.part1.rncpCode}`;
    const other = seen.get(key);
    if (other) {
      found.push(
        violation('PV-1', {
          en: `session ${pv.part1.sessionId} already has PV ${other} for ${pv.part1.rncpCode}; there is one PV per session and title`,
          fr: `la session ${pv.part1.sessionId} a déjà le PV ${other} pour ${pv.part1.rncpCode} ; il y a un seul PV par session et par titre`,
        }),
      ); // PV-1
    } else seen.set(key, pv.id);
  }
  return checkOf(found);
}

/**
 * PV-5, before the session: part 1 (name, RNCP number, date, address) and the candidates'
 * names in part 2; part 3 lists the jurors and the session manager, unsigned.
 * Throws {@link PvAlreadyExists} when `existing` already holds a PV for this session and title (PV-1).
 */
export function draftPv(input: PvDraftInput, existing: readonly Pick<Pv, 'id' | 'part1'>[] = []): Pv {
  const pv: Pv = {
    id: input.id,
    part1: {
      sessionId: input.session.id,
      sessionDate: input.session.date,
      certificationName: input.ref.title,
      rncpCode: input.ref.rncpCode,
      centreName: input.session.centreName,
      centreAddress: input.session.centreAddress,
    },
    part2: input.candidates.map((c) => ({ registrationId: c.registrationId, candidateId: c.id, firstName: c.firstName, lastName: c.lastName, blocksValidated: [] })),
    part3: {
      jurors: input.jurors.map((j) => ({ ...person(j), role: 'juror' as const })),
      sessionManager: { ...person(input.sessionManager), role: 'session-manager' },
    },
  };
  const one = checkOnePvPerSessionAndTitle([...existing, pv]); // PV-1
  if (!one.ok) throw new PvAlreadyExists(one.violations);
  return pv;
}

function updateRow(pv: Pv, registrationId: string, change: (row: PvRow) => PvRow): Pv {
  assertNotSealed(pv, pvName(pv)); // PV-7
  if (!pv.part2.some((r) => r.registrationId === registrationId)) {
    throw new RuleViolation([
      violation('PV-3', {
        en: `registration ${registrationId} is not on PV ${pv.id}; part 2 lists the session's registered candidates`,
        fr: `l'inscription ${registrationId} ne figure pas sur le PV ${pv.id} ; la partie 2 liste les candidats inscrits à la session`,
      }),
    ]);
  }
  return { ...pv, part2: pv.part2.map((r) => (r.registrationId === registrationId ? change(r) : r)) };
}

/** PV-5, at each deliberation: reports a candidate's result, blocks, reasons and recommendations into part 2 (PV-3). */
export function reportResult(pv: Pv, registrationId: string, outcome: Outcome, notes: { reasons?: string; recommendations?: string }): Pv {
  return updateRow(pv, registrationId, (r) => ({
    ...r,
    result: outcome.result,
    blocksValidated: [...outcome.blocksValidated],
    reasons: notes.reasons,
    recommendations: notes.recommendations,
  })); // PV-3, PV-5
}

/** EXAM-4: an absent candidate stays on the PV, with the result "absent". */
export function reportAbsent(pv: Pv, registrationId: string): Pv {
  return updateRow(pv, registrationId, (r) => ({ ...r, result: 'absent', blocksValidated: [], reasons: undefined, recommendations: undefined })); // EXAM-4
}

/** The part 1 counts as part 2 implies them (PV-2). */
export function countsFromRows(rows: readonly PvRow[]): PvCounts {
  const count = (result: PvResult) => rows.filter((r) => r.result === result).length;
  return { registered: rows.length, absent: count('absent'), admitted: count('admitted'), partiallyAdmitted: count('partially-admitted'), notAdmitted: count('not-admitted') };
}

/** PV-5, at the end of the session: fills the part 1 counts from part 2. */
export function completeCounts(pv: Pv): Pv {
  assertNotSealed(pv, pvName(pv)); // PV-7
  return { ...pv, part1: { ...pv.part1, counts: countsFromRows(pv.part2) } };
}

/** PV-4: records a juror's or the session manager's signature. */
export function signPv(pv: Pv, personId: string, signature: PvSignature): Pv {
  assertNotSealed(pv, pvName(pv)); // PV-7
  const isManager = pv.part3.sessionManager.id === personId;
  if (!isManager && !pv.part3.jurors.some((j) => j.id === personId)) {
    throw new RuleViolation([
      violation('PV-4', {
        en: `${personId} is neither a juror of this session nor its session manager and cannot sign PV ${pv.id}`,
        fr: `${personId} n'est ni juré de cette session ni son responsable de session, et ne peut pas signer le PV ${pv.id}`,
      }),
    ]);
  }
  return {
    ...pv,
    part3: {
      ...pv.part3,
      jurors: pv.part3.jurors.map((j) => (j.id === personId ? { ...j, signature } : j)),
      sessionManager: isManager ? { ...pv.part3.sessionManager, signature } : pv.part3.sessionManager,
    },
  };
}

/** PV-4: applies the organising centre's stamp. */
export function stampPv(pv: Pv, stamp: PvStamp): Pv {
  assertNotSealed(pv, pvName(pv)); // PV-7
  return { ...pv, part3: { ...pv.part3, stamp } };
}

/** Everything a PV still lacks (PV-2, PV-3, PV-4), each a sentence; empty when it can be sealed. */
export function pvMissingElements(pv: Pv): Violation[] {
  const found: Violation[] = [];
  const p1 = pv.part1;
  const fields: [keyof PvPart1, Sentence][] = [
    ['sessionDate', { en: 'the session date', fr: 'la date de la session' }],
    ['certificationName', { en: 'the certification name', fr: "l'intitulé de la certification" }],
    ['rncpCode', { en: 'the RNCP number', fr: 'le numéro RNCP' }],
    ['centreAddress', { en: "the organising centre's address", fr: "l'adresse du centre organisateur" }],
  ];
  for (const [key, label] of fields) {
    if (!String(p1[key] ?? '').trim()) found.push(violation('PV-2', { en: `part 1 lacks ${label.en}`, fr: `la partie 1 ne mentionne pas ${label.fr}` })); // PV-2
  }
  const expected = countsFromRows(pv.part2);
  if (!p1.counts) {
    found.push(
      violation('PV-2', {
        en: 'part 1 lacks the counts of registered, absent, admitted, partially admitted and not admitted candidates',
        fr: 'la partie 1 ne mentionne pas le nombre de candidats inscrits, absents, admis, admis partiellement et non admis',
      }),
    );
  } else {
    const c = p1.counts;
    const sum = c.absent + c.admitted + c.partiallyAdmitted + c.notAdmitted;
    if (sum !== c.registered) {
      const s = (n: number) => (n === 1 ? '' : 's');
      found.push(
        violation('PV-2', {
          en: `part 1 counts do not add up: ${c.absent} absent + ${c.admitted} admitted + ${c.partiallyAdmitted} partially admitted + ${c.notAdmitted} not admitted = ${sum}, not ${c.registered} registered`,
          fr: `les effectifs de la partie 1 ne concordent pas : ${c.absent} absent${s(c.absent)} + ${c.admitted} admis + ${c.partiallyAdmitted} admis partiellement + ${c.notAdmitted} non admis = ${sum}, et non ${c.registered} inscrit${s(c.registered)}`,
        }),
      ); // PV-2
    }
    for (const key of Object.keys(expected) as (keyof PvCounts)[]) {
      if (c[key] !== expected[key]) {
        found.push(violation('PV-2', { en: `part 1 says ${c[key]} ${key} but part 2 shows ${expected[key]}`, fr: `la partie 1 indique ${c[key]} ${key}, mais la partie 2 en compte ${expected[key]}` }));
      }
    }
  }
  if (pv.part2.length === 0) {
    found.push(violation('PV-3', { en: 'part 2 lists no candidate; every registered candidate appears on the PV', fr: 'la partie 2 ne liste aucun candidat ; chaque candidat inscrit figure sur le PV' }));
  }
  for (const r of pv.part2) {
    const name = fullName(r);
    if (!r.result) found.push(violation('PV-3', { en: `part 2 lacks ${name}'s result`, fr: `la partie 2 ne mentionne pas le résultat ${frenchDe(name)}` })); // PV-3
    if (r.result === 'partially-admitted' || r.result === 'not-admitted') {
      if (!r.reasons?.trim()) found.push(violation('PV-3', { en: `part 2 lacks the jury's reasons for ${name}`, fr: `la partie 2 ne mentionne pas les motifs du jury pour ${name}` })); // PV-3, DELIB-5
      if (!r.recommendations?.trim()) {
        found.push(violation('PV-3', { en: `part 2 lacks the jury's recommendations for ${name}`, fr: `la partie 2 ne mentionne pas les recommandations du jury pour ${name}` }));
      }
    }
  }
  if (pv.part3.jurors.length === 0) found.push(violation('PV-4', { en: 'part 3 lists no juror', fr: 'la partie 3 ne liste aucun juré' }));
  for (const s of [...pv.part3.jurors, pv.part3.sessionManager]) {
    if (!s.signature) {
      const juror = s.role === 'juror';
      found.push(
        violation('PV-4', {
          en: `part 3 lacks the signature of ${fullName(s)} (${juror ? 'juror' : 'session manager'})`,
          fr: `la partie 3 ne porte pas la signature ${frenchDe(fullName(s))} (${juror ? 'juré' : 'responsable de session'})`,
        }),
      ); // PV-4
    }
  }
  if (!pv.part3.stamp) found.push(violation('PV-4', { en: "part 3 lacks the organising centre's stamp", fr: 'la partie 3 ne porte pas le cachet du centre organisateur' }));
  return found;
}

/**
 * PV-6: seals a complete PV at `now`; otherwise throws {@link PvIncomplete} naming every
 * missing element. A sealed PV is never changed again (PV-7).
 */
export function sealPv(pv: Pv, now: Date): Pv {
  assertNotSealed(pv, pvName(pv)); // PV-7
  const missing = pvMissingElements(pv);
  if (missing.length > 0) {
    throw new PvIncomplete([
      violation('PV-6', {
        en: `PV ${pv.id} cannot be sealed: ${missing.length} element${missing.length === 1 ? ' is' : 's are'} missing, and the quality committee does not validate an incomplete or unsigned PV`,
        fr: `le PV ${pv.id} ne peut pas être scellé : ${missing.length} élément${missing.length === 1 ? ' manque' : 's manquent'}, et le comité qualité ne valide pas un PV incomplet ou non signé`,
      }), // PV-6
      ...missing,
    ]);
  }
  return { ...pv, sealedAt: now };
}
