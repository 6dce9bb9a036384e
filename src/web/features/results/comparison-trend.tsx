import { Alert, Badge, NativeSelect, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import { formatFigure, formatInteger, formatPeriod } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { IconInfo } from '../../ui/icons.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import {
  comparisonRows,
  comparisonSpec,
  type ComparisonIndicator,
  type ComparisonRow,
  type ComparisonTrend,
} from './comparison.ts';
import { COLLECTIVE_COLOR, ORG_COLOR } from './indicator-card.tsx';
import type { LineStyle, TrendChartLabels } from './trend-chart.tsx';
import type { TrendLine } from './trend.ts';

const TrendChart = lazy(() => import('./trend-chart.tsx'));

/** Earlier series of each side, quieter than the current one. */
const ORG_OLDER = '#7fbfb7';
const COLLECTIVE_OLDER = '#a9abe6';
/** The chart's break colour, darkened for text on a light background (contrast above 4.5:1). */
const BREAK_TEXT = '#92400e';

/** The organisation's line and the sector's over every period, for one indicator. */
export function ComparisonTrendSection({
  orgId,
  collectiveId,
  indicators,
  code,
  onCode,
}: {
  orgId: string;
  collectiveId: string;
  indicators: ComparisonIndicator[];
  code: string;
  onCode: (code: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery({
    queryKey: ['organisations', orgId, 'comparison', 'trend', collectiveId, code, locale],
    queryFn: () =>
      get<ComparisonTrend>(
        `/api/organisations/${seg(orgId)}/comparison/trend?collectiveId=${seg(collectiveId)}&code=${seg(code)}&lang=${locale}`,
      ),
  });
  return (
    <Stack
      gap="md"
      component="section"
      aria-labelledby="comparison-trend"
      id="comparison-trend-section"
      data-testid="comparison-trend"
    >
      <div>
        <Title order={2} fz={20} id="comparison-trend">
          {t('comparison.trendTitle')}
        </Title>
        <Text size="sm" c="dimmed" mt={4}>
          {t('comparison.trendHint')}
        </Text>
      </div>
      <NativeSelect
        label={t('comparison.trendIndicator')}
        data={indicators.map((i) => ({ value: i.code, label: i.label }))}
        value={code}
        onChange={(event) => onCode(event.currentTarget.value)}
        maw={480}
      />
      <QueryView query={query}>{(data) => <TrendBody data={data} />}</QueryView>
    </Stack>
  );
}

function TrendBody({ data }: { data: ComparisonTrend }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const spec = useMemo(() => comparisonSpec(data), [data]);
  const rows = useMemo(() => comparisonRows(data, spec.breaks), [data, spec.breaks]);
  const several = new Set(spec.lines.map((l) => l.number)).size > 1;
  const format = useCallback(
    (v: number, type: TrendLine['type']) =>
      type === 'share' ? formatFigure(v / 100, 'share', locale) : formatFigure(v, type, locale),
    [locale],
  );
  const seriesText = useCallback(
    (number: number) => {
      const fromVersion = data.series.find((s) => s.number === number)?.fromVersion ?? null;
      return fromVersion !== null
        ? t('trend.seriesFrom', { number, version: fromVersion })
        : t('trend.series', { number });
    },
    [data.series, t],
  );
  const labels = useMemo<TrendChartLabels>(
    () => ({
      seriesName: (line) => {
        const side = line.side === 'sector' ? t('comparison.sector') : t('comparison.you');
        return several
          ? t('comparison.lineSeries', { side, series: seriesText(line.number) })
          : side;
      },
      periodName: (p) => formatPeriod(p, locale),
      breakLabel: t('trend.break'),
      n: (n) => t('results.n', { count: n, n: formatInteger(n, locale) }),
      hidden: t('trend.hidden'),
    }),
    [several, seriesText, locale, t],
  );
  // Colour and shape tell the sides apart, dashes the sector: not colour alone.
  const lineStyle = useCallback(
    (line: TrendLine): LineStyle =>
      line.side === 'sector'
        ? {
            color: line.current ? COLLECTIVE_COLOR : COLLECTIVE_OLDER,
            symbol: 'diamond',
            dashed: true,
          }
        : { color: line.current ? ORG_COLOR : ORG_OLDER, symbol: 'circle' },
    [],
  );

  if (data.organisation.length + data.sector.length === 0) {
    return (
      <Text c="dimmed" py="lg" ta="center">
        {t('trend.empty')}
      </Text>
    );
  }
  const type = data.computation.type;
  const cell = (p: ComparisonRow['organisation']) =>
    p === null
      ? '—'
      : p.suppressed || p.value === null
        ? `${t('trend.hidden')} (n = ${formatInteger(p.n, locale)})`
        : t('comparison.cell', {
            value: formatFigure(p.value, type, locale, data.unit),
            n: formatInteger(p.n, locale),
          });

  return (
    <Stack gap="md">
      <ErrorBoundary fallback={null}>
        <Suspense fallback={<Skeleton height={300} radius="sm" />}>
          <div data-testid="comparison-trend-chart">
            <TrendChart
              spec={spec}
              format={format}
              labels={labels}
              color={ORG_COLOR}
              lineStyle={lineStyle}
            />
          </div>
        </Suspense>
      </ErrorBoundary>
      {spec.breaks.length > 0 && (
        <Alert
          variant="light"
          color="orange"
          icon={<IconInfo />}
          title={t('trend.break')}
          styles={{ title: { color: BREAK_TEXT } }}
          data-testid="comparison-trend-break"
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
        <Text size="sm" c="dimmed">
          {t('trend.suppressedNote')}
        </Text>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table
          striped
          verticalSpacing={6}
          horizontalSpacing="sm"
          captionSide="top"
          data-testid="comparison-trend-table"
        >
          <Table.Caption>{t('comparison.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('trend.period')}</Table.Th>
              <Table.Th scope="col">{t('trend.seriesColumn')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparison.you')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('comparison.sector')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.period}-${r.series}`}>
                <Table.Th scope="row" fw={500}>
                  {formatPeriod(r.period, locale)}
                </Table.Th>
                <Table.Td>
                  {seriesText(r.series)}
                  {r.isBreak && (
                    <Badge size="sm" ml={6} variant="outline" color={BREAK_TEXT} tt="none">
                      {t('trend.break')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{cell(r.organisation)}</Table.Td>
                <Table.Td ta="right">{cell(r.sector)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
