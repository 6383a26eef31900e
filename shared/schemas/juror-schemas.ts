import * as z from 'zod';
import { bilingual } from './bilingual';
import { email, isoDate, namePart } from './common';

/** A habilitation from the certifier, valid between two dates inclusive (JURY-2). */
export const habilitationBody = /* @__PURE__ */ z
  .strictObject({
    issuedBy: z.string().trim().min(1, bilingual({ en: 'the certifier that granted it, e.g. Simplon', fr: "le certificateur qui l'a délivrée, par exemple Simplon" })).max(100),
    validFrom: isoDate,
    validUntil: isoDate,
  })
  .refine((h) => h.validFrom <= h.validUntil, { message: bilingual({ en: 'validUntil must not be before validFrom', fr: 'validUntil ne doit pas précéder validFrom' }), path: ['validUntil'] });

/** Body of `POST /jurors`: a professional for the registry (JURY-2). */
export const createJurorBody = /* @__PURE__ */ z.strictObject({
  userId: z.string().trim().min(1).max(128).optional().describe("the juror's user id (sub), once they have an account"),
  firstName: namePart,
  lastName: namePart,
  email,
  profession: z.string().trim().min(2, bilingual({ en: 'their trade, e.g. AI developer, data engineer', fr: 'son métier, par exemple développeur IA, ingénieur de données' })).max(100),
  yearsOfExperience: z.number().int(bilingual({ en: 'whole years', fr: "un nombre entier d'années" })).min(0).max(60),
  habilitations: z.array(habilitationBody).max(20).default([]),
});

/** A validated juror body. */
export type CreateJurorInput = z.infer<typeof createJurorBody>;

/** Body of `PATCH /jurors/{jurorId}`: the certifier's changes to professional data, or the account binding (JURY-2). */
export const updateJurorBody = /* @__PURE__ */ z
  .strictObject({
    profession: z.string().trim().min(2, bilingual({ en: 'their trade, e.g. AI developer, data engineer', fr: 'son métier, par exemple développeur IA, ingénieur de données' })).max(100).optional(),
    yearsOfExperience: z.number().int(bilingual({ en: 'whole years', fr: "un nombre entier d'années" })).min(0).max(60).optional(),
    userId: z.string().trim().min(1).max(128).optional().describe("the juror's user id (sub) in the identity provider"),
  })
  .refine((body) => Object.keys(body).length > 0, { message: bilingual({ en: 'give at least one of profession, yearsOfExperience, userId', fr: 'indiquez au moins un des champs profession, yearsOfExperience, userId' }) });

/** A validated `PATCH /jurors/{jurorId}` body. */
export type UpdateJurorInput = z.infer<typeof updateJurorBody>;

/** Path of a juror in the registry. */
export const jurorPath = /* @__PURE__ */ z.object({ jurorId: z.string().uuid(bilingual({ en: 'a juror id', fr: 'un identifiant de juré' })) });

/** Path of a juror of a session. */
export const sessionJurorPath = /* @__PURE__ */ z.object({ sessionId: z.string().uuid(bilingual({ en: 'a session id', fr: 'un identifiant de session' })), jurorId: z.string().uuid(bilingual({ en: 'a juror id', fr: 'un identifiant de juré' })) });

/** Body of `POST /sessions/{sessionId}/jurors`: assigns a registry juror. */
export const assignJurorBody = /* @__PURE__ */ z.strictObject({ jurorId: z.string().uuid(bilingual({ en: 'a juror id from the registry', fr: 'un identifiant de juré du registre' })) });
