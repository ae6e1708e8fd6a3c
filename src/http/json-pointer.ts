/** One segment of an RFC 6901 JSON Pointer: `~` and `/` inside a name are escaped as `~0` and `~1`. */
export const escapePointer = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');
