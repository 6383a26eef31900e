import type { ScheduleView } from '../../../../../shared/use-cases/exam-day/schedule';
import { formatTime } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { JUROR } from '../messages';
import { minutesBetween } from '../time';

/** EXAM-1: the day's order, each oral's segments and the deliberation after it, in the session's zone with its offset. */
export function ScheduleTable({ schedule, current }: { schedule: ScheduleView; current: string | undefined }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const time = (iso: string) => formatTime(iso, schedule.timeZone, language);
  return (
    <>
      <p>{schedule.fixed ? t.scheduleFixed : t.scheduleOpen}</p>
      <table class="juror-schedule">
        <caption>{t.scheduleCaption(schedule.timeZone)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colOrder}</th>
            <th scope="col">{t.colCandidate}</th>
            <th scope="col">{t.colOral}</th>
            <th scope="col">{t.colSegments}</th>
            <th scope="col">{t.colDeliberation}</th>
            <th scope="col">{t.colExtra}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.slots.map((slot) => (
            <tr key={slot.registrationId} class={slot.registrationId === current ? 'juror-current' : undefined}>
              <td>{slot.order}</td>
              <th scope="row">
                {slot.candidateName}
                {slot.registrationId === current && (
                  <>
                    {' '}
                    <span class="badge badge-warn">{t.current}</span>
                  </>
                )}
              </th>
              <td>{t.fromTo(time(slot.startAt), time(slot.examEndAt))}</td>
              <td>
                <ul class="juror-segments">
                  {slot.segments.map((s) => (
                    <li key={s.id}>
                      {t.segmentName(s.id, s.name)} ({t.minutes(minutesBetween(s.startAt, s.endAt))})
                    </li>
                  ))}
                </ul>
              </td>
              <td>{time(slot.deliberationEndAt)}</td>
              <td>{slot.extraMinutes > 0 ? t.minutes(slot.extraMinutes) : t.noExtra}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
