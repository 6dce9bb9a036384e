import { Alert, Anchor, Badge, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { get, post, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { InvitationPreview, Me, Organisation } from '../../api/types.ts';
import { formatDate } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { Link, navigate, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconOrganisation } from '../../ui/icons.tsx';
import { PageLoader } from '../../ui/page.tsx';
import { useSelectOrganisation } from '../shell/workspace.tsx';
import { AuthForms } from './auth-forms.tsx';
import { AuthLayout } from './auth-layout.tsx';

/** /invitations/<token>: see who invites you, sign in if needed, then accept. */
export function InvitationPage({ token, me }: { token: string; me: Me | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const selectOrganisation = useSelectOrganisation();
  const preview = useQuery({
    queryKey: keys.invitation(token),
    queryFn: () => get<InvitationPreview>(`/api/invitations/${seg(token)}`),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: () => post<Organisation>(`/api/invitations/${seg(token)}/accept`),
    onSuccess: async (organisation) => {
      selectOrganisation(organisation.id);
      await queryClient.invalidateQueries({ queryKey: keys.me });
      navigate(paths.results, { replace: true });
    },
  });

  return (
    <AuthLayout signedIn={Boolean(me)}>
      <Stack gap="md">
        <Group gap="xs">
          <IconOrganisation />
          <Title order={2} fz={22}>
            {t('invitation.title')}
          </Title>
        </Group>
        {preview.isPending && <PageLoader />}
        {preview.isError && (
          <>
            <ErrorAlert error={preview.error} title={t('invitation.invalid')} />
            <Anchor component={Link} to={paths.results}>
              {t('invitation.goHome')}
            </Anchor>
          </>
        )}
        {preview.data && (
          <>
            <Text>
              <Trans
                i18nKey="invitation.intro"
                values={{ organisation: preview.data.organisationName }}
                components={{ strong: <strong /> }}
              />
            </Text>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('invitation.role')}
              </Text>
              <Badge variant="light">{t(`role.${preview.data.role}`)}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('invitation.expires', { date: formatDate(preview.data.expiresAt, locale) })}
            </Text>
            <Divider />
            {me ? (
              <Stack gap="sm">
                <Text size="sm">
                  {t('invitation.signedInAs', { name: me.user.name, email: me.user.email })}
                </Text>
                <ErrorAlert error={accept.error} />
                <Button size="md" loading={accept.isPending} onClick={() => accept.mutate()}>
                  {t('invitation.accept')}
                </Button>
                <Anchor component={Link} to={paths.results} size="sm" ta="center">
                  {t('invitation.later')}
                </Anchor>
              </Stack>
            ) : (
              <Stack gap="sm">
                <Alert variant="light" color="socle">
                  {t('invitation.signInFirst')}
                </Alert>
                <AuthForms initialMode="sign-up" />
              </Stack>
            )}
          </>
        )}
      </Stack>
    </AuthLayout>
  );
}
