import * as z from 'zod';
import { MAX_CANDIDATES_PER_SESSION } from '../use-cases/limits';

/** Path of one deliverable of a registration. */
export const deliverablePath = /* @__PURE__ */ z.object({
  sessionId: z.string().uuid('a session id'),
  registrationId: z.string().uuid('a registration id'),
  deliverableType: z.string().regex(/^[a-z0-9-]{1,60}$/, 'a deliverable type such as project-report'),
});

/** Path of one received version. */
export const versionPath = /* @__PURE__ */ z.object({
  sessionId: z.string().uuid('a session id'),
  uploadId: z.string().uuid('an upload id'),
});

/** Body of a late-deliverable decision (DELIV-5). */
export const lateDecisionBody = /* @__PURE__ */ z.strictObject({
  decision: z.enum(['admitted', 'not-admitted'], { message: 'admitted or not-admitted' }),
  reason: z.string().trim().min(5, 'why, 5 to 1000 characters').max(1000),
});

/** Body of a juror's declarations (JURY-4). */
export const declarationsBody = /* @__PURE__ */ z.strictObject({
  declarations: z
    .array(
      z.strictObject({
        registrationId: z.string().uuid('a registration id'),
        link: z.enum(['none', 'personal', 'professional'], { message: 'none, personal or professional' }),
        description: z.string().trim().max(1000).optional(),
      }),
    )
    .min(1, 'at least one declaration')
    .max(MAX_CANDIDATES_PER_SESSION, `at most ${MAX_CANDIDATES_PER_SESSION} declarations, one per candidate of the session`)
    .superRefine((declarations, context) => {
      const seen = new Set<string>();
      declarations.forEach((declaration, index) => {
        if (seen.has(declaration.registrationId)) {
          context.addIssue({
            code: 'custom',
            path: [index, 'registrationId'],
            message: `registration ${declaration.registrationId} is declared twice in this request; declare each candidate once`,
          });
        }
        seen.add(declaration.registrationId);
      });
    }),
});
