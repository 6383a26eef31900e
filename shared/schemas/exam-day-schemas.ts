import * as z from 'zod';
import { bilingual } from './bilingual';
import { MAX_CANDIDATES_PER_SESSION } from '../use-cases/limits';

/** Body of `PUT /sessions/{sessionId}/schedule`: the order the candidates sit in (EXAM-1). */
export const candidateOrderBody = /* @__PURE__ */ z.strictObject({
  order: z.array(z.string().uuid(bilingual({ en: 'a registration id', fr: "un identifiant d'inscription" }))).min(1, bilingual({ en: 'every registration of the session, in the order they sit', fr: "toutes les inscriptions de la session, dans l'ordre de passage" })).max(MAX_CANDIDATES_PER_SESSION),
});

/** Body of a check-in (EXAM-3, EXAM-4): present or absent; for a late arrival, the session manager's decision. */
export const checkInBody = /* @__PURE__ */ z.strictObject({
  status: z.enum(['present', 'absent'], { message: bilingual({ en: 'present or absent', fr: 'present ou absent' }) }),
  decision: z.enum(['allowed', 'refused'], { message: bilingual({ en: 'allowed or refused: the decision on a late arrival (EXAM-3)', fr: 'allowed ou refused : la décision sur une arrivée en retard (EXAM-3)' }) }).optional(),
});

/** Body of a remote identity check (EXAM-5). */
export const identityCheckBody = /* @__PURE__ */ z.strictObject({
  method: z.string().trim().min(3, bilingual({ en: 'how the identity was verified, e.g. "ID card shown on camera", 3 to 200 characters', fr: `comment l'identité a été vérifiée, par exemple "carte d'identité présentée à la caméra", de 3 à 200 caractères` })).max(200),
});

/** Body of the oral's clock: start it, end the running segment, or (always refused, EXAM-2) lengthen it. */
export const oralBody = /* @__PURE__ */ z.strictObject({
  action: z.enum(['start', 'end-segment', 'extend'], { message: bilingual({ en: 'start, end-segment or extend', fr: 'start, end-segment ou extend' }) }),
});

const instant = /* @__PURE__ */ z.iso.datetime({ offset: true, message: bilingual({ en: 'an instant with its offset, e.g. 2027-06-15T10:30:00+02:00', fr: 'un instant avec son décalage horaire, par exemple 2027-06-15T10:30:00+02:00' }) });
const description = /* @__PURE__ */ z.string().trim().min(5, bilingual({ en: 'what happened, 5 to 2000 characters', fr: "ce qui s'est passé, de 5 à 2000 caractères" })).max(2000);

/** Body of an incident report (JURY-5, JURY-6, EXAM-6). */
export const incidentBody = /* @__PURE__ */ z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('juror-absence'), jurorId: z.string().uuid(bilingual({ en: 'a juror id', fr: 'un identifiant de juré' })), from: instant.optional(), to: instant.optional(), description }),
    z.strictObject({ kind: z.literal('breach'), state: z.enum(['avoidable', 'established'], { message: bilingual({ en: 'avoidable or established (EXAM-6)', fr: 'avoidable ou established (EXAM-6)' }) }), description, registrationId: z.string().uuid(bilingual({ en: 'a registration id', fr: "un identifiant d'inscription" })).optional() }),
    z.strictObject({ kind: z.literal('late-conflict'), jurorId: z.string().uuid(bilingual({ en: 'a juror id', fr: 'un identifiant de juré' })), registrationId: z.string().uuid(bilingual({ en: 'a registration id', fr: "un identifiant d'inscription" })), description }),
  ],
  { error: bilingual({ en: 'kind: juror-absence, breach or late-conflict', fr: 'kind : juror-absence, breach ou late-conflict' }) },
);

/** Body of a grid at the deliberation (DELIB-1, DELIB-5). */
export const gridBody = /* @__PURE__ */ z.strictObject({
  decisions: z.record(z.string().regex(/^C\d+$/, bilingual({ en: 'a competency code such as C1', fr: 'un code de compétence tel que C1' })), z.enum(['acquired', 'not_acquired'], { message: bilingual({ en: 'acquired or not_acquired (DELIB-1)', fr: 'acquired ou not_acquired (DELIB-1)' }) })),
  reasons: z.string().trim().max(4000).optional(),
  recommendations: z.string().trim().max(4000).optional(),
});

/** Body of a signature on a grid: the hash of the grid the juror read (DELIB-4). */
export const gridSignatureBody = /* @__PURE__ */ z.strictObject({
  hash: z.string().regex(/^[0-9a-f]{64}$/, bilingual({ en: 'the grid hash you read, 64 hexadecimal characters', fr: "l'empreinte de la grille que vous avez lue, 64 caractères hexadécimaux" })),
});
