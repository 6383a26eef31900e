import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../shared/wiring/roles';
import { LocalJwtIssuer } from './jwt-issuer';
import { localDataDir } from './paths';

const SINGULAR: Record<string, Role> = { manager: 'managers', juror: 'jurors', candidate: 'candidates', quality: 'quality', certifier: 'certifiers' };

const usage = `usage: npm run token -- --role <${ROLES.join('|')}> [--sub <id>] [--centre <centreId>] [--email <address>] [--hours <n>]
Prints an ID token of the local issuer, with Cognito's claims, for the local HTTP API.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      sub: { type: 'string' },
      centre: { type: 'string' },
      email: { type: 'string' },
      hours: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help || !values.role) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  const roles = values.role.map((name) => SINGULAR[name] ?? name);
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (unknown.length > 0) {
    console.error(`unknown role ${unknown.join(', ')}: use one of ${ROLES.join(', ')}\n${usage}`);
    process.exit(2);
  }
  const hours = values.hours ? Number(values.hours) : 12;
  if (!Number.isFinite(hours) || hours <= 0) {
    console.error(`--hours must be a positive number\n${usage}`);
    process.exit(2);
  }
  const issuer = await LocalJwtIssuer.open(join(localDataDir(), 'jwt-signing-key.json'));
  const token = await issuer.sign({
    sub: values.sub ?? `${roles[0]}-1`,
    roles: roles as Role[],
    email: values.email,
    centreId: values.centre ?? (roles.includes('managers') ? 'centre-1' : undefined),
    expiresInSeconds: Math.round(hours * 3600),
  });
  console.log(token);
}

void main();
