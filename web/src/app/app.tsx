import { lazy, Suspense } from 'preact/compat';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CertiflowClient } from '../../../client/certiflow-client';
import { cognitoSignOutUrl, completeCognitoSignIn } from '../auth/cognito';
import { SignIn } from '../auth/sign-in';
import { tokenStore } from '../auth/token-store';
import { initialLanguage, LanguageContext, rememberLanguage, useMessages, type Language } from '../i18n/i18n';
import { UI } from '../ui/messages';
import { Busy } from '../ui/problem';
import { SignedContext } from './api';
import type { AppConfig } from './config';
import { AREAS, Layout } from './layout';
import { navigate, useRoute } from './router';

/** Each area is its own chunk: a candidate's browser loads the candidate's pages only. */
const AREA_VIEWS = {
  candidate: lazy(() => import('../views/candidate').then((m) => ({ default: m.CandidateArea }))),
  juror: lazy(() => import('../views/juror').then((m) => ({ default: m.JurorArea }))),
  manager: lazy(() => import('../views/manager').then((m) => ({ default: m.ManagerArea }))),
  quality: lazy(() => import('../views/quality').then((m) => ({ default: m.QualityArea }))),
} as const;

function Areas({ roles }: { roles: readonly string[] }) {
  const t = useMessages(UI);
  const route = useRoute();
  const mine = AREAS.filter((a) => roles.includes(a.role));
  const [area, ...rest] = route;
  useEffect(() => {
    if (!area && mine[0]) navigate(mine[0].path);
  }, [area]);
  const current = mine.find((a) => a.path === area);
  if (!mine[0]) return <p>{t.noView}</p>;
  if (!current) return area ? <p>{t.notFound}</p> : <Busy />;
  const View = AREA_VIEWS[current.path as keyof typeof AREA_VIEWS];
  return (
    <Suspense fallback={<Busy />}>
      <View route={rest} />
    </Suspense>
  );
}

/** The whole app: language, sign-in, then the areas of the signed-in person's roles. */
export function App({ config }: { config: AppConfig }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [stored, setStored] = useState(tokenStore.read);
  const [signInFailure, setSignInFailure] = useState<string | undefined>();
  const setLanguage = (next: Language) => {
    rememberLanguage(next);
    setLanguageState(next);
  };
  useEffect(() => rememberLanguage(language), []);
  useEffect(() => {
    if (config.auth.kind !== 'cognito') return;
    completeCognitoSignIn(config.auth)
      .then((token) => {
        if (!token) return;
        tokenStore.write(token);
        setStored(tokenStore.read());
      })
      .catch((error: Error) => setSignInFailure(error.message));
  }, []);
  const signed = useMemo(
    () => (stored ? { person: stored.person, client: new CertiflowClient(config.apiUrl, stored.token, language) } : undefined),
    [stored, language],
  );
  const signOut = () => {
    tokenStore.clear();
    setStored(undefined);
    window.location.hash = '';
    if (config.auth.kind === 'cognito') window.location.assign(cognitoSignOutUrl(config.auth));
  };
  return (
    <LanguageContext.Provider value={{ language, setLanguage }}>
      <Layout {...(signed ? { person: signed.person, onSignOut: signOut } : {})}>
        {signInFailure && (
          <p class="notice notice-error" role="alert">
            {signInFailure}
          </p>
        )}
        {signed ? (
          <SignedContext.Provider value={signed}>
            <Areas roles={signed.person.roles} />
          </SignedContext.Provider>
        ) : (
          <SignIn
            config={config}
            onToken={(token) => {
              tokenStore.write(token);
              setStored(tokenStore.read());
              window.location.hash = '';
            }}
          />
        )}
      </Layout>
    </LanguageContext.Provider>
  );
}
