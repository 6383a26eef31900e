import { Conflict, InvalidInput, type DomainError, type Violation } from '../../domain/errors';
import type { Language } from '../../domain/sentence';
import { registerCandidateBody, type RegisterCandidateInput } from '../../schemas/candidate-schemas';
import type { ImportInput } from '../../schemas/import-schemas';
import type { Caller } from '../caller';
import { checkCandidateRegistration, RegistrationRefused, standingSittings } from '../candidates/register-candidate';
import type { Deps } from '../deps';
import type { SittingRecord } from '../exam-day/records';
import { uuidFrom } from '../ids';
import { loadPlanning } from '../sessions/planning-reads';
import type { RegistrationRecord, SessionPlanning } from '../sessions/records';
import { assertManagesSession, assertPlanningOpen } from '../sessions/session-access';
import { blocksOf, isoDateOf, readCsvTable, valuesOf, yesNoOf, type CsvRow, type ImportColumn } from './csv';
import { droppedLines, refusalErrors, reportOf, schemaErrors, strayCells, writeRows, type CheckedRow, type ImportReport, type PreparedRow, type RowError } from './import-rows';

type CandidateColumn = 'firstName' | 'lastName' | 'email' | 'userId' | 'attempt' | 'previouslyValidatedBlocks' | 'previousSessionDate' | 'newTraining';

/** The columns of a candidates file, French or English; the four identity columns are required. */
export const CANDIDATE_COLUMNS: ReadonlyArray<ImportColumn<CandidateColumn>> = [
  { key: 'firstName', headers: ['prénom', 'prenom', 'firstName'], required: true, label: { en: 'the first name', fr: 'le prénom' } },
  { key: 'lastName', headers: ['nom', 'nom de famille', 'lastName'], required: true, label: { en: 'the last name', fr: 'le nom' } },
  { key: 'email', headers: ['email', 'e-mail', 'courriel', 'adresse e-mail'], required: true, label: { en: "the candidate's e-mail", fr: "l'adresse e-mail du candidat" } },
  { key: 'userId', headers: ['identifiant', 'userId'], required: true, label: { en: "the candidate's user id", fr: "l'identifiant du candidat" } },
  { key: 'attempt', headers: ['tentative', 'attempt'], label: { en: 'the attempt (first or retake)', fr: 'la tentative (première ou reprise)' } },
  { key: 'previouslyValidatedBlocks', headers: ['blocs validés', 'blocs_valides', 'previouslyValidatedBlocks'], label: { en: 'the blocks validated before', fr: 'les blocs déjà validés' } },
  { key: 'previousSessionDate', headers: ['date session précédente', 'previousSessionDate'], label: { en: 'the date of the session last sat', fr: 'la date de la session précédente' } },
  { key: 'newTraining', headers: ['nouvelle formation', 'newTraining'], label: { en: 'whether a new training was followed', fr: "le suivi d'une nouvelle formation" } },
];

const RETAKE_COLUMNS = ['previouslyValidatedBlocks', 'previousSessionDate', 'newTraining'] as const;

/** How many people's results the import reads at once from the ledger. */
const LEDGER_READS_AT_ONCE = 16;

/** `première` (first) or `reprise` (retake), in French or English, without regard to case or accents. */
function attemptOf(text: string): RegisterCandidateInput['attempt'] | undefined {
  const word = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (word === 'premiere' || word === 'first') return 'first';
  if (word === 'reprise' || word === 'retake') return 'retake';
  return undefined;
}

/** A candidates file's columns by the header the file gave them (the column's key when the file has none). */
type Headers = Partial<Record<CandidateColumn, string>>;

function say(language: Language, en: string, fr: string): string {
  return language === 'fr' ? fr : en;
}

/** The column a path of the registration body comes from. */
function columnOfPath(path: readonly PropertyKey[]): CandidateColumn {
  const [first, second] = path.map(String);
  return (first === 'candidate' ? second : first) as CandidateColumn;
}

/**
 * A row of a candidates file turned into exactly the body `POST /sessions/{sessionId}/candidates`
 * takes, validated with its schema: `tentative` empty means a first attempt, blocks separated by
 * spaces, `|` or `+`, dates `YYYY-MM-DD` or `DD/MM/YYYY`, `oui`/`non`. Each error names the column
 * as the file headed it.
 */
export function prepareCandidateRow(row: CsvRow<CandidateColumn>, headers: Headers, delimiter: string, language: Language): PreparedRow<RegisterCandidateInput> {
  const header = (key: CandidateColumn) => headers[key] ?? key;
  const cell = (key: CandidateColumn) => row.cells[key] ?? '';
  const errors: RowError[] = strayCells(row, delimiter, language);
  const fault = (key: CandidateColumn, en: string, fr: string) => errors.push({ field: header(key), message: say(language, en, fr) });
  const candidate = { userId: cell('userId'), firstName: cell('firstName'), lastName: cell('lastName'), email: cell('email') };

  const attempt = cell('attempt') === '' ? 'first' : attemptOf(cell('attempt'));
  if (!attempt) fault('attempt', `"${cell('attempt')}" is not an attempt: write "première" (first) or "reprise" (retake)`, `« ${cell('attempt')} » n'est pas une tentative : écrivez « première » ou « reprise »`);

  const retake: { previouslyValidatedBlocks?: string[]; previousSessionDate?: string; newTraining?: boolean } = {};
  if (cell('previouslyValidatedBlocks') !== '') retake.previouslyValidatedBlocks = blocksOf(cell('previouslyValidatedBlocks'));
  if (cell('previousSessionDate') !== '') {
    const date = isoDateOf(cell('previousSessionDate'));
    if (date) retake.previousSessionDate = date;
    else fault('previousSessionDate', `"${cell('previousSessionDate')}" is not a date: write it YYYY-MM-DD or DD/MM/YYYY`, `« ${cell('previousSessionDate')} » n'est pas une date : écrivez-la JJ/MM/AAAA ou AAAA-MM-JJ`);
  }
  if (cell('newTraining') !== '') {
    const answer = yesNoOf(cell('newTraining'));
    if (answer !== undefined) retake.newTraining = answer;
    else fault('newTraining', `"${cell('newTraining')}" is not yes or no: write "oui" or "non"`, `« ${cell('newTraining')} » n'est ni oui ni non : écrivez « oui » ou « non »`);
  }
  if (attempt === 'first') {
    for (const key of RETAKE_COLUMNS.filter((k) => cell(k) !== '')) {
      fault(key, 'only for a retake: leave it empty, or write "reprise" as the attempt', 'réservé à une reprise : laissez la cellule vide, ou indiquez « reprise » comme tentative');
    }
  }

  const body = attempt === 'retake' ? { attempt, candidate, ...retake } : { attempt: 'first' as const, candidate };
  const faulty = new Set(errors.map((e) => e.field));
  const parsed = schemaErrors(registerCandidateBody, body, (path) => header(columnOfPath(path)), language);
  errors.push(...parsed.errors.filter((e) => !faulty.has(e.field)));
  return { line: row.line, values: valuesOf(row, headers), errors, ...(errors.length === 0 && parsed.data ? { body: parsed.data } : {}) };
}

/** The column a refusal of the registration check is about: the field it names, else the one its rule reads. */
function columnOfRefusal(error: DomainError, violation?: Violation): CandidateColumn {
  if (error instanceof RegistrationRefused && error.field) return error.field;
  if (error instanceof InvalidInput && error.field) return error.field.split('.').at(-1) as CandidateColumn;
  if (violation?.ruleId === 'RETAKE-4') return 'previousSessionDate';
  if (violation?.ruleId === 'RETAKE-2' || violation?.ruleId === 'RETAKE-3') return 'previouslyValidatedBlocks';
  return 'userId';
}

/** A row's registration, to write. */
interface RowRegistration {
  line: number;
  record: RegistrationRecord;
}

/** What checking a file's candidates against a session needs besides its planning. */
interface CandidateCheck {
  rows: Array<PreparedRow<RegisterCandidateInput>>;
  dropped: ReadonlySet<number>;
  ledgers: ReadonlyMap<string, SittingRecord[]>;
  headers: Headers;
  importId: string;
  by: string;
  language: Language;
}

/**
 * Checks each prepared row, in the file's order, with the single route's own check against the
 * session as it stands plus the rows above it that are kept: a row repeating a candidate of an
 * earlier row, or of the session, is an error. A row this import wrote already (its
 * registration id is derived from the import's id and its line) is ok, with nothing to write.
 */
function checkCandidates(planning: SessionPlanning, check: CandidateCheck, at: string): Array<CheckedRow<RowRegistration>> {
  const { language } = check;
  const header = (key: CandidateColumn) => check.headers[key] ?? key;
  const kept = { session: planning.session, registrations: [...planning.registrations] };
  const lineOf = new Map<string, number>();
  return check.rows.map((row) => {
    const dropped = check.dropped.has(row.line);
    const outcome = (errors: RowError[], violations: Violation[] = [], write?: RegistrationRecord): CheckedRow<RowRegistration> => ({
      line: row.line,
      status: dropped ? 'dropped' : errors.length > 0 ? 'error' : 'ok',
      values: row.values,
      errors,
      violations,
      ...(write && !dropped && errors.length === 0 ? { write: { line: row.line, record: write } } : {}),
    });
    if (!row.body) return outcome(row.errors);
    const { userId } = row.body.candidate;
    const id = uuidFrom(`${check.importId}|${row.line}`);
    const written = planning.registrations.find((r) => r.id === id);
    if (written) {
      if (written.candidate.userId !== userId) {
        throw new Conflict({
          en: 'this Idempotency-Key already imported another file into this session; use a new key for a new file',
          fr: 'cette clé Idempotency-Key a déjà servi à importer un autre fichier dans cette session ; utilisez une nouvelle clé pour un nouveau fichier',
        });
      }
      lineOf.set(userId, row.line);
      return outcome([]);
    }
    const twin = lineOf.get(userId);
    if (twin !== undefined) {
      return outcome([{ field: header('userId'), message: say(language, `the same candidate (${userId}) as line ${twin}: keep one of the two lines`, `le même candidat (${userId}) qu'à la ligne ${twin} : ne gardez qu'une des deux lignes`) }]);
    }
    try {
      const registration = checkCandidateRegistration(kept, check.ledgers.get(userId) ?? [], row.body, { id, at, by: check.by }); // RETAKE-2, RETAKE-3, RETAKE-4
      if (!dropped) {
        kept.registrations.push(registration);
        lineOf.set(userId, row.line);
      }
      return outcome([], [], registration);
    } catch (error) {
      const refused = refusalErrors(error, (e, v) => header(columnOfRefusal(e, v)), language);
      return outcome(refused.errors, refused.violations);
    }
  });
}

/** Runs `read` on each item, at most `limit` at once, keeping their order. */
async function eachLimited<T, R>(items: readonly T[], limit: number, read: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await read(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Registers a session's candidates from a CSV file (`POST /sessions/{sessionId}/candidates/import`),
 * for the managers of its centre while its planning is open. Each data row is read into the body
 * `POST /sessions/{sessionId}/candidates` takes, validated by its schema, and checked by its own
 * check (`checkCandidateRegistration`: the session's room, a candidate registered once, the
 * results ledger, RETAKE-2, RETAKE-3, RETAKE-4), against the session and the rows above it; each
 * row is reported with its line, its values and its errors, said in `language`.
 *
 * A preview (`commit: false`) writes nothing. A commit is refused (422, `ImportRefused`, naming
 * the lines) while a row not in `dropLines` has an error, and then writes nothing. Otherwise
 * every ok row is registered with its `candidate.registered` audit event, and each transaction
 * adds a `candidates.imported` event with the counts. All or nothing: up to 49 rows
 * (`ROWS_PER_TRANSACTION`) are one DynamoDB transaction, with the session's version checked
 * and every row checked again on the planning read for it. Larger imports (a session takes 90
 * candidates) are written 49 rows a transaction, idempotently per row: each registration's id is
 * derived from the import's id (itself derived from the Idempotency-Key) and the row's line, so
 * a retry with the same key recognises the rows written and writes the rest.
 */
export async function importCandidates(
  deps: Pick<Deps, 'sessions' | 'now' | 'newId'>,
  caller: Caller,
  sessionId: string,
  input: ImportInput,
  options: { importId: string; language: Language },
): Promise<ImportReport> {
  const table = readCsvTable(input.csv, CANDIDATE_COLUMNS);
  const dropped = droppedLines(table, input.dropLines);
  const rows = table.rows.map((row) => prepareCandidateRow(row, table.headers, table.delimiter, options.language));
  const planning = await loadPlanning(deps.sessions, sessionId);
  assertManagesSession(caller, planning.session);
  assertPlanningOpen(planning.session);
  const people = [...new Set(rows.flatMap((row) => (row.body ? [row.body.candidate.userId] : [])))];
  const ledgers = new Map(await eachLimited(people, LEDGER_READS_AT_ONCE, async (userId) => [userId, await standingSittings(deps, userId)] as const));
  const check: CandidateCheck = { rows, dropped, ledgers, headers: table.headers, importId: options.importId, by: caller.id, language: options.language };

  if (!input.commit) return reportOf(checkCandidates(planning, check, deps.now().toISOString()), false);
  const { rows: checked } = await writeRows(deps, caller, sessionId, {
    check: (current, at) => {
      assertManagesSession(caller, current.session);
      assertPlanningOpen(current.session);
      return checkCandidates(current, check, at);
    },
    change: (_current, registrations) => ({
      items: registrations.map(({ record }) => ({ kind: 'registration' as const, record, create: true })),
      action: 'candidates.imported',
      details: { importId: options.importId, registered: registrations.length, lines: registrations.map((r) => r.line), rows: rows.length, dropped: dropped.size },
      events: registrations.map(({ line, record }) => ({
        action: 'candidate.registered',
        details: { registrationId: record.id, candidateUserId: record.candidate.userId, attempt: record.attempt, importId: options.importId, line },
      })),
    }),
  });
  return reportOf(checked, true);
}
