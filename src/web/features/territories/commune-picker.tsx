import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get } from '../../api/client.ts';
import type { Commune } from '../../../contracts/territories.ts';

export const communeLabel = (c: Commune) => `${c.name} (${c.code}) — ${c.departementName}`;

/**
 * Picks a current commune by name, postal code or INSEE code: the server searches the INSEE
 * reference as the person types (GET /api/territories/communes), best matches first.
 */
export function CommunePicker({
  value,
  onChange,
  error,
  required,
}: {
  value: Commune | null;
  onChange: (commune: Commune | null) => void;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value ? communeLabel(value) : '');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const chosenLabel = value ? communeLabel(value) : null;
  const found = useQuery({
    queryKey: ['territories', 'communes', debounced],
    queryFn: () => get<Commune[]>(`/api/territories/communes?q=${encodeURIComponent(debounced)}`),
    enabled: debounced.length >= 2 && debounced !== chosenLabel,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  const byCode = new Map<string, Commune>();
  if (value) byCode.set(value.code, value);
  for (const c of found.data ?? []) byCode.set(c.code, c);
  return (
    <Select
      label={t('territories.commune')}
      description={t('territories.communeHint')}
      placeholder={t('territories.communePlaceholder')}
      required={required}
      searchable
      clearable
      value={value?.code ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already ranked the communes: show them as they come.
      filter={({ options }) => options}
      data={[...byCode.values()].map((c) => ({ value: c.code, label: communeLabel(c) }))}
      onChange={(code) => onChange(code ? (byCode.get(code) ?? null) : null)}
      nothingFoundMessage={debounced.length >= 2 && !found.isFetching ? t('territories.communeNothing') : undefined}
      error={error}
      data-testid="commune-picker"
    />
  );
}
