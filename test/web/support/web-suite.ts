import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestRuntime, type TestRuntime } from '../../e2e/support/test-runtime';
import { axeViolations, launchBrowser, reflowOffenders, screenshot, type WebBrowser } from './browser';

/** What a browser test file works with, once its `beforeAll` has run: the local runtime and a headless Chromium. */
export interface WebSuite {
  env: TestRuntime;
  browser: WebBrowser;
}

/**
 * The setup every browser test file shares: starts a local runtime, lets `prepare` put in what
 * the file needs (sessions, the people of the development sign-in), then launches the browser;
 * closes both after the file. The fields of what it returns are set once `beforeAll` has run.
 */
export function webSuite(prepare: (env: TestRuntime) => Promise<void>, timeoutMs: number): WebSuite {
  const suite = {} as Partial<WebSuite>;
  beforeAll(async () => {
    suite.env = await startTestRuntime();
    await prepare(suite.env);
    suite.browser = await launchBrowser();
  }, timeoutMs);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.env?.stop();
  });
  return suite as WebSuite;
}

/**
 * Checks a page as every page of the app is checked: no axe violation (WCAG 2.1 AA), no sideways
 * scrolling of the page on a 320 px screen (WCAG 1.4.10, which axe does not check), and a
 * screenshot kept as a test artefact.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  expect(await reflowOffenders(page), `${name}: reflow at 320 px (WCAG 1.4.10)`).toEqual([]);
  await screenshot(page, name);
}
