import type { RequestBody } from '../../../../../client/certiflow-client';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useAction, useLoad } from '../../../app/api';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant, fromLocalInput } from '../../../i18n/format';
import { LoadedView } from '../../../ui/loaded';
import { ActionForm } from '../action-form';
import { fieldErrors, SelectField, TextArea, TextField } from '../fields';
import { MANAGER_EXAM } from '../messages';
import { RuleItem } from '../rules';
import { useDraft } from '../use-draft';

type IncidentBody = RequestBody<'/sessions/{sessionId}/incidents', 'post'>;
type Kind = IncidentBody['kind'];
const EMPTY = { kind: 'juror-absence' as Kind, jurorId: '', registrationId: '', state: 'avoidable' as 'avoidable' | 'established', from: '', to: '', description: '' };

function bodyOf(form: typeof EMPTY, timeZone: string): IncidentBody {
  const { description } = form;
  if (form.kind === 'juror-absence') {
    return { kind: 'juror-absence', jurorId: form.jurorId, description, ...(form.from ? { from: fromLocalInput(form.from, timeZone) } : {}), ...(form.to ? { to: fromLocalInput(form.to, timeZone) } : {}) };
  }
  if (form.kind === 'late-conflict') return { kind: 'late-conflict', jurorId: form.jurorId, registrationId: form.registrationId, description };
  return { kind: 'breach', state: form.state, description, ...(form.registrationId ? { registrationId: form.registrationId } : {}) };
}

/** The day's incidents (JURY-5, JURY-6, EXAM-6): the list, and reporting one. */
export function Incidents({ session, candidates }: { session: SessionView; candidates: ReadonlyArray<{ id: string; name: string }> }) {
  const t = useMessages(MANAGER_EXAM);
  const { language } = useLanguage();
  const list = useLoad((client) => client.incidents(session.id), [session.id]);
  const { form, key, edit } = useDraft({ ...EMPTY, jurorId: session.jurors[0]?.jurorId ?? '' });
  const report = useAction((client) => client.reportIncident(session.id, bodyOf(form, session.timeZone), { idempotencyKey: key }), () => {
    edit({ description: '', from: '', to: '' });
    list.reload();
  });
  const errors = fieldErrors(report.problem);
  const jurorName = (id: string | undefined) => session.jurors.find((j) => j.jurorId === id);
  const candidateName = (id: string | undefined) => candidates.find((c) => c.id === id)?.name;
  const jurorOptions = session.jurors.map((j) => ({ value: j.jurorId, label: `${j.firstName} ${j.lastName}` }));
  const candidateOptions = candidates.map((c) => ({ value: c.id, label: c.name }));
  return (
    <section aria-labelledby="incidents-heading">
      <h2 id="incidents-heading">{t.incidentsHeading}</h2>
      <LoadedView loaded={list}>
        {({ incidents, timeZone }) =>
          incidents.length === 0 ? (
            <p>{t.noIncidents}</p>
          ) : (
            <ul class="manager-plain-list">
              {incidents.map((i) => {
                const juror = jurorName(i.jurorId);
                return (
                  <li key={i.id} class="card manager-card">
                    <p>
                      <strong>{t.incidentKind(i.kind)}</strong> — {formatInstant(i.reportedAt, timeZone, language)} <span class="badge badge-neutral">{t.routedTo(i.routedTo)}</span>
                      {i.state && <span class="badge badge-warn">{t.breachState(i.state)}</span>}
                    </p>
                    {juror && <p>{t.jurorIs(`${juror.firstName} ${juror.lastName}`)}</p>}
                    {i.registrationId && <p>{t.candidateIs(candidateName(i.registrationId) ?? i.registrationId)}</p>}
                    {(i.from || i.to) && <p>{t.absentBetween(i.from ? formatInstant(i.from, timeZone, language) : '—', i.to ? formatInstant(i.to, timeZone, language) : '—')}</p>}
                    <p>{i.description}</p>
                    <p class="manager-small">
                      <RuleItem rule={i.notice} />
                    </p>
                  </li>
                );
              })}
            </ul>
          )
        }
      </LoadedView>
      <h3>{t.reportHeading}</h3>
      <ActionForm action={report} done={report.done && t.reported(t.routedTo(report.done.incident.routedTo))} submit={t.reportButton}>
        <SelectField
          id="incident-kind"
          label={t.kindLabel}
          value={form.kind}
          onValue={(v) => edit({ kind: v as Kind })}
          error={errors.kind}
          options={(['juror-absence', 'breach', 'late-conflict'] as const).map((k) => ({ value: k, label: t.incidentKind(k) }))}
        />
        {form.kind !== 'breach' && <SelectField id="incident-juror" label={t.jurorLabel} value={form.jurorId} onValue={(v) => edit({ jurorId: v })} error={errors.jurorId} options={jurorOptions} />}
        {form.kind === 'juror-absence' && (
          <div class="row manager-fields-row">
            <TextField id="incident-from" type="datetime-local" label={t.fromLabel(session.timeZone)} value={form.from} onValue={(v) => edit({ from: v })} error={errors.from} />
            <TextField id="incident-to" type="datetime-local" label={t.toLabel(session.timeZone)} value={form.to} onValue={(v) => edit({ to: v })} error={errors.to} />
          </div>
        )}
        {form.kind === 'breach' && (
          <SelectField
            id="incident-state"
            label={t.stateLabel}
            value={form.state}
            onValue={(v) => edit({ state: v as 'avoidable' | 'established' })}
            error={errors.state}
            options={(['avoidable', 'established'] as const).map((s) => ({ value: s, label: t.breachState(s) }))}
          />
        )}
        {form.kind !== 'juror-absence' && (
          <SelectField
            id="incident-candidate"
            label={form.kind === 'breach' ? t.candidateOptional : t.candidateLabel}
            value={form.registrationId}
            onValue={(v) => edit({ registrationId: v })}
            error={errors.registrationId}
            options={[...(form.kind === 'breach' ? [{ value: '', label: t.noCandidate }] : [{ value: '', label: t.chooseCandidate }]), ...candidateOptions]}
          />
        )}
        <TextArea id="incident-description" label={t.descriptionLabel} value={form.description} onValue={(v) => edit({ description: v })} error={errors.description} required />
      </ActionForm>
    </section>
  );
}
