import type { SlotView } from '../../../../../shared/use-cases/exam-day/schedule';
import { useLoad } from '../../../app/api';
import { formatTime, minutesBetween } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { DataTable } from '../../../ui/data-table';
import { ProblemNotice } from '../../../ui/problem';
import { JUROR } from '../messages';
import { OralControls } from './oral-controls';

type Segment = SlotView['segments'][number];

function PlannedSegments({ slot, timeZone, now }: { slot: SlotView; timeZone: string; now: number }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const time = (iso: string) => formatTime(iso, timeZone, language);
  const running = (s: Segment) => now >= new Date(s.startAt).getTime() && now < new Date(s.endAt).getTime();
  return (
    <DataTable
      caption={t.plannedSegments(slot.candidateName)}
      columns={[
        {
          header: t.colSegment,
          rowHeader: true,
          cell: (s) => (
            <>
              {t.segmentName(s.id, s.name)}
              {running(s) && (
                <>
                  {' '}
                  <span class="badge badge-warn">{t.segmentNow}</span>
                </>
              )}
            </>
          ),
        },
        { header: t.colFrom, cell: (s) => time(s.startAt) },
        { header: t.colTo, cell: (s) => time(s.endAt) },
        { header: t.colMinutes, cell: (s) => t.minutes(minutesBetween(s.startAt, s.endAt)) },
      ]}
      rows={slot.segments}
      rowKey={(s) => s.id}
      rowAttributes={(s) => ({ class: running(s) ? 'juror-current' : undefined })}
    />
  );
}

/**
 * The candidate the jury hears now: their stage (as the API states it, read from their grid), the
 * oral's planned segments with the one the clock is in, and the oral's clock for the jury.
 */
export function CurrentCandidate({ sessionId, registrationId, slot, timeZone, now, tick }: { sessionId: string; registrationId: string; slot: SlotView | undefined; timeZone: string; now: number; tick: number }) {
  const t = useMessages(JUROR);
  const grid = useLoad((client) => client.grid(sessionId, registrationId), [registrationId, tick]);
  const name = grid.data?.grid.candidateName ?? slot?.candidateName ?? registrationId;
  const stage = grid.data?.grid.stage;
  return (
    <section class="card juror-now" aria-labelledby="juror-now">
      <h3 id="juror-now">{t.currentTitle(name)}</h3>
      {grid.problem?.status === 403 ? (
        <p class="notice notice-warn">
          {t.notYourCandidate} {grid.problem.error.message}
        </p>
      ) : (
        <ProblemNotice problem={grid.problem} onRetry={grid.reload} />
      )}
      {stage && (
        <p>
          <span class="badge badge-neutral">{t.gridStage(stage)}</span>
        </p>
      )}
      {slot && <PlannedSegments slot={slot} timeZone={timeZone} now={now} />}
      {stage && ['present', 'in-oral', 'oral-ended'].includes(stage) && <OralControls sessionId={sessionId} registrationId={registrationId} stage={stage} timeZone={timeZone} onChanged={grid.reload} />}
    </section>
  );
}
