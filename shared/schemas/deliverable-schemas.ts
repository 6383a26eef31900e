import * as z from 'zod';
import { bilingual, bilingualIssue } from './bilingual';
import { MAX_CANDIDATES_PER_SESSION } from '../use-cases/limits';

/** Path of one deliverable of a registration. */
export const deliverablePath = /* @__PURE__ */ z.object({
  sessionId: z.string().uuid(bilingual({ en: 'a session id', fr: 'un identifiant de session' })),
  registrationId: z.string().uuid(bilingual({ en: 'a registration id', fr: "un identifiant d'inscription" })),
  deliverableType: z.string().regex(/^[a-z0-9-]{1,60}$/, bilingual({ en: 'a deliverable type such as project-report', fr: 'un type de livrable tel que project-report' })),
});

/** Path of one received version. */
export const versionPath = /* @__PURE__ */ z.object({
  sessionId: z.string().uuid(bilingual({ en: 'a session id', fr: 'un identifiant de session' })),
  uploadId: z.string().uuid(bilingual({ en: 'an upload id', fr: 'un identifiant de dépôt' })),
});

/** Body of a late-deliverable decision (DELIV-5). */
export const lateDecisionBody = /* @__PURE__ */ z.strictObject({
  decision: z.enum(['admitted', 'not-admitted'], { message: bilingual({ en: 'admitted or not-admitted', fr: 'admitted ou not-admitted' }) }),
  reason: z.string().trim().min(5, bilingual({ en: 'why, 5 to 1000 characters', fr: 'pourquoi, de 5 à 1000 caractères' })).max(1000),
});

/** Body of a juror's declarations (JURY-4). */
export const declarationsBody = /* @__PURE__ */ z.strictObject({
  declarations: z
    .array(
      z.strictObject({
        registrationId: z.string().uuid(bilingual({ en: 'a registration id', fr: "un identifiant d'inscription" })),
        link: z.enum(['none', 'personal', 'professional'], { message: bilingual({ en: 'none, personal or professional', fr: 'none, personal ou professional' }) }),
        description: z.string().trim().max(1000).optional(),
      }),
    )
    .min(1, bilingual({ en: 'at least one declaration', fr: 'au moins une déclaration' }))
    .max(
      MAX_CANDIDATES_PER_SESSION,
      bilingual({ en: `at most ${MAX_CANDIDATES_PER_SESSION} declarations, one per candidate of the session`, fr: `${MAX_CANDIDATES_PER_SESSION} déclarations au plus, une par candidat de la session` }),
    )
    .superRefine((declarations, context) => {
      const seen = new Set<string>();
      declarations.forEach((declaration, index) => {
        if (seen.has(declaration.registrationId)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'registrationId'],
            ...bilingualIssue({
              en: `registration ${declaration.registrationId} is declared twice in this request; declare each candidate once`,
              fr: `l'inscription ${declaration.registrationId} est déclarée deux fois dans cette requête ; déclarez chaque candidat une seule fois`,
            }),
          });
        }
        seen.add(declaration.registrationId);
      });
    }),
});
