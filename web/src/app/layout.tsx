import type { ComponentChildren } from 'preact';
import type { Person, Role } from '../auth/person';
import { useLanguage, useMessages, type Language } from '../i18n/i18n';
import { UI } from '../ui/messages';
import { TabNav } from '../ui/tab-nav';
import { href, useRoute } from './router';

/** Each role's area of the app, its path and its label's key. */
export const AREAS: ReadonlyArray<{ role: Role; path: string; label: keyof (typeof UI)['fr'] }> = [
  { role: 'candidates', path: 'candidate', label: 'roleCandidates' },
  { role: 'jurors', path: 'juror', label: 'roleJurors' },
  { role: 'managers', path: 'manager', label: 'roleManagers' },
  { role: 'quality', path: 'quality', label: 'roleQuality' },
];

function LanguageSwitch() {
  const t = useMessages(UI);
  const { language, setLanguage } = useLanguage();
  const options: Array<{ value: Language; label: string }> = [
    { value: 'fr', label: 'Français' },
    { value: 'en', label: 'English' },
  ];
  return (
    <label class="language">
      {t.language}{' '}
      <select value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value as Language)}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The page frame: skip link, header (who is signed in, language, sign-out), the role areas' navigation, the main landmark. */
export function Layout({ person, onSignOut, children }: { person?: Person; onSignOut?: () => void; children: ComponentChildren }) {
  const t = useMessages(UI);
  const areas = person ? AREAS.filter((a) => person.roles.includes(a.role)) : [];
  const [currentArea] = useRoute();
  return (
    <>
      <a class="skip" href="#main">
        {t.skip}
      </a>
      <header class="top">
        <p class="brand">
          <span class="brand-name">{t.appName}</span> <span class="muted">{t.tagline}</span>
        </p>
        <div class="top-tools">
          <LanguageSwitch />
          {person && (
            <>
              <span class="who">
                {t.signedInAs} <strong>{person.name ?? person.email ?? person.sub}</strong>
              </span>
              <button type="button" class="secondary" onClick={onSignOut}>
                {t.signOut}
              </button>
            </>
          )}
        </div>
        {areas.length > 1 && <TabNav label={t.mainNav} tabs={areas.map((a) => ({ id: a.path, label: t[a.label] as string, href: href(a.path) }))} current={currentArea} />}
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
