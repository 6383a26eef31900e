import { Conflict, NotFound } from '../../domain/errors';
import type { CreateJurorInput } from '../../schemas/juror-schemas';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import type { HabilitationRecord, JurorRecord } from '../sessions/records';
import { managerCentre } from '../sessions/session-access';

/** Adds a professional to the juror registry, with their habilitations (JURY-2). E-mails are unique. */
export async function createJuror(deps: Pick<Deps, 'jurors' | 'now' | 'newId'>, caller: Caller, input: CreateJurorInput, jurorId = deps.newId()): Promise<JurorRecord> {
  managerCentre(caller);
  if (input.userId && (await deps.jurors.findByUserId(input.userId))) {
    throw new Conflict(`user ${input.userId} is already a juror of the registry`);
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
  await deps.jurors.save(juror, 0, {
    subject: { type: 'juror', id: juror.id },
    at,
    eventId: deps.newId(),
    actor: actorOf(caller),
    action: 'juror.registered',
    details: { email: juror.email, habilitations: juror.habilitations.length },
  });
  return juror;
}

/** A juror of the registry. */
export async function getJuror(deps: Pick<Deps, 'jurors'>, jurorId: string): Promise<JurorRecord> {
  const juror = await deps.jurors.get(jurorId);
  if (!juror) throw new NotFound(`no juror ${jurorId} in the registry`);
  return juror;
}

/** Records a new habilitation of a juror (JURY-2), keeping the earlier ones; a retry adds nothing. */
export async function addHabilitation(
  deps: Pick<Deps, 'jurors' | 'now' | 'newId'>,
  caller: Caller,
  jurorId: string,
  input: Omit<HabilitationRecord, 'id'>,
  habilitationId = deps.newId(),
): Promise<JurorRecord> {
  managerCentre(caller);
  const juror = await getJuror(deps, jurorId);
  if (juror.habilitations.some((h) => h.id === habilitationId)) return juror;
  const at = deps.now().toISOString();
  const updated: JurorRecord = { ...juror, habilitations: [...juror.habilitations, { id: habilitationId, ...input }], updatedAt: at, version: juror.version + 1 };
  await deps.jurors.save(updated, juror.version, {
    subject: { type: 'juror', id: jurorId },
    at,
    eventId: deps.newId(),
    actor: actorOf(caller),
    action: 'juror.habilitation-added',
    details: { habilitationId, ...input },
  });
  return updated;
}
