const KEY = 'certiflow.quality.recentCentres';
const KEEP = 8;

/**
 * The centres the committee consulted in this tab, the latest first: offered again when the
 * sessions page opens. Kept for the tab only (sessionStorage), like the sign-in itself.
 */
export const recentCentres = {
  read(): string[] {
    try {
      const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
      return Array.isArray(stored) ? stored.filter((c): c is string => typeof c === 'string' && c !== '') : [];
    } catch {
      return [];
    }
  },
  /** Puts `centreId` first and answers the new list. */
  remember(centreId: string): string[] {
    const next = [centreId, ...recentCentres.read().filter((c) => c !== centreId)].slice(0, KEEP);
    sessionStorage.setItem(KEY, JSON.stringify(next));
    return next;
  },
};
