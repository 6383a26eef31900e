import type { ExamRecord } from '../../../../../shared/use-cases/exam-day/records';
import { useAction } from '../../../app/api';
import { formatTime } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { Busy, ProblemNotice } from '../../../ui/problem';
import { useKeys } from '../keys';
import { JUROR } from '../messages';

type OralAction = 'start' | 'end-segment';

function StampedSegments({ oral, timeZone }: { oral: NonNullable<ExamRecord['oral']>; timeZone: string }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const time = (iso: string | undefined) => (iso ? formatTime(iso, timeZone, language) : t.notYet);
  return (
    <table>
      <caption>{t.oralSegmentsCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.colSegment}</th>
          <th scope="col">{t.colPlannedEnd}</th>
          <th scope="col">{t.colStarted}</th>
          <th scope="col">{t.colEnded}</th>
        </tr>
      </thead>
      <tbody>
        {oral.segments.map((s) => (
          <tr key={s.segmentId}>
            <th scope="row">{t.segmentName(s.segmentId, s.name)}</th>
            <td>{time(s.plannedEndAt)}</td>
            <td>{time(s.startedAt)}</td>
            <td>{time(s.endedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The oral's clock as the jury runs it (EXAM-1, EXAM-2): start it, end the running segment. The
 * server stamps each instant and refuses a segment ended early or an oral lengthened; its
 * sentence shows.
 */
export function OralControls({ sessionId, registrationId, stage, timeZone, onChanged }: { sessionId: string; registrationId: string; stage: string; timeZone: string; onChanged(): void }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const keys = useKeys();
  const action = useAction((client, what: OralAction, key: string) => client.runOral(sessionId, registrationId, what, { idempotencyKey: key }), onChanged);
  const run = async (what: OralAction) => {
    const payload = `${registrationId}|${what}`;
    if (await action.run(what, keys.keyFor(payload))) keys.spend(payload);
  };
  const oral = action.done?.exam.oral;
  const canAct = stage === 'present' || stage === 'in-oral';
  if (!canAct && !oral && !action.problem) return null;
  return (
    <div class="juror-oral">
      <h4>{t.oralClock}</h4>
      <div class="row">
        {stage === 'present' && (
          <button type="button" disabled={action.running} onClick={() => void run('start')}>
            {t.startOral}
          </button>
        )}
        {stage === 'in-oral' && (
          <button type="button" disabled={action.running} onClick={() => void run('end-segment')}>
            {t.endSegment}
          </button>
        )}
      </div>
      {action.running && <Busy />}
      <ProblemNotice problem={action.problem} />
      {oral && (
        <div role="status">
          <p>
            {t.oralStarted(formatTime(oral.startedAt, timeZone, language))}
            {oral.endedAt && ` ${t.oralEnded(formatTime(oral.endedAt, timeZone, language))}`}
          </p>
        </div>
      )}
      {oral && <StampedSegments oral={oral} timeZone={timeZone} />}
    </div>
  );
}
