import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { workflow } from '../../shared/adapters/ports/workflow';
import { idempotentApiHandler } from '../../shared/http/idempotent-api-handler';
import { declareLinks } from '../../shared/use-cases/deliverables/jury-access';
import { incidentIn } from '../../shared/use-cases/exam-day/incidents';
import { DeclareLinks } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions, workflow });

/** `POST /sessions/{sessionId}/declarations`: a juror's links with candidates (JURY-4), and the resulting matrix. */
export const handler = idempotentApiHandler(DeclareLinks, async ({ caller, path, body, language }) => {
  const { matrix, complete, lateConflicts } = await declareLinks(deps, caller, path.sessionId, body.declarations);
  const eligibility = matrix.rows.map(({ candidateId: _account, ...row }) => row);
  return { body: { eligibility, blockers: matrix.violations, declarationsComplete: complete, lateConflicts: lateConflicts.map((i) => incidentIn(i, language)) } };
});
