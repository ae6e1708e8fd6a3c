import { randomUUID } from 'node:crypto';
import { After, Before, BeforeAll, setDefaultTimeout, setWorldConstructor, Status, World, type IWorldOptions } from '@cucumber/cucumber';
import { request, spec } from 'pactum';
import { adminApiKey, BASE_URL } from './helpers/config';
import { interpolate, interpolateJson, type Vars } from './helpers/values';

/** What the steps read of a pactum response. */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: unknown;
  responseTime: number;
}

export interface CallOptions {
  headers?: Record<string, string>;
  query?: [string, string][];
  json?: unknown;
  raw?: { body: string; contentType: string };
}

export interface SentRequest {
  method: string;
  template: string;
  path: string;
}

/**
 * One scenario's state. Scenarios share nothing: each starts with no credentials, no remembered
 * values and a unique `tag` that its fixtures put into every id they create, so scenarios can run
 * in any order (or in parallel) against the same service.
 */
export class ApiWorld extends World {
  /** Unique per scenario; available as ${tag}. */
  readonly tag = randomUUID().slice(0, 8);
  readonly vars: Vars = { tag: this.tag };
  /** The operation under test, from the feature's @method and @endpoint tags. */
  operation: { method: string; endpoint: string } = { method: '', endpoint: '' };
  /** Credentials the next request of the user carries. */
  auth: Record<string, string> = {};
  /** The request being prepared by Given steps. */
  next: CallOptions & { headers: Record<string, string>; query: [string, string][] } = { headers: {}, query: [] };
  response?: HttpResponse;
  sent?: SentRequest;

  constructor(options: IWorldOptions) {
    super(options);
  }

  fill(text: string): string {
    return interpolate(text, { ...this.vars, uuid: randomUUID() });
  }

  fillJson<T>(value: T, extra: Vars = {}): T {
    return interpolateJson(value, { ...this.vars, uuid: randomUUID(), ...extra });
  }

  /** Sends one request with pactum and returns what the steps need of the response. */
  async call(method: string, path: string, options: CallOptions = {}): Promise<HttpResponse> {
    const query = (options.query ?? []).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    const url = `${BASE_URL}${path}${query ? `${path.includes('?') ? '&' : '?'}${query}` : ''}`;
    const s = spec().withMethod(method.toUpperCase()).withPath(url).withHeaders({ ...(options.headers ?? {}) });
    if (options.raw) s.withHeaders('Content-Type', options.raw.contentType).withBody(options.raw.body);
    else if (options.json !== undefined) s.withJson(options.json as object);
    const res = (await s.toss()) as Partial<HttpResponse> & { body?: unknown; code?: string; message?: string };
    if (typeof res.statusCode !== 'number') throw new Error(`${method} ${url}: no HTTP response (${res.code ?? ''} ${res.message ?? ''})`);
    return { statusCode: res.statusCode, headers: res.headers ?? {}, text: res.text ?? '', json: res.json, responseTime: res.responseTime ?? 0 };
  }

  /** A request made with the administrator API key, for fixtures; fails unless the status is expected. */
  async admin(method: string, path: string, expected: number[], options: CallOptions = {}): Promise<HttpResponse> {
    const res = await this.call(method, path, { ...options, headers: { 'X-API-Key': adminApiKey(), 'X-Actor': 'govstack-harness', ...(options.headers ?? {}) } });
    if (!expected.includes(res.statusCode)) {
      throw new Error(`fixture ${method} ${path} answered ${res.statusCode}, expected ${expected.join(' or ')}: ${res.text.slice(0, 1000)}`);
    }
    return res;
  }
}

setWorldConstructor(ApiWorld);
setDefaultTimeout(60_000);

BeforeAll(() => {
  request.setDefaultTimeout(30_000);
});

Before(function (this: ApiWorld, { pickle }) {
  const tagValue = (name: string): string | undefined =>
    pickle.tags.map((t) => t.name).find((t) => t.startsWith(`@${name}=`))?.slice(name.length + 2);
  const method = tagValue('method');
  const endpoint = tagValue('endpoint');
  if (!method || !endpoint) throw new Error(`feature of "${pickle.name}" lacks the @method=… and @endpoint=… tags`);
  this.operation = { method: method.toUpperCase(), endpoint };
});

After(function (this: ApiWorld, { result }) {
  if (result?.status === Status.FAILED && this.response && this.sent) {
    this.attach(`Last request: ${this.sent.method} ${this.sent.path}\nResponse ${this.response.statusCode}: ${this.response.text.slice(0, 2000)}`, 'text/plain');
  }
});
