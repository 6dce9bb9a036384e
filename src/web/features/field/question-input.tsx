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
  NumberInput,
  Radio,
  Stack,
  Text,
  Textarea,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldQuestionnaire, QuestionType } from '../../api/types.ts';
import { useLabel } from '../../i18n/use-locale.ts';

export type FieldQuestion = FieldQuestionnaire['questions'][number];
export type AnswerValue = string | number | string[];

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
      value={value === undefined ? '' : String(value)}
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

const renderers: Partial<Record<QuestionType, Renderer>> = {
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
