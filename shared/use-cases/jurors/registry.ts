import { Conflict, Forbidden, NotFound } from '../../domain/errors';
import type { Sentence } from '../../domain/sentence';
import type { CreateJurorInput, UpdateJurorInput } from '../../schemas/juror-schemas';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import type { HabilitationRecord, JurorRecord } from '../sessions/records';

/** A juror as a session manager sees them: no account id, nothing about who keeps the registry. */
export type ManagerJurorView = Omit<JurorRecord, 'userId' | 'createdBy'>;

/** A juror record as its caller may read it. */
export type JurorView = JurorRecord | ManagerJurorView;

/** JURY-2: only the certifier habilitates jurors and keeps their professional data; a centre cannot attest its own jurors. */
export function assertCertifier(caller: Caller): void {
  if (!caller.roles.includes('certifiers')) {
    throw new Forbidden({
      en: "JURY-2: only the certifier records habilitations and a juror's professional data; a centre cannot attest its own jurors",
      fr: "JURY-2 : seul le certificateur enregistre les habilitations et les données professionnelles d'un juré ; un centre ne peut pas attester de ses propres jurés",
    });
  }
}

/**
 * Adds a professional to the juror registry, with their habilitations (JURY-2): the certifier
 * alone does, and alone binds the registry juror to an account (`userId`). E-mails and accounts
 * are unique.
 */
export async function createJuror(deps: Pick<Deps, 'jurors' | 'now' | 'newId'>, caller: Caller, input: CreateJurorInput, jurorId = deps.newId()): Promise<JurorRecord> {
  assertCertifier(caller);
  if (input.userId && (await deps.jurors.findByUserId(input.userId))) {
    throw new Conflict({ en: `user ${input.userId} is already a juror of the registry`, fr: `l'utilisateur ${input.userId} est déjà juré du registre` });
  }
  const at = deps.now().toISOString();
  const juror: JurorRecord = {
    id: jurorId,
    ...(input.userId ? { userId: input.userId } : {}),
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    profession: input.profession,
    yearsOfExperience: input.yearsOfExperience,
    habilitations: input.habilitations.map((h) => ({ id: deps.newId(), ...h })),
    createdAt: at,
    createdBy: caller.id,
    updatedAt: at,
    version: 1,
  };
  await deps.jurors.save(juror, {
    subject: { type: 'juror', id: juror.id },
    at,
    eventId: deps.newId(),
    actor: actorOf(caller),
    action: 'juror.registered',
    details: { habilitations: juror.habilitations.length, boundToAccount: juror.userId !== undefined },
  });
  return juror;
}

/** The refusal for a juror id the registry does not hold. */
export function notInRegistry(jurorId: string): Sentence {
  return { en: `no juror ${jurorId} in the registry`, fr: `aucun juré ${jurorId} dans le registre des jurés` };
}

async function existingJuror(deps: Pick<Deps, 'jurors'>, jurorId: string): Promise<JurorRecord> {
  const juror = await deps.jurors.get(jurorId);
  if (!juror) throw new NotFound(notInRegistry(jurorId));
  return juror;
}

/**
 * A juror of the registry, for those who need it: the certifier and the juror themself read the
 * whole record; a manager reads it, without the account id, only when the juror sits on a
 * session of their centre. Anyone else is refused, whether the juror exists or not.
 */
export async function getJuror(deps: Pick<Deps, 'jurors' | 'sessions'>, caller: Caller, jurorId: string): Promise<JurorView> {
  const juror = await deps.jurors.get(jurorId);
  if (caller.roles.includes('certifiers')) {
    if (!juror) throw new NotFound(notInRegistry(jurorId));
    return juror;
  }
  if (juror && caller.roles.includes('jurors') && juror.userId === caller.id) return juror;
  if (juror && caller.roles.includes('managers') && caller.centreId && (await deps.sessions.jurorSitsInCentre(jurorId, caller.centreId))) {
    const { userId: _account, createdBy: _keeper, ...view } = juror;
    return view;
  }
  throw new Forbidden({
    en: `you may not read juror ${jurorId}: only the certifier, the juror themself and the managers of the centres they sit for may`,
    fr: `vous ne pouvez pas consulter le juré ${jurorId} : seuls le certificateur, le juré lui-même et les responsables des centres pour lesquels il siège le peuvent`,
  });
}

/**
 * The certifier changes a juror's professional data (JURY-2) or binds the juror to their
 * account; `expectedVersion` is the version they read (If-Match).
 */
export async function updateJuror(
  deps: Pick<Deps, 'jurors' | 'now' | 'newId'>,
  caller: Caller,
  jurorId: string,
  expectedVersion: number,
  input: UpdateJurorInput,
): Promise<JurorRecord> {
  assertCertifier(caller);
  const juror = await existingJuror(deps, jurorId);
  if (juror.version !== expectedVersion) {
    throw new Conflict({
      en: `juror ${jurorId} is at version ${juror.version}, not ${expectedVersion}: someone changed it; reload it and try again`,
      fr: `le juré ${jurorId} est à la version ${juror.version}, et non ${expectedVersion} : quelqu'un l'a modifié ; rechargez-le et réessayez`,
    });
  }
  const at = deps.now().toISOString();
  const updated: JurorRecord = { ...juror, ...input, updatedAt: at, version: juror.version + 1 };
  await deps.jurors.save(
    updated,
    { subject: { type: 'juror', id: jurorId }, at, eventId: deps.newId(), actor: actorOf(caller), action: 'juror.updated', details: { changed: Object.keys(input) } },
    juror,
  );
  return updated;
}

/** The certifier records a new habilitation of a juror (JURY-2), keeping the earlier ones; a retry adds nothing. */
export async function addHabilitation(
  deps: Pick<Deps, 'jurors' | 'now' | 'newId'>,
  caller: Caller,
  jurorId: string,
  input: Omit<HabilitationRecord, 'id'>,
  habilitationId = deps.newId(),
): Promise<JurorRecord> {
  assertCertifier(caller);
  const juror = await existingJuror(deps, jurorId);
  if (juror.habilitations.some((h) => h.id === habilitationId)) return juror;
  const at = deps.now().toISOString();
  const updated: JurorRecord = { ...juror, habilitations: [...juror.habilitations, { id: habilitationId, ...input }], updatedAt: at, version: juror.version + 1 };
  await deps.jurors.save(
    updated,
    { subject: { type: 'juror', id: jurorId }, at, eventId: deps.newId(), actor: actorOf(caller), action: 'juror.habilitation-added', details: { habilitationId, ...input } },
    juror,
  );
  return updated;
}
