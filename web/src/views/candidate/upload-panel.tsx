import { useEffect, useRef, useState } from 'preact/hooks';
import type { UploadGrant } from '../../../../client/certiflow-client';
import type { DeliverableView, VersionView } from '../../../../shared/use-cases/deliverables/intake-status';
import { newKey, networkProblem, outcome, useAction, useSigned, type Problem } from '../../app/api';
import { serverNow } from '../../app/server-clock';
import { formatBytes } from '../../i18n/format';
import { useLanguage, useMessages } from '../../i18n/i18n';
import { Busy, Done, ProblemNotice } from '../../ui/problem';
import { CANDIDATE } from './messages';
import { postFileToPresigned, type StorageAnswer } from './presigned-upload';
import { Reasons } from './versions';

/** How often, and how many times, the deliverables are read again until the new version's outcome shows. */
const POLL_MS = 1_000;
const POLL_TIMES = 30;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Phase = 'idle' | 'asking' | 'sending' | 'checking';

/** What the panel last said: the storage's refusal, a file too large, a check still running, or the new version's outcome. */
type Said = { kind: 'failure'; text: string } | { kind: 'waiting' } | { kind: 'version'; version: VersionView };

function storageFailure(t: (typeof CANDIDATE)['fr'], answer: StorageAnswer, grant: UploadGrant): string {
  if (answer.status === 0) return t.s3Unreachable;
  const expired = new Date(grant.expiresAt).getTime() <= serverNow() || /expired/i.test(answer.message ?? '');
  if (answer.status === 403 && expired) return t.expired;
  return t.s3Refused(answer.status, [answer.code, answer.message].filter(Boolean).join(' — '));
}

/** The outcome of the new version, said with its reasons when refused. */
function VersionOutcome({ version }: { version: VersionView }) {
  const t = useMessages(CANDIDATE);
  if (version.status === 'accepted') return <Done>{version.late ? t.acceptedLate(version.version) : t.accepted(version.version, version.pages)}</Done>;
  return (
    <div class="notice notice-error" role="alert">
      <p>
        <strong>{t.refused(version.version)}</strong>
      </p>
      <Reasons version={version} />
    </div>
  );
}

/**
 * Uploads one owed deliverable: asks the API for a presigned POST (with an idempotency key kept
 * for a retry of the same request), sends the PDF straight to the storage with a progress bar,
 * then reads the deliverables again every second until the new version's outcome shows.
 */
export function UploadPanel({ sessionId, registrationId, deliverable, onSettled }: { sessionId: string; registrationId: string; deliverable: DeliverableView; onSettled(): void }) {
  const t = useMessages(CANDIDATE);
  const { language } = useLanguage();
  const { client } = useSigned();
  const [file, setFile] = useState<File | undefined>();
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState<number | undefined>();
  const [said, setSaid] = useState<Said | undefined>();
  const [pollProblem, setPollProblem] = useState<Problem | undefined>();
  const key = useRef(newKey());
  const alive = useRef(true);
  useEffect(() => () => void (alive.current = false), []);
  const grant = useAction((c, idempotencyKey: string) => c.requestUpload(sessionId, registrationId, deliverable.deliverableType, { idempotencyKey }));
  const label = t.deliverable(deliverable.deliverableType, deliverable.label);
  const id = `upload-${deliverable.deliverableType}`;

  const awaitOutcome = async (uploadId: string) => {
    for (let n = 0; n < POLL_TIMES && alive.current; n++) {
      await sleep(POLL_MS);
      try {
        const read = outcome(await client.deliverableStatus(sessionId, registrationId));
        if ('problem' in read) {
          setPollProblem(read.problem);
          return;
        }
        const version = read.data.intake.deliverables.find((d) => d.deliverableType === deliverable.deliverableType)?.versions.find((v) => v.uploadId === uploadId);
        if (version) {
          setSaid({ kind: 'version', version });
          onSettled();
          return;
        }
      } catch (error) {
        setPollProblem(networkProblem(error));
        return;
      }
    }
    setSaid({ kind: 'waiting' });
  };

  const send = async () => {
    if (!file) {
      setSaid({ kind: 'failure', text: t.chooseFirst });
      return;
    }
    setSaid(undefined);
    setPollProblem(undefined);
    setPercent(undefined);
    setPhase('asking');
    const answer = await grant.run(key.current);
    if (!answer) {
      setPhase('idle');
      return;
    }
    const { upload } = answer;
    key.current = newKey();
    if (file.size > upload.maxBytes) {
      setPhase('idle');
      setSaid({ kind: 'failure', text: t.tooLarge(formatBytes(file.size, language), formatBytes(upload.maxBytes, language)) });
      return;
    }
    setPhase('sending');
    setPercent(0);
    const stored = await postFileToPresigned(upload, file, setPercent);
    if (stored.status < 200 || stored.status >= 300) {
      setPhase('idle');
      setSaid({ kind: 'failure', text: storageFailure(t, stored, upload) });
      return;
    }
    setPhase('checking');
    await awaitOutcome(upload.uploadId);
    if (alive.current) setPhase('idle');
  };

  return (
    <form
      class="candidate-upload stack"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <fieldset>
        <legend>{t.uploadLegend(label)}</legend>
        <div class="stack">
          <label for={id}>{t.chooseFile(label)}</label>
          <input
            id={id}
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={`${id}-hint`}
            disabled={phase !== 'idle'}
            onChange={(event) => {
              setFile((event.target as HTMLInputElement).files?.[0]);
              key.current = newKey();
              setSaid(undefined);
              setPollProblem(undefined);
              grant.clear();
            }}
          />
          <p id={`${id}-hint`} class="muted">
            {t.fileHint}
          </p>
          <div class="row">
            <button type="submit" disabled={phase !== 'idle'}>
              {t.send}
            </button>
          </div>
          {phase === 'asking' && <Busy label={t.asking} />}
          {percent !== undefined && (
            <div class="candidate-progress">
              <label for={`${id}-progress`}>{t.progress(percent)}</label>
              <progress id={`${id}-progress`} max={100} value={percent} />
            </div>
          )}
          {phase === 'checking' && <Busy label={t.sent} />}
          <ProblemNotice problem={grant.problem} />
          <ProblemNotice problem={pollProblem} />
          {said?.kind === 'failure' && (
            <p class="notice notice-error" role="alert">
              {said.text}
            </p>
          )}
          {said?.kind === 'waiting' && (
            <p class="notice notice-warn" role="status">
              {t.stillChecking}
            </p>
          )}
          {said?.kind === 'version' && <VersionOutcome version={said.version} />}
        </div>
      </fieldset>
    </form>
  );
}
