import { useAction } from '../../../app/api';
import { useRetryKeys } from '../../../app/retry-keys';
import { useMessages } from '../../../i18n/i18n';
import { Busy, ProblemNotice } from '../../../ui/problem';
import { MANAGER_PV } from '../messages';

/** Seals the PV (PV-6, PV-7); a refusal names everything missing, each by its rule. */
export function SealPv({ sessionId, onDone }: { sessionId: string; onDone(): void }) {
  const t = useMessages(MANAGER_PV);
  const keys = useRetryKeys();
  const seal = useAction((client) => client.sealPv(sessionId, { idempotencyKey: keys.keyFor('seal') }), onDone);
  return (
    <section aria-labelledby="seal-heading">
      <h2 id="seal-heading">{t.sealHeading}</h2>
      <p>{t.sealIntro}</p>
      <p>
        <button type="button" disabled={seal.running} onClick={() => void seal.run()}>
          {t.sealButton}
        </button>
      </p>
      {seal.running && <Busy label={t.sealing} />}
      <ProblemNotice problem={seal.problem} />
    </section>
  );
}
