import {
  Button,
  Card,
  Grid,
  NumberInput,
  Select,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, put, seg } from '../../api/client.ts';
import { keys, useAvailableIndicators } from '../../api/queries.ts';
import type { ActivityFigure, AvailableIndicator } from '../../api/types.ts';
import { formatDate, formatFigure, formatPeriod } from '../../format/index.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { IconActivity } from '../../ui/icons.tsx';
import { Empty, PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { Link } from '../../router.tsx';

const keyOf = (i: { frameworkId: string; code?: string; indicatorCode?: string }) =>
  `${i.frameworkId}|${i.code ?? i.indicatorCode ?? ''}`;

export function ActivityPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useLabel();
  const { org, canWrite } = useWorkspace();
  const indicators = useAvailableIndicators(org.id);
  const figures = useQuery({
    queryKey: keys.activity(org.id),
    queryFn: () => get<ActivityFigure[]>(`/api/organisations/${seg(org.id)}/activity-figures`),
  });
  const sumIndicators = (indicators.data ?? []).filter((i) => i.computation.type === 'sum');
  const byKey = new Map((indicators.data ?? []).map((i) => [keyOf(i), i]));

  // Newest period first, then by indicator code.
  const rows = [...(figures.data ?? [])].sort((a, b) =>
    a.period === b.period
      ? a.indicatorCode.localeCompare(b.indicatorCode)
      : a.period < b.period
        ? 1
        : -1,
  );

  return (
    <>
      <PageHeader
        title={t('activity.title')}
        description={t('activity.intro')}
        actions={
          canWrite && (
            <Button component={Link} to="/imports?kind=activity" variant="default">
              {t('imports.open')}
            </Button>
          )
        }
      />
      <Grid gap="lg">
        {canWrite && (
          <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
            <Card withBorder radius="md" padding="lg">
              <Title order={2} fz={17} mb="md">
                {t('activity.record')}
              </Title>
              {indicators.isPending ? (
                <PageLoader />
              ) : sumIndicators.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('activity.noSumIndicator')}
                </Text>
              ) : (
                <RecordForm indicators={sumIndicators} />
              )}
            </Card>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: canWrite ? 7 : 12 }} order={{ base: 2, md: 1 }}>
          <Card withBorder radius="md" padding={0}>
            {figures.isPending ? (
              <PageLoader />
            ) : figures.isError ? (
              <ErrorAlert error={figures.error} onRetry={() => void figures.refetch()} />
            ) : rows.length === 0 ? (
              <Empty
                icon={<IconActivity size={26} />}
                title={t('activity.emptyTitle')}
                description={t('activity.emptyText')}
              />
            ) : (
              <Table.ScrollContainer minWidth={520}>
                <Table
                  verticalSpacing="sm"
                  horizontalSpacing="md"
                  striped
                  aria-label={t('activity.title')}
                >
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('activity.indicator')}</Table.Th>
                      <Table.Th>{t('activity.period')}</Table.Th>
                      <Table.Th ta="right">{t('activity.value')}</Table.Th>
                      <Table.Th>{t('activity.updatedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((f) => {
                      const indicator = byKey.get(keyOf(f));
                      return (
                        <Table.Tr key={f.id}>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {indicator ? label(indicator) : f.indicatorCode}
                            </Text>
                            <Text size="xs" c="dimmed" ff="monospace">
                              {f.indicatorCode}
                            </Text>
                          </Table.Td>
                          <Table.Td>{formatPeriod(f.period, locale)}</Table.Td>
                          <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                            {formatFigure(f.value, 'sum', locale, indicator?.unit ?? '')}
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Text size="sm" c="dimmed">
                              {formatDate(f.updatedAt, locale)}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

function RecordForm({ indicators }: { indicators: AvailableIndicator[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const [indicator, setIndicator] = useState<string | null>(
    indicators.length === 1 ? keyOf(indicators[0] ?? { frameworkId: '' }) : null,
  );
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [value, setValue] = useState<number | ''>('');
  const [saved, setSaved] = useState(false);

  const record = useMutation({
    mutationFn: () => {
      const chosen = indicators.find((i) => keyOf(i) === indicator);
      return put<ActivityFigure>(`/api/organisations/${seg(org.id)}/activity-figures`, {
        frameworkId: chosen?.frameworkId,
        indicatorCode: chosen?.code,
        period: period.trim(),
        value: value === '' ? undefined : value,
      });
    },
    onSuccess: async () => {
      setSaved(true);
      setValue('');
      await queryClient.invalidateQueries({ queryKey: ['organisations', org.id] });
    },
  });
  const fieldError = useFieldErrors(record.error);
  const chosen = indicators.find((i) => keyOf(i) === indicator);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    record.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Grid gap="md">
        <Grid.Col span={12}>
          <ErrorAlert error={record.error} />
        </Grid.Col>
        <Grid.Col span={12}>
          <Select
            label={t('activity.indicator')}
            required
            data={indicators.map((i) => ({ value: keyOf(i), label: `${i.code} — ${label(i)}` }))}
            value={indicator}
            onChange={setIndicator}
            placeholder={t('activity.chooseIndicator')}
            error={fieldError('indicatorCode') ?? fieldError('frameworkId')}
            searchable
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput
            label={t('activity.period')}
            description={t('activity.periodHint')}
            required
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            error={fieldError('period')}
            maxLength={7}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NumberInput
            label={chosen?.unit ? `${t('activity.value')} (${chosen.unit})` : t('activity.value')}
            description={t('activity.valueHint')}
            required
            min={0}
            thousandSeparator=" "
            value={value}
            onChange={(v) => setValue(typeof v === 'number' ? v : '')}
            error={fieldError('value')}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Button type="submit" loading={record.isPending} fullWidth>
            {t('activity.save')}
          </Button>
          {saved && (
            <Text size="sm" c="green.8" mt="xs" role="status">
              {t('activity.saved')}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt="xs">
            {t('activity.replaceHint')}
          </Text>
        </Grid.Col>
      </Grid>
    </form>
  );
}
