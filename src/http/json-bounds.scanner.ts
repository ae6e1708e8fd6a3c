/**
 * A single pass over raw JSON bytes, before JSON.parse, that finds the first container nested
 * deeper than `maxDepth` or holding more than `maxElements` items. It stops at the first excess,
 * so a hostile body costs at most one read of its bytes (bounded by the body limit) and never the
 * objects, heap and tree walks that parsing millions of elements would.
 *
 * It does not validate JSON: malformed text is left for JSON.parse to report.
 */
import { escapePointer } from './json-pointer';

/**
 * Items per JSON array or object in any request body: the largest maxItems / maxProperties of the
 * contract (a batch's 1,000 offers). A unit test keeps the two equal.
 */
export const MAX_JSON_ELEMENTS = 1_000;

export interface JsonBounds {
  /** The root container is at depth 0; a container at depth maxDepth + 1 is refused. */
  readonly maxDepth: number;
  readonly maxElements: number;
}

export interface JsonBoundsViolation {
  /** JSON pointer of the offending container, below `/body`. */
  readonly pointer: string;
  readonly reason: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDelimiter = (c: number): boolean => isWhitespace(c) || c === COMMA || c === CLOSE_ARRAY || c === CLOSE_OBJECT || c === COLON;

export function scanJsonBounds(buf: Uint8Array, bounds: JsonBounds): JsonBoundsViolation | undefined {
  // One entry per open container: whether it is an array, how many items it has so far, and for
  // objects where its latest key starts and ends (decoded only to name a pointer).
  const isArray: boolean[] = [];
  const counts: number[] = [];
  const keyStart: number[] = [];
  const keyEnd: number[] = [];
  let expectKey = false;

  const pointer = (levels: number): string => {
    let at = '/body';
    for (let l = 0; l < levels; l++) {
      if (isArray[l]) at += `/${counts[l]! - 1}`;
      else at += `/${escapePointer(decodeKey(buf, keyStart[l]!, keyEnd[l]!))}`;
    }
    return at;
  };
  /** Counts a value starting in the current container; the violation when it is one too many. */
  const countValue = (): JsonBoundsViolation | undefined => {
    const top = isArray.length - 1;
    if (top < 0 || !isArray[top]) return undefined;
    counts[top]! += 1;
    return counts[top]! > bounds.maxElements ? { pointer: pointer(top), reason: `must NOT have more than ${bounds.maxElements} items` } : undefined;
  };

  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]!;
    if (isWhitespace(c) || c === COLON) continue;
    if (c === QUOTE) {
      const start = i;
      for (i++; i < buf.length && buf[i] !== QUOTE; i++) if (buf[i] === BACKSLASH) i++;
      const top = isArray.length - 1;
      if (expectKey && top >= 0) {
        expectKey = false;
        keyStart[top] = start;
        keyEnd[top] = i + 1;
        counts[top]! += 1;
        if (counts[top]! > bounds.maxElements) return { pointer: pointer(top), reason: `must NOT have more than ${bounds.maxElements} properties` };
      } else {
        const excess = countValue();
        if (excess) return excess;
      }
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      const excess = countValue();
      if (excess) return excess;
      const depth = isArray.length;
      if (depth > bounds.maxDepth) return { pointer: pointer(depth), reason: `is nested more than ${bounds.maxDepth} levels deep` };
      isArray.push(c === OPEN_ARRAY);
      counts.push(0);
      keyStart.push(0);
      keyEnd.push(0);
      expectKey = c === OPEN_OBJECT;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      isArray.pop();
      counts.pop();
      keyStart.pop();
      keyEnd.pop();
      expectKey = false;
    } else if (c === COMMA) {
      expectKey = isArray.length > 0 && !isArray[isArray.length - 1];
    } else {
      // A number, true, false or null: one value, however many bytes.
      const excess = countValue();
      if (excess) return excess;
      while (i + 1 < buf.length && !isDelimiter(buf[i + 1]!) && buf[i + 1] !== QUOTE && buf[i + 1] !== OPEN_ARRAY && buf[i + 1] !== OPEN_OBJECT) i++;
    }
  }
  return undefined;
}

function decodeKey(buf: Uint8Array, start: number, end: number): string {
  const text = Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('utf8');
  try {
    return JSON.parse(text) as string;
  } catch {
    return text.slice(1, -1);
  }
}
