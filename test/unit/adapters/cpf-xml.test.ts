import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CPF_NAMESPACE, cpfFluxXml, type CpfFluxInput } from '../../../shared/adapters/cpf-xml';
import { cpfPassages, InvalidInput, type CpfPassage, type CpfResult, type HolderIdentity } from '../../../shared/domain';
import { ref } from '../domain/fixtures';

const run = promisify(execFile);
const XSD = fileURLToPath(new URL('../../../shared/cpf/cpf-pc5.xsd', import.meta.url));

const ELOISE: HolderIdentity = {
  birthName: "D'Aubigné & <Fils>",
  firstNames: ['Éloïse', 'Anaïs'],
  birthDate: '1996-03-07',
  sex: 'F',
  birthplace: { city: 'Saint-Étienne', inseeCode: '42218' },
};

const AWA: HolderIdentity = {
  birthName: 'Ndiaye',
  usageName: 'Müller',
  firstNames: ['Awa', 'Fatou', 'Marie'],
  birthDate: '2000-02-29',
  sex: 'F',
  birthplace: { city: 'Dakar', countryCode: '99341' },
};

const NOAH: HolderIdentity = { birthName: 'Leroy', firstNames: ['Noah'], birthDate: '1990-11-30', sex: 'M', birthplace: { city: 'Ajaccio', inseeCode: '2A004' } };

const passage = (registrationId: string, certificationCode: string, holder: HolderIdentity, obtainedOn = '2027-06-10'): CpfPassage => ({
  id: `${registrationId}-${certificationCode}`,
  certificationCode,
  obtainedOn,
  holder,
  registrationId,
});

const input = (overrides: Partial<CpfFluxInput> = {}): CpfFluxInput => ({
  fluxId: '5d079a5d-0a4d-45ac-854d-256b01cacdfe',
  generatedAt: new Date('2027-06-20T08:30:15.987Z'),
  certifier: { idClient: '03SPL042', idContrat: 'MCFCER000123' },
  passages: [passage('reg-1', 'RNCP34757', ELOISE), passage('reg-2', 'RNCP34757BC02', AWA), passage('reg-3', 'RNCP34757BC02', NOAH), passage('reg-3', 'RNCP34757BC04', NOAH)],
  ...overrides,
});

let dir: string;
let files = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'certiflow-cpf-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `xmllint --noout --schema` on the document; `ok` is its verdict, `output` what it said. */
async function xmllint(xml: string): Promise<{ ok: boolean; output: string }> {
  const file = join(dir, `flux-${++files}.xml`);
  await writeFile(file, xml, 'utf8');
  try {
    const { stderr } = await run('/usr/bin/xmllint', ['--noout', '--schema', XSD, file]);
    return { ok: true, output: stderr };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { ok: false, output: failed.stderr ?? '' };
  }
}

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false, isArray: (name) => ['certification', 'passageCertification'].includes(name) }).parse(xml);

describe('CPF export: the flux validates against shared/cpf/cpf-pc5.xsd', () => {
  it('CPF export: RETAKE-1: a flux with a title passage and block passages, accents and markup characters, is valid', async () => {
    const verdict = await xmllint(cpfFluxXml(input()));
    expect(verdict).toEqual({ ok: true, output: expect.stringContaining('validates') });
  });

  it('CPF export: RETAKE-1: QUAL-2: the flux built from session results is valid and leaves the annulled session out', async () => {
    const base = { userId: 'u', titleCode: 'RNCP34757', sessionDate: '2027-06-10', sealed: true, annulled: false, blocksValidatedNow: [] as string[] };
    const results: CpfResult[] = [
      { ...base, registrationId: 'r-1', result: 'admitted', holder: ELOISE },
      { ...base, registrationId: 'r-2', result: 'partially-admitted', blocksValidatedNow: ['A1', 'A3'], holder: AWA },
      { ...base, registrationId: 'r-3', result: 'admitted', annulled: true, holder: NOAH },
    ];
    const xml = cpfFluxXml(input({ passages: cpfPassages(ref, results).passages }));
    expect(await xmllint(xml)).toMatchObject({ ok: true });
    expect(xml).not.toContain('r-3');
    expect(xml.match(/<cpf:idTechnique>[^<]+/g)).toEqual(['<cpf:idTechnique>r-1-RNCP34757', '<cpf:idTechnique>r-2-RNCP34757BC01', '<cpf:idTechnique>r-2-RNCP34757BC03']);
  });

  it.each<[string, (xml: string) => string]>([
    ['a block code written RNCP34757-BC2', (xml) => xml.replace('<cpf:code>RNCP34757BC02</cpf:code>', '<cpf:code>RNCP34757-BC2</cpf:code>')],
    ['a certification of type RS', (xml) => xml.replace('<cpf:type>RNCP</cpf:type>', '<cpf:type>RS</cpf:type>')],
    ['a missing sexe', (xml) => xml.replace('<cpf:sexe>M</cpf:sexe>', '')],
    ['a missing dateFinValidite', (xml) => xml.replace(/<cpf:dateFinValidite xsi:nil="true"><\/cpf:dateFinValidite>/, '')],
    ['sexe X', (xml) => xml.replace('<cpf:sexe>M</cpf:sexe>', '<cpf:sexe>X</cpf:sexe>')],
    ['obtentionCertification PAR_JURY', (xml) => xml.replace('PAR_ADMISSION', 'PAR_JURY')],
    ['a modaliteAcces outside the CDC list', (xml) => xml.replace('<cpf:modaliteAcces xsi:nil="true"></cpf:modaliteAcces>', '<cpf:modaliteAcces>ALTERNANCE</cpf:modaliteAcces>')],
    ['a dateDebutValidite of 30 February', (xml) => xml.replace('<cpf:dateDebutValidite>2027-06-10', '<cpf:dateDebutValidite>2027-02-30')],
    ['a horodatage without offset', (xml) => xml.replace(/(<cpf:horodatage>[^<+]+)\+\d{2}:\d{2}/, '$1')],
    ['an idTechnique of 256 characters', (xml) => xml.replace('<cpf:idTechnique>reg-1-RNCP34757', `<cpf:idTechnique>${'x'.repeat(256)}`)],
    ['an idClient of 7 characters', (xml) => xml.replaceAll('03SPL042', '03SPL04')],
    ['a 5-character INSEE code that is not one', (xml) => xml.replace('<cpf:codeInsee>42218', '<cpf:codeInsee>4221X')],
    ['a prenom2 before prenom1', (xml) => xml.replace(/(<cpf:prenom1>Éloïse<\/cpf:prenom1>)(\s*)(<cpf:prenom2>Anaïs<\/cpf:prenom2>)/, '$3$2$1')],
    ['a birth year of 1899', (xml) => xml.replace('<cpf:anneeNaissance>1996', '<cpf:anneeNaissance>1899')],
    ['a certification without passages', (xml) => xml.replace(/<cpf:passageCertifications>[\s\S]*?<\/cpf:passageCertifications>/, '<cpf:passageCertifications></cpf:passageCertifications>')],
  ])('CPF export: the schema rejects a flux tampered with %s', async (_, tamper) => {
    const xml = cpfFluxXml(input());
    const tampered = tamper(xml);
    expect(tampered).not.toBe(xml);
    const verdict = await xmllint(tampered);
    expect(verdict.ok).toBe(false);
    expect(verdict.output).toMatch(/fails to validate/);
  });
});

describe('CPF export: what the flux says', () => {
  it('CPF export: starts with the UTF-8 declaration and carries the CDC namespace on its root', () => {
    const xml = cpfFluxXml(input());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<cpf:flux xmlns:cpf="urn:cdc:cpf:pc5:schema:1.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">')).toBe(true);
    expect(CPF_NAMESPACE).toBe('urn:cdc:cpf:pc5:schema:1.0.0');
  });

  it('CPF export: keeps accents as they are and escapes markup characters, so names read back unchanged', () => {
    const xml = cpfFluxXml(input());
    expect(xml).toContain('<cpf:prenom1>Éloïse</cpf:prenom1>');
    expect(xml).toContain('<cpf:libelleCommuneNaissance>Saint-Étienne</cpf:libelleCommuneNaissance>');
    expect(xml).not.toContain('&#');
    expect(xml).toContain('&amp; &lt;Fils&gt;');
    const titulaire = parse(xml).flux.emetteur.certificateurs.certificateur.certifications.certification[0].passageCertifications.passageCertification[0].identificationTitulaire.titulaire;
    expect(titulaire.nomNaissance).toBe("D'Aubigné & <Fils>");
  });

  it('CPF export: RETAKE-1: groups passages under one RNCP certification per code, codes in order', () => {
    const certifications = parse(cpfFluxXml(input({ passages: [...input().passages].reverse() }))).flux.emetteur.certificateurs.certificateur.certifications.certification;
    expect(certifications.map((c: { type: string; code: string; passageCertifications: { passageCertification: Array<{ idTechnique: string }> } }) => [c.type, c.code, c.passageCertifications.passageCertification.map((p) => p.idTechnique)])).toEqual([
      ['RNCP', 'RNCP34757', ['reg-1-RNCP34757']],
      ['RNCP', 'RNCP34757BC02', ['reg-3-RNCP34757BC02', 'reg-2-RNCP34757BC02']],
      ['RNCP', 'RNCP34757BC04', ['reg-3-RNCP34757BC04']],
    ]);
  });

  it('CPF export: reports each passage as obtained by admission, certified, valid from the session day with no end, and nil where Certiflow has no data', () => {
    const first = parse(cpfFluxXml(input())).flux.emetteur.certificateurs.certificateur.certifications.certification[0].passageCertifications.passageCertification[0];
    const nil = { '@_nil': 'true' };
    expect(first).toMatchObject({
      idTechnique: 'reg-1-RNCP34757',
      obtentionCertification: 'PAR_ADMISSION',
      donneeCertifiee: 'true',
      dateDebutValidite: '2027-06-10',
      dateFinValidite: nil,
      presenceNiveauLangueEuro: 'false',
      presenceNiveauNumeriqueEuro: 'false',
      scoring: nil,
      mentionValidee: nil,
      modalitesInscription: { modaliteAcces: nil },
    });
  });

  it('CPF export: writes the holder with the birth date split into year, month and day, and the birthplace by INSEE code', () => {
    const certifications = parse(cpfFluxXml(input())).flux.emetteur.certificateurs.certificateur.certifications.certification;
    const [awa, noah] = certifications[1].passageCertifications.passageCertification.map((p: { identificationTitulaire: { titulaire: unknown } }) => p.identificationTitulaire.titulaire);
    expect(awa).toEqual({
      nomNaissance: 'Ndiaye',
      nomUsage: 'Müller',
      prenom1: 'Awa',
      prenom2: 'Fatou',
      prenom3: 'Marie',
      anneeNaissance: '2000',
      moisNaissance: '02',
      jourNaissance: '29',
      sexe: 'F',
      codeCommuneNaissance: { codeInseeNaissance: { codeInsee: '99341' } },
      libelleCommuneNaissance: 'Dakar',
      codePaysNaissance: '341',
    });
    expect(noah).toMatchObject({ nomUsage: { '@_nil': 'true' }, prenom1: 'Noah', codeCommuneNaissance: { codeInseeNaissance: { codeInsee: '2A004' } } });
    expect(noah).not.toHaveProperty('prenom2');
    expect(noah).not.toHaveProperty('codePaysNaissance');
  });

  it.each([
    ['2027-06-20T08:30:15.987Z', '2027-06-20T10:30:15+02:00'],
    ['2027-01-15T23:59:59.999Z', '2027-01-16T00:59:59+01:00'],
  ])('CPF export: the horodatage of %s is %s: Paris time to the second, with its offset', (generatedAt, horodatage) => {
    expect(cpfFluxXml(input({ generatedAt: new Date(generatedAt) }))).toContain(`<cpf:horodatage>${horodatage}</cpf:horodatage>`);
  });

  it('CPF export: the same input gives the same bytes', () => {
    expect(cpfFluxXml(input())).toBe(cpfFluxXml(input()));
  });

  it.each<[string, Partial<CpfFluxInput>, string]>([
    ['no passage', { passages: [] }, 'passages'],
    ['an empty fluxId', { fluxId: '' }, 'fluxId'],
    ['a 51-character fluxId', { fluxId: 'f'.repeat(51) }, 'fluxId'],
    ['an idClient of 9 characters', { certifier: { idClient: '03SPL0420', idContrat: 'MCFCER000123' } }, 'certifier.idClient'],
    ['an idContrat of 21 characters', { certifier: { idClient: '03SPL042', idContrat: 'M'.repeat(21) } }, 'certifier.idContrat'],
  ])('CPF export: refuses to write a flux with %s, naming the field', (_, overrides, field) => {
    expect(() => cpfFluxXml(input(overrides))).toThrow(InvalidInput);
    try {
      cpfFluxXml(input(overrides));
    } catch (error) {
      expect((error as InvalidInput).field).toBe(field);
    }
  });
});
