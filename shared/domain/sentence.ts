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

/**
 * A stored record's text `key` in `language`: the French written beside it under `${key}Fr` when
 * French is asked and was recorded, its English otherwise; the French field itself is dropped.
 * Records written before French was added have no `${key}Fr` and keep their English.
 */
export function storedTextIn<K extends string, T extends { [P in K]: string } & { [P in `${K}Fr`]?: string }>(stored: T, key: K, language: Language): Omit<T, `${K}Fr`> {
  const { [`${key}Fr`]: french, ...rest } = stored as Record<string, unknown>;
  return { ...rest, [key]: language === 'fr' && typeof french === 'string' ? french : stored[key] } as Omit<T, `${K}Fr`>;
}
