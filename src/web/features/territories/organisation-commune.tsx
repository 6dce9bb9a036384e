import { Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import type { Commune } from '../../../contracts/territories.ts';

/** The organisation's commune by its name, département and code (the code alone until it loads). */
export function OrganisationCommune({ code }: { code: string | null }) {
  const { t } = useTranslation();
  const commune = useQuery({
    queryKey: ['territories', 'commune', code],
    queryFn: () => get<Commune>(`/api/territories/communes/${seg(code ?? '')}`),
    enabled: Boolean(code),
    staleTime: Infinity,
  });
  const text = !code ? '—' : commune.data ? `${commune.data.name} (${code}) · ${commune.data.departementName}` : code;
  return (
    <Group justify="space-between" gap="sm" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {t('territories.organisationCommune')}
      </Text>
      <Text size="sm" fw={500} ta="right">
        {text}
      </Text>
    </Group>
  );
}
