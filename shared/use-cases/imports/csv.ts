import Papa from 'papaparse';
import { InvalidInput } from '../../domain/errors';
import type { Sentence } from '../../domain/sentence';
import { MAX_IMPORT_ROWS } from '../limits';

/** A column an import reads: the key it fills in the single route's body, and the headers a spreadsheet may give it. */
export interface ImportColumn<K extends string = string> {
  key: K;
  /** The headers accepted, French first; matched without regard to case, accents, spaces or punctuation. */
  headers: readonly string[];
  /** Whether a file without this column is refused (400). */
  required?: boolean;
  /** What the column gives, said in a sentence in each language: `the first name`, `le prénom`. */
  label: Sentence;
}

/** What a file must hold besides its required columns: at least one column of each group (`[email, jurorId]`). */
export interface CsvOptions<K extends string> {
  atLeastOneOf?: ReadonlyArray<readonly K[]>;
}

/** One data row of a file. */
export interface CsvRow<K extends string> {
  /** The line the row starts on, the header being line 1 (a quoted cell may span several lines). */
  line: number;
  /** The cell of each column the file has, trimmed. */
  cells: Partial<Record<K, string>>;
  /** Cells with a value under no header, by spreadsheet column letter (G, H…): usually an unquoted delimiter. */
  stray: Array<{ column: string; value: string }>;
}

/** A CSV file as an import reads it. */
export interface CsvTable<K extends string> {
  delimiter: ';' | ',';
  /** The header of each column, as the file wrote it. */
  headers: Partial<Record<K, string>>;
  /** Its data rows, blank lines left out. */
  rows: Array<CsvRow<K>>;
}

/** A header reduced to what matching looks at: `Blocs validés`, `blocs_valides` and `BLOCS-VALIDES` are one. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The spreadsheet letter of a 0-based column: A, …, Z, AA, AB… */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** `;` when the header line has at least as many semicolons as commas outside quotes (spreadsheets in France export `;`), else `,`. */
export function delimiterOf(headerLine: string): ';' | ',' {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  return count(';') > 0 && count(';') >= count(',') ? ';' : ',';
}

function refused(sentence: Sentence): InvalidInput {
  return new InvalidInput(sentence, 'csv');
}

/** `"a", "b" or "c"` in English, `« a », « b » ou « c »` in French. */
function listed(headers: readonly string[], language: 'en' | 'fr', last = language === 'fr' ? 'ou' : 'or'): string {
  const quoted = headers.map((h) => (language === 'fr' ? `« ${h} »` : `"${h}"`));
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${last} ${quoted.at(-1)}`;
}

function missingColumn<K extends string>(wanted: ReadonlyArray<ImportColumn<K>>, found: readonly string[]): InvalidInput {
  const accepted = wanted.flatMap((c) => c.headers);
  const seen = found.filter((h) => h !== '');
  const what = { en: wanted.map((c) => c.label.en).join(' or '), fr: wanted.length === 1 ? wanted[0]!.label.fr : `ni ${wanted.map((c) => c.label.fr).join(' ni ')}` };
  return refused({
    en: `no column gives ${what.en}: name one ${listed(accepted, 'en')} on the file's first line (it names ${seen.length > 0 ? listed(seen, 'en', 'and') : 'nothing'})`,
    fr: `aucune colonne ne donne ${what.fr} : nommez-en une ${listed(accepted, 'fr')} sur la première ligne du fichier (elle nomme ${seen.length > 0 ? listed(seen, 'fr', 'et') : 'rien'})`,
  });
}

/** The number of line breaks in a cell: a quoted cell may hold some, and the next row starts that many lines further. */
function breaksIn(cells: readonly string[]): number {
  return cells.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

/**
 * Reads a CSV file exported by a spreadsheet: UTF-8 with or without a byte-order mark, `;` or
 * `,` as the header line says, quoted cells (a quote inside written `""`), CRLF or LF line
 * ends, blank lines (and lines of empty cells) skipped. The first line that is not blank names
 * the columns; each of `columns` is found by any of its headers, without regard to case,
 * accents or punctuation; other columns are ignored. Each row keeps the number of the line it
 * starts on. Refuses (400, field `csv`) a file that is not UTF-8, lacks a required column, names
 * one column twice, has a quote left open, has no data row or more than 500.
 */
export function readCsvTable<K extends string>(csv: string, columns: ReadonlyArray<ImportColumn<K>>, options: CsvOptions<K> = {}): CsvTable<K> {
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  if (text.includes('\uFFFD')) {
    throw refused({
      en: 'the file is not UTF-8: some characters (é, è, ç…) cannot be read; export it again as "CSV UTF-8"',
      fr: "le fichier n'est pas encodé en UTF-8 : certains caractères (é, è, ç…) sont illisibles ; exportez-le de nouveau au format « CSV UTF-8 »",
    });
  }
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim().replace(/[;,]/g, '') !== '') ?? '';
  const delimiter = delimiterOf(firstLine);
  const parsed = Papa.parse<string[]>(text, { delimiter, quoteChar: '"', skipEmptyLines: false });

  const lines: number[] = [];
  let line = 1;
  for (const row of parsed.data) {
    lines.push(line);
    line += 1 + breaksIn(row);
  }
  const quoteError = parsed.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
  if (quoteError) {
    const at = lines[quoteError.row ?? 0] ?? 1;
    throw refused({
      en: `line ${at}: a quoted cell is not closed, or a quote stands inside it alone; write a quote inside a quoted cell as two quotes ("")`,
      fr: `ligne ${at} : une cellule entre guillemets n'est pas refermée, ou contient un guillemet isolé ; à l'intérieur d'une cellule entre guillemets, doublez le guillemet ("")`,
    });
  }

  const blank = (row: readonly string[]) => row.every((cell) => cell.trim() === '');
  const headerIndex = parsed.data.findIndex((row) => !blank(row));
  if (headerIndex === -1) throw refused({ en: 'the file is empty: its first line names the columns, each next line is one row', fr: 'le fichier est vide : sa première ligne nomme les colonnes, chaque ligne suivante est une ligne de données' });
  const headerRow = parsed.data[headerIndex]!.map((h) => h.trim());

  const positions = new Map<K, number>();
  const headers: Partial<Record<K, string>> = {};
  headerRow.forEach((header, index) => {
    const column = columns.find((c) => c.headers.some((h) => headerKey(h) === headerKey(header)));
    if (!column || header === '') return;
    if (positions.has(column.key)) {
      throw refused({
        en: `columns "${headers[column.key]}" and "${header}" both give ${column.label.en}; keep one`,
        fr: `les colonnes « ${headers[column.key]} » et « ${header} » donnent toutes deux ${column.label.fr} ; n'en gardez qu'une`,
      });
    }
    positions.set(column.key, index);
    headers[column.key] = header;
  });
  const missing = columns.find((c) => c.required && !positions.has(c.key));
  if (missing) throw missingColumn([missing], headerRow);
  for (const group of options.atLeastOneOf ?? []) {
    if (!group.some((key) => positions.has(key))) throw missingColumn(group.map((key) => columns.find((c) => c.key === key)!), headerRow);
  }

  const known = new Set(headerRow.flatMap((header, index) => (header !== '' ? [index] : [])));
  const rows: Array<CsvRow<K>> = [];
  parsed.data.forEach((row, index) => {
    if (index <= headerIndex || blank(row)) return;
    const cells: Partial<Record<K, string>> = {};
    for (const [key, position] of positions) cells[key] = (row[position] ?? '').trim();
    const stray = row.flatMap((cell, position) => (!known.has(position) && cell.trim() !== '' ? [{ column: columnLetter(position), value: cell.trim() }] : []));
    rows.push({ line: lines[index]!, cells, stray });
  });
  if (rows.length === 0) {
    throw refused({ en: 'the file has no data row under its header line', fr: "le fichier n'a aucune ligne de données sous sa ligne d'en-tête" });
  }
  if (rows.length > MAX_IMPORT_ROWS) {
    throw refused({
      en: `the file has ${rows.length} data rows; one import reads at most ${MAX_IMPORT_ROWS}: split the file`,
      fr: `le fichier compte ${rows.length} lignes de données ; un import en lit ${MAX_IMPORT_ROWS} au plus : scindez le fichier`,
    });
  }
  return { delimiter, headers, rows };
}

/** A row's cells keyed by their headers as the file wrote them, in the file's column order: what a preview shows of it. */
export function valuesOf<K extends string>(row: Pick<CsvRow<K>, 'cells'>, headers: Partial<Record<K, string>>): Record<string, string> {
  return Object.fromEntries((Object.entries(headers) as Array<[K, string]>).map(([key, header]) => [header, row.cells[key] ?? '']));
}

/** A date written `YYYY-MM-DD`, or `DD/MM/YYYY` (day and month on 1 or 2 digits), as `YYYY-MM-DD`; undefined when written otherwise. Whether the day exists is the schema's to say. */
export function isoDateOf(text: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : undefined;
}

/** `oui`/`non`, `yes`/`no`, `true`/`false` (any case), as a boolean; undefined for anything else. */
export function yesNoOf(text: string): boolean | undefined {
  const word = headerKey(text);
  if (['oui', 'yes', 'true'].includes(word)) return true;
  if (['non', 'no', 'false'].includes(word)) return false;
  return undefined;
}

/** Block codes separated by spaces, `|`, `+` (or commas), upper-cased: `a1 + A2` is `["A1", "A2"]`. */
export function blocksOf(text: string): string[] {
  return text
    .split(/[\s|+,]+/)
    .filter(Boolean)
    .map((code) => code.toUpperCase());
}
