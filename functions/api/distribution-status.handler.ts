import { wire } from '../../shared/adapters/ports/port';
import { jurors, sessions } from '../../shared/adapters/ports/dynamodb';
import { apiHandler } from '../../shared/http/api-handler';
import { distributionStatuses } from '../../shared/use-cases/distributions/distributions';
import { DistributionStatus } from '../../shared/wiring/routes';

/** This function's ports. */
const deps = wire({ jurors, sessions });

/** `GET /sessions/{sessionId}/distributions`: each distribution's state, overdue and due-soon ones flagged. */
export const handler = apiHandler(DistributionStatus, async ({ caller, path, query }) => {
  const distributions = await distributionStatuses(deps, caller, path.sessionId, query.horizonDays);
  return {
    body: {
      distributions,
      overdue: distributions.filter((d) => d.state === 'overdue').map((d) => d.ruleId),
      dueSoon: distributions.filter((d) => d.state === 'due-soon').map((d) => d.ruleId),
    },
  };
});
