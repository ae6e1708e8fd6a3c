import { useState } from 'react';
import { useCredentials } from './access-panel';
import { download } from '../api/download';
import { ApiError } from '../api/problem';
import { ProblemAlert } from './problem-alert';

/**
 * The printable report: a plain link (new tab) when the service needs no credentials; with a
 * token or key, a download made with them (a link cannot carry a bearer token).
 */
export function ReportLink({ id, format, children }: { id: string; format: 'html' | 'csv'; children: string }) {
  const credentials = useCredentials();
  const [error, setError] = useState<ApiError>();
  const path = `/api/v1/assessments/${encodeURIComponent(id)}/report?format=${format}`;
  if (credentials.kind === 'none' && format === 'html') {
    return (
      <a href={path} target="_blank" rel="noopener">
        {children}
      </a>
    );
  }
  return (
    <>
      <button type="button" className="link-button" onClick={() => void download(path, `assessment-${id}.${format}`).catch((e: unknown) => e instanceof ApiError && setError(e))}>
        {children}
      </button>
      {error ? <ProblemAlert error={error} /> : null}
    </>
  );
}
