import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconTrash } from '../../ui/icons.tsx';
import { Empty } from '../../ui/page.tsx';
import { groups, type FirstStepsGroup, type StakeholderEntry } from './model.ts';

type Effect = StakeholderEntry['effects'][number];

/** The sign of an effect: + or −, hollow when the effect is not sought. */
export function EffectSign({ effect }: { effect: Effect }) {
  const { t } = useTranslation();
  const positive = effect.direction === 'positive';
  return (
    <Badge
      circle
      size="lg"
      variant={effect.intended ? 'filled' : 'outline'}
      color={positive ? 'teal' : 'red'}
      aria-label={`${positive ? t('firstSteps.map.positive') : t('firstSteps.map.negative')}, ${
        effect.intended ? t('firstSteps.map.intended') : t('firstSteps.map.unintended')
      }`}
      className="fs-sign"
    >
      {positive ? '+' : '−'}
    </Badge>
  );
}

const importanceColor = { 1: 'gray', 2: 'blue', 3: 'indigo' } as const;

/** Step 2: one card per stakeholder group, its effects listed with their sign. */
export function MapStep({
  stakeholders,
  onChange,
  readOnly,
}: {
  stakeholders: StakeholderEntry[];
  onChange: (next: StakeholderEntry[]) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const unused = groups.filter((g) => g === 'other' || !stakeholders.some((s) => s.group === g));
  const [toAdd, setToAdd] = useState<FirstStepsGroup>(unused[0] ?? 'other');
  const chosen = unused.includes(toAdd) ? toAdd : (unused[0] ?? 'other');
  const update = (i: number, patch: Partial<StakeholderEntry>) =>
    onChange(stakeholders.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const updateEffect = (i: number, k: number, patch: Partial<Effect>) =>
    update(i, {
      effects: stakeholders[i]!.effects.map((e, j) => (j === k ? { ...e, ...patch } : e)),
    });

  return (
    <Stack gap="lg">
      <Text c="dimmed" maw={760}>
        {t('firstSteps.map.intro')}
      </Text>
      {!readOnly && (
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label={t('firstSteps.map.groupToAdd')}
            data={unused.map((g) => ({ value: g, label: t(`firstSteps.groups.${g}`) }))}
            value={chosen}
            onChange={(e) => setToAdd(e.currentTarget.value as FirstStepsGroup)}
            w={260}
          />
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() =>
              onChange([
                ...stakeholders,
                { group: chosen, description: '', effects: [{ label: '', direction: 'positive', intended: true }], importance: 2 },
              ])
            }
          >
            {t('firstSteps.map.addGroup')}
          </Button>
        </Group>
      )}
      {stakeholders.length === 0 ? (
        <Empty title={t('firstSteps.map.toolTitle')} description={t('firstSteps.map.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
          {stakeholders.map((s, i) => {
            const name = t(`firstSteps.groups.${s.group}`);
            return (
              <Card
                key={i}
                withBorder
                radius="md"
                padding="md"
                className="fs-group-card"
                data-testid={`map-group-${s.group}`}
                style={{ borderTop: `4px solid var(--mantine-color-${importanceColor[s.importance as 1 | 2 | 3]}-6)` }}
              >
                <Stack gap="sm">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Text fw={700} fz="lg" component="h3" m={0}>
                      {name}
                    </Text>
                    {!readOnly && (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={t('firstSteps.map.removeGroup', { group: name })}
                        onClick={() => onChange(stakeholders.filter((_, j) => j !== i))}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    )}
                  </Group>
                  <Box>
                    <Text size="sm" fw={500} mb={4} id={`importance-${i}`}>
                      {t('firstSteps.map.importance')}
                    </Text>
                    <SegmentedControl
                      size="xs"
                      fullWidth
                      aria-labelledby={`importance-${i}`}
                      value={String(s.importance)}
                      onChange={(v) => update(i, { importance: Number(v) })}
                      readOnly={readOnly}
                      data={[1, 2, 3].map((n) => ({ value: String(n), label: t(`firstSteps.map.importance${n as 1 | 2 | 3}`) }))}
                    />
                  </Box>
                  <Textarea
                    label={t('firstSteps.map.description')}
                    placeholder={t('firstSteps.map.descriptionPlaceholder')}
                    autosize
                    minRows={1}
                    value={s.description}
                    onChange={(e) => update(i, { description: e.currentTarget.value })}
                    readOnly={readOnly}
                  />
                  <Text size="sm" fw={600}>
                    {t('firstSteps.map.effects')}
                  </Text>
                  {s.effects.length === 0 && (
                    <Text size="sm" c="dimmed">
                      {t('firstSteps.map.noEffect')}
                    </Text>
                  )}
                  {s.effects.map((effect, k) => (
                    <Box key={k} className="fs-effect">
                      <Group gap="xs" wrap="nowrap" align="flex-start">
                        <Box pt={4}>
                          <EffectSign effect={effect} />
                        </Box>
                        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
                          <TextInput
                            aria-label={`${name} — ${t('firstSteps.map.effect')} ${k + 1}`}
                            placeholder={t('firstSteps.map.effectPlaceholder')}
                            value={effect.label}
                            onChange={(e) => updateEffect(i, k, { label: e.currentTarget.value })}
                            readOnly={readOnly}
                          />
                          <Group gap="sm" wrap="wrap">
                            <SegmentedControl
                              size="xs"
                              aria-label={t('firstSteps.map.direction')}
                              value={effect.direction}
                              readOnly={readOnly}
                              onChange={(v) => updateEffect(i, k, { direction: v })}
                              data={[
                                { value: 'positive', label: `+ ${t('firstSteps.map.positive')}` },
                                { value: 'negative', label: `− ${t('firstSteps.map.negative')}` },
                              ]}
                            />
                            <Checkbox
                              size="xs"
                              label={t('firstSteps.map.intended')}
                              checked={effect.intended}
                              disabled={readOnly}
                              onChange={(e) => updateEffect(i, k, { intended: e.currentTarget.checked })}
                            />
                          </Group>
                        </Stack>
                        {!readOnly && (
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            mt={4}
                            aria-label={`${t('firstSteps.remove')} ${t('firstSteps.map.effect')} ${k + 1} (${name})`}
                            onClick={() => update(i, { effects: s.effects.filter((_, j) => j !== k) })}
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        )}
                      </Group>
                    </Box>
                  ))}
                  {!readOnly && (
                    <Group>
                      <Button
                        variant="subtle"
                        size="xs"
                        leftSection={<IconPlus size={14} />}
                        onClick={() =>
                          update(i, { effects: [...s.effects, { label: '', direction: 'positive', intended: true }] })
                        }
                      >
                        {t('firstSteps.map.addEffect')}
                      </Button>
                    </Group>
                  )}
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
      <Text size="sm" c="dimmed">
        {t('firstSteps.map.legend')}
      </Text>
    </Stack>
  );
}
