import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { Role } from '../shared/wiring/roles';

/** The issuer and audience of local tokens, standing in for the Cognito user pool and its app client. */
export const LOCAL_ISSUER = 'certiflow-local-issuer';
export const LOCAL_AUDIENCE = 'certiflow-local-client';

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

const ALGORITHM = 'ES256';
const KEY_ID = 'certiflow-local-1';

/** Who a local token is for. */
export interface TokenSubject {
  sub: string;
  roles: readonly Role[];
  email?: string;
  /** The person's full name, Cognito's standard `name` attribute. */
  name?: string;
  centreId?: string;
  /** Lifetime in seconds; 12 hours by default. */
  expiresInSeconds?: number;
}

/**
 * A local JWT issuer whose ID tokens carry Cognito's claims (`sub`, `email`,
 * `cognito:groups`, `custom:centreId`, `token_use`). Its signing key is kept in the data
 * folder, so tokens printed before a restart stay valid after it.
 */
export class LocalJwtIssuer {
  private constructor(
    private readonly privateKey: SigningKey,
    private readonly publicKey: SigningKey,
    readonly publicJwk: JWK,
  ) {}

  /** Loads the signing key from `keyFile`, creating it on first use. */
  static async open(keyFile: string): Promise<LocalJwtIssuer> {
    let stored: { privateJwk: JWK; publicJwk: JWK };
    if (existsSync(keyFile)) {
      stored = JSON.parse(readFileSync(keyFile, 'utf8')) as typeof stored;
    } else {
      const pair = await generateKeyPair(ALGORITHM, { extractable: true });
      stored = { privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey) };
      mkdirSync(dirname(keyFile), { recursive: true });
      writeFileSync(keyFile, JSON.stringify(stored), { mode: 0o600 });
    }
    const privateKey = (await importJWK(stored.privateJwk, ALGORITHM));
    const publicKey = (await importJWK(stored.publicJwk, ALGORITHM));
    return new LocalJwtIssuer(privateKey, publicKey, { ...stored.publicJwk, kid: KEY_ID, alg: ALGORITHM, use: 'sig' });
  }

  /** Signs an ID token for a subject. */
  sign(subject: TokenSubject): Promise<string> {
    const claims: JWTPayload = {
      email: subject.email ?? `${subject.sub}@certiflow.local`,
      ...(subject.name ? { name: subject.name } : {}),
      'cognito:groups': [...subject.roles],
      token_use: 'id',
      ...(subject.centreId ? { 'custom:centreId': subject.centreId } : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: ALGORITHM, kid: KEY_ID })
      .setSubject(subject.sub)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${subject.expiresInSeconds ?? 12 * 3600}s`)
      .sign(this.privateKey);
  }

  /** Verifies a token as API Gateway's JWT authorizer would: signature, issuer, audience, expiry. */
  async verify(token: string): Promise<JWTPayload> {
    const { payload } = await jwtVerify(token, this.publicKey, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, algorithms: [ALGORITHM] });
    return payload;
  }
}
