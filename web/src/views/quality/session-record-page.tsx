import type { IncidentRecord } from '../../../../shared/use-cases/exam-day/records';
import { useLoad } from '../../app/api';
import { href } from '../../app/router';
import { formatDate, formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { LoadedView } from '../../ui/loaded';
import { ArchiveExportButton } from './archive-export';
import { AreaNav } from './area-nav';
import { Decisions } from './decisions';
import { QUALITY } from './messages';
import { PvSeal } from './pv-seal';
import { candidateName, jurorName, readSessionContext, type SessionContext } from './session-context';
import { useSessionName } from './session-name';

function SessionFacts({ context }: { context: SessionContext }) {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  const { session } = context;
  return (
    <dl class="facts">
      <dt>{t.date}</dt>
      <dd>{formatDate(session.sessionDate, language)}</dd>
      <dt>{t.title}</dt>
      <dd>{session.titleCode}</dd>
      <dt>{t.centreId}</dt>
      <dd>{session.centreId}</dd>
      <dt>{t.address}</dt>
      <dd>{session.address}</dd>
      <dt>{t.timeZone}</dt>
      <dd>{session.timeZone}</dd>
      <dt>{t.status}</dt>
      <dd>
        <span class={`badge ${session.status === 'annulled' ? 'badge-error' : 'badge-neutral'}`}>{t.statusLabel(session.status)}</span>
      </dd>
      {session.sealedAt && (
        <>
          <dt>{t.sealedAt}</dt>
          <dd>{formatInstant(session.sealedAt, session.timeZone, language)}</dd>
        </>
      )}
      {session.annulment && (
        <>
          <dt>{t.annulment}</dt>
          <dd>{formatInstant(session.annulment.decidedAt, session.timeZone, language)}</dd>
          <dt>{t.annulmentReason}</dt>
          <dd>{session.annulment.reason}</dd>
        </>
      )}
    </dl>
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
        <table aria-label={t.incidentsTitle}>
          <thead>
            <tr>
              <th scope="col">{t.when}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.who}</th>
              <th scope="col">{t.reportedBy}</th>
              <th scope="col">{t.routedTo}</th>
              <th scope="col">{t.what}</th>
            </tr>
          </thead>
          <tbody>
            {context.incidents.map((incident) => (
              <tr key={incident.id}>
                <th scope="row">{formatInstant(incident.reportedAt, context.session.timeZone, language)}</th>
                <td>{t.kindLabel(incident.kind)}</td>
                <td>{[jurorName(context, incident.jurorId), candidateName(context, incident.registrationId)].filter(Boolean).join(', ') || t.unknown}</td>
                <td>{reporter(incident)}</td>
                <td>
                  {incident.routedTo === 'quality-committee' ? t.routedCommittee : t.routedManager}
                  {incident.decisionId && <span class="badge badge-ok">{t.decidedBadge}</span>}
                </td>
                <td>
                  <p class="quality-case-summary">{incident.description}</p>
                  <p class="muted" data-rule={incident.notice.ruleId}>
                    {incident.notice.message}
                  </p>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
      <table aria-label={t.peopleTitle}>
        <thead>
          <tr>
            <th scope="col">{t.candidate}</th>
            <th scope="col">{t.archiveTitle}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <th scope="row">{person.name}</th>
              <td>
                <ArchiveExportButton compact label={t.exportPerson(person.name)} exportWith={(client) => client.exportPerson(person.userId)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
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
