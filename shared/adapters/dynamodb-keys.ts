import type { Sentence } from '../domain/sentence';

/** Key builders of the single-table design (docs/data-model.md is their reference). */
export const keys = {
  session: (sessionId: string) => ({ PK: `SESSION#${sessionId}`, SK: 'META' }),
  sessionByCentre: (centreId: string, sessionDate: string, sessionId: string) => ({
    GSI1PK: `CENTRE#${centreId}`,
    GSI1SK: `SESSION#${sessionDate}#${sessionId}`,
  }),
  sessionByCentreAndStatus: (centreId: string, status: string, sessionDate: string, sessionId: string) => ({
    GSI2PK: `CENTRE#${centreId}#STATUS#${status}`,
    GSI2SK: `SESSION#${sessionDate}#${sessionId}`,
  }),
  registration: (sessionId: string, candidateUserId: string) => ({ PK: `SESSION#${sessionId}`, SK: `REG#${candidateUserId}` }),
  registrationByCandidate: (candidateUserId: string, registeredAt: string, registrationId: string) => ({
    GSI1PK: `CANDIDATE#${candidateUserId}`,
    GSI1SK: `REG#${registeredAt}#${registrationId}`,
  }),
  trainers: (sessionId: string) => ({ PK: `SESSION#${sessionId}`, SK: 'TRAINERS' }),
  assignment: (sessionId: string, jurorId: string) => ({ PK: `SESSION#${sessionId}`, SK: `JUROR#${jurorId}` }),
  assignmentByJuror: (jurorId: string, sessionId: string) => ({
    GSI1PK: `JUROR#${jurorId}`,
    GSI1SK: `SESSION#${sessionId}`,
  }),
  distribution: (sessionId: string, ruleId: string, distributionId: string) => ({ PK: `SESSION#${sessionId}`, SK: `DIST#${ruleId}#${distributionId}` }),
  uploadIntent: (uploadId: string) => ({ PK: `UPLOAD#${uploadId}`, SK: 'META' }),
  deliverableVersion: (sessionId: string, registrationId: string, deliverableType: string, uploadId: string) => ({
    PK: `SESSION#${sessionId}`,
    SK: `DELIV#${registrationId}#${deliverableType}#${uploadId}`,
  }),
  deliverableHead: (sessionId: string, registrationId: string, deliverableType: string) => ({
    PK: `SESSION#${sessionId}`,
    SK: `DELIVHEAD#${registrationId}#${deliverableType}`,
  }),
  jurySet: (sessionId: string, registrationId: string) => ({ PK: `SESSION#${sessionId}`, SK: `JURYSET#${registrationId}` }),
  declaration: (sessionId: string, jurorId: string, registrationId: string) => ({ PK: `SESSION#${sessionId}`, SK: `DECL#${jurorId}#${registrationId}` }),
  exam: (sessionId: string, registrationId: string) => ({ PK: `SESSION#${sessionId}`, SK: `EXAM#${registrationId}` }),
  grid: (sessionId: string, registrationId: string) => ({ PK: `SESSION#${sessionId}`, SK: `GRID#${registrationId}` }),
  incident: (sessionId: string, reportedAt: string, incidentId: string) => ({ PK: `SESSION#${sessionId}`, SK: `INCIDENT#${reportedAt}#${incidentId}` }),
  pv: (sessionId: string, rncpCode: string) => ({ PK: `SESSION#${sessionId}`, SK: `PV#${rncpCode}` }),
  certificate: (sessionId: string, registrationId: string) => ({ PK: `SESSION#${sessionId}`, SK: `CERT#${registrationId}` }),
  certificateByCode: (verificationCode: string) => ({ GSI2PK: `VERIFY#${verificationCode}`, GSI2SK: 'CERT' }),
  certifiedByTitle: (rncpCode: string, sessionDate: string, sessionId: string, registrationId: string) => ({
    GSI1PK: `CERTIFIED#${rncpCode}`,
    GSI1SK: `${sessionDate}#${sessionId}#${registrationId}`,
  }),
  appeal: (sessionId: string, filedAt: string, appealId: string) => ({ PK: `SESSION#${sessionId}`, SK: `APPEAL#${filedAt}#${appealId}` }),
  decision: (sessionId: string, decidedAt: string, decisionId: string) => ({ PK: `SESSION#${sessionId}`, SK: `DECISION#${decidedAt}#${decisionId}` }),
  openCase: (at: string, sessionId: string, caseId: string) => ({ GSI1PK: 'COMMITTEE#OPEN', GSI1SK: `${at}#${sessionId}#${caseId}` }),
  centreStamp: (centreId: string) => ({ PK: `CENTRE#${centreId}`, SK: 'STAMP' }),
  titleSettings: (titleCode: string) => ({ PK: `TITLE#${titleCode}`, SK: 'SETTINGS' }),
  sitting: (userId: string, sessionDate: string, sessionId: string) => ({ PK: `PERSON#${userId}`, SK: `SITTING#${sessionDate}#${sessionId}` }),
  juryReceipt: (sessionId: string, jurorId: string, versionId: string) => ({ PK: `RECEIPTS#SESSION#${sessionId}`, SK: `JUROR#${jurorId}#VERSION#${versionId}` }),
  juror: (jurorId: string) => ({ PK: `JUROR#${jurorId}`, SK: 'META' }),
  jurorByUser: (userId: string) => ({ GSI2PK: `USER#${userId}`, GSI2SK: 'JUROR' }),
  notificationDelivery: (sourceEventId: string, recipientRole: string, recipientId: string) => ({
    PK: `NOTIFICATION#${sourceEventId}`,
    SK: `TO#${recipientRole}#${recipientId}`,
  }),
  audit: (subjectType: string, subjectId: string, at: string, eventId: string) => ({
    PK: `AUDIT#${subjectType.toUpperCase()}#${subjectId}`,
    SK: `${at}#${eventId}`,
  }),
};

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'entity'] as const;

/** Removes the key attributes from a stored item, leaving the record. */
export function recordOf<T>(item: Record<string, unknown>): T {
  const record: Record<string, unknown> = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete record[attribute];
  return record as T;
}

/** Encodes a DynamoDB LastEvaluatedKey as an opaque cursor. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
}

/** Why a cursor {@link decodeCursor} cannot read is refused (field `cursor`). */
export const NOT_A_CURSOR: Sentence = { en: 'cursor: not a cursor this API returned', fr: 'cursor : ce curseur n\'a pas été renvoyé par cette API' };

/** Decodes a cursor made by {@link encodeCursor}; undefined for a malformed one. */
export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
