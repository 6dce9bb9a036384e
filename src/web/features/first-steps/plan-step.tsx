import {
  ActionIcon,
  Button,
  Card,
  Chip,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  SimpleGrid,
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
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} data-testid="plan-table">
          {plan.map((row, i) => {
            const line = t('firstSteps.plan.line', { n: i + 1 });
            const needed = answersNeeded(row.populationServed);
            const below = row.targetAnswers !== null && row.targetAnswers < needed;
            return (
              <Card key={i} component="li" withBorder radius="md" padding="md" aria-label={line}>
                <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="sm">
                  <Group gap="sm" align="flex-end" wrap="wrap">
                    <Text fw={700} c="dimmed" size="sm" pb={8}>
                      {line}
                    </Text>
                    <NativeSelect
                      label={t('firstSteps.plan.group')}
                      aria-label={`${line} — ${t('firstSteps.plan.group')}`}
                      data={groups.map((g) => ({ value: g, label: t(`firstSteps.groups.${g}`) }))}
                      value={row.group}
                      disabled={readOnly}
                      onChange={(e) => update(i, { group: e.currentTarget.value as FirstStepsGroup })}
                      w={220}
                    />
                    <NativeSelect
                      label={t('firstSteps.plan.indicator')}
                      aria-label={`${line} — ${t('firstSteps.plan.indicator')}`}
                      data={[
                        { value: '', label: t('firstSteps.plan.noIndicator') },
                        ...[...new Set([...codes, ...(row.indicatorCode ? [row.indicatorCode] : [])])].map((c) => ({ value: c, label: c })),
                      ]}
                      value={row.indicatorCode ?? ''}
                      disabled={readOnly}
                      onChange={(e) => update(i, { indicatorCode: e.currentTarget.value || null })}
                      w={160}
                    />
                  </Group>
                  <Group gap="xs" align="center" wrap="nowrap">
                    <Tooltip label={t('firstSteps.plan.neededHelp')} multiline w={260}>
                      <Stack gap={0} align="flex-end" className="fs-needed" tabIndex={0}>
                        <Text fz={26} fw={800} lh={1.1} c={below ? 'orange.8' : 'socle.8'} data-testid={`answers-needed-${i}`}>
                          {needed}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {t('firstSteps.plan.needed')}
                        </Text>
                      </Stack>
                    </Tooltip>
                    {!readOnly && (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`${t('firstSteps.remove')} ${line}`}
                        onClick={() => onChange(plan.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    )}
                  </Group>
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" verticalSpacing="sm">
                  <TextInput
                    label={t('firstSteps.plan.respondents')}
                    aria-label={`${line} — ${t('firstSteps.plan.respondents')}`}
                    placeholder={t('firstSteps.plan.respondentsPlaceholder')}
                    value={row.respondents}
                    readOnly={readOnly}
                    onChange={(e) => update(i, { respondents: e.currentTarget.value })}
                  />
                  <TextInput
                    label={t('firstSteps.plan.period')}
                    aria-label={`${line} — ${t('firstSteps.plan.period')}`}
                    placeholder={t('firstSteps.plan.periodPlaceholder')}
                    value={row.period}
                    readOnly={readOnly}
                    onChange={(e) => update(i, { period: e.currentTarget.value })}
                  />
                  <div>
                    <Text size="sm" fw={500} mb={6} id={`methods-${i}`}>
                      {t('firstSteps.plan.methods')}
                    </Text>
                    <Chip.Group
                      multiple
                      value={row.methods}
                      onChange={(v) => !readOnly && update(i, { methods: methods.filter((m) => v.includes(m)) })}
                    >
                      <Group gap={6} role="group" aria-label={`${line} — ${t('firstSteps.plan.methods')}`}>
                        {methods.map((m) => (
                          <Chip key={m} value={m} size="sm" disabled={readOnly}>
                            {t(`firstSteps.plan.${m}`)}
                          </Chip>
                        ))}
                      </Group>
                    </Chip.Group>
                  </div>
                  <NumberInput
                    label={t('firstSteps.plan.population')}
                    aria-label={`${line} — ${t('firstSteps.plan.population')}`}
                    min={0}
                    allowDecimal={false}
                    thousandSeparator=" "
                    value={row.populationServed ?? ''}
                    readOnly={readOnly}
                    onChange={(v) => update(i, { populationServed: num(v) })}
                  />
                  <NumberInput
                    label={t('firstSteps.plan.target')}
                    aria-label={`${line} — ${t('firstSteps.plan.target')}`}
                    min={0}
                    allowDecimal={false}
                    value={row.targetAnswers ?? ''}
                    readOnly={readOnly}
                    onChange={(v) => update(i, { targetAnswers: num(v) })}
                    error={below ? t('firstSteps.plan.belowNeeded', { n: needed }) : undefined}
                  />
                </SimpleGrid>
              </Card>
            );
          })}
        </Stack>
      )}
      <Card withBorder radius="md" padding="md" bg="var(--mantine-color-gray-0)">
        <Title order={3} fz="md" mb="xs">
          {t('firstSteps.plan.nextTitle')}
        </Title>
        <Group gap="sm">
          <Button component={Link} to={paths.newQuestionnaire} variant="light" h="auto" mih={36} py={6} styles={{ label: { whiteSpace: 'normal' } }} leftSection={<IconQuestionnaire size={18} />}>
            {t('firstSteps.plan.createQuestionnaire')}
          </Button>
          <Button component={Link} to={paths.campaigns} variant="light" h="auto" mih={36} py={6} styles={{ label: { whiteSpace: 'normal' } }} leftSection={<IconCampaign size={18} />}>
            {t('firstSteps.plan.createCampaign')}
          </Button>
        </Group>
      </Card>
    </Stack>
  );
}
