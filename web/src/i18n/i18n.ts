import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language } from '../../../shared/domain/sentence';

/** A language the app speaks, as the API does: French by default, English on request. */
export type { Language };

/** One dictionary per language, with the same keys; a value is text or a function of parameters. */
export type Dictionary = Record<string, string | ((...args: never[]) => string)>;

/** A view's messages in both languages: the English must have every French key. */
export type Messages<D extends Dictionary> = { fr: D; en: { [K in keyof D]: D[K] } };

/** Declares a view's messages; TypeScript checks that English and French have the same keys and shapes. */
export function messages<D extends Dictionary>(m: Messages<D>): Messages<D> {
  return m;
}

/** The language the app speaks now, and how to change it. */
export interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

/** Carries the current language down the tree. */
export const LanguageContext = createContext<LanguageState>({ language: 'fr', setLanguage: () => {} });

/** A view's messages in the current language: `const t = useMessages(MESSAGES); t.title`. */
export function useMessages<D extends Dictionary>(m: Messages<D>): D {
  const { language } = useContext(LanguageContext);
  return m[language] as D;
}

/** The current language. */
export function useLanguage(): LanguageState {
  return useContext(LanguageContext);
}

const STORAGE_KEY = 'certiflow.language';

/** The language last chosen in this browser, else French. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'fr';
}

/** Remembers the chosen language and sets the document's `lang`. */
export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}
