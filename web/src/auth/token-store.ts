import { personOf, type Person } from './person';

const KEY = 'certiflow.idToken';

/** The signed-in person's token, kept for the tab only (sessionStorage), never in a cookie. */
export const tokenStore = {
  read(): { token: string; person: Person } | undefined {
    const token = sessionStorage.getItem(KEY);
    const person = token ? personOf(token) : undefined;
    if (!token || !person || person.expiresAt <= Date.now()) return undefined;
    return { token, person };
  },
  write(token: string): void {
    sessionStorage.setItem(KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
  },
};
