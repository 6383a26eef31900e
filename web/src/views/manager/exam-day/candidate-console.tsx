import { useState } from 'preact/hooks';
import type { RequestBody } from '../../../../../client/certiflow-client';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import type { CandidateStage } from '../../../../../shared/domain/exam-progress';
import type { ExamRecord } from '../../../../../shared/use-cases/exam-day/records';
import type { SlotView } from '../../../../../shared/use-cases/exam-day/schedule';
import { useAction } from '../../../app/api';
import { useRetryKeys } from '../../../app/retry-keys';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatTime } from '../../../i18n/format';
import { DataTable } from '../../../ui/data-table';
import { Busy, ProblemNotice } from '../../../ui/problem';
import { SubmitForm } from '../action-form';
import { fieldErrors, TextField } from '../fields';
import { MANAGER_EXAM } from '../messages';

type CheckInBody = RequestBody<'/sessions/{sessionId}/candidates/{registrationId}/check-in', 'post'>;

/**
 * A candidate's day only moves forward: of the stage this page last recorded and the one the
 * schedule last read (someone else may have acted since), the later is the fresher.
 */
const STAGE_RANK: Record<CandidateStage, number> = { expected: 0, present: 1, absent: 1, 'in-oral': 2, 'oral-ended': 3, deliberated: 4 };

function OralProgress({ exam, timeZone }: { exam: ExamRecord; timeZone: string }) {
  const t = useMessages(MANAGER_EXAM);
  const { language } = useLanguage();
  if (!exam.oral) return null;
  const time = (iso: string | undefined) => (iso ? formatTime(iso, timeZone, language) : '—');
  return (
    <DataTable
      caption={t.oralCaption(time(exam.oral.startedAt), time(exam.oral.plannedEndAt))}
      columns={[
        { header: t.segment, rowHeader: true, cell: (s) => s.name },
        {
          header: t.planned,
          cell: (s) => (
            <>
              {time(s.plannedStartAt)} – {time(s.plannedEndAt)}
            </>
          ),
        },
        {
          header: t.actual,
          cell: (s) => (
            <>
              {time(s.startedAt)} – {s.endedAt ? time(s.endedAt) : s.startedAt ? t.running : '—'}
            </>
          ),
        },
      ]}
      rows={exam.oral.segments}
      rowKey={(s) => s.segmentId}
    />
  );
}

/**
 * One candidate on the exam day: check-in, once (present, absent, late allowed or refused: EXAM-3,
 * EXAM-4), the identity check of a remote session (EXAM-5), the oral's clock (start, once the
 * candidate is called and present; end of the running segment, while the oral runs: EXAM-1,
 * EXAM-2). The server stamps every time; a refusal says which rule.
 */
export function CandidateConsole({ session, slot, exam, called, active, onRecorded }: { session: SessionView; slot: SlotView; exam: ExamRecord | undefined; called: boolean; active: boolean; onRecorded(exam: ExamRecord): void }) {
  const t = useMessages(MANAGER_EXAM);
  const { language } = useLanguage();
  const keys = useRetryKeys();
  const [method, setMethod] = useState('');
  const id = slot.registrationId;
  const done = ({ exam: next }: { exam: ExamRecord }) => onRecorded(next);
  const checkIn = useAction((client, body: CheckInBody) => client.checkIn(session.id, id, body, { idempotencyKey: keys.keyFor(`check-in ${JSON.stringify(body)}`) }), done);
  const identity = useAction((client) => client.checkIdentity(session.id, id, { method }), done);
  const oral = useAction((client, action: 'start' | 'end-segment') => client.runOral(session.id, id, action, { idempotencyKey: keys.keyFor(`oral ${action} ${exam?.oral?.segments.filter((s) => s.endedAt).length ?? 0}`) }), (answer) => {
    keys.succeeded(`oral end-segment ${exam?.oral?.segments.filter((s) => s.endedAt).length ?? 0}`);
    done(answer);
  });
  const only = <A extends unknown[]>(action: { run(...args: A): Promise<unknown> }, ...args: A) => {
    for (const other of [checkIn, identity, oral]) if (other !== (action as unknown)) other.clear();
    void action.run(...args);
  };
  const problem = checkIn.problem ?? identity.problem ?? oral.problem;
  const running = checkIn.running || identity.running || oral.running;
  const errors = fieldErrors(identity.problem);
  // EXAM-4: a candidate checks in once. EXAM-1: the oral starts when the workflow has called this candidate, present; a segment ends while the oral runs.
  const stage = exam && STAGE_RANK[exam.stage] > STAGE_RANK[slot.stage] ? exam.stage : slot.stage;
  const canStart = called && stage === 'present';
  const canEndSegment = stage === 'in-oral';
  return (
    <section class="card manager-card" aria-labelledby={`console-${id}`}>
      <h3 id={`console-${id}`}>
        {slot.order}. {slot.candidateName} {called && <span class="badge badge-warn">{t.calledBadge}</span>}
      </h3>
      <p>
        {t.slot(formatTime(slot.startAt, session.timeZone, language), formatTime(slot.examEndAt, session.timeZone, language))}
        {` — ${t.stage(stage)}`}
        {exam?.checkIn && ` — ${t.checkedInAt(formatTime(exam.checkIn.at, session.timeZone, language))}${exam.checkIn.late ? ` (${t.lateDecision(exam.checkIn.decision ?? 'allowed')})` : ''}`}
      </p>
      {exam?.absence && <p class="notice notice-warn">{exam.absence.message}</p>}
      {active && (
        <>
          {stage === 'expected' && (
            <div role="group" aria-label={t.checkInGroup(slot.candidateName)} class="row">
              <button type="button" disabled={running} onClick={() => only(checkIn, { status: 'present' })}>
                {t.present}
              </button>
              <button type="button" class="secondary" disabled={running} onClick={() => only(checkIn, { status: 'present', decision: 'allowed' })}>
                {t.lateAllowed}
              </button>
              <button type="button" class="secondary" disabled={running} onClick={() => only(checkIn, { status: 'present', decision: 'refused' })}>
                {t.lateRefused}
              </button>
              <button type="button" class="secondary" disabled={running} onClick={() => only(checkIn, { status: 'absent' })}>
                {t.absent}
              </button>
            </div>
          )}
          {session.remote && (
            <SubmitForm class="row" onSubmit={() => only(identity)}>
              <TextField id={`identity-${id}`} label={t.identityMethod(slot.candidateName)} hint={t.identityHint} value={method} onValue={setMethod} error={errors.method} required />
              <button type="submit" disabled={running}>
                {t.identityButton}
              </button>
            </SubmitForm>
          )}
          {exam?.identityCheck && <p>{t.identityChecked(exam.identityCheck.method, formatTime(exam.identityCheck.checkedAt, session.timeZone, language))}</p>}
          {(canStart || canEndSegment) && (
            <div role="group" aria-label={t.oralGroup(slot.candidateName)} class="row">
              {canStart && (
                <button type="button" disabled={running} onClick={() => only(oral, 'start' as const)}>
                  {t.startOral}
                </button>
              )}
              {canEndSegment && (
                <button type="button" disabled={running} onClick={() => only(oral, 'end-segment' as const)}>
                  {t.endSegment}
                </button>
              )}
            </div>
          )}
        </>
      )}
      {exam && <OralProgress exam={exam} timeZone={session.timeZone} />}
      {running && <Busy label={t.recording} />}
      <ProblemNotice problem={problem} />
    </section>
  );
}
