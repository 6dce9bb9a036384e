import { ActionIcon, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, patch, post, seg } from '../../api/client.ts';
import type { Commune, Site } from '../../../contracts/territories.ts';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { IconPencil, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { CommunePicker } from './commune-picker.tsx';

export const sitesKey = (orgId: string) => ['organisations', orgId, 'sites'] as const;

export function useSites(orgId: string) {
  return useQuery({ queryKey: sitesKey(orgId), queryFn: () => get<Site[]>(`/api/organisations/${seg(orgId)}/sites`) });
}

/** The organisation's sites, each in a commune; admins add, rename, move and remove them. */
export function SitesSection() {
  const { t } = useTranslation();
  const { org, isAdmin } = useWorkspace();
  const sites = useSites(org.id);
  const [editing, setEditing] = useState<Site | null>(null);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="sites-title">
      <Title order={2} fz={17} id="sites-title">
        {t('territories.sitesTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('territories.sitesIntro')}
      </Text>
      <QueryView query={sites} empty={<Text size="sm" c="dimmed">{t('territories.sitesEmpty')}</Text>}>
        {(list) => (
          <Table verticalSpacing="xs" aria-labelledby="sites-title">
            <Table.Tbody>
              {list.map((s) => (
                <SiteRow key={s.id} site={s} canEdit={isAdmin} onEdit={() => setEditing(s)} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryView>
      {isAdmin && (
        <div style={{ marginTop: 'var(--mantine-spacing-md)' }}>
          <SiteForm key={sites.data?.length ?? 0} />
        </div>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={t('territories.editSite')}>
        {editing && <SiteForm site={editing} onDone={() => setEditing(null)} />}
      </Modal>
    </Card>
  );
}

function SiteRow({ site, canEdit, onEdit }: { site: Site; canEdit: boolean; onEdit: () => void }) {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => del(`/api/organisations/${seg(org.id)}/sites/${seg(site.id)}`),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: sitesKey(org.id) }), queryClient.invalidateQueries({ queryKey: ['organisations', org.id, 'campaigns'] })]),
  });
  return (
    <Table.Tr data-testid={`site-${site.commune.code}`}>
      <Table.Td>
        <Text size="sm" fw={600}>
          {site.name}
        </Text>
        <Text size="xs" c="dimmed">
          {site.commune.name} ({site.commune.code}) · {site.commune.departementName} · {site.commune.regionName}
        </Text>
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {t('territories.siteCampaigns', { count: site.campaigns })}
        </Text>
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Tooltip label={t('territories.editSite')}>
              <ActionIcon variant="subtle" color="gray" onClick={onEdit} aria-label={`${t('territories.editSite')} : ${site.name}`}>
                <IconPencil size={18} />
              </ActionIcon>
            </Tooltip>
            <ConfirmAction message={t('territories.deleteSiteConfirm', { name: site.name })} confirmLabel={t('common.delete')} onConfirm={() => remove.mutate()} loading={remove.isPending}>
              <ActionIcon variant="subtle" color="red" aria-label={`${t('territories.deleteSite')} : ${site.name}`}>
                <IconTrash size={18} />
              </ActionIcon>
            </ConfirmAction>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

/** Adds a site, or edits one (its name, its commune). */
function SiteForm({ site, onDone }: { site?: Site; onDone?: () => void }) {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const [name, setName] = useState(site?.name ?? '');
  const [commune, setCommune] = useState<Commune | null>(site?.commune ?? null);
  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), communeCode: commune?.code ?? '' };
      return site ? patch<Site>(`/api/organisations/${seg(org.id)}/sites/${seg(site.id)}`, body) : post<Site>(`/api/organisations/${seg(org.id)}/sites`, body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: sitesKey(org.id) });
      onDone?.();
    },
  });
  const fieldError = useFieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={save.error} />
        <TextInput label={t('territories.siteName')} placeholder={t('territories.siteNamePlaceholder')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('name')} />
        <CommunePicker value={commune} onChange={setCommune} required error={fieldError('communeCode')} />
        {site && (
          <Text size="xs" c="dimmed">
            {t('territories.moveNote')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          {onDone && (
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={save.isPending} leftSection={site ? undefined : <IconPlus size={16} />} disabled={!commune || name.trim().length < 2}>
            {site ? t('common.save') : t('territories.addSite')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
