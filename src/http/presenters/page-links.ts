/** `path` with the request's query, `page` replaced: keeps every filter in the page links. */
export function pageLink(path: string, rawQuery: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(rawQuery)) {
    if (key === 'page') continue;
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, String(v));
  }
  params.set('page', String(page));
  return `${path}?${params.toString()}`;
}

/** first/last/self and, where they exist, next/prev links for a paginated list. */
export function pageLinks(path: string, rawQuery: Record<string, unknown>, page: number, lastPage: number) {
  const link = (p: number) => pageLink(path, rawQuery, p);
  return {
    self: link(page),
    first: link(1),
    last: link(lastPage),
    ...(page < lastPage ? { next: link(page + 1) } : {}),
    ...(page > 1 ? { prev: link(Math.min(page - 1, lastPage)) } : {}),
  };
}
