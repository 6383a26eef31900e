import type { ComponentChildren } from 'preact';
import type { Problem } from '../../app/api';
import { Busy, Done, ProblemNotice } from '../../ui/problem';

/** What a form shows of its action: whether it runs, and its last refusal. */
interface ActionShown {
  running: boolean;
  problem?: Problem | undefined;
}

/** A form (stacked, unless `class` says otherwise) that runs `onSubmit` and stays on the page; the browser's own checks are off, since the API's refusal shows field by field. */
export function SubmitForm({ class: className = 'stack', onSubmit, children }: { class?: string; onSubmit(): void; children: ComponentChildren }) {
  return (
    <form
      class={className}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** An action's outcome as the manager's area says it: its refusal, its progress (`busy`), then `done` once it succeeded. */
export function ActionStatus({ action, busy, done }: { action: ActionShown; busy?: string; done?: ComponentChildren }) {
  return (
    <>
      <ProblemNotice problem={action.problem} />
      {action.running && <Busy label={busy} />}
      {done ? <Done>{done}</Done> : null}
    </>
  );
}

/** An action's outcome, then its button, disabled while it runs: a submit button, or with `onClick` a plain one. */
export function ActionFooter({ action, busy, done, label, onClick }: { action: ActionShown; busy?: string; done?: ComponentChildren; label: string; onClick?: () => void }) {
  return (
    <>
      <ActionStatus action={action} busy={busy} done={done} />
      <p>
        <button type={onClick ? 'button' : 'submit'} disabled={action.running} onClick={onClick}>
          {label}
        </button>
      </p>
    </>
  );
}

/** A form of the manager's area: its fields, then its action's outcome and its submit button (`submit`); submitting runs the action. */
export function ActionForm({ action, busy, done, submit, children }: { action: ActionShown & { run(): Promise<unknown> }; busy?: string; done?: ComponentChildren; submit: string; children: ComponentChildren }) {
  return (
    <SubmitForm onSubmit={() => void action.run()}>
      {children}
      <ActionFooter action={action} busy={busy} done={done} label={submit} />
    </SubmitForm>
  );
}
