import type { SessionStatus } from '../../../../shared/use-cases/sessions/records';
import { useMessages } from '../../i18n/i18n';
import { QUALITY } from './messages';

/** A session's status in words, on a badge that is red once the session is annulled. */
export function StatusBadge({ status }: { status: SessionStatus }) {
  const t = useMessages(QUALITY);
  return <span class={`badge ${status === 'annulled' ? 'badge-error' : 'badge-neutral'}`}>{t.statusLabel(status)}</span>;
}
