import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch, post, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Campaign } from '../../api/types.ts';
import { formatInteger, formatPeriod, formatRate } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { CopyButton } from '../../ui/copy-button.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { IconCampaign, IconLink, IconPlus } from '../../ui/icons.tsx';
import { Empty, PageHeader } from '../../ui/page.tsx';
import { useQuestionnaires } from '../questionnaires/questionnaires-page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { SiteSelect } from '../territories/site-select.tsx';
import { CampaignAccessFields, CampaignBadges, CampaignParticipation, defaultAccess, type AccessDraft } from './participation.tsx';
import { CampaignFollowUp } from './campaign-followup.tsx';
import { CampaignResponses } from './campaign-responses.tsx';

export function CampaignsPage() {
  const { t } = useTranslation();
  const { org, canWrite } = useWorkspace();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: keys.campaigns(org.id),
    queryFn: () => get<Campaign[]>(`/api/organisations/${seg(org.id)}/campaigns`),
  });

  const newButton = canWrite && (
    <Group gap="sm">
      <Button component={Link} to="/imports?kind=responses" variant="default">
        {t('imports.open')}
      </Button>
      <Button leftSection={<IconPlus size={18} />} onClick={() => setCreating(true)}>
        {t('campaigns.new')}
      </Button>
    </Group>
  );

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        description={t('campaigns.intro')}
        actions={newButton}
      />
      <QueryView
        query={list}
        empty={
          <Card withBorder radius="md">
            <Empty
              icon={<IconCampaign size={26} />}
              title={t('campaigns.emptyTitle')}
              description={t('campaigns.emptyText')}
              action={
                canWrite && <Button onClick={() => setCreating(true)}>{t('campaigns.new')}</Button>
              }
            />
          </Card>
        }
      >
        {(data) => (
          <Stack gap="md">
            {data.map((campaign) => (
              <CampaignCard key={campaign.id} campaign={campaign} canWrite={canWrite} />
            ))}
          </Stack>
        )}
      </QueryView>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('campaigns.new')}
        size="lg"
      >
        {creating && <CreateCampaignForm onDone={() => setCreating(false)} />}
      </Modal>
    </>
  );
}

function CampaignCard({ campaign, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org, isAdmin } = useWorkspace();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: () =>
      patch<Campaign>(`/api/organisations/${seg(org.id)}/campaigns/${seg(campaign.id)}`, {
        status: campaign.status === 'open' ? 'closed' : 'open',
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.campaigns(org.id) }),
  });
  const link = `${window.location.origin}${campaign.publicPath}`;
  const rate =
    campaign.populationServed && campaign.populationServed > 0
      ? Math.min(1, campaign.responseCount / campaign.populationServed)
      : null;

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="article"
      aria-labelledby={`campaign-${campaign.id}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <div>
            <Group gap="xs">
              <Title order={2} fz={18} id={`campaign-${campaign.id}`}>
                {campaign.name}
              </Title>
              <Badge color={campaign.status === 'open' ? 'green' : 'gray'} variant="light">
                {t(`campaignStatus.${campaign.status}`)}
              </Badge>
              <CampaignBadges campaign={campaign} />
            </Group>
            <Text size="sm" c="dimmed" mt={2}>
              {campaign.questionnaireTitle} · {formatPeriod(campaign.period, locale)}
            </Text>
          </div>
          {canWrite && (
            <Button
              size="xs"
              variant="default"
              loading={toggle.isPending}
              onClick={() => toggle.mutate()}
            >
              {campaign.status === 'open' ? t('campaigns.close') : t('campaigns.reopen')}
            </Button>
          )}
        </Group>
        <ErrorAlert error={toggle.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Stack gap={4}>
            <Text size="sm" fw={600} data-testid={`campaign-responses-${campaign.slug}`}>
              {t('campaigns.responses', {
                count: campaign.responseCount,
                n: formatInteger(campaign.responseCount, locale),
              })}
              {campaign.populationServed
                ? ` ${t('campaigns.outOf', { population: formatInteger(campaign.populationServed, locale) })}`
                : ''}
            </Text>
            {campaign.assistedCount > 0 && (
              <Text
                size="sm"
                c="dimmed"
                title={t('campaigns.assistedHint')}
                data-testid={`campaign-assisted-${campaign.slug}`}
              >
                {t('campaigns.assisted', {
                  count: campaign.assistedCount,
                  n: formatInteger(campaign.assistedCount, locale),
                })}
              </Text>
            )}
            {rate !== null && (
              <>
                <Progress
                  value={rate * 100}
                  size="md"
                  radius="xl"
                  aria-label={t('campaigns.rate')}
                />
                <Text size="xs" c="dimmed">
                  {t('campaigns.rateText', { rate: formatRate(rate, locale) })}
                </Text>
              </>
            )}
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('campaigns.link')}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <IconLink size={16} />
              <Anchor
                href={link}
                target="_blank"
                rel="noopener"
                size="sm"
                data-testid="campaign-link"
                className="socle-break"
              >
                {link}
              </Anchor>
            </Group>
            <Group gap="xs">
              <CopyButton value={link} label={t('campaigns.copyLink')} />
              {canWrite && campaign.status === 'open' && (
                <Button
                  size="xs"
                  variant="light"
                  component={Link}
                  to={paths.field(org.id, campaign.id)}
                  data-testid={`campaign-field-${campaign.slug}`}
                >
                  {t('campaigns.fieldCollection')}
                </Button>
              )}
            </Group>
          </Stack>
        </SimpleGrid>
        <CampaignParticipation campaign={campaign} canWrite={canWrite} />
        <CampaignFollowUp orgId={org.id} campaign={campaign} />
        {isAdmin && (
          <Group>
            <CampaignResponses orgId={org.id} campaign={campaign} />
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function CreateCampaignForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const questionnaires = useQuestionnaires(org.id);
  const [name, setName] = useState('');
  const [questionnaireId, setQuestionnaireId] = useState<string | null>(null);
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [population, setPopulation] = useState<number | ''>(org.populationServed ?? '');
  const [access, setAccess] = useState<AccessDraft>(defaultAccess);
  const [siteId, setSiteId] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: () =>
      post<Campaign>(`/api/organisations/${seg(org.id)}/campaigns`, {
        name: name.trim(),
        questionnaireId,
        period: period.trim(),
        populationServed: population === '' ? null : population,
        ...access,
        siteId,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.campaigns(org.id) });
      onDone();
    },
  });
  const fieldError = useFieldErrors(create.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  if (questionnaires.data && questionnaires.data.length === 0) {
    return (
      <Stack gap="md">
        <Text>{t('campaigns.needQuestionnaire')}</Text>
        <Group justify="flex-end">
          <Button component={Link} to={paths.newQuestionnaire} onClick={onDone}>
            {t('questionnaires.new')}
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('campaigns.name')}
          description={t('campaigns.nameHint')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError('name')}
          data-autofocus
        />
        <Select
          label={t('campaigns.questionnaire')}
          required
          data={(questionnaires.data ?? []).map((q) => ({ value: q.id, label: q.title }))}
          value={questionnaireId}
          onChange={setQuestionnaireId}
          placeholder={
            questionnaires.isPending ? t('common.loading') : t('campaigns.chooseQuestionnaire')
          }
          error={fieldError('questionnaireId')}
          searchable
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            label={t('campaigns.period')}
            description={t('campaigns.periodHint')}
            required
            value={period}
            onChange={(e) => setPeriod(e.currentTarget.value)}
            error={fieldError('period')}
            maxLength={7}
          />
          <NumberInput
            label={t('campaigns.populationServed')}
            description={t('campaigns.populationServedHint')}
            min={1}
            allowDecimal={false}
            thousandSeparator=" "
            value={population}
            onChange={(v) => setPopulation(typeof v === 'number' ? v : '')}
            error={fieldError('populationServed')}
          />
        </SimpleGrid>
        <SiteSelect orgId={org.id} value={siteId} onChange={setSiteId} error={fieldError('siteId')} />
        <CampaignAccessFields value={access} onChange={setAccess} fieldError={fieldError} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('campaigns.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
