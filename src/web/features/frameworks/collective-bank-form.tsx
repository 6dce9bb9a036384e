import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, fieldError, get, ifMatch, post, seg } from '../../api/client.ts';
import {
  bankSectors,
  childProtectionDimensions,
  computationTypes,
  indicatorKinds,
  polarities,
  questionTypes,
  stakeholderGroups,
} from '../../api/enums.ts';
import type { CollectiveBankEntry } from '../../../contracts/bank.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconPencil, IconPlus } from '../../ui/icons.tsx';

export const collectiveBankKey = (collectiveId: string) =>
  ['collective-bank', collectiveId] as const;

/** The collective's own entries and whether the caller may add to them. */
export function useCollectiveBank(collectiveId: string | null | undefined) {
  return useQuery({
    queryKey: collectiveBankKey(collectiveId ?? ''),
    queryFn: () =>
      get<{ canEdit: boolean; entries: CollectiveBankEntry[] }>(
        `/api/collectives/${seg(collectiveId!)}/bank-entries`,
      ),
    enabled: Boolean(collectiveId),
    staleTime: 60_000,
  });
}

/** "Oui, avec de l’aide" → "oui_avec_de_l_aide" */
function optionValue(label: string): string {
  return (
    label
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 60) || 'option'
  );
}

type Option = { value: string; labelFr: string; labelEn: string };

/**
 * One option per line, "libellé | label". An option kept from the entry being edited keeps its
 * value (answers and the share's counted options refer to it); a new one gets one from its label.
 */
function parseOptions(text: string, previous: readonly Option[] = []) {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [fr = '', en = ''] = line.split('|').map((part) => part.trim());
      const kept = previous.find((o) => o.labelFr === fr && !seen.has(o.value))?.value;
      let value = kept ?? optionValue(fr);
      for (let n = 2; seen.has(value); n += 1) value = `${optionValue(fr).slice(0, 56)}_${n}`;
      seen.add(value);
      return { value, labelFr: fr, labelEn: en };
    });
}

const empty = {
  labelFr: '',
  labelEn: '',
  code: '',
  kind: 'outcome',
  stakeholderGroup: 'people_supported',
  sector: 'cross_cutting',
  dimension: '',
  computation: 'share',
  unit: '',
  unitEn: '',
  polarity: 'higher_is_better',
  sdg: '' as string | number,
  questionType: 'single',
  questionFr: '',
  questionEn: '',
  options: '',
  counted: [] as string[],
};
type FormState = typeof empty;

/** The form's fields filled from an entry of the collective's bank, to change it. */
function formFromEntry(entry: CollectiveBankEntry): FormState {
  const first = entry.questions[0];
  return {
    labelFr: entry.labelFr,
    labelEn: entry.labelEn,
    code: entry.code ?? '',
    kind: entry.kind,
    stakeholderGroup: entry.stakeholderGroup,
    sector: entry.sector,
    dimension: entry.childProtectionDimension ?? '',
    computation: entry.computation.type,
    unit: entry.computation.type === 'share' ? '' : entry.unit,
    unitEn: entry.unitEn ?? '',
    polarity: entry.polarity,
    sdg: entry.sdg ?? '',
    questionType: first?.type ?? 'single',
    questionFr: first?.labelFr ?? '',
    questionEn: first?.labelEn ?? '',
    options: (first?.options ?? [])
      .map((o) => (o.labelEn ? `${o.labelFr} | ${o.labelEn}` : o.labelFr))
      .join('\n'),
    counted: entry.computation.type === 'share' ? [...entry.computation.options] : [],
  };
}

/** What the form derives from its fields: the question's type and options, what shows. */
function shape(form: FormState, previous: readonly Option[] = []) {
  const options = parseOptions(form.options, previous);
  const isShare = form.computation === 'share';
  const hasQuestion = form.computation !== 'sum';
  const questionType =
    isShare && !['single', 'multiple'].includes(form.questionType) ? 'single' : form.questionType;
  const withOptions = questionType === 'single' || questionType === 'multiple';
  const dimension = form.sector === 'child_protection' && form.dimension ? form.dimension : null;
  return { options, isShare, hasQuestion, questionType, withOptions, dimension };
}

/** The entry the form describes, as the API takes it (absent optional fields are null). */
function entryFromForm(form: FormState, previous?: CollectiveBankEntry) {
  const s = shape(form, previous?.questions[0]?.options);
  const first =
    s.hasQuestion && form.questionFr.trim()
      ? {
          type: s.questionType,
          labelFr: form.questionFr.trim(),
          labelEn: form.questionEn.trim(),
          ...(s.withOptions ? { options: s.options } : {}),
        }
      : null;
  return {
    labelFr: form.labelFr.trim(),
    labelEn: form.labelEn.trim(),
    code: form.code.trim() || null,
    kind: form.kind,
    stakeholderGroup: form.stakeholderGroup,
    sector: form.sector,
    childProtectionDimension: s.dimension,
    unit: s.isShare ? '%' : form.unit.trim(),
    unitEn: s.isShare ? null : form.unitEn.trim() || null,
    polarity: form.polarity,
    computation: s.isShare
      ? { type: 'share', options: form.counted.filter((v) => s.options.some((o) => o.value === v)) }
      : { type: form.computation },
    // Further suggested questions of the entry stay as they are.
    questions: first ? [first, ...(previous?.questions.slice(1) ?? [])] : [],
    sdg: form.sdg !== '' ? Number(form.sdg) : null,
  };
}

/** A new entry names only what it has: no nulls. */
function withoutNulls(body: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
}

function useInvalidateBank(collectiveId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['indicator-bank'] }),
      queryClient.invalidateQueries({ queryKey: collectiveBankKey(collectiveId) }),
    ]);
}

/** For the collective's writers: a button that opens a small form adding an entry to its bank. */
export function CollectiveBankForm({ collectiveId }: { collectiveId: string }) {
  const { t } = useTranslation();
  const bank = useCollectiveBank(collectiveId);
  const invalidate = useInvalidateBank(collectiveId);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setSaved(false);
    setForm((prev) => ({ ...prev, [key]: value }));
  };

  const create = useMutation({
    mutationFn: (body: unknown) =>
      post<CollectiveBankEntry>(`/api/collectives/${seg(collectiveId)}/bank-entries`, body),
    onSuccess: async () => {
      setForm(empty);
      setSaved(true);
      await invalidate();
    },
  });

  if (!bank.data?.canEdit) return null;

  return (
    <Stack gap="xs">
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setOpen((v) => !v)}
          aria-expanded={open}
        >
          {t('collectiveBank.add')}
        </Button>
        {saved && (
          <Text size="sm" c="socle" role="status">
            {t('collectiveBank.saved')}
          </Text>
        )}
      </Group>
      {open && (
        <EntryForm
          title={t('collectiveBank.addTitle')}
          intro={t('collectiveBank.intro')}
          form={form}
          set={set}
          error={create.error}
          pending={create.isPending}
          submitLabel={t('collectiveBank.save')}
          onSubmit={() => create.mutate(withoutNulls(entryFromForm(form)))}
        />
      )}
    </Stack>
  );
}

/**
 * For the collective's writers, on one of its entries: changes it. The form sends the revision
 * it was filled from; if someone changed the entry meanwhile, the server answers 409 and the
 * form says so, and can reload the entry as it now is.
 */
export function CollectiveBankEntryEdit({
  collectiveId,
  entryId,
  name,
}: {
  collectiveId: string;
  entryId: string;
  name: string;
}) {
  const { t } = useTranslation();
  const bank = useCollectiveBank(collectiveId);
  const invalidate = useInvalidateBank(collectiveId);
  // The entry as it was read when the form was filled, with its revision.
  const [read, setRead] = useState<CollectiveBankEntry | null>(null);
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setSaved(false);
    setForm((prev) => ({ ...prev, [key]: value }));
  };
  const fill = (entry: CollectiveBankEntry | null) => {
    setRead(entry);
    if (entry) setForm(formFromEntry(entry));
  };

  const update = useMutation({
    mutationFn: ({ entry, body }: { entry: CollectiveBankEntry; body: unknown }) =>
      api<CollectiveBankEntry>(
        'PATCH',
        `/api/collectives/${seg(collectiveId)}/bank-entries/${seg(entry.id)}`,
        body,
        ifMatch(entry.revision),
      ),
    onSuccess: async () => {
      fill(null);
      setSaved(true);
      await invalidate();
    },
  });
  const conflict =
    update.error instanceof ApiError && update.error.problem.code === 'edit_conflict';
  const reload = async () => {
    const fresh = await bank.refetch();
    update.reset();
    fill(fresh.data?.entries.find((e) => e.id === entryId) ?? null);
  };

  const current = bank.data?.entries.find((e) => e.id === entryId);
  if (!bank.data?.canEdit || !current) return null;
  return (
    <Stack gap="xs" mt="sm">
      <Group gap="sm">
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPencil size={14} />}
          onClick={() => {
            update.reset();
            setSaved(false);
            fill(read ? null : current);
          }}
          aria-expanded={read !== null}
          aria-label={t('collectiveBank.editNamed', { label: name })}
        >
          {t('collectiveBank.edit')}
        </Button>
        {saved && (
          <Text size="sm" c="socle" role="status">
            {t('collectiveBank.updated')}
          </Text>
        )}
      </Group>
      {read && (
        <EntryForm
          title={t('collectiveBank.editTitle')}
          form={form}
          set={set}
          previousOptions={read.questions[0]?.options}
          error={update.error}
          pending={update.isPending}
          submitLabel={t('collectiveBank.update')}
          onSubmit={() => update.mutate({ entry: read, body: entryFromForm(form, read) })}
          extra={
            conflict ? (
              <Group justify="flex-end">
                <Button size="xs" variant="light" color="red" onClick={() => void reload()}>
                  {t('collectiveBank.reload')}
                </Button>
              </Group>
            ) : null
          }
        />
      )}
    </Stack>
  );
}

/** The fields of an entry of the collective's bank, to add one or change one. */
function EntryForm({
  title,
  intro,
  form,
  set,
  previousOptions,
  error,
  pending,
  submitLabel,
  onSubmit,
  extra,
}: {
  title: string;
  intro?: string;
  form: FormState;
  set: <K extends keyof FormState>(key: K, value: FormState[K]) => void;
  previousOptions?: readonly Option[] | undefined;
  error: unknown;
  pending: boolean;
  submitLabel: string;
  onSubmit: () => void;
  extra?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { options, isShare, hasQuestion, questionType, withOptions } = shape(form, previousOptions);
  const err = (field: string) => fieldError(error, field);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      aria-label={title}
    >
      <Stack
        gap="sm"
        p="sm"
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
      >
        {intro && (
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('collectiveBank.labelFr')}
            required
            minLength={2}
            maxLength={300}
            value={form.labelFr}
            onChange={(e) => set('labelFr', e.currentTarget.value)}
            error={err('labelFr')}
          />
          <TextInput
            label={t('collectiveBank.labelEn')}
            required
            minLength={2}
            maxLength={300}
            value={form.labelEn}
            onChange={(e) => set('labelEn', e.currentTarget.value)}
            error={err('labelEn')}
          />
          <TextInput
            label={t('collectiveBank.code')}
            placeholder={t('collectiveBank.codeHint')}
            maxLength={30}
            value={form.code}
            onChange={(e) => set('code', e.currentTarget.value)}
            error={err('code')}
          />
          <NativeSelect
            label={t('collectiveBank.sector')}
            value={form.sector}
            onChange={(e) => set('sector', e.currentTarget.value)}
            data={bankSectors.map((s) => ({ value: s, label: t(`bankSector.${s}`) }))}
          />
          {form.sector === 'child_protection' && (
            <NativeSelect
              label={t('collectiveBank.dimension')}
              value={form.dimension}
              onChange={(e) => set('dimension', e.currentTarget.value)}
              data={[
                { value: '', label: t('collectiveBank.dimensionNone') },
                ...childProtectionDimensions.map((d) => ({
                  value: d,
                  label: t(`childProtectionDimension.${d}`),
                })),
              ]}
              error={err('childProtectionDimension')}
            />
          )}
          <NativeSelect
            label={t('collectiveBank.kind')}
            value={form.kind}
            onChange={(e) => set('kind', e.currentTarget.value)}
            data={indicatorKinds.map((k) => ({ value: k, label: t(`indicatorKind.${k}`) }))}
          />
          <NativeSelect
            label={t('collectiveBank.stakeholder')}
            value={form.stakeholderGroup}
            onChange={(e) => set('stakeholderGroup', e.currentTarget.value)}
            data={stakeholderGroups.map((g) => ({ value: g, label: t(`stakeholder.${g}`) }))}
          />
          <NativeSelect
            label={t('collectiveBank.computation')}
            value={form.computation}
            onChange={(e) => set('computation', e.currentTarget.value)}
            data={computationTypes.map((c) => ({ value: c, label: t(`computation.${c}`) }))}
          />
          <NativeSelect
            label={t('collectiveBank.polarity')}
            value={form.polarity}
            onChange={(e) => set('polarity', e.currentTarget.value)}
            data={polarities.map((p) => ({ value: p, label: t(`polarity.${p}`) }))}
          />
          {!isShare && (
            <TextInput
              label={t('collectiveBank.unit')}
              maxLength={40}
              value={form.unit}
              onChange={(e) => set('unit', e.currentTarget.value)}
              error={err('unit')}
            />
          )}
          {!isShare && (
            <TextInput
              label={t('collectiveBank.unitEn')}
              maxLength={40}
              value={form.unitEn}
              onChange={(e) => set('unitEn', e.currentTarget.value)}
              error={err('unitEn')}
            />
          )}
          <NumberInput
            label={t('collectiveBank.sdg')}
            min={1}
            max={17}
            allowDecimal={false}
            value={form.sdg}
            onChange={(v) => set('sdg', v)}
            error={err('sdg')}
          />
        </SimpleGrid>
        {hasQuestion && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('collectiveBank.questionFr')}
              required={isShare}
              maxLength={300}
              value={form.questionFr}
              onChange={(e) => set('questionFr', e.currentTarget.value)}
            />
            <TextInput
              label={t('collectiveBank.questionEn')}
              maxLength={300}
              value={form.questionEn}
              onChange={(e) => set('questionEn', e.currentTarget.value)}
            />
            <NativeSelect
              label={t('collectiveBank.questionType')}
              value={questionType}
              onChange={(e) => set('questionType', e.currentTarget.value)}
              data={questionTypes
                .filter((q) => !isShare || q === 'single' || q === 'multiple')
                .map((q) => ({ value: q, label: t(`questionType.${q}`) }))}
            />
          </SimpleGrid>
        )}
        {hasQuestion && withOptions && (
          <Textarea
            label={t('collectiveBank.options')}
            description={t('collectiveBank.optionsHint')}
            autosize
            minRows={3}
            value={form.options}
            onChange={(e) => set('options', e.currentTarget.value)}
          />
        )}
        {isShare && options.length > 0 && (
          <Checkbox.Group
            label={t('collectiveBank.counted')}
            description={t('collectiveBank.countedHint')}
            value={form.counted}
            onChange={(v) => set('counted', v)}
            error={err('computation')}
          >
            <Group gap="md" mt={4}>
              {options.map((o) => (
                <Checkbox key={o.value} value={o.value} label={o.labelFr} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <ErrorAlert error={error} />
        {extra}
        <Group justify="flex-end">
          <Button type="submit" size="sm" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
