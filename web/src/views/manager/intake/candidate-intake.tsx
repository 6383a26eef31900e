import type { DeliverableView } from '../../../../../shared/use-cases/deliverables/intake-status';
import { useLoad } from '../../../app/api';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant, formatBytes } from '../../../i18n/format';
import { DataTable } from '../../../ui/data-table';
import { LoadedView } from '../../../ui/loaded';
import { MANAGER_INTAKE } from '../messages';
import { RuleItem, RuleList } from '../rules';
import { LateDecisionForm } from './late-decision-form';

const TONE = { accepted: 'badge-ok', refused: 'badge-error', missing: 'badge-warn' } as const;

/** A deliverable's versions: when each came, its pages and size, its status, its rules broken, and the decision on a late one (DELIV-5). */
function Versions({ sessionId, deliverable: d, timeZone, onDecided }: { sessionId: string; deliverable: DeliverableView; timeZone: string; onDecided(): void }) {
  const t = useMessages(MANAGER_INTAKE);
  const { language } = useLanguage();
  if (d.versions.length === 0) return <>—</>;
  return (
    <ul class="manager-plain-list">
      {d.versions.map((v) => (
        <li key={v.id}>
          {t.version(v.version, formatInstant(v.receivedAt, timeZone, language), v.pages, formatBytes(v.sizeBytes, language))}{' '}
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
          {v.lateDecision && <p class="manager-small">{t.decided(t.decision(v.lateDecision.decision), v.lateDecision.reason, formatInstant(v.lateDecision.decidedAt, timeZone, language))}</p>}
          {v.late && v.status === 'accepted' && <LateDecisionForm sessionId={sessionId} versionId={v.id} label={`${t.deliverable(d.deliverableType)} v${v.version}`} onDone={onDecided} />}
        </li>
      ))}
    </ul>
  );
}

/** One candidate's deliverables: each one's state, its versions (refused ones with their rules), late ones and the decision on them (DELIV-5). */
export function CandidateIntake({ sessionId, registrationId, name }: { sessionId: string; registrationId: string; name: string }) {
  const t = useMessages(MANAGER_INTAKE);
  const status = useLoad((client) => client.deliverableStatus(sessionId, registrationId), [sessionId, registrationId]);
  return (
    <section class="card manager-card" aria-labelledby={`intake-${registrationId}`}>
      <h3 id={`intake-${registrationId}`}>{name}</h3>
      <LoadedView loaded={status}>
        {({ intake }) => (
          <>
            <DataTable
              caption={t.deliverablesCaption(name)}
              columns={[
                {
                  header: t.deliverableHeading,
                  rowHeader: true,
                  cell: (d) => (
                    <>
                      {t.deliverable(d.deliverableType)}
                      <span class="muted manager-small"> {t.pages(d.pages.min, d.pages.max)}</span>
                    </>
                  ),
                },
                {
                  header: t.state,
                  cell: (d) => (
                    <>
                      <span class={`badge ${TONE[d.state]}`}>{t.deliverableState(d.state)}</span>
                      {d.late && <span class="badge badge-warn">{t.lateBadge}</span>}
                    </>
                  ),
                },
                { header: t.versions, cell: (d) => <Versions sessionId={sessionId} deliverable={d} timeZone={intake.timeZone} onDecided={status.reload} /> },
              ]}
              rows={intake.deliverables}
              rowKey={(d) => d.deliverableType}
            />
            {intake.missing.length > 0 && <RuleList rules={intake.missing} label={t.juryMissing} />}
          </>
        )}
      </LoadedView>
    </section>
  );
}
