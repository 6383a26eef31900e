import type { DeliverableView, VersionView } from '../../../../shared/use-cases/deliverables/intake-status';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { ViolationList } from '../../ui/violations';
import { CANDIDATE } from './messages';

/** The reasons a version was refused: each broken rule's sentence, in the page's language, with its rule ID. */
export function Reasons({ version }: { version: VersionView }) {
  const t = useMessages(CANDIDATE);
  if (version.violations.length === 0) return null;
  return <ViolationList items={version.violations} label={t.reasons} />;
}

/** A version's status in words: accepted or refused, late, and the manager's decision on a late one (DELIV-5). */
export function VersionBadges({ version, deliverable }: { version: VersionView; deliverable: DeliverableView }) {
  const t = useMessages(CANDIDATE);
  return (
    <span class="candidate-badges">
      {version.status === 'accepted' ? <span class="badge badge-ok">{t.stateAccepted}</span> : <span class="badge badge-error">{t.stateRefused}</span>}
      {version.late && <span class="badge badge-warn">{t.late}</span>}
      {version.lateDecision && <span class="badge badge-neutral">{version.lateDecision.decision === 'admitted' ? t.lateAdmitted : t.lateNotAdmitted}</span>}
      {deliverable.currentVersionId === version.id && <span class="badge badge-neutral">{deliverable.juryCopy ? t.juryCopy : t.currentVersion}</span>}
    </span>
  );
}

/** Every version of one deliverable, newest first: when it was received (in the session's zone), its pages, its outcome and reasons. */
export function VersionTable({ deliverable, timeZone }: { deliverable: DeliverableView; timeZone: string }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const label = t.deliverable(deliverable.deliverableType, deliverable.label);
  if (deliverable.versions.length === 0) return <p class="muted">{t.noVersion}</p>;
  return (
    <DataTable
      class="candidate-versions"
      caption={t.versionsOf(label)}
      columns={[
        { header: t.version, rowHeader: true, cell: (version) => version.version },
        { header: t.receivedAt, cell: (version) => formatInstant(version.receivedAt, timeZone, language) },
        { header: t.pages, cell: (version) => version.pages },
        {
          header: t.outcome,
          cell: (version) => (
            <>
              <VersionBadges version={version} deliverable={deliverable} />
              <Reasons version={version} />
            </>
          ),
        },
      ]}
      rows={[...deliverable.versions].reverse()}
      rowKey={(version) => version.id}
      rowAttributes={(version) => ({ class: version.status === 'refused' ? 'row-error' : undefined })}
    />
  );
}

/** Where a deliverable stands, in words. */
export function StateBadge({ deliverable }: { deliverable: DeliverableView }) {
  const t = useMessages(CANDIDATE);
  if (deliverable.state === 'accepted') return <span class="badge badge-ok">{deliverable.late ? `${t.stateAccepted} — ${t.late}` : t.stateAccepted}</span>;
  if (deliverable.state === 'refused') return <span class="badge badge-error">{t.stateRefused}</span>;
  return <span class="badge badge-warn">{t.stateMissing}</span>;
}
