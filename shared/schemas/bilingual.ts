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

/** The French of a message written with {@link bilingual}; undefined for any other message. */
export function frenchOf(message: string): string | undefined {
  return FRENCH_OF.get(message);
}
