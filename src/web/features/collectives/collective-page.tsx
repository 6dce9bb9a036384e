import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Code,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { get, patch, post, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Collective, CollectiveDetail, CollectiveMember } from '../../api/types.ts';
import { Link, paths } from '../../router.tsx';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { IconCollective, IconPlus } from '../../ui/icons.tsx';
import { Empty, PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { DecisionSettings } from './decision-settings.tsx';
import { TerritoriesSection } from '../territories/territories-section.tsx';
import { TerritorySettings } from '../territories/territory-settings.tsx';

export function CollectivePage() {
  const { t } = useTranslation();
  const { collective, org, collectivesLoading } = useWorkspace();
  const [creating, setCreating] = useState(false);
  const createButton = (
    <Button
      variant={collective ? 'default' : 'filled'}
      leftSection={<IconPlus size={18} />}
      onClick={() => setCreating(true)}
    >
      {t('collective.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('collective.title')}
        description={t('collective.intro')}
        actions={createButton}
      />
      {collectivesLoading ? (
        <PageLoader />
      ) : collective ? (
        <CollectiveView collective={collective} />
      ) : (
        <Card withBorder radius="md">
          <Empty
            icon={<IconCollective size={26} />}
            title={t('collective.emptyTitle')}
            description={
              <>
                {t('collective.emptyText')} <Code>{org.slug}</Code>
                {'. '}
                {t('collective.emptyText2')}{' '}
                <Anchor component={Link} to={paths.organisation}>
                  {t('nav.organisation')}
                </Anchor>
                .
              </>
            }
            action={createButton}
          />
        </Card>
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('collective.create')}
        size="lg"
      >
        {creating && <CreateCollectiveForm onDone={() => setCreating(false)} />}
      </Modal>
    </>
  );
}

function CollectiveView({ collective }: { collective: Collective }) {
  const { t } = useTranslation();
  const detail = useQuery({
    queryKey: keys.collective(collective.id),
    queryFn: () => get<CollectiveDetail>(`/api/collectives/${seg(collective.id)}`),
  });

  if (detail.isPending) return <PageLoader />;
  if (detail.isError)
    return <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const c = detail.data;
  const active = c.members.filter((m) => m.status === 'active').length;
  const copil = c.members.filter((m) => m.copil).length;

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg">
        <Title order={2} fz={22}>
          {c.name}
        </Title>
        <Text c="dimmed" size="sm" mt={2}>
          {t('collective.coordinatedBy', { name: c.coordinatorName })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 3 }} mt="md" spacing="md">
          <Stat label={t('collective.activeMembers')} value={String(active)} />
          <Stat label={t('collective.copilMembers')} value={String(copil)} />
          <Stat
            label={t('collective.threshold')}
            value={t('collective.thresholdValue', { count: c.suppressionThreshold })}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="sm">
          {t('collective.thresholdHint')}
        </Text>
      </Card>

      <TerritoriesSection collective={c} />

      <Card withBorder radius="md" padding={0} component="section" aria-labelledby="members-title">
        <Group justify="space-between" p="lg" pb="sm">
          <Title order={2} fz={18} id="members-title">
            {t('collective.members')}
          </Title>
        </Group>
        <MembersTable collective={c} />
      </Card>

      {/* A new territory bumps the settings' revision: the COPIL form starts again from it. */}
      <DecisionSettings key={c.territory ? `${c.territory.level}:${c.territory.code}` : 'national'} collective={c} />

      <TerritorySettings collective={c} />

      {c.canManage && (
        <Card
          withBorder
          radius="md"
          padding="lg"
          component="section"
          aria-labelledby="invite-title"
        >
          <Title order={2} fz={18} id="invite-title">
            {t('collective.inviteTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('collective.inviteHint')}
          </Text>
          <InviteMemberForm collectiveId={c.id} />
        </Card>
      )}
    </Stack>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.4}>
        {label}
      </Text>
      <Text fz={20} fw={700}>
        {value}
      </Text>
    </div>
  );
}

function MembersTable({ collective }: { collective: CollectiveDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toggle = useMutation({
    mutationFn: (m: CollectiveMember) =>
      patch<CollectiveMember>(
        `/api/collectives/${seg(collective.id)}/members/${seg(m.organisationId)}`,
        { copil: !m.copil },
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.collective(collective.id) }),
        queryClient.invalidateQueries({ queryKey: keys.collectives, exact: true }),
      ]),
  });

  return (
    <>
      {toggle.error ? (
        <div style={{ padding: '0 var(--mantine-spacing-lg) var(--mantine-spacing-sm)' }}>
          <ErrorAlert error={toggle.error} />
        </div>
      ) : null}
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" horizontalSpacing="lg" aria-labelledby="members-title">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('collective.memberName')}</Table.Th>
              <Table.Th>{t('collective.status')}</Table.Th>
              <Table.Th>{t('collective.copil')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {collective.members.map((m) => (
              <Table.Tr key={m.organisationId} data-testid={`member-${m.slug}`}>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {m.name}
                    </Text>
                    {m.coordinator && (
                      <Badge size="xs" variant="light" color="indigo">
                        {t('collective.coordinator')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {m.slug}
                    {m.communeCode ? ` · ${m.communeCode}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={m.status === 'active' ? 'green' : 'yellow'}>
                    {t(`memberStatus.${m.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {collective.canManage ? (
                    <Switch
                      checked={m.copil}
                      onChange={() => toggle.mutate(m)}
                      disabled={
                        toggle.isPending && toggle.variables?.organisationId === m.organisationId
                      }
                      aria-label={t('collective.copilToggle', { name: m.name })}
                      label={m.copil ? t('common.yes') : t('common.no')}
                    />
                  ) : m.copil ? (
                    <Badge variant="light">{t('collective.copil')}</Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function InviteMemberForm({ collectiveId }: { collectiveId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [slug, setSlug] = useState('');
  const [copil, setCopil] = useState(false);
  const [invited, setInvited] = useState<string | null>(null);
  const invite = useMutation({
    mutationFn: () =>
      post<CollectiveMember>(`/api/collectives/${seg(collectiveId)}/members`, {
        organisationSlug: slug.trim().toLowerCase(),
        copil,
      }),
    onSuccess: async (member) => {
      setInvited(member.name);
      setSlug('');
      setCopil(false);
      await queryClient.invalidateQueries({ queryKey: keys.collective(collectiveId) });
    },
  });
  const fieldError = useFieldErrors(invite.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setInvited(null);
    invite.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={invite.error} />
        {invited && (
          <Alert color="green" variant="light" role="status">
            {t('collective.invited', { name: invited })}
          </Alert>
        )}
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={t('collective.slug')}
            description={t('collective.slugHint')}
            placeholder="association-exemple"
            required
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
            error={fieldError('organisationSlug')}
            style={{ flex: '1 1 260px' }}
          />
          <Button type="submit" loading={invite.isPending}>
            {t('collective.invite')}
          </Button>
        </Group>
        <Checkbox
          label={t('collective.inviteCopil')}
          checked={copil}
          onChange={(e) => setCopil(e.currentTarget.checked)}
        />
      </Stack>
    </form>
  );
}

function CreateCollectiveForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { me, org, setCollectiveId, setOrgId } = useWorkspace();
  const queryClient = useQueryClient();
  const adminOrgs = me.organisations.filter((o) => o.role === 'admin');
  const [name, setName] = useState('');
  const [coordinator, setCoordinator] = useState<string | null>(
    adminOrgs.some((o) => o.id === org.id) ? org.id : (adminOrgs[0]?.id ?? null),
  );
  const [threshold, setThreshold] = useState<number | ''>('');
  const create = useMutation({
    mutationFn: () =>
      post<Collective>('/api/collectives', {
        name: name.trim(),
        coordinatorOrganisationId: coordinator,
        ...(threshold !== '' ? { suppressionThreshold: threshold } : {}),
      }),
    onSuccess: async (collective) => {
      await queryClient.invalidateQueries({ queryKey: keys.collectives });
      // The coordinator is a member: show the new collective from its point of view.
      if (collective.coordinatorOrganisationId !== org.id)
        setOrgId(collective.coordinatorOrganisationId);
      setCollectiveId(collective.id);
      onDone();
    },
  });
  const fieldError = useFieldErrors(create.error);

  if (adminOrgs.length === 0) {
    return <Text>{t('collective.noAdminOrg')}</Text>;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('collective.createHint')}
        </Text>
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('collective.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError('name')}
          data-autofocus
        />
        <Select
          label={t('collective.coordinatorField')}
          description={t('collective.coordinatorHint')}
          data={adminOrgs.map((o) => ({ value: o.id, label: o.name }))}
          value={coordinator}
          onChange={setCoordinator}
          allowDeselect={false}
          error={fieldError('coordinatorOrganisationId')}
        />
        <NumberInput
          label={t('collective.threshold')}
          description={t('collective.thresholdFieldHint')}
          min={2}
          max={100}
          allowDecimal={false}
          value={threshold}
          onChange={(v) => setThreshold(typeof v === 'number' ? v : '')}
          error={fieldError('suppressionThreshold')}
          maw={260}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('collective.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
