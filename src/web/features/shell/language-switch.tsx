import { SegmentedControl } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { patch } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Locale, Me, User } from '../../api/types.ts';
import { setLocale } from '../../i18n/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';

/** FR / EN. Remembered in this browser, and on the account when signed in. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (next: Locale) => patch<{ user: User }>('/api/me', { locale: next }),
    onSuccess: ({ user }) => {
      queryClient.setQueryData<Me | null>(keys.me, (me) => (me ? { ...me, user } : me));
    },
  });
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('lang.label')}
      value={locale}
      onChange={(value) => {
        const next: Locale = value === 'en' ? 'en' : 'fr';
        setLocale(next);
        if (signedIn) save.mutate(next);
      }}
      data={[
        {
          value: 'fr',
          label: (
            <span lang="fr" title="Français">
              FR
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" title="English">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
