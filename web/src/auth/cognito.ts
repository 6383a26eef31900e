import type { AuthConfig } from '../app/config';

type CognitoConfig = Extract<AuthConfig, { kind: 'cognito' }>;

const VERIFIER_KEY = 'certiflow.pkceVerifier';
const STATE_KEY = 'certiflow.oauthState';

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** RFC 7636: the S256 challenge of a verifier. */
export async function challengeOf(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Sends the browser to Cognito's hosted sign-in: authorization code flow with PKCE (S256) and a state. */
export async function startCognitoSignIn(config: CognitoConfig, language: string): Promise<void> {
  const verifier = randomString();
  const state = randomString();
  sessionStorage.setItem(VERIFIER_KEY, verifier);
  sessionStorage.setItem(STATE_KEY, state);
  const url = new URL('/oauth2/authorize', config.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'openid email profile',
    state,
    code_challenge_method: 'S256',
    code_challenge: await challengeOf(verifier),
    lang: language,
  }).toString();
  window.location.assign(url.toString());
}

/**
 * Completes the sign-in when Cognito sends the browser back with `?code=…&state=…`: checks the
 * state, exchanges the code with the PKCE verifier, and returns the ID token (the API's
 * authorizer reads the groups and the centre from it). Returns undefined when the URL holds no code.
 */
export async function completeCognitoSignIn(config: CognitoConfig): Promise<string | undefined> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get('code');
  if (!code) return undefined;
  const verifier = sessionStorage.getItem(VERIFIER_KEY);
  const expected = sessionStorage.getItem(STATE_KEY);
  sessionStorage.removeItem(VERIFIER_KEY);
  sessionStorage.removeItem(STATE_KEY);
  window.history.replaceState(null, '', config.redirectUri);
  if (!verifier || params.get('state') !== expected) throw new Error('sign-in state mismatch');
  const response = await fetch(new URL('/oauth2/token', config.domain), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: config.clientId, code, redirect_uri: config.redirectUri, code_verifier: verifier }),
  });
  if (!response.ok) throw new Error(`token exchange: ${response.status}`);
  const tokens = (await response.json()) as { id_token?: string };
  if (!tokens.id_token) throw new Error('token exchange: no id_token');
  return tokens.id_token;
}

/** Cognito's sign-out URL, back to the app. */
export function cognitoSignOutUrl(config: CognitoConfig): string {
  const url = new URL('/logout', config.domain);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: config.logoutUri }).toString();
  return url.toString();
}
