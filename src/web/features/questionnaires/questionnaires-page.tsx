import { Anchor, Badge, Button, Card, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Questionnaire } from '../../api/types.ts';
import { formatDate, formatInteger } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { Link, navigate, paths } from '../../router.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { IconPencil, IconPlus, IconQuestionnaire } from '../../ui/icons.tsx';
import { Empty, PageHeader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { VersionBadges } from './version-badges.tsx';
import { XlsFormImportModal } from './xlsform-import.tsx';

export function useQuestionnaires(orgId: string) {
  return useQuery({
    queryKey: keys.questionnaires(orgId),
    queryFn: () => get<Questionnaire[]>(`/api/organisations/${seg(orgId)}/questionnaires`),
  });
}

export function QuestionnairesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { org, canWrite } = useWorkspace();
  const list = useQuestionnaires(org.id);
  const [importing, setImporting] = useState(false);
  const newButton = canWrite && (
    <Group gap="sm">
      <Button variant="default" onClick={() => setImporting(true)}>
        {t('xlsform.open')}
      </Button>
      <Button component={Link} to={paths.newQuestionnaire} leftSection={<IconPlus size={18} />}>
        {t('questionnaires.new')}
      </Button>
    </Group>
  );

  return (
    <>
      <PageHeader
        title={t('questionnaires.title')}
        description={t('questionnaires.intro')}
        actions={newButton}
      />
      {canWrite && (
        <XlsFormImportModal orgId={org.id} opened={importing} onClose={() => setImporting(false)} />
      )}
      <QueryView
        query={list}
        empty={
          <Card withBorder radius="md">
            <Empty
              icon={<IconQuestionnaire size={26} />}
              title={t('questionnaires.emptyTitle')}
              description={t('questionnaires.emptyText')}
              action={
                canWrite && (
                  <Button
                    onClick={() => navigate(paths.newQuestionnaire)}
                    leftSection={<IconPlus size={18} />}
                  >
                    {t('questionnaires.new')}
                  </Button>
                )
              }
            />
          </Card>
        }
      >
        {(data) => (
          <Card withBorder radius="md" p={0}>
            <Table.ScrollContainer minWidth={600}>
              <Table
                verticalSpacing="sm"
                horizontalSpacing="md"
                highlightOnHover
                aria-label={t('questionnaires.title')}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('questionnaires.name')}</Table.Th>
                    <Table.Th>{t('questionnaires.questions')}</Table.Th>
                    <Table.Th>{t('questionnaires.responses')}</Table.Th>
                    <Table.Th>{t('questionnaires.createdAt')}</Table.Th>
                    {canWrite && (
                      <Table.Th>
                        <span className="socle-sr-only">{t('questionnaireVersions.actions')}</span>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.map((q) => (
                    <Table.Tr
                      key={q.id}
                      data-testid={`questionnaire-row-${q.version}`}
                      style={q.superseded ? { opacity: 0.75 } : undefined}
                    >
                      <Table.Td>
                        <Group gap="xs" wrap="wrap">
                          <Anchor
                            component={Link}
                            to={paths.questionnaire(q.id)}
                            fw={600}
                            c={q.superseded ? 'dimmed' : undefined}
                          >
                            {q.title}
                          </Anchor>
                          <VersionBadges questionnaire={q} />
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray">
                          {q.questions.length}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatInteger(q.responseCount, locale)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {formatDate(q.createdAt, locale)}
                        </Text>
                      </Table.Td>
                      {canWrite && (
                        <Table.Td ta="right">
                          {!q.superseded && (
                            <Button
                              size="xs"
                              variant="subtle"
                              component={Link}
                              to={paths.editQuestionnaire(q.id)}
                              leftSection={<IconPencil size={14} />}
                              aria-label={t('questionnaireVersions.editNamed', {
                                title: q.title,
                              })}
                            >
                              {t('questionnaireVersions.edit')}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
      </QueryView>
    </>
  );
}
