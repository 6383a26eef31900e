import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../../shared/domain/errors';
import { blocksOf, columnLetter, headerKey, isoDateOf, readCsvTable, yesNoOf } from '../../../shared/use-cases/imports/csv';
import { CANDIDATE_COLUMNS } from '../../../shared/use-cases/imports/import-candidates';
import { JUROR_COLUMNS } from '../../../shared/use-cases/imports/import-jurors';
import { MAX_IMPORT_ROWS } from '../../../shared/use-cases/limits';

/** The refusal `read` throws: an InvalidInput on field `csv`. */
function refusal(read: () => unknown): InvalidInput {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).field).toBe('csv');
    return error as InvalidInput;
  }
  throw new Error('not refused');
}

const FRENCH = 'prénom;nom;email;identifiant';

describe('reading a CSV file', () => {
  it('strips a UTF-8 byte-order mark, and reads ; as the delimiter when the header line uses it (spreadsheets in France)', () => {
    const table = readCsvTable(`\uFEFF${FRENCH}\nAlice;Martin;alice@example.org;cand-1\n`, CANDIDATE_COLUMNS);
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual({ firstName: 'prénom', lastName: 'nom', email: 'email', userId: 'identifiant' });
    expect(table.rows).toEqual([{ line: 2, cells: { firstName: 'Alice', lastName: 'Martin', email: 'alice@example.org', userId: 'cand-1' }, stray: [] }]);
  });

  it('reads , when the header line uses it, with English headers in any case', () => {
    const table = readCsvTable('FirstName,LASTNAME,e-mail,userId\r\nBruno,Durand,bruno@example.org,cand-2\r\n', CANDIDATE_COLUMNS);
    expect(table.delimiter).toBe(',');
    expect(table.headers).toEqual({ firstName: 'FirstName', lastName: 'LASTNAME', email: 'e-mail', userId: 'userId' });
    expect(table.rows[0]!.cells).toEqual({ firstName: 'Bruno', lastName: 'Durand', email: 'bruno@example.org', userId: 'cand-2' });
  });

  it('matches French headers without regard to accents, case, spaces or underscores, and ignores columns it does not know', () => {
    const csv = 'Prenom;NOM;Courriel;Identifiant;Téléphone;Blocs validés;DATE SESSION PRECEDENTE;nouvelle_formation;Tentative\nChloé;Petit;chloe@example.org;cand-3;0601020304;A1 A2;14/03/2026;non;reprise';
    const table = readCsvTable(csv, CANDIDATE_COLUMNS);
    expect(table.headers).toMatchObject({ firstName: 'Prenom', previouslyValidatedBlocks: 'Blocs validés', previousSessionDate: 'DATE SESSION PRECEDENTE', newTraining: 'nouvelle_formation', attempt: 'Tentative' });
    expect(table.rows[0]!.cells).toEqual({
      firstName: 'Chloé',
      lastName: 'Petit',
      email: 'chloe@example.org',
      userId: 'cand-3',
      previouslyValidatedBlocks: 'A1 A2',
      previousSessionDate: '14/03/2026',
      newTraining: 'non',
      attempt: 'reprise',
    });
    expect(headerKey('blocs_valides')).toBe(headerKey('Blocs Validés'));
  });

  it('reads quoted cells: the delimiter, a doubled quote and a line break inside them; the next row keeps its own line number', () => {
    const csv = `${FRENCH}\r\n"Anne; Marie";"D""Arc";anne@example.org;cand-4\r\n"Jean\r\nPaul";Roux;jp@example.org;cand-5\r\nLéa;Blanc;lea@example.org;cand-6\r\n`;
    const table = readCsvTable(csv, CANDIDATE_COLUMNS);
    expect(table.rows.map((r) => [r.line, r.cells.firstName, r.cells.lastName])).toEqual([
      [2, 'Anne; Marie', 'D"Arc'],
      [3, 'Jean\r\nPaul', 'Roux'],
      [5, 'Léa', 'Blanc'],
    ]);
  });

  it('skips blank lines and lines of empty cells, CRLF or LF alike, and numbers every row by its line in the file (the header is line 1)', () => {
    const lf = `${FRENCH}\n\nAlice;Martin;a@example.org;c-1\n;;;\n\nBruno;Durand;b@example.org;c-2\n\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    for (const csv of [lf, crlf]) expect(readCsvTable(csv, CANDIDATE_COLUMNS).rows.map((r) => [r.line, r.cells.userId])).toEqual([[3, 'c-1'], [6, 'c-2']]);
  });

  it('reports a value under no header by its spreadsheet column, as an unquoted delimiter leaves it', () => {
    const table = readCsvTable(`prénom,nom,email,identifiant\nAnne,Marie,Durand,anne@example.org,cand-7`, CANDIDATE_COLUMNS);
    expect(table.rows[0]!.stray).toEqual([{ column: 'E', value: 'cand-7' }]);
    expect([0, 25, 26, 27].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB']);
  });

  it('refuses a file without a required column, naming it and listing the headers accepted, in both languages', () => {
    const error = refusal(() => readCsvTable('nom;email;identifiant\nMartin;a@example.org;c-1', CANDIDATE_COLUMNS));
    expect(error.sentence.en).toBe('no column gives the first name: name one "prénom", "prenom" or "firstName" on the file\'s first line (it names "nom", "email" and "identifiant")');
    expect(error.sentence.fr).toBe('aucune colonne ne donne le prénom : nommez-en une « prénom », « prenom » ou « firstName » sur la première ligne du fichier (elle nomme « nom », « email » et « identifiant »)');
  });

  it('JURY-2: a jurors file names its jurors by e-mail or by registry id; with neither column it is refused', () => {
    expect(readCsvTable('Courriel\ncamille@example.org', JUROR_COLUMNS, { atLeastOneOf: [['email', 'jurorId']] }).headers).toEqual({ email: 'Courriel' });
    expect(readCsvTable('identifiant juré\n0b0f6c1e-2f4b-4c59-9a55-0d1f0f7f1a11', JUROR_COLUMNS, { atLeastOneOf: [['email', 'jurorId']] }).headers).toEqual({ jurorId: 'identifiant juré' });
    const error = refusal(() => readCsvTable('nom\nDurand', JUROR_COLUMNS, { atLeastOneOf: [['email', 'jurorId']] }));
    expect(error.sentence.en).toMatch(/^no column gives the juror's e-mail or the juror's registry id: name one "email", "e-mail", "courriel", "adresse e-mail", "identifiant juré" or "jurorId"/);
    expect(error.sentence.fr).toMatch(/^aucune colonne ne donne ni l'adresse e-mail du juré ni l'identifiant du juré au registre : nommez-en une « email »/);
  });

  it('refuses a column given twice, a quote left open, a file not in UTF-8, a file without data rows and one beyond the row limit', () => {
    expect(refusal(() => readCsvTable(`${FRENCH};e-mail\nA;B;a@example.org;c;a@example.org`, CANDIDATE_COLUMNS)).sentence.en).toBe('columns "email" and "e-mail" both give the candidate\'s e-mail; keep one');
    expect(refusal(() => readCsvTable(`${FRENCH}\nA;B;a@example.org;c\n"Open;B;b@example.org;d\n`, CANDIDATE_COLUMNS)).sentence.en).toMatch(/^line 3: a quoted cell is not closed/);
    expect(refusal(() => readCsvTable(`pr\uFFFDnom;nom;email;identifiant\nA;B;c;d`, CANDIDATE_COLUMNS)).sentence.fr).toMatch(/n'est pas encodé en UTF-8/);
    expect(refusal(() => readCsvTable(`${FRENCH}\n\n;;;\n`, CANDIDATE_COLUMNS)).sentence.en).toBe('the file has no data row under its header line');
    expect(refusal(() => readCsvTable('\n\n', CANDIDATE_COLUMNS)).sentence.en).toMatch(/^the file is empty/);
    const many = [FRENCH, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, n) => `A;B;a${n}@example.org;c-${n}`)].join('\n');
    expect(refusal(() => readCsvTable(many, CANDIDATE_COLUMNS)).sentence.en).toBe(`the file has ${MAX_IMPORT_ROWS + 1} data rows; one import reads at most ${MAX_IMPORT_ROWS}: split the file`);
  });
});

describe('reading the cells of a spreadsheet', () => {
  it.each([
    ['2026-03-14', '2026-03-14'],
    ['14/03/2026', '2026-03-14'],
    ['4/3/2026', '2026-03-04'],
    ['14-03-2026', undefined],
    ['March 14', undefined],
  ])('RETAKE-4: the date of the session last sat %s reads %s', (text, expected) => {
    expect(isoDateOf(text)).toBe(expected);
  });

  it('RETAKE-4: a new training is oui/non, yes/no or true/false, in any case', () => {
    expect(['oui', 'Oui', 'YES', 'true'].map(yesNoOf)).toEqual([true, true, true, true]);
    expect(['non', 'No', 'FALSE'].map(yesNoOf)).toEqual([false, false, false]);
    expect(['peut-être', '1'].map(yesNoOf)).toEqual([undefined, undefined]);
  });

  it('RETAKE-2: blocks validated are separated by spaces, | or +, and upper-cased', () => {
    expect(['A1 A2', 'A1|A3', 'a1 + a4', 'A2,  A3'].map(blocksOf)).toEqual([['A1', 'A2'], ['A1', 'A3'], ['A1', 'A4'], ['A2', 'A3']]);
  });
});
