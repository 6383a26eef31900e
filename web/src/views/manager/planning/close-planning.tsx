import { useState } from 'preact/hooks';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import { newKey, useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { ActionFooter } from '../action-form';
import { MANAGER_PLANNING } from '../messages';

/** Closes planning (JURY-1..3, RETAKE-4); a refusal names each rule that stops it. */
export function ClosePlanning({ session, onChanged }: { session: SessionView; onChanged(): void }) {
  const t = useMessages(MANAGER_PLANNING);
  const [key] = useState(newKey);
  const close = useAction((client) => client.closePlanning(session.id, { idempotencyKey: key }), onChanged);
  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">{t.closeHeading}</h2>
      <p>{t.closeIntro}</p>
      <ActionFooter action={close} done={close.done && t.closed} label={t.closeButton} onClick={() => void close.run()} />
    </section>
  );
}
