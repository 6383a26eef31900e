import { describe, expect, it } from 'vitest';
import { addHabilitation, createJuror } from '../../../shared/use-cases/jurors/registry';
import { inMemoryDeps } from '../support/in-memory-sessions';

const manager = { id: 'm-1', roles: ['managers' as const], centreId: 'c-1' };

describe('juror registry', () => {
  it('JURY-2: a habilitation added twice with the same id (a retried request) is recorded once', async () => {
    const { deps, jurors } = inMemoryDeps();
    const juror = await createJuror(deps, manager, {
      firstName: 'Camille',
      lastName: 'Durand',
      email: 'camille@example.org',
      profession: 'data engineer',
      yearsOfExperience: 4,
      habilitations: [],
    });
    const habilitation = { issuedBy: 'Simplon', validFrom: '2027-01-01', validUntil: '2029-12-31' };
    await addHabilitation(deps, manager, juror.id, habilitation, 'hab-1');
    const again = await addHabilitation(deps, manager, juror.id, habilitation, 'hab-1');
    expect(again.habilitations).toEqual([{ id: 'hab-1', ...habilitation }]);
    expect(jurors.audit.map((event) => event.action)).toEqual(['juror.registered', 'juror.habilitation-added']);
  });
});
