import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useLoad } from '../../../app/api';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant } from '../../../i18n/format';
import { DataTable } from '../../../ui/data-table';
import { LoadedView } from '../../../ui/loaded';
import { MANAGER_INTAKE } from '../messages';
import { CandidateIntake } from './candidate-intake';

/** The intake tab: the deadline (DELIV-4), who is complete, and each candidate's deliverables with the late ones to decide (DELIV-5). */
export function IntakeTab({ session }: { session: SessionView }) {
  const t = useMessages(MANAGER_INTAKE);
  const { language } = useLanguage();
  const summary = useLoad((client) => client.intakeSummary(session.id), [session.id]);
  return (
    <LoadedView loaded={summary}>
      {({ intake }) => (
        <>
          <h2>{t.summaryHeading}</h2>
          <p class="notice notice-warn">{t.deadline(formatInstant(intake.deadline.closesAt, intake.timeZone, language))}</p>
          <p>
            {intake.frozen ? <span class="badge badge-neutral">{t.frozen}</span> : <span class="badge badge-ok">{t.open}</span>} {t.completeCount(intake.complete, intake.candidates.length)}
          </p>
          {intake.candidates.length === 0 ? (
            <p>{t.noCandidates}</p>
          ) : (
            <DataTable
              caption={t.summaryCaption}
              columns={[
                { header: t.candidate, rowHeader: true, cell: (c) => c.candidateName },
                { header: t.complete, cell: (c) => (c.complete ? <span class="badge badge-ok">{t.yes}</span> : <span class="badge badge-error">{t.no}</span>) },
                { header: t.missing, cell: (c) => c.missing.map((d) => t.deliverable(d)).join(', ') || '—' },
                { header: t.late, cell: (c) => c.late.map((d) => t.deliverable(d)).join(', ') || '—' },
                { header: t.refused, cell: (c) => c.refusedVersions },
              ]}
              rows={intake.candidates}
              rowKey={(c) => c.registrationId}
            />
          )}
          <h2>{t.perCandidateHeading}</h2>
          {intake.candidates.map((c) => (
            <CandidateIntake key={c.registrationId} sessionId={session.id} registrationId={c.registrationId} name={c.candidateName} />
          ))}
        </>
      )}
    </LoadedView>
  );
}
