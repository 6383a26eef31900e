import type { MyRegistration } from '../../../../shared/use-cases/candidates/read-registrations';
import type { ScheduleView } from '../../../../shared/use-cases/exam-day/schedule';
import { useLoad } from '../../app/api';
import { formatInstant, formatTime } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { Facts } from '../../ui/facts';
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
      <Facts
        facts={[
          [t.order, slot.order],
          [t.oralStarts, formatInstant(slot.startAt, zone, language), { class: 'clock', 'data-testid': 'slot-start' }],
          [t.oralEnds, formatTime(slot.examEndAt, zone, language)],
          slot.extraMinutes > 0 && [t.extraTime, t.extraMinutes(slot.extraMinutes)],
        ]}
      />
      <p class={schedule.fixed ? 'muted' : 'notice notice-warn'}>{schedule.fixed ? t.slotFixed : t.slotNotFixed}</p>
      <DataTable
        caption={t.segments}
        columns={[
          { header: t.segment, rowHeader: true, cell: (segment) => segment.name },
          { header: t.from, cell: (segment) => formatTime(segment.startAt, zone, language) },
          { header: t.to, cell: (segment) => formatTime(segment.endAt, zone, language) },
        ]}
        rows={slot.segments}
        rowKey={(segment) => segment.id}
      />
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
            <Facts
              facts={[
                [t.dayStarts, formatInstant(schedule.startsAt, schedule.timeZone, language)],
                [t.address, registration.session.address],
              ]}
            />
            <p class="muted">{t.timeZoneNote(schedule.timeZone)}</p>
            <Slot schedule={schedule} />
          </>
        )}
      </LoadedView>
    </>
  );
}
