import { Button, FileButton, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { seg, api, ifMatch } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Framework } from '../../api/types.ts';
import type { FrameworkExport } from '../../../contracts/framework-exports.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconArrowDown, IconArrowUp } from '../../ui/icons.tsx';

type Picked =
  { name: string; doc: FrameworkExport } | { name: string; error: 'notJson' | 'notFramework' };

function looksLikeFramework(value: unknown): value is FrameworkExport {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { format?: unknown }).format === 'socle-framework' &&
    Array.isArray((value as { indicators?: unknown }).indicators) &&
    Array.isArray((value as { nodes?: unknown }).nodes)
  );
}

/**
 * Export of the shown version (Word, Excel, JSON) and, for editors, import of a JSON export
 * into the draft.
 */
export function FrameworkExportMenu({
  frameworkId,
  versionId,
  canEdit,
  draftRevision,
  onImported,
}: {
  frameworkId: string;
  versionId: string | null;
  canEdit: boolean;
  /** The open draft's revision, if any: an import replaces what the person saw, or gets a 409. */
  draftRevision?: number | undefined;
  onImported?: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<Picked | null>(null);
  const importDoc = useMutation({
    mutationFn: (doc: FrameworkExport) =>
      api<Framework>('POST', `/api/frameworks/${seg(frameworkId)}/import`, doc, ifMatch(draftRevision)),
    onSuccess: async (framework) => {
      queryClient.setQueryData(keys.framework(frameworkId), framework);
      setPicked(null);
      onImported?.();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.framework(frameworkId) }),
        queryClient.invalidateQueries({ queryKey: ['organisations'] }),
      ]);
    },
  });

  const href = (format: 'docx' | 'xlsx' | 'json') => {
    const params = new URLSearchParams({ format, lang: locale });
    if (versionId) params.set('version', versionId);
    return `/api/frameworks/${seg(frameworkId)}/export?${params.toString()}`;
  };

  const pick = async (file: File | null) => {
    if (!file) return;
    importDoc.reset();
    try {
      const value: unknown = JSON.parse(await file.text());
      setPicked(
        looksLikeFramework(value)
          ? { name: file.name, doc: value }
          : { name: file.name, error: 'notFramework' },
      );
    } catch {
      setPicked({ name: file.name, error: 'notJson' });
    }
  };

  return (
    <>
      <Group gap="xs">
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button variant="default" leftSection={<IconArrowDown size={16} />}>
              {t('frameworkExport.export')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item component="a" href={href('docx')} download data-testid="export-docx">
              {t('frameworkExport.word')}
            </Menu.Item>
            <Menu.Item component="a" href={href('xlsx')} download data-testid="export-xlsx">
              {t('frameworkExport.excel')}
            </Menu.Item>
            <Menu.Item component="a" href={href('json')} download data-testid="export-json">
              {t('frameworkExport.json')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
        {canEdit && (
          <FileButton onChange={(file) => void pick(file)} accept="application/json,.json">
            {(props) => (
              <Button variant="default" leftSection={<IconArrowUp size={16} />} {...props}>
                {t('frameworkExport.import')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      <Modal
        opened={picked !== null}
        onClose={() => setPicked(null)}
        title={t('frameworkExport.importTitle')}
      >
        {picked && (
          <Stack gap="md">
            <Text size="sm" ff="monospace">
              {picked.name}
            </Text>
            {'error' in picked ? (
              <Text c="red" size="sm" role="alert">
                {t(`frameworkExport.${picked.error}`)}
              </Text>
            ) : (
              <>
                <Text size="sm">
                  {t('frameworkExport.importSummary', {
                    name: picked.doc.name,
                    indicators: picked.doc.indicators.length,
                    nodes: picked.doc.nodes.length,
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('frameworkExport.importWarning')}
                </Text>
                <ErrorAlert error={importDoc.error} />
                <Group justify="flex-end">
                  <Button variant="default" onClick={() => setPicked(null)}>
                    {t('common.cancel')}
                  </Button>
                  <Button
                    onClick={() => importDoc.mutate(picked.doc)}
                    loading={importDoc.isPending}
                  >
                    {t('frameworkExport.importConfirm')}
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        )}
      </Modal>
    </>
  );
}
