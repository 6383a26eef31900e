import { describe, expect, it } from 'vitest';
import { peopleFile, rememberPeople } from '../../local/dev-sign-in';
import { daysFromNow } from '../e2e/support/fixtures';
import { sessionInIntake, type BuiltSession } from '../e2e/support/sessions';
import { eventually } from '../e2e/support/test-runtime';
import { signInAs } from './support/browser';
import { checkPage, webSuite } from './support/web-suite';

const REASON = 'Le juré a quitté la salle dix minutes ; le jury restait en nombre suffisant et l’oral a été repris.';

describe('the quality committee area: the cases before it, its decisions, the session records', () => {
  let built: BuiltSession;
  let jurorName: string;

  const suite = webSuite(async (env) => {
    const manager = await env.clientAs('managers', { sub: 'manager-web-quality', centreId: 'centre-quality' });
    const quality = await env.clientAs('quality', { sub: 'quality-web' });
    built = await sessionInIntake(env, manager, { sessionDate: daysFromNow(env.runtime.clock.now(), 30), timeZone: 'Indian/Reunion', candidates: 1 });
    const absent = (await manager.getSession(built.sessionId)).data!.session.jurors.find((j) => j.jurorId === built.jurors[1]!.id)!;
    jurorName = `${absent.firstName} ${absent.lastName}`;
    const absence = await manager.reportIncident(built.sessionId, { kind: 'juror-absence', jurorId: absent.jurorId, description: 'sorti de la salle pendant dix minutes' });
    expect(absence.status, JSON.stringify(absence.error)).toBe(201);
    const breach = await manager.reportIncident(built.sessionId, { kind: 'breach', state: 'established', description: 'Le sujet a circulé la veille', registrationId: built.candidates[0]!.registrationId });
    expect(breach.status, JSON.stringify(breach.error)).toBe(201);
    await eventually(() => quality.committeeCases(), (r) => (r.data?.items.filter((c) => c.sessionId === built.sessionId).length ?? 0) === 2, 15_000);
    rememberPeople(peopleFile(env.dataDir), [{ sub: 'quality-web', name: 'Inès Garnier', role: 'quality' }]);
  }, 120_000);

  it('JURY-6, EXAM-6, QUAL-2: the cases before the committee show who, what, when in the session\'s zone and the rule; an annulment before the seal is refused as the API says; a rejection is recorded and shown', async () => {
    const page = await suite.browser.open(suite.env.runtime.urls.api);
    await signInAs(page, 'quality-web');
    await page.getByRole('heading', { level: 1, name: 'Dossiers soumis au comité qualité' }).waitFor();
    const cases = page.locator(`section[data-session="${built.sessionId}"]`);
    const rows = cases.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const absence = cases.getByRole('row').filter({ hasText: 'Absence d\'un juré' });
    const absenceText = await absence.textContent();
    expect(absenceText).toContain(`${jurorName} (juré·e)`);
    expect(absenceText).toContain('le responsable de session (manager-web-quality)');
    expect(absenceText).toContain('JURY-6');
    expect(absenceText).toMatch(/à \d\d:\d\d \(UTC\+04:00\)/);
    expect(await absence.locator('[data-rule="JURY-6"]').textContent()).toMatch(/^JURY-6 : .* a quitté le jury \(sorti de la salle pendant dix minutes\) ; le jury siège au complet/);
    const breach = cases.getByRole('row').filter({ hasText: 'Manquement signalé' });
    expect(await breach.textContent()).toContain('EXAM-6');
    expect(await breach.textContent()).toContain('Le sujet a circulé la veille');
    await checkPage(page, 'quality-cases');

    await absence.getByRole('checkbox').check();
    await cases.getByLabel('Annulation de la session : ses résultats sont nuls').check();
    await cases.getByLabel('Motivation de la décision').fill(REASON);
    await cases.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const refusal = cases.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('QUAL-2 : le comité n\'annule qu\'une session dont le PV est scellé');
    expect(await refusal.getAttribute('data-code')).toBe('Conflict');
    await checkPage(page, 'quality-decision-refused');

    await cases.getByLabel('Rejet : les résultats sont maintenus').check();
    await cases.getByRole('button', { name: 'Enregistrer la décision' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Décision enregistrée le' });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/^Décision enregistrée le .* \(UTC\+04:00\) : Rejet : les résultats sont maintenus \(1 dossier\)\./);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Manquement signalé');

    await done.getByRole('link', { name: 'Voir les décisions et le dossier scellé de la session' }).click();
    await page.getByRole('heading', { level: 1, name: /^Dossier de la session du / }).waitFor();
    const decisions = page.getByRole('table', { name: 'Décisions du comité' });
    await decisions.waitFor();
    expect(await decisions.locator('tbody tr').count()).toBe(1);
    const decision = await decisions.locator('tbody tr').first().textContent();
    expect(decision).toContain('Rejet : les résultats sont maintenus');
    expect(decision).toContain(REASON);
    expect(decision).toMatch(/\(UTC\+04:00\)/);
    await page.getByText('Le procès-verbal de cette session n\'est pas encore scellé.').waitFor();
    await page.getByRole('button', { name: 'Exporter l\'archive de la session' }).click();
    const link = page.getByRole('link', { name: /^Télécharger l'archive \(ZIP, / });
    await link.waitFor({ timeout: 20_000 });
    expect((await fetch((await link.getAttribute('href'))!)).status).toBe(200);
    const incidents = page.getByRole('table', { name: 'Incidents signalés' });
    expect(await incidents.getByRole('row').filter({ hasText: 'Absence d\'un juré' }).textContent()).toContain('Statué');
    await checkPage(page, 'quality-session-record');

    await page.getByRole('link', { name: 'Sessions et archives' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sessions et archives' }).waitFor();
    await page.getByLabel('Centre organisateur (identifiant)').fill('centre-quality');
    await page.getByRole('button', { name: 'Afficher les sessions' }).click();
    const sessions = page.getByRole('table', { name: 'Sessions du centre centre-quality' });
    await sessions.waitFor();
    expect(await sessions.locator('tbody tr').count()).toBe(1);
    expect(await sessions.textContent()).toContain('Dépôt des livrables');
    await checkPage(page, 'quality-sessions');

    // Back from a session's record, the last centre is listed again and offered among those read in this tab.
    await sessions.getByRole('link').first().click();
    await page.getByRole('heading', { level: 1, name: /^Dossier de la session / }).waitFor();
    await page.getByRole('link', { name: 'Sessions et archives' }).click();
    await page.getByRole('table', { name: 'Sessions du centre centre-quality' }).waitFor();
    expect(await page.getByLabel('Centre organisateur (identifiant)').inputValue()).toBe('centre-quality');
    expect(await page.locator('datalist#recent-centres option').evaluateAll((options) => options.map((o) => o.getAttribute('value')))).toEqual(['centre-quality']);
    await page.close();
  });
});
