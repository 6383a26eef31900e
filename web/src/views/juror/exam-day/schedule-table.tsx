import type { ScheduleView } from '../../../../../shared/use-cases/exam-day/schedule';
import { formatTime, minutesBetween } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { DataTable } from '../../../ui/data-table';
import { JUROR } from '../messages';

/** EXAM-1: the day's order, each oral's segments and the deliberation after it, in the session's zone with its offset. */
export function ScheduleTable({ schedule, current }: { schedule: ScheduleView; current: string | undefined }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const time = (iso: string) => formatTime(iso, schedule.timeZone, language);
  return (
    <>
      <p>{schedule.fixed ? t.scheduleFixed : t.scheduleOpen}</p>
      <DataTable
        class="juror-schedule"
        caption={t.scheduleCaption(schedule.timeZone)}
        columns={[
          { header: t.colOrder, cell: (slot) => slot.order },
          {
            header: t.colCandidate,
            rowHeader: true,
            cell: (slot) => (
              <>
                {slot.candidateName}
                {slot.registrationId === current && (
                  <>
                    {' '}
                    <span class="badge badge-warn">{t.current}</span>
                  </>
                )}
              </>
            ),
          },
          { header: t.colOral, cell: (slot) => t.fromTo(time(slot.startAt), time(slot.examEndAt)) },
          {
            header: t.colSegments,
            cell: (slot) => (
              <ul class="juror-segments">
                {slot.segments.map((s) => (
                  <li key={s.id}>
                    {t.segmentName(s.id, s.name)} ({t.minutes(minutesBetween(s.startAt, s.endAt))})
                  </li>
                ))}
              </ul>
            ),
          },
          { header: t.colDeliberation, cell: (slot) => time(slot.deliberationEndAt) },
          { header: t.colExtra, cell: (slot) => (slot.extraMinutes > 0 ? t.minutes(slot.extraMinutes) : t.noExtra) },
        ]}
        rows={schedule.slots}
        rowKey={(slot) => slot.registrationId}
        rowAttributes={(slot) => ({ class: slot.registrationId === current ? 'juror-current' : undefined })}
      />
    </>
  );
}
