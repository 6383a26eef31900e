import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../local/paths';
import { seedDemo } from '../../local/demo/seed-demo';
import { peopleFile, rememberPeople } from '../../local/dev-sign-in';
import { axeViolations, screenshot, signInAs } from './support/browser';
import { webSuite } from './support/web-suite';

describe('the web app: served at /, development sign-in, French first', () => {
  const suite = webSuite(async (env) => {
    rememberPeople(peopleFile(env.dataDir), (await seedDemo(env.runtime)).people);
  }, 240_000);

  it('serves the app at / with a Content-Security-Policy, and its local configuration', async () => {
    const index = await fetch(`${suite.env.runtime.urls.api}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await index.text()).toContain('<div id="app">');
    expect(await (await fetch(`${suite.env.runtime.urls.api}/config.json`)).json()).toEqual({ apiUrl: '', auth: { kind: 'local' } });
  });

  it("tells the local clock's time in every response's Date header, so the app's countdowns follow a clock moved ahead", async () => {
    const response = await fetch(`${suite.env.runtime.urls.api}/health`);
    const told = Date.parse(response.headers.get('date') ?? '');
    expect(Math.abs(told - suite.env.runtime.clock.now().getTime())).toBeLessThan(2_000);
    expect(told - Date.now()).toBeGreaterThan(20 * 86_400_000);
  });

  it('the development sign-in says it is local only, lists the demo people, and is accessible (axe: WCAG 2.1 AA)', async () => {
    const page = await suite.browser.open(suite.env.runtime.urls.api);
    await page.getByRole('heading', { level: 1, name: 'Connexion de développement' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.getByText('Environnement local uniquement').count()).toBe(1);
    await page.locator('button[data-sub]').first().waitFor();
    expect(await page.locator('button[data-sub]').count()).toBeGreaterThanOrEqual(10);
    await screenshot(page, 'sign-in');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('says so when the demo people cannot be read, instead of an empty list', async () => {
    const page = await suite.browser.context.newPage();
    await page.route('**/_local/people', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{}' }));
    await page.goto(`${suite.env.runtime.urls.api}/`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain("n'a pas pu être lue");
    expect(await page.locator('button[data-sub]').count()).toBe(0);
    expect(await page.getByText("Aucune démonstration n'a été créée").count()).toBe(0);
    await page.close();
  });

  it('signs a manager in with a token of the local issuer; the page speaks English on request and French again', async () => {
    const page = await suite.browser.open(suite.env.runtime.urls.api);
    await signInAs(page, 'demo-manager');
    await expect.poll(() => page.getByText('Hélène Roux').count()).toBeGreaterThan(0);
    await page.getByLabel('Langue').selectOption('en');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('heading', { level: 1, name: 'Connexion de développement' }).waitFor();
    await page.close();
  });
});

describe('the deployed build (vite build --mode aws)', () => {
  it('carries no development sign-in: neither its page nor its endpoint is in the bundle', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'certiflow-web-aws-'));
    try {
      await build({ configFile: join(REPOSITORY_ROOT, 'web', 'vite.config.ts'), mode: 'aws', logLevel: 'silent', build: { outDir } });
      const bundle = readdirSync(join(outDir, 'assets'))
        .filter((file) => file.endsWith('.js'))
        .map((file) => readFileSync(join(outDir, 'assets', file), 'utf8'))
        .join('\n');
      expect(bundle).toContain('oauth2/authorize');
      expect(bundle).not.toContain('_local/sign-in');
      expect(bundle).not.toContain('Connexion de développement');
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
