import {
  Alert,
  Group,
  Modal,
  NativeSelect,
  ScrollArea,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import type { CellFigure, CrossTab } from '../../api/types.ts';
import { formatFigure, formatInteger } from '../../format/index.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { IconInfo } from '../../ui/icons.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import type { BreakdownChoice } from './breakdown.ts';
import { HiddenText } from './breakdowns.tsx';
import type { ResultRow } from './combine.ts';

type Side = 'org' | 'collective';

/**
 * One indicator split by two breakdowns at once, for the organisation or for the collective,
 * with the totals of each row and column; hidden cells say why.
 */
export function CrossTabModal({
  opened,
  onClose,
  rows,
  choices,
  org,
  collective,
  period,
  initialCode,
}: {
  opened: boolean;
  onClose: () => void;
  /** The dashboard's indicators. */
  rows: ResultRow[];
  choices: BreakdownChoice[];
  org: { id: string; name: string };
  collective: { id: string; name: string; commonFrameworkId: string } | null;
  period: string | null;
  initialCode?: string;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={t('breakdown.crossTabTitle')}>
      {opened && (
        <CrossTabBody
          rows={rows}
          choices={choices}
          org={org}
          collective={collective}
          period={period}
          initialCode={initialCode}
        />
      )}
    </Modal>
  );
}

function CrossTabBody({
  rows,
  choices,
  org,
  collective,
  period,
  initialCode,
}: {
  rows: ResultRow[];
  choices: BreakdownChoice[];
  org: { id: string; name: string };
  collective: { id: string; name: string; commonFrameworkId: string } | null;
  period: string | null;
  initialCode?: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const locale = useLocale();
  const [side, setSide] = useState<Side>(collective ? 'collective' : 'org');
  const byOf = (c: BreakdownChoice) => (side === 'org' ? c.orgBy : c.collectiveBy);
  const available = choices.filter((c) => byOf(c) !== null);
  const indicators = rows.filter(
    (r) =>
      r.info.computation.type !== 'sum' &&
      (side === 'org'
        ? r.org !== null
        : r.collective !== null && r.info.frameworkId === collective?.commonFrameworkId),
  );
  const [indicatorKey, setIndicatorKey] = useState(
    () => rows.find((r) => r.code === initialCode)?.key ?? '',
  );
  const [rowKey, setRowKey] = useState('');
  const [columnKey, setColumnKey] = useState('');
  const indicator = indicators.find((r) => r.key === indicatorKey) ?? indicators[0] ?? null;
  const rowChoice = available.find((c) => c.key === rowKey) ?? available[0] ?? null;
  const columnChoice =
    available.find((c) => c.key === columnKey) ??
    available.find((c) => c.key !== rowChoice?.key) ??
    null;
  const same = rowChoice !== null && rowChoice.key === columnChoice?.key;
  const ready = indicator !== null && rowChoice !== null && columnChoice !== null && !same;

  const url = (() => {
    if (!ready) return '';
    const params = new URLSearchParams({
      code: indicator.code,
      by: byOf(rowChoice) ?? '',
      by2: byOf(columnChoice) ?? '',
      lang: locale,
    });
    if (period) params.set('period', period);
    if (side === 'org') {
      params.set('frameworkId', indicator.info.frameworkId);
      return `/api/organisations/${seg(org.id)}/crosstab?${params.toString()}`;
    }
    return `/api/collectives/${seg(collective?.id ?? '')}/crosstab?${params.toString()}`;
  })();
  const query = useQuery({
    queryKey: [
      side === 'org' ? 'organisations' : 'collectives',
      side === 'org' ? org.id : collective?.id,
      'crosstab',
      url,
    ],
    queryFn: () => get<CrossTab>(url),
    enabled: ready,
  });

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('breakdown.crossTabIntro')}
      </Text>
      {collective && (
        <SegmentedControl
          value={side}
          onChange={(v) => setSide(v === 'org' ? 'org' : 'collective')}
          data={[
            { value: 'org', label: org.name },
            { value: 'collective', label: collective.name },
          ]}
          aria-label={t('breakdown.whose')}
        />
      )}
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('breakdown.indicator')}
          data={indicators.map((r) => ({ value: r.key, label: label(r.info) }))}
          value={indicator?.key ?? ''}
          onChange={(e) => setIndicatorKey(e.currentTarget.value)}
          w={260}
          data-testid="crosstab-indicator"
        />
        <NativeSelect
          label={t('breakdown.rows')}
          data={available.map((c) => ({ value: c.key, label: label(c) }))}
          value={rowChoice?.key ?? ''}
          onChange={(e) => setRowKey(e.currentTarget.value)}
          w={200}
          data-testid="crosstab-rows"
        />
        <NativeSelect
          label={t('breakdown.columns')}
          data={available.map((c) => ({ value: c.key, label: label(c) }))}
          value={columnChoice?.key ?? ''}
          onChange={(e) => setColumnKey(e.currentTarget.value)}
          w={200}
          error={same ? t('breakdown.chooseTwo') : undefined}
          data-testid="crosstab-columns"
        />
      </Group>
      {available.length < 2 ? (
        <Text size="sm" c="dimmed">
          {t('breakdown.needTwo')}
        </Text>
      ) : (
        ready && <QueryView query={query}>{(data) => <CrossTabTable data={data} />}</QueryView>
      )}
    </Stack>
  );
}

function CrossTabTable({ data }: { data: CrossTab }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useLabel();
  const type = data.indicator.computation.type;
  const k = data.suppressionThreshold;
  const figure = (c: CellFigure, testId: string) => (
    <Table.Td ta="center" data-testid={testId} data-hidden={c.suppressed ? 'true' : 'false'}>
      <Stack gap={0} align="center">
        {c.suppressed ? (
          <HiddenText cell={c} threshold={k} />
        ) : (
          <Text component="span" size="sm" fw={600}>
            {c.value === null ? '—' : formatFigure(c.value, type, locale, data.indicator.unit)}
          </Text>
        )}
        <Text component="span" size="xs" c="dimmed">
          {t('breakdown.cellN', { n: formatInteger(c.n, locale) })}
        </Text>
      </Stack>
    </Table.Td>
  );
  return (
    <Stack gap="sm">
      {data.withheld && (
        <Alert variant="light" color="orange" icon={<IconInfo />} data-testid="crosstab-withheld">
          {t('breakdown.withheld', { count: k ?? 0 })}
        </Alert>
      )}
      <ScrollArea type="auto">
        <Table withTableBorder withColumnBorders fz="sm" data-testid="crosstab-table">
          <caption className="socle-sr-only">
            {label(data.indicator)} — {label(data.rowsBy)} × {label(data.columnsBy)}
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">
                {label(data.rowsBy)} \ {label(data.columnsBy)}
              </Table.Th>
              {!data.withheld &&
                data.columns.map((c) => (
                  <Table.Th scope="col" key={c.option ?? ''} ta="center">
                    {label(c)}
                  </Table.Th>
                ))}
              <Table.Th scope="col" ta="center">
                {t('breakdown.total')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((r, i) => (
              <Table.Tr key={r.option ?? ''}>
                <Table.Th scope="row">{label(r)}</Table.Th>
                {r.cells.map((c, j) => figure(c, `crosstab-cell-${i}-${j}`))}
                {figure(r.total, `crosstab-row-total-${i}`)}
              </Table.Tr>
            ))}
            {!data.withheld && (
              <Table.Tr>
                <Table.Th scope="row">{t('breakdown.total')}</Table.Th>
                {data.columnTotals.map((c, j) => figure(c, `crosstab-column-total-${j}`))}
                {figure(data.total, 'crosstab-total')}
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {data.rows.some((r) => r.cells.some((c) => c.suppressed)) && (
        <Text size="xs" c="dimmed">
          {t('breakdown.hiddenNote')}
        </Text>
      )}
    </Stack>
  );
}
