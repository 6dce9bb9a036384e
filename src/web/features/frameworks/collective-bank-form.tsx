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
import { fieldError, get, post, seg } from '../../api/client.ts';
import {
  bankSectors,
  computationTypes,
  indicatorKinds,
  polarities,
  questionTypes,
  stakeholderGroups,
} from '../../api/enums.ts';
import type { CollectiveBankEntry } from '../../../contracts/bank.ts';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconPlus } from '../../ui/icons.tsx';

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

function parseOptions(text: string) {
  const seen = new Set<string>();
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [fr = '', en = ''] = line.split('|').map((part) => part.trim());
      let value = optionValue(fr);
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
  computation: 'share',
  unit: '',
  polarity: 'higher_is_better',
  sdg: '' as string | number,
  questionType: 'single',
  questionFr: '',
  questionEn: '',
  options: '',
  counted: [] as string[],
};

/** For the collective's writers: a button that opens a small form adding an entry to its bank. */
export function CollectiveBankForm({ collectiveId }: { collectiveId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const bank = useCollectiveBank(collectiveId);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(empty);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof typeof empty>(key: K, value: (typeof empty)[K]) => {
    setSaved(false);
    setForm((prev) => ({ ...prev, [key]: value }));
  };

  const create = useMutation({
    mutationFn: (body: unknown) =>
      post<CollectiveBankEntry>(`/api/collectives/${seg(collectiveId)}/bank-entries`, body),
    onSuccess: async () => {
      setForm(empty);
      setSaved(true);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['indicator-bank'] }),
        queryClient.invalidateQueries({ queryKey: collectiveBankKey(collectiveId) }),
      ]);
    },
  });

  if (!bank.data?.canEdit) return null;

  const options = parseOptions(form.options);
  const isShare = form.computation === 'share';
  const hasQuestion = form.computation !== 'sum';
  const questionType =
    isShare && !['single', 'multiple'].includes(form.questionType) ? 'single' : form.questionType;
  const withOptions = questionType === 'single' || questionType === 'multiple';
  const err = (field: string) => fieldError(create.error, field);

  const submit = () => {
    const question =
      hasQuestion && form.questionFr.trim()
        ? [
            {
              type: questionType,
              labelFr: form.questionFr.trim(),
              labelEn: form.questionEn.trim(),
              ...(withOptions ? { options } : {}),
            },
          ]
        : [];
    create.mutate({
      labelFr: form.labelFr.trim(),
      labelEn: form.labelEn.trim(),
      ...(form.code.trim() ? { code: form.code.trim() } : {}),
      kind: form.kind,
      stakeholderGroup: form.stakeholderGroup,
      sector: form.sector,
      unit: isShare ? '%' : form.unit.trim(),
      polarity: form.polarity,
      computation: isShare
        ? { type: 'share', options: form.counted.filter((v) => options.some((o) => o.value === v)) }
        : { type: form.computation },
      questions: question,
      ...(form.sdg !== '' ? { sdg: Number(form.sdg) } : {}),
    });
  };

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
        <form
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
          aria-label={t('collectiveBank.addTitle')}
        >
          <Stack
            gap="sm"
            p="sm"
            style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
          >
            <Text size="sm" c="dimmed">
              {t('collectiveBank.intro')}
            </Text>
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
            <ErrorAlert error={create.error} />
            <Group justify="flex-end">
              <Button type="submit" size="sm" loading={create.isPending}>
                {t('collectiveBank.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
