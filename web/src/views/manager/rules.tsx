/** A broken rule as the API sends it, localized: its ID and a sentence that starts with the ID. */
export interface RuleMessage {
  ruleId: string;
  message: string;
}

/** The sentence of a rule message without the `PV-4 : ` its message starts with. */
export function ruleSentence(v: RuleMessage): string {
  const prefix = new RegExp(`^${v.ruleId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:\\s*`);
  return v.message.replace(prefix, '');
}

/** One rule: its ID, shown as a badge with words, and its sentence. */
export function RuleItem({ rule }: { rule: RuleMessage }) {
  return (
    <>
      <span class="badge badge-warn manager-rule-id">{rule.ruleId}</span> {ruleSentence(rule)}
    </>
  );
}

/** A list of rules (blockers, what a PV lacks…), each by its ID and sentence. */
export function RuleList({ rules, label }: { rules: readonly RuleMessage[]; label: string }) {
  return (
    <ul class="manager-rule-list" aria-label={label}>
      {rules.map((rule) => (
        <li key={rule.ruleId + rule.message} data-rule={rule.ruleId}>
          <RuleItem rule={rule} />
        </li>
      ))}
    </ul>
  );
}
