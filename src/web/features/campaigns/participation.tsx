/**
 * Who answers a campaign and how: the audience, one-time invitation links (with reminders)
 * and before/after pairing, with the change it measures.
 */
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, seg } from '../../api/client.ts';
import { audiences } from '../../api/enums.ts';
import { keys } from '../../api/queries.ts';
import type {
  Audience,
  Campaign,
  CampaignInvitation,
  PairedChangeResult,
} from '../../api/types.ts';
import { formatDate, formatInteger, formatRate } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { CopyButton } from '../../ui/copy-button.tsx';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { useWorkspace } from '../shell/workspace.tsx';

export interface AccessDraft {
  audience: Audience;
  invitationOnly: boolean;
  pairing: 'before' | 'after' | null;
  pairedWithCampaignId: string | null;
  pairingCodeOptional: boolean;
}
export const defaultAccess: AccessDraft = {
  audience: 'beneficiaries',
  invitationOnly: false,
  pairing: null,
  pairedWithCampaignId: null,
  pairingCodeOptional: false,
};

/** The campaign form's fields for audience, invitations and before/after pairing. */
export function CampaignAccessFields({
  value,
  onChange,
  fieldError,
}: {
  value: AccessDraft;
  onChange: (next: AccessDraft) => void;
  fieldError: ReturnType<typeof useFieldErrors>;
}) {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const campaigns = useQuery({
    queryKey: keys.campaigns(org.id),
    queryFn: () => get<Campaign[]>(`/api/organisations/${seg(org.id)}/campaigns`),
  });
  const befores = (campaigns.data ?? []).filter((c) => c.pairing === 'before');
  const set = (patch: Partial<AccessDraft>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Select
          label={t('participation.audience')}
          description={t('participation.audienceHint')}
          data={audiences.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
          value={value.audience}
          onChange={(v) => {
            const audience = v ?? 'beneficiaries';
            // Staff, volunteers and partners usually answer by personal link.
            set({ audience, invitationOnly: audience !== 'beneficiaries' });
          }}
          allowDeselect={false}
          error={fieldError('audience')}
        />
        <Select
          label={t('participation.pairing')}
          description={t('participation.pairingHint')}
          data={[
            { value: 'none', label: t('participation.pairingNone') },
            { value: 'before', label: t('participation.pairingBefore') },
            { value: 'after', label: t('participation.pairingAfter') },
          ]}
          value={value.pairing ?? 'none'}
          onChange={(v) =>
            set({
              pairing: v === 'before' || v === 'after' ? v : null,
              pairedWithCampaignId: v === 'after' ? value.pairedWithCampaignId : null,
            })
          }
          allowDeselect={false}
          error={fieldError('pairing')}
        />
      </SimpleGrid>
      <Checkbox
        label={t('participation.invitationOnly')}
        description={t('participation.invitationOnlyHint')}
        checked={value.invitationOnly}
        onChange={(e) => set({ invitationOnly: e.currentTarget.checked })}
      />
      {value.pairing === 'after' && (
        <>
          <Select
            label={t('participation.pairedWith')}
            required
            data={befores.map((c) => ({ value: c.id, label: `${c.name} (${c.period})` }))}
            value={value.pairedWithCampaignId}
            onChange={(v) => set({ pairedWithCampaignId: v })}
            placeholder={
              befores.length === 0
                ? t('participation.noBefore')
                : t('participation.choosePairedWith')
            }
            error={fieldError('pairedWithCampaignId')}
          />
          <Checkbox
            label={t('participation.codeOptional')}
            description={t('participation.codeOptionalHint')}
            checked={value.pairingCodeOptional}
            onChange={(e) => set({ pairingCodeOptional: e.currentTarget.checked })}
          />
        </>
      )}
    </Stack>
  );
}

/** Badges telling who answers and how. */
export function CampaignBadges({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge variant="outline" color="gray" data-testid={`campaign-audience-${campaign.slug}`}>
        {t(`audience.${campaign.audience}`)}
      </Badge>
      {campaign.invitationOnly && (
        <Badge variant="light" color="violet">
          {t('participation.byInvitation')}
        </Badge>
      )}
      {campaign.pairing && (
        <Badge variant="light" color="orange">
          {campaign.pairing === 'before'
            ? t('participation.badgeBefore')
            : t('participation.badgeAfter')}
        </Badge>
      )}
    </>
  );
}

/** Under a campaign: its invitations (for those who can write) and its before/after change. */
export function CampaignParticipation({
  campaign,
  canWrite,
}: {
  campaign: Campaign;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="sm">
      {canWrite && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            onClick={() => setOpen(true)}
            data-testid={`invitations-${campaign.slug}`}
          >
            {t('participation.invitations')}
          </Button>
        </Group>
      )}
      {campaign.pairing && <PairedChangePanel campaign={campaign} />}
      <Modal
        opened={open}
        onClose={() => setOpen(false)}
        title={`${t('participation.invitations')} — ${campaign.name}`}
        size="xl"
      >
        {open && <InvitationsPanel campaign={campaign} />}
      </Modal>
    </Stack>
  );
}

const invitationsKey = (orgId: string, campaignId: string) =>
  ['organisations', orgId, 'campaigns', campaignId, 'invitations'] as const;

function linksText(rows: { email: string; link: string | null }[]) {
  return rows
    .filter((r) => r.link)
    .map((r) => `${r.email}\t${r.link}`)
    .join('\n');
}

function InvitationsPanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const base = `/api/organisations/${seg(org.id)}/campaigns/${seg(campaign.id)}/invitations`;
  const key = invitationsKey(org.id, campaign.id);
  // Answers arrive from elsewhere: opening the list always fetches it afresh.
  const list = useQuery({
    queryKey: key,
    queryFn: () => get<CampaignInvitation[]>(base),
    staleTime: 0,
  });
  const [addresses, setAddresses] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: () =>
      post<{
        delivery: 'email' | 'copy';
        created: CampaignInvitation[];
        alreadyInvited: string[];
        invalid: string[];
        failed: string[];
      }>(base, { addresses }),
    onSuccess: async () => {
      setAddresses('');
      await refresh();
    },
  });
  const remind = useMutation({
    mutationFn: () =>
      post<{ delivery: 'email' | 'copy'; reminded: CampaignInvitation[]; failed: string[] }>(
        `${base}/remind`,
      ),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => post<CampaignInvitation>(`${base}/${seg(id)}/revoke`),
    onSuccess: refresh,
  });
  const fieldError = useFieldErrors(create.error);
  const rows = list.data ?? [];
  const waiting = rows.filter((r) => !r.answered && !r.revoked);

  return (
    <Stack gap="md">
      <Text size="sm">{t('participation.invitationsIntro')}</Text>
      <Textarea
        label={t('participation.addresses')}
        description={t('participation.addressesHint')}
        autosize
        minRows={3}
        maxRows={10}
        value={addresses}
        onChange={(e) => setAddresses(e.currentTarget.value)}
        error={fieldError('addresses')}
        data-testid="invitation-addresses"
      />
      <Group justify="flex-end">
        <Button
          onClick={() => create.mutate()}
          loading={create.isPending}
          disabled={addresses.trim().length < 3}
        >
          {t('participation.invite')}
        </Button>
      </Group>
      <ErrorAlert error={create.error ?? remind.error ?? revoke.error} />
      {create.data && (
        <Alert
          color={create.data.invalid.length || create.data.failed.length ? 'yellow' : 'teal'}
          role="status"
        >
          <Stack gap={4}>
            <Text size="sm">
              {create.data.delivery === 'email'
                ? t('participation.createdEmail', {
                    count: create.data.created.length - create.data.failed.length,
                  })
                : t('participation.createdCopy', { count: create.data.created.length })}
            </Text>
            {create.data.alreadyInvited.length > 0 && (
              <Text size="sm">
                {t('participation.alreadyInvited', { list: create.data.alreadyInvited.join(', ') })}
              </Text>
            )}
            {create.data.invalid.length > 0 && (
              <Text size="sm">
                {t('participation.invalid', { list: create.data.invalid.join(', ') })}
              </Text>
            )}
            {create.data.failed.length > 0 && (
              <Text size="sm">
                {t('participation.failed', { list: create.data.failed.join(', ') })}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {remind.data && (
        <Alert color="teal" role="status">
          <Stack gap={4}>
            <Text size="sm">
              {remind.data.delivery === 'email'
                ? t('participation.remindedEmail', {
                    count: remind.data.reminded.length - remind.data.failed.length,
                  })
                : t('participation.remindedCopy', { count: remind.data.reminded.length })}
            </Text>
            {remind.data.delivery === 'copy' && remind.data.reminded.length > 0 && (
              <Group>
                <CopyButton
                  value={linksText(remind.data.reminded)}
                  label={t('participation.copyReminderLinks')}
                />
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('participation.summary', {
            total: formatInteger(rows.length, locale),
            answered: formatInteger(rows.filter((r) => r.answered).length, locale),
          })}
        </Text>
        <Group gap="xs">
          {rows.some((r) => r.link) && (
            <CopyButton value={linksText(rows)} label={t('participation.copyAll')} />
          )}
          <ConfirmAction
            message={t('participation.remindConfirm', { count: waiting.length })}
            confirmLabel={t('participation.remind')}
            onConfirm={() => remind.mutate()}
            loading={remind.isPending}
            color="blue"
          >
            <Button
              size="xs"
              variant="default"
              disabled={waiting.length === 0 || campaign.status !== 'open'}
            >
              {t('participation.remind')}
            </Button>
          </ConfirmAction>
        </Group>
      </Group>
      <QueryView
        query={list}
        empty={
          <Text size="sm" c="dimmed">
            {t('participation.none')}
          </Text>
        }
      >
        {(data) => (
          <Table.ScrollContainer minWidth={640}>
            <Table striped verticalSpacing="xs" data-testid="invitations-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('participation.email')}</Table.Th>
                  <Table.Th>{t('participation.sentAt')}</Table.Th>
                  <Table.Th>{t('participation.remindedAt')}</Table.Th>
                  <Table.Th>{t('participation.answered')}</Table.Th>
                  <Table.Th>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>{row.email}</Table.Td>
                    <Table.Td>
                      {row.sentAt ? formatDate(row.sentAt, locale) : t('participation.notSent')}
                    </Table.Td>
                    <Table.Td>{row.remindedAt ? formatDate(row.remindedAt, locale) : '—'}</Table.Td>
                    <Table.Td>
                      {row.revoked ? (
                        <Badge color="gray" variant="light">
                          {t('participation.revoked')}
                        </Badge>
                      ) : row.answered ? (
                        <Badge color="green" variant="light">
                          {t('common.yes')}
                        </Badge>
                      ) : (
                        <Badge color="yellow" variant="light">
                          {t('common.no')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {row.link && (
                          <CopyButton value={row.link} label={t('participation.copyLink')} />
                        )}
                        {!row.answered && !row.revoked && (
                          <ConfirmAction
                            message={t('participation.revokeConfirm', { email: row.email })}
                            confirmLabel={t('participation.revoke')}
                            onConfirm={() => revoke.mutate(row.id)}
                            loading={revoke.isPending}
                          >
                            <Button size="xs" variant="subtle" color="red">
                              {t('participation.revoke')}
                            </Button>
                          </ConfirmAction>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Stack>
  );
}

function formatChange(
  value: number | null,
  kind: 'share' | 'mean',
  locale: 'fr' | 'en',
  signed = false,
) {
  if (value === null) return '—';
  if (kind === 'share') {
    const points = new Intl.NumberFormat(locale, {
      maximumFractionDigits: 0,
      signDisplay: signed ? 'exceptZero' : 'auto',
    }).format(value * 100);
    return signed ? `${points} ${locale === 'fr' ? 'pts' : 'pts'}` : formatRate(value, locale);
  }
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: 2,
    minimumFractionDigits: 0,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
}

function PairedChangePanel({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org } = useWorkspace();
  const change = useQuery({
    queryKey: ['organisations', org.id, 'campaigns', campaign.id, 'paired-change'],
    queryFn: () =>
      get<PairedChangeResult>(
        `/api/organisations/${seg(org.id)}/campaigns/${seg(campaign.id)}/paired-change`,
      ),
  });
  return (
    <Stack gap="xs" data-testid={`paired-change-${campaign.slug}`}>
      <Title order={3} fz={16}>
        {t('participation.changeTitle')}
      </Title>
      <QueryView query={change}>
        {(data) =>
          !data.afterCampaignId ? (
            <Text size="sm" c="dimmed">
              {t('participation.changeNoAfter')}
            </Text>
          ) : (
            <Stack gap="xs">
              <Text size="sm" data-testid="paired-count">
                {t('participation.changePairs', {
                  count: data.pairs,
                  n: formatInteger(data.pairs, locale),
                })}
              </Text>
              {data.questions.length > 0 && data.pairs > 0 && (
                <Table.ScrollContainer minWidth={560}>
                  <Table verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('participation.changeIndicator')}</Table.Th>
                        <Table.Th>{t('participation.changeN')}</Table.Th>
                        <Table.Th>{t('participation.changeBefore')}</Table.Th>
                        <Table.Th>{t('participation.changeAfter')}</Table.Th>
                        <Table.Th>{t('participation.changeMean')}</Table.Th>
                        <Table.Th>{t('participation.changeImproved')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.questions.map((row) => (
                        <Table.Tr
                          key={`${row.indicator.frameworkId}|${row.indicator.code}`}
                          data-testid={`change-${row.indicator.code}`}
                        >
                          <Table.Td>
                            {row.indicator.code} —{' '}
                            {locale === 'en' && row.indicator.labelEn
                              ? row.indicator.labelEn
                              : row.indicator.labelFr}
                          </Table.Td>
                          <Table.Td>{formatInteger(row.pairs, locale)}</Table.Td>
                          <Table.Td>
                            {formatChange(row.meanBefore, row.indicator.kind, locale)}
                          </Table.Td>
                          <Table.Td>
                            {formatChange(row.meanAfter, row.indicator.kind, locale)}
                          </Table.Td>
                          <Table.Td>
                            {formatChange(row.meanChange, row.indicator.kind, locale, true)}
                          </Table.Td>
                          <Table.Td>
                            {row.improved === null
                              ? t('participation.changeUp', {
                                  rate: row.up === null ? '—' : formatRate(row.up, locale),
                                })
                              : formatRate(row.improved, locale)}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Text size="xs" c="dimmed">
                {t('participation.changeNote')}
              </Text>
            </Stack>
          )
        }
      </QueryView>
    </Stack>
  );
}
