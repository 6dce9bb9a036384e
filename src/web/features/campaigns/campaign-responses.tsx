import { Badge, Button, Group, Modal, Pagination, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get, seg } from '../../api/client.ts';
import type { Campaign } from '../../api/types.ts';
import { keys } from '../../api/queries.ts';
import type { ResponsePage } from '../../../contracts/responses.ts';
import { formatDateTime, formatInteger } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';

const PAGE = 25;

/**
 * A campaign's responses for its organisation's admins: when, how they came, and a way to
 * delete one (a person asks for it, a duplicate). Figures follow at once.
 */
export function CampaignResponses({ orgId, campaign }: { orgId: string; campaign: Campaign }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="xs" variant="default" onClick={() => setOpened(true)} data-testid={`campaign-review-${campaign.slug}`} disabled={campaign.responseCount === 0}>
        {t('campaignResponses.open')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('campaignResponses.title', { name: campaign.name })} size="lg">
        {opened && <ResponseList orgId={orgId} campaign={campaign} />}
      </Modal>
    </>
  );
}

function ResponseList({ orgId, campaign }: { orgId: string; campaign: Campaign }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const path = `/api/organisations/${seg(orgId)}/campaigns/${seg(campaign.id)}/responses`;
  const list = useQuery({
    queryKey: [...keys.campaigns(orgId), campaign.id, 'responses', page],
    queryFn: () => get<ResponsePage>(`${path}?offset=${(page - 1) * PAGE}&limit=${PAGE}`),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (responseId: string) => api<void>('DELETE', `/api/organisations/${seg(orgId)}/responses/${seg(responseId)}`),
    onSuccess: async () => {
      // The list, the campaign's counts and every figure change.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.campaigns(orgId) }),
        queryClient.invalidateQueries({ queryKey: ['collectives'] }),
        queryClient.invalidateQueries({ queryKey: keys.org(orgId) }),
      ]);
    },
  });
  const data = list.data;
  if (!data) return <Text size="sm">{list.isError ? <ErrorAlert error={list.error} /> : t('common.loading')}</Text>;
  const pages = Math.max(1, Math.ceil(data.total / PAGE));
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('campaignResponses.intro', { count: data.total, n: formatInteger(data.total, locale) })}
      </Text>
      <ErrorAlert error={remove.error} />
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('campaignResponses.when')}</Table.Th>
            <Table.Th>{t('campaignResponses.how')}</Table.Th>
            <Table.Th ta="right">{t('campaignResponses.answers')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.responses.map((r) => (
            <Table.Tr key={r.id} data-testid="campaign-response-row">
              <Table.Td>{formatDateTime(r.submittedAt, locale)}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  <Text size="sm">{t(`campaignResponses.channel.${r.channel}`)}</Text>
                  {r.assisted && (
                    <Badge size="xs" variant="light">
                      {t(`campaignResponses.assisted.${r.assisted}`)}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{formatInteger(r.answers.length, locale)}</Table.Td>
              <Table.Td ta="right">
                <ConfirmAction
                  message={t('campaignResponses.deleteConfirm')}
                  confirmLabel={t('campaignResponses.delete')}
                  onConfirm={() => remove.mutate(r.id)}
                  loading={remove.isPending}
                >
                  <Button size="xs" variant="light" color="red" aria-label={t('campaignResponses.deleteNamed', { when: formatDateTime(r.submittedAt, locale) })}>
                    {t('campaignResponses.delete')}
                  </Button>
                </ConfirmAction>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}
