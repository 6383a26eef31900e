import type { ComponentChildren } from 'preact';

/** A tab of a navigation: its id, its label and where it leads. */
export interface TabLink {
  id: string;
  label: ComponentChildren;
  href: string;
}

/** A named navigation of tabs, the current one marked for assistive technologies (`aria-current="page"`); `children` come before the tabs. */
export function TabNav({ label, class: className = 'tabs', tabs, current, children }: { label: string; class?: string; tabs: readonly TabLink[]; current: string | undefined; children?: ComponentChildren }) {
  return (
    <nav aria-label={label}>
      <ul class={className}>
        {children}
        {tabs.map((tab) => (
          <li key={tab.id}>
            <a href={tab.href} aria-current={tab.id === current ? 'page' : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
