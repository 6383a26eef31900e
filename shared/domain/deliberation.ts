import { checkOf, type Check } from './check';
import { formatTime, type TimeZone } from './dates';
import { RuleViolation, violation, type Violation } from './errors';
import type { SignatureMethod } from './exam-day';
import type { DeliverableType, Referential } from './referential/schema';
import { assertNotSealed } from './sealed';
import type { Scope } from './scope';
import { frenchDe, type Sentence } from './sentence';

/** A competency is acquired or not; nothing in between (DELIB-1). */
export type CompetencyDecision = 'acquired' | 'not_acquired';

/** The values a competency decision may take. */
export const COMPETENCY_DECISIONS: readonly CompetencyDecision[] = ['acquired', 'not_acquired'];

/** A juror's signature on a grid. */
export interface GridSignature {
  jurorId: string;
  signedAt: Date;
  method: SignatureMethod;
}

/** One candidate's evaluation grid, filled and signed by their jurors at the deliberation. */
export interface Grid {
  id: string;
  sessionId: string;
  registrationId: string;
  /** By competency code. Values other than `acquired`/`not_acquired` are refused (DELIB-1). */
  decisions: Record<string, CompetencyDecision>;
  reasons?: string;
  recommendations?: string;
  signatures: GridSignature[];
  sealedAt?: Date;
}

/** What the jury decided, block by block, for one candidate. */
export interface Outcome {
  /** Blocks of the scope whose every competency is acquired (DELIB-2). */
  blocksValidatedNow: string[];
  /** Blocks validated in earlier sessions (RETAKE-3). */
  blocksValidatedEarlier: string[];
  /** Every block the candidate now holds, in referential order. */
  blocksValidated: string[];
  /** In-scope blocks not validated, each with the competencies not acquired. */
  blocksNotValidated: { block: string; competenciesNotAcquired: string[] }[];
  /** All blocks held, now or before (DELIB-3). */
  titleObtained: boolean;
  /** This session's result on the PV: the title; at least one block now; or no block now. */
  result: 'admitted' | 'partially-admitted' | 'not-admitted';
}

/**
 * Blocks and title from a grid's decisions: a block is validated iff all its competencies are
 * acquired (DELIB-2); the title iff every block is validated now or earlier (DELIB-3, RETAKE-3).
 */
export function computeOutcome(ref: Referential, scope: Scope, decisions: Readonly<Record<string, string>>): Outcome {
  const now: string[] = [];
  const notValidated: Outcome['blocksNotValidated'] = [];
  for (const block of scope.blocks) {
    const missing = scope.competencies.filter((c) => c.block === block.code && decisions[c.code] !== 'acquired').map((c) => c.code);
    if (missing.length === 0) now.push(block.code); // DELIB-2
    else notValidated.push({ block: block.code, competenciesNotAcquired: missing });
  }
  const earlier = scope.previouslyValidatedBlocks;
  const held = ref.blocks.map((b) => b.code).filter((code) => now.includes(code) || earlier.includes(code)); // RETAKE-3
  const titleObtained = held.length === ref.blocks.length; // DELIB-3
  return {
    blocksValidatedNow: now,
    blocksValidatedEarlier: [...earlier],
    blocksValidated: held,
    blocksNotValidated: notValidated,
    titleObtained,
    result: titleObtained ? 'admitted' : now.length > 0 ? 'partially-admitted' : 'not-admitted',
  };
}

/** What a grid is checked against. */
export interface GridContext {
  ref: Referential;
  scope: Scope;
  candidateName: string;
  /** The candidate's jurors without conflict (JURY-4): exactly those sign (DELIB-4). */
  eligibleJurorIds: readonly string[];
  jurorNames: Readonly<Record<string, string>>;
  /** When the candidate's oral ended; undefined when the exam was not held (DELIB-6). */
  examEndedAt?: Date;
  /** The session's zone, in which messages state times. */
  timeZone: TimeZone;
  /** Owed deliverables missing from the jury's set: the competencies they evidence cannot be acquired (DELIB-6). */
  missingDeliverables: readonly MissingDeliverable[];
}

/** A deliverable the jury lacks, as refusals name it: `label` in English, `name` in French. */
export type MissingDeliverable = Pick<DeliverableType, 'id' | 'label' | 'name' | 'modality'>;

/**
 * DELIB-6, when a deliverable is missing: the decision rests on the exam, the practical cases and
 * the deliverables, so a competency judged through a modality whose deliverable the jury lacks
 * cannot be acquired. The candidate is still deliberated (product choice): never a dead end that
 * stops the PV. Returns each such competency with the deliverable that is missing.
 */
export function unacquirableCompetencies(
  scope: Pick<Scope, 'competencies'>,
  missing: readonly MissingDeliverable[],
): { code: string; deliverable: MissingDeliverable }[] {
  return scope.competencies.flatMap((c) => {
    const deliverable = missing.find((d) => c.modalities.includes(d.modality)); // DELIB-6
    return deliverable ? [{ code: c.code, deliverable }] : [];
  });
}

/** DELIB-6: the jury fills a grid only once the candidate's exam was held. */
export function checkGridFillable(ctx: Pick<GridContext, 'candidateName' | 'examEndedAt'>): Check {
  if (ctx.examEndedAt) return checkOf([]);
  return checkOf([violation('DELIB-6', {
      en: `${ctx.candidateName} has not sat the exam; the jury decides on the exam, the practical cases and the deliverables`,
      fr: `${ctx.candidateName} n'a pas passé l'épreuve ; le jury se prononce sur l'épreuve, les cas pratiques et les livrables`,
    })]); // DELIB-6
}

/**
 * DELIB-1, DELIB-5, DELIB-6, DELIB-7: every in-scope competency decided, acquired or not, nothing
 * else; none acquired without its deliverable; reasons and recommendations unless the title is obtained.
 */
export function checkGridDecisions(
  grid: Pick<Grid, 'decisions' | 'reasons' | 'recommendations'>,
  ctx: Pick<GridContext, 'ref' | 'scope' | 'candidateName'> & Partial<Pick<GridContext, 'missingDeliverables'>>,
): Check {
  const found: Violation[] = [];
  for (const { code, deliverable } of unacquirableCompetencies(ctx.scope, ctx.missingDeliverables ?? [])) {
    if (grid.decisions[code] === 'acquired') {
      found.push(
        violation('DELIB-6', {
          en: `${code} cannot be acquired: the jury does not have ${ctx.candidateName}'s ${deliverable.label} (${deliverable.modality}), on which the decision rests`,
          fr: `${code} ne peut pas être acquise : le jury ne dispose pas du livrable "${deliverable.name}" (${deliverable.modality}) ${frenchDe(ctx.candidateName)}, sur lequel repose la décision`,
        }),
      ); // DELIB-6
    }
  }
  const inScope = new Set(ctx.scope.competencies.map((c) => c.code));
  for (const [code, value] of Object.entries(grid.decisions)) {
    if (!inScope.has(code)) {
      const block = ctx.ref.competencies.find((c) => c.code === code)?.block;
      const outOfScope: Sentence = block
        ? { en: `${code} belongs to block ${block}, which is not in ${ctx.candidateName}'s scope; remove it`, fr: `${code} relève du bloc ${block}, qui ne fait pas partie du périmètre ${frenchDe(ctx.candidateName)} ; retirez-la de la grille` }
        : { en: `${code} is not a competency of ${ctx.ref.rncpCode}; remove it`, fr: `${code} n'est pas une compétence de ${ctx.ref.rncpCode} ; retirez ${code} de la grille` };
      found.push(violation('DELIB-7', outOfScope)); // DELIB-7
    } else if (!(COMPETENCY_DECISIONS as readonly string[]).includes(value)) {
      found.push(violation('DELIB-1', { en: `${code} is marked "${value}"; a competency is either acquired or not acquired`, fr: `${code} est marquée "${value}" ; une compétence est soit acquise, soit non acquise` })); // DELIB-1
    }
  }
  const undecided = ctx.scope.competencies.filter((c) => grid.decisions[c.code] === undefined).map((c) => c.code);
  if (undecided.length > 0) {
    const one = undecided.length === 1;
    found.push(
      violation('DELIB-1', {
        en: `${undecided.join(', ')} ${one ? 'is' : 'are'} not decided yet; mark each acquired or not acquired`,
        fr: `${undecided.join(', ')} ${one ? "n'est pas encore décidée" : 'ne sont pas encore décidées'} ; marquez ${one ? 'la' : 'chacune'} acquise ou non acquise`,
      }),
    ); // DELIB-1
  }
  if (found.length === 0 && !computeOutcome(ctx.ref, ctx.scope, grid.decisions).titleObtained) {
    if (!grid.reasons?.trim()) {
      found.push(violation('DELIB-5', { en: `${ctx.candidateName} does not obtain the title: record the jury's reasons`, fr: `${ctx.candidateName} n'obtient pas le titre : consignez les motifs du jury` })); // DELIB-5
    }
    if (!grid.recommendations?.trim()) {
      found.push(violation('DELIB-5', { en: `${ctx.candidateName} does not obtain the title: record the jury's recommendations`, fr: `${ctx.candidateName} n'obtient pas le titre : consignez les recommandations du jury` })); // DELIB-5
    }
  }
  return checkOf(found);
}

/** DELIB-4 and JURY-4: every eligible juror of the candidate signs, after the oral ended; nobody else does. */
export function checkGridSignatures(grid: Pick<Grid, 'signatures'>, ctx: Pick<GridContext, 'eligibleJurorIds' | 'jurorNames' | 'examEndedAt' | 'candidateName' | 'timeZone'>): Check {
  const found: Violation[] = [];
  const name = (id: string) => ctx.jurorNames[id] ?? id;
  for (const id of ctx.eligibleJurorIds) {
    if (!grid.signatures.some((s) => s.jurorId === id)) {
      found.push(violation('DELIB-4', { en: `${name(id)} has not signed ${ctx.candidateName}'s grid; every juror of the candidate signs it`, fr: `${name(id)} n'a pas signé la grille ${frenchDe(ctx.candidateName)} ; chaque juré du candidat la signe` })); // DELIB-4
    }
  }
  for (const s of grid.signatures) {
    if (!ctx.eligibleJurorIds.includes(s.jurorId)) {
      found.push(
        violation('JURY-4', {
          en: `${name(s.jurorId)} is not an eligible juror of ${ctx.candidateName} and cannot sign their grid`,
          fr: `${name(s.jurorId)} ne fait pas partie des jurés pouvant évaluer ${ctx.candidateName} et ne peut pas signer sa grille`,
        }),
      ); // JURY-4
    } else if (ctx.examEndedAt && s.signedAt.getTime() < ctx.examEndedAt.getTime()) {
      found.push(
        violation('DELIB-4', {
          en: `${name(s.jurorId)} signed at ${formatTime(s.signedAt, ctx.timeZone)}, before ${ctx.candidateName}'s oral ended at ${formatTime(ctx.examEndedAt, ctx.timeZone)}; the jury deliberates at the end of the exam`,
          fr: `${name(s.jurorId)} a signé à ${formatTime(s.signedAt, ctx.timeZone)}, avant la fin de l'oral ${frenchDe(ctx.candidateName)} à ${formatTime(ctx.examEndedAt, ctx.timeZone)} ; le jury délibère à l'issue de l'épreuve`,
        }),
      ); // DELIB-4
    }
  }
  return checkOf(found);
}

/** Every check a grid must pass before it is sealed: DELIB-6, then decisions and signatures. */
export function checkGrid(grid: Grid, ctx: GridContext): Check {
  const fillable = checkGridFillable(ctx);
  if (!fillable.ok) return fillable;
  return checkOf([...checkGridDecisions(grid, ctx).violations, ...checkGridSignatures(grid, ctx).violations]);
}

function gridName(candidateName: string): Sentence {
  return { en: `${candidateName}'s grid`, fr: `la grille ${frenchDe(candidateName)}` };
}

/** A grid cannot be sealed (or filled) as it stands. */
export class GridIncomplete extends RuleViolation {}

/** Records the decisions (DELIB-6 first); throws {@link GridIncomplete}, or `SealedRecordImmutable` once sealed (PV-7). */
export function fillGrid(grid: Grid, decisions: Record<string, CompetencyDecision>, notes: Pick<Grid, 'reasons' | 'recommendations'>, ctx: GridContext): Grid {
  assertNotSealed(grid, gridName(ctx.candidateName)); // PV-7
  const fillable = checkGridFillable(ctx); // DELIB-6
  if (!fillable.ok) throw new GridIncomplete(fillable.violations);
  return { ...grid, decisions: { ...decisions }, reasons: notes.reasons, recommendations: notes.recommendations, signatures: [] };
}

/** Adds a juror's signature; throws `SealedRecordImmutable` once sealed (PV-7). */
export function signGrid(grid: Grid, signature: GridSignature, candidateName: string): Grid {
  assertNotSealed(grid, gridName(candidateName)); // PV-7
  return { ...grid, signatures: [...grid.signatures.filter((s) => s.jurorId !== signature.jurorId), signature] };
}

/** Seals a complete grid at `now`; throws {@link GridIncomplete} listing what is missing. */
export function sealGrid(grid: Grid, ctx: GridContext, now: Date): Grid {
  assertNotSealed(grid, gridName(ctx.candidateName)); // PV-7
  const check = checkGrid(grid, ctx);
  if (!check.ok) throw new GridIncomplete(check.violations);
  return { ...grid, sealedAt: now };
}
