import { useState } from 'preact/hooks';
import type { RequestBody } from '../../../../../client/certiflow-client';
import type { SessionView } from '../../../../../shared/use-cases/sessions/get-session';
import type { PvStatus } from '../../../../../shared/use-cases/records/pv-seal';
import { useAction } from '../../../app/api';
import { useRetryKeys } from '../../../app/retry-keys';
import { useLanguage, useMessages } from '../../../i18n/i18n';
import { formatInstant } from '../../../i18n/format';
import { Busy, Done, ProblemNotice } from '../../../ui/problem';
import { SubmitForm } from '../action-form';
import { fieldErrors } from '../fields';
import { MANAGER_PV } from '../messages';

type StampBody = RequestBody<'/centres/{centreId}/stamp', 'put'>;

/** A PNG or JPEG file as the stamp upload sends it: its type and its bytes in base64. */
async function stampBody(file: File): Promise<StampBody> {
  const dataUrl = await new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsDataURL(file);
  });
  return { contentType: (file.type || 'image/png') as StampBody['contentType'], imageBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) };
}

/** The centre's stamp (PV-4): upload the centre's image (PNG or JPEG) when none is on file, then apply it to the PV once every signatory has signed. */
export function Stamp({ session, status, timeZone, onDone }: { session: SessionView; status: PvStatus; timeZone: string; onDone(): void }) {
  const t = useMessages(MANAGER_PV);
  const { language } = useLanguage();
  const keys = useRetryKeys();
  const [file, setFile] = useState<File | undefined>();
  const upload = useAction(async (client, chosen: File) => client.uploadStamp(session.centreId, await stampBody(chosen)));
  const apply = useAction((client) => client.applyStamp(session.id, { idempotencyKey: keys.keyFor('apply') }), onDone);
  const errors = fieldErrors(upload.problem);
  const fileError = errors.imageBase64 ?? errors.contentType;
  const unsigned = status.signatures.filter((s) => !s.current).length;
  if (status.stamp) {
    return (
      <section aria-labelledby="stamp-heading">
        <h2 id="stamp-heading">{t.stampHeading}</h2>
        <p>
          <span class="badge badge-ok">{t.stampApplied}</span> {formatInstant(status.stamp.appliedAt, timeZone, language)}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="stamp-heading">
      <h2 id="stamp-heading">{t.stampHeading}</h2>
      <p>{t.stampIntro}</p>
      <SubmitForm
        onSubmit={() => {
          if (file) void upload.run(file);
        }}
      >
        <div class="manager-field">
          <label for="stamp-file">{t.stampFile(session.centreId)}</label>
          <span class="muted manager-field-hint" id="stamp-file-hint">
            {t.stampHint}
          </span>
          <input
            id="stamp-file"
            type="file"
            accept="image/png,image/jpeg"
            aria-describedby={fileError ? 'stamp-file-hint stamp-file-error' : 'stamp-file-hint'}
            {...(fileError ? { 'aria-invalid': true } : {})}
            onChange={(e) => {
              upload.clear();
              setFile((e.target as HTMLInputElement).files?.[0]);
            }}
          />
          {fileError && (
            <span class="manager-field-error" id="stamp-file-error">
              {fileError}
            </span>
          )}
        </div>
        {upload.running && <Busy label={t.uploading} />}
        <ProblemNotice problem={upload.problem} />
        {upload.done && <Done>{t.stampUploaded(upload.done.stamp.width, upload.done.stamp.height)}</Done>}
        <p>
          <button type="submit" class="secondary" disabled={!file || upload.running}>
            {t.uploadStamp}
          </button>
        </p>
      </SubmitForm>
      {unsigned > 0 && (
        <p class="muted" id="stamp-why">
          {t.stampAfterSignatures(unsigned)}
        </p>
      )}
      <p>
        <button type="button" disabled={apply.running || unsigned > 0} onClick={() => void apply.run()} {...(unsigned > 0 ? { 'aria-describedby': 'stamp-why' } : {})}>
          {t.applyStamp}
        </button>
      </p>
      {apply.running && <Busy />}
      <ProblemNotice problem={apply.problem} />
    </section>
  );
}
