import { Fragment, type ComponentChildren, type JSX } from 'preact';

/** One fact: what it is, its value, and attributes for the value (a class, a test id). */
export type Fact = readonly [term: ComponentChildren, value: ComponentChildren, attributes?: JSX.IntrinsicElements['dd'] & Record<`data-${string}`, string>];

/** A fact, or nothing where a condition before it failed (`cond && [term, value]`). */
export type MaybeFact = Fact | false | null | undefined | '' | 0;

/** Facts as a description list (`dl.facts`, named by `label` where given); what is not a fact is left out. */
export function Facts({ facts, label }: { facts: readonly MaybeFact[]; label?: string }) {
  return (
    <dl class="facts" aria-label={label}>
      {facts.map(
        (fact, index) =>
          fact ? (
            <Fragment key={index}>
              <dt>{fact[0]}</dt>
              <dd {...fact[2]}>{fact[1]}</dd>
            </Fragment>
          ) : null,
      )}
    </dl>
  );
}
