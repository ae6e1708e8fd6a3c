import { DomainError } from '../domain/errors';
import { isDatabaseUnavailable, isUnstorableText } from '../infra/mongo/mongo-errors';
import { HttpProblemError, STATUS_BY_KIND, type ProblemInput } from './problem';

interface BodyParserError extends Error {
  type?: string;
  status?: number;
  limit?: number;
  charset?: string;
  encoding?: string;
}

function fromBodyParser(err: BodyParserError): ProblemInput | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'MALFORMED_JSON', detail: `The request body is not valid JSON: ${err.message}` };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', detail: `The request body exceeds the limit of ${err.limit ?? 'the configured'} bytes` };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: `Unsupported charset "${err.charset ?? ''}"; send UTF-8` };
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: `Unsupported content encoding "${err.encoding ?? ''}"` };
    case 'encoding.invalid':
      return { status: 400, code: 'INVALID_ENCODING', detail: 'The request body is not valid UTF-8' };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_REQUEST', detail: 'The request body was incomplete' };
    default:
      // A body that is not what its Content-Encoding says (e.g. plain JSON sent as gzip): body-parser
      // passes the decompressor's error on with status 400 and no type.
      if (err.status === 400 && err.type === undefined) {
        return { status: 400, code: 'INVALID_ENCODING', detail: 'The request body cannot be decoded as its Content-Encoding declares' };
      }
      return undefined;
  }
}

/** Maps anything thrown while handling a request to a problem; unknown errors become a bare 500. */
export function toProblemInput(err: unknown): ProblemInput {
  if (err instanceof HttpProblemError) return err.input;
  if (err instanceof DomainError) {
    return {
      status: STATUS_BY_KIND[err.kind],
      code: err.code,
      detail: err.message,
      ...(err.details.errors ? { errors: err.details.errors } : {}),
      ...(err.details.allowed ? { allowed: err.details.allowed } : {}),
    };
  }
  if (isDatabaseUnavailable(err)) {
    return { status: 503, code: 'SERVICE_UNAVAILABLE', detail: 'The database is temporarily unavailable; retry later' };
  }
  if (isUnstorableText(err)) {
    return { status: 400, code: 'UNSTORABLE_TEXT', detail: "The request contains text with the NUL character (U+0000), which this deployment's database cannot store" };
  }
  // openapi-backend decodes path parameters with decodeURIComponent, which throws on escapes that
  // are not UTF-8 (e.g. /criteria/%FF): the client's mistake, not ours.
  if (err instanceof URIError) {
    return { status: 400, code: 'INVALID_ENCODING', detail: 'The request path is not valid percent-encoded UTF-8', errors: [{ pointer: '/path', reason: 'is not valid percent-encoded UTF-8' }] };
  }
  if (err instanceof Error) {
    const mapped = fromBodyParser(err);
    if (mapped) return mapped;
  }
  return { status: 500, code: 'INTERNAL_ERROR', detail: 'An unexpected error occurred; quote the traceId when reporting it' };
}
