import { useEffect, useRef, type ReactNode } from 'react';
import { t } from '../i18n/t';

/**
 * The page's one h1. It names the document and, on every change of page, takes the focus, so that
 * a screen reader announces the new page and the keyboard starts from its top.
 */
let firstPage = true;

export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
    // The page the browser opened keeps the natural order (the skip link first); later pages
    // take the focus, as a new document would.
    if (firstPage) firstPage = false;
    else ref.current?.focus();
  }, [title]);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

export function Loading() {
  return (
    <p role="status" className="loading">
      {t('common.loading')}
    </p>
  );
}

/** A wide table in a region that scrolls sideways on a phone and can be scrolled with the keyboard. */
export function TableRegion({ name, children }: { name: string; children: ReactNode }) {
  return (
    <div className="table-region" role="region" aria-label={t('common.scrollTable', { name })} tabIndex={0}>
      {children}
    </div>
  );
}

export function Pager({ page, pageSize, total, onPage }: { page: number; pageSize: number; total: number; onPage: (page: number) => void }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('common.pageOf', { page, pages, total })}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('common.previous')}
      </button>
      <span>{t('common.pageOf', { page, pages, total })}</span>
      <button type="button" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {t('common.next')}
      </button>
    </nav>
  );
}
