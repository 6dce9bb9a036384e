import { Badge, Button, Group, Image, SegmentedControl, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import type { Campaign } from '../../api/types.ts';
import type { CampaignCounter } from '../../../contracts/followup.ts';
import { keys } from '../../api/queries.ts';
import { formatInteger } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { IconArrowDown } from '../../ui/icons.tsx';

/** How often an open campaign's counter is asked again, in milliseconds. */
const LIVE_EVERY = 5_000;

export const counterKey = (orgId: string, campaignId: string) =>
  [...keys.campaigns(orgId), campaignId, 'counter'] as const;

/** The API address of one campaign, under which its follow-up files and counter are. */
const campaignPath = (orgId: string, campaignId: string) =>
  `/api/organisations/${seg(orgId)}/campaigns/${seg(campaignId)}`;

/** A small button that downloads the file at `href`. */
function Download({
  href,
  variant = 'default',
  children,
}: {
  href: string;
  variant?: 'default' | 'light';
  children: ReactNode;
}) {
  return (
    <Button
      component="a"
      href={href}
      download
      size="xs"
      variant={variant}
      leftSection={<IconArrowDown size={14} />}
    >
      {children}
    </Button>
  );
}

/**
 * Following a campaign: its QR code and paper version to hand out, and a live counter of the
 * answers with the margin of error they allow and how many more a chosen precision needs.
 */
export function CampaignFollowUp({ orgId, campaign }: { orgId: string; campaign: Campaign }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const base = campaignPath(orgId, campaign.id);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
      <CampaignCounterView orgId={orgId} campaign={campaign} />
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          {t('campaignFollowUp.handOut')}
        </Text>
        <Group gap="md" align="flex-start" wrap="nowrap">
          <Image
            src={`${base}/qr.svg`}
            alt={t('campaignFollowUp.qrAlt', { name: campaign.name })}
            w={112}
            h={112}
            fit="contain"
            data-testid={`campaign-qr-${campaign.slug}`}
          />
          <Stack gap={6}>
            <Group gap="xs">
              <Download href={`${base}/qr.svg`}>{t('campaignFollowUp.qrSvg')}</Download>
              <Download href={`${base}/qr.png`}>{t('campaignFollowUp.qrPng')}</Download>
            </Group>
            <Download href={`${base}/paper.pdf?lang=${locale}`} variant="light">
              {t('campaignFollowUp.paper')}
            </Download>
            <Text size="xs" c="dimmed" maw={260}>
              {t('campaignFollowUp.paperHint')}
            </Text>
          </Stack>
        </Group>
      </Stack>
    </SimpleGrid>
  );
}

function CampaignCounterView({ orgId, campaign }: { orgId: string; campaign: Campaign }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [points, setPoints] = useState('5');
  const counter = useQuery({
    queryKey: counterKey(orgId, campaign.id),
    queryFn: () => get<CampaignCounter>(`${campaignPath(orgId, campaign.id)}/counter`),
    refetchInterval: campaign.status === 'open' ? LIVE_EVERY : false,
  });
  const data = counter.data;

  // New answers arrived: the campaign list (its count and rate) follows.
  useEffect(() => {
    if (data && data.answers !== campaign.responseCount) {
      void queryClient.invalidateQueries({ queryKey: keys.campaigns(orgId), exact: true });
    }
  }, [data, campaign.responseCount, orgId, queryClient]);

  if (!data) {
    return (
      <Text size="sm" c="dimmed">
        {counter.isError ? t('campaignFollowUp.counterError') : t('common.loading')}
      </Text>
    );
  }
  const target = data.targets.find((x) => String(x.points) === points) ?? data.targets[0];
  return (
    <Stack gap={6} aria-live="polite" data-testid={`campaign-counter-${campaign.slug}`}>
      <Text size="sm" fw={600}>
        {t('campaignFollowUp.precision')}
      </Text>
      <Text size="sm" data-testid={`campaign-margin-${campaign.slug}`}>
        {data.marginPoints === null
          ? t('campaignFollowUp.noAnswerYet')
          : data.margin === 0
            ? t('campaignFollowUp.everyone')
            : t('campaignFollowUp.margin', { count: data.marginPoints })}
      </Text>
      {data.answers > 0 && !data.representative && (
        <Tooltip label={`${data.reasons.map((r) => (locale === 'en' ? r.en : r.fr)).join(' ')} ${locale === 'en' ? data.rule.en : data.rule.fr}`} multiline w={300} withArrow>
          <Badge color="orange" variant="light" size="sm" tabIndex={0} data-testid={`campaign-not-representative-${campaign.slug}`} style={{ alignSelf: 'flex-start' }}>
            {t('results.notRepresentative')}
          </Badge>
        </Tooltip>
      )}
      {target && (
        <>
          <Group gap="xs" align="center">
            <Text size="sm">{t('campaignFollowUp.aimFor')}</Text>
            <SegmentedControl
              size="xs"
              value={points}
              onChange={setPoints}
              data={data.targets.map((x) => ({ value: String(x.points), label: `± ${x.points}` }))}
              aria-label={t('campaignFollowUp.aimFor')}
            />
          </Group>
          <Text size="sm" fw={500} data-testid={`campaign-remaining-${campaign.slug}`}>
            {target.remaining === 0
              ? t('campaignFollowUp.reached', { points: target.points })
              : t('campaignFollowUp.remaining', {
                  count: target.remaining,
                  n: formatInteger(target.remaining, locale),
                  points: target.points,
                })}
          </Text>
        </>
      )}
      <Text size="xs" c="dimmed">
        {data.population === null
          ? t('campaignFollowUp.hintNoPopulation')
          : t('campaignFollowUp.hint')}
      </Text>
    </Stack>
  );
}
