import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { del, get, post, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { ApiToken, CreatedApiToken } from '../../api/types.ts';
import { formatDate } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { CopyButton } from '../../ui/copy-button.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { IconKey } from '../../ui/icons.tsx';
import { Empty, PageHeader } from '../../ui/page.tsx';

export function TokensPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: () => get<ApiToken[]>('/api/tokens') });
  const create = useMutation({
    mutationFn: () => post<CreatedApiToken>('/api/tokens', { name: name.trim() }),
    onSuccess: async () => {
      setName('');
      await queryClient.invalidateQueries({ queryKey: keys.tokens });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => del<{ ok: true }>(`/api/tokens/${seg(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.tokens }),
  });
  const fieldError = useFieldErrors(create.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.intro')} />
      <Stack gap="lg">
        <Card
          withBorder
          radius="md"
          padding="lg"
          component="section"
          aria-labelledby="token-create"
        >
          <Title order={2} fz={17} id="token-create" mb="sm">
            {t('tokens.create')}
          </Title>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <ErrorAlert error={create.error} />
              <Group align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={t('tokens.name')}
                  description={t('tokens.nameHint')}
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={fieldError('name')}
                  maxLength={80}
                  style={{ flex: '1 1 280px' }}
                />
                <Button
                  type="submit"
                  loading={create.isPending}
                  leftSection={<IconKey size={18} />}
                >
                  {t('tokens.createSubmit')}
                </Button>
              </Group>
            </Stack>
          </form>
          {create.data && (
            <Alert
              mt="md"
              color="yellow"
              variant="light"
              title={t('tokens.secretTitle')}
              role="status"
            >
              <Stack gap="xs">
                <Text size="sm">{t('tokens.secretOnce')}</Text>
                <Code block data-testid="token-secret" className="socle-break">
                  {create.data.token}
                </Code>
                <Group>
                  <CopyButton value={create.data.token} label={t('tokens.copySecret')} />
                </Group>
              </Stack>
            </Alert>
          )}
        </Card>

        <Card withBorder radius="md" padding={0}>
          <ErrorAlert error={revoke.error} />
          <QueryView
            query={tokens}
            empty={
              <Empty
                icon={<IconKey size={26} />}
                title={t('tokens.emptyTitle')}
                description={t('tokens.emptyText')}
              />
            }
          >
            {(data) => (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="sm" horizontalSpacing="lg" aria-label={t('tokens.title')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('tokens.name')}</Table.Th>
                      <Table.Th>{t('tokens.prefix')}</Table.Th>
                      <Table.Th>{t('tokens.createdAt')}</Table.Th>
                      <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                      <Table.Th>{t('tokens.status')}</Table.Th>
                      <Table.Th>
                        <span className="socle-sr-only">{t('common.actions')}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.map((token) => (
                      <Table.Tr key={token.id}>
                        <Table.Td fw={600}>{token.name}</Table.Td>
                        <Table.Td>
                          <Code>{token.prefix}…</Code>
                        </Table.Td>
                        <Table.Td>{formatDate(token.createdAt, locale)}</Table.Td>
                        <Table.Td>
                          {token.lastUsedAt
                            ? formatDate(token.lastUsedAt, locale)
                            : t('tokens.never')}
                        </Table.Td>
                        <Table.Td>
                          {token.revokedAt ? (
                            <Badge color="gray" variant="light">
                              {t('tokens.revoked')}
                            </Badge>
                          ) : (
                            <Badge color="green" variant="light">
                              {t('tokens.active')}
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td ta="right">
                          {!token.revokedAt && (
                            <ConfirmAction
                              message={t('tokens.revokeConfirm', { name: token.name })}
                              confirmLabel={t('tokens.revoke')}
                              onConfirm={() => revoke.mutate(token.id)}
                              loading={revoke.isPending}
                            >
                              <Button
                                size="xs"
                                variant="light"
                                color="red"
                                aria-label={t('tokens.revokeNamed', { name: token.name })}
                              >
                                {t('tokens.revoke')}
                              </Button>
                            </ConfirmAction>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryView>
        </Card>
      </Stack>
    </>
  );
}
