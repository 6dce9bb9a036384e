import { Box, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import type { Breakdown, BreakdownDimension, CellFigure, Computation } from '../../api/types.ts';
import { formatFigure, formatInteger, formatInterval } from '../../format/index.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { barLength, breakdownChoices, hiddenReason, type BreakdownChoice } from './breakdown.ts';
import { COLLECTIVE_COLOR, ORG_COLOR } from './indicator-card.tsx';

type CollectiveRef = { id: string; name: string; commonFrameworkId: string } | null;

const withQuery = (path: string, params: Record<string, string | null>) => {
  const q = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return q ? `${path}?${q}` : path;
};

/** The breakdowns the organisation and its collective offer, as one list. */
export function useBreakdownChoices(orgId: string, collective: CollectiveRef) {
  const locale = useLocale();
  const org = useQuery({
    queryKey: ['organisations', orgId, 'breakdowns', locale],
    queryFn: () =>
      get<{ breakdowns: BreakdownDimension[] }>(
        `/api/organisations/${seg(orgId)}/breakdowns?lang=${locale}`,
      ),
  });
  const shared = useQuery({
    queryKey: ['collectives', collective?.id ?? '', 'breakdowns', locale],
    queryFn: () =>
      get<{ breakdowns: BreakdownDimension[] }>(
        `/api/collectives/${seg(collective?.id ?? '')}/breakdowns?lang=${locale}`,
      ),
    enabled: Boolean(collective),
  });
  return breakdownChoices(org.data?.breakdowns, collective ? shared.data?.breakdowns : undefined);
}

/** Both sides' figures broken down by the chosen breakdown (each side only where it exists). */
export function useBreakdown(
  choice: BreakdownChoice | null,
  orgId: string,
  collective: CollectiveRef,
  period: string | null,
) {
  const locale = useLocale();
  const org = useQuery({
    queryKey: ['organisations', orgId, 'breakdown', choice?.orgBy, period, locale],
    queryFn: () =>
      get<Breakdown>(
        withQuery(`/api/organisations/${seg(orgId)}/breakdown`, {
          by: choice?.orgBy ?? '',
          period,
          lang: locale,
        }),
      ),
    enabled: Boolean(choice?.orgBy),
    placeholderData: keepPreviousData,
  });
  const shared = useQuery({
    queryKey: [
      'collectives',
      collective?.id ?? '',
      'breakdown',
      choice?.collectiveBy,
      period,
      locale,
    ],
    queryFn: () =>
      get<Breakdown>(
        withQuery(`/api/collectives/${seg(collective?.id ?? '')}/breakdown`, {
          by: choice?.collectiveBy ?? '',
          period,
          lang: locale,
        }),
      ),
    enabled: Boolean(collective && choice?.collectiveBy),
    placeholderData: keepPreviousData,
  });
  return {
    org: choice?.orgBy ? org.data : undefined,
    collective: choice?.collectiveBy ? shared.data : undefined,
    pending:
      (Boolean(choice?.orgBy) && org.isPending) ||
      (Boolean(collective && choice?.collectiveBy) && shared.isPending),
    error: org.error ?? shared.error,
  };
}

/** The "Ventiler par" select; a native one, light and the phone's own picker. */
export function BreakdownSelect({
  choices,
  value,
  onChange,
}: {
  choices: BreakdownChoice[];
  value: string;
  onChange: (key: string) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <NativeSelect
      label={t('breakdown.by')}
      title={t('breakdown.hint')}
      data={[
        {
          value: '',
          label: choices.length > 0 ? t('breakdown.none') : t('breakdown.noneAvailable'),
        },
        ...choices.map((c) => ({ value: c.key, label: label(c) })),
      ]}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      disabled={choices.length === 0}
      w={220}
      data-testid="breakdown-select"
    />
  );
}

/** Under an indicator's card: its cells for the organisation and for the collective. */
export function CardBreakdown({
  frameworkId,
  code,
  indicatorLabel,
  computation,
  choice,
  data,
  orgName,
  collectiveName,
  threshold,
}: {
  frameworkId: string;
  code: string;
  indicatorLabel: string;
  computation: Computation;
  choice: BreakdownChoice;
  data: ReturnType<typeof useBreakdown>;
  orgName: string;
  /** Set when the card compares with a collective. */
  collectiveName: string | null;
  threshold: number | null;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const find = (b: Breakdown | undefined) =>
    b?.indicators.find((i) => i.frameworkId === frameworkId && i.code === code);
  const org = find(data.org);
  const shared = collectiveName !== null ? find(data.collective) : undefined;
  return (
    <Stack
      gap="xs"
      component="section"
      aria-label={t('breakdown.title', { label: label(choice) })}
      data-testid={`breakdown-${code}`}
    >
      <Title order={4} fz={14} fw={650}>
        {t('breakdown.title', { label: label(choice) })}
      </Title>
      {computation.type === 'sum' ? (
        <Text size="sm" c="dimmed">
          {t('breakdown.notBroken')}
        </Text>
      ) : data.pending ? (
        <Text size="sm" c="dimmed">
          {t('breakdown.loading')}
        </Text>
      ) : (
        <>
          {choice.orgBy === null ? (
            <Text size="sm" c="dimmed">
              {t('breakdown.noOrgBreakdown')}
            </Text>
          ) : (
            org && (
              <CellsTable
                side={orgName}
                color={ORG_COLOR}
                indicatorLabel={indicatorLabel}
                by={label(choice)}
                computation={computation}
                unit={org.unit}
                cells={org.cells}
                threshold={null}
                testId={`breakdown-org-${code}`}
              />
            )
          )}
          {collectiveName !== null &&
            (choice.collectiveBy === null ? (
              <Text size="sm" c="dimmed">
                {t('breakdown.noCollectiveBreakdown')}
              </Text>
            ) : (
              shared && (
                <CellsTable
                  side={collectiveName}
                  color={COLLECTIVE_COLOR}
                  indicatorLabel={indicatorLabel}
                  by={label(choice)}
                  computation={computation}
                  unit={shared.unit}
                  cells={shared.cells}
                  threshold={threshold}
                  testId={`breakdown-collective-${code}`}
                />
              )
            ))}
        </>
      )}
    </Stack>
  );
}

/** A hidden cell's words: fewer than k answers, or hidden to protect another. */
export function HiddenText({
  cell,
  threshold,
}: {
  cell: Pick<CellFigure, 'n' | 'suppressed'>;
  threshold: number | null;
}) {
  const { t } = useTranslation();
  const reason = hiddenReason(cell, threshold);
  return (
    <Text component="span" size="xs" fs="italic" c="dark.4" data-testid="cell-hidden">
      {reason === 'small'
        ? t('breakdown.hiddenSmall', { count: threshold ?? 0 })
        : t('breakdown.hiddenProtects')}
    </Text>
  );
}

function CellsTable({
  side,
  color,
  indicatorLabel,
  by,
  computation,
  unit,
  cells,
  threshold,
  testId,
}: {
  side: string;
  color: string;
  indicatorLabel: string;
  by: string;
  computation: Computation;
  unit: string;
  cells: Breakdown['indicators'][number]['cells'];
  threshold: number | null;
  testId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const type = computation.type;
  const label = useLabel();
  return (
    <Box>
      <Group gap={6} wrap="nowrap" mb={2}>
        <Box
          w={10}
          h={10}
          style={{ borderRadius: 3, background: color, flex: 'none' }}
          aria-hidden="true"
        />
        <Text size="xs" c="dimmed" truncate>
          {side}
        </Text>
      </Group>
      <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} data-testid={testId}>
        <caption className="socle-sr-only">
          {t('breakdown.caption', { indicator: indicatorLabel, by, side })}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('breakdown.option')}</Table.Th>
            <Table.Th scope="col">{t('breakdown.value')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('breakdown.n')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((c) => (
            <Table.Tr key={c.option ?? ''} data-option={c.option ?? ''}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {label(c)}
              </Table.Th>
              <Table.Td>
                {c.suppressed ? (
                  <HiddenText cell={c} threshold={threshold} />
                ) : c.value === null ? (
                  <Text component="span" size="xs" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Stack gap={2}>
                    <Group gap={6} wrap="nowrap">
                      <Box
                        w={72}
                        h={8}
                        bg="gray.1"
                        style={{ borderRadius: 2, flex: 'none' }}
                        aria-hidden="true"
                      >
                        <Box
                          h={8}
                          w={`${Math.round(barLength(c, type, cells) * 100)}%`}
                          style={{ background: color, borderRadius: 2 }}
                        />
                      </Box>
                      <Text component="span" size="xs" fw={600}>
                        {formatFigure(c.value, type, locale, unit)}
                      </Text>
                    </Group>
                    {c.ci && (
                      <Text component="span" size="xs" c="dimmed">
                        {formatInterval(c.ci, type, locale, unit)}
                      </Text>
                    )}
                  </Stack>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatInteger(c.n, locale)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
