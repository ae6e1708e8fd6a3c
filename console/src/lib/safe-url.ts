/**
 * A link target from data (a criterion's source, a label basis) only if it is http(s): a
 * `javascript:` or `data:` URL is a valid URI for the contract but must never become a link.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
