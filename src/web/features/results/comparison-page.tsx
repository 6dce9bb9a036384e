import { Alert, Anchor, Group, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import { formatPeriod, sortPeriodsDesc } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { IconChart, IconCollective, IconInfo } from '../../ui/icons.tsx';
import { Empty, PageHeader } from '../../ui/page.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { ComparisonCard } from './comparison-card.tsx';
import { ComparisonTrendSection } from './comparison-trend.tsx';
import type { Comparison } from '../../../contracts/comparison.ts';

/**
 * The organisation against its sector: for each common share and mean, its figure, the
 * collective's, where it stands among the members, and both lines over time.
 */
export function ComparisonPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org, collective: current, collectives } = useWorkspace();
  const [chosenCollective, setChosenCollective] = useState<string | null>(null);
  const collective =
    collectives.find((c) => c.id === chosenCollective) ?? current ?? collectives[0] ?? null;
  // null: the server picks the organisation's latest period, then the select follows it.
  const [chosenPeriod, setChosenPeriod] = useState<string | null>(null);
  const [trendCode, setTrendCode] = useState<string | null>(null);

  const query = useQuery({
    queryKey: ['organisations', org.id, 'comparison', collective?.id ?? '', chosenPeriod, locale],
    queryFn: () =>
      get<Comparison>(
        `/api/organisations/${seg(org.id)}/comparison?collectiveId=${seg(collective?.id ?? '')}&lang=${locale}${chosenPeriod ? `&period=${seg(chosenPeriod)}` : ''}`,
      ),
    enabled: collective !== null,
    placeholderData: keepPreviousData,
  });
  const period = chosenPeriod ?? query.data?.period ?? null;
  const periods = sortPeriodsDesc([...(query.data?.periods ?? []), ...(period ? [period] : [])]);

  const selects = (
    <Group gap="sm" align="flex-end">
      <NativeSelect
        label={t('comparison.collective')}
        data={collectives.map((c) => ({ value: c.id, label: c.name }))}
        value={collective?.id ?? ''}
        onChange={(event) => {
          setChosenCollective(event.currentTarget.value);
          setChosenPeriod(null);
          setTrendCode(null);
        }}
        disabled={collectives.length === 0}
        w={240}
      />
      <NativeSelect
        label={t('comparison.period')}
        data={
          periods.length > 0
            ? periods.map((p) => ({ value: p, label: formatPeriod(p, locale) }))
            : [{ value: '', label: t('comparison.noPeriod') }]
        }
        value={period ?? ''}
        onChange={(event) =>
          event.currentTarget.value && setChosenPeriod(event.currentTarget.value)
        }
        disabled={periods.length === 0}
        w={200}
      />
    </Group>
  );

  return (
    <>
      <PageHeader
        title={t('comparison.title')}
        description={
          collective
            ? t('comparison.subtitle', { organisation: org.name, collective: collective.name })
            : t('comparison.subtitleNoCollective', { organisation: org.name })
        }
        actions={collective ? selects : undefined}
      />
      {!collective ? (
        <Empty
          icon={<IconCollective size={26} />}
          title={t('comparison.noCollectiveTitle')}
          description={t('comparison.noCollectiveText')}
          action={
            <Anchor component={Link} to={paths.collective}>
              {t('comparison.noCollectiveLink')}
            </Anchor>
          }
        />
      ) : (
        <QueryView query={query}>
          {(data) =>
            data.indicators.length === 0 ? (
              <Empty
                icon={<IconChart size={26} />}
                title={t('comparison.emptyTitle')}
                description={t('comparison.emptyText')}
              />
            ) : (
              <Stack gap={40}>
                <Alert variant="light" color="indigo" icon={<IconInfo />}>
                  {t('comparison.rules', {
                    version: data.framework.versionNumber ?? '—',
                    threshold: data.collective.suppressionThreshold,
                    minimum: data.minimumMembers,
                  })}
                </Alert>
                <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
                  {data.indicators.map((ind) => (
                    <ComparisonCard
                      key={ind.code}
                      ind={ind}
                      threshold={data.collective.suppressionThreshold}
                      onTrend={() => {
                        setTrendCode(ind.code);
                        const still =
                          window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
                        document
                          .getElementById('comparison-trend-section')
                          ?.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
                      }}
                    />
                  ))}
                </SimpleGrid>
                <ComparisonTrendSection
                  orgId={org.id}
                  collectiveId={data.collective.id}
                  indicators={data.indicators}
                  code={
                    data.indicators.some((i) => i.code === trendCode)
                      ? trendCode!
                      : data.indicators[0]!.code
                  }
                  onCode={setTrendCode}
                />
              </Stack>
            )
          }
        </QueryView>
      )}
    </>
  );
}
