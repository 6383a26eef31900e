import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { frenchDate } from '../../shared/domain/dates';
import { pdfWithPages } from '../../local/demo/sample-pdf';
import { peopleFile, rememberPeople } from '../../local/dev-sign-in';
import { candidate, daysFromNow } from '../e2e/support/fixtures';
import { sessionInIntake, type BuiltSession } from '../e2e/support/sessions';
import { signInAs } from './support/browser';
import { checkPage, webSuite } from './support/web-suite';

const REPORT = 'Rapport du projet chef d\'œuvre';

describe('the candidate area: registrations, deadline, uploads straight to the storage, outcome', () => {
  let built: BuiltSession;
  let sessionDate: string;
  const suite = webSuite(async (env) => {
    const manager = await env.clientAs('managers', { sub: 'manager-web-candidate', centreId: 'centre-web' });
    const alice = candidate('Alice');
    sessionDate = daysFromNow(env.runtime.clock.now(), 30);
    built = await sessionInIntake(env, manager, { sessionDate, timeZone: 'America/Martinique', registrations: [{ candidate: alice }] });
    rememberPeople(peopleFile(env.dataDir), [{ sub: alice.userId, name: `${alice.firstName} ${alice.lastName}`, role: 'candidates' }]);
  }, 120_000);

  async function upload(page: Page, pages: number, tag: string) {
    const form = page.getByRole('group', { name: `Déposer le rapport du projet chef d'œuvre` });
    await form.getByLabel(`Fichier PDF — ${REPORT}`).setInputFiles({ name: `${tag}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(await pdfWithPages(pages, tag)) });
    await form.getByRole('button', { name: 'Envoyer' }).click();
    await form.locator('progress').waitFor();
    return form;
  }

  it('DELIV-2, DELIV-4, DELIV-7: a candidate uploads a deliverable, sees it refused with the reason in French, then uploads a good one and sees it accepted', async () => {
    const page = await suite.browser.open(suite.env.runtime.urls.api);
    await signInAs(page, built.candidates[0]!.userId);
    await page.getByRole('heading', { level: 1, name: 'Mes sessions de certification' }).waitFor();
    const deadline = page.getByTestId('deadline').first();
    await deadline.waitFor();
    const intakeCloses = new Date(Date.parse(`${sessionDate}T00:00:00Z`) - 5 * 86_400_000);
    const weekday = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', weekday: 'long' }).format(intakeCloses);
    const frenchDay = `${weekday} ${frenchDate(intakeCloses.toISOString().slice(0, 10))}`;
    expect(await deadline.textContent()).toBe(`${frenchDay} à 00:00 (UTC-04:00)`);
    expect(await page.getByTestId('countdown').first().textContent()).toMatch(/^2[45] j \d{1,2} h \d{2} min$/);
    expect(await page.getByText('Rapport du cas pratique 2').count()).toBeGreaterThan(0);
    expect(await page.getByText('09:00 (UTC-04:00)', { exact: true }).count(), "the day's start in the session's zone, with its offset").toBe(1);
    expect(await page.getByText('de 20 à 30 pages, au format PDF').count()).toBe(1);
    await checkPage(page, 'candidate-home');

    await page.getByRole('link', { name: 'Déposer mes livrables' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Déposer mes livrables' }).waitFor();
    expect(await page.getByRole('link', { name: 'Déposer mes livrables' }).getAttribute('aria-current')).toBe('page');

    const form = await upload(page, 14, 'brouillon');
    const refusal = form.getByRole('alert');
    await refusal.waitFor({ timeout: 30_000 });
    expect(await refusal.textContent()).toContain('Version 1 refusée');
    const reason = refusal.locator('[data-rule="DELIV-2"]');
    expect(await reason.textContent()).toBe('DELIV-2 : le livrable "Rapport du projet chef d\'œuvre" compte 14 pages ; il en faut de 20 à 30');
    expect(await form.locator('progress').getAttribute('value')).toBe('100');
    expect(await form.getByText('Envoi du fichier : 100 %').count()).toBe(1);
    await page.getByRole('table', { name: `Versions déposées — ${REPORT}` }).waitFor();
    await checkPage(page, 'candidate-upload-refused');

    await upload(page, 25, 'definitif');
    await form.getByText('Version 2 acceptée : 25 pages. Elle est enregistrée.').waitFor({ timeout: 30_000 });
    expect(await form.getByRole('alert').count()).toBe(0);
    const versions = page.getByRole('table', { name: `Versions déposées — ${REPORT}` });
    await expect.poll(() => versions.locator('tbody tr').count()).toBe(2);
    expect(await versions.locator('tbody tr').first().textContent()).toMatch(/^2.*\(UTC-04:00\)25Accepté/);
    expect(await versions.locator('tbody tr').nth(1).textContent()).toContain('Refusé');
    await checkPage(page, 'candidate-upload-accepted');

    await page.getByRole('link', { name: 'Ma convocation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ma convocation' }).waitFor();
    await page.getByText('Ouverture de la journée').waitFor();
    expect(await page.getByText(/à \d\d:\d\d \(UTC-04:00\)/).count()).toBeGreaterThan(0);
    await checkPage(page, 'candidate-schedule');
    await page.close();
  });
});
