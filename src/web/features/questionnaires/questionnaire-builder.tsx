import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { post, seg, api, ifMatch } from '../../api/client.ts';
import { questionTypes } from '../../api/enums.ts';
import { keys, useAvailableIndicators } from '../../api/queries.ts';
import type { AvailableIndicator, Questionnaire, QuestionType } from '../../api/types.ts';
import { useLabel } from '../../i18n/use-locale.ts';
import { Link, navigate, paths } from '../../router.tsx';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { IconArrowDown, IconArrowUp, IconInfo, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { labelFromValue, optionValueOf, uniqueValues } from './option-value.ts';
import { rememberRevision, type QuestionnaireRevision } from './revision-notice.ts';

type OptionDraft = {
  key: string;
  labelFr: string;
  /** Kept as it was when editing: the builder writes French only. */
  labelEn: string;
  value: string;
  valueEdited: boolean;
};
type QuestionDraft = {
  key: string;
  type: QuestionType;
  labelFr: string;
  labelEn: string;
  helpFr: string;
  required: boolean;
  options: OptionDraft[];
  min: number | '';
  max: number | '';
  /** "frameworkId|code" of the tied indicator. */
  indicator: string | null;
};

let counter = 0;
const newKey = () => `k${++counter}`;
const newOption = (labelFr = '', value = ''): OptionDraft => ({
  key: newKey(),
  labelFr,
  labelEn: '',
  value: value || optionValueOf(labelFr),
  valueEdited: Boolean(value),
});
const newQuestion = (): QuestionDraft => ({
  key: newKey(),
  type: 'single',
  labelFr: '',
  labelEn: '',
  helpFr: '',
  required: true,
  options: [newOption(), newOption()],
  min: '',
  max: '',
  indicator: null,
});

/** An existing question as a draft; option values stay as they were (answers use them). */
const draftOf = (q: Questionnaire['questions'][number]): QuestionDraft => ({
  key: newKey(),
  type: q.type,
  labelFr: q.labelFr,
  labelEn: q.labelEn,
  helpFr: q.helpFr,
  required: q.required,
  options: q.options.map((o) => ({
    key: newKey(),
    labelFr: o.labelFr,
    labelEn: o.labelEn,
    value: o.value,
    valueEdited: true,
  })),
  min: q.min ?? '',
  max: q.max ?? '',
  indicator: q.indicator ? `${q.indicator.frameworkId}|${q.indicator.code}` : null,
});

const hasChoices = (type: QuestionType) => type === 'single' || type === 'multiple';
const hasRange = (type: QuestionType) => type === 'number' || type === 'scale';
const indicatorKey = (i: Pick<AvailableIndicator, 'frameworkId' | 'code'>) =>
  `${i.frameworkId}|${i.code}`;

function bodyOf(title: string, introFr: string, questions: QuestionDraft[]) {
  return {
    title: title.trim(),
    introFr: introFr.trim(),
    questions: questions.map((q) => {
      const [frameworkId, code] = q.indicator ? q.indicator.split('|') : [];
      const values = uniqueValues(q.options.map((o) => o.value));
      return {
        type: q.type,
        labelFr: q.labelFr.trim(),
        labelEn: q.labelEn.trim(),
        helpFr: q.helpFr.trim(),
        required: q.required,
        options: hasChoices(q.type)
          ? q.options.map((o, i) => ({
              value: values[i] ?? o.value,
              labelFr: o.labelFr.trim(),
              labelEn: o.labelEn.trim(),
            }))
          : [],
        ...(hasRange(q.type) && q.min !== '' ? { min: q.min } : {}),
        ...(hasRange(q.type) && q.max !== '' ? { max: q.max } : {}),
        indicator: frameworkId && code ? { frameworkId, code } : null,
      };
    }),
  };
}

/**
 * Writes a new questionnaire, or changes `existing`. A questionnaire that already has answers
 * is not changed in place: saving makes a new version (the server decides), and the builder
 * says so before saving.
 */
export function QuestionnaireBuilder({ existing }: { existing?: Questionnaire } = {}) {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const indicators = useAvailableIndicators(org.id);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [introFr, setIntroFr] = useState(existing?.introFr ?? '');
  const [questions, setQuestions] = useState<QuestionDraft[]>(() =>
    existing && existing.questions.length > 0 ? existing.questions.map(draftOf) : [newQuestion()],
  );
  const [confirming, setConfirming] = useState(false);
  const answered = existing !== undefined && existing.responseCount > 0;

  const create = useMutation({
    mutationFn: async (): Promise<Questionnaire | QuestionnaireRevision> => {
      const body = bodyOf(title, introFr, questions);
      return existing
        ? api<QuestionnaireRevision>(
            'PUT',
            `/api/organisations/${seg(org.id)}/questionnaires/${seg(existing.id)}`,
            body,
            // Someone else's edit in between answers 409 instead of being overwritten.
            ifMatch(existing.revision),
          )
        : post<Questionnaire>(`/api/organisations/${seg(org.id)}/questionnaires`, body);
    },
    onSuccess: async (questionnaire) => {
      setConfirming(false);
      if (existing && 'newVersion' in questionnaire) rememberRevision(questionnaire);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.questionnaires(org.id) }),
        queryClient.invalidateQueries({ queryKey: keys.campaigns(org.id) }),
      ]);
      navigate(paths.questionnaire(questionnaire.id));
    },
    onError: () => setConfirming(false),
  });
  const fieldError = useFieldErrors(create.error);

  const update = (key: string, change: (q: QuestionDraft) => QuestionDraft) =>
    setQuestions((qs) => qs.map((q) => (q.key === key ? change(q) : q)));
  const move = (index: number, by: -1 | 1) =>
    setQuestions((qs) => {
      const next = [...qs];
      const [item] = next.splice(index, 1);
      if (item) next.splice(index + by, 0, item);
      return next;
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (answered) setConfirming(true);
    else create.mutate();
  };
  const back = existing ? paths.questionnaire(existing.id) : paths.questionnaires;

  const tieable = (indicators.data ?? []).filter((i) => i.computation.type !== 'sum');

  return (
    <>
      <PageHeader
        title={
          existing
            ? t('questionnaireVersions.editTitle', { title: existing.title })
            : t('builder.title')
        }
        description={
          existing
            ? t('questionnaireVersions.editIntro', { version: existing.version })
            : t('builder.intro')
        }
        actions={
          <Button variant="default" component={Link} to={back}>
            {t('common.back')}
          </Button>
        }
      />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="lg">
          {answered && (
            <Alert
              variant="light"
              color="yellow"
              icon={<IconInfo />}
              title={t('questionnaireVersions.answeredTitle', {
                count: existing.responseCount,
              })}
              data-testid="questionnaire-answered"
            >
              {t('questionnaireVersions.answeredText', {
                count: existing.responseCount,
                version: existing.version + 1,
              })}
            </Alert>
          )}
          <Card withBorder radius="md" padding="lg">
            <Stack gap="md">
              <TextInput
                label={t('builder.titleField')}
                description={t('builder.titleHint')}
                required
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={fieldError('title')}
                maxLength={200}
              />
              <Textarea
                label={t('builder.introField')}
                description={t('builder.introHint')}
                autosize
                minRows={3}
                value={introFr}
                onChange={(e) => setIntroFr(e.currentTarget.value)}
                error={fieldError('introFr')}
                maxLength={2000}
              />
            </Stack>
          </Card>

          <Title order={2} fz={20}>
            {t('builder.questions')}
          </Title>
          {fieldError('questions') && (
            <Text c="red" size="sm" role="alert">
              {fieldError('questions')}
            </Text>
          )}
          {questions.map((q, index) => (
            <QuestionEditor
              key={q.key}
              question={q}
              index={index}
              count={questions.length}
              indicators={tieable}
              fieldError={(field) => fieldError(`questions.${index}.${field}`)}
              onChange={(change) => update(q.key, change)}
              onMove={(by) => move(index, by)}
              onRemove={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}
            />
          ))}
          <Group>
            <Button
              variant="light"
              leftSection={<IconPlus size={18} />}
              onClick={() => setQuestions((qs) => [...qs, newQuestion()])}
            >
              {t('builder.addQuestion')}
            </Button>
          </Group>
          <ErrorAlert error={create.error} />
          <Group justify="flex-end" gap="sm" className="socle-sticky-actions">
            <Button variant="default" component={Link} to={back}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={questions.length === 0}>
              {existing ? t('questionnaireVersions.save') : t('builder.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {existing && (
        <Modal
          opened={confirming}
          onClose={() => setConfirming(false)}
          title={t('questionnaireVersions.confirmTitle', { version: existing.version + 1 })}
          size="lg"
        >
          <Stack gap="md">
            <Text>
              {t('questionnaireVersions.confirmAnswers', {
                count: existing.responseCount,
                version: existing.version,
              })}
            </Text>
            <Text>{t('questionnaireVersions.confirmCampaigns')}</Text>
            <ErrorAlert error={create.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button loading={create.isPending} onClick={() => create.mutate()} data-autofocus>
                {t('questionnaireVersions.confirm', { version: existing.version + 1 })}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  );
}

function QuestionEditor({
  question: q,
  index,
  count,
  indicators,
  fieldError,
  onChange,
  onMove,
  onRemove,
}: {
  question: QuestionDraft;
  index: number;
  count: number;
  indicators: AvailableIndicator[];
  fieldError: (field: string) => string | undefined;
  onChange: (change: (q: QuestionDraft) => QuestionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const legendId = useId();
  const number = index + 1;
  const set = <K extends keyof QuestionDraft>(key: K, value: QuestionDraft[K]) =>
    onChange((x) => ({ ...x, [key]: value }));

  const setType = (type: QuestionType) =>
    onChange((x) => ({
      ...x,
      type,
      options: hasChoices(type) && x.options.length === 0 ? [newOption(), newOption()] : x.options,
      min: type === 'scale' && x.min === '' ? 1 : x.min,
      max: type === 'scale' && x.max === '' ? 5 : x.max,
    }));

  const setOption = (key: string, change: Partial<OptionDraft>) =>
    onChange((x) => ({
      ...x,
      options: x.options.map((o) => {
        if (o.key !== key) return o;
        const next = { ...o, ...change };
        if (change.labelFr !== undefined && !o.valueEdited)
          next.value = optionValueOf(change.labelFr);
        return next;
      }),
    }));

  const tied = indicators.find((i) => q.indicator === indicatorKey(i)) ?? null;
  const expected = tied?.computation.type === 'share' ? tied.computation.options : [];
  const values = q.options.map((o) => o.value);
  const missing = expected.filter((v) => !values.includes(v));

  // Group the indicators by framework for the select.
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const i of indicators) {
    const group = `${i.frameworkName}${i.adopted ? '' : ` (${t('builder.notAdopted')})`}`;
    groups.set(group, [
      ...(groups.get(group) ?? []),
      { value: indicatorKey(i), label: `${i.code} — ${label(i)}` },
    ]);
  }
  const indicatorData = [...groups].map(([group, items]) => ({ group, items }));

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="fieldset"
      aria-labelledby={legendId}
      className="socle-fieldset"
      data-testid={`question-${number}`}
    >
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={3} fz={16} id={legendId}>
          {t('builder.questionN', { n: number })}
        </Title>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('builder.moveUp')}>
            <ActionIcon
              variant="subtle"
              disabled={index === 0}
              onClick={() => onMove(-1)}
              aria-label={t('builder.moveUpN', { n: number })}
            >
              <IconArrowUp size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('builder.moveDown')}>
            <ActionIcon
              variant="subtle"
              disabled={index === count - 1}
              onClick={() => onMove(1)}
              aria-label={t('builder.moveDownN', { n: number })}
            >
              <IconArrowDown size={18} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('builder.remove')}>
            <ActionIcon
              variant="subtle"
              color="red"
              disabled={count === 1}
              onClick={onRemove}
              aria-label={t('builder.removeN', { n: number })}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('builder.type')}
            data={questionTypes.map((type) => ({ value: type, label: t(`questionType.${type}`) }))}
            value={q.type}
            onChange={(v) => v && setType(v)}
            allowDeselect={false}
            error={fieldError('type')}
          />
          <Select
            label={t('builder.indicator')}
            description={t('builder.indicatorHint')}
            placeholder={
              indicators.length ? t('builder.noIndicator') : t('builder.noIndicatorAvailable')
            }
            data={indicatorData}
            value={q.indicator}
            onChange={(v) => set('indicator', v)}
            clearable
            searchable
            nothingFoundMessage={t('builder.nothingFound')}
            error={fieldError('indicator') ?? fieldError('indicator.code')}
          />
        </SimpleGrid>
        <TextInput
          label={t('builder.label')}
          description={t('builder.labelHint')}
          required
          value={q.labelFr}
          onChange={(e) => set('labelFr', e.currentTarget.value)}
          error={fieldError('labelFr')}
          maxLength={500}
        />
        <TextInput
          label={t('builder.help')}
          description={t('common.optional')}
          value={q.helpFr}
          onChange={(e) => set('helpFr', e.currentTarget.value)}
          error={fieldError('helpFr')}
          maxLength={500}
        />
        <Checkbox
          label={t('builder.required')}
          checked={q.required}
          onChange={(e) => set('required', e.currentTarget.checked)}
        />

        {hasRange(q.type) && (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
            <NumberInput
              label={t('builder.min')}
              value={q.min}
              onChange={(v) => set('min', typeof v === 'number' ? v : '')}
              error={fieldError('min')}
              allowDecimal={q.type === 'number'}
            />
            <NumberInput
              label={t('builder.max')}
              value={q.max}
              onChange={(v) => set('max', typeof v === 'number' ? v : '')}
              error={fieldError('max')}
              allowDecimal={q.type === 'number'}
            />
          </SimpleGrid>
        )}

        {hasChoices(q.type) && (
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('builder.options')}
            </Text>
            {fieldError('options') && (
              <Text c="red" size="xs">
                {fieldError('options')}
              </Text>
            )}
            {q.options.map((o, i) => (
              <Group key={o.key} gap="xs" align="flex-start" wrap="nowrap">
                <TextInput
                  style={{ flex: 2 }}
                  label={t('builder.optionLabel', { n: i + 1 })}
                  value={o.labelFr}
                  onChange={(e) => setOption(o.key, { labelFr: e.currentTarget.value })}
                  error={fieldError(`options.${i}.labelFr`)}
                  maxLength={200}
                />
                <TextInput
                  style={{ flex: 1 }}
                  label={t('builder.optionValue', { n: i + 1 })}
                  value={o.value}
                  onChange={(e) =>
                    setOption(o.key, { value: e.currentTarget.value, valueEdited: true })
                  }
                  onBlur={() => setOption(o.key, { value: optionValueOf(o.value) })}
                  error={fieldError(`options.${i}.value`)}
                  styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                  maxLength={60}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={26}
                  disabled={q.options.length <= 1}
                  onClick={() =>
                    onChange((x) => ({ ...x, options: x.options.filter((y) => y.key !== o.key) }))
                  }
                  aria-label={t('builder.removeOption', { n: i + 1 })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Text size="xs" c="dimmed">
              {t('builder.optionValueHint')}
            </Text>
            <Group gap="sm">
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() => onChange((x) => ({ ...x, options: [...x.options, newOption()] }))}
              >
                {t('builder.addOption')}
              </Button>
            </Group>
          </Stack>
        )}

        {tied && expected.length > 0 && (
          <Alert
            variant="light"
            color={missing.length ? 'yellow' : 'socle'}
            icon={<IconInfo />}
            title={t('builder.shareTitle', { code: tied.code })}
          >
            <Text size="sm">{t('builder.shareText', { values: expected.join(', ') })}</Text>
            {hasChoices(q.type) && missing.length > 0 && (
              <Button
                size="xs"
                mt="xs"
                variant="light"
                onClick={() =>
                  onChange((x) => ({
                    ...x,
                    options: [
                      ...x.options.filter((o) => o.labelFr.trim() || o.valueEdited),
                      ...missing.map((v) => newOption(labelFromValue(v), v)),
                    ],
                  }))
                }
              >
                {t('builder.addExpected')}
              </Button>
            )}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
