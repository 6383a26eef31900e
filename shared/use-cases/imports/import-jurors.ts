import { fullName, violation, type Violation } from '../../domain';
import type { Language } from '../../domain/sentence';
import { email as emailSchema } from '../../schemas/common';
import type { ImportInput } from '../../schemas/import-schemas';
import { assignJurorBody } from '../../schemas/juror-schemas';
import type { Caller } from '../caller';
import { eligibilityOf } from '../deliverables/jury-access';
import type { Deps } from '../deps';
import { assertCanAssignJurors, JurorRefused, jurorAssignmentViolations } from '../jurors/assign-juror';
import { assignedJurors, loadPlanning } from '../sessions/planning-reads';
import type { AssignmentRecord, JurorRecord, SessionPlanning } from '../sessions/records';
import { readCsvTable, valuesOf, type CsvRow, type ImportColumn } from './csv';
import { droppedLines, refusalErrors, reportOf, schemaErrors, strayCells, writeRows, type CheckedRow, type ImportReport, type PreparedRow, type RowError } from './import-rows';

type JurorColumn = 'email' | 'jurorId';

/** The columns of a jurors file: the juror's e-mail, as the certifier's registry holds it, or their registry id; one of the two is required. */
export const JUROR_COLUMNS: ReadonlyArray<ImportColumn<JurorColumn>> = [
  { key: 'email', headers: ['email', 'e-mail', 'courriel', 'adresse e-mail'], label: { en: "the juror's e-mail", fr: "l'adresse e-mail du juré" } },
  { key: 'jurorId', headers: ['identifiant juré', 'jurorId'], label: { en: "the juror's registry id", fr: "l'identifiant du juré au registre" } },
];

type Headers = Partial<Record<JurorColumn, string>>;

/** Who a jurors file names on a row: by e-mail (lower-cased), by registry id, or both. */
interface JurorReference {
  email?: string;
  jurorId?: string;
}

function say(language: Language, en: string, fr: string): string {
  return language === 'fr' ? fr : en;
}

/** A row of a jurors file read into who it names: the e-mail checked as an e-mail, the id with the schema of `POST /sessions/{sessionId}/jurors`. */
export function prepareJurorRow(row: CsvRow<JurorColumn>, headers: Headers, delimiter: string, language: Language): PreparedRow<JurorReference> {
  const header = (key: JurorColumn) => headers[key] ?? key;
  const email = row.cells.email ?? '';
  const jurorId = row.cells.jurorId ?? '';
  const errors: RowError[] = strayCells(row, delimiter, language);
  if (email === '' && jurorId === '') {
    const key = headers.email !== undefined || headers.jurorId === undefined ? 'email' : 'jurorId';
    errors.push({
      field: header(key),
      message: say(language, "required: the juror's e-mail, as the certifier's registry holds it (or their registry id)", "requis : l'adresse e-mail du juré, telle que le registre du certificateur la détient (ou son identifiant au registre)"),
    });
  }
  if (email !== '') errors.push(...schemaErrors(emailSchema, email, () => header('email'), language).errors);
  if (jurorId !== '') errors.push(...schemaErrors(assignJurorBody, { jurorId }, () => header('jurorId'), language).errors);
  const reference: JurorReference = { ...(email !== '' ? { email: email.toLowerCase() } : {}), ...(jurorId !== '' ? { jurorId } : {}) };
  return { line: row.line, values: valuesOf(row, headers), errors, ...(errors.length === 0 ? { body: reference } : {}) };
}

/** A row's assignment, to write. */
interface RowAssignment {
  line: number;
  record: AssignmentRecord;
  juror: JurorRecord;
}

/** What checking a file's jurors against a session needs besides its planning. */
interface JurorCheck {
  rows: Array<PreparedRow<JurorReference>>;
  dropped: ReadonlySet<number>;
  /** The registry's jurors the file names, by id and by lower-cased e-mail. */
  byId: ReadonlyMap<string, JurorRecord>;
  byEmail: ReadonlyMap<string, JurorRecord>;
  headers: Headers;
  importId: string;
  by: string;
  language: Language;
}

/** JURY-2: only the certifier records jurors and their habilitations; a professional the registry does not hold cannot be assigned. */
function notInRegistry(reference: JurorReference): Violation {
  const missing = reference.jurorId
    ? { en: `no juror ${reference.jurorId} in the certifier's registry`, fr: `aucun juré ${reference.jurorId} au registre du certificateur` }
    : { en: `no juror of the certifier's registry has the e-mail ${reference.email}`, fr: `aucun juré du registre du certificateur n'a l'adresse e-mail ${reference.email}` };
  return violation('JURY-2', {
    en: `${missing.en}; only the certifier records jurors and their habilitations: ask them to add this professional, or correct the line`,
    fr: `${missing.fr} ; seul le certificateur enregistre les jurés et leurs habilitations : demandez-lui d'y inscrire ce professionnel, ou corrigez la ligne`,
  });
}

/**
 * Checks each prepared row, in the file's order: the juror is in the certifier's registry (JURY-2),
 * not named twice, not already on the session, and may sit on it, with the single route's own
 * check (`jurorAssignmentViolations`: JURY-2, JURY-3). A juror this import assigned already is
 * ok, with nothing to write.
 */
function checkJurors(planning: SessionPlanning, check: JurorCheck, at: string): Array<CheckedRow<RowAssignment>> {
  const { language } = check;
  const header = (key: JurorColumn) => check.headers[key] ?? key;
  const lineOf = new Map<string, number>();
  return check.rows.map((row) => {
    const dropped = check.dropped.has(row.line);
    const outcome = (errors: RowError[], violations: Violation[] = [], write?: RowAssignment): CheckedRow<RowAssignment> => ({
      line: row.line,
      status: dropped ? 'dropped' : errors.length > 0 ? 'error' : 'ok',
      values: row.values,
      errors,
      violations,
      ...(write && !dropped && errors.length === 0 ? { write } : {}),
    });
    const reference = row.body;
    if (!reference) return outcome(row.errors);
    const column = reference.jurorId !== undefined ? 'jurorId' : 'email';
    const refusal = (found: Violation[]) => outcome(found.map((v) => ({ field: header(column), message: language === 'fr' ? (v.messageFr ?? v.message) : v.message, ruleId: v.ruleId })), found);
    const juror = reference.jurorId !== undefined ? check.byId.get(reference.jurorId) : check.byEmail.get(reference.email!);
    if (!juror) return refusal([notInRegistry(reference)]); // JURY-2
    if (reference.email !== undefined && reference.jurorId !== undefined && juror.email.toLowerCase() !== reference.email) {
      return outcome([{ field: header('email'), message: say(language, `${reference.email} is not the e-mail the registry holds for juror ${juror.id}: correct one of the two cells`, `${reference.email} n'est pas l'adresse e-mail que le registre détient pour le juré ${juror.id} : corrigez l'une des deux cellules`) }]);
    }
    const assigned = planning.assignments.find((a) => a.jurorId === juror.id);
    if (assigned?.importId === check.importId) {
      lineOf.set(juror.id, row.line);
      return outcome([]);
    }
    const name = fullName(juror);
    if (assigned) return outcome([{ field: header(column), message: say(language, `${name} already sits on this session: leave the line out`, `${name} siège déjà à cette session : écartez la ligne`) }]);
    const twin = lineOf.get(juror.id);
    if (twin !== undefined) return outcome([{ field: header(column), message: say(language, `the same juror (${name}) as line ${twin}: keep one of the two lines`, `le même juré (${name}) qu'à la ligne ${twin} : ne gardez qu'une des deux lignes`) }]);
    const parsed = schemaErrors(assignJurorBody, { jurorId: juror.id }, () => header(column), language);
    if (parsed.errors.length > 0) return outcome(parsed.errors);
    const found = jurorAssignmentViolations(planning, juror); // JURY-2, JURY-3
    if (found.length > 0) {
      const refused = refusalErrors(new JurorRefused(found), () => header(column), language);
      return outcome(refused.errors, refused.violations);
    }
    if (!dropped) lineOf.set(juror.id, row.line);
    const record: AssignmentRecord = {
      sessionId: planning.session.id,
      jurorId: juror.id,
      centreId: planning.session.centreId,
      ...(juror.userId ? { userId: juror.userId } : {}),
      assignedAt: at,
      assignedBy: check.by,
      importId: check.importId,
    };
    return outcome([], [], { line: row.line, record, juror });
  });
}

/**
 * Assigns a session's jurors from a CSV file (`POST /sessions/{sessionId}/jurors/import`), for the
 * managers of its centre, in planning or in jury review as `POST /sessions/{sessionId}/jurors`
 * allows. Each row names a juror of the certifier's registry by e-mail (or registry id): only the
 * certifier records jurors and their habilitations (JURY-2), so an e-mail the registry does not
 * hold is an error on that column. Each juror is checked with the single route's own check
 * (`jurorAssignmentViolations`: JURY-2 on the session date, JURY-3), and each row reported with
 * its line, its values and its errors, said in `language`.
 *
 * A preview (`commit: false`) writes nothing. A commit is refused (422, `ImportRefused`, naming
 * the lines) while a row not in `dropLines` has an error, and then writes nothing. Otherwise
 * every ok row is assigned with its `juror.assigned` audit event, and each transaction adds a
 * `jurors.imported` event with the counts. All or nothing: up to 49 rows (`ROWS_PER_TRANSACTION`)
 * are one DynamoDB transaction, with the session's version checked and every row checked again on
 * the planning read for it. A larger import is written 49 rows a transaction, idempotently per
 * row: each assignment carries the import's id (derived from the Idempotency-Key), so a retry
 * with the same key recognises the rows written and writes the rest.
 */
export async function importJurors(
  deps: Pick<Deps, 'sessions' | 'jurors' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  input: ImportInput,
  options: { importId: string; language: Language },
): Promise<ImportReport> {
  const table = readCsvTable(input.csv, JUROR_COLUMNS, { atLeastOneOf: [['email', 'jurorId']] });
  const dropped = droppedLines(table, input.dropLines);
  const rows = table.rows.map((row) => prepareJurorRow(row, table.headers, table.delimiter, options.language));
  const planning = await loadPlanning(deps.sessions, sessionId);
  assertCanAssignJurors(caller, planning.session);
  const references = rows.flatMap((row) => (row.body ? [row.body] : []));
  const ids = [...new Set(references.flatMap((r) => (r.jurorId ? [r.jurorId] : [])))];
  const emails = [...new Set(references.flatMap((r) => (r.email && !r.jurorId ? [r.email] : [])))];
  const [named, found] = await Promise.all([ids.length > 0 ? deps.jurors.getMany(ids) : [], emails.length > 0 ? deps.jurors.findByEmails(emails) : []]);
  const check: JurorCheck = {
    rows,
    dropped,
    byId: new Map(named.map((j) => [j.id, j])),
    byEmail: new Map(found.map((j) => [j.email.toLowerCase(), j])),
    headers: table.headers,
    importId: options.importId,
    by: caller.id,
    language: options.language,
  };

  if (!input.commit) return reportOf(checkJurors(planning, check, deps.now().toISOString()), false);
  const { rows: checked } = await writeRows(deps, caller, sessionId, {
    check: (current, at) => {
      assertCanAssignJurors(caller, current.session);
      return checkJurors(current, check, at);
    },
    change: async (current, assignments) => {
      const session =
        current.session.status === 'jury-review'
          ? {
              blockers: eligibilityOf({ ...current, assignments: [...current.assignments, ...assignments.map((a) => a.record)] }, [
                ...(await assignedJurors(deps.jurors, current)),
                ...assignments.map((a) => a.juror),
              ]).violations,
            }
          : {};
      return {
        session,
        items: assignments.map(({ record }) => ({ kind: 'assignment' as const, record })),
        action: 'jurors.imported',
        details: { importId: options.importId, assigned: assignments.length, lines: assignments.map((a) => a.line), rows: rows.length, dropped: dropped.size },
        events: assignments.map(({ line, record }) => ({ action: 'juror.assigned', details: { jurorId: record.jurorId, importId: options.importId, line } })),
      };
    },
  });
  return reportOf(checked, true);
}
