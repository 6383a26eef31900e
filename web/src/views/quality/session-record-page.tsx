import type { IncidentRecord } from '../../../../shared/use-cases/exam-day/records';
import { useLoad } from '../../app/api';
import { href } from '../../app/router';
import { formatDate, formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { Facts } from '../../ui/facts';
import { LoadedView } from '../../ui/loaded';
import { ArchiveExportButton } from './archive-export';
import { AreaNav } from './area-nav';
import { Decisions } from './decisions';
import { QUALITY } from './messages';
import { PvSeal } from './pv-seal';
import { candidateName, jurorName, readSessionContext, type SessionContext } from './session-context';
import { StatusBadge } from './status-badge';
import { useSessionName } from '../shared/session';

function SessionFacts({ context }: { context: SessionContext }) {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  const { session } = context;
  return (
    <Facts
      facts={[
        [t.date, formatDate(session.sessionDate, language)],
        [t.title, session.titleCode],
        [t.centreId, session.centreId],
        [t.address, session.address],
        [t.timeZone, session.timeZone],
        [t.status, <StatusBadge status={session.status} />],
        session.sealedAt && [t.sealedAt, formatInstant(session.sealedAt, session.timeZone, language)],
        session.annulment && [t.annulment, formatInstant(session.annulment.decidedAt, session.timeZone, language)],
        session.annulment && [t.annulmentReason, session.annulment.reason],
      ]}
    />
  );
}

function Incidents({ context }: { context: SessionContext }) {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  const reporter = (incident: IncidentRecord) =>
    incident.reportedBy.role === 'juror' ? t.juror(jurorName(context, incident.reportedBy.jurorId) ?? incident.reportedBy.jurorId) : `${t.sessionManager} (${incident.reportedBy.userId})`;
  return (
    <section aria-labelledby="incidents">
      <h2 id="incidents">{t.incidentsTitle}</h2>
      {context.incidents.length === 0 ? (
        <p>{t.noIncident}</p>
      ) : (
        <DataTable
          label={t.incidentsTitle}
          columns={[
            { header: t.when, rowHeader: true, cell: (incident) => formatInstant(incident.reportedAt, context.session.timeZone, language) },
            { header: t.kind, cell: (incident) => t.kindLabel(incident.kind) },
            { header: t.who, cell: (incident) => [jurorName(context, incident.jurorId), candidateName(context, incident.registrationId)].filter(Boolean).join(', ') || t.unknown },
            { header: t.reportedBy, cell: reporter },
            {
              header: t.routedTo,
              cell: (incident) => (
                <>
                  {incident.routedTo === 'quality-committee' ? t.routedCommittee : t.routedManager}
                  {incident.decisionId && <span class="badge badge-ok">{t.decidedBadge}</span>}
                </>
              ),
            },
            {
              header: t.what,
              cell: (incident) => (
                <>
                  <p class="quality-case-summary">{incident.description}</p>
                  <p class="muted" data-rule={incident.notice.ruleId}>
                    {incident.notice.message}
                  </p>
                </>
              ),
            },
          ]}
          rows={context.incidents}
          rowKey={(incident) => incident.id}
        />
      )}
    </section>
  );
}

function PeopleExports({ context }: { context: SessionContext }) {
  const t = useMessages(QUALITY);
  const people = context.registrations.flatMap((r) => ('userId' in r.candidate ? [{ id: r.id, userId: r.candidate.userId, name: `${r.candidate.firstName} ${r.candidate.lastName}` }] : []));
  if (people.length === 0) return null;
  return (
    <section aria-labelledby="people">
      <h2 id="people">{t.peopleTitle}</h2>
      <DataTable
        label={t.peopleTitle}
        columns={[
          { header: t.candidate, rowHeader: true, cell: (person) => person.name },
          { header: t.archiveTitle, cell: (person) => <ArchiveExportButton compact label={t.exportPerson(person.name)} exportWith={(client) => client.exportPerson(person.userId)} /> },
        ]}
        rows={people}
        rowKey={(person) => person.id}
      />
    </section>
  );
}

/** A session's record for the committee: its facts, the committee's decisions, its incidents, the PV's seal, and the exports of its sealed records. */
export function SessionRecordPage({ sessionId }: { sessionId: string }) {
  const t = useMessages(QUALITY);
  const name = useSessionName();
  const loaded = useLoad((client) => readSessionContext(client, sessionId), [sessionId]);
  return (
    <>
      <AreaNav current={undefined} />
      <LoadedView loaded={loaded}>
        {(context) => (
          <>
            <h1>{t.recordTitle(name(context.session))}</h1>
            <p>
              <a href={href('quality')}>{t.back}</a>
            </p>
            <SessionFacts context={context} />
            <Decisions sessionId={sessionId} />
            <PvSeal sessionId={sessionId} />
            <section aria-labelledby="archive">
              <h2 id="archive">{t.archiveTitle}</h2>
              <p>{t.archiveIntro}</p>
              <ArchiveExportButton label={t.exportSession} exportWith={(client) => client.exportSession(sessionId)} />
            </section>
            <PeopleExports context={context} />
            <Incidents context={context} />
          </>
        )}
      </LoadedView>
    </>
  );
}
