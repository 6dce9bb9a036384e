import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  Radio,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { importErrors, importStatus, importView } from '../../../contracts/imports.ts';
import { ApiError, get, post, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Campaign } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { Link, navigate, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';

type ImportView = z.infer<typeof importView>;
type ImportStatus = z.infer<typeof importStatus>;
type ImportErrors = z.infer<typeof importErrors>;

export const importPath = (id?: string) => (id ? `/imports/${encodeURIComponent(id)}` : '/imports');

/** Sends the file itself as the request body (no base64): 100,000 lines fit. */
async function uploadFile(orgId: string, query: URLSearchParams, file: File): Promise<ImportView> {
  let response: Response;
  try {
    response = await fetch(`/api/organisations/${seg(orgId)}/imports?${query.toString()}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json', 'content-type': 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new ApiError(0, {
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      code: 'network',
      detail: 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.',
      detailEn: 'The server does not answer. Check your connection and try again.',
    });
  }
  const data: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const problem = (data ?? {}) as ApiError['problem'];
    throw new ApiError(response.status, {
      type: problem.type ?? 'about:blank',
      title: problem.title ?? response.statusText,
      status: response.status,
      code: problem.code ?? 'http_error',
      detail: problem.detail ?? `Erreur ${response.status}.`,
      detailEn: problem.detailEn ?? `Error ${response.status}.`,
    });
  }
  return data as ImportView;
}

/**
 * The file last sent from this tab, so that another sheet of the same workbook can be read
 * without choosing the file again.
 */
let lastSent: { importId: string; file: File; query: URLSearchParams } | null = null;

/** `/imports`: choose what the file holds and send it. */
export function ImportsPage() {
  const { t } = useTranslation();
  const { org, canWrite } = useWorkspace();
  const [kind, setKind] = useState<'responses' | 'activity'>(
    new URLSearchParams(window.location.search).get('kind') === 'activity' ? 'activity' : 'responses',
  );
  const [campaignId, setCampaignId] = useState<string | null>(
    new URLSearchParams(window.location.search).get('campaign'),
  );
  const [file, setFile] = useState<File | null>(null);
  const campaigns = useQuery({
    queryKey: keys.campaigns(org.id),
    queryFn: () => get<Campaign[]>(`/api/organisations/${seg(org.id)}/campaigns`),
  });
  const send = useMutation({
    mutationFn: async () => {
      const query = new URLSearchParams({ kind, fileName: file!.name });
      if (kind === 'responses' && campaignId) query.set('campaignId', campaignId);
      const view = await uploadFile(org.id, query, file!);
      lastSent = { importId: view.id, file: file!, query };
      return view;
    },
    onSuccess: (view) => navigate(importPath(view.id)),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) send.mutate();
  };
  const ready = file !== null && (kind === 'activity' || campaignId !== null);

  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.intro')} />
      {!canWrite && (
        <Text c="dimmed" maw={720}>
          {t('imports.viewerOnly')}
        </Text>
      )}
      {canWrite && (
        <Card withBorder radius="md" padding="lg" maw={720}>
          <form onSubmit={submit}>
            <Stack gap="md">
              <Radio.Group
                label={t('imports.kind')}
                value={kind}
                onChange={(v) => setKind(v === 'activity' ? 'activity' : 'responses')}
              >
                <Stack gap={6} mt={6}>
                  <Radio value="responses" label={t('imports.kindResponses')} />
                  <Radio value="activity" label={t('imports.kindActivity')} />
                </Stack>
              </Radio.Group>
              {kind === 'responses' &&
                (campaigns.isPending ? (
                  <PageLoader />
                ) : (campaigns.data ?? []).length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('imports.noCampaign')}
                  </Text>
                ) : (
                  <Select
                    label={t('imports.campaign')}
                    data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.period})` }))}
                    value={campaignId}
                    onChange={setCampaignId}
                    allowDeselect={false}
                    data-testid="import-campaign"
                  />
                ))}
              <FileInput
                label={t('imports.file')}
                description={t('imports.fileHint')}
                accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                value={file}
                onChange={setFile}
                clearable
                data-testid="import-file"
              />
              {send.isError && <ErrorAlert error={send.error} />}
              <Group>
                <Button type="submit" disabled={!ready} loading={send.isPending}>
                  {t('imports.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </>
  );
}

function toCsv(rows: string[][]): string {
  const cell = (s: string) => (/[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  // A BOM so that Excel opens the accents right; semicolons as French Excel expects.
  return '\ufeff' + rows.map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

function downloadErrors(report: ImportErrors, locale: 'fr' | 'en', headers: string[], fileName: string) {
  const rows = [headers, ...report.errors.map((e) => [String(e.line), e.column, e.value, locale === 'en' ? e.en : e.fr])];
  const url = URL.createObjectURL(new Blob([toCsv(rows)], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const busy = (state: string | undefined) => state === 'validating' || state === 'loading';

/** `/imports/:id`: preview, mapping, check, error report, loading, with progress. */
export function ImportPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org, canWrite } = useWorkspace();
  const queryClient = useQueryClient();
  const base = `/api/organisations/${seg(org.id)}/imports/${seg(id)}`;
  const view = useQuery({ queryKey: ['organisations', org.id, 'imports', id], queryFn: () => get<ImportView>(base) });
  // While the server works, its progress is read twice a second.
  const status = useQuery({
    queryKey: ['organisations', org.id, 'imports', id, 'status'],
    queryFn: () => get<ImportStatus>(`${base}/status`),
    enabled: view.isSuccess,
    refetchInterval: (q) => (busy(q.state.data?.state ?? view.data?.state) ? 500 : false),
  });
  const current = status.data ?? view.data;
  const state = current?.state;
  const errors = useQuery({
    queryKey: ['organisations', org.id, 'imports', id, 'errors', current?.errorCount],
    queryFn: () => get<ImportErrors>(`${base}/errors`),
    enabled: state === 'invalid',
  });
  const [mapping, setMapping] = useState<(string | null)[] | null>(null);
  const chosen = mapping ?? view.data?.mapping ?? view.data?.suggestedMapping ?? [];
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['organisations', org.id, 'imports', id] });
  };
  const validate = useMutation({ mutationFn: () => post<ImportView>(`${base}/validate`, { mapping: chosen }), onSuccess: refresh });
  const otherSheet = useMutation({
    mutationFn: async (sheet: string) => {
      const sent = lastSent!;
      const query = new URLSearchParams(sent.query);
      query.set('sheet', sheet);
      const next = await uploadFile(org.id, query, sent.file);
      lastSent = { importId: next.id, file: sent.file, query: sent.query };
      return next;
    },
    onSuccess: (next) => navigate(importPath(next.id)),
  });
  const commit = useMutation({
    mutationFn: () => post<ImportView>(`${base}/commit`),
    onSuccess: async () => {
      await refresh();
      await queryClient.invalidateQueries({ queryKey: keys.campaigns(org.id) });
      await queryClient.invalidateQueries({ queryKey: keys.activity(org.id) });
    },
  });

  if (view.isPending) return <PageLoader />;
  if (view.isError) return <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />;
  const v = view.data;
  const targetLabel = (target: { id: string; labelFr: string; labelEn: string }) => {
    if (v.kind === 'activity') return t(`imports.field${target.id === 'indicator' ? 'Indicator' : target.id === 'period' ? 'Period' : 'Value'}`);
    return locale === 'en' ? target.labelEn : target.labelFr;
  };
  const options = [
    { value: '', label: t('imports.ignore') },
    ...v.targets.map((target) => ({
      value: target.id,
      label: `${targetLabel(target)}${target.required ? ` (${t('imports.required')})` : ''}`,
    })),
  ];
  const details = [
    v.encoding && t('imports.encoding', { value: v.encoding }),
    v.delimiter && t('imports.delimiter', { value: v.delimiter === '\t' ? t('imports.tab') : v.delimiter }),
    v.sheet && t('imports.sheet', { value: v.sheet }),
  ].filter(Boolean);
  const nf = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR');
  const percent = current && current.total > 0 ? Math.round((100 * current.processed) / current.total) : 0;
  const editable = canWrite && !busy(state) && state !== 'loaded';

  return (
    <>
      <PageHeader
        title={t('imports.title')}
        description={
          <>
            <Text span fw={600}>
              {v.fileName || '—'}
            </Text>{' '}
            · {t('imports.detected', { lines: nf.format(v.lineCount), format: v.format.toUpperCase() })}
            {details.length > 0 && ` · ${details.join(' · ')}`}
          </>
        }
        actions={
          <Button component={Link} to={importPath()} variant="default">
            {t('imports.another')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg">
          {v.format === 'xlsx' && v.sheets.length > 1 && lastSent?.importId === v.id && editable && (
            <Select
              label={t('imports.chooseSheet')}
              data={v.sheets}
              value={v.sheet}
              allowDeselect={false}
              maw={360}
              mb="md"
              disabled={otherSheet.isPending}
              onChange={(sheet) => sheet && sheet !== v.sheet && otherSheet.mutate(sheet)}
            />
          )}
          {otherSheet.isError && <ErrorAlert error={otherSheet.error} />}
          <Title order={2} fz={17} mb={4}>
            {t('imports.mapping')}
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            {t('imports.mappingIntro')}
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table verticalSpacing="xs" aria-label={t('imports.mapping')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.column')}</Table.Th>
                  <Table.Th>{t('imports.target')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.headers.map((h, i) => (
                  <Table.Tr key={i}>
                    <Table.Td fw={600}>{h}</Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={`${t('imports.target')} : ${h}`}
                        data={options}
                        value={chosen[i] ?? ''}
                        disabled={!editable}
                        allowDeselect={false}
                        data-testid={`import-map-${i}`}
                        onChange={(value) => {
                          const next = [...chosen];
                          next[i] = value ? value : null;
                          setMapping(next);
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {validate.isError && <ErrorAlert error={validate.error} />}
          {editable && (
            <Group mt="md">
              <Button onClick={() => validate.mutate()} loading={validate.isPending} data-testid="import-validate">
                {t('imports.validate')}
              </Button>
            </Group>
          )}
        </Card>

        {busy(state) && current && (
          <Card withBorder radius="md" padding="lg" aria-live="polite">
            <Text size="sm" mb={8}>
              {state === 'validating'
                ? t('imports.validating', { processed: nf.format(current.processed), total: nf.format(current.total) })
                : current.processed * 2 >= current.total
                  ? t('imports.saving')
                  : t('imports.loading', { percent })}
            </Text>
            <Progress value={percent} animated size="lg" aria-label={t('imports.title')} data-testid="import-progress" />
          </Card>
        )}

        {current?.failure && state !== 'loaded' && (
          <Alert color="red" title={t('imports.failedTitle')}>
            {locale === 'en' ? current.failure.en : current.failure.fr}
          </Alert>
        )}

        {state === 'invalid' && current && (
          <Card withBorder radius="md" padding="lg" data-testid="import-errors">
            <Title order={2} fz={17} mb={4} c="red.8">
              {t('imports.invalidTitle', { lines: nf.format(current.errorLines), errors: nf.format(current.errorCount) })}
            </Title>
            <Text size="sm" mb="md">
              {t('imports.invalidText')}
            </Text>
            {errors.isPending ? (
              <PageLoader />
            ) : errors.isError ? (
              <ErrorAlert error={errors.error} onRetry={() => void errors.refetch()} />
            ) : (
              <>
                {errors.data.errors.length < errors.data.errorCount && (
                  <Text size="sm" c="dimmed" mb="xs">
                    {t('imports.moreErrors', { shown: nf.format(errors.data.errors.length) })}
                  </Text>
                )}
                <Group mb="sm">
                  <Button
                    variant="light"
                    onClick={() =>
                      downloadErrors(errors.data, locale, [t('imports.line'), t('imports.column'), t('imports.value'), t('imports.reason')], t('imports.errorsFile'))
                    }
                  >
                    {t('imports.download')}
                  </Button>
                </Group>
                <Table.ScrollContainer minWidth={520} mah={420}>
                  <Table striped verticalSpacing="xs" aria-label={t('imports.invalidText')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('imports.line')}</Table.Th>
                        <Table.Th>{t('imports.column')}</Table.Th>
                        <Table.Th>{t('imports.value')}</Table.Th>
                        <Table.Th>{t('imports.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {errors.data.errors.slice(0, 1000).map((e, i) => (
                        <Table.Tr key={i} data-testid="import-error-row">
                          <Table.Td>{e.line}</Table.Td>
                          <Table.Td>{e.column}</Table.Td>
                          <Table.Td>{e.value}</Table.Td>
                          <Table.Td>{locale === 'en' ? e.en : e.fr}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </>
            )}
          </Card>
        )}

        {state === 'valid' && canWrite && (
          <Alert color="teal" title={t('imports.validTitle')} data-testid="import-valid">
            <Text size="sm" mb="sm">
              {t('imports.validText', { lines: nf.format(v.lineCount) })}
            </Text>
            {commit.isError && <ErrorAlert error={commit.error} />}
            <Button onClick={() => commit.mutate()} loading={commit.isPending} data-testid="import-commit">
              {t('imports.load', { lines: nf.format(v.lineCount) })}
            </Button>
          </Alert>
        )}

        {state === 'loaded' && current && (
          <Alert color="teal" title={t('imports.loadedTitle')} data-testid="import-loaded">
            <Text size="sm">{t('imports.loadedText', { inserted: nf.format(current.inserted) })}</Text>
            {current.skipped > 0 && <Text size="sm">{t('imports.skippedText', { skipped: nf.format(current.skipped) })}</Text>}
            <Button component={Link} to={v.kind === 'activity' ? paths.activity : paths.campaigns} variant="light" mt="sm">
              {v.kind === 'activity' ? t('imports.toActivity') : t('imports.toCampaigns')}
            </Button>
          </Alert>
        )}

        <Card withBorder radius="md" padding={0}>
          <Title order={2} fz={17} p="md" pb={0}>
            {t('imports.preview')}
          </Title>
          <Table.ScrollContainer minWidth={520}>
            <Table striped verticalSpacing="xs" horizontalSpacing="md" aria-label={t('imports.preview')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('imports.line')}</Table.Th>
                  {v.headers.map((h, i) => (
                    <Table.Th key={i}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {v.preview.map((row) => (
                  <Table.Tr key={row.line}>
                    <Table.Td c="dimmed">{row.line}</Table.Td>
                    {row.cells.map((c, i) => (
                      <Table.Td key={i}>{c === null ? '' : String(c)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
    </>
  );
}
