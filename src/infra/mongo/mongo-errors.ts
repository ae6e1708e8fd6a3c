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
