import { Alert, Anchor, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Results } from '../../api/types.ts';
import { formatPeriod, sortPeriodsDesc } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconChart, IconInfo } from '../../ui/icons.tsx';
import { Empty, PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { combineResults, type ResultRow } from './combine.ts';
import { IndicatorCard } from './indicator-card.tsx';

const withPeriod = (path: string, period: string | null) =>
  period ? `${path}?period=${encodeURIComponent(period)}` : path;

export function ResultsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org, collective } = useWorkspace();
  // null: let the server pick its latest period, then follow the one it answered with.
  const [chosen, setChosen] = useState<string | null>(null);

  const orgResults = useQuery({
    queryKey: keys.orgResults(org.id, chosen),
    queryFn: () => get<Results>(withPeriod(`/api/organisations/${seg(org.id)}/results`, chosen)),
    placeholderData: keepPreviousData,
  });
  const period = chosen ?? orgResults.data?.period ?? null;
  const collectiveResults = useQuery({
    queryKey: keys.collectiveResults(collective?.id ?? '', period),
    queryFn: () =>
      get<Results>(withPeriod(`/api/collectives/${seg(collective?.id ?? '')}/results`, period)),
    enabled: Boolean(collective) && orgResults.isSuccess,
    placeholderData: keepPreviousData,
  });

  const periods = sortPeriodsDesc([
    ...(orgResults.data?.periods ?? []),
    ...(collective ? (collectiveResults.data?.periods ?? []) : []),
    ...(period ? [period] : []),
  ]);
  const { common, specific } = combineResults(
    orgResults.data,
    collective ? collectiveResults.data : undefined,
  );
  const threshold =
    collectiveResults.data?.suppressionThreshold ?? collective?.suppressionThreshold ?? null;

  // A native select: light, and the phone's own picker on mobile.
  const periodSelect = (
    <NativeSelect
      label={t('results.period')}
      data={
        periods.length > 0
          ? periods.map((p) => ({ value: p, label: formatPeriod(p, locale) }))
          : [{ value: '', label: t('results.noPeriod') }]
      }
      value={period ?? ''}
      onChange={(event) => event.currentTarget.value && setChosen(event.currentTarget.value)}
      disabled={periods.length === 0}
      w={200}
    />
  );

  const section = (title: string, hint: string, rows: ResultRow[]) =>
    rows.length > 0 && (
      <Stack gap="sm" component="section" aria-label={title}>
        <div>
          <Title order={2} fz={20}>
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {rows.map((row) => (
            <IndicatorCard
              key={row.key}
              row={row}
              orgName={org.name}
              collectiveName={collective?.name ?? null}
              threshold={threshold}
            />
          ))}
        </SimpleGrid>
      </Stack>
    );

  return (
    <>
      <PageHeader
        title={t('results.title')}
        description={
          period
            ? t('results.subtitle', {
                organisation: org.name,
                period: formatPeriod(period, locale),
              })
            : t('results.subtitleNoPeriod', { organisation: org.name })
        }
        actions={periodSelect}
      />
      {orgResults.isPending ? (
        <PageLoader />
      ) : orgResults.isError ? (
        <ErrorAlert error={orgResults.error} onRetry={() => void orgResults.refetch()} />
      ) : (
        <Stack gap={40}>
          {collective ? (
            <Alert variant="light" color="indigo" icon={<IconInfo />}>
              {t('results.comparing', {
                collective: collective.name,
                threshold: threshold ?? '—',
              })}
            </Alert>
          ) : (
            <Text size="sm" c="dimmed">
              {t('results.noCollectiveHint')}{' '}
              <Anchor component={Link} to={paths.collective} size="sm">
                {t('results.noCollectiveLink')}
              </Anchor>
            </Text>
          )}
          {collectiveResults.isError && (
            <ErrorAlert
              error={collectiveResults.error}
              onRetry={() => void collectiveResults.refetch()}
            />
          )}
          {common.length + specific.length === 0 ? (
            <Empty
              icon={<IconChart size={26} />}
              title={t('results.emptyTitle')}
              description={t('results.emptyText')}
              action={
                <Group gap="sm" justify="center">
                  <Anchor component={Link} to={paths.framework}>
                    {t('results.emptyFramework')}
                  </Anchor>
                  <Anchor component={Link} to={paths.campaigns}>
                    {t('results.emptyCampaigns')}
                  </Anchor>
                </Group>
              }
            />
          ) : (
            <>
              {section(t('results.common'), t('results.commonHint'), common)}
              {section(t('results.specific'), t('results.specificHint'), specific)}
            </>
          )}
        </Stack>
      )}
    </>
  );
}
