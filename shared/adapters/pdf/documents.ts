import { PDFDocument } from 'pdf-lib';
import { checkJpeg, checkPng } from './image-check';
import type { CertificateDocument, DecisionDocument, DocumentRenderer, GridDocument, PrintedSignature, PvDocument } from '../../use-cases/records/documents';
import { DocumentWriter } from './document-writer';
import { fingerprint, frenchDate, frenchInstant, RESULT_LABEL } from './french';

function signed(signature: PrintedSignature | undefined, timeZone: string): string {
  return signature ? `Signé électroniquement le ${frenchInstant(signature.signedAt, timeZone)} — empreinte ${fingerprint(signature.sha256)}` : 'Signature : ____________________';
}

/** The PV in its three parts (PV-2, PV-3, PV-4), as the official form lays it out. */
async function pv(document: PvDocument): Promise<Uint8Array> {
  const { part1, part2, part3, timeZone } = document;
  const writer = await DocumentWriter.create({
    title: `Procès-verbal de session — ${part1.rncpCode}`,
    subject: `Session du ${frenchDate(part1.sessionDate)}`,
    datedAt: document.datedAt,
    ...(document.draft ? { watermark: 'PROJET' } : {}),
  });
  writer.title('Procès-verbal de la session de certification', `${part1.certificationName} — ${part1.rncpCode}`);
  if (document.draft) writer.paragraph('PROJET — ce document n’est pas le procès-verbal scellé ; il peut encore évoluer jusqu’au scellement.', { muted: true });
  writer.heading('Partie 1 — Informations sur la session').fields([
    ['Certification', part1.certificationName],
    ['Numéro RNCP', part1.rncpCode],
    ['Date de la session', frenchDate(part1.sessionDate)],
    ['Centre organisateur', part1.centreName],
    ['Adresse du centre', part1.centreAddress],
  ]);
  const counts = part1.counts;
  writer.fields([
    ['Candidats inscrits', counts ? String(counts.registered) : 'à compléter en fin de session'],
    ['Absents', counts ? String(counts.absent) : '—'],
    ['Admis (titre)', counts ? String(counts.admitted) : '—'],
    ['Admis partiellement', counts ? String(counts.partiallyAdmitted) : '—'],
    ['Non admis', counts ? String(counts.notAdmitted) : '—'],
  ]);
  writer.heading('Partie 2 — Résultats des candidats').table(
    [
      { header: 'Candidat', width: 2 },
      { header: 'Résultat', width: 2 },
      { header: 'Blocs validés', width: 1.3 },
      { header: 'Motifs', width: 2.5 },
      { header: 'Préconisations', width: 2.5 },
    ],
    part2.map((row) => [row.name, row.result ? RESULT_LABEL[row.result] : 'à délibérer', row.blocksValidated.join(', ') || '—', row.reasons ?? '', row.recommendations ?? '']),
  );
  writer.heading('Partie 3 — Membres du jury et responsable de session');
  for (const juror of part3.jurors) writer.fields([[`Membre du jury`, juror.name], ['', signed(juror.signature, timeZone)]]);
  writer.fields([['Responsable de session', part3.sessionManager.name], ['', signed(part3.sessionManager.signature, timeZone)]]);
  if (part3.stamp) await writer.image(part3.stamp.bytes, part3.stamp.contentType, `Cachet du centre organisateur, apposé le ${frenchInstant(part3.stamp.appliedAt, timeZone)}`);
  else writer.paragraph('Cachet du centre organisateur : à apposer.', { muted: true });
  if (document.sealedAt) writer.paragraph(`Procès-verbal scellé le ${frenchInstant(document.sealedAt, timeZone)} ; il est conservé sans limite de durée et n’est plus jamais modifié.`, { bold: true });
  return writer.save();
}

/** A candidate's evaluation grid, competency by competency (DELIB-1, DELIB-2, DELIB-4). */
async function grid(document: GridDocument): Promise<Uint8Array> {
  const writer = await DocumentWriter.create({ title: `Grille d’évaluation — ${document.candidateName}`, subject: `${document.rncpCode}, session du ${frenchDate(document.sessionDate)}`, datedAt: document.datedAt });
  writer.title('Grille d’évaluation', `${document.certificationName} — ${document.rncpCode} — session du ${frenchDate(document.sessionDate)}`);
  writer.fields([
    ['Candidat', document.candidateName],
    ['Blocs validés antérieurement', document.blocksValidatedEarlier.join(', ') || 'aucun'],
    ['Résultat', RESULT_LABEL[document.result]],
  ]);
  for (const block of document.blocks) {
    writer.heading(`${block.code} — ${block.title}`).table(
      [
        { header: 'Compétence', width: 4 },
        { header: 'Décision du jury', width: 1.5 },
      ],
      block.competencies.map((c) => [`${c.code}${c.title ? ` — ${c.title}` : ''}`, c.acquired ? 'Acquise' : 'Non acquise']),
    );
  }
  if (document.reasons) writer.heading('Motifs').paragraph(document.reasons);
  if (document.recommendations) writer.heading('Préconisations').paragraph(document.recommendations);
  writer.heading('Signatures du jury');
  for (const s of document.signatures) writer.fields([[s.name, signed(s.signature, document.timeZone)]]);
  return writer.save();
}

/** The diploma of the whole title, or the booklet of the blocks validated (RETAKE-1). */
async function certificate(document: CertificateDocument): Promise<Uint8Array> {
  const parchemin = document.kind === 'parchemin';
  const writer = await DocumentWriter.create({ title: parchemin ? `Parchemin — ${document.rncpCode}` : `Livret de certification — ${document.rncpCode}`, subject: document.holderName, datedAt: document.datedAt });
  writer.title(parchemin ? 'Parchemin' : 'Livret de certification', `${document.certifier} — ${document.rncpCode}`);
  writer.paragraph(
    parchemin
      ? `Le titre professionnel « ${document.certificationName} » (${document.rncpCode}) est délivré à ${document.holderName}, à l’issue de la session du ${frenchDate(document.sessionDate)}.`
      : `${document.holderName} a validé les blocs de compétences suivants du titre « ${document.certificationName} » (${document.rncpCode}) ; chacun reste acquis à vie.`,
    { size: 11 },
  );
  writer.heading(parchemin ? 'Blocs de compétences' : 'Blocs de compétences validés').table(
    [
      { header: 'Bloc', width: 0.6 },
      { header: 'Intitulé', width: 4 },
      { header: 'Certification partielle', width: 1.6 },
    ],
    document.blocks.map((b) => [b.code, b.title, b.partialCertificationCode]),
  );
  writer.fields([
    ['Session', `${frenchDate(document.sessionDate)}, ${document.centreAddress}`],
    ['Code de vérification', document.verificationCode],
  ]);
  writer.paragraph(`Un employeur peut vérifier ce document avec le code ci-dessus (GET /verify/${document.verificationCode}).`, { muted: true });
  return writer.save();
}

/** A decision of the quality committee, dated and kept beside the sealed records (QUAL-2). */
async function decision(document: DecisionDocument): Promise<Uint8Array> {
  const writer = await DocumentWriter.create({ title: `Décision du comité qualité — ${document.rncpCode}`, subject: `Session du ${frenchDate(document.sessionDate)}`, datedAt: document.datedAt });
  writer.title('Décision du comité qualité', `${document.certificationName} — ${document.rncpCode} — session du ${frenchDate(document.sessionDate)}`);
  writer.fields([
    ['Décision', document.outcome === 'annulled' ? 'Annulation de la session' : 'Rejet'],
    ['Date', frenchInstant(document.datedAt, document.timeZone)],
  ]);
  writer.heading('Motif').paragraph(document.reason);
  writer.heading('Dossiers examinés').table(
    [
      { header: 'Nature', width: 1 },
      { header: 'Objet', width: 4 },
    ],
    document.cases.map((c) => [c.kind, c.summary]),
  );
  if (document.outcome === 'annulled') writer.paragraph('Les résultats de la session sont nuls ; les procès-verbaux et grilles scellés sont conservés, cette décision est classée à côté d’eux.', { bold: true });
  return writer.save();
}

/** Checks the image's structure, then embeds it in a scratch PDF as a document would, and answers its size. */
async function imageSize(bytes: Uint8Array, contentType: 'image/png' | 'image/jpeg'): Promise<{ width: number; height: number }> {
  if (contentType === 'image/png') checkPng(bytes);
  else checkJpeg(bytes);
  const scratch = await PDFDocument.create();
  const image = contentType === 'image/png' ? await scratch.embedPng(bytes) : await scratch.embedJpg(bytes);
  return { width: image.width, height: image.height };
}

/** The official papers in French, rendered with pdf-lib and Noto Sans. */
export const pdfDocuments: DocumentRenderer = { pv, grid, certificate, decision, imageSize };
