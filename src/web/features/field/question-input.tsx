/**
 * One question of a questionnaire as a form field, for field collection. Each question type is
 * one entry of `renderers`: adding a type means adding its entry (and, if its value is not a
 * string, a number or a list of strings, a case in `isAnswered`). A type without an entry is
 * shown with a notice and left unanswered, so the rest of the form still works.
 */
import {
  Alert,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldQuestionnaire, QuestionType } from '../../api/types.ts';
import { useLabel } from '../../i18n/use-locale.ts';

export type FieldQuestion = FieldQuestionnaire['questions'][number];
/** A ranking's ranks and a grid's rows are sent as `{ part: value }`. */
export type AnswerValue = string | number | string[] | Record<string, string>;

interface RendererProps {
  question: FieldQuestion;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  label: ReactNode;
  description: string | undefined;
  error: string | undefined;
}

type Renderer = (props: RendererProps) => ReactNode;

function Options({ question }: { question: FieldQuestion }) {
  const label = useLabel();
  return question.options.map((o) => <Radio key={o.value} value={o.value} label={label(o)} />);
}

function Scale({ question, value, onChange, label, description, error }: RendererProps) {
  const min = question.min ?? 0;
  const max = question.max ?? 10;
  const points = Array.from({ length: Math.max(0, Math.round(max - min) + 1) }, (_, i) => min + i);
  return (
    <Radio.Group
      label={label}
      description={description}
      error={error}
      value={pointOf(value)}
      onChange={(v) => onChange(v === '' ? undefined : Number(v))}
    >
      <Group gap="md" mt={6}>
        {points.map((p) => (
          <Radio key={p} value={String(p)} label={String(p)} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function MultipleChoice({ question, value, onChange, label, description, error }: RendererProps) {
  const text = useLabel();
  return (
    <Checkbox.Group
      label={label}
      description={description}
      error={error}
      value={Array.isArray(value) ? value : []}
      onChange={(v) => onChange(v.length > 0 ? v : undefined)}
    >
      <Stack gap={8} mt={6}>
        {question.options.map((o) => (
          <Checkbox key={o.value} value={o.value} label={text(o)} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** A scale's or faces' chosen point, as the radio group reads it. */
const pointOf = (value: AnswerValue | undefined): string => (typeof value === 'number' || typeof value === 'string' ? String(value) : '');

const partOf = (value: AnswerValue | undefined, part: string): string =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value[part] ?? '') : '';

/** Sets one part of a ranking or grid answer; an answer left with no part is no answer. */
function withPart(value: AnswerValue | undefined, part: string, v: string): AnswerValue | undefined {
  const current = value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  if (v === '') delete current[part];
  else current[part] = v;
  return Object.keys(current).length > 0 ? current : undefined;
}

// The faces of the respondent page, drawn the same way: a mouth from sad to glad.
const MOUTHS = ['M8 18q4-5 8 0', 'M8 17.5q4-2.5 8 0', 'M8 16h8', 'M8 15.5q4 2.5 8 0', 'M8 15q4 5 8 0'];
function Face({ mouth }: { mouth: number }) {
  return (
    <svg viewBox="0 0 24 24" width={36} height={36} aria-hidden focusable="false">
      <circle cx="12" cy="12" r="10.5" fill="#fff7d6" stroke="currentColor" strokeWidth="1.5" />
      <circle cx="8.5" cy="9.5" r="1.3" fill="currentColor" />
      <circle cx="15.5" cy="9.5" r="1.3" fill="currentColor" />
      <path d={MOUTHS[mouth]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

function Faces({ question, value, onChange, label, description, error }: RendererProps) {
  const { t } = useTranslation();
  const three = (question.max ?? 5) - (question.min ?? 1) + 1 === 3;
  const words = three ? [t('field.face3_1'), t('field.face3_2'), t('field.face3_3')] : [1, 2, 3, 4, 5].map((n) => t(`field.face5_${n}` as 'field.face5_1'));
  const mouths = three ? [0, 2, 4] : [0, 1, 2, 3, 4];
  return (
    <Radio.Group label={label} description={description} error={error} value={pointOf(value)} onChange={(v) => onChange(v === '' ? undefined : Number(v))}>
      <Group gap="md" mt={6}>
        {words.map((word, i) => (
          <Radio
            key={word}
            value={String(i + 1)}
            label={
              <Stack gap={0} align="center">
                <Face mouth={mouths[i]!} />
                <span>{word}</span>
              </Stack>
            }
          />
        ))}
      </Group>
    </Radio.Group>
  );
}

function Grid({ question, value, onChange, label, description, error }: RendererProps) {
  const text = useLabel();
  return (
    <Stack gap={6} role="group" aria-label={typeof label === 'string' ? label : undefined}>
      <Text fw={500} size="sm">
        {label}
      </Text>
      {description && (
        <Text size="xs" c="dimmed">
          {description}
        </Text>
      )}
      {question.items.map((item) => (
        <Radio.Group key={item.value} label={text(item)} value={partOf(value, item.value)} onChange={(v) => onChange(withPart(value, item.value, v))}>
          <Group gap="md" mt={4}>
            {question.options.map((o) => (
              <Radio key={o.value} value={o.value} label={text(o)} />
            ))}
          </Group>
        </Radio.Group>
      ))}
      {error && (
        <Text c="red.9" size="sm">
          {error}
        </Text>
      )}
    </Stack>
  );
}

function Ranking({ question, value, onChange, label, description, error }: RendererProps) {
  const { t } = useTranslation();
  const text = useLabel();
  const ranks = question.options.map((_, i) => String(i + 1));
  return (
    <Stack gap={6}>
      <Text fw={500} size="sm">
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {description ?? t('field.rankHint', { count: ranks.length })}
      </Text>
      {question.options.map((o) => (
        <NativeSelect
          key={o.value}
          label={text(o)}
          value={partOf(value, o.value)}
          onChange={(e) => onChange(withPart(value, o.value, e.currentTarget.value))}
          data={[{ value: '', label: t('field.rank') }, ...ranks.map((r) => ({ value: r, label: r }))]}
          maw={320}
        />
      ))}
      {error && (
        <Text c="red.9" size="sm">
          {error}
        </Text>
      )}
    </Stack>
  );
}

const renderers: Partial<Record<QuestionType, Renderer>> = {
  faces: (props) => <Faces {...props} />,
  grid: (props) => <Grid {...props} />,
  ranking: (props) => <Ranking {...props} />,
  date: ({ value, onChange, label, description, error }) => (
    <TextInput
      type="date"
      label={label}
      description={description}
      error={error}
      min="1900-01-01"
      max="2100-12-31"
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      maw={240}
    />
  ),
  single: ({ question, value, onChange, label, description, error }) => (
    <Radio.Group
      label={label}
      description={description}
      error={error}
      value={typeof value === 'string' ? value : ''}
      onChange={(v) => onChange(v === '' ? undefined : v)}
    >
      <Stack gap={8} mt={6}>
        <Options question={question} />
      </Stack>
    </Radio.Group>
  ),
  multiple: (props) => <MultipleChoice {...props} />,
  scale: (props) => <Scale {...props} />,
  number: ({ question, value, onChange, label, description, error }) => (
    <NumberInput
      label={label}
      description={description}
      error={error}
      min={question.min ?? undefined}
      max={question.max ?? undefined}
      value={typeof value === 'number' ? value : ''}
      onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      maw={240}
    />
  ),
  text: ({ value, onChange, label, description, error }) => (
    <Textarea
      label={label}
      description={description}
      error={error}
      autosize
      minRows={2}
      maxLength={5000}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
    />
  ),
};

/** True when the value counts as an answer (not empty). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some((v) => v !== '');
  return Number.isFinite(value);
}

export function canRender(type: string): boolean {
  return type in renderers;
}

export function QuestionInput({
  question,
  number,
  value,
  onChange,
  error,
}: {
  question: FieldQuestion;
  number: number;
  value: AnswerValue | undefined;
  onChange: (value: AnswerValue | undefined) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const text = useLabel();
  const render = renderers[question.type];
  const label = (
    <>
      {number}. {text(question)}
      {question.required ? (
        <>
          <Text span c="red.9" aria-hidden>
            {' '}
            *
          </Text>
          <VisuallyHidden> ({t('questionnaire.requiredMark')})</VisuallyHidden>
        </>
      ) : null}
    </>
  );
  if (!render) {
    return (
      <Alert color="yellow" variant="light" title={`${number}. ${text(question)}`}>
        {t('field.unsupportedType')}
      </Alert>
    );
  }
  return (
    <div data-testid={`field-question-${number}`}>
      {render({
        question,
        value,
        onChange,
        label,
        description: question.helpFr || undefined,
        error,
      })}
    </div>
  );
}
