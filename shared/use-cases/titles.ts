import { REFERENTIALS } from '../domain/referential';

/** Whether Certiflow runs sessions for this title (REF-1). */
export function isKnownTitle(rncpCode: string): boolean {
  return REFERENTIALS.some((ref) => ref.rncpCode === rncpCode);
}
