import type { components } from '../../../api/openapi';

export type Problem = components['schemas']['Problem'];

/** A failed API call: the service's problem details, or a stand-in when there were none. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
  }
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'status' in value && 'detail' in value && 'code' in value;
}

/** Turns whatever a failed response carried into an ApiError. */
export function toApiError(body: unknown, response: Response): ApiError {
  if (isProblem(body)) return new ApiError(body);
  return new ApiError({
    type: 'about:blank',
    title: response.statusText || 'Error',
    status: response.status,
    detail: typeof body === 'string' && body ? body.slice(0, 300) : `The service answered ${response.status}.`,
    instance: new URL(response.url, window.location.href).pathname,
    code: 'UNEXPECTED_RESPONSE',
    traceId: response.headers.get('X-Request-ID') ?? '',
  });
}

/** For failures without a response (network down, aborted). */
export function networkError(err: unknown): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail: err instanceof Error ? err.message : String(err),
    instance: '',
    code: 'NETWORK_ERROR',
    traceId: '',
  });
}
