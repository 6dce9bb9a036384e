import {
  Alert,
  AppShell,
  Badge,
  Box,
  Burger,
  Button,
  ActionIcon,
  Divider,
  Flex,
  Group,
  NavLink,
  NativeSelect,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, type MouseEvent as ReactMouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { onLinkClick, paths, usePathname } from '../../router.tsx';
import {
  IconActivity,
  IconCampaign,
  IconChart,
  IconCollective,
  IconCompare,
  IconFramework,
  IconKey,
  IconLink,
  IconLogout,
  IconOrganisation,
  IconQuestionnaire,
  IconTarget,
  SocleMark,
} from '../../ui/icons.tsx';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { useSignOut } from './sign-out.ts';
import { useWorkspace } from './workspace.tsx';

const NO_COLLECTIVE = '__none__';

function Switchers({ stacked }: { stacked: boolean }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const orgData = ws.me.organisations.map((o) => ({ value: o.id, label: o.name }));
  const collectiveData = [
    { value: NO_COLLECTIVE, label: t('shell.noCollective') },
    ...ws.collectives.map((c) => ({ value: c.id, label: c.name })),
  ];
  return (
    <Flex gap="sm" direction={stacked ? 'column' : 'row'} align={stacked ? 'stretch' : 'flex-end'}>
      <NativeSelect
        size="sm"
        label={t('shell.organisation')}
        data={orgData}
        value={ws.org.id}
        onChange={(event) => ws.setOrgId(event.currentTarget.value)}
        w={stacked ? '100%' : 230}
        classNames={{ label: stacked ? undefined : 'socle-header-label' }}
      />
      <NativeSelect
        size="sm"
        label={t('shell.collective')}
        data={collectiveData}
        value={ws.collective?.id ?? NO_COLLECTIVE}
        onChange={(event) => {
          const value = event.currentTarget.value;
          ws.setCollectiveId(value === NO_COLLECTIVE ? null : value);
        }}
        w={stacked ? '100%' : 230}
        disabled={ws.collectives.length === 0}
        classNames={{ label: stacked ? undefined : 'socle-header-label' }}
      />
    </Flex>
  );
}

function PageFailed() {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('errors.title')} role="alert">
      {t('errors.pageFailed')}
    </Alert>
  );
}

type NavItem = { to: string; label: string; icon: ReactNode; match: (path: string) => boolean };

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const ws = useWorkspace();
  const path = usePathname();
  const signOut = useSignOut();
  const [opened, { toggle, close }] = useDisclosure(false);
  // Switchers sit in the header on wide screens, at the top of the menu otherwise (rendered
  // once, so each control has one label on the page).
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });

  useEffect(() => {
    close();
  }, [path, close]);

  const items: NavItem[] = [
    { to: paths.results, label: t('nav.results'), icon: <IconChart />, match: (p) => p === '/' },
    {
      to: paths.compare,
      label: t('nav.comparison'),
      icon: <IconCompare />,
      match: (p) => p.startsWith(paths.compare),
    },
    {
      to: paths.firstSteps(ws.org.slug),
      label: t('firstSteps.nav'),
      icon: <IconTarget />,
      match: (p) => p.endsWith('/premiers-pas'),
    },
    {
      to: paths.framework,
      label: t('nav.framework'),
      icon: <IconFramework />,
      match: (p) => p.startsWith(paths.framework),
    },
    {
      to: paths.questionnaires,
      label: t('nav.questionnaires'),
      icon: <IconQuestionnaire />,
      match: (p) => p.startsWith(paths.questionnaires),
    },
    {
      to: paths.campaigns,
      label: t('nav.campaigns'),
      icon: <IconCampaign />,
      match: (p) => p.startsWith(paths.campaigns),
    },
    {
      to: paths.activity,
      label: t('nav.activity'),
      icon: <IconActivity />,
      match: (p) => p.startsWith(paths.activity),
    },
    {
      to: paths.crosswalks,
      label: t('nav.crosswalks'),
      icon: <IconLink />,
      match: (p) => p.startsWith(paths.crosswalks),
    },
    {
      to: paths.collective,
      label: t('nav.collective'),
      icon: <IconCollective />,
      match: (p) => p.startsWith(paths.collective),
    },
    {
      to: paths.organisation,
      label: t('nav.organisation'),
      icon: <IconOrganisation />,
      match: (p) => p.startsWith(paths.organisation),
    },
    {
      to: paths.tokens,
      label: t('nav.tokens'),
      icon: <IconKey />,
      match: (p) => p.startsWith(paths.tokens),
    },
  ];

  return (
    <AppShell
      header={{ height: wide ? 72 : 60 }}
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <a className="socle-skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header className="socle-header">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')}
            />
            <a
              href="/"
              onClick={(e) => onLinkClick(e, '/')}
              className="socle-brand"
              aria-label={t('shell.home')}
            >
              <SocleMark />
              <Text component="span" fw={800} fz={20} c="socle.9">
                Socle
              </Text>
            </a>
          </Group>
          {wide && (
            <Box style={{ flex: 1 }} px="md">
              <Switchers stacked={false} />
            </Box>
          )}
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch signedIn />
            {wide ? (
              <Button
                variant="subtle"
                color="gray"
                leftSection={<IconLogout size={18} />}
                onClick={() => signOut.mutate()}
                loading={signOut.isPending}
              >
                {t('shell.signOut')}
              </Button>
            ) : (
              <Tooltip label={t('shell.signOut')}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  size="lg"
                  onClick={() => signOut.mutate()}
                  aria-label={t('shell.signOut')}
                >
                  <IconLogout />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('shell.navigation')} className="socle-navbar">
        {!wide && (
          <AppShell.Section mb="sm">
            <Switchers stacked />
            <Divider mt="md" />
          </AppShell.Section>
        )}
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label={t('shell.navigation')}>
            <Stack gap={2}>
              {items.map((item) => {
                const active = item.match(path);
                return (
                  <NavLink
                    key={item.to}
                    href={item.to}
                    label={item.label}
                    leftSection={item.icon}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    onClick={(e) => onLinkClick(e as ReactMouseEvent<HTMLAnchorElement>, item.to)}
                    variant="light"
                    className="socle-navlink"
                  />
                );
              })}
            </Stack>
          </nav>
        </AppShell.Section>
        <AppShell.Section>
          <Divider mb="sm" />
          <Stack gap={2} px="xs" pb="xs">
            <Text size="sm" fw={600} truncate>
              {ws.me.user.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {ws.me.user.email}
            </Text>
            <Group gap={6} mt={4}>
              <Badge size="sm" variant="light" color="gray">
                {t(`role.${ws.org.role}`)}
              </Badge>
              <VisuallyHidden>{ws.org.name}</VisuallyHidden>
            </Group>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className="socle-main">
        {/* Keyed by organisation: switching resets each page's own choices (period, tab…). */}
        <Box maw={1200} mx="auto" key={ws.org.id}>
          <ErrorBoundary resetKey={path} fallback={<PageFailed />}>
            {children}
          </ErrorBoundary>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
