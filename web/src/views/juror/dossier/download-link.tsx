import { useAction } from '../../../app/api';
import { useMessages } from '../../../i18n/i18n';
import { Busy, ProblemNotice } from '../../../ui/problem';
import { JUROR } from '../messages';

/**
 * One deliverable of the jury set: a button asks the API for a short-lived presigned URL
 * (each one handed out is recorded, JURY-7), then the link downloads it; once it expired, the
 * button gives a new one.
 */
export function DownloadLink({ sessionId, registrationId, deliverableType }: { sessionId: string; registrationId: string; deliverableType: string }) {
  const t = useMessages(JUROR);
  const what = t.deliverable(deliverableType);
  const action = useAction((client) => client.juryDownload(sessionId, registrationId, deliverableType));
  const download = action.done?.download;
  return (
    <div class="juror-download">
      <button type="button" class="secondary" disabled={action.running} onClick={() => void action.run()}>
        {t.getLink(what)}
      </button>
      {download && (
        <p role="status">
          <a href={download.url} rel="noopener noreferrer">
            {t.download(what, download.version)}
          </a>{' '}
          <span class="muted">{t.linkValid(Math.floor(download.expiresInSeconds / 60))}</span>
        </p>
      )}
      {action.running && <Busy />}
      <ProblemNotice problem={action.problem} />
    </div>
  );
}
