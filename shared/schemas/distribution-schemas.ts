import * as z from 'zod';
import { bilingual } from './bilingual';
import { isoDate } from './common';

/** Body of `POST /sessions/{sessionId}/distributions`: who received which document when (DIST-1..7). */
export const recordDistributionBody = /* @__PURE__ */ z.strictObject({
  ruleId: z.enum(['DIST-1', 'DIST-2', 'DIST-3', 'DIST-4', 'DIST-5', 'DIST-6', 'DIST-7'], {
    message: bilingual({ en: 'the distribution row of RULES.md, DIST-1 to DIST-7', fr: 'la ligne de diffusion de RULES.md, de DIST-1 à DIST-7' }),
  }),
  distributedOn: isoDate,
  recipients: z.string().trim().min(1, bilingual({ en: 'who received it, 1 to 500 characters', fr: "qui l'a reçu, de 1 à 500 caractères" })).max(500),
});

/** Query of `GET /sessions/{sessionId}/distributions`. */
export const distributionStatusQuery = /* @__PURE__ */ z.strictObject({
  horizonDays: z.coerce.number().int().min(0).max(365).default(14),
});
