import type { Language } from './sentence';

/** A person the system names in messages and documents. */
export interface Person {
  id: string;
  firstName: string;
  lastName: string;
}

/** "First Last", as messages and the PV print it. */
export function fullName(person: Pick<Person, 'firstName' | 'lastName'>): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/** Lists names for a sentence: "A", "A and B", "A, B and C"; in French "A, B et C". */
export function joinNames(names: readonly string[], language: Language = 'en'): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${language === 'fr' ? 'et' : 'and'} ${names[names.length - 1]}`;
}
