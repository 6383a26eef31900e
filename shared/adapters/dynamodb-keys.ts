/** Key builders of the single-table design (see docs/data-model.md). */
export const keys = {
  session: (sessionId: string) => ({ PK: `SESSION#${sessionId}`, SK: 'META' }),
  sessionByCentre: (centreId: string, sessionDate: string, sessionId: string) => ({
    GSI1PK: `CENTRE#${centreId}`,
    GSI1SK: `SESSION#${sessionDate}#${sessionId}`,
  }),
  audit: (sessionId: string, at: string, eventId: string) => ({
    PK: `SESSION#${sessionId}`,
    SK: `AUDIT#${at}#${eventId}`,
  }),
};

/** Removes the key attributes from a stored item. */
export function withoutKeys<T extends Record<string, unknown>>(item: T): Omit<T, 'PK' | 'SK' | 'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK' | 'entity'> {
  const { PK, SK, GSI1PK, GSI1SK, GSI2PK, GSI2SK, entity, ...rest } = item;
  return rest;
}
