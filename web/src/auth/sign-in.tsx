import { lazy, Suspense } from 'preact/compat';
import type { AppConfig } from '../app/config';
import { useLanguage, useMessages } from '../i18n/i18n';
import { Busy } from '../ui/problem';
import { startCognitoSignIn } from './cognito';
import { SIGN_IN } from './sign-in-messages';

/** Whether this build carries the development sign-in: false in the deployed build (`vite build --mode aws`). */
declare const __LOCAL_SIGN_IN__: boolean;

const LocalSignIn = __LOCAL_SIGN_IN__ ? lazy(() => import('./local-sign-in')) : undefined;

/** The sign-in page: Cognito's hosted sign-in on AWS; the local development sign-in otherwise. */
export function SignIn({ config, onToken }: { config: AppConfig; onToken(token: string): void }) {
  const t = useMessages(SIGN_IN);
  const { language } = useLanguage();
  const auth = config.auth;
  if (auth.kind === 'local' && LocalSignIn) {
    return (
      <Suspense fallback={<Busy />}>
        <LocalSignIn apiUrl={config.apiUrl} onToken={onToken} />
      </Suspense>
    );
  }
  if (auth.kind === 'local') return <p role="alert">{t.failed}</p>;
  return (
    <section aria-labelledby="sign-in">
      <h1 id="sign-in">{t.title}</h1>
      <p>{t.cognitoHelp}</p>
      <button type="button" onClick={() => void startCognitoSignIn(auth, language)}>
        {t.cognito}
      </button>
    </section>
  );
}
