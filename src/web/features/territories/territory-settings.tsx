import { Button, Card, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, get, ifMatch, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { CollectiveDetail } from '../../api/types.ts';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';

type Scope = 'national' | 'departement' | 'region';
interface Reference {
  regions: { code: string; name: string }[];
  departements: { code: string; name: string; region: string }[];
}

/** National or territorial: shown to every member, changed by the coordinator's admins. */
export function TerritorySettings({ collective }: { collective: CollectiveDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<Scope>(collective.territory?.level ?? 'national');
  const [code, setCode] = useState<string | null>(collective.territory?.code ?? null);
  const reference = useQuery({ queryKey: ['territories', 'reference'], queryFn: () => get<Reference>('/api/territories'), staleTime: Infinity, enabled: collective.canManage });
  const save = useMutation({
    // Sent with the revision the form was filled from: a change made meanwhile answers 409.
    mutationFn: () => api<CollectiveDetail>('PATCH', `/api/collectives/${seg(collective.id)}`, { territory: scope === 'national' ? null : { level: scope, code } }, ifMatch(collective.revision)),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.collective(collective.id) }), queryClient.invalidateQueries({ queryKey: keys.collectives }), queryClient.invalidateQueries({ queryKey: ['collectives', collective.id] })]),
  });
  const fieldError = useFieldErrors(save.error);
  const options =
    scope === 'region'
      ? (reference.data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }))
      : (reference.data?.departements ?? []).map((d) => ({ value: d.code, label: `${d.code} — ${d.name}` }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const current = collective.territory ? t('territories.settingsCurrent', { name: collective.territory.name }) : t('territories.settingsNational');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="territory-settings-title">
      <Title order={2} fz={18} id="territory-settings-title">
        {t('territories.settingsTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('territories.settingsIntro')}
      </Text>
      {collective.canManage ? (
        <form onSubmit={submit}>
          <Stack gap="md" maw={560}>
            <div>
              <Text size="sm" fw={500} mb={4} id="territory-scope-label">
                {t('territories.settingsScope')}
              </Text>
              <SegmentedControl
                aria-labelledby="territory-scope-label"
                value={scope}
                onChange={(v) => {
                  setScope(v);
                  setCode(null);
                }}
                data={[
                  { value: 'national', label: t('territories.scopeNational') },
                  { value: 'departement', label: t('territories.scopeDepartement') },
                  { value: 'region', label: t('territories.scopeRegion') },
                ]}
              />
            </div>
            {scope !== 'national' && (
              <Select label={t('territories.settingsChoose')} placeholder={t('territories.settingsChoosePlaceholder')} data={options} value={code} onChange={setCode} searchable required error={fieldError('territory.code') ?? fieldError('territory')} />
            )}
            <ErrorAlert error={save.error} />
            <Group>
              <Button type="submit" loading={save.isPending} disabled={scope !== 'national' && !code}>
                {t('territories.settingsSave')}
              </Button>
              {save.isSuccess && (
                <Text size="sm" c="socle" role="status">
                  {t('territories.settingsSaved')}
                </Text>
              )}
            </Group>
            <Text size="sm" data-testid="collective-territory">
              {current}
            </Text>
          </Stack>
        </form>
      ) : (
        <Text size="sm" data-testid="collective-territory">
          {current}
        </Text>
      )}
    </Card>
  );
}
