import type { Language } from '../domain/sentence';

/**
 * The language a request asks to be answered in, read from its `Accept-Language` header:
 * the first of French and English in the caller's order of preference (quality values honoured),
 * English when the header names neither. The web app asks for French.
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'en';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { primary: tag.trim().toLowerCase().split('-')[0], quality: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.quality > 0 && (entry.primary === 'fr' || entry.primary === 'en'))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.primary === 'fr' ? 'fr' : 'en';
}
