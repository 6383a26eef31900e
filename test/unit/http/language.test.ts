import { describe, expect, it } from 'vitest';
import { languageOf } from '../../../shared/http/language';

describe('languageOf', () => {
  it.each([
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['en-GB,fr;q=0.5', 'en'],
    ['de', 'en'],
    [undefined, 'en'],
    ['', 'en'],
    ['fr;q=0', 'en'],
    ['FR', 'fr'],
    ['de-DE,fr;q=0.7,en;q=0.3', 'fr'],
    ['en;q=0.5,fr;q=0.8', 'fr'],
    ['fr;q=0.5,en;q=0.5', 'fr'],
  ] as const)('reads Accept-Language %j as %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });
});
