import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Adoption } from '../../../contracts/index.ts';
import { get, put, seg } from '../../api/client.ts';
import { formatDate } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconFramework, IconInfo } from '../../ui/icons.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { useWorkspace } from '../shell/workspace.tsx';

const adoptionsKey = (orgId: string) => ['organisations', orgId, 'adoptions'] as const;

/**
 * Which version of each collective's common framework the organisation measures with. Admins
 * choose among the adopted versions; others see the choice.
 */
export function AdoptionSection() {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const adoptions = useQuery({
    queryKey: adoptionsKey(org.id),
    queryFn: () => get<Adoption[]>(`/api/organisations/${seg(org.id)}/adoptions`),
  });

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="org-adoptions"
      data-testid="adoption-section"
    >
      <Group gap="xs" mb={4}>
        <IconFramework />
        <Title order={2} fz={17} id="org-adoptions">
          {t('adoption.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {t('adoption.intro')}
      </Text>
      <QueryView
        query={adoptions}
        empty={
          <Text size="sm" c="dimmed">
            {t('adoption.none')}
          </Text>
        }
      >
        {(data) => (
          <Stack gap="sm">
            {data.map((a) => (
              <AdoptionRow key={a.collectiveId} adoption={a} />
            ))}
          </Stack>
        )}
      </QueryView>
    </Card>
  );
}

function AdoptionRow({ adoption: a }: { adoption: Adoption }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org, isAdmin, setCollectiveId } = useWorkspace();
  const queryClient = useQueryClient();
  const inUse = a.version?.number ?? a.latestAdopted?.number ?? null;
  const [picked, setPicked] = useState<string | null>(
    a.version?.id ?? a.latestAdopted?.id ?? a.choices[0]?.id ?? null,
  );
  const adopt = useMutation({
    mutationFn: (versionId: string) =>
      put<Adoption>(`/api/organisations/${seg(org.id)}/adoptions/${seg(a.collectiveId)}`, {
        versionId,
      }),
    onSuccess: async () => {
      // Results and the indicators questions can be tied to follow the version in use.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: adoptionsKey(org.id) }),
        queryClient.invalidateQueries({ queryKey: ['organisations', org.id, 'results'] }),
        queryClient.invalidateQueries({ queryKey: ['organisations', org.id, 'indicators'] }),
      ]);
    },
  });
  const newer =
    a.version && a.latestAdopted && a.latestAdopted.number > a.version.number
      ? a.latestAdopted
      : null;
  const headingId = `adoption-${a.collectiveId}`;
  const frameworkLink = (text: string) => (
    <Anchor
      component={Link}
      to={paths.framework}
      size="sm"
      onClick={() => setCollectiveId(a.collectiveId)}
    >
      {text}
    </Anchor>
  );

  return (
    <Card
      withBorder
      radius="sm"
      padding="md"
      component="article"
      aria-labelledby={headingId}
      data-testid={`adoption-${a.collectiveId}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
          <div>
            <Text fw={650} id={headingId}>
              {a.collectiveName}
            </Text>
            <Text size="sm" data-testid="adoption-in-use">
              {a.version
                ? t('adoption.ownChoice', {
                    number: a.version.number,
                    date: formatDate(a.adoptedAt, locale),
                  })
                : a.latestAdopted
                  ? t('adoption.noChoice', { number: a.latestAdopted.number })
                  : t('adoption.nothingAdopted')}
            </Text>
          </div>
          {inUse !== null && (
            <Badge variant={a.version ? 'filled' : 'light'} color="socle" size="lg">
              {t('resultsVersions.version', { number: inUse })}
            </Badge>
          )}
        </Group>
        {a.version?.status === 'retired' && (
          <Text size="sm" c="orange.9">
            {t('adoption.retired', { number: a.version.number })}
          </Text>
        )}
        {newer && (
          <Alert
            variant="light"
            color="yellow"
            icon={<IconInfo />}
            p="sm"
            data-testid="adoption-newer"
          >
            <Text size="sm">
              {t('adoption.newer', { number: newer.number })}{' '}
              {frameworkLink(t('adoption.seeChanges'))}
            </Text>
          </Alert>
        )}
        {isAdmin ? (
          a.choices.length > 0 && (
            <Group align="flex-end" gap="sm" wrap="wrap">
              <Select
                label={t('adoption.choose')}
                data={a.choices.map((c) => ({
                  value: c.id,
                  label: c.adoptedAt
                    ? t('adoption.choice', {
                        number: c.number,
                        date: formatDate(c.adoptedAt, locale),
                      })
                    : t('resultsVersions.version', { number: c.number }),
                }))}
                value={picked}
                onChange={setPicked}
                allowDeselect={false}
                style={{ flex: '1 1 280px', maxWidth: 380 }}
              />
              <Button
                disabled={!picked || picked === a.version?.id}
                loading={adopt.isPending}
                onClick={() => picked && adopt.mutate(picked)}
              >
                {t('adoption.adopt')}
              </Button>
            </Group>
          )
        ) : (
          <Text size="xs" c="dimmed">
            {t('adoption.adminOnly')}
          </Text>
        )}
        <ErrorAlert error={adopt.error} />
        {adopt.isSuccess && !adopt.isPending && (
          <Text size="sm" c="socle.8" role="status" data-testid="adoption-done">
            {t('adoption.done', { number: adopt.data.version?.number ?? '—' })}
          </Text>
        )}
        <Text size="xs">{frameworkLink(t('adoption.openFramework'))}</Text>
      </Stack>
    </Card>
  );
}
