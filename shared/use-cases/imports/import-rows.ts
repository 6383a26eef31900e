import * as z from 'zod';
import { DomainError, InvalidInput, RuleViolation, violationMessage, type Violation } from '../../domain/errors';
import type { Language, Sentence } from '../../domain/sentence';
import { frenchOf } from '../../schemas/bilingual';
import { actorOf, type Caller } from '../caller';
import { MAX_TRANSACTION_ITEMS } from '../limits';
import { applySessionChange, type DecidedChange, type SessionChangeDeps } from '../sessions/session-changes';
import type { SessionPlanning } from '../sessions/records';
import type { CsvRow, CsvTable } from './csv';

/** One thing wrong with a row: the column at fault (its header as the file wrote it), what to do, and the rule that refuses it, if one does. */
export interface RowError {
  field: string;
  message: string;
  ruleId?: string;
}

/** A row of the file as an import reports it. */
export interface ImportRow {
  /** Its line in the file, the header being line 1. */
  line: number;
  /** `ok`: it would be (or was) written; `error`: it cannot be; `dropped`: the caller left it out. */
  status: 'ok' | 'error' | 'dropped';
  /** The row as read: each cell the import reads, keyed by its column's header as the file wrote it, in the file's order. */
  values: Record<string, string>;
  errors: RowError[];
}

/** What an import answers, preview or commit. */
export interface ImportReport {
  rows: ImportRow[];
  summary: { ok: number; error: number; dropped: number };
  /** Whether the rows were written. */
  committed: boolean;
  /** How many rows this import has written (by this request, or by an earlier try with the same Idempotency-Key). */
  written: number;
}

/** A row as read from the file, before the session is looked at: its values, its errors so far, and the single route's body when it has none. */
export interface PreparedRow<B> {
  line: number;
  values: Record<string, string>;
  errors: RowError[];
  body?: B;
}

/** A row checked against the session: its report, the rules it breaks (for the refusal), and what it writes when committed. */
export interface CheckedRow<W> extends ImportRow {
  violations: Violation[];
  /** What the row writes; absent when it is not ok, dropped, or written already by this import. */
  write?: W;
}

/**
 * The rows one transaction writes: DynamoDB takes 100 items in a transaction, and an import's
 * transaction holds the session, each row's item and its audit event, and the import's own
 * audit event: (100 − 2) / 2 = 49.
 */
export const ROWS_PER_TRANSACTION = Math.floor((MAX_TRANSACTION_ITEMS - 2) / 2);

/** The import is refused: rows that are not dropped have errors, and none of the rows left to write is written (HTTP 422). */
export class ImportRefused extends DomainError {
  readonly kind = 'rule' as const;
}

function linesSaid(lines: readonly number[], language: Language): string {
  const word = language === 'fr' ? (lines.length === 1 ? 'la ligne' : 'les lignes') : lines.length === 1 ? 'line' : 'lines';
  const last = language === 'fr' ? 'et' : 'and';
  return `${word} ${lines.length === 1 ? lines[0] : `${lines.slice(0, -1).join(', ')} ${last} ${lines.at(-1)}`}`;
}

/**
 * Refuses to commit while a row that is not dropped has an error, naming the lines at fault and
 * each rule broken; `written` is how many rows of this import an earlier transaction wrote.
 */
export function refuseRowsInError(rows: ReadonlyArray<CheckedRow<unknown>>, written = 0): void {
  const faulty = rows.filter((r) => r.status === 'error');
  if (faulty.length === 0) return;
  const lines = faulty.map((r) => r.line);
  const [en, fr] = [linesSaid(lines, 'en'), linesSaid(lines, 'fr')];
  const one = lines.length === 1;
  const sentence: Sentence =
    written === 0
      ? {
          en: `${en} ${one ? 'has' : 'have'} errors: correct ${one ? 'it' : 'them'} in the file, or leave ${one ? 'it' : 'them'} out with dropLines, and commit again; nothing was written`,
          fr: `${fr} ${one ? 'comporte' : 'comportent'} des erreurs : ${one ? 'corrigez-la' : 'corrigez-les'} dans le fichier, ou ${one ? 'écartez-la' : 'écartez-les'} avec dropLines, puis validez de nouveau l'import ; rien n'a été enregistré`,
        }
      : {
          en: `${en} ${one ? 'has' : 'have'} errors since the import was checked; the ${written} rows written before stay, the others were not written: preview the file again`,
          fr: `${fr} ${one ? 'comporte' : 'comportent'} des erreurs depuis la vérification de l'import ; les ${written} lignes enregistrées auparavant le restent, les autres n'ont pas été enregistrées : prévisualisez de nouveau le fichier`,
        };
  const violations = faulty.flatMap((r) => r.violations.map((v) => ({ ruleId: v.ruleId, message: `${v.message} (line ${r.line})`, messageFr: `${v.messageFr ?? v.message} (ligne ${r.line})` })));
  throw new ImportRefused(sentence, violations);
}

/** The lines the caller drops, each a data row of the file; a line that is none is refused (400, field `dropLines`). */
export function droppedLines(table: Pick<CsvTable<string>, 'rows'>, dropLines: readonly number[] = []): Set<number> {
  const lines = new Set(table.rows.map((r) => r.line));
  const unknown = dropLines.filter((line) => !lines.has(line));
  if (unknown.length > 0) {
    throw new InvalidInput(
      {
        en: `dropLines: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not the line of a data row' : 'are not lines of data rows'} of the file (the preview gives each row's line)`,
        fr: `dropLines : ${unknown.join(', ')} ${unknown.length === 1 ? 'ne désigne' : 'ne désignent'} aucune ligne de données du fichier (la prévisualisation indique la ligne de chacune)`,
      },
      'dropLines',
    );
  }
  return new Set(dropLines);
}

/** The error of a cell under no header: usually an unquoted delimiter inside a value. */
export function strayCells(row: Pick<CsvRow<string>, 'stray'>, delimiter: string, language: Language): RowError[] {
  return row.stray.map(({ column, value }) => ({
    field: column,
    message:
      language === 'fr'
        ? `« ${value} » se trouve en colonne ${column}, sans en-tête : une valeur qui contient « ${delimiter} » s'écrit entre guillemets`
        : `"${value}" stands in column ${column}, which has no header: a value holding "${delimiter}" is written between quotes`,
  }));
}

const FRENCH_ERRORS = z.locales.fr().localeError;

/**
 * Validates a row's body with the single route's own schema; each issue becomes an error on the
 * column `columnOf` names for its path, said in `language`.
 */
export function schemaErrors<S extends z.ZodType>(schema: S, body: unknown, columnOf: (path: readonly PropertyKey[]) => string, language: Language): { data?: z.output<S>; errors: RowError[] } {
  const result = language === 'fr' ? schema.safeParse(body, { error: FRENCH_ERRORS }) : schema.safeParse(body);
  if (result.success) return { data: result.data, errors: [] };
  return {
    errors: result.error.issues.map((issue) => ({
      field: columnOf(issue.path),
      message: language === 'fr' ? (frenchOf(issue.message) ?? issue.message) : issue.message,
    })),
  };
}

/** The errors a refusal of the single route's check makes on a row: one per rule broken (with its ID), or the refusal's sentence. */
export function refusalErrors(error: unknown, columnOf: (error: DomainError, violation?: Violation) => string, language: Language): { errors: RowError[]; violations: Violation[] } {
  if (error instanceof RuleViolation) {
    return { errors: error.violations.map((v) => ({ field: columnOf(error, v), message: violationMessage(v, language), ruleId: v.ruleId })), violations: [...error.violations] };
  }
  if (error instanceof DomainError) return { errors: [{ field: columnOf(error), message: error.sentence[language] }], violations: [] };
  throw error;
}

/** The report of checked rows: their lines, statuses, values and errors, and the counts. */
export function reportOf(rows: ReadonlyArray<CheckedRow<unknown>>, committed: boolean): ImportReport {
  const count = (status: ImportRow['status']) => rows.filter((r) => r.status === status).length;
  return {
    rows: rows.map(({ line, status, values, errors }) => ({ line, status, values, errors })),
    summary: { ok: count('ok'), error: count('error'), dropped: count('dropped') },
    committed,
    written: committed ? count('ok') : 0,
  };
}

/** How an import checks its rows against a session's planning, and what a transaction of them writes. */
export interface ImportWriter<W> {
  /** Checks every row against the planning as it stands; a row written by an earlier transaction of this import is ok, with nothing to write. */
  check(planning: SessionPlanning, at: string): CheckedRow<W>[] | Promise<CheckedRow<W>[]>;
  /** The change that writes these rows, each with its audit event, and the import's own audit event. */
  change(planning: SessionPlanning, rows: W[], at: string): DecidedChange | Promise<DecidedChange>;
}

/**
 * Writes an import's rows: up to {@link ROWS_PER_TRANSACTION} rows a transaction, each
 * transaction reading the planning again and checking every row against it first, so that a
 * row that became wrong since the preview refuses the import. An import of at most 49 rows is
 * one transaction, all or nothing; a larger one is several, and the rows already written are
 * recognised by what the import's id made of them, so that a retry with the same
 * Idempotency-Key writes the rest. Returns the rows as the first transaction checked them, and
 * how many transactions wrote.
 */
export async function writeRows<W>(deps: SessionChangeDeps, caller: Caller, sessionId: string, writer: ImportWriter<W>): Promise<{ rows: CheckedRow<W>[]; transactions: number }> {
  let first: CheckedRow<W>[] | undefined;
  let transactions = 0;
  for (;;) {
    let left = 0;
    await applySessionChange(deps, sessionId, actorOf(caller), async (planning, at) => {
      const rows = await writer.check(planning, at);
      if (transactions === 0) first = rows;
      refuseRowsInError(rows, rows.filter((r) => r.status === 'ok' && r.write === undefined).length);
      const pending = rows.flatMap((r) => (r.write === undefined ? [] : [r.write]));
      left = pending.length;
      return left > 0 ? writer.change(planning, pending.slice(0, ROWS_PER_TRANSACTION), at) : undefined;
    });
    if (left > 0) transactions += 1;
    if (left <= ROWS_PER_TRANSACTION) return { rows: first!, transactions };
  }
}
