import { useEffect, useState } from 'preact/hooks';

/** The app's place, from the URL's hash: `#/manager/sessions/abc` → `['manager', 'sessions', 'abc']`. */
export function currentRoute(): string[] {
  return window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
}

/** The route, re-read whenever the hash changes. Hash routes keep every app URL clear of the API's paths. */
export function useRoute(): string[] {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => setRoute(currentRoute());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

/** The href of a route: `href('manager', 'sessions', id)` → `#/manager/sessions/<id>`. */
export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

/** Moves to a route. */
export function navigate(...parts: string[]): void {
  window.location.hash = href(...parts).slice(1);
}
