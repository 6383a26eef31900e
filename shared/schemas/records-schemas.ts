import * as z from 'zod';
import { bilingual } from './bilingual';
import { APPEAL_GROUNDS } from '../domain/appeals';
import { MAX_CASES_PER_DECISION } from '../use-cases/limits';

/** Body of a PV signature (PV-4): the SHA-256 of the draft read (`GET …/pv.pdf`, header `x-content-sha256`). */
export const pvSignatureBody = /* @__PURE__ */ z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, bilingual({ en: 'the SHA-256 of the PV draft you read, 64 lower-case hexadecimal characters (header x-content-sha256 of GET …/pv.pdf)', fr: 'le SHA-256 du projet de PV que vous avez lu, 64 caractères hexadécimaux en minuscules (en-tête x-content-sha256 de GET …/pv.pdf)' })),
});

/** Path of a centre's resources. */
export const centrePath = /* @__PURE__ */ z.object({ centreId: z.string().trim().min(1, bilingual({ en: 'a centre id', fr: 'un identifiant de centre' })).max(100) });

/** Body of a centre's stamp (PV-4): a PNG or JPEG image, base64-encoded, at most 1 MB. */
export const stampBody = /* @__PURE__ */ z.strictObject({
  contentType: z.enum(['image/png', 'image/jpeg'], { message: bilingual({ en: 'image/png or image/jpeg', fr: 'image/png ou image/jpeg' }) }),
  imageBase64: z
    .string()
    .min(8, bilingual({ en: 'the image, base64-encoded', fr: "l'image, encodée en base64" }))
    .max(1_400_000, bilingual({ en: 'the image, base64-encoded: at most 1 MB of image', fr: "l'image, encodée en base64 : 1 Mo d'image au plus" }))
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, bilingual({ en: 'the image, base64-encoded (A–Z, a–z, 0–9, +, /, = padding)', fr: "l'image, encodée en base64 (A–Z, a–z, 0–9, +, /, = pour le remplissage)" })),
});

/** Path of a title's resources. */
export const titlePath = /* @__PURE__ */ z.object({ rncpCode: z.string().regex(/^RNCP\d+$/, bilingual({ en: 'RNCP followed by its digits, e.g. RNCP34757', fr: 'RNCP suivi de ses chiffres, par exemple RNCP34757' })) });

/** Body of a title's settings: the appeal window (QUAL-1) and the CPF contract (the holders' export). */
export const titleSettingsBody = /* @__PURE__ */ z.strictObject({
  appealWindowMonths: z.number().int().min(1, bilingual({ en: 'months after the results are released, 1 to 24 (the product default is 2)', fr: 'le nombre de mois après la publication des résultats, de 1 à 24 (2 par défaut)' })).max(24, bilingual({ en: 'months after the results are released, 1 to 24', fr: 'le nombre de mois après la publication des résultats, de 1 à 24' })),
  cpf: z
    .strictObject({
      idClient: z.string().regex(/^[A-Za-z0-9]{8}$/, bilingual({ en: "the certifier's idClient given by the Caisse des Dépôts, 8 letters or digits", fr: "l'idClient du certificateur attribué par la Caisse des Dépôts, 8 lettres ou chiffres" })),
      idContrat: z.string().trim().min(1, bilingual({ en: "the certifier's idContrat given by the Caisse des Dépôts, 1 to 20 characters", fr: "l'idContrat du certificateur attribué par la Caisse des Dépôts, de 1 à 20 caractères" })).max(20),
    })
    .optional()
    .describe("the certifier's identifiers in the CPF information system, required for the holders' export"),
});

/** Path of the public verification of a diploma or booklet. */
export const verificationPath = /* @__PURE__ */ z.object({ code: z.string().max(40, bilingual({ en: 'a verification code, e.g. 7K3Q-M9XD-2R4T', fr: 'un code de vérification, par exemple 7K3Q-M9XD-2R4T' })) });

/** Body of an appeal (QUAL-1). */
export const appealBody = /* @__PURE__ */ z.strictObject({
  ground: z
    .string()
    .trim()
    .min(1, bilingual({ en: `the ground of the appeal; admissible grounds: ${APPEAL_GROUNDS.join(', ')}`, fr: `le motif du recours ; motifs recevables : ${APPEAL_GROUNDS.join(', ')}` }))
    .max(100)
    .describe(`admissible grounds (QUAL-1): ${APPEAL_GROUNDS.join(', ')}; any other ground is recorded and answered as inadmissible`),
  statement: z.string().trim().min(10, bilingual({ en: 'what happened, 10 to 5000 characters', fr: "ce qui s'est passé, de 10 à 5000 caractères" })).max(5000),
});

/** Body of a decision of the quality committee (QUAL-2). */
export const committeeDecisionBody = /* @__PURE__ */ z.strictObject({
  caseIds: z.array(z.string().uuid(bilingual({ en: 'a case id: an appeal or an incident of the session', fr: 'un identifiant de dossier : un recours ou un incident de la session' }))).min(1, bilingual({ en: 'the cases ruled on, at least one', fr: 'les dossiers sur lesquels statuer, au moins un' })).max(MAX_CASES_PER_DECISION),
  outcome: z.enum(['rejected', 'annulled'], { message: bilingual({ en: 'rejected, or annulled: the session annulled', fr: 'rejected, ou annulled : la session est annulée' }) }),
  reason: z.string().trim().min(10, bilingual({ en: 'why, 10 to 5000 characters: the record of why stays (QUAL-2)', fr: 'pourquoi, de 10 à 5000 caractères : la trace de la motivation est conservée (QUAL-2)' })).max(5000),
});

/** Query of the committee's queue. */
export const committeeQueueQuery = /* @__PURE__ */ z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

/** Path of a person's record. */
export const personPath = /* @__PURE__ */ z.object({ userId: z.string().trim().min(1, bilingual({ en: "the person's user id (sub)", fr: "l'identifiant utilisateur de la personne (sub)" })).max(128) });
