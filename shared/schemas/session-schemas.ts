import * as z from 'zod';
import { bilingual } from './bilingual';
import { DEFAULT_TIME_ZONE } from '../domain/dates';
import { DEFAULT_START_TIME } from '../domain/session';
import { isoDate, localTime, timeZone } from './common';

/** The cohort whose calendar drives the distribution deadlines (DIST). */
export const cohortSchema = /* @__PURE__ */ z.strictObject({
  name: z.string().trim().min(1, bilingual({ en: 'the cohort name, 1 to 100 characters', fr: 'le nom de la promotion, de 1 à 100 caractères' })).max(100),
  startDate: isoDate,
  prairieEnd: isoDate.describe('the last day of the prairie, the onboarding phase'),
});

/** Body of `POST /sessions`. */
export const createSessionBody = /* @__PURE__ */ z.strictObject({
  titleCode: z.string().regex(/^RNCP\d+$/, bilingual({ en: 'RNCP followed by its digits, as France Compétences writes it, e.g. RNCP34757', fr: "RNCP suivi de ses chiffres, comme l'écrit France Compétences, par exemple RNCP34757" })), // REF-1
  sessionDate: isoDate.describe("the exam day, a day of the session's time zone"),
  timeZone: timeZone.default(DEFAULT_TIME_ZONE).describe("the IANA zone the session's days and times are counted in"),
  startTime: localTime.default(DEFAULT_START_TIME).describe("when the exam day starts, in the session's time zone"),
  address: z.string().trim().min(5, bilingual({ en: 'the organising centre address, 5 to 300 characters', fr: "l'adresse du centre organisateur, de 5 à 300 caractères" })).max(300),
  remote: z.boolean().default(false),
  cohort: cohortSchema.optional(),
});

/** A validated `POST /sessions` body. */
export type CreateSessionInput = z.infer<typeof createSessionBody>;

/** Body of `PATCH /sessions/{sessionId}`: any of the session's own fields, while in planning. */
export const updateSessionBody = /* @__PURE__ */ z
  .strictObject({
    sessionDate: isoDate.optional(),
    timeZone: timeZone.optional(),
    startTime: localTime.optional(),
    address: z.string().trim().min(5, bilingual({ en: 'the organising centre address, 5 to 300 characters', fr: "l'adresse du centre organisateur, de 5 à 300 caractères" })).max(300).optional(),
    remote: z.boolean().optional(),
    cohort: cohortSchema.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: bilingual({ en: 'give at least one of sessionDate, timeZone, startTime, address, remote, cohort', fr: 'indiquez au moins un des champs sessionDate, timeZone, startTime, address, remote, cohort' }) });

/** A validated `PATCH /sessions/{sessionId}` body. */
export type UpdateSessionInput = z.infer<typeof updateSessionBody>;

/** Path parameters of `/sessions/{sessionId}`. */
export const sessionPath = /* @__PURE__ */ z.object({ sessionId: z.string().uuid(bilingual({ en: 'a session id', fr: 'un identifiant de session' })) });

/** Query of `GET /sessions`. */
export const listSessionsQuery = /* @__PURE__ */ z.strictObject({
  centreId: z.string().min(1).max(100).optional(),
  status: z.enum(['planning', 'intake', 'jury-review', 'ready-for-exam', 'exam-day', 'deliberated', 'sealed', 'results-released', 'annulled', 'failed']).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

/** Headers of a conditional update: `If-Match` carries the version the caller saw. */
export const ifMatchHeaders = /* @__PURE__ */ z.object({
  'if-match': z
    .string({ message: bilingual({ en: 'required: the version you last read, as returned in ETag', fr: 'requis : la version que vous avez lue en dernier, telle que renvoyée dans ETag' }) })
    .regex(/^(W\/)?"?\d+"?$/, bilingual({ en: 'the session version you last read, e.g. "3"', fr: 'la version de la session que vous avez lue en dernier, par exemple "3"' }))
    .transform((value) => Number(value.replace(/\D/g, ''))),
});
