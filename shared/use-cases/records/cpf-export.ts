import { Conflict, cpfPassages, Forbidden, referentialFor, type CpfResult, type Violation } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { loadPlanning } from '../sessions/planning-reads';
import { titleSettingsOf } from './settings';

/** Statuses whose results are sealed and stand. */
const SEALED = new Set(['sealed', 'results-released']);

/** The holders' flux and what was left out of it, and why. */
export interface CpfExport {
  fluxId: string;
  titleCode: string;
  from: string;
  to: string;
  passages: number;
  skipped: Array<{ registrationId: string; sessionId: string; reason: Violation }>;
  /** The XML flux for the CPF information system. */
  xml: string;
}

/**
 * The holders' export for the CPF information system, for the certifier: every diploma and booklet
 * of a title from sessions held in the period, from sealed results only and never from an annulled
 * session (QUAL-2); the title for a holder of all four blocks, otherwise each block validated in
 * that session under its own code (RETAKE-1). A holder whose civil status is missing is left out
 * and named, so the centre can complete it. Recorded in the audit log of each session exported.
 */
export async function cpfExport(deps: Pick<Deps, 'sessions' | 'recordsIndex' | 'settings' | 'cpfFlux' | 'audit' | 'now' | 'newId'>, caller: Caller, query: { titleCode: string; from: string; to: string }): Promise<CpfExport> {
  if (!caller.roles.includes('certifiers')) throw new Forbidden({ en: 'the holders\' export to the CPF is made by the certifier', fr: 'l\'export des titulaires vers le CPF est réalisé par le certificateur' });
  const ref = referentialFor(query.titleCode);
  const settings = await titleSettingsOf(deps, ref.rncpCode);
  if (!settings.cpf) throw new Conflict({
      en: `the CPF contract of ${ref.rncpCode} is not set: the certifier gives its idClient and idContrat first (PUT /titles/${ref.rncpCode}/settings)`,
      fr: `le contrat CPF de ${ref.rncpCode} n'est pas renseigné : le certificateur indique d'abord son idClient et son idContrat (PUT /titles/${ref.rncpCode}/settings)`,
    });
  const certificates = await deps.recordsIndex.certifiedBetween(ref.rncpCode, query.from, query.to);
  const results: CpfResult[] = [];
  const sessionOf = new Map<string, string>();
  for (const sessionId of [...new Set(certificates.map((c) => c.sessionId))].sort()) {
    const planning = await loadPlanning(deps.sessions, sessionId);
    const { session } = planning;
    for (const certificate of certificates.filter((c) => c.sessionId === sessionId)) {
      const registration = planning.registrations.find((r) => r.id === certificate.registrationId);
      sessionOf.set(certificate.registrationId, sessionId);
      results.push({
        registrationId: certificate.registrationId,
        userId: certificate.userId,
        titleCode: ref.rncpCode,
        sessionDate: session.sessionDate,
        sealed: SEALED.has(session.status) || session.status === 'annulled',
        annulled: session.status === 'annulled' || Boolean(session.annulment), // QUAL-2
        result: certificate.kind === 'parchemin' ? 'admitted' : 'partially-admitted',
        blocksValidatedNow: certificate.blocksValidatedNow,
        ...(registration?.holder ? { holder: registration.holder } : {}),
      });
    }
  }
  const selection = cpfPassages(ref, results);
  const fluxId = deps.newId().replace(/-/g, '').slice(0, 32);
  const xml = selection.passages.length > 0 ? deps.cpfFlux({ fluxId, generatedAt: deps.now(), certifier: settings.cpf, passages: selection.passages }) : '';
  const skipped = selection.skipped.map((s) => ({ ...s, sessionId: sessionOf.get(s.registrationId) ?? '' }));
  const at = deps.now();
  const sessions = [...new Set(selection.passages.map((p) => sessionOf.get(p.registrationId)!))].sort();
  await deps.audit.append({
    subject: { type: 'title', id: ref.rncpCode },
    at: at.toISOString(),
    eventId: deps.newId(),
    actor: actorOf(caller),
    action: 'cpf.exported',
    details: { fluxId, from: query.from, to: query.to, sessions, passages: selection.passages.map((p) => p.id), skipped: skipped.map((s) => s.registrationId) },
  });
  return { fluxId, titleCode: ref.rncpCode, from: query.from, to: query.to, passages: selection.passages.length, skipped, xml };
}
