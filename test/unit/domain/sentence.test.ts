import { describe, expect, it } from 'vitest';
import { frenchDe, storedTextIn } from '../../../shared/domain/sentence';

describe('stored texts said in the language asked', () => {
  const lateConflict = { id: 'i1', description: 'personal link declared late', descriptionFr: 'lien personnel déclaré tardivement' };

  it('JURY-5: gives the French written beside the English when French is asked, and drops the French field', () => {
    expect(storedTextIn(lateConflict, 'description', 'fr')).toEqual({ id: 'i1', description: 'lien personnel déclaré tardivement' });
  });

  it('gives the English when English is asked, and never the French field', () => {
    expect(storedTextIn(lateConflict, 'description', 'en')).toEqual({ id: 'i1', description: 'personal link declared late' });
  });

  it('keeps the English of a record written before French was added, whatever the language asked', () => {
    expect(storedTextIn({ reason: 'the step is overdue' }, 'reason', 'fr')).toEqual({ reason: 'the step is overdue' });
  });
});

describe('French "de" before a name', () => {
  it('elides before a vowel and not before a consonant', () => {
    expect([frenchDe('Alex Martin'), frenchDe('Camille Durand'), frenchDe('Émilie')]).toEqual(["d'Alex Martin", 'de Camille Durand', "d'Émilie"]);
  });
});
