import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ROLES, type Role } from '../wiring/roles';
import type { Caller } from '../use-cases/caller';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

/**
 * Parses `cognito:groups`: API Gateway's JWT authorizer flattens array claims to a string
 * such as `[managers jurors]`; an array is accepted too.
 */
export function parseGroups(value: Claims[string]): Role[] {
  const names = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return names.filter((name): name is Role => (ROLES as readonly string[]).includes(name));
}

/** The claims the JWT authorizer verified, if any. */
export function claimsOf(event: APIGatewayProxyEventV2): Claims | undefined {
  const context = event.requestContext as APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Claims } };
  };
  return context.authorizer?.jwt?.claims;
}

/** The caller as the authorizer vouches for it, or undefined without verified claims. */
export function callerOf(event: APIGatewayProxyEventV2): Caller | undefined {
  const claims = claimsOf(event);
  if (!claims || typeof claims.sub !== 'string') return undefined;
  return {
    id: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    ...(typeof claims.name === 'string' && claims.name.trim() ? { name: claims.name.trim() } : {}),
    roles: parseGroups(claims['cognito:groups']),
    centreId: typeof claims['custom:centreId'] === 'string' ? claims['custom:centreId'] : undefined,
  };
}
