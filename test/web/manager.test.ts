import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CertiflowClient } from '../../client/certiflow-client';
import { peopleFile, rememberPeople } from '../../local/dev-sign-in';
import { referentialFor } from '../../shared/domain';
import { stampPng } from '../e2e/support/documents';
import { decisions, morningOf, openDay, sitOral, toReadyForExam, uploadDeliverables } from '../e2e/support/exam-day';
import { daysFromNow, newSession } from '../e2e/support/fixtures';
import { sessionInIntake } from '../e2e/support/sessions';
import { atWait, eventually } from '../e2e/support/test-runtime';
import { signInAs } from './support/browser';
import { checkPage, webSuite } from './support/web-suite';

const MANAGER = { sub: 'manager-web', name: 'Hélène Roux', role: 'managers' as const, centreId: 'centre-web' };
const ALL_TYPES = ['project-report', 'practical-case-1-report', 'practical-case-2-report'];
const ALL = referentialFor('RNCP34757').competencies.map((c) => c.code);

describe('the session manager area: CSV import, planning, the PV sealed from the browser (JURY, EXAM, PV)', () => {
  let manager: CertiflowClient;

  const suite = webSuite(async (env) => {
    rememberPeople(peopleFile(env.dataDir), [MANAGER]);
    manager = env.anonymous.as(await env.runtime.issuer.sign({ sub: MANAGER.sub, name: MANAGER.name, roles: ['managers'], centreId: MANAGER.centreId }));
  }, 180_000);

  async function openSession(sessionId: string): Promise<Page> {
    const page = await suite.browser.open(suite.env.runtime.urls.api);
    await signInAs(page, MANAGER.sub);
    await page.getByRole('heading', { level: 1, name: 'Sessions de votre centre' }).waitFor();
    await page.locator(`a[href="#/manager/sessions/${sessionId}"]`).click();
    await page.getByRole('heading', { level: 2, name: 'Ce qui bloque la session' }).or(page.getByRole('heading', { level: 2, name: 'La session' })).first().waitFor();
    return page;
  }

  it('a manager imports a candidates CSV with one bad row, sees the row and the field named, drops it and imports the rest', async () => {
    const sessionId = await newSession(manager, suite.env.runtime.clock.now());
    const page = await suite.browser.open(suite.env.runtime.urls.api);
    await signInAs(page, MANAGER.sub);
    await page.getByRole('heading', { level: 1, name: 'Sessions de votre centre' }).waitFor();
    await page.getByRole('table').waitFor();
    await checkPage(page, 'manager-home');

    await page.getByLabel('Code du titre RNCP').fill('RNCP');
    await page.getByLabel('Adresse du centre organisateur').fill('Lyon');
    await page.getByRole('button', { name: 'Créer la session' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Code du titre RNCP').getAttribute('aria-invalid')).toBe('true');
    await page.getByText("RNCP suivi de ses chiffres, comme l'écrit France Compétences, par exemple RNCP34757", { exact: true }).waitFor();
    await page.getByText("l'adresse du centre organisateur, de 5 à 300 caractères", { exact: true }).waitFor();
    expect(await page.getByLabel("Date de l'épreuve").getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'manager-home-refused');

    await page.locator(`a[href="#/manager/sessions/${sessionId}"]`).click();
    await page.getByRole('heading', { level: 2, name: 'Ce qui bloque la session' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Diffusion des documents (DIST-1 à DIST-7)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Planification' }).getAttribute('aria-current')).toBe('page');
    expect(await page.getByText('JURY-1', { exact: true }).count()).toBeGreaterThan(0);
    await checkPage(page, 'manager-session-planning');

    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { level: 2, name: 'Importer des candidats' }).waitFor();
    expect(await page.getByRole('link', { name: 'Import CSV' }).getAttribute('aria-current')).toBe('page');
    await checkPage(page, 'manager-import');

    const csv = ['prénom;nom;email;identifiant', 'Amélie;Poulain;amelie.poulain@example.org;cand-amelie', 'Bruno;Lefèvre;bruno.lefevre-at-example.org;cand-bruno', 'Chloé;Dubois;chloe.dubois@example.org;cand-chloe'].join('\r\n');
    await page.getByLabel('Fichier CSV des candidats').setInputFiles({ name: 'candidats.csv', mimeType: 'text/csv', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${csv}\r\n`, 'utf8')]) });
    const preview = page.getByRole('table').filter({ hasText: 'Aperçu de candidats.csv' });
    await preview.waitFor();
    expect(await preview.locator('caption').textContent()).toBe('Aperçu de candidats.csv : 3 lignes — 2 valides, 1 en erreur, 0 écartée');
    const bad = preview.getByRole('row').filter({ hasText: 'Bruno' });
    expect(await bad.getByRole('rowheader').textContent()).toBe('Ligne 3');
    expect(await bad.textContent()).toContain('En erreur');
    expect(await bad.locator('code').first().textContent()).toBe('email');
    expect(await bad.locator('li').first().textContent()).toMatch(/adresse e-mail/);
    expect(await bad.locator('td.manager-import-errors').evaluate((cell) => (globalThis as unknown as { getComputedStyle(e: unknown): { whiteSpace: string } }).getComputedStyle(cell).whiteSpace), 'the errors wrap; the values stay on one line').toBe('normal');
    expect(await preview.getByRole('row').filter({ hasText: 'Amélie' }).textContent()).toContain('Valide');
    await page.setViewportSize({ width: 1024, height: 768 });
    const frame = await page.getByRole('region', { name: /^Aperçu de candidats\.csv/ }).boundingBox();
    const dropBox = await page.getByLabel('Écarter la ligne 3').boundingBox();
    expect(dropBox!.x + dropBox!.width, 'on a small laptop, the line to drop shows without scrolling sideways').toBeLessThanOrEqual(frame!.x + frame!.width);
    await page.setViewportSize({ width: 1280, height: 900 });

    const commit = page.getByRole('button', { name: 'Importer 2 candidats' });
    expect(await commit.isDisabled()).toBe(true);
    await page.getByText("L'import est impossible tant que la ligne 3 est en erreur").waitFor();
    await checkPage(page, 'manager-import-preview');

    await page.getByLabel('Écarter la ligne 3').check();
    expect(await preview.locator('caption').textContent()).toBe('Aperçu de candidats.csv : 3 lignes — 2 valides, 0 en erreur, 1 écartée');
    expect(await bad.textContent()).toContain('Écartée');
    expect(await commit.isEnabled()).toBe(true);
    await commit.click();
    await page.getByText('2 candidats inscrits à la session.').waitFor();
    await checkPage(page, 'manager-import-committed');

    await page.getByRole('link', { name: 'Planification' }).click();
    const candidates = page.getByRole('table', { name: '2 candidats inscrits' });
    await candidates.waitFor();
    expect(await candidates.getByRole('rowheader').allTextContents()).toEqual(expect.arrayContaining(['Amélie Poulain', 'Chloé Dubois']));
    expect(await candidates.textContent()).not.toContain('Bruno');
    await checkPage(page, 'manager-session-planning-after-import');
    await page.close();
  });

  it('DIST-1..DIST-7: a session without a cohort says why no deadline shows; the manager sets the cohort and the seven deadlines appear', async () => {
    const now = suite.env.runtime.clock.now();
    const created = await manager.createSession({ titleCode: 'RNCP34757', sessionDate: daysFromNow(now, 120), address: '12 rue des Lilas, 69001 Lyon' });
    const sessionId = created.data!.session.id;
    const page = await openSession(sessionId);
    await page.getByText("Les dates limites de diffusion se calculent depuis le calendrier de la promotion, que cette session n'a pas encore.").waitFor();
    expect(await page.getByRole('alert').count(), 'a session without a cohort is not an error').toBe(0);
    await checkPage(page, 'manager-planning-cohort-missing');

    await page.getByLabel('Nom de la promotion').fill('Promo IA 2027');
    await page.getByLabel('Début de la formation').fill(daysFromNow(now, 30));
    await page.getByLabel('Fin de la prairie').fill(daysFromNow(now, 10));
    await page.getByRole('button', { name: 'Enregistrer la promotion' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Fin de la prairie').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Fin de la prairie').fill(daysFromNow(now, 60));
    await page.getByRole('button', { name: 'Enregistrer la promotion' }).click();
    const deadlines = page.getByRole('table').filter({ hasText: 'Chaque diffusion, sa date limite et où elle en est' });
    await deadlines.waitFor();
    expect(await deadlines.getByRole('rowheader').allTextContents()).toEqual(['DIST-1', 'DIST-2', 'DIST-3', 'DIST-4', 'DIST-5', 'DIST-6', 'DIST-7']);
    expect((await manager.getSession(sessionId)).data!.session.cohort).toEqual({ name: 'Promo IA 2027', startDate: daysFromNow(now, 30), prairieEnd: daysFromNow(now, 60) });
    await checkPage(page, 'manager-planning-cohort-set');
  });

  it('PV-4, PV-6, PV-7, RETAKE-1: a juror signs the PV and the manager seals it from the browser; the candidate then reads her result and downloads her diploma', async () => {
    const now = suite.env.runtime.clock.now();
    const day = await sessionInIntake(suite.env, manager, { sessionDate: daysFromNow(now, 30), candidates: 1 });
    const [alice] = day.candidates;
    await uploadDeliverables(suite.env, day.sessionId, alice!, ALL_TYPES);
    await toReadyForExam(suite.env, manager, day);
    await morningOf(suite.env, manager, day.sessionId);

    const page = await openSession(day.sessionId);
    await page.getByRole('link', { name: "Jour d'examen" }).click();
    await page.getByRole('heading', { level: 2, name: 'Planning et ordre de passage (EXAM-1)' }).waitFor();
    expect(await page.getByRole('timer').textContent()).toMatch(/^\d\d:\d\d:\d\d \(UTC\+0[12]:00\)$/);
    const checkIn = page.getByRole('group', { name: /^Émargement de Alice/ });
    await checkIn.getByRole('button', { name: 'Présent', exact: true }).click();
    await page.getByText(/présent, attend son oral — émargement à \d\d:\d\d \(UTC\+0[12]:00\)/).waitFor();
    expect(await checkIn.count(), 'EXAM-4: a candidate checks in once').toBe(0);
    await page.getByText('Aucun incident signalé.').waitFor();
    const oralControls = page.getByRole('group', { name: /^Oral de Alice/ });
    expect(await oralControls.count(), 'EXAM-1: no oral to start before the day opens and calls her').toBe(0);
    await checkPage(page, 'manager-exam-day');

    expect(await openDay(suite.env, manager, day.sessionId)).toBe(alice!.registrationId);
    const refresh = page.getByRole('button', { name: 'Actualiser' });
    await refresh.click();
    await oralControls.getByRole('button', { name: "Démarrer l'oral" }).waitFor();
    expect(await oralControls.getByRole('button', { name: 'Terminer le segment en cours' }).count()).toBe(0);
    await sitOral(suite.env, day.jurors[0]!.client, day.sessionId, alice!.registrationId);
    // The jury ran the oral from its own page: refreshed, the console shows the later stage, not the one it recorded itself.
    await refresh.click();
    await page.getByText(/oral terminé, délibération en cours/).waitFor();
    expect(await oralControls.count()).toBe(0);
    const filled = await day.jurors[0]!.client.fillGrid(day.sessionId, alice!.registrationId, { decisions: decisions(ALL, ALL) });
    expect(filled.status, JSON.stringify(filled.error)).toBe(200);
    for (const juror of day.jurors) expect((await juror.client.signGrid(day.sessionId, alice!.registrationId, filled.data!.grid.hash!)).status).toBe(200);
    await eventually(() => manager.getSession(day.sessionId), atWait('WaitForPvSeal'), 20_000);
    const draft = (await manager.pvPdf(day.sessionId)).data!;

    // PV-4: a juror reads the PDF of the draft and signs it in the browser; the other signs through the API.
    const [first, second] = day.jurors;
    rememberPeople(peopleFile(suite.env.dataDir), [MANAGER, { sub: first!.userId, name: 'Premier juré', role: 'jurors' }]);
    const jurorPage = await suite.browser.open(suite.env.runtime.urls.api);
    await signInAs(jurorPage, first!.userId);
    await jurorPage.getByRole('table', { name: 'Vos sessions, par date' }).getByRole('link').first().click();
    await jurorPage.getByRole('navigation', { name: 'Rubriques de la session' }).getByRole('link', { name: 'Procès-verbal' }).click();
    await jurorPage.getByRole('button', { name: 'Préparer le PDF du PV' }).click();
    await jurorPage.getByText(draft.sha256, { exact: false }).waitFor();
    await jurorPage.getByRole('button', { name: 'Signer ce projet de PV' }).click();
    await jurorPage.getByText(/^Votre signature du PV est enregistrée \(.+ à \d\d:\d\d \(UTC\+0[12]:00\)\)\.$/).waitFor();
    await expect.poll(() => jurorPage.getByRole('button', { name: 'Signer ce projet de PV' }).count()).toBe(0);
    expect(await jurorPage.getByText('1 inscrit, 0 absent, 1 admis, 0 admis partiellement, 0 non admis', { exact: true }).count()).toBe(1);
    await checkPage(jurorPage, 'juror-pv-signed');
    await jurorPage.reload();
    await jurorPage.getByRole('button', { name: 'Préparer le PDF du PV' }).click();
    await jurorPage.getByText('Vous avez signé ce projet de PV', { exact: false }).waitFor();
    expect(await jurorPage.getByRole('button', { name: 'Signer ce projet de PV' }).count()).toBe(0);
    await jurorPage.close();
    const signed = (await manager.pv(day.sessionId)).data!.status.signatures.find((s) => s.signerId === first!.id);
    expect(signed).toMatchObject({ sha256: draft.sha256, current: true });
    expect((await second!.client.signPv(day.sessionId, draft.sha256)).status).toBe(200);

    await page.reload();
    await page.getByText('Délibérée', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Dépôt des livrables' }).click();
    await page.getByRole('table', { name: /^Livrables dus par Alice/ }).waitFor();
    expect(await page.getByRole('table', { name: /^Livrables dus par Alice/ }).getByText('Accepté', { exact: true }).count()).toBe(3);
    await checkPage(page, 'manager-intake');

    await page.getByRole('link', { name: 'Procès-verbal' }).click();
    const missing = page.getByRole('list', { name: 'Ce qui manque pour sceller le PV (PV-6)' });
    await missing.waitFor();
    expect(await page.getByRole('link', { name: 'Procès-verbal' }).getAttribute('aria-current')).toBe('page');
    const items = await missing.getByRole('listitem').allTextContents();
    expect(items).toEqual([expect.stringMatching(/^PV-4 la partie 3 ne porte pas la signature de Hélène Roux \(responsable de session\)$/), 'PV-4 la partie 3 ne porte pas le cachet du centre organisateur']);
    await checkPage(page, 'manager-pv');

    await page.getByRole('button', { name: 'Sceller le PV' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'ne peut pas être scellé' });
    await refusal.waitFor();
    expect(await refusal.locator('li[data-rule="PV-4"]').count()).toBe(2);

    const sign = page.getByRole('button', { name: 'Signer le PV en tant que responsable de session' });
    expect(await sign.isDisabled()).toBe(true);
    await page.getByText("Lisez d'abord le projet de PV : vous signez la version lue.").waitFor();
    await page.getByRole('button', { name: 'Lire le projet de PV (PDF)' }).click();
    const download = page.getByRole('link', { name: /^Télécharger le projet de PV \(PDF, [\d,]+ Ko\)$/ });
    await download.waitFor();
    expect(await download.getAttribute('href')).toMatch(/^blob:/);
    expect(await page.locator('code.manager-hash').first().textContent()).toBe(draft.sha256);
    await sign.click();
    await page.getByText('Votre signature est enregistrée.').waitFor();
    await expect.poll(() => missing.getByRole('listitem').allTextContents()).toEqual(['PV-4 la partie 3 ne porte pas le cachet du centre organisateur']);

    await page.getByLabel('Image du cachet du centre centre-web').setInputFiles({ name: 'cachet.png', mimeType: 'image/png', buffer: stampPng() });
    await page.getByRole('button', { name: 'Enregistrer le cachet du centre' }).click();
    await page.getByText('Le cachet du centre est enregistré (96 × 96 pixels).').waitFor();
    await page.getByRole('button', { name: 'Apposer le cachet sur le PV' }).click();
    await page.getByText('Cachet apposé').waitFor();
    await page.getByText('Rien ne manque : le PV peut être scellé.').waitFor();
    await checkPage(page, 'manager-pv-ready');

    await page.getByRole('button', { name: 'Sceller le PV' }).click();
    await page.getByRole('heading', { level: 2, name: 'PV scellé', exact: true }).waitFor();
    await page.getByText(/^Le PV est scellé depuis le .+ \(UTC\+0[12]:00\)\. Il ne peut plus être modifié \(PV-7\)\.$/).waitFor();
    expect(await page.getByRole('heading', { name: 'Ce qui manque pour sceller le PV (PV-6)' }).count()).toBe(0);
    expect(await page.getByRole('list', { name: 'Ce qui manque pour sceller le PV (PV-6)' }).count()).toBe(0);
    const status = (await manager.pv(day.sessionId)).data!.status;
    expect(status.sealed).toBeDefined();
    expect(await page.getByText(status.sealed!.pv.sha256).count()).toBe(1);
    expect(await page.getByText('1 grille', { exact: true }).count()).toBe(1);
    expect(await page.getByText(/^Verrouillé en mode conformité \(S3 Object Lock COMPLIANCE\) : ni modifiable ni supprimable jusqu'au .+ \(UTC\+0[12]:00\)$/).count(), 'PV-7').toBe(1);
    await checkPage(page, 'manager-pv-sealed');
    await page.close();

    // RETAKE-1: once the PV is sealed, the candidate reads her result and downloads her diploma, the bytes whose fingerprint the page shows.
    rememberPeople(peopleFile(suite.env.dataDir), [MANAGER, { sub: alice!.userId, name: 'Alice (candidate)', role: 'candidates' }]);
    const own = await suite.browser.open(suite.env.runtime.urls.api);
    await signInAs(own, alice!.userId);
    await own.getByRole('link', { name: 'Mon résultat et mes recours' }).first().click();
    await own.getByText('Admis·e : titre obtenu', { exact: true }).waitFor();
    expect(await own.getByText('A1, A2, A3, A4', { exact: true }).count()).toBe(1);
    const diploma = own.getByRole('link', { name: 'Télécharger : Parchemin du titre (PDF)' });
    await expect
      .poll(
        async () => {
          if ((await diploma.count()) === 0) await own.reload();
          return diploma.count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(1);
    const bytes = new Uint8Array(await (await fetch((await diploma.getAttribute('href'))!)).arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(await own.locator('code.candidate-hash').textContent());
    await checkPage(own, 'candidate-result');
    await own.close();
  });
});
