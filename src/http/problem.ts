import type { Response } from 'express';
import type { ErrorKind, FieldError } from '../domain/errors';
import type { Schema } from './openapi/contract.types';

/** RFC 9457 problem details, as the contract's `Problem` schema describes them. */
export type Problem = Schema<'Problem'>;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  401: 'Unauthorized',
  403: 'Forbidden',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const STATUS_BY_KIND: Record<ErrorKind, number> = { invalid: 400, not_found: 404, conflict: 409, precondition_failed: 412, unavailable: 503 };

/** A `tag:` URI (RFC 4151), which RFC 9457 allows for problem types that are not web pages. */
export function problemType(code: string): string {
  return `tag:procurement-sustainability.govstack.global,2026:problems/${code.toLowerCase().replace(/_/g, '-')}`;
}

export interface ProblemInput {
  status: number;
  code: string;
  detail: string;
  errors?: readonly FieldError[];
  allowed?: readonly string[];
  /** Response headers that belong to the problem (Retry-After, WWW-Authenticate). */
  headers?: Readonly<Record<string, string>>;
}

export function buildProblem(input: ProblemInput, instance: string, traceId: string): Problem {
  const problem: Problem = {
    type: problemType(input.code),
    title: TITLES[input.status] ?? 'Error',
    status: input.status,
    detail: input.detail,
    instance,
    code: input.code,
    traceId,
  };
  if (input.errors) problem.errors = [...input.errors];
  if (input.allowed) problem.allowed = [...input.allowed];
  return problem;
}

export function sendProblem(res: Response, problem: Problem, headers: Record<string, string> = {}): void {
  res.status(problem.status).set(headers).type('application/problem+json').send(JSON.stringify(problem));
}

/** Raised by the HTTP layer itself for protocol problems (as opposed to domain errors). */
export class HttpProblemError extends Error {
  constructor(readonly input: ProblemInput) {
    super(input.detail);
    this.name = 'HttpProblemError';
  }
}
