import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import type { CandidateResult } from '../../../../shared/use-cases/records/results';
import { useLoad } from '../../app/api';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
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
          <dl class="facts">
            <dt>{t.annulmentReason}</dt>
            <dd>{result.annulment.reason}</dd>
            <dt>{t.annulledOn}</dt>
            <dd>{formatInstant(result.annulment.decidedAt, result.timeZone, language)}</dd>
          </dl>
        </div>
      )}
      <dl class="facts">
        <dt>{t.result}</dt>
        <dd>
          <span class={`badge ${void_ ? 'badge-neutral' : result.result === 'admitted' ? 'badge-ok' : result.result === 'partially-admitted' ? 'badge-warn' : 'badge-neutral'}`}>{t.resultLabel(result.result)}</span>
        </dd>
        <dt>{t.blocksValidated}</dt>
        <dd>{result.blocksValidated.length > 0 ? result.blocksValidated.join(', ') : t.noBlock}</dd>
        {result.reasons && (
          <>
            <dt>{t.juryReasons}</dt>
            <dd>{result.reasons}</dd>
          </>
        )}
        {result.recommendations && (
          <>
            <dt>{t.recommendations}</dt>
            <dd>{result.recommendations}</dd>
          </>
        )}
      </dl>
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
          <dl class="facts">
            <dt>{t.certificate(certificate.kind)}</dt>
            <dd>
              {certificate.download ? (
                <a href={certificate.download.url} download>
                  {t.download(t.certificate(certificate.kind))}
                </a>
              ) : result.standing === 'void' ? (
                t.documentVoid
              ) : (
                t.documentPending
              )}
            </dd>
            <dt>{t.verificationCode}</dt>
            <dd>
              <code>{certificate.verificationCode}</code>
            </dd>
            <dt>{t.issuedAt}</dt>
            <dd>{formatInstant(certificate.issuedAt, result.timeZone, language)}</dd>
            {certificate.download && (
              <>
                <dt>{t.fingerprint}</dt>
                <dd>
                  <code class="candidate-hash">{certificate.download.sha256}</code>
                </dd>
              </>
            )}
          </dl>
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
