import { useNow } from '../../../app/server-clock';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { MANAGER_EXAM } from '../messages';
import { clockReading } from '../../../i18n/format';

/** A running clock in the session's own zone, with its offset (`role="timer"`: not announced every second). */
export function SessionClock({ timeZone }: { timeZone: string }) {
  const t = useMessages(MANAGER_EXAM);
  const { language } = useLanguage();
  const now = useNow(1000);
  return (
    <p class="manager-clock-line">
      <span id="session-clock-label">{t.clockLabel(timeZone)}</span>{' '}
      <span class="clock" role="timer" aria-labelledby="session-clock-label">
        {clockReading(now, timeZone, language)}
      </span>
    </p>
  );
}
