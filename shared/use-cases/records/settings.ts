import { Forbidden, InvalidInput, referentialFor } from '../../domain';
import { actorOf, type Caller } from '../caller';
import type { Deps } from '../deps';
import { managerCentre } from '../sessions/session-access';
import { sha256Of } from './pv-documents';
import { recordKeys } from './pv-seal';
import type { CentreStampRecord, TitleSettingsRecord } from './records';
import { writeOnce } from './write-once';

/** The product's appeal window when the certifier set none: two months after the results are released (QUAL-1). */
export const DEFAULT_APPEAL_WINDOW_MONTHS = 2;

/** The largest stamp image accepted. */
export const MAX_STAMP_BYTES = 1_000_000;

const MAGIC: Record<'image/png' | 'image/jpeg', { bytes: number[]; extension: string }> = {
  'image/png': { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extension: 'png' },
  'image/jpeg': { bytes: [0xff, 0xd8, 0xff], extension: 'jpg' },
};

/**
 * A manager of the centre uploads its stamp (PV-4), once, or again when it changes: a PNG or JPEG
 * whose bytes are what they claim and that a PDF can carry. It is kept in the records bucket,
 * since the sealed PVs carry it; PVs already stamped keep the one they were stamped with.
 */
export async function uploadStamp(
  deps: Pick<Deps, 'settings' | 'records' | 'documents' | 'now' | 'newId'>,
  caller: Caller,
  centreId: string,
  input: { contentType: 'image/png' | 'image/jpeg'; imageBase64: string },
): Promise<Omit<CentreStampRecord, 'image'> & { sha256: string }> {
  if (managerCentre(caller) !== centreId) {
    throw new Forbidden({
      en: `you manage centre ${caller.centreId}, not ${centreId}; a centre's stamp is uploaded by its own managers`,
      fr: `vous êtes responsable du centre ${caller.centreId}, pas de ${centreId} ; le cachet d'un centre est déposé par ses propres responsables`,
    });
  }
  const bytes = Buffer.from(input.imageBase64, 'base64');
  if (bytes.length === 0) throw new InvalidInput({ en: 'imageBase64: the image is empty', fr: 'imageBase64 : l\'image est vide' }, 'imageBase64');
  if (bytes.length > MAX_STAMP_BYTES) {
    throw new InvalidInput(
      { en: `imageBase64: the image is ${bytes.length} bytes; a stamp is at most ${MAX_STAMP_BYTES} bytes`, fr: `imageBase64 : l'image fait ${bytes.length} octets ; un cachet fait au plus ${MAX_STAMP_BYTES} octets` },
      'imageBase64',
    );
  }
  const magic = MAGIC[input.contentType];
  const kind = input.contentType === 'image/png' ? 'PNG' : 'JPEG';
  if (!magic.bytes.every((b, i) => bytes[i] === b)) {
    throw new InvalidInput(
      { en: `imageBase64: these bytes are not a ${kind} image; a stamp is a PNG or a JPEG`, fr: `imageBase64 : ces octets ne forment pas une image ${kind} ; un cachet est une image PNG ou JPEG` },
      'imageBase64',
    );
  }
  const size = await deps.documents.imageSize(bytes, input.contentType).catch(() => {
    throw new InvalidInput(
      {
        en: `imageBase64: the ${input.contentType} image cannot be read (damaged or of an unsupported kind, e.g. an interlaced PNG or a CMYK JPEG)`,
        fr: `imageBase64 : l'image ${input.contentType} est illisible (endommagée ou d'un type non pris en charge, par exemple un PNG entrelacé ou un JPEG CMJN)`,
      },
      'imageBase64',
    );
  });
  const sha256 = sha256Of(bytes);
  const existing = await deps.settings.stamp(centreId);
  const at = deps.now().toISOString();
  const image = existing?.image.sha256 === sha256 ? existing.image : await writeOnce(deps.records, recordKeys.stamp(centreId, sha256, magic.extension), bytes, input.contentType, sha256);
  const stamp: CentreStampRecord = { centreId, image, contentType: input.contentType, width: size.width, height: size.height, uploadedAt: existing?.image.sha256 === sha256 ? existing.uploadedAt : at, uploadedBy: existing?.image.sha256 === sha256 ? existing.uploadedBy : caller.id };
  if (existing?.image.sha256 !== sha256) {
    await deps.settings.saveStamp(stamp, { subject: { type: 'centre', id: centreId }, at, eventId: deps.newId(), actor: actorOf(caller), action: 'centre.stamp-uploaded', details: { sha256, contentType: input.contentType, width: size.width, height: size.height } });
  }
  const { image: _image, ...view } = stamp;
  return { ...view, sha256 };
}

/** A title's settings, or the product's defaults when the certifier set none. */
export async function titleSettingsOf(deps: Pick<Deps, 'settings'>, titleCode: string): Promise<Pick<TitleSettingsRecord, 'titleCode' | 'appealWindowMonths' | 'cpf'>> {
  const stored = await deps.settings.titleSettings(titleCode);
  return stored ?? { titleCode, appealWindowMonths: DEFAULT_APPEAL_WINDOW_MONTHS };
}

/** The certifier sets a title's appeal window (QUAL-1) and its CPF contract (the holders' export). */
export async function setTitleSettings(
  deps: Pick<Deps, 'settings' | 'now' | 'newId'>,
  caller: Caller,
  titleCode: string,
  input: { appealWindowMonths: number; cpf?: { idClient: string; idContrat: string } },
): Promise<TitleSettingsRecord> {
  if (!caller.roles.includes('certifiers')) throw new Forbidden({ en: 'only the certifier sets a title\'s settings', fr: 'seul le certificateur définit les paramètres d\'un titre' });
  referentialFor(titleCode);
  const at = deps.now().toISOString();
  const settings: TitleSettingsRecord = { titleCode, appealWindowMonths: input.appealWindowMonths, ...(input.cpf ? { cpf: input.cpf } : {}), updatedAt: at, updatedBy: caller.id };
  await deps.settings.saveTitleSettings(settings, { subject: { type: 'title', id: titleCode }, at, eventId: deps.newId(), actor: actorOf(caller), action: 'title.settings-set', details: { appealWindowMonths: input.appealWindowMonths, cpf: input.cpf } });
  return settings;
}
