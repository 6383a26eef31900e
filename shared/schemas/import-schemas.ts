import * as z from 'zod';
import { MAX_IMPORT_CSV_CHARACTERS, MAX_IMPORT_ROWS } from '../use-cases/limits';
import { bilingual } from './bilingual';

/**
 * Body of `POST /sessions/{sessionId}/candidates/import` and `POST /sessions/{sessionId}/jurors/import`:
 * a CSV file's text, previewed or committed, with the lines the manager chose to leave out.
 */
export const importBody = /* @__PURE__ */ z.strictObject({
  csv: z
    .string()
    .min(1, bilingual({ en: "the CSV file's text, its first line naming the columns", fr: 'le texte du fichier CSV, sa première ligne nommant les colonnes' }))
    .max(MAX_IMPORT_CSV_CHARACTERS, bilingual({ en: `at most ${MAX_IMPORT_CSV_CHARACTERS} characters (about 1 MB): split the file`, fr: `${MAX_IMPORT_CSV_CHARACTERS} caractères au plus (environ 1 Mo) : scindez le fichier` }))
    .describe(
      `the CSV file's text (UTF-8, with or without BOM; ";" or "," as the first line says; quoted cells; CRLF or LF), its first line naming the columns in French or English, at most ${MAX_IMPORT_ROWS} data rows`,
    ),
  commit: z
    .boolean({ message: bilingual({ en: 'false to preview (nothing is written), true to write every line or none', fr: 'false pour prévisualiser (rien n\'est écrit), true pour tout écrire ou rien' }) })
    .describe('false: a preview that writes nothing; true: writes every line not dropped, all or none, refused (422) while one has an error'),
  dropLines: z
    .array(z.number().int().min(2, bilingual({ en: 'a line number of the file, 2 or more (line 1 is the header)', fr: "un numéro de ligne du fichier, 2 ou plus (la ligne 1 est l'en-tête)" })))
    .max(MAX_IMPORT_ROWS)
    .optional()
    .describe('the line numbers (as the preview reports them) to leave out'),
});

/** A validated import body. */
export type ImportInput = z.infer<typeof importBody>;
