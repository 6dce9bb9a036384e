import { Badge, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Condition } from '../../../domain/conditions.ts';
import type { QuestionType } from '../../api/types.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { conditionWords } from './builder-model.ts';
import { FacesPreview } from './faces.tsx';

type Labelled = { value: string; labelFr: string; labelEn: string };
export interface PreviewQuestion {
  key: string;
  section: number;
  type: QuestionType;
  labelFr: string;
  labelEn: string;
  helpFr: string;
  easyFr: string;
  required: boolean;
  options: readonly Labelled[];
  items: readonly Labelled[];
  min?: number | null;
  max?: number | null;
  showIf: Condition | null;
}
export interface PreviewData {
  title: string;
  introFr: string;
  sections: readonly { titleFr: string; introFr: string }[];
  questions: readonly PreviewQuestion[];
}

/** A condition in words, naming questions by their number and label. */
export function useConditionText() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (c: Condition, questions: Parameters<typeof conditionWords>[1]): string =>
    conditionWords(c, questions, locale, (n, label) =>
      n === null
        ? t('builder.condition.removedQuestion')
        : t('builder.condition.name', { n, label }),
    );
}

/** How a question is answered, in a few lines: its choices, its grid, its faces… */
export function AnswerShape({ q }: { q: PreviewQuestion }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = (o: Labelled) => (locale === 'en' && o.labelEn) || o.labelFr;
  switch (q.type) {
    case 'single':
    case 'multiple':
      return (
        <List size="sm" spacing={2} listStyleType="none">
          {q.options.map((o) => (
            <List.Item key={o.value}>
              {q.type === 'single' ? '○' : '☐'} {label(o)}
            </List.Item>
          ))}
        </List>
      );
    case 'ranking':
      return (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('builder.preview.ranking')}
          </Text>
          <List size="sm" spacing={2} type="ordered">
            {q.options.map((o) => (
              <List.Item key={o.value}>{label(o)}</List.Item>
            ))}
          </List>
        </Stack>
      );
    case 'grid':
      return (
        <Table withTableBorder fz="sm" style={{ width: 'auto' }}>
          <Table.Thead>
            <Table.Tr>
              <Table.Td />
              {q.options.map((o) => (
                <Table.Th key={o.value} scope="col">
                  {label(o)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.items.map((it) => (
              <Table.Tr key={it.value}>
                <Table.Th scope="row">{label(it)}</Table.Th>
                {q.options.map((o) => (
                  <Table.Td key={o.value} ta="center" aria-hidden="true">
                    ○
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    case 'faces':
      return <FacesPreview count={(q.max ?? 5) - (q.min ?? 1) + 1} />;
    case 'scale':
      return (
        <Text size="sm">{t('questionnaire.range', { min: q.min ?? 1, max: q.max ?? 5 })}</Text>
      );
    case 'number':
      return q.min != null || q.max != null ? (
        <Text size="sm">{t('questionnaire.range', { min: q.min ?? '—', max: q.max ?? '—' })}</Text>
      ) : null;
    case 'date':
      return (
        <Text size="sm" c="dimmed">
          {t('builder.preview.date')}
        </Text>
      );
    case 'text':
      return (
        <Text size="sm" c="dimmed">
          {t('builder.preview.text')}
        </Text>
      );
  }
}

/**
 * The questionnaire as respondents will go through it: one block per section (one page each),
 * the questions in order, and when a question shows only on some answers, that in words.
 */
export function QuestionnairePreview({ data }: { data: PreviewData }) {
  const { t } = useTranslation();
  const conditionText = useConditionText();
  const refs = data.questions.map((q) => ({ ...q, ref: q.key }));
  const pages = data.sections.length > 0 ? data.sections : [{ titleFr: '', introFr: '' }];
  return (
    <Stack gap="lg" data-testid="questionnaire-preview">
      <Title order={2} fz={22}>
        {data.title || t('builder.preview.untitled')}
      </Title>
      {data.introFr && <Text style={{ whiteSpace: 'pre-line' }}>{data.introFr}</Text>}
      {pages.map((section, s) => {
        const questions = data.questions
          .map((q, i) => ({ q, n: i + 1 }))
          .filter(({ q }) => (data.sections.length > 0 ? q.section === s : true));
        return (
          <Stack
            key={s}
            gap="sm"
            component="section"
            aria-label={section.titleFr || t('builder.section.n', { n: s + 1 })}
          >
            {data.sections.length > 0 && (
              <div>
                <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                  {t('builder.preview.page', { n: s + 1, count: pages.length })}
                </Text>
                <Title order={3} fz={18}>
                  {section.titleFr || t('builder.section.n', { n: s + 1 })}
                </Title>
                {section.introFr && <Text size="sm">{section.introFr}</Text>}
              </div>
            )}
            {questions.map(({ q, n }) => (
              <Card key={q.key} withBorder radius="md" padding="md">
                <Stack gap={6}>
                  <QuestionHeading number={n} label={q.labelFr} required={q.required} type={q.type} />
                  {q.helpFr && (
                    <Text size="sm" c="dimmed">
                      {q.helpFr}
                    </Text>
                  )}
                  {q.easyFr && (
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('builder.preview.easy')}
                      </Text>{' '}
                      {q.easyFr}
                    </Text>
                  )}
                  {q.showIf && (
                    <Text size="sm" c="socle.8" data-testid="preview-condition">
                      {t('builder.condition.shownIf', { words: conditionText(q.showIf, refs) })}
                    </Text>
                  )}
                  <AnswerShape q={q} />
                </Stack>
              </Card>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}

/** A question's number, wording, required mark and kind, as the questionnaire page and the preview show it. */
export function QuestionHeading({ number, label, required, type, order }: { number: number; label: string; required: boolean; type: QuestionType; order?: 2 | 3 }) {
  const { t } = useTranslation();
  const text = (
    <>
      {number}. {label}
      {required && (
        <Text component="span" c="red" ml={4} aria-label={t('questionnaire.requiredMark')}>
          *
        </Text>
      )}
    </>
  );
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
      {order ? (
        <Title order={order} fz={16} fw={600}>
          {text}
        </Title>
      ) : (
        <Text fw={600}>{text}</Text>
      )}
      <Badge variant="light" color="gray" style={{ flex: 'none' }}>
        {t(`questionType.${type}`)}
      </Badge>
    </Group>
  );
}
