import type { ScheduleView } from '../../../../../shared/use-cases/exam-day/schedule';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant, formatTime } from '../../../i18n/format';
import { DataTable } from '../../../ui/data-table';
import { MANAGER_EXAM } from '../messages';

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
      <DataTable
        caption={t.scheduleCaption}
        columns={[
          { header: t.order, cell: (slot) => slot.order },
          {
            header: t.candidate,
            rowHeader: true,
            cell: (slot) => (
              <>
                {slot.candidateName}
                {slot.registrationId === current && <span class="badge badge-warn">{t.calledBadge}</span>}
                {slot.extraMinutes > 0 && <span class="badge badge-neutral">{t.extraTime(slot.extraMinutes)}</span>}
              </>
            ),
          },
          {
            header: t.segments,
            cell: (slot) => (
              <ul class="manager-plain-list">
                {slot.segments.map((s) => (
                  <li key={s.id}>
                    {formatTime(s.startAt, zone, language)} – {formatTime(s.endAt, zone, language)} : {s.name}
                  </li>
                ))}
              </ul>
            ),
          },
          { header: t.examEnd, cell: (slot) => formatTime(slot.examEndAt, zone, language) },
          { header: t.deliberationEnd, cell: (slot) => formatTime(slot.deliberationEndAt, zone, language) },
        ]}
        rows={schedule.slots}
        rowKey={(slot) => slot.registrationId}
        rowAttributes={(slot) => (slot.registrationId === current ? { 'aria-current': 'true', class: 'manager-row-current' } : {})}
      />
    </>
  );
}
