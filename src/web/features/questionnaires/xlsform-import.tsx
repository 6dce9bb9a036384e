import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { XlsFormImport } from '../../../contracts/xlsform.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { navigate, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconInfo } from '../../ui/icons.tsx';

const MAX_BYTES = 5 * 1024 * 1024;

function importUrl(orgId: string, file: File, save: boolean) {
  const query = new URLSearchParams({ filename: file.name, ...(save ? { save: 'true' } : {}) });
  return `/api/organisations/${seg(orgId)}/questionnaires/import-xlsform?${query.toString()}`;
}

/** A language's name in the reader's language: "ar" → "arabe". */
function languageName(code: string, locale: string) {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Choose an XLSForm, see what it becomes and what is lost, then create the questionnaire. */
export function XlsFormImportModal({
  orgId,
  opened,
  onClose,
}: {
  orgId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const queryClient = useQueryClient();
  const preview = useMutation({
    mutationFn: (f: File) => api<XlsFormImport>('POST', importUrl(orgId, f, false), f),
  });
  const create = useMutation({
    mutationFn: (f: File) => api<XlsFormImport>('POST', importUrl(orgId, f, true), f),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: keys.questionnaires(orgId) });
      close();
      if (result.created) navigate(paths.questionnaire(result.created.id));
    },
  });
  const tooLarge = file !== null && file.size > MAX_BYTES;

  function choose(f: File | null) {
    setFile(f);
    preview.reset();
    create.reset();
    if (f && f.size <= MAX_BYTES) preview.mutate(f);
  }
  function close() {
    setFile(null);
    preview.reset();
    create.reset();
    onClose();
  }

  const result = preview.data;
  return (
    <Modal opened={opened} onClose={close} size="xl" title={t('xlsform.title')}>
      <Stack gap="md">
        <Text size="sm">{t('xlsform.intro')}</Text>
        <FileInput
          label={t('xlsform.file')}
          placeholder={t('xlsform.filePlaceholder')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={choose}
          clearable
          error={tooLarge ? t('xlsform.tooLarge') : undefined}
          data-testid="xlsform-file"
        />
        {preview.isPending && (
          <Group gap="sm" role="status">
            <Loader size="sm" />
            <Text size="sm">{t('xlsform.reading')}</Text>
          </Group>
        )}
        <ErrorAlert error={preview.error} />
        {result && <Preview result={result} />}
        <ErrorAlert error={create.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('xlsform.cancel')}
          </Button>
          <Button
            disabled={!file || !result || result.questionnaire.questions.length === 0}
            loading={create.isPending}
            onClick={() => file && create.mutate(file)}
          >
            {t('xlsform.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Preview({ result }: { result: XlsFormImport }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const { questionnaire: q, report } = result;
  const english = i18n.language === 'en';
  return (
    <Stack gap="md" data-testid="xlsform-preview">
      <div>
        <Title order={3} size="h4">
          {q.title}
        </Title>
        {q.introFr && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-line' }}>
            {q.introFr}
          </Text>
        )}
      </div>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('xlsform.languages')}
        </Text>
        <Badge variant="light">{languageName('fr', locale)}</Badge>
        {q.languages.length === 0 ? (
          <Text size="sm" c="dimmed">
            ({t('xlsform.noOtherLanguage')})
          </Text>
        ) : (
          q.languages.map((code) => (
            <Badge key={code} variant="light" color="gray">
              {languageName(code, locale)}
            </Badge>
          ))
        )}
      </Group>
      {q.questions.length === 0 ? (
        <Alert color="orange" variant="light" icon={<IconInfo />}>
          {t('xlsform.noQuestion')}
        </Alert>
      ) : (
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {t('xlsform.sections')} · {t('xlsform.questionCount', { count: q.questions.length })}
          </Text>
          {q.sections.map((section, index) => {
            const questions = q.questions.filter((question) => question.section === index);
            const title = (english && section.titleEn) || section.titleFr;
            return (
              <div key={index}>
                <Text fw={600} size="sm">
                  {index + 1}. {title || t('xlsform.untitledSection')}
                </Text>
                {section.introFr && (
                  <Text size="xs" c="dimmed">
                    {section.introFr}
                  </Text>
                )}
                <Stack component="ol" gap={4} mt={4} style={{ paddingInlineStart: '1.5rem' }}>
                  {questions.map((question) => (
                    <li key={question.key}>
                      <Group gap={6} wrap="wrap">
                        <Text size="sm">{(english && question.labelEn) || question.labelFr}</Text>
                        <Badge size="xs" variant="light">
                          {t(`xlsform.types.${question.type}`)}
                        </Badge>
                        {question.required && (
                          <Badge size="xs" variant="outline" color="gray">
                            {t('xlsform.required')}
                          </Badge>
                        )}
                        {question.showIf && (
                          <Badge size="xs" variant="outline" color="grape">
                            {t('xlsform.conditional')}
                          </Badge>
                        )}
                      </Group>
                    </li>
                  ))}
                </Stack>
              </div>
            );
          })}
        </Stack>
      )}
      {report.length === 0 ? (
        <Alert color="green" variant="light">
          {t('xlsform.reportEmpty')}
        </Alert>
      ) : (
        <Alert
          color="orange"
          variant="light"
          icon={<IconInfo />}
          title={t('xlsform.reportTitle', { count: report.length })}
        >
          <Table.ScrollContainer minWidth={400}>
            <Table verticalSpacing={4} data-testid="xlsform-report">
              <Table.Tbody>
                {report.map((item, i) => (
                  <Table.Tr key={i}>
                    <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                      <Text size="xs" c="dimmed">
                        {item.row > 0 ? `${t('xlsform.row')} ${item.row}` : t('xlsform.form')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{english ? item.en : item.fr}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Alert>
      )}
    </Stack>
  );
}
