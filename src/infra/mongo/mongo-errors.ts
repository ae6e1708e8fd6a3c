const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
]);

/** True when the error means "the database cannot be reached now", which callers may retry. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (UNAVAILABLE_NAMES.has(err.name)) return true;
  // mongoose with bufferCommands=false, before the first connection or after close()
  return /before initial connection is complete|Connection was force closed|client was closed/i.test(err.message);
}

const DUPLICATE_KEY = 11000;

/** True when a single write failed because a document with the same unique key exists. */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === DUPLICATE_KEY;
}

/** One failed document of an unordered bulk write: its position in the batch and why. */
export interface BulkWriteFailure {
  readonly index: number;
  readonly duplicate: boolean;
}

type RawWriteError = { code?: number; index?: number; err?: { code?: number; index?: number } };

/**
 * The documents an unordered insertMany did not write, or undefined when the error names none
 * (nothing is known about what was written). A bulk-write error with an empty list is a failure
 * of the whole command, not a batch without failures: FerretDB on PostgreSQL answers so when a
 * document cannot be stored, after writing the documents before it. The driver reports the index
 * and code at the top of each write error or, depending on its version, under `err`.
 */
export function bulkWriteFailures(err: unknown): BulkWriteFailure[] | undefined {
  const writeErrors = (err as { writeErrors?: RawWriteError[] } | null)?.writeErrors;
  if (!Array.isArray(writeErrors) || writeErrors.length === 0) return undefined;
  return writeErrors.map((e) => ({ index: e.index ?? e.err?.index ?? -1, duplicate: (e.code ?? e.err?.code) === DUPLICATE_KEY }));
}

/** True when every document an unordered insertMany did not write already existed. */
export function onlyDuplicates(failures: readonly BulkWriteFailure[] | undefined): failures is readonly BulkWriteFailure[] {
  return failures !== undefined && failures.every((f) => f.duplicate);
}

/** Runs a single-document insert: true when it wrote, false when the document already existed. */
export async function unlessDuplicate(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/**
 * True when the database refused text it cannot represent: FerretDB on PostgreSQL keeps documents
 * as jsonb, which has no U+0000, and passes PostgreSQL's refusal (SQLSTATE 22P05) on as an
 * InternalError. MongoDB and FerretDB on SQLite store such text; this is the request's content,
 * not a fault of the service, so it is answered as a bad request instead of a 500.
 */
export function isUnstorableText(err: unknown): boolean {
  return err instanceof Error && /\(SQLSTATE 22P05\)/.test(err.message);
}
