import { XMLBuilder } from 'fast-xml-parser';
import { Temporal } from 'temporal-polyfill';
import type { CpfPassage, HolderIdentity } from '../domain/cpf';
import { DEFAULT_TIME_ZONE } from '../domain/dates';
import { InvalidInput } from '../domain/errors';

/** The namespace of the Caisse des Dépôts' CPF flux, on the root `flux` element. */
export const CPF_NAMESPACE = 'urn:cdc:cpf:pc5:schema:1.0.0';

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** What one CPF flux reports: who deposits it, for which certifier contract, and the passages. */
export interface CpfFluxInput {
  /** `idFlux`, 1 to 50 characters, unique per deposit. */
  fluxId: string;
  generatedAt: Date;
  /** The certifier's identifiers given by the Caisse des Dépôts: `idClient` (8 characters) and `idContrat` (1 to 20). */
  certifier: { idClient: string; idContrat: string };
  passages: readonly CpfPassage[];
}

type XmlNode = string | { [name: string]: XmlNode | XmlNode[] };

const NIL: XmlNode = { '@_xsi:nil': 'true' };

function horodatage(instant: Date): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime())
    .toZonedDateTimeISO(DEFAULT_TIME_ZONE)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

function titulaire(holder: HolderIdentity): XmlNode {
  const [year, month, day] = holder.birthDate.split('-') as [string, string, string];
  const [prenom1, prenom2, prenom3] = holder.firstNames;
  const { city, inseeCode, countryCode } = holder.birthplace;
  return {
    'cpf:nomNaissance': holder.birthName,
    'cpf:nomUsage': holder.usageName ?? NIL,
    'cpf:prenom1': prenom1 ?? '',
    ...(prenom2 ? { 'cpf:prenom2': prenom2 } : {}),
    ...(prenom3 ? { 'cpf:prenom3': prenom3 } : {}),
    'cpf:anneeNaissance': year,
    'cpf:moisNaissance': month,
    'cpf:jourNaissance': day,
    'cpf:sexe': holder.sex,
    'cpf:codeCommuneNaissance': { 'cpf:codeInseeNaissance': { 'cpf:codeInsee': inseeCode ?? countryCode ?? '' } },
    'cpf:libelleCommuneNaissance': city,
    ...(countryCode ? { 'cpf:codePaysNaissance': countryCode.slice(2) } : {}),
  };
}

function passageCertification(passage: CpfPassage): XmlNode {
  return {
    'cpf:idTechnique': passage.id,
    'cpf:obtentionCertification': 'PAR_ADMISSION',
    'cpf:donneeCertifiee': 'true',
    'cpf:dateDebutValidite': passage.obtainedOn,
    'cpf:dateFinValidite': NIL,
    'cpf:presenceNiveauLangueEuro': 'false',
    'cpf:presenceNiveauNumeriqueEuro': 'false',
    'cpf:scoring': NIL,
    'cpf:mentionValidee': NIL,
    'cpf:modalitesInscription': { 'cpf:modaliteAcces': NIL },
    'cpf:identificationTitulaire': { 'cpf:titulaire': titulaire(passage.holder) },
  };
}

function certifications(passages: readonly CpfPassage[]): XmlNode[] {
  const byCode = new Map<string, CpfPassage[]>();
  for (const passage of passages) byCode.set(passage.certificationCode, [...(byCode.get(passage.certificationCode) ?? []), passage]);
  return [...byCode.keys()]
    .sort()
    .map((code) => ({
      'cpf:type': 'RNCP',
      'cpf:code': code,
      'cpf:passageCertifications': { 'cpf:passageCertification': byCode.get(code)!.map(passageCertification) },
    }));
}

function requireLength(field: string, value: string, min: number, max: number): void {
  if (value.length < min || value.length > max) {
    throw new InvalidInput(
      {
        en: `${field} must be ${min === max ? `exactly ${min}` : `${min} to ${max}`} characters for the CPF flux`,
        fr: `${field} doit compter ${min === max ? `exactement ${min}` : `de ${min} à ${max}`} caractères pour le flux CPF`,
      },
      field,
    );
  }
}

/**
 * The CPF "accrochage" flux reporting `passages` to the Caisse des Dépôts: UTF-8 XML with its
 * declaration, namespace {@link CPF_NAMESPACE}, accents kept and markup characters escaped,
 * valid against `shared/cpf/cpf-pc5.xsd`. Passages are grouped under one `certification` (type
 * RNCP) per code, codes in order, passages in the order given. Every passage is reported as
 * obtained by admission (PAR_ADMISSION), certified data, valid from its day with no end date
 * (nil), without language or digital level, score or mention (nil), access route unknown (nil).
 * `horodatage` is `generatedAt` in Europe/Paris, to the second, with its offset.
 * Throws {@link InvalidInput} when there is no passage or an identifier has the wrong length.
 */
export function cpfFluxXml(input: CpfFluxInput): string {
  requireLength('fluxId', input.fluxId, 1, 50);
  requireLength('certifier.idClient', input.certifier.idClient, 8, 8);
  requireLength('certifier.idContrat', input.certifier.idContrat, 1, 20);
  if (input.passages.length === 0) throw new InvalidInput({ en: 'a CPF flux reports at least one passage', fr: 'un flux CPF déclare au moins un passage' }, 'passages');
  const document: XmlNode = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'cpf:flux': {
      '@_xmlns:cpf': CPF_NAMESPACE,
      '@_xmlns:xsi': XSI_NAMESPACE,
      'cpf:idFlux': input.fluxId,
      'cpf:horodatage': horodatage(input.generatedAt),
      'cpf:emetteur': {
        'cpf:idClient': input.certifier.idClient,
        'cpf:certificateurs': {
          'cpf:certificateur': {
            'cpf:idClient': input.certifier.idClient,
            'cpf:idContrat': input.certifier.idContrat,
            'cpf:certifications': { 'cpf:certification': certifications(input.passages) },
          },
        },
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, suppressBooleanAttributes: false, suppressEmptyNode: false, format: true, indentBy: '  ' });
  return builder.build(document) as string;
}
