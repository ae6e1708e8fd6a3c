import type { ApiError } from '../api/problem';
import { t } from '../i18n/t';

/** A failed call as the service explained it: detail, the invalid fields, the request id to quote. */
export function ProblemAlert({ error, onRetry }: { error: ApiError | string; onRetry?: () => void }) {
  if (typeof error === 'string') {
    return (
      <div className="alert" role="alert">
        <p>{error}</p>
      </div>
    );
  }
  const p = error.problem;
  return (
    <div className="alert" role="alert">
      <p>
        <strong>{p.status === 401 ? t('error.unauthorized') : `${p.title}${p.status ? ` (${p.status})` : ''}`}</strong>
      </p>
      <p>{p.detail}</p>
      {p.errors?.length ? (
        <ul>
          {p.errors.map((e) => (
            <li key={`${e.pointer}:${e.reason}`}>{t('error.field', { pointer: e.pointer, reason: e.reason })}</li>
          ))}
        </ul>
      ) : null}
      {p.allowed?.length ? <p>{p.allowed.join(', ')}</p> : null}
      {p.traceId ? <p className="muted">{t('error.trace', { traceId: p.traceId })}</p> : null}
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}
