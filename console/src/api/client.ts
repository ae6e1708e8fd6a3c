import createClient, { type Middleware } from 'openapi-fetch';
import { authHeaders } from './credentials';
import { ApiError, toApiError } from './problem';
import type { paths } from './schema';

/** Adds the caller's credentials to every request, as any client of the API does. */
const authenticate: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(authHeaders())) request.headers.set(name, value);
    return request;
  },
};

/** The typed client: paths, parameters and bodies come from api/openapi.yaml (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: window.location.origin, querySerializer: { array: { style: 'form', explode: true } } });
api.use(authenticate);

/** The data of a successful call, or throws the problem details as an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw error instanceof ApiError ? error : toApiError(error, response);
  return data;
}
