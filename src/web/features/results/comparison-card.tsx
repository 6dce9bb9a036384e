import {
  Badge,
  Box,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFigure, formatInteger, formatInterval } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { IconChart } from '../../ui/icons.tsx';
import { boxScale, ordinal, position, type ComparisonIndicator } from './comparison.ts';
import { COLLECTIVE_COLOR, ORG_COLOR } from './indicator-card.tsx';

const TRACK = '#c9ced4';
const BOX_FILL = '#e4e5f8';

const at = (left: number, style: CSSProperties): CSSProperties => ({
  position: 'absolute',
  left: `${left}%`,
  transform: 'translateX(-50%)',
  ...style,
});

/** A small shape of the legend and of the box, drawn the same in both. */
function Mark({ kind }: { kind: 'box' | 'median' | 'you' | 'sector' }) {
  const style: Record<typeof kind, CSSProperties> = {
    box: {
      width: 16,
      height: 10,
      background: BOX_FILL,
      border: `1px solid ${COLLECTIVE_COLOR}`,
      borderRadius: 2,
    },
    median: { width: 3, height: 12, background: COLLECTIVE_COLOR },
    you: { width: 12, height: 12, borderRadius: '50%', background: ORG_COLOR },
    sector: { width: 9, height: 9, background: COLLECTIVE_COLOR, transform: 'rotate(45deg)' },
  };
  return (
    <span aria-hidden="true" style={{ display: 'inline-block', flex: 'none', ...style[kind] }} />
  );
}

/**
 * The members' middle half (q1 to q3) with the median, the organisation's point and the sector's
 * diamond, on the indicator's scale. Decorative: the sentence under it says the same in words.
 */
function DistributionBox({ ind }: { ind: ComparisonIndicator }) {
  const locale = useLocale();
  const scale = boxScale(ind);
  const type = ind.computation.type;
  const end = (v: number) => formatFigure(v, type, locale, ind.unit);
  const d = ind.distribution;
  const own = ind.organisation.value;
  const sector = ind.sector.suppressed ? null : ind.sector.value;
  return (
    <div aria-hidden="true" data-testid={`box-${ind.code}`}>
      <Box pos="relative" h={40} mx={8}>
        <div
          style={{ position: 'absolute', left: 0, right: 0, top: 19, height: 2, background: TRACK }}
        />
        {d.shown && (
          <>
            <div
              data-testid={`box-iqr-${ind.code}`}
              style={{
                position: 'absolute',
                left: `${position(d.q1, scale)}%`,
                width: `max(3px, ${position(d.q3, scale) - position(d.q1, scale)}%)`,
                top: 8,
                height: 24,
                background: BOX_FILL,
                border: `1px solid ${COLLECTIVE_COLOR}`,
                borderRadius: 4,
              }}
            />
            <div
              style={at(position(d.median, scale), {
                top: 4,
                height: 32,
                width: 3,
                background: COLLECTIVE_COLOR,
              })}
            />
          </>
        )}
        {sector !== null && (
          <div
            style={at(position(sector, scale), {
              top: 14,
              width: 12,
              height: 12,
              background: COLLECTIVE_COLOR,
              border: '2px solid white',
              transform: 'translateX(-50%) rotate(45deg)',
            })}
          />
        )}
        {own !== null && (
          <div
            data-testid={`box-you-${ind.code}`}
            style={at(position(own, scale), {
              top: 10,
              width: 20,
              height: 20,
              borderRadius: '50%',
              background: ORG_COLOR,
              border: '3px solid white',
              boxShadow: `0 0 0 1px ${ORG_COLOR}`,
            })}
          />
        )}
      </Box>
      <Group justify="space-between" mt={2}>
        <Text size="xs" c="dimmed">
          {end(scale.min)}
        </Text>
        <Text size="xs" c="dimmed">
          {end(scale.max)}
        </Text>
      </Group>
    </div>
  );
}

function Legend({ shown }: { shown: boolean }) {
  const { t } = useTranslation();
  const item = (kind: 'box' | 'median' | 'you' | 'sector', text: string) => (
    <Group gap={6} wrap="nowrap" key={kind}>
      <Mark kind={kind} />
      <Text size="xs" c="dimmed">
        {text}
      </Text>
    </Group>
  );
  return (
    <Group gap="md" aria-hidden="true">
      {shown && item('box', t('comparison.legendBox'))}
      {shown && item('median', t('comparison.legendMedian'))}
      {item('you', t('comparison.legendYou'))}
      {item('sector', t('comparison.legendSector'))}
    </Group>
  );
}

function Side({
  title,
  mark,
  children,
}: {
  title: string;
  mark: 'you' | 'sector';
  children: ReactNode;
}) {
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="nowrap">
        <Mark kind={mark} />
        <Text size="sm" c="dimmed">
          {title}
        </Text>
      </Group>
      {children}
    </Stack>
  );
}

/** One common indicator: the organisation against the sector and the members' distribution. */
export function ComparisonCard({
  ind,
  threshold,
  onTrend,
}: {
  ind: ComparisonIndicator;
  threshold: number;
  onTrend: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const type = ind.computation.type;
  const fmt = (v: number) => formatFigure(v, type, locale, ind.unit);
  const nText = (n: number) => t('results.n', { count: n, n: formatInteger(n, locale) });
  const d = ind.distribution;
  const direction =
    ind.polarity === 'higher_is_better'
      ? t('comparison.higherBetter')
      : ind.polarity === 'lower_is_better'
        ? t('comparison.lowerBetter')
        : t('comparison.neutral');
  const weighted = ind.sector.estimates?.weighted?.value ?? null;

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      shadow="xs"
      component="article"
      aria-labelledby={`cmp-${ind.code}`}
      data-testid={`comparison-${ind.code}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <div>
            <Title order={3} fz={16} fw={650} lh={1.35} id={`cmp-${ind.code}`}>
              {ind.label}
            </Title>
            <Text size="xs" c="dimmed" mt={4}>
              {ind.code} · {t(`computation.${type}`)} · {direction}
            </Text>
          </div>
          {ind.rank && (
            <Stack gap={0} align="flex-end" style={{ flex: 'none' }}>
              <Text size="xs" c="dimmed">
                {t('comparison.rankLabel')}
              </Text>
              <Text fz={20} fw={700} c="var(--socle-ink)" data-testid={`rank-${ind.code}`}>
                {t('comparison.rank', { count: ind.rank.of, rank: ordinal(ind.rank.rank, locale) })}
              </Text>
              {ind.rank.tied && (
                <Badge size="sm" variant="light" color="gray" tt="none">
                  {t('comparison.tied')}
                </Badge>
              )}
            </Stack>
          )}
        </Group>

        <SimpleGrid cols={2} spacing="md">
          <Side title={t('comparison.you')} mark="you">
            <Text fz={22} fw={700} lh={1.2} c="var(--socle-ink)" data-testid={`you-${ind.code}`}>
              {ind.organisation.value !== null
                ? fmt(ind.organisation.value)
                : t('comparison.noData')}
            </Text>
            {ind.organisation.ci && (
              <Text size="xs" c="dimmed">
                {t('results.ci', {
                  interval: formatInterval(ind.organisation.ci, type, locale, ind.unit),
                })}
              </Text>
            )}
            <Text size="sm" fw={600} c="dark.6">
              {nText(ind.organisation.n)}
            </Text>
          </Side>
          <Side title={t('comparison.sector')} mark="sector">
            {ind.sector.suppressed ? (
              <Tooltip
                label={t('comparison.sectorHiddenHint', { threshold })}
                multiline
                w={280}
                withArrow
              >
                <Text fz={18} fw={600} c="dark.4" mt={4} tabIndex={0}>
                  {t('comparison.sectorHidden')}
                </Text>
              </Tooltip>
            ) : (
              <Text
                fz={22}
                fw={700}
                lh={1.2}
                c="var(--socle-ink)"
                data-testid={`sector-${ind.code}`}
              >
                {ind.sector.value !== null ? fmt(ind.sector.value) : t('comparison.noData')}
              </Text>
            )}
            {!ind.sector.suppressed && ind.sector.ci && (
              <Text size="xs" c="dimmed">
                {t('results.ci', {
                  interval: formatInterval(ind.sector.ci, type, locale, ind.unit),
                })}
              </Text>
            )}
            <Text size="sm" fw={600} c="dark.6">
              {nText(ind.sector.n)} ·{' '}
              {t('comparison.sectorMembers', { count: ind.sector.organisations })}
            </Text>
            {weighted !== null && (
              <Text size="xs" c="dark.6">
                {t('comparison.weighted', { value: fmt(weighted) })}
              </Text>
            )}
          </Side>
        </SimpleGrid>

        <DistributionBox ind={ind} />
        <Legend shown={d.shown} />
        <Text
          size="sm"
          c="dark.6"
          fw={d.shown ? undefined : 500}
          data-testid={`distribution-${ind.code}`}
        >
          {d.shown
            ? t('comparison.distribution', {
                members: d.members,
                q1: fmt(d.q1),
                median: fmt(d.median),
                q3: fmt(d.q3),
              })
            : t('comparison.hidden', {
                count: d.membersWithEnoughAnswers,
                minimum: d.minimumMembers,
                threshold: d.threshold,
              })}
        </Text>
        {ind.rankWithheld === 'own_too_few_answers' && (
          <Text size="sm" c="dimmed" data-testid={`no-rank-${ind.code}`}>
            {t('comparison.noRankOwn', { threshold })}
          </Text>
        )}
        {ind.rankWithheld === 'no_direction' && (
          <Text size="sm" c="dimmed" data-testid={`no-rank-${ind.code}`}>
            {t('comparison.noRankDirection')}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconChart size={16} />}
            onClick={onTrend}
            aria-label={t('comparison.trendOpenNamed', { label: ind.label })}
          >
            {t('comparison.trendOpen')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
