import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { lazy, Suspense, useCallback, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorResult } from '../../api/types.ts';
import { formatFigure, formatInteger, formatInterval } from '../../format/index.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { ErrorBoundary } from '../../ui/error-boundary.tsx';
import { IconChart } from '../../ui/icons.tsx';
import { chartSpec, type ResultRow } from './combine.ts';

const IndicatorChart = lazy(() => import('./indicator-chart.tsx'));

export const ORG_COLOR = '#0f7f73';
export const COLLECTIVE_COLOR = '#5b5fc7';

function Side({
  testId,
  title,
  color,
  result,
  threshold,
}: {
  testId: string;
  title: string;
  color: string;
  result: IndicatorResult | null;
  threshold: number | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const n = result?.n ?? 0;
  const type = result?.computation.type;
  const nText =
    type === 'sum'
      ? t('results.nFigures', { count: n, n: formatInteger(n, locale) })
      : t('results.n', { count: n, n: formatInteger(n, locale) });
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Box
          w={10}
          h={10}
          style={{ borderRadius: 3, background: color, flex: 'none' }}
          aria-hidden="true"
        />
        <Text size="sm" c="dimmed" truncate>
          {title}
        </Text>
      </Group>
      {result?.suppressed ? (
        <Tooltip
          label={t('results.suppressedHint', { threshold: threshold ?? '—' })}
          multiline
          w={260}
          withArrow
        >
          <Text fz={18} fw={600} c="dark.4" mt={4} tabIndex={0}>
            {t('results.suppressed')}
          </Text>
        </Tooltip>
      ) : result && result.value !== null ? (
        <Text fz={{ base: 22, sm: 26 }} fw={700} lh={1.2} c="var(--socle-ink)">
          {formatFigure(result.value, result.computation.type, locale, result.unit)}
        </Text>
      ) : (
        <Text fz={18} fw={600} c="dimmed" mt={4}>
          {t('results.noData')}
        </Text>
      )}
      {result && !result.suppressed && result.ci && (
        <Text size="xs" c="dimmed">
          {t('results.ci', {
            interval: formatInterval(result.ci, result.computation.type, locale, result.unit),
          })}
        </Text>
      )}
      <Text size="sm" fw={600} c="dark.6" data-testid={testId}>
        {nText}
      </Text>
      {result && result.organisations > 1 && (
        <Text size="xs" c="dimmed">
          {t('results.organisations', { count: result.organisations })}
        </Text>
      )}
      {result && result.otherDefinitionN > 0 && (
        <Text size="xs" c="orange.9" data-testid={`${testId}-other-definition`}>
          {t('resultsVersions.otherDefinition', {
            count: result.otherDefinitionN,
            n: formatInteger(result.otherDefinitionN, locale),
          })}
        </Text>
      )}
      {result && result.crosswalkOrganisations > 0 && (
        <Text size="xs" c="dimmed" data-testid={`${testId}-crosswalk`}>
          {result.organisations > 1
            ? t('results.viaCrosswalk', { count: result.crosswalkOrganisations })
            : t('results.ownViaCrosswalk')}
        </Text>
      )}
      {result?.sector && <SectorLines testId={testId} result={result} sector={result.sector} />}
    </Stack>
  );
}

/** A collective's figure weighted by the people each member serves, and whether it is representative. */
function SectorLines({ testId, result, sector }: { testId: string; result: IndicatorResult; sector: NonNullable<IndicatorResult['sector']> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const type = result.computation.type;
  const reasons = sector.reasons.map((r) => (locale === 'en' ? r.en : r.fr)).join(' ');
  return (
    <>
      {sector.weighted?.value !== null && sector.weighted?.value !== undefined && (
        <Text size="xs" c="dark.6" data-testid={`${testId}-weighted`}>
          {t('results.weighted', { value: formatFigure(sector.weighted.value, type, locale, result.unit) })}
          {sector.weighted.ci && ` (${formatInterval(sector.weighted.ci, type, locale, result.unit)})`}
        </Text>
      )}
      {sector.responseRate !== null && sector.populationServed !== null && (
        <Text size="xs" c="dimmed" data-testid={`${testId}-response-rate`}>
          {t('results.responseRate', { rate: formatFigure(sector.responseRate, 'share', locale, ''), population: formatInteger(sector.populationServed, locale) })}
        </Text>
      )}
      {sector.membersWithoutAnswers > 0 && (
        <Text size="xs" c="dimmed">
          {t('results.membersWithoutAnswers', { count: sector.membersWithoutAnswers })}
        </Text>
      )}
      {!sector.representative && (
        <Tooltip label={`${reasons} ${locale === 'en' ? sector.rule.en : sector.rule.fr}`} multiline w={300} withArrow>
          <Badge color="orange" variant="light" size="sm" tabIndex={0} data-testid={`${testId}-not-representative`} style={{ alignSelf: 'flex-start' }}>
            {t('results.notRepresentative')}
          </Badge>
        </Tooltip>
      )}
    </>
  );
}

export function IndicatorCard({
  row,
  orgName,
  collectiveName,
  threshold,
  onTrend,
  breakdown,
}: {
  row: ResultRow;
  orgName: string;
  /** Set when the card compares with a collective. */
  collectiveName: string | null;
  threshold: number | null;
  /** Opens the indicator's evolution over time. */
  onTrend?: () => void;
  /** The indicator's cells for the breakdown chosen on the dashboard. */
  breakdown?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useLabel();
  const { info } = row;
  const compare = collectiveName !== null && row.scope === 'common';

  const spec = useMemo(
    () =>
      chartSpec(info.computation, [
        { name: t('results.chartOrg'), result: row.org, color: ORG_COLOR },
        ...(compare
          ? [
              {
                name: t('results.chartCollective'),
                result: row.collective,
                color: COLLECTIVE_COLOR,
              },
            ]
          : []),
      ]),
    [info.computation, row.org, row.collective, compare, t],
  );
  const type = info.computation.type;
  const format = useCallback(
    (v: number) =>
      type === 'share' ? formatFigure(v / 100, 'share', locale) : formatFigure(v, type, locale),
    [type, locale],
  );

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      shadow="xs"
      data-testid={`indicator-${row.code}`}
      component="article"
      aria-labelledby={`ind-${row.key}`}
    >
      <Stack gap="sm" h="100%">
        <div>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <Title order={3} fz={16} fw={650} lh={1.35} id={`ind-${row.key}`}>
              {label(info)}
            </Title>
            <Badge
              variant="light"
              color={info.kind === 'output' ? 'gray' : info.kind === 'outcome' ? 'socle' : 'indigo'}
              style={{ flex: 'none' }}
            >
              {t(`indicatorKind.${info.kind}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {row.code} · {t(`stakeholder.${info.stakeholderGroup}`)} ·{' '}
            {t(`computation.${info.computation.type}`)}
          </Text>
        </div>
        <SimpleGrid cols={compare ? 2 : 1} spacing="md">
          <Side
            testId={`n-${row.code}`}
            title={orgName}
            color={ORG_COLOR}
            result={row.org}
            threshold={null}
          />
          {compare && (
            <Side
              testId={`collective-n-${row.code}`}
              title={collectiveName ?? ''}
              color={COLLECTIVE_COLOR}
              result={row.collective}
              threshold={threshold}
            />
          )}
        </SimpleGrid>
        {breakdown}
        <Box mt="auto">
          {spec ? (
            <ErrorBoundary fallback={null}>
              <Suspense fallback={<Skeleton height={36 + spec.bars.length * 40} radius="sm" />}>
                <IndicatorChart spec={spec} format={format} />
              </Suspense>
            </ErrorBoundary>
          ) : null}
          {onTrend && (
            <Group justify="flex-end" mt="xs">
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconChart size={16} />}
                onClick={onTrend}
                aria-label={t('trend.openNamed', { label: label(info) })}
              >
                {t('trend.open')}
              </Button>
            </Group>
          )}
        </Box>
      </Stack>
    </Card>
  );
}
