import type { Sentence } from '../domain/sentence';

const FRENCH_OF = new Map<string, string>();

/**
 * A schema's own error message, written in both languages: zod carries the English, and
 * request parsing answers with the French when the request asks for it
 * (`z.enum(['M', 'F'], { error: bilingual({ en: 'M or F…', fr: 'M ou F…' }) })`).
 */
export function bilingual(sentence: Sentence): string {
  FRENCH_OF.set(sentence.en, sentence.fr);
  return sentence.en;
}

/**
 * A custom issue's message in both languages, for messages built from the input (a refinement
 * naming a value): the French rides in the issue's `params`, so nothing is remembered per value.
 */
export function bilingualIssue(sentence: Sentence): { message: string; params: { fr: string } } {
  return { message: sentence.en, params: { fr: sentence.fr } };
}

/** The French of a message written with {@link bilingual}; undefined for any other message. */
export function frenchOf(message: string): string | undefined {
  return FRENCH_OF.get(message);
}
