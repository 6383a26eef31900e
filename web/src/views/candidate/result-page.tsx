import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import type { CandidateResult } from '../../../../shared/use-cases/records/results';
import { useLoad } from '../../app/api';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { Facts } from '../../ui/facts';
import { LoadedView } from '../../ui/loaded';
import { Appeals } from './appeals';
import { CANDIDATE } from './messages';
import { RESULT_STATUSES } from './session-facts';

function Outcome({ result }: { result: CandidateResult }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const void_ = result.standing === 'void';
  return (
    <>
      {void_ && result.annulment && (
        <div class="notice notice-error" role="status">
          <p>
            <strong>{t.annulled}</strong>
          </p>
          <Facts
            facts={[
              [t.annulmentReason, result.annulment.reason],
              [t.annulledOn, formatInstant(result.annulment.decidedAt, result.timeZone, language)],
            ]}
          />
        </div>
      )}
      <Facts
        facts={[
          [t.result, <span class={`badge ${void_ ? 'badge-neutral' : result.result === 'admitted' ? 'badge-ok' : result.result === 'partially-admitted' ? 'badge-warn' : 'badge-neutral'}`}>{t.resultLabel(result.result)}</span>],
          [t.blocksValidated, result.blocksValidated.length > 0 ? result.blocksValidated.join(', ') : t.noBlock],
          result.reasons && [t.juryReasons, result.reasons],
          result.recommendations && [t.recommendations, result.recommendations],
        ]}
      />
    </>
  );
}

function Documents({ result }: { result: CandidateResult }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const certificate = result.certificate;
  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t.documents}</h2>
      {!certificate ? (
        <p>{t.noDocument}</p>
      ) : (
        <>
          <Facts
            facts={[
              [
                t.certificate(certificate.kind),
                certificate.download ? (
                  <a href={certificate.download.url} download>
                    {t.download(t.certificate(certificate.kind))}
                  </a>
                ) : result.standing === 'void' ? (
                  t.documentVoid
                ) : (
                  t.documentPending
                ),
              ],
              [t.verificationCode, <code>{certificate.verificationCode}</code>],
              [t.issuedAt, formatInstant(certificate.issuedAt, result.timeZone, language)],
              certificate.download && [t.fingerprint, <code class="candidate-hash">{certificate.download.sha256}</code>],
            ]}
          />
          {certificate.download && <p class="muted">{t.downloadNote}</p>}
        </>
      )}
    </section>
  );
}

/** After the seal (RETAKE-1): the result, the diploma or booklet with its link, and the appeals (QUAL-1). */
export function ResultPage({ registration }: { registration: MyRegistration }) {
  const t = useMessages(CANDIDATE);
  const sealed = RESULT_STATUSES.has(registration.session.status);
  const loaded = useLoad((client) => client.result(registration.sessionId, registration.id), [registration.sessionId, registration.id]);
  return (
    <>
      <h1>{t.resultTitle}</h1>
      {!sealed ? (
        <p class="notice notice-warn">{t.resultNotYet}</p>
      ) : (
        <LoadedView loaded={loaded}>
          {(result) => (
            <>
              <Outcome result={result} />
              <Documents result={result} />
              <Appeals registration={registration} closeAt={result.appeals?.closeAt} timeZone={result.timeZone} annulled={result.standing === 'void'} />
            </>
          )}
        </LoadedView>
      )}
    </>
  );
}
