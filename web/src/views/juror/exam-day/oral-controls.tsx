import type { ExamRecord } from '../../../../../shared/use-cases/exam-day/records';
import { useAction } from '../../../app/api';
import { useRetryKeys } from '../../../app/retry-keys';
import { formatTime } from '../../../i18n/format';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { DataTable } from '../../../ui/data-table';
import { Busy, ProblemNotice } from '../../../ui/problem';
import { JUROR } from '../messages';

type OralAction = 'start' | 'end-segment';

function StampedSegments({ oral, timeZone }: { oral: NonNullable<ExamRecord['oral']>; timeZone: string }) {
  const t = useMessages(JUROR);
  const { language } = useLanguage();
  const time = (iso: string | undefined) => (iso ? formatTime(iso, timeZone, language) : t.notYet);
  return (
    <DataTable
      caption={t.oralSegmentsCaption}
      columns={[
        { header: t.colSegment, rowHeader: true, cell: (s) => t.segmentName(s.segmentId, s.name) },
        { header: t.colPlannedEnd, cell: (s) => time(s.plannedEndAt) },
        { header: t.colStarted, cell: (s) => time(s.startedAt) },
        { header: t.colEnded, cell: (s) => time(s.endedAt) },
      ]}
      rows={oral.segments}
      rowKey={(s) => s.segmentId}
    />
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
  const keys = useRetryKeys();
  const action = useAction((client, what: OralAction, key: string) => client.runOral(sessionId, registrationId, what, { idempotencyKey: key }), onChanged);
  const run = async (what: OralAction) => {
    const payload = `${registrationId}|${what}`;
    if (await action.run(what, keys.keyFor(payload))) keys.succeeded(payload);
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
