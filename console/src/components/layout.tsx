import { useState, type ReactNode } from 'react';
import { t, type MessageKey } from '../i18n/t';
import { href } from '../lib/router';
import { AccessPanel, useCredentials } from './access-panel';

const NAV: readonly [string, MessageKey][] = [
  ['', 'nav.home'],
  ['criteria', 'nav.criteria'],
  ['profiles', 'nav.profiles'],
  ['offers', 'nav.offers'],
  ['ranking', 'nav.ranking'],
];

export function Layout({ section, children }: { section: string; children: ReactNode }) {
  const [accessOpen, setAccessOpen] = useState(false);
  const credentials = useCredentials();
  return (
    <>
      <a className="skip-link" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('app.skip')}
      </a>
      <header className="site-header">
        <div className="brand">
          <a href={href()}>{t('app.name')}</a>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')}>
          <ul>
            {NAV.map(([target, key]) => (
              <li key={key}>
                <a href={href(target)} aria-current={section === target ? 'page' : undefined}>
                  {t(key)}
                </a>
              </li>
            ))}
            <li>
              <button type="button" className="link-button" aria-expanded={accessOpen} onClick={() => setAccessOpen((o) => !o)}>
                {t('nav.access')}: {t(`access.current.${credentials.kind}`)}
              </button>
            </li>
          </ul>
        </nav>
      </header>
      {accessOpen ? <AccessPanel onClose={() => setAccessOpen(false)} /> : null}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <a href="/docs">{t('app.apiDocs')}</a>
      </footer>
    </>
  );
}
