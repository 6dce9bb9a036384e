import {
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, get, ifMatch, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { CollectiveDetail } from '../../api/types.ts';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';

/** How the COPIL decides on a framework version: shown to all, changed by the coordinator's admins. */
export function DecisionSettings({ collective }: { collective: CollectiveDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [rule, setRule] = useState(collective.decisionRule);
  const [quorum, setQuorum] = useState<number | string>(collective.quorumPercent);
  const [threshold, setThreshold] = useState<number | string>(collective.suppressionThreshold);
  const [publicThreshold, setPublicThreshold] = useState<number | string>(
    collective.publicSuppressionThreshold,
  );
  // The revision the fields were filled from: a change made meanwhile by someone else answers
  // 409 instead of being overwritten.
  const [revision, setRevision] = useState(collective.revision);
  const fill = (c: CollectiveDetail) => {
    setRule(c.decisionRule);
    setQuorum(c.quorumPercent);
    setThreshold(c.suppressionThreshold);
    setPublicThreshold(c.publicSuppressionThreshold);
    setRevision(c.revision);
  };
  const save = useMutation({
    mutationFn: () =>
      api<CollectiveDetail>(
        'PATCH',
        `/api/collectives/${seg(collective.id)}`,
        {
          decisionRule: rule,
          quorumPercent: Number(quorum),
          suppressionThreshold: Number(threshold),
          publicSuppressionThreshold: Number(publicThreshold),
        },
        ifMatch(revision),
      ),
    onSuccess: async (updated) => {
      setRevision(updated.revision);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.collective(collective.id) }),
        queryClient.invalidateQueries({ queryKey: keys.collectives }),
        queryClient.invalidateQueries({ queryKey: ['frameworks'] }),
      ]);
    },
  });
  const fieldError = useFieldErrors(save.error);
  const conflict = save.error instanceof ApiError && save.error.problem.code === 'edit_conflict';
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({
      queryKey: keys.collective(collective.id),
      queryFn: () => get<CollectiveDetail>(`/api/collectives/${seg(collective.id)}`),
      staleTime: 0,
    });
    save.reset();
    fill(fresh);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="decision-title">
      <Title order={2} fz={18} id="decision-title">
        {t('decision.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('decision.intro')}
      </Text>
      {collective.canManage ? (
        <form onSubmit={submit}>
          <Stack gap="md" maw={560}>
            <div>
              <Text size="sm" fw={500} mb={4} id="decision-rule-label">
                {t('decision.rule')}
              </Text>
              <SegmentedControl
                aria-labelledby="decision-rule-label"
                value={rule}
                onChange={(v) => setRule(v)}
                data={[
                  { value: 'consensus', label: t('decision.consensus') },
                  { value: 'majority', label: t('decision.majority') },
                ]}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {t(`co.rule.${rule}`)}
              </Text>
            </div>
            <NumberInput
              label={t('decision.quorum')}
              description={t('decision.quorumHint')}
              min={0}
              max={100}
              suffix=" %"
              value={quorum}
              onChange={setQuorum}
              error={fieldError('quorumPercent')}
            />
            <NumberInput
              label={t('decision.insideThreshold')}
              description={t('decision.insideThresholdHint')}
              min={2}
              max={100}
              value={threshold}
              onChange={setThreshold}
              error={fieldError('suppressionThreshold')}
            />
            <NumberInput
              label={t('decision.publicThreshold')}
              description={t('decision.publicThresholdHint')}
              min={2}
              max={100}
              value={publicThreshold}
              onChange={setPublicThreshold}
              error={fieldError('publicSuppressionThreshold')}
            />
            <ErrorAlert error={save.error} />
            {conflict && (
              <Group>
                <Button size="xs" variant="light" color="red" onClick={() => void reload()}>
                  {t('decision.reload')}
                </Button>
              </Group>
            )}
            <Group>
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
              {save.isSuccess && (
                <Text size="sm" c="socle" role="status">
                  {t('decision.saved')}
                </Text>
              )}
            </Group>
          </Stack>
        </form>
      ) : (
        <Stack gap={4}>
          <Text size="sm" data-testid="decision-rule">
            {t(`co.rule.${collective.decisionRule}`)}{' '}
            {t('co.quorum', { percent: collective.quorumPercent })}
          </Text>
          <Text size="sm" data-testid="decision-thresholds">
            {t('decision.thresholds', {
              inside: t('collective.thresholdValue', { count: collective.suppressionThreshold }),
              outside: t('collective.thresholdValue', {
                count: collective.publicSuppressionThreshold,
              }),
            })}
          </Text>
        </Stack>
      )}
    </Card>
  );
}
