import { Alert, Badge, Box, Card, Group, List, NativeSelect, SegmentedControl, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import type { CollectiveDetail, Results } from '../../api/types.ts';
import type { CollectiveMap, Coverage } from '../../../contracts/territories.ts';
import { formatFigure, formatInteger, formatInterval, formatPeriod } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconInfo } from '../../ui/icons.tsx';
import { PageLoader } from '../../ui/page.tsx';
import { coverageColour, coverageCounts, NO_DATA, shapeMap, SUPPRESSED, uncoveredByRegion, UNCOVERED, PALETTE, type ColourClass } from './map-model.ts';
import type { MapItem, MapLevel } from './territory-map.tsx';

const TerritoryMap = lazy(() => import('./territory-map.tsx'));

/** Hatching like the map's, for the legend swatch of hidden areas. */
const HATCHED = `repeating-linear-gradient(-45deg, ${SUPPRESSED} 0 4px, #6c757d 4px 5.5px)`;

/** The collective's territories: its figures on a map, and where its members act. */
export function TerritoriesSection({ collective }: { collective: CollectiveDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="territories-title" data-testid="territories-section">
      <Title order={2} fz={18} id="territories-title">
        {t('territories.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('territories.intro')}
      </Text>
      {collective.territory && (
        <Alert variant="light" color="indigo" icon={<IconInfo />} mb="sm">
          {t('territories.territorial', { name: collective.territory.name })}
        </Alert>
      )}
      <Tabs defaultValue="map" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="map">{t('territories.tabMap')}</Tabs.Tab>
          <Tabs.Tab value="coverage">{t('territories.tabCoverage')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="map">
          <ResultsMap collectiveId={collective.id} />
        </Tabs.Panel>
        <Tabs.Panel value="coverage">
          <CoverageView collectiveId={collective.id} />
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}

function Swatch({ color, hatched = false }: { color: string; hatched?: boolean }) {
  return <Box component="span" aria-hidden="true" style={{ display: 'inline-block', width: 18, height: 12, borderRadius: 2, border: '1px solid #adb5bd', background: hatched ? HATCHED : color, flex: 'none' }} />;
}

function Legend({ entries }: { entries: { key: string; color: string; hatched?: boolean; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} component="div" aria-label={t('territories.legendTitle')} role="group" data-testid="map-legend">
      {entries.map((e) => (
        <Group key={e.key} gap={8} wrap="nowrap" align="center">
          <Swatch color={e.color} hatched={e.hatched} />
          <Text size="xs">{e.label}</Text>
        </Group>
      ))}
    </Stack>
  );
}

function Credit() {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="dimmed" data-testid="map-credit">
      {t('territories.credit')}
    </Text>
  );
}

function ResultsMap({ collectiveId }: { collectiveId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [code, setCode] = useState<string | null>(null);
  const [level, setLevel] = useState<MapLevel>('departement');
  const [period, setPeriod] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['collectives', collectiveId, 'map', code, level, period, locale],
    queryFn: () => {
      const params = new URLSearchParams({ level, lang: locale });
      if (code) params.set('code', code);
      if (period) params.set('period', period);
      return get<CollectiveMap>(`/api/collectives/${seg(collectiveId)}/map?${params.toString()}`);
    },
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const shaped = useMemo(() => (data ? shapeMap(data.areas) : null), [data]);
  const type = data?.indicator?.computation.type ?? 'share';
  const unit = data?.indicator?.unit ?? '';
  const fmt = useCallback((v: number | null) => formatFigure(v, type, locale, unit), [type, locale, unit]);
  const items: MapItem[] = useMemo(
    () =>
      (shaped?.areas ?? []).map((a) => ({
        code: a.code,
        name: a.name,
        color: a.color,
        hatched: a.status === 'suppressed',
        detail: a.status === 'suppressed' ? t('territories.tooltipHidden', { n: a.n }) : a.status === 'nodata' ? t('territories.tooltipNoData') : t('territories.tooltipValue', { value: fmt(a.value), n: formatInteger(a.n, locale) }),
      })),
    [shaped, fmt, t, locale],
  );
  const withAnswers = (data?.areas ?? []).filter((a) => a.n > 0);
  const select = useCallback((areaCode: string) => {
    if (data?.areas.some((a) => a.code === areaCode && a.n > 0)) setReading(`${level}:${areaCode}`);
  }, [data, level]);

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) return null;
  if (!data.indicator) return <Text size="sm" c="dimmed">{t('territories.noIndicator')}</Text>;

  const levelWord = level === 'departement' ? t('territories.levelDepartement') : t('territories.levelRegion');
  const classLabel = (c: ColourClass) => (c.from === c.to ? fmt(c.from) : `${fmt(c.from)} – ${fmt(c.to)}`);
  const periodText = data.period ? formatPeriod(data.period, locale) : t('territories.noPeriod');
  const figure = (f: { value: number | null; n: number; suppressed: boolean }) => (f.suppressed ? t('territories.hidden') : f.n === 0 ? t('territories.noAnswer') : fmt(f.value));

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect label={t('territories.indicator')} data={data.indicators.map((i) => ({ value: i.code, label: `${i.code} — ${i.label}` }))} value={data.indicator.code} onChange={(e) => setCode(e.currentTarget.value)} style={{ flex: '1 1 280px' }} />
        <div>
          <Text size="sm" fw={500} mb={4} id="territory-level-label">
            {t('territories.level')}
          </Text>
          <SegmentedControl
            aria-labelledby="territory-level-label"
            value={level}
            onChange={(v) => {
              setLevel(v);
              setReading(null);
            }}
            data={[
              { value: 'departement', label: t('territories.departements') },
              { value: 'region', label: t('territories.regions') },
            ]}
          />
        </div>
        <NativeSelect
          label={t('territories.period')}
          data={data.periods.length > 0 ? data.periods.map((p) => ({ value: p, label: formatPeriod(p, locale) })) : [{ value: '', label: t('territories.noPeriod') }]}
          value={data.period ?? ''}
          onChange={(e) => e.currentTarget.value && setPeriod(e.currentTarget.value)}
          disabled={data.periods.length === 0}
          w={180}
        />
      </Group>

      <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
        <Box style={{ gridColumn: 'span 3' }} aria-describedby="map-description">
          <Text id="map-description" className="socle-sr-only">
            {t('territories.mapLabel', { indicator: data.indicator.label, level: levelWord })}
          </Text>
          <Suspense fallback={<PageLoader label={t('territories.loadingMap')} />}>
            <TerritoryMap
              level={level}
              items={items}
              onSelect={select}
              loading={<Text size="sm" c="dimmed">{t('territories.loadingMap')}</Text>}
              failed={<Alert color="yellow" variant="light">{t('territories.mapFailed')}</Alert>}
            />
          </Suspense>
        </Box>
        <Stack gap="sm" justify="flex-end">
          <Text size="sm" fw={600}>
            {data.indicator.label}
          </Text>
          <Legend
            entries={[
              ...(shaped?.classes ?? []).map((c, i) => ({ key: `c${i}`, color: c.color, label: classLabel(c) })),
              { key: 'hidden', color: SUPPRESSED, hatched: true, label: t('territories.suppressedLegend', { count: data.suppressionThreshold }) },
              { key: 'none', color: NO_DATA, label: t('territories.noDataLegend') },
            ]}
          />
          {level === 'departement' && !data.territory && (
            <Text size="xs" c="dimmed">
              {t('territories.overseas')}
            </Text>
          )}
          <Credit />
        </Stack>
      </SimpleGrid>

      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing={6} striped data-testid="map-table">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('territories.tableCaption', { indicator: data.indicator.label, level: levelWord, period: periodText })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('territories.area')}</Table.Th>
              <Table.Th scope="col">{t('territories.value')}</Table.Th>
              <Table.Th scope="col">{t('territories.interval')}</Table.Th>
              <Table.Th scope="col">{t('territories.answers')}</Table.Th>
              <Table.Th scope="col">{t('territories.organisations')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {withAnswers.map((a) => (
              <Table.Tr key={a.code} data-testid={`map-row-${a.code}`}>
                <Table.Th scope="row" fw={500}>
                  {a.name} <Text span size="xs" c="dimmed">({a.code})</Text>
                </Table.Th>
                <Table.Td data-testid={`map-value-${a.code}`}>{a.suppressed ? <Badge color="gray" variant="light">{t('territories.hidden')}</Badge> : fmt(a.value)}</Table.Td>
                <Table.Td>{a.ci ? formatInterval(a.ci, type, locale, unit) : '—'}</Table.Td>
                <Table.Td>{formatInteger(a.n, locale)}</Table.Td>
                <Table.Td>{formatInteger(a.organisations, locale)}</Table.Td>
              </Table.Tr>
            ))}
            {data.unplaced.n > 0 && (
              <Table.Tr data-testid="map-row-unplaced">
                <Table.Th scope="row" fw={500}>
                  {t('territories.unplaced')}
                </Table.Th>
                <Table.Td>{figure(data.unplaced)}</Table.Td>
                <Table.Td>{data.unplaced.ci ? formatInterval(data.unplaced.ci, type, locale, unit) : '—'}</Table.Td>
                <Table.Td>{formatInteger(data.unplaced.n, locale)}</Table.Td>
                <Table.Td>{formatInteger(data.unplaced.organisations, locale)}</Table.Td>
              </Table.Tr>
            )}
            <Table.Tr data-testid="map-row-total" fw={700}>
              <Table.Th scope="row">
                {t('territories.total')} — {data.total.name}
              </Table.Th>
              <Table.Td>{figure(data.total)}</Table.Td>
              <Table.Td>{data.total.ci ? formatInterval(data.total.ci, type, locale, unit) : '—'}</Table.Td>
              <Table.Td>{formatInteger(data.total.n, locale)}</Table.Td>
              <Table.Td>{formatInteger(data.total.organisations, locale)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data.areas.length > withAnswers.length && (
        <Text size="xs" c="dimmed">
          {t('territories.withoutAnswers', { count: data.areas.length - withAnswers.length })}
        </Text>
      )}

      <AreaReading collectiveId={collectiveId} period={data.period} areas={withAnswers.map((a) => ({ key: `${level}:${a.code}`, name: a.name }))} value={reading} onChange={setReading} />
    </Stack>
  );
}

/** Every common indicator for one département or région (GET results?territory=). */
function AreaReading({ collectiveId, period, areas, value, onChange }: { collectiveId: string; period: string | null; areas: { key: string; name: string }[]; value: string | null; onChange: (key: string | null) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const results = useQuery({
    queryKey: ['collectives', collectiveId, 'results', period, value, locale],
    queryFn: () => get<Results>(`/api/collectives/${seg(collectiveId)}/results?${new URLSearchParams({ territory: value ?? '', lang: locale, ...(period ? { period } : {}) }).toString()}`),
    enabled: value !== null,
  });
  const name = areas.find((a) => a.key === value)?.name ?? '';
  return (
    <Stack gap="xs" data-testid="area-reading">
      <NativeSelect
        label={t('territories.readArea')}
        description={t('territories.readAreaHint')}
        data={[{ value: '', label: t('territories.readAreaNone') }, ...areas.map((a) => ({ value: a.key, label: a.name }))]}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || null)}
        maw={420}
      />
      {value && results.isError && <ErrorAlert error={results.error} />}
      {value && results.data && (
        <Table verticalSpacing={4} data-testid="area-results">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('territories.areaResults', { name, period: period ? formatPeriod(period, locale) : '' })}</Table.Caption>
          <Table.Tbody>
            {results.data.indicators.length === 0 && (
              <Table.Tr>
                <Table.Td>{t('territories.areaResultsEmpty')}</Table.Td>
              </Table.Tr>
            )}
            {results.data.indicators.map((i) => (
              <Table.Tr key={i.code}>
                <Table.Th scope="row" fw={500}>
                  {i.label}
                </Table.Th>
                <Table.Td>{i.suppressed ? t('territories.hidden') : formatFigure(i.value, i.computation.type, locale, i.unit)}</Table.Td>
                <Table.Td>n = {formatInteger(i.n, locale)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function CoverageView({ collectiveId }: { collectiveId: string }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: ['collectives', collectiveId, 'coverage'], queryFn: () => get<Coverage>(`/api/collectives/${seg(collectiveId)}/coverage`) });
  const items: MapItem[] = useMemo(
    () =>
      (query.data?.departements ?? []).map((d) => ({
        code: d.code,
        name: d.name,
        color: coverageColour(d.organisations.length),
        hatched: false,
        detail: d.organisations.length === 0 ? t('territories.coverageNone') : `${t('territories.coverageTooltip', { count: d.organisations.length })} : ${d.organisations.map((o) => o.name).join(', ')}`,
      })),
    [query.data, t],
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const counts = coverageCounts(c);
  const acting = c.departements.filter((d) => d.organisations.length > 0);
  const uncovered = uncoveredByRegion(c);
  return (
    <Stack gap="md" data-testid="coverage-view">
      <Text size="sm" c="dimmed">
        {t('territories.coverageIntro')}
      </Text>
      <Text fw={600} data-testid="coverage-summary">
        {t('territories.coverageSummary', counts)}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 4 }} spacing="md">
        <Box style={{ gridColumn: 'span 3' }}>
          <Text className="socle-sr-only">{t('territories.coverageLabel')}</Text>
          <Suspense fallback={<PageLoader label={t('territories.loadingMap')} />}>
            <TerritoryMap level="departement" items={items} loading={<Text size="sm" c="dimmed">{t('territories.loadingMap')}</Text>} failed={<Alert color="yellow" variant="light">{t('territories.mapFailed')}</Alert>} />
          </Suspense>
        </Box>
        <Stack gap="sm" justify="flex-end">
          <Legend
            entries={[
              { key: '0', color: UNCOVERED, label: t('territories.coverageNone') },
              { key: '1', color: PALETTE[1], label: t('territories.coverageOne') },
              { key: '2', color: PALETTE[2], label: t('territories.coverageTwo') },
              { key: '3', color: PALETTE[4], label: t('territories.coverageMany') },
            ]}
          />
          <Credit />
        </Stack>
      </SimpleGrid>
      {c.unlocated.length > 0 && <Text size="sm">{t('territories.coverageUnlocated', { names: c.unlocated.map((o) => o.name).join(', ') })}</Text>}
      {c.outside.length > 0 && <Text size="sm">{t('territories.coverageOutside', { names: c.outside.map((o) => o.name).join(', ') })}</Text>}
      <Title order={3} fz={16} id="coverage-acting">
        {t('territories.coverageActing')}
      </Title>
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={6} aria-labelledby="coverage-acting" data-testid="coverage-acting">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('territories.coverageDepartement')}</Table.Th>
              <Table.Th scope="col">{t('territories.coverageMembers')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {acting.map((d) => (
              <Table.Tr key={d.code}>
                <Table.Th scope="row" fw={500}>
                  {d.name} <Text span size="xs" c="dimmed">({d.code})</Text>
                </Table.Th>
                <Table.Td>
                  <List size="sm" spacing={2}>
                    {d.organisations.map((o) => (
                      <List.Item key={o.organisationId}>
                        <Text span size="sm" fw={500}>
                          {o.name}
                        </Text>
                        <Text span size="xs" c="dimmed">
                          {' — '}
                          {[...(o.seat ? [t('territories.coverageSeat', { commune: o.seat.communeName ?? o.seat.communeCode })] : []), ...o.sites.map((s) => t('territories.coverageSite', { site: s.name, commune: s.communeName ?? s.communeCode }))].join(' · ')}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3} fz={16}>
        {t('territories.coverageUncovered')} ({counts.uncovered})
      </Title>
      {uncovered.length === 0 ? (
        <Text size="sm">{t('territories.coverageUncoveredNone')}</Text>
      ) : (
        <Stack gap={6} data-testid="coverage-uncovered">
          {uncovered.map((g) => (
            <Text key={g.region} size="sm">
              <Text span fw={600}>
                {g.regionName}
              </Text>
              {' : '}
              {g.departements.map((d) => `${d.name} (${d.code})`).join(', ')}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
