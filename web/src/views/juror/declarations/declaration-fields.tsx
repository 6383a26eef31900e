import type { RequestBody } from '../../../../../client/certiflow-client';
import { useMessages } from '../../../i18n/i18n';
import { JUROR } from '../messages';

/** A link a juror may declare with a candidate, as the API accepts it (JURY-4). */
export type LinkKind = RequestBody<'/sessions/{sessionId}/declarations', 'post'>['declarations'][number]['link'];

/** The kinds of link, in the order the form offers them. */
export const LINK_KINDS: readonly LinkKind[] = ['none', 'personal', 'professional'];

/** A juror's answer for one candidate, as the form holds it. */
export interface Answer {
  link?: LinkKind;
  description: string;
}

/** One candidate's question: do you know them? A radio group, and what the link is when there is one. */
export function DeclarationFields({ registrationId, name, answer, onChange }: { registrationId: string; name: string; answer: Answer; onChange(answer: Answer): void }) {
  const t = useMessages(JUROR);
  const descriptionId = `link-description-${registrationId}`;
  return (
    <fieldset>
      <legend>{name}</legend>
      <div class="row">
        {LINK_KINDS.map((kind) => (
          <label class="inline" key={kind}>
            <input type="radio" name={`link-${registrationId}`} value={kind} checked={answer.link === kind} onChange={() => onChange({ ...answer, link: kind })} />
            {t.linkKind(kind)}
          </label>
        ))}
      </div>
      {answer.link && answer.link !== 'none' && (
        <label for={descriptionId}>
          {t.linkDescription}
          <textarea id={descriptionId} rows={2} maxLength={1000} value={answer.description} onInput={(e) => onChange({ ...answer, description: (e.target as HTMLTextAreaElement).value })} />
        </label>
      )}
    </fieldset>
  );
}
