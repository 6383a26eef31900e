import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pollWhileVisible, type PageVisibility } from '../../../web/src/views/juror/exam-day/poll-while-visible';

/** A page whose visibility the test sets, telling its listeners as a browser does. */
class TestPage extends EventTarget implements PageVisibility {
  visibilityState = 'visible';
  show(state: 'visible' | 'hidden') {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

describe("the jurors' exam-day refresh (EXAM-1): reads while seen, never from a hidden tab", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reads every period while the page is visible, and stops when told', () => {
    const page = new TestPage();
    const tick = vi.fn();
    const stop = pollWhileVisible(page, 15_000, tick);
    vi.advanceTimersByTime(45_000);
    expect(tick).toHaveBeenCalledTimes(3);
    stop();
    vi.advanceTimersByTime(45_000);
    expect(tick).toHaveBeenCalledTimes(3);
  });

  it('asks nothing while hidden, and reads at once when seen again after a missed period', () => {
    const page = new TestPage();
    const tick = vi.fn();
    pollWhileVisible(page, 15_000, tick);
    page.show('hidden');
    vi.advanceTimersByTime(60_000);
    expect(tick).not.toHaveBeenCalled();
    page.show('visible');
    expect(tick).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(15_000);
    expect(tick).toHaveBeenCalledTimes(2);
  });

  it('a glance away shorter than a period reads nothing extra', () => {
    const page = new TestPage();
    const tick = vi.fn();
    pollWhileVisible(page, 15_000, tick);
    vi.advanceTimersByTime(5_000);
    page.show('hidden');
    vi.advanceTimersByTime(5_000);
    page.show('visible');
    expect(tick).not.toHaveBeenCalled();
  });

  it('once stopped, a page seen again reads nothing', () => {
    const page = new TestPage();
    const tick = vi.fn();
    const stop = pollWhileVisible(page, 15_000, tick);
    page.show('hidden');
    vi.advanceTimersByTime(30_000);
    stop();
    page.show('visible');
    expect(tick).not.toHaveBeenCalled();
  });
});
