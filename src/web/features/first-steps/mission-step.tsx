import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconPlus, IconTrash } from '../../ui/icons.tsx';
import type { MissionGrid } from './model.ts';

/** Step 1: the mission clarification grid. */
export function MissionStep({
  mission,
  onChange,
  readOnly,
}: {
  mission: MissionGrid;
  onChange: (next: MissionGrid) => void;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof MissionGrid>(key: K, value: MissionGrid[K]) =>
    onChange({ ...mission, [key]: value });
  return (
    <Stack gap="lg">
      <Text c="dimmed" maw={760}>
        {t('firstSteps.mission.intro')}
      </Text>
      <Group grow align="flex-start" wrap="wrap" gap="lg">
        <Textarea
          label={t('firstSteps.mission.problem')}
          description={t('firstSteps.mission.problemHint')}
          autosize
          minRows={3}
          value={mission.problem}
          onChange={(e) => set('problem', e.currentTarget.value)}
          readOnly={readOnly}
          miw={260}
        />
        <Textarea
          label={t('firstSteps.mission.public')}
          description={t('firstSteps.mission.publicHint')}
          autosize
          minRows={3}
          value={mission.public}
          onChange={(e) => set('public', e.currentTarget.value)}
          readOnly={readOnly}
          miw={260}
        />
      </Group>
      <TextInput
        label={t('firstSteps.mission.territory')}
        description={t('firstSteps.mission.territoryHint')}
        value={mission.territory}
        onChange={(e) => set('territory', e.currentTarget.value)}
        readOnly={readOnly}
        maw={520}
      />
      <Textarea
        label={t('firstSteps.mission.statement')}
        description={t('firstSteps.mission.statementHint')}
        autosize
        minRows={2}
        value={mission.statement}
        onChange={(e) => set('statement', e.currentTarget.value)}
        readOnly={readOnly}
        styles={{ input: { fontSize: 'var(--mantine-font-size-md)', fontWeight: 600 } }}
      />
      <Fieldset legend={t('firstSteps.mission.activities')} radius="md">
        <Text size="sm" c="dimmed" mb="sm">
          {t('firstSteps.mission.activitiesHint')}
        </Text>
        <Stack gap="xs">
          {mission.activities.map((activity, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={`${t('firstSteps.mission.activity')} ${i + 1}`}
                placeholder={t('firstSteps.mission.activityPlaceholder')}
                value={activity.label}
                onChange={(e) =>
                  set(
                    'activities',
                    mission.activities.map((a, j) =>
                      j === i ? { ...a, label: e.currentTarget.value } : a,
                    ),
                  )
                }
                readOnly={readOnly}
                style={{ flex: '2 1 240px' }}
              />
              <TextInput
                label={t('firstSteps.mission.output')}
                placeholder={t('firstSteps.mission.outputPlaceholder')}
                value={activity.output}
                onChange={(e) =>
                  set(
                    'activities',
                    mission.activities.map((a, j) =>
                      j === i ? { ...a, output: e.currentTarget.value } : a,
                    ),
                  )
                }
                readOnly={readOnly}
                style={{ flex: '1 1 200px' }}
              />
              {!readOnly && (
                <RemoveRowButton
                  label={`${t('firstSteps.remove')} ${t('firstSteps.mission.activity')} ${i + 1}`}
                  onClick={() =>
                    set(
                      'activities',
                      mission.activities.filter((_, j) => j !== i),
                    )
                  }
                />
              )}
            </Group>
          ))}
          {!readOnly && (
            <AddRowButton
              label={t('firstSteps.mission.addActivity')}
              onClick={() => set('activities', [...mission.activities, { label: '', output: '' }])}
            />
          )}
        </Stack>
      </Fieldset>
      <Fieldset legend={t('firstSteps.mission.changes')} radius="md">
        <Text size="sm" c="dimmed" mb="sm">
          {t('firstSteps.mission.changesHint')}
        </Text>
        <Stack gap="xs">
          {mission.changesSought.map((change, i) => (
            <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                label={`${t('firstSteps.mission.change')} ${i + 1}`}
                placeholder={t('firstSteps.mission.changePlaceholder')}
                value={change}
                onChange={(e) =>
                  set(
                    'changesSought',
                    mission.changesSought.map((c, j) => (j === i ? e.currentTarget.value : c)),
                  )
                }
                readOnly={readOnly}
                style={{ flex: 1 }}
              />
              {!readOnly && (
                <RemoveRowButton
                  label={`${t('firstSteps.remove')} ${t('firstSteps.mission.change')} ${i + 1}`}
                  onClick={() =>
                    set(
                      'changesSought',
                      mission.changesSought.filter((_, j) => j !== i),
                    )
                  }
                />
              )}
            </Group>
          ))}
          {!readOnly && (
            <AddRowButton
              label={t('firstSteps.mission.addChange')}
              onClick={() => set('changesSought', [...mission.changesSought, ''])}
            />
          )}
        </Stack>
      </Fieldset>
      <Textarea
        label={t('firstSteps.mission.values')}
        description={t('firstSteps.mission.valuesHint')}
        autosize
        minRows={2}
        value={mission.values}
        onChange={(e) => set('values', e.currentTarget.value)}
        readOnly={readOnly}
      />
    </Stack>
  );
}

/** Removes one line of a list in the grid. */
function RemoveRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" size="lg" mb={2} aria-label={label} onClick={onClick}>
      <IconTrash size={18} />
    </ActionIcon>
  );
}

/** Adds a line to a list in the grid. */
function AddRowButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Group>
      <Button variant="light" size="xs" leftSection={<IconPlus size={16} />} onClick={onClick}>
        {label}
      </Button>
    </Group>
  );
}
