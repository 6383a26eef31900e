/** A role of Certiflow, as the token's `cognito:groups` carries it. */
export type Role = 'certifiers' | 'managers' | 'jurors' | 'candidates' | 'quality';

/** The signed-in person, read from their ID token's claims (the API checks the token itself). */
export interface Person {
  sub: string;
  name?: string;
  email?: string;
  roles: Role[];
  centreId?: string;
  /** When the token expires, in milliseconds since the epoch. */
  expiresAt: number;
}

function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(segment.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** The person an ID token names; undefined when it cannot be read. */
export function personOf(token: string): Person | undefined {
  try {
    const claims = JSON.parse(base64UrlDecode(token.split('.')[1] ?? '')) as Record<string, unknown>;
    const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as Role[]) : [];
    return {
      sub: String(claims.sub),
      ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
      ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
      roles: groups,
      ...(typeof claims['custom:centreId'] === 'string' ? { centreId: claims['custom:centreId'] } : {}),
      expiresAt: Number(claims.exp) * 1000,
    };
  } catch {
    return undefined;
  }
}
