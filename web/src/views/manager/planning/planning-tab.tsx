import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { useMessages } from '../../../i18n/i18n';
import { MANAGER_PLANNING } from '../messages';
import { RuleList } from '../rules';
import { CandidatesSection } from './candidates';
import { ClosePlanning } from './close-planning';
import { DistributionsSection } from './distributions';
import { JurorsSection } from './jurors';
import { SessionFacts } from './session-facts';
import { TrainersSection } from './trainers';

/** The planning tab: the session's facts, what blocks it, its candidates, trainers, jurors, distributions, and closing planning. */
export function PlanningTab({ session, onChanged }: { session: SessionView; onChanged(): void }) {
  const t = useMessages(MANAGER_PLANNING);
  const editable = session.status === 'planning' && !session.planningClosed;
  return (
    <>
      <h2>{t.factsHeading}</h2>
      <SessionFacts session={session} />
      <section aria-labelledby="blockers-heading">
        <h2 id="blockers-heading">{t.blockersHeading}</h2>
        {session.blockers.length === 0 ? <p>{t.noBlockers}</p> : <RuleList rules={session.blockers} label={t.blockersHeading} />}
      </section>
      <CandidatesSection session={session} editable={editable} onChanged={onChanged} />
      <TrainersSection session={session} editable={editable} />
      <JurorsSection session={session} onChanged={onChanged} />
      <DistributionsSection session={session} editable={editable} onChanged={onChanged} />
      {editable && <ClosePlanning session={session} onChanged={onChanged} />}
    </>
  );
}
