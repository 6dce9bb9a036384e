import {
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, get, post, seg } from '../../api/client.ts';
import {
  bankSectors,
  childProtectionDimensions,
  indicatorKinds,
  stakeholderGroups,
} from '../../api/enums.ts';
import { keys } from '../../api/queries.ts';
import type { BankEntry, Indicator, Proposal } from '../../api/types.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconCheck, IconFramework, IconPlus } from '../../ui/icons.tsx';
import { Empty } from '../../ui/page.tsx';
import { CollectiveBankEntryEdit, CollectiveBankForm } from './collective-bank-form.tsx';

type Filters = {
  text: string;
  sector: string;
  kind: string;
  stakeholderGroup: string;
  /** Only with the child-protection sector. */
  childProtectionDimension: string;
};

function useBank(filters: Filters, collectiveId: string | null) {
  return useQuery({
    queryKey: [...keys.bank(filters), collectiveId ?? ''],
    queryFn: () => {
      const params = new URLSearchParams();
      for (const [name, value] of Object.entries(filters)) {
        if (value.trim()) params.set(name, value.trim());
      }
      // The collective's own entries come first in the results.
      if (collectiveId) params.set('collectiveId', collectiveId);
      const qs = params.toString();
      return get<BankEntry[]>(`/api/indicator-bank${qs ? `?${qs}` : ''}`);
    },
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** Searches the indicator bank and adds entries to the framework's draft in one click. */
export function BankModal({
  frameworkId,
  opened,
  onClose,
  onAdded,
  collectiveId = null,
  propose = false,
}: {
  frameworkId: string;
  /** A member who cannot edit proposes the entry to the collective instead of adding it. */
  propose?: boolean;
  /** The collective the framework belongs to or takes part in: its own entries are shown too. */
  collectiveId?: string | null;
  opened: boolean;
  onClose: () => void;
  onAdded?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={t('bank.title')}>
      {opened && (
        <BankSearch
          frameworkId={frameworkId}
          onAdded={onAdded}
          collectiveId={collectiveId}
          propose={propose}
        />
      )}
    </Modal>
  );
}

function BankSearch({
  frameworkId,
  onAdded,
  collectiveId,
  propose,
}: {
  frameworkId: string;
  onAdded?: () => void;
  collectiveId: string | null;
  propose: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [sector, setSector] = useState('');
  const [kind, setKind] = useState('');
  const [stakeholderGroup, setStakeholderGroup] = useState('');
  const [dimension, setDimension] = useState('');
  const [debouncedText] = useDebouncedValue(text, 300);
  // The dimensions are those of child protection: the filter only applies with that sector.
  const childProtection = sector === 'child_protection';
  const query = useBank(
    {
      text: debouncedText,
      sector,
      kind,
      stakeholderGroup,
      childProtectionDimension: childProtection ? dimension : '',
    },
    collectiveId,
  );
  // Codes given to the entries added while the dialog is open, to confirm beside each one.
  const [added, setAdded] = useState<Record<string, string>>({});

  const add = useMutation({
    mutationFn: async (vars: { entryId: string; code?: string }): Promise<string> =>
      propose
        ? (
            await post<Proposal>(`/api/frameworks/${seg(frameworkId)}/proposals/from-bank`, vars)
          ).title.split(' — ')[0]!
        : (await post<Indicator>(`/api/frameworks/${seg(frameworkId)}/indicators/from-bank`, vars))
            .code,
    onSuccess: async (code, vars) => {
      setAdded((prev) => ({ ...prev, [vars.entryId]: code }));
      onAdded?.();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.framework(frameworkId) }),
        queryClient.invalidateQueries({ queryKey: ['organisations'] }),
        queryClient.invalidateQueries({ queryKey: keys.collectives }),
      ]);
    },
  });

  const all = t('bank.all');
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {propose ? t('co.bankIntro') : t('bank.intro')}
      </Text>
      {collectiveId && <CollectiveBankForm collectiveId={collectiveId} />}
      <SimpleGrid cols={{ base: 1, sm: 2, md: childProtection ? 5 : 4 }} spacing="sm">
        <TextInput
          label={t('bank.search')}
          placeholder={t('bank.searchPlaceholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          type="search"
          maxLength={200}
          rightSection={query.isFetching ? <Loader size={14} /> : null}
        />
        <NativeSelect
          label={t('bank.sector')}
          value={sector}
          onChange={(event) => setSector(event.currentTarget.value)}
          data={[
            { value: '', label: all },
            ...bankSectors.map((s) => ({ value: s, label: t(`bankSector.${s}`) })),
          ]}
        />
        {childProtection && (
          <NativeSelect
            label={t('bank.dimension')}
            description={t('bank.dimensionTitle')}
            value={dimension}
            onChange={(event) => setDimension(event.currentTarget.value)}
            data={[
              { value: '', label: t('bank.all') },
              ...childProtectionDimensions.map((d) => ({
                value: d,
                label: t(`childProtectionDimension.${d}`),
              })),
            ]}
          />
        )}
        <NativeSelect
          label={t('bank.kind')}
          value={kind}
          onChange={(event) => setKind(event.currentTarget.value)}
          data={[
            { value: '', label: all },
            ...indicatorKinds.map((k) => ({ value: k, label: t(`indicatorKind.${k}`) })),
          ]}
        />
        <NativeSelect
          label={t('bank.stakeholder')}
          value={stakeholderGroup}
          onChange={(event) => setStakeholderGroup(event.currentTarget.value)}
          data={[
            { value: '', label: all },
            ...stakeholderGroups.map((g) => ({ value: g, label: t(`stakeholder.${g}`) })),
          ]}
        />
      </SimpleGrid>

      {query.isPending ? (
        <Group justify="center" py="lg">
          <Loader size="sm" />
        </Group>
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Empty
          icon={<IconFramework size={26} />}
          title={t('bank.emptyTitle')}
          description={t('bank.emptyText')}
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('bank.count', { count: query.data.length })}
          </Text>
          <Stack gap="sm">
            {query.data.map((entry) => (
              <BankEntryCard
                key={entry.id}
                entry={entry}
                addedCode={added[entry.id]}
                propose={propose}
                pending={add.isPending && add.variables.entryId === entry.id}
                disabled={add.isPending}
                error={add.isError && add.variables.entryId === entry.id ? add.error : null}
                onAdd={(code) => add.mutate({ entryId: entry.id, ...(code ? { code } : {}) })}
                collectiveId={collectiveId}
              />
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}

function BankEntryCard({
  entry,
  addedCode,
  propose,
  pending,
  disabled,
  error,
  onAdd,
  collectiveId,
}: {
  collectiveId: string | null;
  entry: BankEntry;
  addedCode: string | undefined;
  propose: boolean;
  pending: boolean;
  disabled: boolean;
  error: unknown;
  onAdd: (code?: string) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const locale = useLocale();
  const name = label(entry);
  const unit = locale === 'en' ? entry.unitEn : entry.unit;
  const codeTaken = error instanceof ApiError && error.problem.code === 'indicator_code_taken';
  const [code, setCode] = useState(`${entry.code ?? entry.id.toUpperCase()}-2`);
  const question = entry.questions[0];
  return (
    <Card withBorder radius="md" padding="md" data-testid={`bank-entry-${entry.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Text fw={600}>{name}</Text>
          <Group gap={6}>
            {entry.source === 'collective' && (
              <Tooltip label={t('collectiveBank.badgeTitle', { name: entry.collectiveName ?? '' })}>
                <Badge variant="filled" color="grape" data-testid="collective-bank-badge">
                  {t('collectiveBank.badge')}
                </Badge>
              </Tooltip>
            )}
            <Badge variant="light" color="socle">
              {t(`bankSector.${entry.sector}`)}
            </Badge>
            {entry.childProtectionDimension && (
              <Tooltip label={t('bank.dimensionTitle')}>
                <Badge variant="light" color="grape" data-testid="bank-dimension">
                  {t(`childProtectionDimension.${entry.childProtectionDimension}`)}
                </Badge>
              </Tooltip>
            )}
            <Badge variant="outline" color="gray">
              {t(`indicatorKind.${entry.kind}`)}
            </Badge>
            {entry.sdg !== undefined && (
              <Tooltip label={t('bank.sdgTitle', { n: entry.sdg })}>
                <Badge variant="filled" color="blue">
                  {t('bank.sdg', { n: entry.sdg })}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Text size="sm">
            {t(`stakeholder.${entry.stakeholderGroup}`)} ·{' '}
            {t(`computation.${entry.computation.type}`)}
            {entry.computation.type !== 'share' && unit ? ` (${unit})` : ''}
          </Text>
          {question && (
            <Text size="xs" c="dimmed">
              {t('bank.question', { question: label(question) })}
            </Text>
          )}
        </Stack>
        {addedCode ? (
          <Badge
            color="socle"
            variant="light"
            leftSection={<IconCheck size={14} />}
            style={{ flexShrink: 0 }}
          >
            {addedCode}
          </Badge>
        ) : (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => onAdd()}
            loading={pending && !codeTaken}
            disabled={disabled && !pending}
            aria-label={
              propose ? t('co.proposeNamed', { label: name }) : t('bank.addNamed', { label: name })
            }
            style={{ flexShrink: 0 }}
          >
            {propose ? t('co.propose') : t('bank.add')}
          </Button>
        )}
      </Group>
      {entry.source === 'collective' && collectiveId && entry.collectiveId === collectiveId && (
        <CollectiveBankEntryEdit collectiveId={collectiveId} entryId={entry.id} name={name} />
      )}
      {addedCode && (
        <Text size="sm" c="socle" mt="xs" role="status">
          {propose ? t('co.proposalSent') : t('bank.added', { code: addedCode })}
        </Text>
      )}
      {!addedCode && error !== null && (
        <Stack gap="xs" mt="sm">
          <ErrorAlert error={error} />
          {codeTaken && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                onAdd(code.trim());
              }}
            >
              <Group align="flex-end" gap="sm">
                <TextInput
                  size="xs"
                  label={t('bank.code')}
                  description={t('bank.codeRetry')}
                  value={code}
                  onChange={(event) => setCode(event.currentTarget.value)}
                  required
                />
                <Button size="xs" type="submit" loading={pending}>
                  {t('bank.add')}
                </Button>
              </Group>
            </form>
          )}
        </Stack>
      )}
    </Card>
  );
}
