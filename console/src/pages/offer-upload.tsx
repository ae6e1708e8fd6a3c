import { useId, useState } from 'react';
import { saveText } from '../api/download';
import { ApiError, networkError } from '../api/problem';
import type { TenderProfile } from '../api/types';
import { ProblemAlert } from '../components/problem-alert';
import { t } from '../i18n/t';
import { OfferInputError } from '../lib/offer-build';
import { csvTemplate, jsonTemplate, offerFromFile } from '../lib/offer-file';
import type { FieldSpec } from '../lib/offer-fields';
import { href, navigate } from '../lib/router';
import { submitOffer } from '../lib/submit-offer';

/** Templates made from the profile's criteria, and the upload of a filled one. */
export function OfferUpload({ profile, specs, statements }: { profile: TenderProfile; specs: readonly FieldSpec[]; statements: readonly { id: string }[] }) {
  const id = useId();
  const [file, setFile] = useState<File>();
  const [error, setError] = useState<ApiError | string>();
  const [busy, setBusy] = useState(false);
  const ids = statements.map((s) => s.id);
  const base = `offer-template-${profile.tenderRef ?? profile.id}`.replace(/[^A-Za-z0-9._-]/g, '_');

  const upload = async () => {
    if (!file) return;
    setError(undefined);
    setBusy(true);
    try {
      const offer = offerFromFile(file.name, await file.text(), specs);
      const assessment = await submitOffer(profile.id, offer);
      navigate(href('assessments', assessment.id));
    } catch (err) {
      setError(err instanceof OfferInputError ? t('offers.fileInvalid', { reason: err.message }) : err instanceof ApiError ? err : networkError(err));
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="by-file">
      <h2 id="by-file">{t('offers.byFile')}</h2>
      <p>{t('offers.fileHint')}</p>
      <div className="actions">
        <button type="button" className="secondary" onClick={() => saveText(jsonTemplate(profile, specs, ids), `${base}.json`, 'application/json')}>
          {t('offers.templateJson')}
        </button>
        <button type="button" className="secondary" onClick={() => saveText(csvTemplate(profile, specs, ids), `${base}.csv`, 'text/csv')}>
          {t('offers.templateCsv')}
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <div className="field">
          <label htmlFor={id}>{t('offers.file')}</label>
          <input id={id} type="file" accept=".json,.csv,application/json,text/csv" required onChange={(e) => setFile(e.target.files?.[0])} />
        </div>
        {error ? <ProblemAlert error={error} /> : null}
        <div className="actions">
          <button type="submit" disabled={busy || !file}>
            {busy ? t('offers.submitting') : t('offers.upload')}
          </button>
        </div>
      </form>
    </section>
  );
}
