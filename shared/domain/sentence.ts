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

/**
 * French "de" before a name or word, elided before a vowel: `d'Alex Martin`, `de Camille Durand`
 * (`la grille ${frenchDe(name)}`). A leading h is left unelided: whether it is mute cannot be told.
 */
export function frenchDe(name: string): string {
  return /^[aeiouyàâäéèêëîïôöùûüÿœæ]/i.test(name) ? `d'${name}` : `de ${name}`;
}
