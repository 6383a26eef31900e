import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CertiflowClient } from '../../client/certiflow-client';
import { peopleFile, rememberPeople } from '../../local/dev-sign-in';
import { morningOf, openDay, sitOral, uploadDeliverables } from '../e2e/support/exam-day';
import { candidate, daysFromNow } from '../e2e/support/fixtures';
import { sessionInIntake, type BuiltSession } from '../e2e/support/sessions';
import { atWait, eventually } from '../e2e/support/test-runtime';
import { signInAs } from './support/browser';
import { checkPage, webSuite } from './support/web-suite';

const ALL_TYPES = ['project-report', 'practical-case-1-report', 'practical-case-2-report'];

async function openTab(page: Page, name: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Rubriques de la session' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  expect(await page.getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page');
}

describe('the juror area: sessions, dossier, declarations, exam day, grid and PV', () => {
  let manager: CertiflowClient;
  let built: BuiltSession;
  const alice = candidate('Alice');
  const bruno = candidate('Bruno');
  const aliceName = `${alice.firstName} ${alice.lastName}`;
  const brunoName = `${bruno.firstName} ${bruno.lastName}`;
  let jurorName = '';

  const suite = webSuite(async (env) => {
    manager = await env.clientAs('managers', { sub: 'manager-juror-web', centreId: 'centre-juror-web' });
    const now = env.runtime.clock.now();
    built = await sessionInIntake(env, manager, { sessionDate: daysFromNow(now, 30), jurors: 3, registrations: [{ candidate: alice }, { candidate: bruno }] });
    for (const who of built.candidates) await uploadDeliverables(env, built.sessionId, who, ALL_TYPES);
    expect((await manager.recordDistribution(built.sessionId, { ruleId: 'DIST-4', distributedOn: daysFromNow(now, 0), recipients: 'les trois jurés' })).status).toBe(201);
    const intake = await built.candidates[0]!.client.deliverableStatus(built.sessionId, built.candidates[0]!.registrationId);
    env.advanceTo(new Date(intake.data!.intake.deadline.closesAt));
    const session = await eventually(() => manager.getSession(built.sessionId), (r) => r.data?.session.pendingStep?.step === 'declarations', 15_000);
    const juror = session.data!.session.jurors.find((j) => j.jurorId === built.jurors[0]!.id)!;
    jurorName = `${juror.firstName} ${juror.lastName}`;
    rememberPeople(peopleFile(env.dataDir), [{ sub: built.jurors[0]!.userId, name: `${jurorName} (juré·e)`, role: 'jurors' }]);
  }, 180_000);

  it("JURY-4, DELIB-4: a juror declares a link with one candidate and signs another candidate's grid", async () => {
    const [aliceReg, brunoReg] = built.candidates.map((c) => c.registrationId) as [string, string];
    const page = await suite.browser.open(suite.env.runtime.urls.api);
    await signInAs(page, built.jurors[0]!.userId);

    // Home: the sessions the juror sits on.
    await page.getByRole('heading', { level: 1, name: 'Mes sessions de jury' }).waitFor();
    const sessions = page.getByRole('table', { name: 'Vos sessions, par date' });
    await sessions.getByText('12 rue des Lilas, 69001 Lyon').waitFor();
    expect(await sessions.getByText('Déclarations du jury').count()).toBe(1);
    expect(await sessions.getByRole('link').first().textContent()).toMatch(/à 09:00 \(UTC\+0[12]:00\)$/);
    await checkPage(page, 'juror-home');

    // JURY-8: the dossier, a deliverable's download link, what is missing.
    await sessions.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Session RNCP34757 du / }).waitFor();
    await openTab(page, 'Dossier jury', 'Dossier jury');
    await page.getByRole('heading', { level: 4, name: aliceName }).waitFor();
    expect(await page.getByText('Le dossier jury ne contient pas le PV', { exact: false }).count()).toBe(1);
    await page.getByRole('button', { name: "Obtenir le lien de « Rapport du projet chef d'œuvre »" }).first().click();
    const download = page.getByRole('link', { name: "Télécharger « Rapport du projet chef d'œuvre » (version 1, PDF)" });
    await download.waitFor();
    expect(await download.getAttribute('href')).toMatch(/^http/);
    await checkPage(page, 'juror-dossier');

    // JURY-4: a professional link with Alice, none with Bruno; the eligibility and the blockers follow.
    await openTab(page, 'Déclarations de liens', 'Déclarations de liens');
    const aliceGroup = page.getByRole('group', { name: aliceName });
    await aliceGroup.getByLabel('Lien professionnel').check();
    await aliceGroup.getByLabel('Précisions sur ce lien (facultatif)').fill('Ancienne collègue de travail');
    await page.getByRole('group', { name: brunoName }).getByLabel('Je ne connais pas ce candidat').check();
    await page.getByRole('button', { name: 'Enregistrer mes déclarations' }).click();
    await page.getByText('Vos déclarations sont enregistrées.').waitFor();
    const eligibility = page.getByRole('table', { name: "Jurés sans conflit d'intérêts, par candidat (JURY-4)" });
    const aliceRow = eligibility.getByRole('row', { name: new RegExp(aliceName) });
    expect(await aliceRow.getByRole('cell').nth(1).textContent()).toBe(jurorName);
    expect(await aliceRow.getByText('Au moins 2 jurés : évalué').count()).toBe(1);
    const blockers = page.getByRole('list', { name: 'Ce qui bloque la session' });
    await expect.poll(() => blockers.locator('li[data-rule="JURY-4"]').count()).toBe(2);
    expect(await blockers.textContent()).toContain("n'a pas encore déclaré ses liens pour 2 candidats");
    await checkPage(page, 'juror-declarations');

    // A declared link cannot be withdrawn: the API refuses, its sentence shows in French.
    await aliceGroup.getByLabel('Je ne connais pas ce candidat').check();
    await page.getByRole('button', { name: 'Enregistrer mes déclarations' }).click();
    const refusal = page.getByRole('alert');
    await refusal.getByText('un lien déclaré ne peut pas être retiré', { exact: false }).waitFor();
    expect(await refusal.textContent()).toContain('Refusé');
    await checkPage(page, 'juror-declarations-refused');

    // Through the API: the other jurors declare, Bruno sits first, checks in, and his oral runs to its end.
    for (const other of built.jurors.slice(1)) {
      const declared = await other.client.declareLinks(built.sessionId, { declarations: [aliceReg, brunoReg].map((registrationId) => ({ registrationId, link: 'none' as const })) });
      expect(declared.status, JSON.stringify(declared.error)).toBe(200);
    }
    await eventually(() => manager.getSession(built.sessionId), atWait('WaitForExamDay'), 15_000);
    expect((await manager.setCandidateOrder(built.sessionId, [brunoReg, aliceReg])).status).toBe(200);
    await morningOf(suite.env, manager, built.sessionId);
    for (const registrationId of [brunoReg, aliceReg]) expect((await manager.checkIn(built.sessionId, registrationId, { status: 'present' })).status).toBe(200);
    expect(await openDay(suite.env, manager, built.sessionId)).toBe(brunoReg);
    await sitOral(suite.env, built.jurors[1]!.client, built.sessionId, brunoReg);

    // EXAM-1: the exam day: the running clock, the current candidate and the stage of the oral, the order.
    await openTab(page, "Jour d'examen", "Jour d'examen");
    await page.getByRole('heading', { level: 3, name: `Candidat en cours : ${brunoName}` }).waitFor();
    await page.getByText('Étape : Oral terminé : délibération').waitFor();
    const clock = page.getByRole('timer', { name: /^Heure de la session \(Europe\/Paris\)$/ });
    expect(await clock.getAttribute('aria-live')).toBe('off');
    const before = await clock.textContent();
    expect(before).toMatch(/^\d{2}:\d{2}:\d{2} \(UTC\+0[12]:00\)$/);
    await expect.poll(() => clock.textContent(), { timeout: 3_000 }).not.toBe(before);
    const order = page.getByRole('table', { name: /^Ordre de passage, heures de la session/ });
    expect(await order.getByRole('row').nth(1).textContent()).toContain(brunoName);
    expect(await order.getByRole('row').nth(1).textContent()).toContain('Présentation du projet, démonstration incluse (30 min)');
    await checkPage(page, 'juror-exam-day');

    // A refresh of the day that fails (a dropped connection, a 429 in a national wave) leaves the day on screen and says so.
    const sessionRead = `**/sessions/${built.sessionId}`;
    await page.route(sessionRead, (route) => route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ message: 'Too Many Requests' }) }));
    const refreshFailed = page.getByRole('alert');
    await refreshFailed.waitFor({ timeout: 20_000 });
    expect(await refreshFailed.textContent()).toContain('La demande a échoué (Code 429, HTTP 429)');
    expect(await page.getByRole('heading', { level: 3, name: `Candidat en cours : ${brunoName}` }).isVisible()).toBe(true);
    expect(await order.isVisible()).toBe(true);
    await checkPage(page, 'juror-exam-day-refresh-failed');
    await page.unroute(sessionRead);
    await refreshFailed.getByRole('button', { name: 'Réessayer' }).click();
    await refreshFailed.waitFor({ state: 'detached' });

    // DELIB-1, DELIB-5, DELIB-4: the grid of Bruno (Alice, with whom a link was declared, is not listed).
    await openTab(page, "Grilles d'évaluation", "Grilles d'évaluation");
    const brunoGrid = page.getByRole('link', { name: `Grille d'évaluation de ${brunoName} (18 compétences)` });
    await brunoGrid.waitFor();
    expect(await page.getByRole('link', { name: new RegExp(`Grille d'évaluation de ${aliceName}`) }).count()).toBe(0);
    await brunoGrid.click();
    await page.getByRole('heading', { level: 3, name: `Grille d'évaluation de ${brunoName}` }).waitFor();
    const competencies = page.getByRole('group', { name: /^(Compétence )?C\d+/ });
    expect(await competencies.count()).toBe(18);
    for (let index = 0; index < 18; index++) {
      await competencies.nth(index).getByLabel(index === 0 ? 'Non acquise' : 'Acquise', { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Enregistrer la grille' }).click();
    const missingNotes = page.getByRole('alert');
    await missingNotes.locator('li[data-rule="DELIB-5"]').first().waitFor();
    expect(await missingNotes.textContent()).toContain(`DELIB-5 : ${brunoName} n'obtient pas le titre : consignez les motifs du jury`);
    await page.getByLabel('Motifs de la décision').fill('C1 non démontrée lors de la présentation');
    await page.getByLabel('Recommandations au candidat').fill('Documenter la gestion des données analytiques');
    await page.getByRole('button', { name: 'Enregistrer la grille' }).click();
    await page.getByText('Grille enregistrée (révision 1)', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Signer la grille (révision 1)' }).click();
    await page.getByText('Votre signature est enregistrée.').waitFor();
    const signers = page.getByRole('table', { name: 'Jurés qui signent la grille' });
    expect(await signers.getByRole('row', { name: new RegExp(jurorName) }).textContent()).toMatch(/Signée le .* à \d{2}:\d{2} \(UTC\+0[12]:00\)/);
    expect(await signers.getByText('Pas encore signée').count()).toBe(2);
    await checkPage(page, 'juror-grid');

    // PV-4: the PV read, its PDF through a blob: link, and a signature refused before the end of the session.
    await openTab(page, 'Procès-verbal', 'Procès-verbal');
    await page.getByRole('table', { name: 'Résultat de chaque candidat inscrit (PV-3)' }).waitFor();
    await page.getByRole('button', { name: 'Préparer le PDF du PV' }).click();
    const pdf = page.getByRole('link', { name: /^Télécharger le projet de PV \(PDF, / });
    await pdf.waitFor();
    expect(await pdf.getAttribute('href')).toMatch(/^blob:/);
    await page.getByRole('button', { name: 'Signer ce projet de PV' }).click();
    const early = page.getByRole('alert').filter({ has: page.locator('li[data-rule="PV-4"]') });
    await early.waitFor();
    expect(await early.textContent()).toContain('PV-4 : le PV est signé à la fin de la session');
    await checkPage(page, 'juror-pv');
    await page.close();
  }, 120_000);
});
