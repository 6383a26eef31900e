import { useState } from 'preact/hooks';
import type { CaseView, DecisionView } from '../../../../shared/use-cases/records/committee';
import { outcome, networkProblem, useLoad, useSigned, type Problem } from '../../app/api';
import { href } from '../../app/router';
import { formatInstant } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { LoadedView } from '../../ui/loaded';
import { Busy, Done, ProblemNotice } from '../../ui/problem';
import { AreaNav } from './area-nav';
import { DecisionForm } from './decision-form';
import { QUALITY } from './messages';
import { readSessionContext } from './session-context';
import { useSessionName } from '../shared/session';

function SessionCases({ sessionId, cases, onDecided }: { sessionId: string; cases: CaseView[]; onDecided(decision: DecisionView): void }) {
  const t = useMessages(QUALITY);
  const name = useSessionName();
  const context = useLoad((client) => readSessionContext(client, sessionId), [sessionId]);
  const title = context.data ? name(context.data.session) : sessionId;
  return (
    <section class="card quality-session-cases" aria-labelledby={`cases-${sessionId}`} data-session={sessionId}>
      <h2 id={`cases-${sessionId}`}>{title}</h2>
      <LoadedView loaded={context}>
        {(data) => (
          <>
            <p class="muted">
              {data.session.address} — {data.session.centreId} — <a href={href('quality', 'sessions', sessionId)}>{t.seeDecisions}</a>
            </p>
            <DecisionForm key={cases.map((c) => c.caseId).join()} context={data} cases={cases} caption={t.casesOf(title)} onDecided={onDecided} />
          </>
        )}
      </LoadedView>
    </section>
  );
}

interface MorePages {
  items: CaseView[];
  /** Set once a further page was read: its cursor, undefined at the end of the queue. */
  read?: { nextCursor?: string };
  problem?: Problem;
  loading: boolean;
}

/** The committee's queue, page after page: the first page read on mount (and on reload), the next ones on request. */
function useQueue() {
  const { client } = useSigned();
  const first = useLoad((c) => c.committeeCases({ limit: 100 }));
  const [extra, setExtra] = useState<MorePages>({ items: [], loading: false });
  const nextCursor = extra.read ? extra.read.nextCursor : first.data?.nextCursor;
  const more = async () => {
    if (!nextCursor) return;
    setExtra({ ...extra, loading: true });
    try {
      const page = outcome(await client.committeeCases({ limit: 100, cursor: nextCursor }));
      if ('problem' in page) setExtra({ ...extra, loading: false, problem: page.problem });
      else setExtra({ items: [...extra.items, ...page.data.items], read: page.data.nextCursor ? { nextCursor: page.data.nextCursor } : {}, loading: false });
    } catch (error) {
      setExtra({ ...extra, loading: false, problem: networkProblem(error) });
    }
  };
  const reload = () => {
    setExtra({ items: [], loading: false });
    first.reload();
  };
  return { first, items: [...(first.data?.items ?? []), ...extra.items], nextCursor, more, reload, extra };
}

/** The open appeals and reported violations across sessions, grouped by session, each group with its decision form (QUAL-2). */
export function CasesPage() {
  const t = useMessages(QUALITY);
  const { language } = useLanguage();
  const queue = useQueue();
  const [decided, setDecided] = useState<DecisionView | undefined>();
  const sessions = [...new Set(queue.items.map((c) => c.sessionId))];
  return (
    <>
      <AreaNav current="cases" />
      <h1>{t.casesTitle}</h1>
      <p>{t.casesIntro}</p>
      {decided && (
        <Done>
          {t.decided(t.outcomeLabel(decided.outcome), decided.caseIds.length, formatInstant(decided.decidedAt, decided.timeZone, language))}{' '}
          <a href={href('quality', 'sessions', decided.sessionId)}>{t.seeDecisions}</a>
        </Done>
      )}
      <LoadedView loaded={queue.first}>
        {() =>
          sessions.length === 0 ? (
            <p>{t.noCase}</p>
          ) : (
            <>
              {sessions.map((sessionId) => (
                <SessionCases
                  key={sessionId}
                  sessionId={sessionId}
                  cases={queue.items.filter((c) => c.sessionId === sessionId)}
                  onDecided={(decision) => {
                    setDecided(decision);
                    queue.reload();
                  }}
                />
              ))}
              {queue.extra.loading && <Busy />}
              <ProblemNotice problem={queue.extra.problem} />
              {queue.nextCursor && (
                <button type="button" class="secondary" onClick={() => void queue.more()}>
                  {t.more}
                </button>
              )}
            </>
          )
        }
      </LoadedView>
    </>
  );
}
