import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { ROLES, type Role } from '../shared/wiring/roles';
import type { ControlEndpoint } from './http-api-server';
import type { LocalJwtIssuer } from './jwt-issuer';

/** A person the development sign-in lists: the demo's people, kept beside the data. */
export interface LocalPerson {
  sub: string;
  name: string;
  role: Role;
  centreId?: string;
}

const signInBody = z.strictObject({
  sub: z.string().trim().min(1).max(128),
  role: z.enum(ROLES),
  name: z.string().trim().min(1).max(200).optional(),
  centreId: z.string().trim().min(1).max(64).optional(),
});

/** Writes the people the development sign-in lists (the demo's, after seeding). */
export function rememberPeople(file: string, people: readonly LocalPerson[]): void {
  writeFileSync(file, JSON.stringify(people, null, 2));
}

function readPeople(file: string): LocalPerson[] {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LocalPerson[]) : [];
}

/**
 * The development sign-in, local only (the deployed app signs in with Cognito): `GET
 * /_local/people` lists the demo's people, `POST /_local/sign-in` signs an ID token for one
 * identity with the local issuer, as `npm run token` does.
 */
export function devSignInControls(issuer: LocalJwtIssuer, peopleFile: string): Record<string, ControlEndpoint> {
  return {
    people: async (_body, method) => (method === 'GET' ? { status: 200, body: { people: readPeople(peopleFile) } } : { status: 405, body: { message: 'GET only' } }),
    'sign-in': async (body, method) => {
      if (method !== 'POST') return { status: 405, body: { message: 'POST only' } };
      const parsed = signInBody.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return { status: 400, body: { error: { code: 'InvalidRequest', message: `${issue.path.join('.') || 'body'}: ${issue.message}` } } };
      }
      const { sub, role, name, centreId } = parsed.data;
      const known = readPeople(peopleFile).find((p) => p.sub === sub && p.role === role);
      const displayName = name ?? known?.name.replace(/\s*\(.*\)$/, '');
      return { status: 200, body: { token: await issuer.sign({ sub, roles: [role], ...(displayName ? { name: displayName } : {}), ...(centreId ? { centreId } : {}) }) } };
    },
  };
}

/** Where the development sign-in's people are kept: beside the local data. */
export function peopleFile(dataDir: string): string {
  return join(dataDir, 'demo-people.json');
}
