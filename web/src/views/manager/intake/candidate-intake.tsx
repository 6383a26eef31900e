import { useLoad } from '../../../app/api';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant, formatBytes } from '../../../i18n/format';
import { LoadedView } from '../../../ui/loaded';
import { MANAGER_INTAKE } from '../messages';
import { RuleItem, RuleList } from '../rules';
import { LateDecisionForm } from './late-decision-form';

const TONE = { accepted: 'badge-ok', refused: 'badge-error', missing: 'badge-warn' } as const;

/** One candidate's deliverables: each one's state, its versions (refused ones with their rules), late ones and the decision on them (DELIV-5). */
export function CandidateIntake({ sessionId, registrationId, name }: { sessionId: string; registrationId: string; name: string }) {
  const t = useMessages(MANAGER_INTAKE);
  const { language } = useLanguage();
  const status = useLoad((client) => client.deliverableStatus(sessionId, registrationId), [sessionId, registrationId]);
  return (
    <section class="card manager-card" aria-labelledby={`intake-${registrationId}`}>
      <h3 id={`intake-${registrationId}`}>{name}</h3>
      <LoadedView loaded={status}>
        {({ intake }) => (
          <>
            <table>
              <caption>{t.deliverablesCaption(name)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.deliverableHeading}</th>
                  <th scope="col">{t.state}</th>
                  <th scope="col">{t.versions}</th>
                </tr>
              </thead>
              <tbody>
                {intake.deliverables.map((d) => (
                  <tr key={d.deliverableType}>
                    <th scope="row">
                      {t.deliverable(d.deliverableType)}
                      <span class="muted manager-small"> {t.pages(d.pages.min, d.pages.max)}</span>
                    </th>
                    <td>
                      <span class={`badge ${TONE[d.state]}`}>{t.deliverableState(d.state)}</span>
                      {d.late && <span class="badge badge-warn">{t.lateBadge}</span>}
                    </td>
                    <td>
                      {d.versions.length === 0 ? (
                        '—'
                      ) : (
                        <ul class="manager-plain-list">
                          {d.versions.map((v) => (
                            <li key={v.id}>
                              {t.version(v.version, formatInstant(v.receivedAt, intake.timeZone, language), v.pages, formatBytes(v.sizeBytes, language))}{' '}
                              <span class={`badge ${v.status === 'accepted' ? 'badge-ok' : 'badge-error'}`}>{t.versionStatus(v.status)}</span>
                              {v.late && <span class="badge badge-warn">{t.lateBadge}</span>}
                              {v.id === d.currentVersionId && <span class="badge badge-neutral">{t.current}</span>}
                              {v.violations.length > 0 && (
                                <ul class="manager-rule-list">
                                  {v.violations.map((rule) => (
                                    <li key={rule.message}>
                                      <RuleItem rule={rule} />
                                    </li>
                                  ))}
                                </ul>
                              )}
                              {v.lateDecision && <p class="manager-small">{t.decided(t.decision(v.lateDecision.decision), v.lateDecision.reason, formatInstant(v.lateDecision.decidedAt, intake.timeZone, language))}</p>}
                              {v.late && v.status === 'accepted' && <LateDecisionForm sessionId={sessionId} versionId={v.id} label={`${t.deliverable(d.deliverableType)} v${v.version}`} onDone={status.reload} />}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {intake.missing.length > 0 && <RuleList rules={intake.missing} label={t.juryMissing} />}
          </>
        )}
      </LoadedView>
    </section>
  );
}
