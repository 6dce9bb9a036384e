import {
  Alert,
  Badge,
  Group,
  Modal,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import { formatFigure, formatInteger, formatPeriod } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { IconInfo } from '../../ui/icons.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { COLLECTIVE_COLOR, ORG_COLOR } from './indicator-card.tsx';
import type { TrendChartLabels } from './trend-chart.tsx';
import { trendSpec, type Trend, type TrendLine } from './trend.ts';

const TrendChart = lazy(() => import('./trend-chart.tsx'));

export type TrendTarget = {
  frameworkId: string;
  code: string;
  label: string;
  org: { id: string; name: string } | null;
  /** Set for a common indicator seen with a collective. */
  collective: { id: string; name: string } | null;
};

/** An indicator over every period, for the organisation or for the collective. */
export function TrendModal({
  target,
  onClose,
}: {
  target: TrendTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      size="xl"
      title={target ? t('trend.title', { label: target.label }) : ''}
    >
      {target && <TrendBody key={`${target.frameworkId}:${target.code}`} target={target} />}
    </Modal>
  );
}

function TrendBody({ target }: { target: TrendTarget }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [side, setSide] = useState<'org' | 'collective'>(target.org ? 'org' : 'collective');
  const orgId = target.org?.id ?? '';
  const collectiveId = target.collective?.id ?? '';
  const query = useQuery({
    queryKey:
      side === 'org'
        ? ['organisations', orgId, 'trend', target.frameworkId, target.code, locale]
        : ['collectives', collectiveId, 'trend', target.code, locale],
    queryFn: () =>
      get<Trend>(
        side === 'org'
          ? `/api/organisations/${seg(orgId)}/trend?frameworkId=${seg(target.frameworkId)}&code=${seg(target.code)}&lang=${locale}`
          : `/api/collectives/${seg(collectiveId)}/trend?code=${seg(target.code)}&lang=${locale}`,
      ),
  });

  return (
    <Stack gap="md">
      {target.org && target.collective && (
        <SegmentedControl
          value={side}
          onChange={(v) => setSide(v === 'collective' ? 'collective' : 'org')}
          data={[
            { value: 'org', label: target.org.name },
            { value: 'collective', label: target.collective.name },
          ]}
          aria-label={t('trend.whose')}
        />
      )}
      <QueryView query={query}>
        {(data) => <TrendView data={data} color={side === 'org' ? ORG_COLOR : COLLECTIVE_COLOR} />}
      </QueryView>
    </Stack>
  );
}

function TrendView({ data, color }: { data: Trend; color: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const spec = useMemo(() => trendSpec(data), [data]);
  const format = useCallback(
    (v: number, type: TrendLine['type']) =>
      type === 'share' ? formatFigure(v / 100, 'share', locale) : formatFigure(v, type, locale),
    [locale],
  );
  const seriesName = useCallback(
    (line: Pick<TrendLine, 'number' | 'fromVersion'>) =>
      line.fromVersion !== null
        ? t('trend.seriesFrom', { number: line.number, version: line.fromVersion })
        : t('trend.series', { number: line.number }),
    [t],
  );
  const labels = useMemo<TrendChartLabels>(
    () => ({
      seriesName,
      periodName: (p) => formatPeriod(p, locale),
      breakLabel: t('trend.break'),
      n: (n) =>
        t(data.computation.type === 'sum' ? 'results.nFigures' : 'results.n', {
          count: n,
          n: formatInteger(n, locale),
        }),
      hidden: t('trend.hidden'),
    }),
    [seriesName, locale, t, data.computation.type],
  );

  if (data.points.length === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {t('trend.empty')}
      </Text>
    );
  }

  const definitionText = (s: Trend['series'][number]) => {
    const kind = t(`computation.${s.type}` as 'computation.share');
    const options = s.options.length ? t('trend.options', { options: s.options.join(', ') }) : '';
    const dis = s.disaggregations.length
      ? t('trend.disaggregations', { list: s.disaggregations.join(', ') })
      : '';
    return [kind, options, dis].filter(Boolean).join(' · ');
  };
  const drawn = new Set(spec.lines.map((l) => l.number));

  return (
    <Stack gap="md">
      <ErrorBoundary fallback={null}>
        <Suspense fallback={<Skeleton height={300} radius="sm" />}>
          <div data-testid="trend-chart">
            <TrendChart spec={spec} format={format} labels={labels} color={color} />
          </div>
        </Suspense>
      </ErrorBoundary>

      {spec.breaks.length > 0 && (
        <Alert
          variant="light"
          color="orange"
          icon={<IconInfo />}
          title={t('trend.break')}
          data-testid="trend-break"
        >
          <Stack gap={4}>
            {spec.breaks.map((b) => (
              <Text size="sm" key={b.period}>
                {b.fromVersion !== null
                  ? t('trend.breakText', {
                      period: formatPeriod(b.period, locale),
                      version: b.fromVersion,
                    })
                  : t('trend.breakTextNoVersion', { period: formatPeriod(b.period, locale) })}
              </Text>
            ))}
            <Text size="sm">{t('trend.breakHint')}</Text>
          </Stack>
        </Alert>
      )}
      {spec.hasSuppressed && (
        <Text size="sm" c="dimmed" data-testid="trend-suppressed">
          {t('trend.suppressedNote')}
        </Text>
      )}

      <Stack gap={4}>
        {data.series
          .filter((s) => drawn.has(s.number))
          .map((s) => (
            <Group key={s.number} gap="xs" wrap="nowrap" align="baseline">
              <Badge
                size="sm"
                variant={s.number === data.currentSeries ? 'filled' : 'light'}
                color={s.number === data.currentSeries ? 'socle' : 'gray'}
                tt="none"
                style={{ flex: 'none' }}
              >
                {seriesName(s)}
              </Badge>
              <Text size="sm" c="dimmed">
                {definitionText(s)}
                {s.number === data.currentSeries ? ` · ${t('trend.current')}` : ''}
              </Text>
            </Group>
          ))}
      </Stack>

      <Table.ScrollContainer minWidth={420}>
        <Table
          striped
          verticalSpacing={6}
          horizontalSpacing="sm"
          data-testid="trend-table"
          captionSide="top"
        >
          <Table.Caption>{t('trend.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trend.period')}</Table.Th>
              <Table.Th>{t('trend.seriesColumn')}</Table.Th>
              <Table.Th ta="right">{t('trend.value')}</Table.Th>
              <Table.Th ta="right">n</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.points.map((p) => {
              const type = spec.lines.find((l) => l.number === p.series)?.type ?? 'mean';
              const isBreak = spec.breaks.some(
                (b) => b.period === p.period && b.series === p.series,
              );
              return (
                <Table.Tr key={`${p.period}-${p.series}`}>
                  <Table.Td>{formatPeriod(p.period, locale)}</Table.Td>
                  <Table.Td>
                    {seriesName({
                      number: p.series,
                      fromVersion:
                        data.series.find((s) => s.number === p.series)?.fromVersion ?? null,
                    })}
                    {isBreak && (
                      <Badge size="sm" ml={6} variant="outline" color="orange" tt="none">
                        {t('trend.break')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {p.suppressed
                      ? t('trend.hidden')
                      : formatFigure(p.value, type, locale, data.unit)}
                  </Table.Td>
                  <Table.Td ta="right">{formatInteger(p.n, locale)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
