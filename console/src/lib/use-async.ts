import { useCallback, useEffect, useState } from 'react';
import { ApiError, networkError } from '../api/problem';

export interface AsyncState<T> {
  readonly data?: T;
  readonly error?: ApiError;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** Runs `load` when `key` changes; the latest call wins. */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (err: unknown) => live && setState({ error: err instanceof ApiError ? err : networkError(err), loading: false }),
    );
    return () => {
      live = false;
    };
    // `key` stands for everything `load` depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}
