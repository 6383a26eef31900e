import type { RegistrationIntake } from '../../../../shared/use-cases/deliverables/intake-status';
import { useMessages } from '../../i18n/i18n';
import { ViolationList } from '../../ui/violations';
import { CANDIDATE } from './messages';
import { StateBadge, VersionTable } from './versions';

/** What the candidate owes (each deliverable with its French label and page range), where each stands, and every version with its reasons. */
export function IntakeOverview({ intake, headingLevel = 3 }: { intake: RegistrationIntake; headingLevel?: 3 | 4 }) {
  const t = useMessages(CANDIDATE);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const Sub = headingLevel === 3 ? 'h4' : 'h5';
  return (
    <section class="candidate-intake">
      <Heading>{t.owed}</Heading>
      <ul class="candidate-owed">
        {intake.deliverables.map((d) => (
          <li key={d.deliverableType} data-deliverable={d.deliverableType}>
            <Sub>
              {t.deliverable(d.deliverableType, d.label)} <StateBadge deliverable={d} />
            </Sub>
            <p class="muted">{t.pageRange(d.pages.min, d.pages.max)}</p>
            <VersionTable deliverable={d} timeZone={intake.timeZone} />
          </li>
        ))}
      </ul>
      {intake.missing.length > 0 && (
        <div class="notice notice-warn">
          <p>{t.missingForJury}</p>
          <ViolationList items={intake.missing} />
        </div>
      )}
    </section>
  );
}
