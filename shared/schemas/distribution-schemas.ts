import * as z from 'zod';
import { isoDate } from './common';

/** Body of `POST /sessions/{sessionId}/distributions`: who received which document when (DIST-1..7). */
export const recordDistributionBody = /* @__PURE__ */ z.strictObject({
  ruleId: z.enum(['DIST-1', 'DIST-2', 'DIST-3', 'DIST-4', 'DIST-5', 'DIST-6', 'DIST-7'], {
    message: 'the distribution row of RULES.md, DIST-1 to DIST-7',
  }),
  distributedOn: isoDate,
  recipients: z.string().trim().min(1, 'who received it, 1 to 500 characters').max(500),
});

/** Query of `GET /sessions/{sessionId}/distributions`. */
export const distributionStatusQuery = /* @__PURE__ */ z.strictObject({
  horizonDays: z.coerce.number().int().min(0).max(365).default(14),
});
