import type { SessionRiskCounts } from '../domain/session-watch';

/** The CloudWatch namespace of Certiflow's business metrics. */
export const BUSINESS_METRICS_NAMESPACE = 'Certiflow';

/** The `service` dimension of every Certiflow metric: the functions' POWERTOOLS_SERVICE_NAME. */
export const METRICS_SERVICE = 'certiflow';

/** The environment variable naming the deployment stage, the metrics' `stage` dimension. */
export const STAGE_ENV = 'CERTIFLOW_STAGE';

/** The metric each count of the hourly session watch is published as (namespace `Certiflow`, dimensions `service` and `stage`). */
export const SESSION_WATCH_METRICS = {
  watched: 'SessionsWatched',
  intakeAtRisk: 'SessionsIntakeAtRisk',
  distributionOverdue: 'SessionsDistributionOverdue',
  stepOverdue: 'SessionsStepOverdue',
  pvNotSealed: 'SessionsPvNotSealed',
} as const satisfies Record<keyof SessionRiskCounts, string>;
