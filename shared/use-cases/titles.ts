import { loadReferential, RNCP34757, type Referential } from '../domain/referential';

/** Every RNCP title Certiflow runs sessions for (REF-1): adding one is adding a definition here. */
const TITLES: readonly Referential[] = [loadReferential(RNCP34757)];

/** The referential of a title, by its RNCP code. */
export function findTitle(rncpCode: string): Referential | undefined {
  return TITLES.find((title) => title.rncpCode === rncpCode);
}

/** Whether Certiflow knows this title. */
export function isKnownTitle(rncpCode: string): boolean {
  return findTitle(rncpCode) !== undefined;
}
