import {
  Box,
  Container,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconChart, IconCollective, IconQuestionnaire, SocleMark } from '../../ui/icons.tsx';
import { LanguageSwitch } from '../shell/language-switch.tsx';

/** The signed-out frame: a short word on Socle beside the form. */
export function AuthLayout({
  children,
  signedIn = false,
}: {
  children: ReactNode;
  signedIn?: boolean;
}) {
  const { t } = useTranslation();
  const points = [
    { icon: <IconCollective />, text: t('auth.point1') },
    { icon: <IconQuestionnaire />, text: t('auth.point2') },
    { icon: <IconChart />, text: t('auth.point3') },
  ];
  return (
    <Box className="socle-auth-bg" mih="100vh">
      <Container size="lg" py="md">
        <Group justify="space-between">
          <Group gap="xs">
            <SocleMark />
            <Text fw={800} fz={20} c="socle.9">
              Socle
            </Text>
          </Group>
          <LanguageSwitch signedIn={signedIn} />
        </Group>
      </Container>
      <Container size="lg" component="main" id="main" py={{ base: 'md', sm: 48 }}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing={48} style={{ alignItems: 'center' }}>
          <Stack gap="lg" visibleFrom="md">
            <Title order={1} fz={36} lh={1.2} c="socle.9">
              {t('auth.headline')}
            </Title>
            <Text fz="lg" c="dark.5">
              {t('auth.tagline')}
            </Text>
            <Stack gap="sm" mt="sm">
              {points.map((p) => (
                <Group key={p.text} gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant="light" size={36} radius="md">
                    {p.icon}
                  </ThemeIcon>
                  <Text pt={6}>{p.text}</Text>
                </Group>
              ))}
            </Stack>
          </Stack>
          <Paper
            shadow="md"
            radius="lg"
            p={{ base: 'lg', sm: 32 }}
            withBorder
            maw={460}
            w="100%"
            mx="auto"
          >
            {children}
          </Paper>
        </SimpleGrid>
      </Container>
    </Box>
  );
}
