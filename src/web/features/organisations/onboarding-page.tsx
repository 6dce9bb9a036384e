import { Box, Button, Container, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../api/types.ts';
import { navigate, paths } from '../../router.tsx';
import { IconLogout, SocleMark } from '../../ui/icons.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';
import { useSignOut } from '../shell/sign-out.ts';
import { CreateOrganisationForm } from './create-organisation.tsx';

/** First screen for someone who belongs to no organisation yet. */
export function OnboardingPage({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <Box className="socle-auth-bg" mih="100vh">
      <Container size="md" py="md">
        <Group justify="space-between">
          <Group gap="xs">
            <SocleMark />
            <Text fw={800} fz={20} c="socle.9">
              Socle
            </Text>
          </Group>
          <Group gap="sm">
            <LanguageSwitch signedIn />
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconLogout size={16} />}
              onClick={() => signOut.mutate()}
            >
              {t('shell.signOut')}
            </Button>
          </Group>
        </Group>
      </Container>
      <Container size="sm" component="main" id="main" py="xl">
        <Stack gap="lg">
          <div>
            <Title order={1} fz={{ base: 26, sm: 32 }} c="socle.9">
              {t('onboarding.title', { name: me.user.name })}
            </Title>
            <Text mt="sm" fz="lg">
              {t('onboarding.intro')}
            </Text>
          </div>
          <Paper withBorder radius="lg" p={{ base: 'lg', sm: 32 }} shadow="sm">
            <Title order={2} fz={20} mb="md">
              {t('onboarding.createTitle')}
            </Title>
            <CreateOrganisationForm onCreated={(o) => navigate(paths.firstSteps(o.slug))} />
          </Paper>
          <Paper radius="lg" p="lg" bg="socle.0">
            <Text fw={600} mb={6}>
              {t('onboarding.nextTitle')}
            </Text>
            <List size="sm" spacing={4}>
              <List.Item>{t('firstSteps.startHint')}</List.Item>
              <List.Item>{t('onboarding.next1')}</List.Item>
              <List.Item>{t('onboarding.next2')}</List.Item>
              <List.Item>{t('onboarding.next3')}</List.Item>
            </List>
            <Text size="sm" c="dimmed" mt="sm">
              {t('onboarding.invited')}
            </Text>
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
