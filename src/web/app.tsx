import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from './api/queries.ts';
import { ActivityPage } from './features/activity/activity-page.tsx';
import { AuthForms } from './features/auth/auth-forms.tsx';
import { AuthLayout } from './features/auth/auth-layout.tsx';
import { InvitationPage } from './features/auth/invitation-page.tsx';
import { CampaignsPage } from './features/campaigns/campaigns-page.tsx';
import { CollectivePage } from './features/collectives/collective-page.tsx';
import { CrosswalksPage } from './features/crosswalks/crosswalks-page.tsx';
import { FieldPage } from './features/field/field-page.tsx';
import { FirstStepsPage, FirstStepsRoute } from './features/first-steps/first-steps-page.tsx';
import { FrameworkPage } from './features/frameworks/framework-page.tsx';
import { ImportPage, ImportsPage } from './features/imports/imports-page.tsx';
import { OnboardingPage } from './features/organisations/onboarding-page.tsx';
import { OrganisationPage } from './features/organisations/organisation-page.tsx';
import { QuestionnaireBuilder } from './features/questionnaires/questionnaire-builder.tsx';
import {
  QuestionnaireEditPage,
  QuestionnairePage,
} from './features/questionnaires/questionnaire-page.tsx';
import { QuestionnairesPage } from './features/questionnaires/questionnaires-page.tsx';
import { ResultsPage } from './features/results/results-page.tsx';
import { ComparisonPage } from './features/results/comparison-page.tsx';
import { AppLayout } from './features/shell/app-layout.tsx';
import { WorkspaceProvider } from './features/shell/workspace.tsx';
import { TokensPage } from './features/tokens/tokens-page.tsx';
import { setLocale, storedLocale } from './i18n/index.ts';
import { Link, matchPath, paths, usePathname } from './router.tsx';
import { ErrorAlert } from './ui/errors.tsx';
import { PageLoader } from './ui/page.tsx';

/** The page for a path inside the signed-in shell. */
function Routes({ path }: { path: string }) {
  if (path === paths.results) return <ResultsPage />;
  if (path === paths.compare) return <ComparisonPage />;
  if (path === paths.framework) return <FrameworkPage />;
  if (path === paths.questionnaires) return <QuestionnairesPage />;
  if (path === paths.newQuestionnaire) return <QuestionnaireBuilder />;
  const editQuestionnaire = matchPath('/questionnaires/:id/edit', path);
  if (editQuestionnaire?.id)
    return <QuestionnaireEditPage key={editQuestionnaire.id} id={editQuestionnaire.id} />;
  const questionnaire = matchPath('/questionnaires/:id', path);
  if (questionnaire?.id) return <QuestionnairePage key={questionnaire.id} id={questionnaire.id} />;
  if (path === paths.campaigns) return <CampaignsPage />;
  if (path === paths.activity) return <ActivityPage />;
  if (path === '/imports') return <ImportsPage />;
  const importRoute = matchPath('/imports/:id', path);
  if (importRoute?.id) return <ImportPage key={importRoute.id} id={importRoute.id} />;
  if (path === paths.crosswalks) return <CrosswalksPage />;
  if (path === paths.collective) return <CollectivePage />;
  if (path === paths.organisation) return <OrganisationPage />;
  if (path === paths.tokens) return <TokensPage />;
  if (path === '/premiers-pas') return <FirstStepsPage />;
  const firstSteps = matchPath('/o/:org/premiers-pas', path);
  if (firstSteps?.org) return <FirstStepsRoute org={firstSteps.org} />;
  return <NotFound />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Center py={80}>
      <Stack align="center" gap="sm">
        <Title order={1} fz={26}>
          {t('errors.notFoundTitle')}
        </Title>
        <Text c="dimmed">{t('errors.notFoundText')}</Text>
        <Button component={Link} to={paths.results}>
          {t('errors.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}

export function App() {
  const path = usePathname();
  const me = useMe();
  const user = me.data?.user;

  // A browser without its own choice follows the account's language.
  useEffect(() => {
    if (user && !storedLocale()) setLocale(user.locale);
  }, [user]);

  const invitation = matchPath('/invitations/:token', path);
  // Field collection works offline, before the account is known: it needs no `me`.
  const field = matchPath('/o/:orgId/terrain/:campaignId', path);
  if (field?.orgId && field.campaignId) {
    return <FieldPage key={path} orgId={field.orgId} campaignId={field.campaignId} />;
  }

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Center mih="100vh" p="md">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  if (invitation?.token) return <InvitationPage token={invitation.token} me={me.data} />;
  if (!me.data) {
    return (
      <AuthLayout>
        <AuthForms />
      </AuthLayout>
    );
  }
  if (me.data.organisations.length === 0) return <OnboardingPage me={me.data} />;
  return (
    <WorkspaceProvider me={me.data}>
      <AppLayout>
        <Routes path={path} />
      </AppLayout>
    </WorkspaceProvider>
  );
}
