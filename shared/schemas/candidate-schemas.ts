import * as z from 'zod';
import { bilingual } from './bilingual';
import { email, isoDate, namePart } from './common';
import { holderIdentityBody } from './cpf-schemas';

const candidate = /* @__PURE__ */ z.strictObject({
  userId: z.string().trim().min(1, bilingual({ en: "the candidate's user id (sub) in the identity provider", fr: "l'identifiant utilisateur du candidat (sub) auprès du fournisseur d'identité" })).max(128),
  firstName: namePart,
  lastName: namePart,
  email,
});

const holder = /* @__PURE__ */ holderIdentityBody
  .optional()
  .describe("the candidate's civil-status identity, optional at registration: the Caisse des Dépôts requires it to report a certification to the holder's CPF account; it can be given later");

/** Body of `POST /sessions/{sessionId}/candidates`: a first attempt, or a retake (RETAKE-2, RETAKE-4). */
export const registerCandidateBody = /* @__PURE__ */ z.discriminatedUnion(
  'attempt',
  [
    z.strictObject({ attempt: z.literal('first'), candidate, holder }),
    z.strictObject({
      attempt: z.literal('retake'),
      candidate,
      holder,
      previouslyValidatedBlocks: z
        .array(z.string().min(1).max(20))
        .max(20)
        .optional()
        .describe('the blocks validated before, e.g. ["A1","A2"], for results from before Certiflow; read from the results ledger when it holds the candidate'),
      previousSessionDate: isoDate.optional().describe('the date of the session last sat, for results from before Certiflow; read from the results ledger when it holds the candidate'),
      newTraining: z.boolean({ message: bilingual({ en: 'required for a retake: whether the candidate followed a new training since', fr: 'requis pour une nouvelle présentation : si le candidat a suivi une nouvelle formation depuis' }) }),
    }),
  ],
  { error: bilingual({ en: 'attempt: "first" or "retake"', fr: 'attempt : "first" ou "retake"' }) },
);

/** A validated registration body. */
export type RegisterCandidateInput = z.infer<typeof registerCandidateBody>;

/** Body of `PUT /sessions/{sessionId}/candidates/{registrationId}/accommodation` (EXAM-2). */
export const accommodationBody = /* @__PURE__ */ z.strictObject({
  extraMinutes: z.number().int().min(1, bilingual({ en: 'extra minutes, 1 to 120', fr: 'minutes supplémentaires, de 1 à 120' })).max(120, bilingual({ en: 'extra minutes, 1 to 120', fr: 'minutes supplémentaires, de 1 à 120' })),
  justification: z.string().trim().min(10, bilingual({ en: 'why the extra time is granted, 10 to 1000 characters', fr: 'pourquoi le temps supplémentaire est accordé, de 10 à 1000 caractères' })).max(1000),
});

/** Body of `PUT /sessions/{sessionId}/trainers`: the cohort's trainers (JURY-3). */
export const trainersBody = /* @__PURE__ */ z.strictObject({
  trainers: z.array(z.strictObject({ firstName: namePart, lastName: namePart, email })).max(100),
});

/** Path parameters of a registration. */
export const registrationPath = /* @__PURE__ */ z.object({
  sessionId: z.string().uuid(bilingual({ en: 'a session id', fr: 'un identifiant de session' })),
  registrationId: z.string().uuid(bilingual({ en: 'a registration id', fr: "un identifiant d'inscription" })),
});
