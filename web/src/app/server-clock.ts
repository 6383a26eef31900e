import { useEffect, useState } from 'preact/hooks';

let offsetMs = 0;

/**
 * Learns the API's time from a response's `Date` header. Locally the runtime's clock can be
 * moved ahead (the demo sits a month ahead, on its exam day), so countdowns and the exam-day
 * clock read the API's time rather than the browser's; on AWS the two agree and the header,
 * not exposed cross-origin, is simply absent.
 */
export function learnServerTime(headers: Headers | undefined): void {
  const date = headers?.get('date');
  const server = date ? Date.parse(date) : Number.NaN;
  if (Number.isFinite(server)) offsetMs = server - Date.now();
}

/** The API's current time, in milliseconds since the epoch. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** The API's current time, refreshed every `everyMs` (a minute by default), for countdowns and running clocks. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(serverNow());
    const timer = setInterval(() => setNow(serverNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
