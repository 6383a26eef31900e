import { createHash } from 'node:crypto';
import {
  checkGridDecisions,
  computeOutcome,
  Conflict,
  Forbidden,
  GridIncomplete,
  sentenceIn,
  StepOutOfOrder,
  unacquirableCompetencies,
  violation,
  violationMessage,
  type CompetencyDecision,
  type Language,
  type MissingDeliverable,
  type Outcome,
  type Sentence,
} from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { assignedJurors, loadPlanning, registrationOf } from '../sessions/planning-reads';
import { calendarOf, type JurorRecord, type SessionPlanning } from '../sessions/records';
import { applySessionChange } from '../sessions/session-changes';
import { completeCandidateStepIfDone } from './candidate-steps';
import { candidateContext, candidateDay, eligibleJurorIds, examRecord, gridSigners } from './day-context';
import { withResult } from './pv-draft';
import type { GridRecord, SittingRecord } from './records';

/** What the grid routes need. */
export type GridDeps = Pick<Deps, 'sessions' | 'jurors' | 'workflow' | 'now' | 'newId'>;

/** A grid as the jury and the centre read it: the scope prefilled, who must sign, who has. */
export interface GridView {
  registrationId: string;
  timeZone: string;
  candidateName: string;
  blocksInScope: string[];
  /** Blocks validated in earlier sessions (RETAKE-3). */
  blocksValidatedEarlier: string[];
  competencies: Array<{ code: string; title?: string; block: string; modalities: string[]; unacquirableBecause?: string }>;
  stage: string;
  decisions: Record<string, CompetencyDecision>;
  reasons?: string;
  recommendations?: string;
  hash?: string;
  revision: number;
  /** The jurors who sign it: free of conflict (JURY-4) and present at the oral (JURY-6). */
  signers: string[];
  signatures: GridRecord['signatures'];
  completedAt?: string;
  outcome?: Outcome;
}

/** SHA-256 of what a signature attests: the decisions, in competency order, the reasons and the recommendations. */
export function gridHash(decisions: Record<string, CompetencyDecision>, reasons?: string, recommendations?: string): string {
  const ordered = Object.keys(decisions)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((code) => [code, decisions[code]]);
  return createHash('sha256').update(JSON.stringify({ decisions: ordered, reasons: reasons ?? '', recommendations: recommendations ?? '' })).digest('hex');
}

async function callerJurorId(deps: Pick<Deps, 'jurors'>, caller: Caller): Promise<string | undefined> {
  return caller.roles.includes('jurors') ? (await deps.jurors.findByUserId(caller.id))?.id : undefined;
}

/** DELIB-4, JURY-4, JURY-6: the caller must be one of the candidate's signers. */
function assertSigner(jurorId: string | undefined, signers: readonly string[], eligible: readonly string[], candidateName: string): string {
  if (jurorId && signers.includes(jurorId)) return jurorId;
  if (jurorId && eligible.includes(jurorId)) {
    throw new Forbidden({
      en: `JURY-6: you were reported absent during ${candidateName}'s oral and cannot deliberate on it`,
      fr: `JURY-6 : vous avez été signalé absent pendant l'oral de ${candidateName} et ne pouvez pas en délibérer`,
    });
  }
  throw new Forbidden({
    en: `JURY-4: only the jurors of ${candidateName} free of conflict deliberate on their grid`,
    fr: `JURY-4 : seuls les jurés de ${candidateName} sans conflit d'intérêts délibèrent sur sa grille`,
  });
}

/** DELIB-6: why a competency cannot be acquired: the deliverable it rests on is not in the jury set. */
export function unacquirableNotice(deliverable: Pick<MissingDeliverable, 'label' | 'name'>): Sentence {
  return {
    en: `DELIB-6: the ${deliverable.label} is missing from the jury set`,
    fr: `DELIB-6 : le livrable "${deliverable.name}" ne figure pas parmi les livrables remis au jury`,
  };
}

function viewOf(planning: SessionPlanning, jurors: readonly JurorRecord[], registrationId: string, language: Language): GridView {
  const { scope, name, missingDeliverables } = candidateContext(planning, registrationId);
  const grid = planning.grids.find((g) => g.registrationId === registrationId);
  const unacquirable = unacquirableCompetencies(scope, missingDeliverables);
  return {
    registrationId,
    timeZone: calendarOf(planning.session).timeZone,
    candidateName: name,
    blocksInScope: scope.blocks.map((b) => b.code),
    blocksValidatedEarlier: scope.previouslyValidatedBlocks,
    competencies: scope.competencies.map((c) => {
      const missing = unacquirable.find((u) => u.code === c.code);
      return { code: c.code, ...(c.title ? { title: c.title } : {}), block: c.block, modalities: c.modalities, ...(missing ? { unacquirableBecause: sentenceIn(unacquirableNotice(missing.deliverable), language) } : {}) };
    }),
    stage: candidateDay(planning, registrationId).stage,
    decisions: grid?.decisions ?? {},
    ...(grid?.reasons ? { reasons: grid.reasons } : {}),
    ...(grid?.recommendations ? { recommendations: grid.recommendations } : {}),
    ...(grid ? { hash: grid.hash } : {}),
    revision: grid?.revision ?? 0,
    signers: gridSigners(planning, jurors, registrationId),
    signatures: grid?.signatures ?? [],
    ...(grid?.completedAt ? { completedAt: grid.completedAt, outcome: grid.outcome } : {}),
  };
}

/**
 * A candidate's grid, for the centre's managers, the quality committee, and the candidate's jurors
 * free of conflict; why a competency cannot be acquired is said in `language`.
 */
export async function getGrid(deps: Pick<Deps, 'sessions' | 'jurors'>, caller: Caller, sessionId: string, registrationId: string, language: Language = 'en'): Promise<GridView> {
  const planning = await loadPlanning(deps.sessions, sessionId);
  registrationOf(planning, registrationId);
  const jurors = await assignedJurors(deps.jurors, planning);
  const centre = caller.roles.includes('quality') || (caller.roles.includes('managers') && caller.centreId === planning.session.centreId);
  if (!centre) {
    const jurorId = await callerJurorId(deps, caller);
    const eligible = eligibleJurorIds(planning, jurors, registrationId);
    if (!jurorId || !eligible.includes(jurorId)) {
      throw new Forbidden({
        en: `JURY-4: only the centre's managers, the quality committee and the candidate's jurors free of conflict read this grid`,
        fr: `JURY-4 : seuls les responsables du centre, le comité qualité et les jurés du candidat sans conflit d'intérêts consultent cette grille`,
      });
    }
  }
  return viewOf(planning, jurors, registrationId, language);
}

/** DELIB-6, DELIB-4: the grid is filled after the oral and before the candidate is deliberated. */
function assertDeliberating(planning: SessionPlanning, registrationId: string, candidateName: string): void {
  const stage = candidateDay(planning, registrationId).stage;
  if (stage === 'oral-ended') return;
  const found =
    stage === 'deliberated'
      ? violation('DELIB-4', { en: `${candidateName} has been deliberated: their grid is signed and on the PV`, fr: `le jury a déjà délibéré sur ${candidateName} : sa grille est signée et reportée au PV` })
      : violation('DELIB-6', {
          en: `${candidateName} has not finished the oral (${stage}); the jury deliberates at the end of the exam, on the exam, the practical cases and the deliverables`,
          fr: `${candidateName} n'a pas terminé l'oral (${stage}) ; le jury délibère à la fin de l'épreuve, sur l'épreuve, les cas pratiques et les livrables`,
        });
  throw new StepOutOfOrder({ en: found.message, fr: violationMessage(found, 'fr') }, [found]);
}

/**
 * A juror of the candidate fills the grid at the deliberation (DELIB-1, DELIB-5, DELIB-6,
 * DELIB-7): every in-scope competency acquired or not acquired, none acquired without its
 * deliverable, reasons and recommendations unless the title is obtained. Each filling is a new
 * revision and clears the signatures, which must be given again on it. The grid is returned as
 * `getGrid` says it, in `language`.
 */
export async function fillGrid(
  deps: GridDeps,
  caller: Caller,
  sessionId: string,
  registrationId: string,
  input: { decisions: Record<string, CompetencyDecision>; reasons?: string; recommendations?: string },
  language: Language = 'en',
): Promise<GridView> {
  const jurorId = await callerJurorId(deps, caller);
  let jurors: JurorRecord[] = [];
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), async (current, at) => {
    registrationOf(current, registrationId);
    jurors = await assignedJurors(deps.jurors, current);
    const { ref, scope, name, missingDeliverables } = candidateContext(current, registrationId);
    assertSigner(jurorId, gridSigners(current, jurors, registrationId), eligibleJurorIds(current, jurors, registrationId), name);
    assertDeliberating(current, registrationId, name);
    const check = checkGridDecisions(input, { ref, scope, candidateName: name, missingDeliverables }); // DELIB-1, DELIB-5, DELIB-6, DELIB-7
    if (!check.ok) throw new GridIncomplete(check.violations);
    const previous = current.grids.find((g) => g.registrationId === registrationId);
    const hash = gridHash(input.decisions, input.reasons, input.recommendations);
    if (previous?.hash === hash) return undefined;
    const grid: GridRecord = {
      registrationId,
      decisions: input.decisions,
      ...(input.reasons ? { reasons: input.reasons } : {}),
      ...(input.recommendations ? { recommendations: input.recommendations } : {}),
      hash,
      revision: (previous?.revision ?? 0) + 1,
      filledBy: jurorId!,
      filledAt: at,
      signatures: [],
    };
    return { items: [{ kind: 'grid', record: grid }], action: 'grid.filled', details: { registrationId, revision: grid.revision, hash } };
  });
  return viewOf(planning, jurors, registrationId, language);
}

/**
 * A juror of the candidate signs the grid they read (DELIB-4): the signature names its hash, and
 * a grid that changed since is refused. Once every signer has signed, the candidate is
 * deliberated: blocks and title from the decisions, blocks held earlier counted (DELIB-2,
 * DELIB-3, RETAKE-3); the result goes into part 2 of the PV (PV-3) and into the results ledger.
 * The grid is returned as `getGrid` says it, in `language`.
 */
export async function signGrid(deps: GridDeps, caller: Caller, sessionId: string, registrationId: string, input: { hash: string }, language: Language = 'en'): Promise<GridView> {
  const jurorId = await callerJurorId(deps, caller);
  let jurors: JurorRecord[] = [];
  const planning = await applySessionChange(deps, sessionId, actorOf(caller), async (current, at) => {
    registrationOf(current, registrationId);
    jurors = await assignedJurors(deps.jurors, current);
    const { ref, scope, name, registration } = candidateContext(current, registrationId);
    const signers = gridSigners(current, jurors, registrationId);
    const signer = assertSigner(jurorId, signers, eligibleJurorIds(current, jurors, registrationId), name);
    const grid = current.grids.find((g) => g.registrationId === registrationId);
    if (grid?.signatures.some((s) => s.jurorId === signer && s.hash === input.hash)) return undefined;
    assertDeliberating(current, registrationId, name);
    if (!grid) {
      throw new StepOutOfOrder({ en: `DELIB-4: ${name}'s grid has not been filled yet`, fr: `DELIB-4 : la grille de ${name} n'a pas encore été remplie` }, [
        violation('DELIB-4', { en: `${name}'s grid has not been filled yet; fill it, then sign it`, fr: `la grille de ${name} n'a pas encore été remplie ; remplissez-la, puis signez-la` }),
      ]);
    }
    if (grid.hash !== input.hash) {
      throw new Conflict(
        {
          en: `the grid changed since you read it: ${name}'s grid is now at revision ${grid.revision}; read it again and sign what it says (DELIB-4)`,
          fr: `la grille a changé depuis votre lecture : la grille de ${name} en est désormais à la révision ${grid.revision} ; relisez-la et signez ce qu'elle contient (DELIB-4)`,
        },
        [violation('DELIB-4', { en: `the signature names a grid that is no longer ${name}'s current one`, fr: `la signature porte sur une grille qui n'est plus la version en cours de la grille de ${name}` })],
      );
    }
    const signatures = [...grid.signatures.filter((s) => s.jurorId !== signer), { jurorId: signer, signedAt: at, hash: grid.hash }];
    const complete = signers.every((id) => signatures.some((s) => s.jurorId === id));
    if (!complete) {
      return { items: [{ kind: 'grid', record: { ...grid, signatures } }], action: 'grid.signed', details: { registrationId, jurorId: signer, hash: grid.hash } };
    }
    const outcome = computeOutcome(ref, scope, grid.decisions); // DELIB-2, DELIB-3, RETAKE-3
    const notes = { reasons: grid.reasons, recommendations: grid.recommendations };
    const { timeZone } = calendarOf(current.session);
    const sitting: SittingRecord = {
      userId: registration.candidate.userId,
      sessionId,
      titleCode: current.session.titleCode,
      sessionDate: current.session.sessionDate,
      timeZone,
      registrationId,
      result: outcome.result,
      blocksValidatedNow: outcome.blocksValidatedNow,
      blocksHeld: outcome.blocksValidated,
      deliberatedAt: at,
    };
    const deliberated = examRecord({ ...candidateDay(current, registrationId), stage: 'deliberated' });
    return {
      items: [
        { kind: 'grid', record: { ...grid, signatures, completedAt: at, outcome } },
        { kind: 'exam', record: deliberated },
        { kind: 'pv', record: withResult(current.pv!, registrationId, outcome, notes) }, // PV-3, PV-5
        { kind: 'sitting', record: sitting },
      ],
      action: 'candidate.deliberated',
      details: { registrationId, jurorId: signer, hash: grid.hash, result: outcome.result, blocksValidated: outcome.blocksValidated },
    };
  });
  await completeCandidateStepIfDone(deps, planning, registrationId);
  return viewOf(planning, jurors, registrationId, language);
}
