/**
 * Errors the domain raises. They carry a stable `code` and a `kind`; they know nothing about
 * HTTP. The HTTP layer maps `kind` to a status (src/http/problem.ts).
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'precondition_failed' | 'unavailable';

export interface FieldError {
  /** JSON Pointer (`/body/...`, `/query/<name>`, `/path/<name>`, `/header/<name>`). */
  readonly pointer: string;
  readonly reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: { errors?: readonly FieldError[]; allowed?: readonly string[] } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('not_found', 'NOT_FOUND', `${what} "${id}" does not exist`);

export const conflict = (code: string, message: string): DomainError => new DomainError('conflict', code, message);

export const invalid = (message: string, errors: readonly FieldError[], allowed?: readonly string[]): DomainError =>
  new DomainError('invalid', 'VALIDATION_FAILED', message, allowed ? { errors, allowed } : { errors });

export const preconditionFailed = (message: string): DomainError => new DomainError('precondition_failed', 'PRECONDITION_FAILED', message);
