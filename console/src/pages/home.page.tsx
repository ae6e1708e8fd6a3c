import { PageHeading } from '../components/page';
import { t } from '../i18n/t';
import { href } from '../lib/router';
import { ProfilesTable } from './profiles-list.page';

export function HomePage() {
  const steps = [
    ['criteria', 'nav.criteria', 'home.step1'],
    ['profiles/new', 'nav.profiles', 'home.step2'],
    ['offers', 'nav.offers', 'home.step3'],
    ['ranking', 'nav.ranking', 'home.step4'],
  ] as const;
  return (
    <>
      <PageHeading title={t('nav.home')}>{t('home.title')}</PageHeading>
      <p className="lead">{t('home.intro')}</p>
      <ol className="steps">
        {steps.map(([target, name, text]) => (
          <li key={name}>
            <a href={`#/${target}`}>{t(name)}</a>
            <p>{t(text)}</p>
          </li>
        ))}
      </ol>
      <p>
        <a className="button" href={href('profiles', 'new')}>
          {t('home.start')}
        </a>
      </p>
      <section aria-labelledby="recent">
        <h2 id="recent">{t('home.recent')}</h2>
        <ProfilesTable limit={5} />
      </section>
    </>
  );
}
