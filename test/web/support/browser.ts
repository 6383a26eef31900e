import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { REPOSITORY_ROOT } from '../../../local/paths';

/** Debian's Chromium (`apt-get install chromium`); nothing here downloads a browser. */
export const CHROMIUM_PATH = process.env.CERTIFLOW_CHROMIUM ?? '/usr/bin/chromium';

/** Where the browser tests keep a screenshot of each page they visit. */
export const SCREENSHOTS_DIR = join(REPOSITORY_ROOT, 'test-artifacts', 'screenshots');

const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** One accessibility violation axe-core found, as the test reports it. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** A headless Chromium with a fresh profile, and the helpers every browser test uses. */
export interface WebBrowser {
  context: BrowserContext;
  /** A new tab on the app, French by default. */
  open(baseUrl: string): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Debian's Chromium headless, with a new user-data-dir, through playwright-core. */
export async function launchBrowser(): Promise<WebBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'certiflow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_FLAGS,
    locale: 'fr-FR',
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    async open(baseUrl) {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs axe-core on the page against WCAG 2.0 and 2.1, levels A and AA (what RGAA 4 builds on),
 * and returns every violation. The script is evaluated through the DevTools protocol, so the
 * page's own Content-Security-Policy stays in force.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const page = globalThis as unknown as {
      document: unknown;
      axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> };
    };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** The narrowest screen WCAG 1.4.10 (reflow) asks content to fit without scrolling sideways: 320 CSS pixels. */
const REFLOW_WIDTH = 320;

/**
 * What makes the page scroll sideways on a 320 px wide screen (WCAG 1.4.10): the elements that
 * stick out, outside a table's own scrolling frame; empty when the page reflows. The viewport
 * is put back as it was.
 */
export async function reflowOffenders(page: Page): Promise<string[]> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: REFLOW_WIDTH, height: viewport.height });
  try {
    await page.evaluate(() => {
      const frame = (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame;
      return new Promise<void>((done) => frame(() => frame(done)));
    });
    return await page.evaluate(() => {
      const { document } = globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number }; querySelectorAll(s: string): ArrayLike<{ tagName: string; className: string; closest(s: string): unknown; getBoundingClientRect(): { right: number } }> } };
      const { scrollWidth, clientWidth } = document.documentElement;
      if (scrollWidth <= clientWidth) return [];
      const out = Array.from(document.querySelectorAll('body *')).filter((el) => el.getBoundingClientRect().right > clientWidth + 1 && !el.closest('.table-scroll'));
      const named = out.slice(0, 5).map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
      return named.length > 0 ? named : [`the page (${scrollWidth} px wide)`];
    });
  } finally {
    await page.setViewportSize(viewport);
  }
}

/** Keeps a full-page screenshot of the page as a test artefact: `test-artifacts/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Signs in through the development sign-in page (local only) as the demo person `sub`,
 * and waits for their area to show.
 */
export async function signInAs(page: Page, sub: string): Promise<void> {
  await page.locator(`button[data-sub="${sub}"]`).click();
  await page.locator('main h1').first().waitFor();
}
