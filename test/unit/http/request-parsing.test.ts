import { describe, expect, it } from 'vitest';
import { InvalidRequest, parsePart } from '../../../shared/http/request-parsing';
import { declarationsBody } from '../../../shared/schemas/deliverable-schemas';

const REGISTRATION = '6f1c2b9e-3d4a-4c5b-8e7f-1a2b3c4d5e6f';
const TWICE = { declarations: [{ registrationId: REGISTRATION, link: 'none' }, { registrationId: REGISTRATION, link: 'personal' }] };

function issuesOf(language: 'fr' | 'en') {
  try {
    parsePart(declarationsBody, TWICE, 'body', language);
  } catch (error) {
    return (error as InvalidRequest).issues;
  }
  throw new Error('accepted');
}

describe('a refinement naming a value says it in the request language', () => {
  it('JURY-4: a candidate declared twice is named in French through the issue params, in English otherwise', () => {
    expect(issuesOf('fr')).toEqual([{ field: 'declarations.1.registrationId', message: `l'inscription ${REGISTRATION} est déclarée deux fois dans cette requête ; déclarez chaque candidat une seule fois` }]);
    expect(issuesOf('en')).toEqual([{ field: 'declarations.1.registrationId', message: `registration ${REGISTRATION} is declared twice in this request; declare each candidate once` }]);
  });
});
