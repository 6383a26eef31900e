import { href } from '../../app/router';
import { useMessages } from '../../i18n/i18n';
import { TabNav } from '../../ui/tab-nav';
import { QUALITY } from './messages';

/** The committee area's pages. */
export type QualityTab = 'cases' | 'sessions';

/** The area's tabs, the current one marked for assistive technologies. */
export function AreaNav({ current }: { current: QualityTab | undefined }) {
  const t = useMessages(QUALITY);
  const tabs: Array<{ id: QualityTab; label: string; href: string }> = [
    { id: 'cases', label: t.casesTab, href: href('quality') },
    { id: 'sessions', label: t.sessionsTab, href: href('quality', 'sessions') },
  ];
  return <TabNav label={t.areaNav} tabs={tabs} current={current} />;
}
