import { Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { get, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Questionnaire } from '../../api/types.ts';
import { formatDate, formatInteger } from '../../format/index.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconCampaign } from '../../ui/icons.tsx';
import { PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';

/** A questionnaire as respondents will see it, with each question's tie to an indicator. */
export function QuestionnairePage({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = useLabel();
  const { org, canWrite } = useWorkspace();
  const query = useQuery({
    queryKey: keys.questionnaire(org.id, id),
    queryFn: () =>
      get<Questionnaire>(`/api/organisations/${seg(org.id)}/questionnaires/${seg(id)}`),
  });

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const q = query.data;
  return (
    <>
      <PageHeader
        title={q.title}
        description={t('questionnaire.meta', {
          date: formatDate(q.createdAt, locale),
          count: q.responseCount,
          n: formatInteger(q.responseCount, locale),
        })}
        actions={
          <>
            <Button variant="default" component={Link} to={paths.questionnaires}>
              {t('common.back')}
            </Button>
            {canWrite && (
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
        {q.introFr && (
          <Card withBorder radius="md" padding="lg" bg="socle.0">
            <Text style={{ whiteSpace: 'pre-line' }}>{q.introFr}</Text>
          </Card>
        )}
        {q.questions.map((question, index) => (
          <Card key={question.id} withBorder radius="md" padding="lg">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
              <Title order={2} fz={16} fw={600}>
                {index + 1}. {label(question)}
                {question.required && (
                  <Text
                    component="span"
                    c="red"
                    ml={4}
                    aria-label={t('questionnaire.requiredMark')}
                  >
                    *
                  </Text>
                )}
              </Title>
              <Badge variant="light" color="gray" style={{ flex: 'none' }}>
                {t(`questionType.${question.type}`)}
              </Badge>
            </Group>
            {question.helpFr && (
              <Text size="sm" c="dimmed" mt={4}>
                {question.helpFr}
              </Text>
            )}
            {question.options.length > 0 && (
              <List size="sm" mt="sm" spacing={2}>
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
            {(question.min !== null || question.max !== null) && (
              <Text size="sm" mt="sm">
                {t('questionnaire.range', { min: question.min ?? '—', max: question.max ?? '—' })}
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
        ))}
      </Stack>
    </>
  );
}
