import { Box, Center, EmptyState, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconEmpty } from './icons.tsx';

/** The title block at the top of each page. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Socle`;
  }, [title]);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="md" wrap="wrap">
      <Box style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Title order={1} fz={{ base: 24, sm: 28 }} fw={700} c="var(--socle-ink)">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" mt={6} maw={760}>
            {description}
          </Text>
        )}
      </Box>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

/** An empty list: what it is and what to do next. */
export function Empty({
  title,
  description,
  action,
  icon,
}: {
  title: string;
  description: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <EmptyState
      variant="light"
      title={title}
      description={description}
      icon={icon ?? <IconEmpty size={26} />}
      py="xl"
      px="md"
    >
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}

export function PageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py={64}>
      <Stack align="center" gap="xs">
        <Loader color="socle" aria-hidden="true" />
        <Text c="dimmed" size="sm" role="status">
          {label ?? t('common.loading')}
        </Text>
      </Stack>
    </Center>
  );
}
