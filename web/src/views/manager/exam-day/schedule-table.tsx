import type { ScheduleView } from '../../../../../shared/use-cases/exam-day/schedule';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant, formatTime } from '../../../i18n/format';
import { MANAGER_EXAM } from '../messages';
import { TableScroll } from '../table-scroll';

/** The day's schedule (EXAM-1): each candidate's slot, the oral's segments, the end of the oral and of the deliberation, extra time (EXAM-2). */
export function ScheduleTable({ schedule, current }: { schedule: ScheduleView; current: string | undefined }) {
  const t = useMessages(MANAGER_EXAM);
  const { language } = useLanguage();
  const zone = schedule.timeZone;
  return (
    <>
      <p>
        {t.startsAt(formatInstant(schedule.startsAt, zone, language))} {schedule.fixed ? <span class="badge badge-neutral">{t.orderFixed}</span> : <span class="badge badge-ok">{t.orderOpen}</span>}
      </p>
      <TableScroll label={t.scheduleCaption}>
        <table>
          <caption>{t.scheduleCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.order}</th>
              <th scope="col">{t.candidate}</th>
              <th scope="col">{t.segments}</th>
              <th scope="col">{t.examEnd}</th>
              <th scope="col">{t.deliberationEnd}</th>
            </tr>
          </thead>
          <tbody>
            {schedule.slots.map((slot) => (
              <tr key={slot.registrationId} {...(slot.registrationId === current ? { 'aria-current': 'true' as const, class: 'manager-row-current' } : {})}>
                <td>{slot.order}</td>
                <th scope="row">
                  {slot.candidateName}
                  {slot.registrationId === current && <span class="badge badge-warn">{t.calledBadge}</span>}
                  {slot.extraMinutes > 0 && <span class="badge badge-neutral">{t.extraTime(slot.extraMinutes)}</span>}
                </th>
                <td>
                  <ul class="manager-plain-list">
                    {slot.segments.map((s) => (
                      <li key={s.id}>
                        {formatTime(s.startAt, zone, language)} – {formatTime(s.endAt, zone, language)} : {s.name}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{formatTime(slot.examEndAt, zone, language)}</td>
                <td>{formatTime(slot.deliberationEndAt, zone, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
