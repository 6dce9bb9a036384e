import { Alert, Button, Grid, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  computationTypes,
  indicatorKinds,
  polarities,
  stakeholderGroups,
} from '../../api/enums.ts';
import type { Indicator, TocNode } from '../../api/types.ts';
import { useLabel } from '../../i18n/use-locale.ts';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import { definitionChanges } from '../../../domain/definitions.ts';
import type { IndicatorBody } from './use-framework-mutations.ts';

/** Changing the computation, the options counted or the breakdowns starts a new series. */
function breaksSeries(before: Indicator, after: IndicatorBody): boolean {
  return definitionChanges(before, after).length > 0;
}

type ComputationType = (typeof computationTypes)[number];

type Draft = {
  code: string;
  labelFr: string;
  labelEn: string;
  kind: Indicator['kind'];
  stakeholderGroup: Indicator['stakeholderGroup'];
  unit: string;
  polarity: Indicator['polarity'];
  computationType: ComputationType;
  options: string;
  disaggregations: string;
  nodeId: string | null;
};

function draftOf(indicator: Indicator | null): Draft {
  if (!indicator) {
    return {
      code: '',
      labelFr: '',
      labelEn: '',
      kind: 'outcome',
      stakeholderGroup: 'people_supported',
      unit: '',
      polarity: 'higher_is_better',
      computationType: 'share',
      options: '',
      disaggregations: '',
      nodeId: null,
    };
  }
  return {
    code: indicator.code,
    labelFr: indicator.labelFr,
    labelEn: indicator.labelEn,
    kind: indicator.kind,
    stakeholderGroup: indicator.stakeholderGroup,
    unit: indicator.unit,
    polarity: indicator.polarity,
    computationType: indicator.computation.type,
    options: indicator.computation.type === 'share' ? indicator.computation.options.join(', ') : '',
    disaggregations: indicator.disaggregations.join(', '),
    nodeId: indicator.nodeId,
  };
}

/** "tres_satisfait, satisfait" → ["tres_satisfait", "satisfait"] */
export function parseOptionList(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function bodyOf(d: Draft): IndicatorBody {
  const computation: IndicatorBody['computation'] =
    d.computationType === 'share'
      ? { type: 'share', options: parseOptionList(d.options) }
      : { type: d.computationType };
  return {
    code: d.code.trim(),
    labelFr: d.labelFr.trim(),
    labelEn: d.labelEn.trim(),
    kind: d.kind,
    stakeholderGroup: d.stakeholderGroup,
    unit: d.unit.trim(),
    polarity: d.polarity,
    computation,
    disaggregations: parseOptionList(d.disaggregations),
    nodeId: d.nodeId,
  };
}

/** Every field of an indicator; used to add one or to change one. */
export function IndicatorForm({
  indicator,
  nodes,
  mutation,
  onSubmit,
  onDone,
  submitLabel,
}: {
  indicator: Indicator | null;
  nodes: TocNode[];
  mutation: { error: unknown; isPending: boolean };
  onSubmit: (body: IndicatorBody, done: () => void) => void;
  onDone: () => void;
  /** Replaces "Save" / "Add", e.g. when the form makes a proposal. */
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const [d, setD] = useState<Draft>(() => draftOf(indicator));
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setD((prev) => ({ ...prev, [key]: value }));
  const fieldError = useFieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(bodyOf(d), onDone);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={mutation.error} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label={t('indicator.code')}
              description={t('indicator.codeHint')}
              required
              value={d.code}
              onChange={(e) => set('code', e.currentTarget.value)}
              error={fieldError('code')}
              maxLength={30}
              data-autofocus
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput
              label={t('indicator.labelFr')}
              required
              value={d.labelFr}
              onChange={(e) => set('labelFr', e.currentTarget.value)}
              error={fieldError('labelFr')}
            />
          </Grid.Col>
        </Grid>
        <TextInput
          label={t('indicator.labelEn')}
          description={t('common.optional')}
          value={d.labelEn}
          onChange={(e) => set('labelEn', e.currentTarget.value)}
          error={fieldError('labelEn')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('indicator.kind')}
            data={indicatorKinds.map((k) => ({ value: k, label: t(`indicatorKind.${k}`) }))}
            value={d.kind}
            onChange={(v) => v && set('kind', v)}
            allowDeselect={false}
            error={fieldError('kind')}
          />
          <Select
            label={t('indicator.stakeholder')}
            data={stakeholderGroups.map((k) => ({ value: k, label: t(`stakeholder.${k}`) }))}
            value={d.stakeholderGroup}
            onChange={(v) => v && set('stakeholderGroup', v)}
            allowDeselect={false}
            error={fieldError('stakeholderGroup')}
          />
          <Select
            label={t('indicator.computation')}
            description={t(`computationHint.${d.computationType}`)}
            data={computationTypes.map((k) => ({ value: k, label: t(`computation.${k}`) }))}
            value={d.computationType}
            onChange={(v) => v && set('computationType', v)}
            allowDeselect={false}
            error={fieldError('computation.type') ?? fieldError('computation')}
          />
          {d.computationType === 'share' ? (
            <TextInput
              label={t('indicator.options')}
              description={t('indicator.optionsHint')}
              placeholder="tres_satisfait, satisfait"
              required
              value={d.options}
              onChange={(e) => set('options', e.currentTarget.value)}
              error={
                fieldError('computation.options') ??
                fieldError('computation.options.0') ??
                fieldError('computation')
              }
            />
          ) : (
            <TextInput
              label={t('indicator.unit')}
              description={t('indicator.unitHint')}
              value={d.unit}
              onChange={(e) => set('unit', e.currentTarget.value)}
              error={fieldError('unit')}
              maxLength={40}
            />
          )}
          <Select
            label={t('indicator.polarity')}
            data={polarities.map((k) => ({ value: k, label: t(`polarity.${k}`) }))}
            value={d.polarity}
            onChange={(v) => v && set('polarity', v)}
            allowDeselect={false}
            error={fieldError('polarity')}
          />
          <Select
            label={t('indicator.node')}
            description={t('common.optional')}
            placeholder={t('indicator.noNode')}
            data={nodes.map((n) => ({
              value: n.id,
              label: `${t(`nodeKind.${n.kind}`)} · ${label(n)}`,
            }))}
            value={d.nodeId}
            onChange={(v) => set('nodeId', v)}
            clearable
            error={fieldError('nodeId')}
          />
          <TextInput
            label={t('indicator.disaggregations')}
            description={t('indicator.disaggregationsHint')}
            placeholder="sexe, tranche_age"
            value={d.disaggregations}
            onChange={(e) => set('disaggregations', e.currentTarget.value)}
            error={fieldError('disaggregations') ?? fieldError('disaggregations.0')}
          />
        </SimpleGrid>
        {indicator && breaksSeries(indicator, bodyOf(d)) && (
          <Alert
            color="orange"
            variant="light"
            title={t('indicator.seriesBreakTitle')}
            data-testid="series-break-warning"
          >
            {t('indicator.seriesBreakHint')}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel ?? (indicator ? t('common.save') : t('indicator.add'))}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
