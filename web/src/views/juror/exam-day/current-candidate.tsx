import type { SlotView } from '../../../../../shared/use-cases/exam-day/schedule';
import { useLoad } from '../../../app/api';
import { formatTime } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { ProblemNotice } from '../../../ui/problem';
import { JUROR } from '../messages';
import { minutesBetween } from '../time';
import { OralControls } from './oral-controls';

function PlannedSegments({ slot, timeZone, now }: { slot: SlotView; timeZone: string; now: number }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const time = (iso: string) => formatTime(iso, timeZone, language);
  return (
    <table>
      <caption>{t.plannedSegments(slot.candidateName)}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colSegment}</th>
          <th scope="col">{t.colFrom}</th>
          <th scope="col">{t.colTo}</th>
          <th scope="col">{t.colMinutes}</th>
        </tr>
      </thead>
      <tbody>
        {slot.segments.map((s) => {
          const running = now >= new Date(s.startAt).getTime() && now < new Date(s.endAt).getTime();
          return (
            <tr key={s.id} class={running ? 'juror-current' : undefined}>
              <th scope="row">
                {t.segmentName(s.id, s.name)}
                {running && (
                  <>
                    {' '}
                    <span class="badge badge-warn">{t.segmentNow}</span>
                  </>
                )}
              </th>
              <td>{time(s.startAt)}</td>
              <td>{time(s.endAt)}</td>
              <td>{t.minutes(minutesBetween(s.startAt, s.endAt))}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
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
