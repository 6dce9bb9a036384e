import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSites } from './sites-section.tsx';

const NONE = '';

/** Where a campaign is held: one of the organisation's sites, or its own commune. Hidden without sites. */
export function SiteSelect({ orgId, value, onChange, error }: { orgId: string; value: string | null; onChange: (siteId: string | null) => void; error?: string }) {
  const { t } = useTranslation();
  const sites = useSites(orgId);
  if (!sites.data || sites.data.length === 0) return null;
  return (
    <Select
      label={t('territories.siteField')}
      description={t('territories.siteFieldHint')}
      data={[{ value: NONE, label: t('territories.siteFieldNone') }, ...sites.data.map((s) => ({ value: s.id, label: `${s.name} — ${s.commune.name}` }))]}
      value={value ?? NONE}
      onChange={(v) => onChange(v ? v : null)}
      allowDeselect={false}
      error={error}
    />
  );
}
