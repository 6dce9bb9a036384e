import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Grid,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, post, seg } from '../../api/client.ts';
import { roles } from '../../api/enums.ts';
import { keys } from '../../api/queries.ts';
import type {
  Collective,
  CollectiveInvitation,
  Invitation,
  OrganisationMember,
  Role,
} from '../../api/types.ts';
import { formatDate, formatInteger } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { CopyButton } from '../../ui/copy-button.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { IconCollective, IconPlus } from '../../ui/icons.tsx';
import { PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { SitesSection } from '../territories/sites-section.tsx';
import { OrganisationCommune } from '../territories/organisation-commune.tsx';
import { AdoptionSection } from './adoption-section.tsx';
import { CreateOrganisationForm } from './create-organisation.tsx';

export function OrganisationPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org, isAdmin } = useWorkspace();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={org.name}
        description={t('organisation.intro')}
        actions={
          <Button
            variant="default"
            leftSection={<IconPlus size={18} />}
            onClick={() => setCreating(true)}
          >
            {t('organisation.createAnother')}
          </Button>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg">
              <Title order={2} fz={17} mb="sm">
                {t('organisation.identifier')}
              </Title>
              <Group gap="sm" wrap="wrap">
                <Code fz="md" px="sm" py={6} data-testid="organisation-slug">
                  {org.slug}
                </Code>
                <CopyButton value={org.slug} />
              </Group>
              <Text size="sm" c="dimmed" mt="sm">
                {t('organisation.identifierHint')}
              </Text>
              <Stack gap={6} mt="md">
                <Detail label={t('organisation.kind')} value={t(`organisationKind.${org.kind}`)} />
                <OrganisationCommune code={org.communeCode} />
                <Detail
                  label={t('organisation.populationServed')}
                  value={
                    org.populationServed !== null
                      ? formatInteger(org.populationServed, locale)
                      : '—'
                  }
                />
                <Detail label={t('organisation.myRole')} value={t(`role.${org.role}`)} />
              </Stack>
            </Card>
            <SitesSection />
            <CollectiveInvitations />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <AdoptionSection />
            <Members />
            {isAdmin && <InviteForm />}
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('organisation.createAnother')}
        size="lg"
      >
        {creating && (
          <CreateOrganisationForm
            onCreated={() => setCreating(false)}
            onCancel={() => setCreating(false)}
          />
        )}
      </Modal>
    </>
  );
}

function Detail({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between" gap="sm" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} ta="right">
        {value}
      </Text>
    </Group>
  );
}

function Members() {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const members = useQuery({
    queryKey: keys.members(org.id),
    queryFn: () => get<OrganisationMember[]>(`/api/organisations/${seg(org.id)}/members`),
  });
  return (
    <Card withBorder radius="md" padding={0} component="section" aria-labelledby="org-members">
      <Title order={2} fz={17} p="lg" pb="sm" id="org-members">
        {t('organisation.members')}
      </Title>
      {members.isPending ? (
        <PageLoader />
      ) : members.isError ? (
        <div style={{ padding: 'var(--mantine-spacing-lg)' }}>
          <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />
        </div>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table verticalSpacing="sm" horizontalSpacing="lg" aria-labelledby="org-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisation.memberName')}</Table.Th>
                <Table.Th>{t('organisation.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {members.data.map((m) => (
                <Table.Tr key={m.userId}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {m.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={m.role === 'admin' ? 'socle' : 'gray'}>
                      {t(`role.${m.role}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}

function InviteForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org } = useWorkspace();
  const [role, setRole] = useState<Role>('contributor');
  const [email, setEmail] = useState('');
  const invite = useMutation({
    mutationFn: () =>
      post<Invitation>(`/api/organisations/${seg(org.id)}/invitations`, {
        role,
        ...(email.trim() ? { email: email.trim() } : {}),
      }),
  });
  const fieldError = useFieldErrors(invite.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  const link = invite.data ? `${window.location.origin}${invite.data.url}` : null;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="org-invite">
      <Title order={2} fz={17} id="org-invite">
        {t('organisation.inviteTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('organisation.inviteHint')}
      </Text>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={invite.error} />
          <Group align="flex-start" gap="sm" wrap="wrap" grow>
            <Select
              label={t('organisation.role')}
              data={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              value={role}
              onChange={(v) => v && setRole(v)}
              allowDeselect={false}
              description={t(`roleHint.${role}`)}
              error={fieldError('role')}
              miw={200}
            />
            <TextInput
              label={t('organisation.inviteEmail')}
              description={t('organisation.inviteEmailHint')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={fieldError('email')}
              miw={200}
            />
          </Group>
          <Group>
            <Button type="submit" loading={invite.isPending}>
              {t('organisation.createInvitation')}
            </Button>
          </Group>
          {invite.data && link && (
            <Alert variant="light" color="socle" title={t('organisation.invitationReady')}>
              <Stack gap="xs">
                <Text size="sm">
                  {t('organisation.invitationReadyText', {
                    date: formatDate(invite.data.expiresAt, locale),
                  })}
                </Text>
                <Anchor href={link} size="sm" className="socle-break" data-testid="invitation-link">
                  {link}
                </Anchor>
                <Group>
                  <CopyButton value={link} label={t('organisation.copyInvitation')} />
                </Group>
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}

function CollectiveInvitations() {
  const { t } = useTranslation();
  const { org, isAdmin, setCollectiveId } = useWorkspace();
  const queryClient = useQueryClient();
  const pending = useQuery({
    queryKey: keys.collectiveInvitations(org.id),
    queryFn: () =>
      get<CollectiveInvitation[]>(`/api/organisations/${seg(org.id)}/collective-invitations`),
  });
  const accept = useMutation({
    mutationFn: (collectiveId: string) =>
      post<Collective>(
        `/api/organisations/${seg(org.id)}/collective-invitations/${seg(collectiveId)}/accept`,
      ),
    onSuccess: async (collective) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.collectiveInvitations(org.id) }),
        queryClient.invalidateQueries({ queryKey: keys.collectives }),
      ]);
      setCollectiveId(collective.id);
    },
  });

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="org-collective-invitations"
    >
      <Group gap="xs" mb="sm">
        <IconCollective />
        <Title order={2} fz={17} id="org-collective-invitations">
          {t('organisation.collectiveInvitations')}
        </Title>
      </Group>
      <ErrorAlert error={accept.error} />
      <QueryView
        query={pending}
        empty={
          <Text size="sm" c="dimmed">
            {t('organisation.noCollectiveInvitations')}
          </Text>
        }
      >
        {(data) => (
          <Stack gap="sm">
            {data.map((inv) => (
              <Card key={inv.collectiveId} withBorder radius="sm" padding="sm" bg="socle.0">
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <div>
                    <Text fw={600} size="sm">
                      {inv.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('collective.coordinatedBy', { name: inv.coordinatorName })}
                      {inv.copil ? ` · ${t('organisation.asCopil')}` : ''}
                    </Text>
                  </div>
                  {isAdmin ? (
                    <Button
                      size="xs"
                      loading={accept.isPending && accept.variables === inv.collectiveId}
                      onClick={() => accept.mutate(inv.collectiveId)}
                      aria-label={t('organisation.acceptNamed', { name: inv.name })}
                    >
                      {t('organisation.accept')}
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {t('organisation.adminAccepts')}
                    </Text>
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}
