import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Results } from '../../api/types.ts';
import { formatPeriod, sortPeriodsDesc } from '../../format/index.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconChart, IconInfo } from '../../ui/icons.tsx';
import { Empty, PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { combineResults, type ResultRow } from './combine.ts';
import { IndicatorCard } from './indicator-card.tsx';
import {
  BreakdownSelect,
  CardBreakdown,
  useBreakdown,
  useBreakdownChoices,
} from './breakdowns.tsx';
import { CrossTabModal } from './crosstab-modal.tsx';
import { TrendModal, type TrendTarget } from './trend-modal.tsx';

type FrameworkShown = Results['frameworks'][number];

const withPeriod = (path: string, period: string | null) =>
  period ? `${path}?period=${encodeURIComponent(period)}` : path;

export function ResultsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useLabel();
  const { org, collective } = useWorkspace();
  // null: let the server pick its latest period, then follow the one it answered with.
  const [chosen, setChosen] = useState<string | null>(null);
  const [trendTarget, setTrendTarget] = useState<TrendTarget | null>(null);
  const [breakdownKey, setBreakdownKey] = useState('');
  const [crossTabOpen, setCrossTabOpen] = useState(false);

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

  const collectiveRef = collective
    ? { id: collective.id, name: collective.name, commonFrameworkId: collective.commonFrameworkId }
    : null;
  const breakdownChoices = useBreakdownChoices(org.id, collectiveRef);
  const breakdownChoice = breakdownChoices.find((c) => c.key === breakdownKey) ?? null;
  const breakdown = useBreakdown(breakdownChoice, org.id, collectiveRef, period);

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

  const openTrend = (row: ResultRow) =>
    setTrendTarget({
      frameworkId: row.info.frameworkId,
      code: row.code,
      label: label(row.info),
      org: row.org ? { id: org.id, name: org.name } : null,
      collective:
        collective &&
        row.scope === 'common' &&
        row.info.frameworkId === collective.commonFrameworkId
          ? { id: collective.id, name: collective.name }
          : null,
    });

  const cards = (rows: ResultRow[]) => (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {rows.map((row) => (
        <IndicatorCard
          key={row.key}
          row={row}
          orgName={org.name}
          collectiveName={
            collective && row.info.frameworkId === collective.commonFrameworkId
              ? collective.name
              : null
          }
          threshold={threshold}
          onTrend={() => openTrend(row)}
          breakdown={
            breakdownChoice && (
              <CardBreakdown
                frameworkId={row.info.frameworkId}
                code={row.code}
                indicatorLabel={label(row.info)}
                computation={row.info.computation}
                choice={breakdownChoice}
                data={breakdown}
                orgName={org.name}
                collectiveName={
                  collective &&
                  row.scope === 'common' &&
                  row.info.frameworkId === collective.commonFrameworkId
                    ? collective.name
                    : null
                }
                threshold={threshold}
              />
            )
          }
        />
      ))}
    </SimpleGrid>
  );

  const section = (
    id: string,
    title: string,
    version: number | null,
    hint: ReactNode,
    rows: ResultRow[],
  ) =>
    rows.length > 0 && (
      <Stack
        gap="sm"
        component="section"
        aria-labelledby={`results-${id}`}
        data-testid={`results-section-${id}`}
        key={id}
      >
        <div>
          <Group gap="sm" align="center" wrap="wrap">
            <Title order={2} fz={20} id={`results-${id}`}>
              {title}
              <span className="socle-sr-only">
                {version !== null ? ` — ${t('resultsVersions.version', { number: version })}` : ''}
              </span>
            </Title>
            <Badge
              variant="light"
              color={version !== null ? 'socle' : 'gray'}
              size="lg"
              aria-hidden="true"
              data-testid={`results-version-${id}`}
            >
              {version !== null
                ? t('resultsVersions.version', { number: version })
                : t('resultsVersions.noVersion')}
            </Badge>
          </Group>
          {hint}
        </div>
        {cards(rows)}
      </Stack>
    );

  const orgFrameworks = orgResults.data?.frameworks ?? [];
  const commonFrameworks = orgFrameworks.filter((f) => f.scope === 'common');
  const specificFramework = orgFrameworks.find((f) => f.scope === 'specific') ?? null;
  const collectiveVersion = collectiveResults.data?.frameworks[0]?.versionNumber ?? null;
  const known = new Set(commonFrameworks.map((f) => f.frameworkId));
  // Common indicators only the collective has (its framework is not among the organisation's).
  const collectiveOnly = common.filter((r) => !known.has(r.info.frameworkId));

  const commonHint = (f: FrameworkShown) => (
    <Stack gap={4} mt={4}>
      <Text size="sm" c="dimmed">
        {t('results.commonHint')}
      </Text>
      {!f.chosen && f.versionNumber !== null && (
        <Text size="sm" c="dimmed" data-testid="results-not-chosen">
          {t('resultsVersions.notChosen', { number: f.versionNumber })}{' '}
          <Anchor component={Link} to={paths.organisation} size="sm">
            {t('resultsVersions.chooseVersion')}
          </Anchor>
        </Text>
      )}
      {collective &&
        f.frameworkId === collective.commonFrameworkId &&
        collectiveVersion !== null &&
        f.versionNumber !== null &&
        collectiveVersion !== f.versionNumber && (
          <Text size="sm" c="dimmed">
            {t('resultsVersions.collectiveVersion', {
              collective: collective.name,
              number: collectiveVersion,
            })}
          </Text>
        )}
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
        actions={
          <Group gap="sm" align="flex-end" wrap="wrap">
            {periodSelect}
            <BreakdownSelect
              choices={breakdownChoices}
              value={breakdownChoice?.key ?? ''}
              onChange={setBreakdownKey}
            />
            <Button
              variant="light"
              onClick={() => setCrossTabOpen(true)}
              disabled={breakdownChoices.length < 2}
              data-testid="open-crosstab"
            >
              {t('breakdown.crossTab')}
            </Button>
          </Group>
        }
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
              {commonFrameworks.map((f) =>
                section(
                  `common-${f.frameworkId}`,
                  t('resultsVersions.commonTitle', { collective: f.name }),
                  f.versionNumber,
                  commonHint(f),
                  common.filter((r) => r.info.frameworkId === f.frameworkId),
                ),
              )}
              {collective &&
                section(
                  'common-collective',
                  t('resultsVersions.commonTitle', { collective: collective.name }),
                  collectiveVersion,
                  <Text size="sm" c="dimmed">
                    {t('results.commonHint')}
                  </Text>,
                  collectiveOnly,
                )}
              {section(
                'specific',
                t('resultsVersions.specificTitle', { organisation: org.name }),
                specificFramework?.versionNumber ?? null,
                <Text size="sm" c="dimmed">
                  {t('results.specificHint')}
                </Text>,
                specific,
              )}
            </>
          )}
        </Stack>
      )}
      <TrendModal target={trendTarget} onClose={() => setTrendTarget(null)} />
      <CrossTabModal
        opened={crossTabOpen}
        onClose={() => setCrossTabOpen(false)}
        rows={[...common, ...specific]}
        choices={breakdownChoices}
        org={{ id: org.id, name: org.name }}
        collective={collectiveRef}
        period={period}
      />
    </>
  );
}
