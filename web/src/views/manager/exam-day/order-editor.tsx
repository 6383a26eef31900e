import { useState } from 'preact/hooks';
import type { SlotView } from '../../../../../shared/use-cases/exam-day/schedule';
import { useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { ActionFooter } from '../action-form';
import { MANAGER_EXAM } from '../messages';

/** Sets the order the candidates sit in (EXAM-1), until the day opens. */
export function OrderEditor({ sessionId, slots, onDone }: { sessionId: string; slots: readonly SlotView[]; onDone(): void }) {
  const t = useMessages(MANAGER_EXAM);
  const [order, setOrder] = useState(() => slots.map((s) => s.registrationId));
  const names = Object.fromEntries(slots.map((s) => [s.registrationId, s.candidateName]));
  const save = useAction((client) => client.setCandidateOrder(sessionId, order), onDone);
  const move = (index: number, by: -1 | 1) =>
    setOrder((all) => {
      const next = [...all];
      const [item] = next.splice(index, 1);
      next.splice(index + by, 0, item!);
      return next;
    });
  if (slots.length < 2) return null;
  return (
    <section aria-labelledby="order-heading">
      <h3 id="order-heading">{t.orderHeading}</h3>
      <ol class="manager-order-list">
        {order.map((id, index) => (
          <li key={id} class="row">
            <span>{names[id]}</span>
            <button type="button" class="secondary" disabled={index === 0} onClick={() => move(index, -1)}>
              {t.moveUp(names[id] ?? id)}
            </button>
            <button type="button" class="secondary" disabled={index === order.length - 1} onClick={() => move(index, 1)}>
              {t.moveDown(names[id] ?? id)}
            </button>
          </li>
        ))}
      </ol>
      <ActionFooter action={save} done={save.done && t.orderSaved} label={t.saveOrder} onClick={() => void save.run()} />
    </section>
  );
}
