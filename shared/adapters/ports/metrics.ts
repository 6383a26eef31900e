import { config } from '../../config/env';
import { PowertoolsBusinessMetrics } from '../powertools-business-metrics';
import { port } from './port';

/** Business metrics of this deployment stage, as CloudWatch EMF records. */
export const metrics = /* @__PURE__ */ port(() => new PowertoolsBusinessMetrics(config.stage()));
