import type { DeliverableView, VersionView } from '../../../../shared/use-cases/deliverables/intake-status';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { CANDIDATE } from './messages';

/** The reasons a version was refused: each broken rule's sentence, in the page's language, with its rule ID. */
export function Reasons({ version }: { version: VersionView }) {
  const t = useMessages(CANDIDATE);
  if (version.violations.length === 0) return null;
  return (
    <ul class="violations" aria-label={t.reasons}>
      {version.violations.map((v) => (
        <li key={v.ruleId + v.message} data-rule={v.ruleId}>
          {v.message}
        </li>
      ))}
    </ul>
  );
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
    <table class="candidate-versions">
      <caption>{t.versionsOf(label)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.version}</th>
          <th scope="col">{t.receivedAt}</th>
          <th scope="col">{t.pages}</th>
          <th scope="col">{t.outcome}</th>
        </tr>
      </thead>
      <tbody>
        {[...deliverable.versions].reverse().map((version) => (
          <tr key={version.id} class={version.status === 'refused' ? 'row-error' : undefined}>
            <th scope="row">{version.version}</th>
            <td>{formatInstant(version.receivedAt, timeZone, language)}</td>
            <td>{version.pages}</td>
            <td>
              <VersionBadges version={version} deliverable={deliverable} />
              <Reasons version={version} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where a deliverable stands, in words. */
export function StateBadge({ deliverable }: { deliverable: DeliverableView }) {
  const t = useMessages(CANDIDATE);
  if (deliverable.state === 'accepted') return <span class="badge badge-ok">{deliverable.late ? `${t.stateAccepted} — ${t.late}` : t.stateAccepted}</span>;
  if (deliverable.state === 'refused') return <span class="badge badge-error">{t.stateRefused}</span>;
  return <span class="badge badge-warn">{t.stateMissing}</span>;
}
