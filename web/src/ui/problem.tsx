import type { Problem } from '../app/api';
import { useMessages } from '../i18n/i18n';
import { UI } from './messages';
import { ViolationList } from './violations';

/**
 * The sentence for a problem: the API's own, except for the answers the gateway gives before any
 * function runs (no token, throttled, too large), which carry no sentence in the page's language.
 */
function sentenceOf(problem: Problem, t: (typeof UI)['fr']): string {
  if (problem.status === 0) return t.networkError;
  if (problem.status === 401) return t.unauthorized;
  if (problem.status === 429) return t.tooMany;
  if (problem.status === 413) return t.tooLarge;
  return problem.error.message;
}

/** Whether the API refused the request as asked (4xx); being throttled (429) is a failure of the moment, not a refusal. */
function isRefusal(problem: Problem): boolean {
  return problem.status >= 400 && problem.status < 500 && problem.status !== 429;
}

/**
 * A refusal or failure, said on the page (never silently dropped): the API's sentence in the
 * page's language, the rule IDs and each field at fault. Announced to screen readers.
 */
export function ProblemNotice({ problem, onRetry }: { problem: Problem | undefined; onRetry?: () => void }) {
  const t = useMessages(UI);
  if (!problem) return null;
  const { error } = problem;
  const network = problem.status === 0;
  return (
    <div class="notice notice-error" role="alert" data-code={error.code}>
      <p class="notice-title">
        <strong>{isRefusal(problem) ? t.refused : t.failed}</strong>
        {!network && (
          <span class="muted">
            {' '}
            ({t.code} {error.code}
            {problem.status ? `, HTTP ${problem.status}` : ''})
          </span>
        )}
      </p>
      <p class="notice-message">{sentenceOf(problem, t)}</p>
      {error.violations && error.violations.length > 0 && <ViolationList items={error.violations} label={t.rules} />}
      {error.issues && error.issues.length > 1 && (
        <ul class="violations">
          {error.issues.map((issue) => (
            <li key={issue.field + issue.message}>
              <code>{issue.field}</code> : {issue.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" class="secondary" onClick={onRetry}>
          {t.retry}
        </button>
      )}
    </div>
  );
}

/** A polite status line while something loads or runs: progress is never invisible. */
export function Busy({ label }: { label?: string }) {
  const t = useMessages(UI);
  return (
    <p class="busy" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      {label ?? t.loading}
    </p>
  );
}

/** A success message, announced politely. */
export function Done({ children }: { children: preact.ComponentChildren }) {
  return (
    <p class="notice notice-ok" role="status">
      {children}
    </p>
  );
}
