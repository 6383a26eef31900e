import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import type { ScheduleView } from '../../../../shared/use-cases/exam-day/schedule';
import { useLoad } from '../../app/api';
import { formatInstant, formatTime } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { LoadedView } from '../../ui/loaded';
import { CANDIDATE } from './messages';

function Slot({ schedule }: { schedule: ScheduleView }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const slot = schedule.slots[0];
  if (!slot) return <p class="notice notice-warn">{t.noSlot}</p>;
  const zone = schedule.timeZone;
  return (
    <section aria-labelledby="your-slot">
      <h2 id="your-slot">{t.yourSlot}</h2>
      <dl class="facts">
        <dt>{t.order}</dt>
        <dd>{slot.order}</dd>
        <dt>{t.oralStarts}</dt>
        <dd class="clock" data-testid="slot-start">
          {formatInstant(slot.startAt, zone, language)}
        </dd>
        <dt>{t.oralEnds}</dt>
        <dd>{formatTime(slot.examEndAt, zone, language)}</dd>
        {slot.extraMinutes > 0 && (
          <>
            <dt>{t.extraTime}</dt>
            <dd>{t.extraMinutes(slot.extraMinutes)}</dd>
          </>
        )}
      </dl>
      <p class={schedule.fixed ? 'muted' : 'notice notice-warn'}>{schedule.fixed ? t.slotFixed : t.slotNotFixed}</p>
      <table>
        <caption>{t.segments}</caption>
        <thead>
          <tr>
            <th scope="col">{t.segment}</th>
            <th scope="col">{t.from}</th>
            <th scope="col">{t.to}</th>
          </tr>
        </thead>
        <tbody>
          {slot.segments.map((segment) => (
            <tr key={segment.id}>
              <th scope="row">{segment.name}</th>
              <td>{formatTime(segment.startAt, zone, language)}</td>
              <td>{formatTime(segment.endAt, zone, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The candidate's slot on the exam day, in the session's zone with its offset, once there is one (EXAM-1). */
export function SchedulePage({ registration }: { registration: MyRegistration }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const loaded = useLoad((client) => client.schedule(registration.sessionId), [registration.sessionId]);
  return (
    <>
      <h1>{t.scheduleTitle}</h1>
      <LoadedView loaded={loaded}>
        {({ schedule }) => (
          <>
            <dl class="facts">
              <dt>{t.dayStarts}</dt>
              <dd>{formatInstant(schedule.startsAt, schedule.timeZone, language)}</dd>
              <dt>{t.address}</dt>
              <dd>{registration.session.address}</dd>
            </dl>
            <p class="muted">{t.timeZoneNote(schedule.timeZone)}</p>
            <Slot schedule={schedule} />
          </>
        )}
      </LoadedView>
    </>
  );
}
