import { useEffect, useState } from 'preact/hooks';
import { useMessages } from '../i18n/i18n';
import { Busy } from '../ui/problem';
import type { Role } from './person';
import { LOCAL_SIGN_IN } from './local-sign-in-messages';
import { SIGN_IN } from './sign-in-messages';

/** A person of the local demo, as `GET /_local/people` lists them. */
interface DemoPerson {
  sub: string;
  name: string;
  role: Role;
  centreId?: string;
}

const ROLES: Role[] = ['candidates', 'jurors', 'managers', 'quality', 'certifiers'];

/** Asks the local runtime to sign a token; exists only locally. */
async function localToken(apiUrl: string, person: Omit<DemoPerson, 'name'> & { name?: string }): Promise<string> {
  const response = await fetch(`${apiUrl}/_local/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person) });
  const body = (await response.json()) as { token?: string; error?: { message: string } };
  if (!response.ok || !body.token) throw new Error(body.error?.message ?? String(response.status));
  return body.token;
}

/**
 * The development sign-in, local only: lists the demo's people and asks the local runtime to sign
 * a token for one of them. The deployed build does not contain it (see `__LOCAL_SIGN_IN__`).
 */
export default function LocalSignIn({ apiUrl, onToken }: { apiUrl: string; onToken(token: string): void }) {
  const t = { ...useMessages(SIGN_IN), ...useMessages(LOCAL_SIGN_IN) };
  const [people, setPeople] = useState<DemoPerson[] | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [custom, setCustom] = useState<{ role: Role; sub: string; centreId: string }>({ role: 'managers', sub: 'm-1', centreId: 'centre-1' });
  const [unreadable, setUnreadable] = useState(false);
  useEffect(() => {
    fetch(`${apiUrl}/_local/people`)
      .then((r) => (r.ok ? (r.json() as Promise<{ people: DemoPerson[] }>) : Promise.reject(new Error(String(r.status)))))
      .then((body) => setPeople(body.people))
      .catch(() => {
        setUnreadable(true);
        setPeople([]);
      });
  }, [apiUrl]);
  const signIn = (person: Omit<DemoPerson, 'name'> & { name?: string }) =>
    localToken(apiUrl, person)
      .then(onToken)
      .catch((error: Error) => setFailure(`${t.failed} ${error.message}`));
  return (
    <section aria-labelledby="local-sign-in">
      <h1 id="local-sign-in">{t.localTitle}</h1>
      <p class="notice notice-warn">{t.localWarning}</p>
      {failure && (
        <p class="notice notice-error" role="alert">
          {failure}
        </p>
      )}
      <h2>{t.demoPeople}</h2>
      {people === undefined ? (
        <Busy />
      ) : unreadable ? (
        <p class="notice notice-error" role="alert">
          {t.peopleUnreadable}
        </p>
      ) : people.length === 0 ? (
        <p>{t.noDemo}</p>
      ) : (
        <ul class="people">
          {people.map((p) => (
            <li key={p.sub}>
              <button type="button" onClick={() => signIn(p)} data-sub={p.sub}>
                {t.signInAs(p.name)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h2>{t.custom}</h2>
      <form
        class="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void signIn({ role: custom.role, sub: custom.sub, ...(custom.role === 'managers' && custom.centreId ? { centreId: custom.centreId } : {}) });
        }}
      >
        <label>
          {t.role}
          <select value={custom.role} onChange={(e) => setCustom({ ...custom, role: (e.target as HTMLSelectElement).value as Role })}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.sub}
          <input required value={custom.sub} onInput={(e) => setCustom({ ...custom, sub: (e.target as HTMLInputElement).value })} />
        </label>
        <label>
          {t.centre}
          <input value={custom.centreId} onInput={(e) => setCustom({ ...custom, centreId: (e.target as HTMLInputElement).value })} />
        </label>
        <button type="submit">{t.submit}</button>
      </form>
    </section>
  );
}
