import { describe, expect, it } from 'vitest';
import { Forbidden } from '../../../shared/domain/errors';
import type { Caller } from '../../../shared/use-cases/caller';
import { addHabilitation, createJuror, getJuror, updateJuror } from '../../../shared/use-cases/jurors/registry';
import { inMemoryDeps } from '../support/in-memory-sessions';
import { planningOf } from '../support/planning';

const certifier: Caller = { id: 'cert-1', roles: ['certifiers'] };
const manager: Caller = { id: 'm-1', roles: ['managers'], centreId: 'c-1' };
const body = { userId: 'juror-account', firstName: 'Camille', lastName: 'Durand', email: 'camille@example.org', profession: 'data engineer', yearsOfExperience: 4, habilitations: [] };

describe('juror registry', () => {
  it('JURY-2: a habilitation added twice with the same id (a retried request) is recorded once', async () => {
    const { deps, jurors } = inMemoryDeps();
    const juror = await createJuror(deps, certifier, body);
    const habilitation = { issuedBy: 'Simplon', validFrom: '2027-01-01', validUntil: '2029-12-31' };
    await addHabilitation(deps, certifier, juror.id, habilitation, 'hab-1');
    const again = await addHabilitation(deps, certifier, juror.id, habilitation, 'hab-1');
    expect(again.habilitations).toEqual([{ id: 'hab-1', ...habilitation }]);
    expect(jurors.audit.map((event) => event.action)).toEqual(['juror.registered', 'juror.habilitation-added']);
  });

  it('JURY-2: a centre cannot attest its own jurors: a manager can neither add a juror, nor a habilitation, nor change professional data', async () => {
    const { deps, jurors } = inMemoryDeps();
    await expect(createJuror(deps, manager, body)).rejects.toThrow(Forbidden);
    const juror = await createJuror(deps, certifier, body);
    const refused = (await addHabilitation(deps, manager, juror.id, { issuedBy: 'Centre', validFrom: '2027-01-01', validUntil: '2029-12-31' }).catch((e: unknown) => e)) as Forbidden;
    expect(refused.message).toMatch(/^JURY-2: only the certifier/);
    expect(refused.sentence.fr).toBe("JURY-2 : seul le certificateur enregistre les habilitations et les données professionnelles d'un juré ; un centre ne peut pas attester de ses propres jurés");
    await expect(updateJuror(deps, manager, juror.id, 1, { userId: 'someone-else' })).rejects.toThrow(Forbidden);
    expect(jurors.audit.map((event) => event.action)).toEqual(['juror.registered']);
  });

  it('a juror record is read by the certifier and the juror in full, by a manager only where the juror sits, without the account id', async () => {
    const base = inMemoryDeps();
    const deps = base.deps;
    const juror = await createJuror(deps, certifier, body);
    expect(await getJuror(deps, certifier, juror.id)).toMatchObject({ userId: 'juror-account', email: 'camille@example.org' });
    expect(await getJuror(deps, { id: 'juror-account', roles: ['jurors'] }, juror.id)).toMatchObject({ userId: 'juror-account' });
    await expect(getJuror(deps, manager, juror.id)).rejects.toThrow(Forbidden);
    await expect(getJuror(deps, { id: 'another-juror', roles: ['jurors'] }, juror.id)).rejects.toThrow(Forbidden);
    base.sessions.planning.set(
      's-1',
      planningOf({ id: 's-1', centreId: 'c-1' } as never, { assignments: [{ sessionId: 's-1', jurorId: juror.id, centreId: 'c-1', assignedAt: '2027-01-10T09:00:00Z', assignedBy: 'm-1' }] }),
    );
    const seen = await getJuror(deps, manager, juror.id);
    expect(seen).toMatchObject({ email: 'camille@example.org', profession: 'data engineer' });
    expect(Object.keys(seen)).not.toContain('userId');
    await expect(getJuror(deps, { ...manager, centreId: 'c-2' }, juror.id)).rejects.toThrow(Forbidden);
  });

  it('the certifier binds a juror to an account at the version read; a stale version changes nothing', async () => {
    const { deps, jurors } = inMemoryDeps();
    const juror = await createJuror(deps, certifier, { ...body, userId: undefined });
    const bound = await updateJuror(deps, certifier, juror.id, 1, { userId: 'juror-account', yearsOfExperience: 5 });
    expect(bound).toMatchObject({ userId: 'juror-account', yearsOfExperience: 5, version: 2 });
    await expect(updateJuror(deps, certifier, juror.id, 1, { profession: 'data analyst' })).rejects.toThrow(/version 2, not 1/);
    expect((await jurors.get(juror.id))?.profession).toBe('data engineer');
  });
});
