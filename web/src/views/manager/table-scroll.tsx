import type { ComponentChildren } from 'preact';

/** A wide table's frame: scrolls sideways, and can be focused and scrolled with the keyboard (named after the table). */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="manager-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
