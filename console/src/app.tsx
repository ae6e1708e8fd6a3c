import { Layout } from './components/layout';
import { useRoute } from './lib/router';
import { AssessmentPage } from './pages/assessment.page';
import { CriteriaListPage } from './pages/criteria-list.page';
import { CriterionPage } from './pages/criterion.page';
import { HomePage } from './pages/home.page';
import { OffersPage } from './pages/offers.page';
import { ProfileBuilderPage } from './pages/profile-builder.page';
import { ProfilePage } from './pages/profile.page';
import { ProfilesListPage } from './pages/profiles-list.page';
import { RankingPage } from './pages/ranking.page';

/** The pages, by the URL fragment (lib/router.ts). */
export function App() {
  const route = useRoute();
  const [section = '', id] = route.segments;
  const profile = route.query.get('profile') ?? undefined;
  let page;
  if (section === 'criteria') page = id ? <CriterionPage key={id} id={id} set={route.query.get('set') ?? undefined} /> : <CriteriaListPage route={route} />;
  else if (section === 'profiles') page = id === 'new' ? <ProfileBuilderPage /> : id ? <ProfilePage key={id} id={id} /> : <ProfilesListPage />;
  else if (section === 'offers') page = <OffersPage profileId={profile} />;
  else if (section === 'assessments' && id) page = <AssessmentPage key={id} id={id} />;
  else if (section === 'ranking') page = <RankingPage profileId={profile} />;
  else page = <HomePage />;
  return <Layout section={section}>{page}</Layout>;
}
