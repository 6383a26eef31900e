import type { PvStatus } from '../../../../../shared/use-cases/records/pv-seal';
import { useAction } from '../../../app/api';
import { useRetryKeys } from '../../../app/retry-keys';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant } from '../../../i18n/format';
import { Busy, Done, ProblemNotice } from '../../../ui/problem';
import { MANAGER_PV } from '../messages';
import type { DraftRead } from './pv-preview';

/** The session manager signs the draft they read (PV-4): the signature names its SHA-256; it is offered once the draft is read. */
export function SignPv({ sessionId, status, read, timeZone, onDone }: { sessionId: string; status: PvStatus; read: DraftRead | undefined; timeZone: string; onDone(): void }) {
  const t = useMessages(MANAGER_PV);
  const { language } = useLanguage();
  const keys = useRetryKeys();
  const sign = useAction((client, sha256: string) => client.signPv(sessionId, sha256, { idempotencyKey: keys.keyFor(sha256) }), onDone);
  const mine = status.signatures.find((s) => s.role === 'session-manager');
  const why = !read ? t.readFirst : read.sha256 !== status.draftSha256 ? t.draftChanged : undefined;
  return (
    <section aria-labelledby="sign-heading">
      <h2 id="sign-heading">{t.signHeading}</h2>
      {mine?.signedAt && mine.current ? (
        <p>
          <span class="badge badge-ok">{t.signedCurrent}</span> {t.youSigned(formatInstant(mine.signedAt, timeZone, language))}
        </p>
      ) : (
        <>
          {why && (
            <p class="muted" id="sign-why">
              {why}
            </p>
          )}
          <p>
            <button type="button" disabled={Boolean(why) || sign.running} onClick={() => read && void sign.run(read.sha256)} {...(why ? { 'aria-describedby': 'sign-why' } : {})}>
              {t.signButton}
            </button>
          </p>
        </>
      )}
      {sign.running && <Busy />}
      {sign.done && <Done>{t.signedDone}</Done>}
      <ProblemNotice problem={sign.problem} />
    </section>
  );
}
