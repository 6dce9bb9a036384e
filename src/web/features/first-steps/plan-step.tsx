import {
  ActionIcon,
  Button,
  Card,
  Chip,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { answersNeeded } from '../../../domain/first-steps.ts';
import { useAvailableIndicators } from '../../api/queries.ts';
import { Link, paths } from '../../router.tsx';
import { IconCampaign, IconPlus, IconQuestionnaire, IconTrash } from '../../ui/icons.tsx';
import { Empty } from '../../ui/page.tsx';
import { groups, methods, type FirstStepsGroup, type PlanRow, type StakeholderEntry } from './model.ts';

const emptyRow = (group: FirstStepsGroup, populationServed: number | null): PlanRow => ({
  group,
  indicatorCode: null,
  respondents: '',
  period: '',
  methods: [],
  populationServed,
  targetAnswers: null,
});

/** Step 4: the collection plan, with the answers each line needs. */
export function PlanStep({
  plan,
  stakeholders,
  orgId,
  orgPopulation,
  onChange,
  readOnly,
}: {
  plan: PlanRow[];
  stakeholders: StakeholderEntry[];
  orgId: string;
  orgPopulation: number | null;
  onChange: (next: PlanRow[]) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const indicators = useAvailableIndicators(orgId);
  const codes = [...new Set((indicators.data ?? []).map((i) => i.code))];
  const update = (i: number, patch: Partial<PlanRow>) =>
    onChange(plan.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const missingGroups = stakeholders
    .map((s) => s.group)
    .filter((g, i, all) => all.indexOf(g) === i && !plan.some((r) => r.group === g));
  const num = (v: string | number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.round(v)) : null);

  return (
    <Stack gap="lg">
      <Text c="dimmed" maw={760}>
        {t('firstSteps.plan.intro')}
      </Text>
      {!readOnly && (
        <Group gap="sm">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => onChange([...plan, emptyRow(stakeholders[0]?.group ?? 'people_supported', orgPopulation)])}
          >
            {t('firstSteps.plan.addRow')}
          </Button>
          {missingGroups.length > 0 && (
            <Button
              variant="default"
              onClick={() =>
                onChange([
                  ...plan,
                  ...missingGroups.map((g) => emptyRow(g, g === 'people_supported' ? orgPopulation : null)),
                ])
              }
            >
              {t('firstSteps.plan.addFromMap')}
            </Button>
          )}
        </Group>
      )}
      {plan.length === 0 ? (
        <Empty title={t('firstSteps.plan.toolTitle')} description={t('firstSteps.plan.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={1040}>
          <Table verticalSpacing="sm" className="fs-plan-table" data-testid="plan-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('firstSteps.plan.group')}</Table.Th>
                <Table.Th>{t('firstSteps.plan.indicator')}</Table.Th>
                <Table.Th>{t('firstSteps.plan.respondents')}</Table.Th>
                <Table.Th>{t('firstSteps.plan.period')}</Table.Th>
                <Table.Th>{t('firstSteps.plan.methods')}</Table.Th>
                <Table.Th>{t('firstSteps.plan.population')}</Table.Th>
                <Table.Th>
                  <Tooltip label={t('firstSteps.plan.neededHelp')} multiline w={260}>
                    <span style={{ textDecoration: 'underline dotted' }}>{t('firstSteps.plan.needed')}</span>
                  </Tooltip>
                </Table.Th>
                <Table.Th>{t('firstSteps.plan.target')}</Table.Th>
                {!readOnly && <Table.Th aria-label={t('common.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {plan.map((row, i) => {
                const line = t('firstSteps.plan.line', { n: i + 1 });
                const needed = answersNeeded(row.populationServed);
                const below = row.targetAnswers !== null && row.targetAnswers < needed;
                return (
                  <Table.Tr key={i}>
                    <Table.Td miw={150}>
                      <NativeSelect
                        aria-label={`${line} — ${t('firstSteps.plan.group')}`}
                        data={groups.map((g) => ({ value: g, label: t(`firstSteps.groups.${g}`) }))}
                        value={row.group}
                        disabled={readOnly}
                        onChange={(e) => update(i, { group: e.currentTarget.value as FirstStepsGroup })}
                      />
                    </Table.Td>
                    <Table.Td miw={110}>
                      <NativeSelect
                        aria-label={`${line} — ${t('firstSteps.plan.indicator')}`}
                        data={[
                          { value: '', label: t('firstSteps.plan.noIndicator') },
                          ...[...new Set([...codes, ...(row.indicatorCode ? [row.indicatorCode] : [])])].map((c) => ({ value: c, label: c })),
                        ]}
                        value={row.indicatorCode ?? ''}
                        disabled={readOnly}
                        onChange={(e) => update(i, { indicatorCode: e.currentTarget.value || null })}
                      />
                    </Table.Td>
                    <Table.Td miw={200}>
                      <TextInput
                        aria-label={`${line} — ${t('firstSteps.plan.respondents')}`}
                        placeholder={t('firstSteps.plan.respondentsPlaceholder')}
                        value={row.respondents}
                        readOnly={readOnly}
                        onChange={(e) => update(i, { respondents: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td miw={120}>
                      <TextInput
                        aria-label={`${line} — ${t('firstSteps.plan.period')}`}
                        placeholder={t('firstSteps.plan.periodPlaceholder')}
                        value={row.period}
                        readOnly={readOnly}
                        onChange={(e) => update(i, { period: e.currentTarget.value })}
                      />
                    </Table.Td>
                    <Table.Td miw={200}>
                      <Chip.Group
                        multiple
                        value={row.methods}
                        onChange={(v) => !readOnly && update(i, { methods: methods.filter((m) => v.includes(m)) })}
                      >
                        <Group gap={4} role="group" aria-label={`${line} — ${t('firstSteps.plan.methods')}`}>
                          {methods.map((m) => (
                            <Chip key={m} value={m} size="xs" disabled={readOnly}>
                              {t(`firstSteps.plan.${m}`)}
                            </Chip>
                          ))}
                        </Group>
                      </Chip.Group>
                    </Table.Td>
                    <Table.Td miw={110}>
                      <NumberInput
                        aria-label={`${line} — ${t('firstSteps.plan.population')}`}
                        min={0}
                        allowDecimal={false}
                        thousandSeparator=" "
                        value={row.populationServed ?? ''}
                        readOnly={readOnly}
                        onChange={(v) => update(i, { populationServed: num(v) })}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Text fw={700} fz="lg" data-testid={`answers-needed-${i}`}>
                        {needed}
                      </Text>
                    </Table.Td>
                    <Table.Td miw={110}>
                      <NumberInput
                        aria-label={`${line} — ${t('firstSteps.plan.target')}`}
                        min={0}
                        allowDecimal={false}
                        value={row.targetAnswers ?? ''}
                        readOnly={readOnly}
                        onChange={(v) => update(i, { targetAnswers: num(v) })}
                        error={below ? t('firstSteps.plan.belowNeeded', { n: needed }) : undefined}
                      />
                    </Table.Td>
                    {!readOnly && (
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={`${t('firstSteps.remove')} ${line}`}
                          onClick={() => onChange(plan.filter((_, j) => j !== i))}
                        >
                          <IconTrash size={18} />
                        </ActionIcon>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Card withBorder radius="md" padding="md" bg="var(--mantine-color-gray-0)">
        <Title order={3} fz="md" mb="xs">
          {t('firstSteps.plan.nextTitle')}
        </Title>
        <Group gap="sm">
          <Button component={Link} to={paths.newQuestionnaire} variant="light" leftSection={<IconQuestionnaire size={18} />}>
            {t('firstSteps.plan.createQuestionnaire')}
          </Button>
          <Button component={Link} to={paths.campaigns} variant="light" leftSection={<IconCampaign size={18} />}>
            {t('firstSteps.plan.createCampaign')}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
