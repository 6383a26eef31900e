import { useState } from 'preact/hooks';
import type { CertiflowClient } from '../../../../../client/certiflow-client';
import { useAction, useLoad } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { LoadedView } from '../../../ui/loaded';
import { Busy, Done, ProblemNotice } from '../../../ui/problem';
import { JUROR } from '../messages';
import { jurorNames, RuleList, type TabProps, TabSection } from '../parts';
import { DeclarationFields, type Answer } from './declaration-fields';
import { EligibilityTable, type DeclarationsResult } from './eligibility-table';

type Declarations = Parameters<CertiflowClient['declareLinks']>[1]['declarations'];

function toDeclarations(answers: Record<string, Answer>): Declarations {
  return Object.entries(answers).flatMap(([registrationId, answer]) => {
    if (!answer.link) return [];
    const description = answer.link === 'none' ? '' : answer.description.trim();
    return [{ registrationId, link: answer.link, ...(description ? { description } : {}) }];
  });
}

/**
 * JURY-4: the juror says, for each candidate, whether they know them; the API answers with the
 * eligibility that results and the session's blockers. A declared link is never withdrawn: the
 * API refuses it, and its sentence shows.
 */
export function DeclarationsTab({ session, onSessionChanged }: TabProps) {
  const t = useMessages(JUROR);
  const registrations = useLoad((client) => client.listRegistrations(session.id), [session.id]);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [result, setResult] = useState<DeclarationsResult | undefined>();
  const action = useAction(
    (client, declarations: Declarations) => client.declareLinks(session.id, { declarations }),
    (answered) => {
      setResult(answered);
      onSessionChanged();
    },
  );
  const declarations = toDeclarations(answers);
  const nameOf = jurorNames(session);
  return (
    <TabSection tab="declarations">
      <p>{t.declarationsIntro}</p>
      <p class="notice notice-warn">{t.declarationsWarning}</p>
      <LoadedView loaded={registrations}>
        {({ registrations: list }) => (
          <form
            class="stack juror-declarations"
            onSubmit={(event) => {
              event.preventDefault();
              if (declarations.length > 0) void action.run(declarations);
            }}
          >
            {list.map((r) => (
              <DeclarationFields
                key={r.id}
                registrationId={r.id}
                name={`${r.candidate.firstName} ${r.candidate.lastName}`}
                answer={answers[r.id] ?? { description: '' }}
                onChange={(answer) => {
                  action.clear();
                  setAnswers({ ...answers, [r.id]: answer });
                }}
              />
            ))}
            {declarations.length === 0 && <p class="muted">{t.chooseOne}</p>}
            <div class="row">
              <button type="submit" disabled={action.running || declarations.length === 0}>
                {t.declare}
              </button>
            </div>
          </form>
        )}
      </LoadedView>
      {action.running && <Busy label={t.declaring} />}
      <ProblemNotice problem={action.problem} />
      {action.done && <Done>{t.declared}</Done>}
      {result && (
        <>
          <EligibilityTable rows={result.eligibility} nameOf={nameOf} />
          {result.declarationsComplete && <p>{t.allDeclared}</p>}
          {result.lateConflicts.length > 0 && (
            <>
              <h3>{t.lateConflicts}</h3>
              <RuleList items={result.lateConflicts.map((i) => i.notice)} label={t.lateConflicts} />
            </>
          )}
        </>
      )}
      <h3>{t.blockersTitle}</h3>
      {session.blockers.length === 0 ? <p>{t.noBlockers}</p> : <RuleList items={session.blockers} label={t.blockersTitle} />}
    </TabSection>
  );
}
