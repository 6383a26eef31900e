import type { SessionStatus } from '../../../../shared/use-cases/sessions/records';
import { useMessages } from '../../i18n/i18n';
import { MANAGER } from './messages';

const TONE: Record<SessionStatus, 'ok' | 'warn' | 'error' | 'neutral'> = {
  planning: 'neutral',
  intake: 'neutral',
  'jury-review': 'neutral',
  'ready-for-exam': 'ok',
  'exam-day': 'warn',
  deliberated: 'warn',
  sealed: 'ok',
  'results-released': 'ok',
  annulled: 'error',
  failed: 'error',
};

/** Where a session stands, in words (the colour only repeats them). */
export function StatusBadge({ status }: { status: SessionStatus }) {
  const t = useMessages(MANAGER);
  return <span class={`badge badge-${TONE[status]}`}>{t.status(status)}</span>;
}
