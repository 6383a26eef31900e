import { href } from '../../app/router';
import { useMessages } from '../../i18n/i18n';
import { QUALITY } from './messages';

/** The committee area's pages. */
export type QualityTab = 'cases' | 'sessions';

/** The area's tabs, the current one marked for assistive technologies. */
export function AreaNav({ current }: { current: QualityTab | undefined }) {
  const t = useMessages(QUALITY);
  const tabs: Array<{ id: QualityTab; label: string; to: string }> = [
    { id: 'cases', label: t.casesTab, to: href('quality') },
    { id: 'sessions', label: t.sessionsTab, to: href('quality', 'sessions') },
  ];
  return (
    <nav aria-label={t.areaNav}>
      <ul class="tabs">
        {tabs.map((tab) => (
          <li key={tab.id}>
            <a href={tab.to} aria-current={tab.id === current ? 'page' : undefined}>
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
