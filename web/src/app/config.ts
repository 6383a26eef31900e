/** How people sign in: Cognito's hosted sign-in on AWS, the development sign-in locally. */
export type AuthConfig =
  | { kind: 'local' }
  | { kind: 'cognito'; region: string; userPoolId: string; clientId: string; domain: string; redirectUri: string; logoutUri: string };

/** What the deployment tells the app at run time (`/config.json`): where the API is and how to sign in. */
export interface AppConfig {
  /** The API's base URL; empty when the API is served from the app's own origin (locally). */
  apiUrl: string;
  auth: AuthConfig;
}

/** Reads `/config.json`, written at deploy by CDK and served locally by the runtime. */
export async function loadConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json: ${response.status}`);
  const config = (await response.json()) as AppConfig;
  return { ...config, apiUrl: config.apiUrl.replace(/\/+$/, '') };
}
