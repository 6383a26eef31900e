/** The most items one DynamoDB transaction may write: every change is one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * The most candidates one session takes: 95 minutes each (EXAM-1) already makes 90 a fortnight of
 * orals, and the freeze writes every candidate's jury set in one transaction, with the session
 * and its audit event.
 */
export const MAX_CANDIDATES_PER_SESSION = 90;

/** The most data rows one CSV import reads: a large centre's yearly list of candidates or jurors. */
export const MAX_IMPORT_ROWS = 500;

/** The largest CSV one import reads, in characters: about 1 MB, far above 500 rows of a dozen columns. */
export const MAX_IMPORT_CSV_CHARACTERS = 1_048_576;

/** The most cases one decision of the quality committee rules on. */
export const MAX_CASES_PER_DECISION = 40;
