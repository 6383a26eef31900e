import type { RegistrationIntake } from '../../../../shared/use-cases/deliverables/intake-status';
import { countdown, formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { Facts } from '../../ui/facts';
import { CANDIDATE } from './messages';
import { useNow } from '../../app/server-clock';

/** The intake deadline (DELIV-4) in the session's zone with its offset, and the time left, counted down every minute (none once the API says the set is frozen). */
export function Deadline({ intake }: { intake: RegistrationIntake }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const now = useNow();
  const left = intake.frozen ? null : countdown(intake.deadline.closesAt, now, language);
  return (
    <div class="candidate-deadline">
      <Facts facts={[[t.deadline, formatInstant(intake.deadline.closesAt, intake.deadline.timeZone, language), { 'data-testid': 'deadline' }], left && [t.timeLeft, left, { class: 'clock', 'data-testid': 'countdown' }]]} />
      <p class="muted">{t.deadlineWhy}</p>
      {!left && <p class="notice notice-warn">{t.deadlinePast}</p>}
      {intake.frozen && <p class="notice notice-warn">{t.frozen}</p>}
    </div>
  );
}
