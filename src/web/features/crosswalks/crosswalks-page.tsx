/**
 * Correspondances: an organisation maps one of its own questions onto an indicator of a
 * collective's common framework, with a conversion rule, and sees what the rule makes of its
 * real answers before saving. Conversion itself is `domain/crosswalk.ts`, shared with the
 * server, so the live table here and the results agree.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Crosswalk,
  CrosswalkPreview,
  CrosswalkRuleInput,
} from '../../../contracts/crosswalks.ts';
import { classOf, convertAnswer, OUTSIDE, type CrosswalkRule } from '../../../domain/crosswalk.ts';
import { del, get, post, put, seg } from '../../api/client.ts';
import { useAvailableIndicators } from '../../api/queries.ts';
import type { AuditEvent, AvailableIndicator, Question } from '../../api/types.ts';
import { formatFigure, formatInteger } from '../../format/index.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { IconLink, IconPencil, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { Empty, PageHeader, PageLoader } from '../../ui/page.tsx';
import { QueryView } from '../../ui/query-view.tsx';
import { AuditTable } from '../frameworks/co-construction.tsx';
import { useQuestionnaires } from '../questionnaires/questionnaires-page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';

const crosswalksKey = (orgId: string) => ['organisations', orgId, 'crosswalks'] as const;
const indicatorKey = (i: { frameworkId: string; code?: string; indicatorCode?: string }) =>
  `${i.frameworkId}|${i.code ?? i.indicatorCode ?? ''}`;

type RuleType = CrosswalkRuleInput['type'];
interface SourceQuestion extends Question {
  questionnaireTitle: string;
}

/** Compatible rule types for a question and an indicator. */
function ruleTypesFor(
  question: SourceQuestion | undefined,
  indicator: AvailableIndicator | undefined,
): RuleType[] {
  if (!question || !indicator) return [];
  const numeric = question.type === 'scale' || question.type === 'number';
  const choice = question.type === 'single' || question.type === 'multiple';
  const type = indicator.computation.type;
  if (numeric && (type === 'mean' || type === 'count')) return ['cut_points', 'linear'];
  if (choice && (type === 'share' || type === 'count')) return ['option_map'];
  return [];
}

function defaultRule(
  type: RuleType,
  question: SourceQuestion | undefined,
  indicator: AvailableIndicator | undefined,
): CrosswalkRule {
  if (type === 'cut_points') {
    // Four even cuts over the question's scale, the usual 0–10 → 1–5 case.
    const min = question?.min ?? (question?.type === 'scale' ? 1 : 0);
    const max = question?.max ?? (question?.type === 'scale' ? 5 : 10);
    const step = (max - min) / 5;
    return {
      type,
      cuts: [1, 2, 3, 4].map((k) => Math.round((min + k * step) * 100) / 100),
      targetMin: 1,
    };
  }
  if (type === 'linear') return { type, factor: 1, divisor: 1, offset: 0, decimals: null };
  const set = indicator?.computation.type === 'share' ? indicator.computation.options : [];
  const map: Record<string, string | null> = {};
  for (const o of question?.options ?? []) map[o.value] = set.includes(o.value) ? o.value : null;
  return { type: 'option_map', map };
}

export function CrosswalksPage() {
  const { t } = useTranslation();
  const { org, canWrite } = useWorkspace();
  const list = useQuery({
    queryKey: crosswalksKey(org.id),
    queryFn: () => get<Crosswalk[]>(`/api/organisations/${seg(org.id)}/crosswalks`),
  });
  const [editing, setEditing] = useState<Crosswalk | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('crosswalks.title')}
        description={t('crosswalks.intro')}
        actions={
          canWrite && editing === null ? (
            <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
              {t('crosswalks.new')}
            </Button>
          ) : null
        }
      />
      <Grid gap="lg">
        {canWrite && editing !== null && (
          <Grid.Col span={12}>
            <CrosswalkForm
              key={editing === 'new' ? 'new' : editing.id}
              existing={editing === 'new' ? null : editing}
              onDone={() => setEditing(null)}
            />
          </Grid.Col>
        )}
        <Grid.Col span={12}>
          <QueryView
            query={list}
            empty={
              <Empty
                icon={<IconLink size={26} />}
                title={t('crosswalks.emptyTitle')}
                description={t('crosswalks.emptyText')}
              />
            }
          >
            {(rows) => (
              <Stack gap="sm">
                {rows.map((c) => (
                  <CrosswalkRow
                    key={c.id}
                    crosswalk={c}
                    onEdit={canWrite ? () => setEditing(c) : null}
                  />
                ))}
              </Stack>
            )}
          </QueryView>
        </Grid.Col>
        <Grid.Col span={12}>
          <CrosswalkHistory orgId={org.id} />
        </Grid.Col>
      </Grid>
    </>
  );
}

/** Who created, changed or removed which crosswalk, and when (the organisation's trail). */
function CrosswalkHistory({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const audit = useQuery({
    queryKey: ['organisations', orgId, 'audit'],
    queryFn: () => get<AuditEvent[]>(`/api/organisations/${seg(orgId)}/audit?limit=300`),
  });
  if (audit.isError) return <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />;
  const events = (audit.data ?? []).filter((e) => e.action.startsWith('crosswalk.'));
  if (events.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="crosswalk-history">
      <Title order={2} fz={18} id="crosswalk-history">
        {t('crosswalks.history')}
      </Title>
      <AuditTable events={events} label={t('crosswalks.history')} />
    </Stack>
  );
}

function useRuleSummary() {
  const { t } = useTranslation();
  return (rule: CrosswalkRuleInput) => {
    switch (rule.type) {
      case 'cut_points':
        return t('crosswalks.summaryCuts', {
          cuts: rule.cuts.join(' · '),
          from: rule.targetMin,
          to: rule.targetMin + rule.cuts.length,
        });
      case 'option_map':
        return Object.entries(rule.map)
          .map(
            ([from, to]) =>
              `${from} → ${to === null ? t('crosswalks.notCounted') : to === OUTSIDE ? t('crosswalks.outside') : to}`,
          )
          .join(' · ');
      case 'linear':
        return t('crosswalks.summaryLinear', {
          factor: rule.factor,
          divisor: rule.divisor,
          offset: rule.offset,
        });
    }
  };
}

function CrosswalkRow({
  crosswalk: c,
  onEdit,
}: {
  crosswalk: Crosswalk;
  onEdit: (() => void) | null;
}) {
  const { t } = useTranslation();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const summary = useRuleSummary();
  const remove = useMutation({
    mutationFn: () => del(`/api/organisations/${seg(org.id)}/crosswalks/${seg(c.id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisations', org.id] }),
  });
  return (
    <Card withBorder radius="md" padding="md" data-testid={`crosswalk-${c.indicatorCode}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Text fw={600}>
            {c.questionLabel}{' '}
            <Text span c="dimmed" size="sm">
              ({c.questionnaireTitle})
            </Text>
          </Text>
          <Text size="sm">
            →{' '}
            <Text span ff="monospace">
              {c.indicatorCode}
            </Text>{' '}
            {c.indicatorLabel || t('crosswalks.indicatorGone')}{' '}
            <Text span c="dimmed">
              · {c.collectiveName}
            </Text>
          </Text>
          <Group gap="xs">
            <Badge variant="light">{t(`crosswalks.type.${c.rule.type}`)}</Badge>
            <Text size="xs" c="dimmed">
              {summary(c.rule)}
            </Text>
          </Group>
          <ErrorAlert error={remove.error} />
        </Stack>
        {onEdit && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              onClick={onEdit}
              aria-label={t('crosswalks.editNamed', { code: c.indicatorCode })}
            >
              <IconPencil size={18} />
            </ActionIcon>
            <ConfirmAction
              message={t('crosswalks.deleteConfirm')}
              confirmLabel={t('common.delete')}
              onConfirm={() => remove.mutate()}
              loading={remove.isPending}
            >
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('crosswalks.deleteNamed', { code: c.indicatorCode })}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </ConfirmAction>
          </Group>
        )}
      </Group>
    </Card>
  );
}

function CrosswalkForm({ existing, onDone }: { existing: Crosswalk | null; onDone: () => void }) {
  const { t } = useTranslation();
  const label = useLabel();
  const { org } = useWorkspace();
  const queryClient = useQueryClient();
  const questionnaires = useQuestionnaires(org.id);
  const indicators = useAvailableIndicators(org.id);

  const questions: SourceQuestion[] = (questionnaires.data ?? []).flatMap((q) =>
    q.questions
      .filter((x) => x.type !== 'text')
      .map((x) => ({ ...x, questionnaireTitle: q.title })),
  );
  const common = (indicators.data ?? []).filter(
    (i) => i.scope === 'common' && i.adopted && i.computation.type !== 'sum',
  );

  const [questionId, setQuestionId] = useState<string | null>(existing?.questionId ?? null);
  const [indicator, setIndicator] = useState<string | null>(
    existing ? indicatorKey(existing) : null,
  );
  const [rule, setRule] = useState<CrosswalkRule | null>(existing ? existing.rule : null);
  const [preview, setPreview] = useState<CrosswalkPreview | null>(null);

  const question = questions.find((q) => q.id === questionId);
  const target = common.find((i) => indicatorKey(i) === indicator);
  const allowed = ruleTypesFor(question, target);
  const chooseType = (type: RuleType) => {
    setRule(defaultRule(type, question, target));
    setPreview(null);
  };
  // A new pair of question and indicator starts from the first rule that fits.
  const pick = (nextQuestion: string | null, nextIndicator: string | null) => {
    setQuestionId(nextQuestion);
    setIndicator(nextIndicator);
    setPreview(null);
    const q = questions.find((x) => x.id === nextQuestion);
    const i = common.find((x) => indicatorKey(x) === nextIndicator);
    const types = ruleTypesFor(q, i);
    setRule(types[0] ? defaultRule(types[0], q, i) : null);
  };

  const body = () => ({
    questionId,
    frameworkId: target?.frameworkId,
    indicatorCode: target?.code,
    rule,
  });
  const runPreview = useMutation({
    mutationFn: () =>
      post<CrosswalkPreview>(`/api/organisations/${seg(org.id)}/crosswalks/preview`, body()),
    onSuccess: setPreview,
  });
  const save = useMutation({
    mutationFn: () =>
      existing
        ? put<Crosswalk>(`/api/organisations/${seg(org.id)}/crosswalks/${seg(existing.id)}`, {
            rule,
            revision: existing.revision,
          })
        : post<Crosswalk>(`/api/organisations/${seg(org.id)}/crosswalks`, body()),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['organisations', org.id] });
      await queryClient.invalidateQueries({ queryKey: ['collectives'] });
      onDone();
    },
  });
  const fieldError = useFieldErrors(save.error ?? runPreview.error);

  if (questionnaires.isPending || indicators.isPending) return <PageLoader />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="crosswalk-form-title"
    >
      <Stack gap="md">
        <Title order={2} fz={17} id="crosswalk-form-title">
          {existing ? t('crosswalks.editTitle') : t('crosswalks.newTitle')}
        </Title>
        <ErrorAlert error={save.error ?? runPreview.error} />
        {common.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('crosswalks.noCommonIndicator')}
          </Text>
        ) : null}
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('crosswalks.question')}
              description={t('crosswalks.questionHint')}
              required
              disabled={existing !== null}
              data={questions.map((q) => ({
                value: q.id,
                label: `${q.labelFr} (${q.questionnaireTitle})`,
              }))}
              value={questionId}
              onChange={(v) => pick(v, indicator)}
              placeholder={t('crosswalks.chooseQuestion')}
              error={fieldError('questionId')}
              searchable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 6 }}>
            <Select
              label={t('crosswalks.indicator')}
              description={t('crosswalks.indicatorHint')}
              required
              disabled={existing !== null}
              data={common.map((i) => ({
                value: indicatorKey(i),
                label: `${i.code} — ${label(i)} (${i.frameworkName})`,
              }))}
              value={indicator}
              onChange={(v) => pick(questionId, v)}
              placeholder={t('crosswalks.chooseIndicator')}
              error={fieldError('indicatorCode') ?? fieldError('frameworkId')}
              searchable
            />
          </Grid.Col>
        </Grid>
        {question && target && allowed.length === 0 && (
          <Text size="sm" c="red.8" role="alert">
            {t('crosswalks.incompatible')}
          </Text>
        )}
        {rule && allowed.length > 0 && (
          <>
            {allowed.length > 1 && (
              <SegmentedControl
                aria-label={t('crosswalks.ruleType')}
                data={allowed.map((type) => ({ value: type, label: t(`crosswalks.type.${type}`) }))}
                value={rule.type}
                onChange={(v) => chooseType(v)}
              />
            )}
            {rule.type === 'cut_points' && question && (
              <CutPointsEditor
                rule={rule}
                question={question}
                onChange={setRule}
                fieldError={fieldError}
              />
            )}
            {rule.type === 'option_map' && question && target && (
              <OptionMapEditor
                rule={rule}
                question={question}
                target={target}
                onChange={setRule}
                fieldError={fieldError}
              />
            )}
            {rule.type === 'linear' && (
              <LinearEditor rule={rule} onChange={setRule} fieldError={fieldError} />
            )}
          </>
        )}
        {preview && target && <PreviewTable preview={preview} unit={target.unit} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="light"
            disabled={!rule || allowed.length === 0}
            loading={runPreview.isPending}
            onClick={() => runPreview.mutate()}
          >
            {t('crosswalks.preview')}
          </Button>
          <Button type="submit" disabled={!rule || allowed.length === 0} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

type FieldError = (field: string) => string | undefined;

function CutPointsEditor({
  rule,
  question,
  onChange,
  fieldError,
}: {
  rule: Extract<CrosswalkRule, { type: 'cut_points' }>;
  question: SourceQuestion;
  onChange: (r: CrosswalkRule) => void;
  fieldError: FieldError;
}) {
  const { t } = useTranslation();
  const setCut = (i: number, v: number) =>
    onChange({ ...rule, cuts: rule.cuts.map((c, k) => (k === i ? v : c)) });
  const min = question.type === 'scale' ? (question.min ?? 1) : question.min;
  const max = question.type === 'scale' ? (question.max ?? 5) : question.max;
  // Every value of a scale, or the class ranges of a number.
  const values =
    min !== null &&
    max !== null &&
    Number.isInteger(min) &&
    Number.isInteger(max) &&
    max - min <= 20
      ? Array.from({ length: max - min + 1 }, (_, k) => min + k)
      : null;
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Stack gap="xs">
          <Text size="sm">{t('crosswalks.cutsHint')}</Text>
          <NumberInput
            label={t('crosswalks.targetMin')}
            value={rule.targetMin}
            onChange={(v) => onChange({ ...rule, targetMin: typeof v === 'number' ? v : 1 })}
            error={fieldError('rule.targetMin')}
            w={200}
          />
          {rule.cuts.map((c, i) => (
            <Group key={i} gap="xs" align="flex-end">
              <NumberInput
                label={t('crosswalks.cut', { n: i + 1 })}
                value={c}
                decimalScale={4}
                onChange={(v) => setCut(i, typeof v === 'number' ? v : 0)}
                error={fieldError(`rule.cuts.${i}`)}
                w={200}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mb={4}
                aria-label={t('crosswalks.removeCut', { n: i + 1 })}
                onClick={() => onChange({ ...rule, cuts: rule.cuts.filter((_, k) => k !== i) })}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          {fieldError('rule.cuts') && (
            <Text size="sm" c="red.8">
              {fieldError('rule.cuts')}
            </Text>
          )}
          <Button
            variant="subtle"
            size="xs"
            w="fit-content"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              onChange({ ...rule, cuts: [...rule.cuts, (rule.cuts.at(-1) ?? min ?? 0) + 1] })
            }
          >
            {t('crosswalks.addCut')}
          </Button>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 6 }}>
        <Table
          withTableBorder
          striped
          aria-label={t('crosswalks.cutsTable')}
          data-testid="cuts-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('crosswalks.yourValue')}</Table.Th>
              <Table.Th>{t('crosswalks.commonValue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {values
              ? values.map((v) => (
                  <Table.Tr key={v}>
                    <Table.Td>{v}</Table.Td>
                    <Table.Td fw={600}>{classOf(rule, v)}</Table.Td>
                  </Table.Tr>
                ))
              : [...rule.cuts, null].map((c, i) => (
                  <Table.Tr key={i}>
                    <Table.Td>
                      {i === 0
                        ? `≤ ${c}`
                        : c === null
                          ? `> ${rule.cuts[i - 1]}`
                          : `${rule.cuts[i - 1]} < … ≤ ${c}`}
                    </Table.Td>
                    <Table.Td fw={600}>{rule.targetMin + i}</Table.Td>
                  </Table.Tr>
                ))}
          </Table.Tbody>
        </Table>
      </Grid.Col>
    </Grid>
  );
}

function OptionMapEditor({
  rule,
  question,
  target,
  onChange,
  fieldError,
}: {
  rule: Extract<CrosswalkRule, { type: 'option_map' }>;
  question: SourceQuestion;
  target: AvailableIndicator;
  onChange: (r: CrosswalkRule) => void;
  fieldError: FieldError;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const set = target.computation.type === 'share' ? target.computation.options : [];
  const NOT_COUNTED = '';
  const choices = [
    ...set.map((o) => ({ value: o, label: t('crosswalks.inSet', { option: o }) })),
    { value: OUTSIDE, label: t('crosswalks.outside') },
    { value: NOT_COUNTED, label: t('crosswalks.notCounted') },
  ];
  return (
    <Stack gap="xs">
      <Text size="sm">{t('crosswalks.mapHint', { set: set.join(', ') || '—' })}</Text>
      {fieldError('rule.map') && (
        <Text size="sm" c="red.8">
          {fieldError('rule.map')}
        </Text>
      )}
      {question.options.map((o) => (
        <Select
          key={o.value}
          label={label(o)}
          data={choices}
          value={rule.map[o.value] ?? NOT_COUNTED}
          allowDeselect={false}
          onChange={(v) =>
            onChange({
              ...rule,
              map: { ...rule.map, [o.value]: v === NOT_COUNTED || v === null ? null : v },
            })
          }
          error={fieldError(`rule.map.${o.value}`)}
          maw={420}
        />
      ))}
    </Stack>
  );
}

const PRESETS = [
  { key: 'minutesToHours', factor: 1, divisor: 60 },
  { key: 'hoursToDays', factor: 1, divisor: 24 },
] as const;

function LinearEditor({
  rule,
  onChange,
  fieldError,
}: {
  rule: Extract<CrosswalkRule, { type: 'linear' }>;
  onChange: (r: CrosswalkRule) => void;
  fieldError: FieldError;
}) {
  const { t } = useTranslation();
  const num = (v: string | number, fallback: number) => (typeof v === 'number' ? v : fallback);
  const example = convertAnswer(rule, { options: null, num: 90 });
  return (
    <Stack gap="xs">
      <Text size="sm">{t('crosswalks.linearHint')}</Text>
      <Group gap="xs">
        {PRESETS.map((p) => (
          <Button
            key={p.key}
            size="xs"
            variant="light"
            onClick={() => onChange({ ...rule, factor: p.factor, divisor: p.divisor, offset: 0 })}
          >
            {t(`crosswalks.preset.${p.key}`)}
          </Button>
        ))}
      </Group>
      <Group gap="md" align="flex-start">
        <NumberInput
          label={t('crosswalks.factor')}
          value={rule.factor}
          decimalScale={6}
          onChange={(v) => onChange({ ...rule, factor: num(v, 0) })}
          error={fieldError('rule.factor')}
          w={140}
        />
        <NumberInput
          label={t('crosswalks.divisor')}
          value={rule.divisor}
          decimalScale={6}
          onChange={(v) => onChange({ ...rule, divisor: num(v, 0) })}
          error={fieldError('rule.divisor')}
          w={140}
        />
        <NumberInput
          label={t('crosswalks.offset')}
          value={rule.offset}
          decimalScale={6}
          onChange={(v) => onChange({ ...rule, offset: num(v, 0) })}
          error={fieldError('rule.offset')}
          w={140}
        />
        <TextInput
          label={t('crosswalks.decimals')}
          description={t('crosswalks.decimalsHint')}
          value={rule.decimals === null ? '' : String(rule.decimals)}
          onChange={(e) => {
            const raw = e.currentTarget.value.trim();
            onChange({
              ...rule,
              decimals: raw === '' || Number.isNaN(Number(raw)) ? null : Number(raw),
            });
          }}
          error={fieldError('rule.decimals')}
          w={160}
        />
      </Group>
      {example && (
        <Text size="sm" c="dimmed">
          {t('crosswalks.example', { value: example.num })}
        </Text>
      )}
    </Stack>
  );
}

function PreviewTable({ preview, unit }: { preview: CrosswalkPreview; unit: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const show = (v: { options: string[] | null; num: number | null } | null) =>
    v === null
      ? t('crosswalks.notCounted')
      : v.num !== null
        ? String(v.num)
        : (v.options ?? []).map((o) => (o === OUTSIDE ? t('crosswalks.outside') : o)).join(', ') ||
          '—';
  return (
    <Stack gap="xs" data-testid="crosswalk-preview">
      <Title order={3} fz={15}>
        {t('crosswalks.previewTitle')}
      </Title>
      {preview.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('crosswalks.previewEmpty')}
        </Text>
      ) : (
        <>
          <Table withTableBorder striped aria-label={t('crosswalks.previewTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('crosswalks.yourAnswer')}</Table.Th>
                <Table.Th>{t('crosswalks.becomes')}</Table.Th>
                <Table.Th ta="right">{t('crosswalks.answers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r, i) => (
                <Table.Tr key={i}>
                  <Table.Td>{show(r.source)}</Table.Td>
                  <Table.Td fw={600}>{show(r.target)}</Table.Td>
                  <Table.Td ta="right">{formatInteger(r.count, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Text size="sm" data-testid="crosswalk-preview-value">
            {t('crosswalks.previewResult', {
              value:
                preview.value === null
                  ? '—'
                  : formatFigure(preview.value, preview.computation.type, locale, unit),
              n: formatInteger(preview.n, locale),
              notCounted: formatInteger(preview.notCounted, locale),
            })}
          </Text>
        </>
      )}
    </Stack>
  );
}
