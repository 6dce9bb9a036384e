import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Campaign, Questionnaire } from '../../api/types.ts';
import { formatDate, formatInteger } from '../../format/index.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconCampaign, IconCheck, IconInfo, IconPencil } from '../../ui/icons.tsx';
import { PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { QuestionnaireBuilder, useLanguageName } from './questionnaire-builder.tsx';
import { AnswerShape, QuestionHeading, QuestionnairePreview, useConditionText } from './questionnaire-preview.tsx';
import { useQuestionnaires } from './questionnaires-page.tsx';
import { forgetRevision, peekRevision } from './revision-notice.ts';
import { VersionBadges } from './version-badges.tsx';

function useQuestionnaire(orgId: string, id: string) {
  return useQuery({
    queryKey: keys.questionnaire(orgId, id),
    queryFn: () => get<Questionnaire>(`/api/organisations/${seg(orgId)}/questionnaires/${seg(id)}`),
  });
}

/** The builder, prefilled with a questionnaire; a superseded one cannot be changed. */
export function QuestionnaireEditPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { org, canWrite } = useWorkspace();
  const query = useQuestionnaire(org.id, id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const q = query.data;
  if (q.superseded || !canWrite) {
    return (
      <>
        <PageHeader title={q.title} />
        <Alert variant="light" color="yellow" icon={<IconInfo />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {q.superseded
                ? t('questionnaireVersions.supersededNoEdit')
                : t('questionnaireVersions.cannotEdit')}
            </Text>
            <Anchor component={Link} to={paths.questionnaire(q.id)} size="sm">
              {t('common.back')}
            </Anchor>
          </Stack>
        </Alert>
      </>
    );
  }
  return <QuestionnaireBuilder key={q.id} existing={q} />;
}

/** A questionnaire as respondents will see it, with each question's tie to an indicator. */
export function QuestionnairePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useLabel();
  const { org, canWrite } = useWorkspace();
  const query = useQuestionnaire(org.id, id);
  const list = useQuestionnaires(org.id);
  const campaigns = useQuery({
    queryKey: keys.campaigns(org.id),
    queryFn: () => get<Campaign[]>(`/api/organisations/${seg(org.id)}/campaigns`),
  });
  const conditionText = useConditionText();
  const languageName = useLanguageName();
  const [previewing, setPreviewing] = useState(false);
  // What the save that led here did, shown once.
  const [revision] = useState(() => peekRevision(id));
  useEffect(() => forgetRevision(id), [id]);

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const q = query.data;
  const newer = list.data?.find((x) => x.previousId === q.id) ?? null;
  const older = q.previousId ? (list.data?.find((x) => x.id === q.previousId) ?? null) : null;
  // A campaign open on this questionnaire shows the real page; otherwise a preview here.
  const live = campaigns.data?.find((c) => c.questionnaireId === q.id && c.status === 'open');
  const refs = q.questions.map((x) => ({ ...x, ref: x.key }));
  const pages = q.sections.length > 0 ? q.sections : [null];
  return (
    <>
      <PageHeader
        title={q.title}
        description={
          <Group component="span" gap="xs" wrap="wrap">
            <VersionBadges questionnaire={q} />
            <span>
              {t('questionnaire.meta', {
                date: formatDate(q.createdAt, locale),
                count: q.responseCount,
                n: formatInteger(q.responseCount, locale),
              })}
            </span>
          </Group>
        }
        actions={
          <>
            <Button variant="default" component={Link} to={paths.questionnaires}>
              {t('common.back')}
            </Button>
            {live ? (
              <Button
                variant="default"
                component="a"
                href={live.publicPath}
                target="_blank"
                rel="noopener"
                data-testid="questionnaire-public-page"
              >
                {t('builder.preview.openPublic')}
              </Button>
            ) : (
              <Button variant="default" onClick={() => setPreviewing(true)}>
                {t('builder.preview.button')}
              </Button>
            )}
            {canWrite && !q.superseded && (
              <Button
                variant="default"
                component={Link}
                to={paths.editQuestionnaire(q.id)}
                leftSection={<IconPencil size={18} />}
              >
                {t('questionnaireVersions.edit')}
              </Button>
            )}
            {canWrite && !q.superseded && (
              <Button
                component={Link}
                to={paths.campaigns}
                leftSection={<IconCampaign size={18} />}
              >
                {t('questionnaire.launch')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        {revision && (
          <Alert
            variant="light"
            color="socle"
            icon={<IconCheck />}
            title={
              revision.newVersion
                ? t('questionnaireVersions.savedNewTitle', { version: revision.version })
                : t('questionnaireVersions.savedTitle')
            }
            data-testid="questionnaire-revision"
            role="status"
          >
            {revision.newVersion
              ? `${t('questionnaireVersions.savedNewText', { previous: revision.version - 1 })} ${
                  revision.movedCampaigns > 0
                    ? t('questionnaireVersions.moved', { count: revision.movedCampaigns })
                    : t('questionnaireVersions.movedNone')
                }`
              : t('questionnaireVersions.savedText')}
          </Alert>
        )}
        {q.superseded && (
          <Alert variant="light" color="gray" icon={<IconInfo />}>
            <Text size="sm">{t('questionnaireVersions.supersededText')}</Text>
            {newer && (
              <Anchor component={Link} to={paths.questionnaire(newer.id)} size="sm">
                {t('questionnaireVersions.openVersion', { version: newer.version })}
              </Anchor>
            )}
          </Alert>
        )}
        {older && !q.superseded && (
          <Text size="sm" c="dimmed">
            {t('questionnaireVersions.previous', { version: older.version })}{' '}
            <Anchor component={Link} to={paths.questionnaire(older.id)} size="sm">
              {t('questionnaireVersions.openVersion', { version: older.version })}
            </Anchor>
          </Text>
        )}
        {q.introFr && (
          <Card withBorder radius="md" padding="lg" bg="socle.0">
            <Text style={{ whiteSpace: 'pre-line' }}>{q.introFr}</Text>
          </Card>
        )}
        {(q.languages.length > 0 || q.questions.some((x) => x.easyFr)) && (
          <Text size="sm" c="dimmed" data-testid="questionnaire-languages">
            {t('questionnaire.languages', {
              list: ['fr', ...q.languages].map(languageName).join(', '),
            })}
            {q.questions.some((x) => x.easyFr) ? ` · ${t('builder.easy.label')}` : ''}
          </Text>
        )}
        {pages.map((section, s) => (
          <Stack
            key={s}
            gap="md"
            component="section"
            aria-label={section?.titleFr || t('builder.section.n', { n: s + 1 })}
          >
            {section && (
              <div>
                <Title order={2} fz={18}>
                  {t('builder.section.n', { n: s + 1 })}
                  {section.titleFr ? ` — ${section.titleFr}` : ''}
                </Title>
                {section.introFr && <Text size="sm">{section.introFr}</Text>}
              </div>
            )}
            {q.questions.map((question, index) =>
              section && question.section !== s ? null : (
                <Card key={question.id} withBorder radius="md" padding="lg">
                  <QuestionHeading number={index + 1} label={label(question)} required={question.required} type={question.type} order={section ? 3 : 2} />
                  {question.helpFr && (
                    <Text size="sm" c="dimmed" mt={4}>
                      {question.helpFr}
                    </Text>
                  )}
                  {question.easyFr && (
                    <Text size="sm" mt={4}>
                      <Text span fw={600}>
                        {t('builder.preview.easy')}
                      </Text>{' '}
                      {question.easyFr}
                    </Text>
                  )}
                  {question.showIf && (
                    <Text size="sm" mt={4} c="socle.8" data-testid="question-condition">
                      {t('builder.condition.shownIf', {
                        words: conditionText(question.showIf, refs),
                      })}
                    </Text>
                  )}
                  {(question.type === 'single' ||
                    question.type === 'multiple' ||
                    question.type === 'ranking') &&
                    question.options.length > 0 && (
                      <List
                        size="sm"
                        mt="sm"
                        spacing={2}
                        type={question.type === 'ranking' ? 'ordered' : 'unordered'}
                      >
                        {question.options.map((o) => (
                          <List.Item key={o.value}>
                            {label(o)}{' '}
                            <Text component="span" size="xs" c="dimmed" ff="monospace">
                              ({o.value})
                            </Text>
                          </List.Item>
                        ))}
                      </List>
                    )}
                  {(question.type === 'grid' || question.type === 'faces') && (
                    <Stack mt="sm">
                      <AnswerShape q={question} />
                    </Stack>
                  )}
                  {(question.type === 'number' || question.type === 'scale') &&
                    (question.min !== null || question.max !== null) && (
                      <Text size="sm" mt="sm">
                        {t('questionnaire.range', {
                          min: question.min ?? '—',
                          max: question.max ?? '—',
                        })}
                      </Text>
                    )}
                  {question.indicator && (
                    <Group gap={6} mt="sm">
                      <Text size="xs" c="dimmed">
                        {t('questionnaire.tiedTo')}
                      </Text>
                      <Badge size="sm" variant="outline">
                        {question.indicator.code}
                      </Badge>
                    </Group>
                  )}
                </Card>
              ),
            )}
          </Stack>
        ))}
      </Stack>
      <Modal
        opened={previewing}
        onClose={() => setPreviewing(false)}
        title={t('builder.preview.title')}
        size="xl"
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('builder.preview.note')}
          </Text>
          {previewing && <QuestionnairePreview data={q} />}
        </Stack>
      </Modal>
    </>
  );
}
