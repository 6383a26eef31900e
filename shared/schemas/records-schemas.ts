import * as z from 'zod';
import { APPEAL_GROUNDS } from '../domain/appeals';
import { MAX_CASES_PER_DECISION } from '../use-cases/records/committee';

/** Body of a PV signature (PV-4): the SHA-256 of the draft read (`GET …/pv.pdf`, header `x-content-sha256`). */
export const pvSignatureBody = /* @__PURE__ */ z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the PV draft you read, 64 lower-case hexadecimal characters (header x-content-sha256 of GET …/pv.pdf)'),
});

/** Path of a centre's resources. */
export const centrePath = /* @__PURE__ */ z.object({ centreId: z.string().trim().min(1, 'a centre id').max(100) });

/** Body of a centre's stamp (PV-4): a PNG or JPEG image, base64-encoded, at most 1 MB. */
export const stampBody = /* @__PURE__ */ z.strictObject({
  contentType: z.enum(['image/png', 'image/jpeg'], { message: 'image/png or image/jpeg' }),
  imageBase64: z
    .string()
    .min(8, 'the image, base64-encoded')
    .max(1_400_000, 'the image, base64-encoded: at most 1 MB of image')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'the image, base64-encoded (A–Z, a–z, 0–9, +, /, = padding)'),
});

/** Path of a title's resources. */
export const titlePath = /* @__PURE__ */ z.object({ rncpCode: z.string().regex(/^RNCP\d+$/, 'RNCP followed by its digits, e.g. RNCP34757') });

/** Body of a title's settings: the appeal window (QUAL-1) and the CPF contract (the holders' export). */
export const titleSettingsBody = /* @__PURE__ */ z.strictObject({
  appealWindowMonths: z.number().int().min(1, 'months after the results are released, 1 to 24 (the product default is 2)').max(24, 'months after the results are released, 1 to 24'),
  cpf: z
    .strictObject({
      idClient: z.string().regex(/^[A-Za-z0-9]{8}$/, "the certifier's idClient given by the Caisse des Dépôts, 8 letters or digits"),
      idContrat: z.string().trim().min(1, "the certifier's idContrat given by the Caisse des Dépôts, 1 to 20 characters").max(20),
    })
    .optional()
    .describe("the certifier's identifiers in the CPF information system, required for the holders' export"),
});

/** Path of the public verification of a diploma or booklet. */
export const verificationPath = /* @__PURE__ */ z.object({ code: z.string().max(40, 'a verification code, e.g. 7K3Q-M9XD-2R4T') });

/** Body of an appeal (QUAL-1). */
export const appealBody = /* @__PURE__ */ z.strictObject({
  ground: z
    .string()
    .trim()
    .min(1, `the ground of the appeal; admissible grounds: ${APPEAL_GROUNDS.join(', ')}`)
    .max(100)
    .describe(`admissible grounds (QUAL-1): ${APPEAL_GROUNDS.join(', ')}; any other ground is recorded and answered as inadmissible`),
  statement: z.string().trim().min(10, 'what happened, 10 to 5000 characters').max(5000),
});

/** Body of a decision of the quality committee (QUAL-2). */
export const committeeDecisionBody = /* @__PURE__ */ z.strictObject({
  caseIds: z.array(z.string().uuid('a case id: an appeal or an incident of the session')).min(1, 'the cases ruled on, at least one').max(MAX_CASES_PER_DECISION),
  outcome: z.enum(['rejected', 'annulled'], { message: 'rejected, or annulled: the session annulled' }),
  reason: z.string().trim().min(10, 'why, 10 to 5000 characters: the record of why stays (QUAL-2)').max(5000),
});

/** Query of the committee's queue. */
export const committeeQueueQuery = /* @__PURE__ */ z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

/** Path of a person's record. */
export const personPath = /* @__PURE__ */ z.object({ userId: z.string().trim().min(1, "the person's user id (sub)").max(128) });
