import type { CaseView } from '../../../../shared/use-cases/records/committee';
import { useMessages } from '../../i18n/i18n';
import { QUALITY } from './messages';
import { candidateName, jurorName, type SessionContext } from './session-context';

/** Who a case concerns and who raised it, named from the session's registrations, jurors and incidents. */
export function useCasePeople(): (item: CaseView, context: SessionContext) => { who: string; by: string } {
  const t = useMessages(QUALITY);
  return (item, context) => {
    const candidate = candidateName(context, item.registrationId);
    if (item.kind === 'appeal') return { who: candidate ?? t.unknown, by: candidate ?? t.candidateAppeal };
    const incident = context.incidents.find((i) => i.id === item.caseId);
    const juror = jurorName(context, incident?.jurorId);
    const who = [juror && t.juror(juror), candidate].filter(Boolean).join(', ') || t.unknown;
    const reporter = incident?.reportedBy;
    const by = !reporter ? t.unknown : reporter.role === 'juror' ? t.juror(jurorName(context, reporter.jurorId) ?? reporter.jurorId) : `${t.sessionManager} (${reporter.userId})`;
    return { who, by };
  };
}
