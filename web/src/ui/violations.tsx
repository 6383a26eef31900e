/** A broken rule as the API states it, in the page's language: its ID and a sentence that starts with it. */
export interface RuleViolation {
  ruleId: string;
  message: string;
}

/** Rules broken or elements missing, each sentence carrying its rule ID (`data-rule`); named by `label` where given. */
export function ViolationList({ items, label, class: className = 'violations' }: { items: readonly RuleViolation[]; label?: string; class?: string }) {
  return (
    <ul class={className} aria-label={label}>
      {items.map((v, index) => (
        <li key={`${index}-${v.message}`} data-rule={v.ruleId}>
          {v.message}
        </li>
      ))}
    </ul>
  );
}
