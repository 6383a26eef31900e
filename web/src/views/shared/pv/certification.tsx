import type { PvView } from '../../../../../shared/use-cases/exam-day/dossier';

/** The certification the PV is about, as its part 1 names it (PV-2): its name and RNCP code. */
export function Certification({ part1 }: { part1: Pick<PvView['part1'], 'certificationName' | 'rncpCode'> }) {
  return (
    <>
      {part1.certificationName} ({part1.rncpCode})
    </>
  );
}
