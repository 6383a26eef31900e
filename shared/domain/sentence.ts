/** A language Certiflow speaks to people in: French first, English on request. */
export type Language = 'fr' | 'en';

/** Every language Certiflow speaks, French (the default of the web app) first. */
export const LANGUAGES: readonly Language[] = ['fr', 'en'];

/**
 * A sentence said to a person, written once in each language Certiflow speaks. Refusals carry
 * one, so that the HTTP layer answers in the language the request asks for.
 */
export interface Sentence {
  en: string;
  fr: string;
}

/** The sentence in `language`. */
export function sentenceIn(sentence: Sentence, language: Language): string {
  return sentence[language];
}
