import { useLanguage, useMessages } from '../../../i18n/i18n';
import { JUROR } from '../messages';
import { clockReading } from '../../../i18n/format';

/**
 * The running clock in the session's zone, ticking each second. A timer role with live
 * announcements off: a screen reader reads it when asked, never every second.
 */
export function SessionClock({ now, timeZone }: { now: number; timeZone: string }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  return (
    <div class="juror-clock">
      <h3>{t.clockTitle}</h3>
      <p class="clock" role="timer" aria-live="off" aria-atomic="true" aria-label={t.clockLabel(timeZone)}>
        {clockReading(now, timeZone, language)}
      </p>
    </div>
  );
}
