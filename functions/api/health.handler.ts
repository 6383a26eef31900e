import { healthProbes } from '../../shared/adapters/health-probes';
import { apiHandler } from '../../shared/http/api-handler';
import { checkHealth } from '../../shared/use-cases/health/check-health';
import { Health } from '../../shared/wiring/routes';

/** `GET /health` (no token): each dependency's status; 503 when one is down. */
export const handler = apiHandler(Health, async () => {
  const report = await checkHealth(healthProbes());
  return { status: report.status === 'up' ? 200 : 503, body: report };
});
