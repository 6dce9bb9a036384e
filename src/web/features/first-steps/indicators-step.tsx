import { Alert, Badge, Box, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { post, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Indicator } from '../../api/types.ts';
import { useLabel } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconCheck, IconFramework, IconPlus } from '../../ui/icons.tsx';
import { BankModal } from '../frameworks/bank-modal.tsx';
import { firstStepsKey, type FirstSteps } from './model.ts';

const kindColor = { impact: 'indigo', outcome: 'socle', output: 'cyan', activity: 'gray' } as const;

/** The template as an indented list: impact, then what hangs under each node. */
export function TemplateList({ template }: { template: FirstSteps['template'] }) {
  const { t } = useTranslation();
  const depth = new Map<string, number>();
  for (const node of template) depth.set(node.key, node.parentKey ? (depth.get(node.parentKey) ?? 0) + 1 : 0);
  const ordered: FirstSteps['template'] = [];
  const visit = (parent: string | null) => {
    for (const node of template.filter((n) => n.parentKey === parent)) {
      ordered.push(node);
      visit(node.key);
    }
  };
  visit(null);
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {ordered.map((node) => (
        <Group
          key={node.key}
          component="li"
          gap="xs"
          wrap="nowrap"
          pl={(depth.get(node.key) ?? 0) * 24}
          align="flex-start"
        >
          <Badge variant="light" color={kindColor[node.kind]} miw={96} style={{ flexShrink: 0 }}>
            {t(`nodeKind.${node.kind}`)}
          </Badge>
          <Text size="sm">
            {node.labelFr}
            {node.stakeholderGroup && (
              <Text span c="dimmed" size="xs">
                {' '}
                · {t(`stakeholder.${node.stakeholderGroup}`)}
              </Text>
            )}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** Step 3: bank indicators that fit the map, added in one click; the framework template. */
export function IndicatorsStep({
  data,
  orgId,
  readOnly,
  onPrintTemplate,
}: {
  data: FirstSteps;
  orgId: string;
  readOnly: boolean;
  onPrintTemplate: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [bankOpen, setBankOpen] = useState(false);
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: firstStepsKey(orgId) }),
      queryClient.invalidateQueries({ queryKey: keys.framework(data.specificFrameworkId) }),
      queryClient.invalidateQueries({ queryKey: keys.indicators(orgId) }),
    ]);
  const add = useMutation({
    mutationFn: (entryId: string) =>
      post<Indicator>(`/api/frameworks/${seg(data.specificFrameworkId)}/indicators/from-bank`, { entryId }),
    onSuccess: refresh,
  });
  const apply = useMutation({
    mutationFn: () =>
      post<{ created: number; skipped: number }>(`/api/organisations/${seg(orgId)}/first-steps/apply-template`),
    onSuccess: refresh,
  });

  return (
    <Stack gap="xl">
      <Text c="dimmed" maw={760}>
        {t('firstSteps.indicators.intro')}
      </Text>
      <Group justify="space-between" align="center">
        <Text fw={600} data-testid="indicator-count">
          {data.indicatorCount === 0
            ? t('firstSteps.indicators.countNone')
            : t('firstSteps.indicators.count', { count: data.indicatorCount })}
        </Text>
        {!readOnly && (
          <Button variant="default" size="xs" leftSection={<IconFramework size={16} />} onClick={() => setBankOpen(true)}>
            {t('firstSteps.indicators.openBank')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={add.error} />
      <Box>
        <Title order={3} fz="lg" mb="sm">
          {t('firstSteps.indicators.suggestions')}
        </Title>
        {data.suggestions.length === 0 ? (
          <Text c="dimmed">{t('firstSteps.indicators.noSuggestion')}</Text>
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {data.suggestions.map((s) => (
              <Card key={s.entryId} component="li" withBorder radius="md" padding="sm" data-testid={`suggestion-${s.entryId}`}>
                <Group justify="space-between" wrap="wrap" gap="sm">
                  <Box style={{ flex: '1 1 320px', minWidth: 0 }}>
                    <Text fw={600}>{label(s)}</Text>
                    <Group gap={6} mt={4}>
                      <Badge size="sm" variant="light" color="gray">
                        {t(`stakeholder.${s.stakeholderGroup}`)}
                      </Badge>
                      <Badge size="sm" variant="light" color={kindColor[s.kind]}>
                        {t(`indicatorKind.${s.kind}`)}
                      </Badge>
                      <Badge size="sm" variant="outline" color="gray">
                        {t(`bankSector.${s.sector}`)}
                      </Badge>
                      {s.matchedWords.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('firstSteps.indicators.matched', { words: s.matchedWords.join(', ') })}
                        </Text>
                      )}
                    </Group>
                  </Box>
                  {s.added ? (
                    <Badge color="teal" variant="light" size="lg" leftSection={<IconCheck size={14} />}>
                      {t('firstSteps.indicators.added')}
                    </Badge>
                  ) : (
                    !readOnly && (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconPlus size={14} />}
                        loading={add.isPending && add.variables === s.entryId}
                        onClick={() => add.mutate(s.entryId)}
                        aria-label={`${t('firstSteps.indicators.add')} : ${label(s)}`}
                      >
                        {t('firstSteps.indicators.add')}
                      </Button>
                    )
                  )}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </Box>
      <Card withBorder radius="md" padding="lg" bg="var(--mantine-color-gray-0)">
        <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
          <Box style={{ flex: '1 1 320px' }}>
            <Title order={3} fz="lg">
              {t('firstSteps.indicators.template')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('firstSteps.indicators.templateIntro')}
            </Text>
          </Box>
          <Button variant="default" size="xs" onClick={onPrintTemplate}>
            {t('firstSteps.printTitle', { tool: t('firstSteps.indicators.templateTool') })}
          </Button>
        </Group>
        {data.template.length === 0 ? (
          <Text c="dimmed">{t('firstSteps.indicators.templateEmpty')}</Text>
        ) : (
          <TemplateList template={data.template} />
        )}
        {!readOnly && data.template.length > 0 && (
          <Group mt="md" gap="sm">
            <Button loading={apply.isPending} onClick={() => apply.mutate()}>
              {t('firstSteps.indicators.apply')}
            </Button>
            <Button component={Link} to={paths.framework} variant="subtle">
              {t('firstSteps.indicators.openFramework')}
            </Button>
          </Group>
        )}
        <ErrorAlert error={apply.error} />
        {apply.data && (
          <Alert color="teal" variant="light" mt="sm" role="status">
            {t('firstSteps.indicators.applied', apply.data)}
          </Alert>
        )}
      </Card>
      <BankModal
        frameworkId={data.specificFrameworkId}
        opened={bankOpen}
        onClose={() => setBankOpen(false)}
        onAdded={() => void refresh()}
      />
    </Stack>
  );
}
