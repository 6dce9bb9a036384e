import { Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Commune } from '../../../contracts/territories.ts';
import { CommunePicker } from '../territories/commune-picker.tsx';
import { post } from '../../api/client.ts';
import { organisationKinds } from '../../api/enums.ts';
import { keys } from '../../api/queries.ts';
import type { Organisation } from '../../api/types.ts';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { useSelectOrganisation } from '../shell/workspace.tsx';

type Kind = (typeof organisationKinds)[number];

/** Name, kind, commune (optional). The creator becomes the organisation's admin. */
export function CreateOrganisationForm({
  onCreated,
  onCancel,
}: {
  onCreated?: (organisation: Organisation) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const selectOrganisation = useSelectOrganisation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('association');
  const [commune, setCommune] = useState<Commune | null>(null);
  const [population, setPopulation] = useState<number | ''>('');

  const create = useMutation({
    mutationFn: () =>
      post<Organisation>('/api/organisations', {
        name,
        kind,
        ...(commune ? { communeCode: commune.code } : {}),
        ...(population !== '' ? { populationServed: population } : {}),
      }),
    onSuccess: async (organisation) => {
      selectOrganisation(organisation.id);
      await queryClient.invalidateQueries({ queryKey: keys.me });
      onCreated?.(organisation);
    },
  });
  const fieldError = useFieldErrors(create.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('organisation.name')}
          description={t('organisation.nameHint')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError('name')}
          data-autofocus
        />
        <Select
          label={t('organisation.kind')}
          data={organisationKinds.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v)}
          allowDeselect={false}
          error={fieldError('kind')}
        />
        <Group grow align="flex-start" wrap="wrap">
          <div style={{ minWidth: 200 }}>
            <CommunePicker value={commune} onChange={setCommune} error={fieldError('communeCode')} />
          </div>
          <NumberInput
            label={t('organisation.populationServed')}
            description={t('organisation.populationServedHint')}
            min={0}
            allowDecimal={false}
            thousandSeparator=" "
            value={population}
            onChange={(v) => setPopulation(typeof v === 'number' ? v : '')}
            error={fieldError('populationServed')}
            miw={200}
          />
        </Group>
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={create.isPending}>
            {t('organisation.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
