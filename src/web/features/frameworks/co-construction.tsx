import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Progress,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AuditEvent,
  Framework,
  Indicator,
  Proposal,
  TocNode,
  VersionDiff,
  VoteState,
} from '../../api/types.ts';
import { formatDate, formatDateTime } from '../../format/index.ts';
import { useLocale } from '../../i18n/use-locale.ts';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { Empty, PageLoader } from '../../ui/page.tsx';
import { IndicatorForm } from './indicator-form.tsx';
import { useAudit, useCoConstruction, useComments, useDiff } from './use-co-construction.ts';

type Co = ReturnType<typeof useCoConstruction>;

const statusColor: Record<Proposal['status'], string> = {
  open: 'blue',
  accepted: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
};
const choiceColor = { for: 'teal', against: 'red', abstain: 'gray' } as const;

/**
 * How members build the common framework together: proposals and their threads, the COPIL
 * vote, the versions with what changed between them, and who did what.
 */
export function CoConstructionPanel({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const co = useCoConstruction(framework.id);
  const open = co.proposals.data?.filter((p) => p.status === 'open').length ?? 0;
  const voteOpen = co.vote.data && !co.vote.data.closedAt;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby={`co-${framework.id}`}
    >
      <Title order={3} fz={17} id={`co-${framework.id}`}>
        {t('co.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('co.intro')}
      </Text>
      <Tabs defaultValue={voteOpen ? 'vote' : 'proposals'} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab
            value="proposals"
            rightSection={
              open > 0 ? (
                <Badge size="xs" circle>
                  {open}
                </Badge>
              ) : null
            }
          >
            {t('co.proposalsTab')}
          </Tabs.Tab>
          <Tabs.Tab
            value="vote"
            rightSection={
              voteOpen ? (
                <Badge size="xs" color="orange">
                  {t('co.voteOpenBadge')}
                </Badge>
              ) : null
            }
          >
            {t('co.voteTab')}
          </Tabs.Tab>
          <Tabs.Tab value="versions">{t('co.versionsTab')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('co.historyTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="proposals">
          <ProposalsTab framework={framework} co={co} />
        </Tabs.Panel>
        <Tabs.Panel value="vote">
          <VoteTab framework={framework} co={co} />
        </Tabs.Panel>
        <Tabs.Panel value="versions">
          <VersionsTab framework={framework} co={co} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryTab frameworkId={framework.id} />
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}

function ProposalsTab({ framework, co }: { framework: Framework; co: Co }) {
  const { t } = useTranslation();
  if (co.proposals.isPending) return <PageLoader />;
  if (co.proposals.isError)
    return <ErrorAlert error={co.proposals.error} onRetry={() => void co.proposals.refetch()} />;
  const list = co.proposals.data;
  return (
    <Stack gap="md">
      {framework.canPropose && !framework.canEdit && (
        <Text size="sm" c="dimmed">
          {t('co.howToPropose')}
        </Text>
      )}
      {list.length === 0 ? (
        <Empty title={t('co.noProposalsTitle')} description={t('co.noProposals')} />
      ) : (
        list.map((p) => <ProposalCard key={p.id} proposal={p} framework={framework} co={co} />)
      )}
      <Card withBorder radius="md" padding="md" bg="var(--mantine-color-gray-0)">
        <Title order={4} fz={15} mb="xs">
          {t('co.generalThread')}
        </Title>
        <Thread
          frameworkId={framework.id}
          proposalId={null}
          canWrite={framework.canPropose || framework.canEdit}
          co={co}
        />
      </Card>
    </Stack>
  );
}

function ProposalCard({
  proposal: p,
  framework,
  co,
}: {
  proposal: Proposal;
  framework: Framework;
  co: Co;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [showThread, setShowThread] = useState(false);
  const [note, setNote] = useState('');
  const deciding = co.decide.isPending && co.decide.variables.id === p.id;
  return (
    <Card withBorder radius="md" padding="md" data-testid={`proposal-${p.target ?? p.title}`}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" mb={4}>
            <Badge variant="light" color="gray">
              {t(`co.action.${p.action}`)}
            </Badge>
            <Badge color={statusColor[p.status]} variant="filled" data-testid="proposal-status">
              {t(`co.status.${p.status}`)}
            </Badge>
          </Group>
          <Text fw={600}>{p.title}</Text>
          <Text size="xs" c="dimmed">
            {t('co.proposedBy', {
              author: p.authorName,
              organisation: p.organisationName,
              date: formatDate(p.createdAt, locale),
            })}
          </Text>
          {p.rationale && (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              {p.rationale}
            </Text>
          )}
          <ProposalDetail proposal={p} />
          {p.decisionNote && (
            <Text size="sm" mt="xs" c="dimmed">
              {t('co.decisionNote', { note: p.decisionNote })}
            </Text>
          )}
        </div>
      </Group>
      {p.status === 'open' && framework.canEdit && (
        <Stack gap="xs" mt="sm">
          <Textarea
            label={t('co.noteLabel')}
            size="sm"
            autosize
            minRows={1}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Group gap="sm">
            <Button
              size="xs"
              color="teal"
              loading={deciding}
              onClick={() => co.decide.mutate({ id: p.id, decision: 'accept', note })}
            >
              {t('co.accept')}
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={deciding}
              onClick={() => co.decide.mutate({ id: p.id, decision: 'reject', note })}
            >
              {t('co.reject')}
            </Button>
          </Group>
          {co.decide.isError && co.decide.variables.id === p.id && (
            <ErrorAlert error={co.decide.error} />
          )}
        </Stack>
      )}
      {p.status === 'open' && p.mine && (
        <Group mt="sm">
          <Button
            size="xs"
            variant="subtle"
            color="gray"
            loading={co.withdraw.isPending}
            onClick={() => co.withdraw.mutate(p.id)}
          >
            {t('co.withdraw')}
          </Button>
        </Group>
      )}
      <Anchor
        component="button"
        type="button"
        size="sm"
        mt="sm"
        onClick={() => setShowThread((v) => !v)}
        aria-expanded={showThread}
      >
        {t('co.thread', { count: p.commentCount })}
      </Anchor>
      {showThread && (
        <div style={{ marginTop: 8 }}>
          <Thread
            frameworkId={framework.id}
            proposalId={p.id}
            canWrite={framework.canPropose || framework.canEdit}
            co={co}
          />
        </div>
      )}
    </Card>
  );
}

/** What the proposal changes, field by field. */
function ProposalDetail({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation();
  const payload = proposal.payload as {
    changes?: Record<string, unknown>;
    indicator?: { computation?: unknown; stakeholderGroup?: string };
  };
  if (payload.changes) {
    return (
      <Stack gap={2} mt="xs">
        {Object.entries(payload.changes).map(([field, value]) => (
          <Text size="sm" key={field}>
            <Text span fw={600}>
              {t(`diffField.${field}`, { defaultValue: field })}
            </Text>{' '}
            → <FieldValue field={field} value={value} />
          </Text>
        ))}
      </Stack>
    );
  }
  if (payload.indicator) {
    return (
      <Text size="sm" mt="xs" c="dimmed">
        <FieldValue field="computation" value={payload.indicator.computation} />
      </Text>
    );
  }
  return null;
}

function FieldValue({ field, value }: { field: string; value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') return <>—</>;
  if (field === 'computation' && typeof value === 'object') {
    const c = value as { type: string; options?: string[] };
    return (
      <>
        {t(`computation.${c.type}`, { defaultValue: c.type })}
        {c.options ? ` (${c.options.join(', ')})` : ''}
      </>
    );
  }
  if (Array.isArray(value)) return <>{value.length === 0 ? '—' : value.join(', ')}</>;
  const text =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : JSON.stringify(value);
  if (field === 'kind')
    return (
      <>
        {t(`indicatorKind.${text}`, {
          defaultValue: t(`nodeKind.${text}`, { defaultValue: text }),
        })}
      </>
    );
  if (field === 'stakeholderGroup') return <>{t(`stakeholder.${text}`, { defaultValue: text })}</>;
  if (field === 'polarity') return <>{t(`polarity.${text}`, { defaultValue: text })}</>;
  return <>{text}</>;
}

function Thread({
  frameworkId,
  proposalId,
  canWrite,
  co,
}: {
  frameworkId: string;
  proposalId: string | null;
  canWrite: boolean;
  co: Co;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const comments = useComments(frameworkId, proposalId);
  const [body, setBody] = useState('');
  const sending = co.comment.isPending && co.comment.variables.proposalId === proposalId;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    co.comment.mutate({ body, proposalId }, { onSuccess: () => setBody('') });
  };
  if (comments.isPending) return <PageLoader />;
  if (comments.isError)
    return <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />;
  return (
    <Stack gap="xs">
      {comments.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('co.noComments')}
        </Text>
      )}
      {comments.data.map((c) => (
        <div
          key={c.id}
          style={{ borderLeft: '3px solid var(--mantine-color-gray-3)', paddingLeft: 10 }}
        >
          <Text size="xs" c="dimmed">
            {t('co.commentBy', {
              author: c.authorName,
              organisation: c.organisationName,
              date: formatDateTime(c.createdAt, locale),
            })}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </div>
      ))}
      {canWrite && (
        <form onSubmit={submit}>
          <Stack gap={6}>
            <Textarea
              aria-label={t('co.commentLabel')}
              placeholder={t('co.commentPlaceholder')}
              autosize
              minRows={2}
              maxLength={4000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group>
              <Button
                type="submit"
                size="xs"
                variant="light"
                loading={sending}
                disabled={!body.trim()}
              >
                {t('co.send')}
              </Button>
            </Group>
            {co.comment.isError && co.comment.variables.proposalId === proposalId && (
              <ErrorAlert error={co.comment.error} />
            )}
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function VoteTab({ framework, co }: { framework: Framework; co: Co }) {
  const { t } = useTranslation();
  const draft = framework.draft;
  if (co.vote.isPending) return <PageLoader />;
  if (co.vote.isError)
    return <ErrorAlert error={co.vote.error} onRetry={() => void co.vote.refetch()} />;
  const vote = co.vote.data;
  const open = vote && !vote.closedAt ? vote : null;
  const rule = framework.decision;
  return (
    <Stack gap="md">
      {rule && (
        <Text size="sm" c="dimmed" data-testid="vote-rule">
          {t(`co.rule.${rule.rule}`)} {t('co.quorum', { percent: rule.quorumPercent })}
        </Text>
      )}
      {!open && framework.canEdit && draft?.status === 'draft' && (
        <Alert color="blue" variant="light" title={t('co.openVoteTitle', { number: draft.number })}>
          <Stack gap="xs">
            <Text size="sm">{t('co.openVoteHint')}</Text>
            <Group>
              <ConfirmAction
                message={t('co.openVoteConfirm', { number: draft.number })}
                confirmLabel={t('co.openVote')}
                onConfirm={() => co.openVote.mutate(draft.revision)}
                loading={co.openVote.isPending}
                color="socle"
              >
                <Button loading={co.openVote.isPending}>{t('co.openVote')}</Button>
              </ConfirmAction>
            </Group>
            <ErrorAlert error={co.openVote.error} />
          </Stack>
        </Alert>
      )}
      {!vote ? (
        <Empty title={t('co.noVoteTitle')} description={t('co.noVote')} />
      ) : (
        <VoteCard vote={vote} framework={framework} co={co} />
      )}
    </Stack>
  );
}

function VoteCard({ vote, framework, co }: { vote: VoteState; framework: Framework; co: Co }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const isOpen = !vote.closedAt;
  const mine = framework.votingOrganisations.filter((o) =>
    vote.electorate.some((e) => e.organisationId === o.id),
  );
  const [as, setAs] = useState<string | null>(mine[0]?.id ?? null);
  const current = vote.electorate.find((e) => e.organisationId === as);
  const [choice, setChoice] = useState<string>(current?.choice ?? '');
  const [comment, setComment] = useState('');
  const tally = vote.tally;
  const pct = (n: number) => (tally.electorate === 0 ? 0 : (100 * n) / tally.electorate);
  return (
    <Card withBorder radius="md" padding="md" data-testid="vote-card">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600}>{t('co.voteOn', { number: vote.versionNumber })}</Text>
          <Text size="xs" c="dimmed">
            {t('co.openedOn', { date: formatDateTime(vote.openedAt, locale) })}
            {vote.closedAt
              ? ` · ${t('co.closedOn', { date: formatDateTime(vote.closedAt, locale) })}`
              : ''}
          </Text>
        </div>
        <Badge
          size="lg"
          color={isOpen ? 'orange' : vote.outcome === 'adopted' ? 'teal' : 'gray'}
          data-testid="vote-outcome"
        >
          {isOpen ? t('co.voteInProgress') : t(`co.outcome.${vote.outcome ?? 'cancelled'}`)}
        </Badge>
      </Group>
      <Progress.Root size={18} mt="md" aria-label={t('co.tallyLabel')}>
        <Progress.Section value={pct(tally.for)} color="teal">
          <Progress.Label>{tally.for}</Progress.Label>
        </Progress.Section>
        <Progress.Section value={pct(tally.against)} color="red">
          <Progress.Label>{tally.against}</Progress.Label>
        </Progress.Section>
        <Progress.Section value={pct(tally.abstain)} color="gray">
          <Progress.Label>{tally.abstain}</Progress.Label>
        </Progress.Section>
      </Progress.Root>
      <Text size="sm" mt="xs" data-testid="vote-tally">
        {t('co.tally', {
          for: tally.for,
          against: tally.against,
          abstain: tally.abstain,
          cast: tally.cast,
          electorate: tally.electorate,
          needed: tally.quorumNeeded,
        })}
      </Text>
      {isOpen && (
        <Text
          size="sm"
          c={tally.outcome === 'adopted' ? 'teal' : 'dimmed'}
          data-testid="vote-projection"
        >
          {t(`co.ifClosedNow.${tally.outcome}`)}
        </Text>
      )}
      <Table mt="sm" verticalSpacing={4} aria-label={t('co.electorate')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('co.copilMember')}</Table.Th>
            <Table.Th>{t('co.ballot')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {vote.electorate.map((e) => (
            <Table.Tr key={e.organisationId}>
              <Table.Td>{e.name}</Table.Td>
              <Table.Td>
                {e.choice ? (
                  <Badge color={choiceColor[e.choice]} variant="light">
                    {t(`co.choice.${e.choice}`)}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('co.notYet')}
                  </Text>
                )}
                {e.comment && (
                  <Text size="xs" c="dimmed">
                    {e.comment}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {isOpen && mine.length > 0 && (
        <Card withBorder radius="md" padding="sm" mt="md">
          <Stack gap="xs">
            {mine.length > 1 && (
              <Select
                label={t('co.voteAs')}
                data={mine.map((o) => ({ value: o.id, label: o.name }))}
                value={as}
                onChange={setAs}
                allowDeselect={false}
              />
            )}
            <Radio.Group
              label={
                mine.length === 1
                  ? t('co.yourBallot', { organisation: mine[0]!.name })
                  : t('co.ballot')
              }
              value={choice}
              onChange={setChoice}
            >
              <Group gap="lg" mt={4}>
                {(['for', 'against', 'abstain'] as const).map((c) => (
                  <Radio key={c} value={c} label={t(`co.choice.${c}`)} />
                ))}
              </Group>
            </Radio.Group>
            <Textarea
              label={t('co.ballotComment')}
              autosize
              minRows={1}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            <Group>
              <Button
                disabled={!choice}
                loading={co.ballot.isPending}
                onClick={() =>
                  co.ballot.mutate({
                    choice: choice as 'for' | 'against' | 'abstain',
                    comment,
                    ...(as ? { organisationId: as } : {}),
                  })
                }
              >
                {current?.choice ? t('co.changeBallot') : t('co.castBallot')}
              </Button>
            </Group>
            <ErrorAlert error={co.ballot.error} />
          </Stack>
        </Card>
      )}
      {isOpen && framework.canEdit && (
        <Group mt="md">
          <ConfirmAction
            message={t('co.closeConfirm')}
            confirmLabel={t('co.closeVote')}
            onConfirm={() => co.closeVote.mutate()}
            loading={co.closeVote.isPending}
            color="socle"
          >
            <Button loading={co.closeVote.isPending}>{t('co.closeVote')}</Button>
          </ConfirmAction>
          <ConfirmAction
            message={t('co.cancelConfirm')}
            confirmLabel={t('co.cancelVote')}
            onConfirm={() => co.cancelVote.mutate()}
            loading={co.cancelVote.isPending}
          >
            <Button variant="default" loading={co.cancelVote.isPending}>
              {t('co.cancelVote')}
            </Button>
          </ConfirmAction>
        </Group>
      )}
      <ErrorAlert error={co.closeVote.error ?? co.cancelVote.error} />
    </Card>
  );
}

function VersionsTab({ framework, co }: { framework: Framework; co: Co }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const versions = framework.versions;
  const latestAdopted = versions.find((v) => v.status === 'adopted');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const options = versions.map((v) => ({
    value: v.id,
    label: `${t('framework.version', { number: v.number })} · ${t(`versionStatus.${v.status}`)}`,
  }));
  return (
    <Stack gap="md">
      <Table verticalSpacing="xs" aria-label={t('co.versionsTab')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('co.versionCol')}</Table.Th>
            <Table.Th>{t('co.statusCol')}</Table.Th>
            <Table.Th>{t('co.adoptedCol')}</Table.Th>
            <Table.Th>{t('co.indicatorsCol')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id} data-testid={`version-${v.number}`}>
              <Table.Td>{t('framework.version', { number: v.number })}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={
                    v.status === 'adopted'
                      ? 'teal'
                      : v.status === 'proposed'
                        ? 'orange'
                        : v.status === 'retired'
                          ? 'gray'
                          : 'yellow'
                  }
                >
                  {t(`versionStatus.${v.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{v.adoptedAt ? formatDate(v.adoptedAt, locale) : '—'}</Table.Td>
              <Table.Td>{v.indicatorCount}</Table.Td>
              <Table.Td>
                {framework.canEdit && v.status === 'adopted' && v.id !== latestAdopted?.id && (
                  <ConfirmAction
                    message={t('co.retireConfirm', { number: v.number })}
                    confirmLabel={t('co.retire')}
                    onConfirm={() => co.retire.mutate(v.id)}
                    loading={co.retire.isPending}
                  >
                    <Button size="xs" variant="subtle" color="gray">
                      {t('co.retire')}
                    </Button>
                  </ConfirmAction>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ErrorAlert error={co.retire.error} />
      {versions.length > 1 && (
        <>
          <Title order={4} fz={15}>
            {t('co.diffTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('co.diffFrom')}
              placeholder={t('co.diffDefaultFrom')}
              data={options}
              value={from}
              onChange={setFrom}
              clearable
            />
            <Select
              label={t('co.diffTo')}
              placeholder={t('co.diffDefaultTo')}
              data={options}
              value={to}
              onChange={setTo}
              clearable
            />
          </SimpleGrid>
          <DiffView frameworkId={framework.id} from={from} to={to} />
        </>
      )}
    </Stack>
  );
}

function DiffView({
  frameworkId,
  from,
  to,
}: {
  frameworkId: string;
  from: string | null;
  to: string | null;
}) {
  const { t } = useTranslation();
  const diff = useDiff(frameworkId, from, to);
  if (diff.isPending) return <PageLoader />;
  if (diff.isError) return <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />;
  const d: VersionDiff = diff.data;
  return (
    <Stack gap="sm" data-testid="version-diff">
      <Text size="sm" c="dimmed">
        {t('co.diffBetween', { from: d.from.number, to: d.to.number })}
      </Text>
      {d.same && <Text size="sm">{t('co.diffSame')}</Text>}
      {d.indicators.added.map((i) => (
        <DiffLine
          key={`a-${i.code}`}
          color="teal"
          sign="+"
          label={`${i.code} — ${i.labelFr}`}
          kind={t('co.diffAddedIndicator')}
        />
      ))}
      {d.indicators.removed.map((i) => (
        <DiffLine
          key={`r-${i.code}`}
          color="red"
          sign="−"
          label={`${i.code} — ${i.labelFr}`}
          kind={t('co.diffRemovedIndicator')}
        />
      ))}
      {d.indicators.changed.map((c) => (
        <Card key={`c-${c.code}`} withBorder radius="sm" padding="sm">
          <Group gap="xs">
            <Text fw={600} size="sm">
              ~ {c.code} — {c.labelFr}
            </Text>
            {c.seriesBreak.length > 0 && (
              <Badge color="orange" variant="filled" data-testid="series-break-badge">
                {t('co.seriesBreak')}
              </Badge>
            )}
          </Group>
          <FieldChanges changes={c.changes} />
          {c.seriesBreak.length > 0 && (
            <Text size="xs" c="orange.8" mt={4}>
              {t('co.seriesBreakHint')}
            </Text>
          )}
        </Card>
      ))}
      {d.nodes.added.map((n) => (
        <DiffLine
          key={`na-${n.lineage}`}
          color="teal"
          sign="+"
          label={n.labelFr}
          kind={t(`nodeKind.${n.kind}`, { defaultValue: n.kind })}
        />
      ))}
      {d.nodes.removed.map((n) => (
        <DiffLine
          key={`nr-${n.lineage}`}
          color="red"
          sign="−"
          label={n.labelFr}
          kind={t(`nodeKind.${n.kind}`, { defaultValue: n.kind })}
        />
      ))}
      {d.nodes.changed.map((c) => (
        <Card key={`nc-${c.lineage}`} withBorder radius="sm" padding="sm">
          <Text fw={600} size="sm">
            ~ {c.labelFr}
          </Text>
          <FieldChanges changes={c.changes} />
        </Card>
      ))}
    </Stack>
  );
}

function DiffLine({
  color,
  sign,
  label,
  kind,
}: {
  color: string;
  sign: string;
  label: string;
  kind: string;
}) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge color={color} variant="light" w={28} p={0}>
        {sign}
      </Badge>
      <Text size="sm">
        <Text span c="dimmed">
          {kind} ·{' '}
        </Text>
        {label}
      </Text>
    </Group>
  );
}

function HistoryTab({ frameworkId }: { frameworkId: string }) {
  const { t } = useTranslation();
  const audit = useAudit(frameworkId);
  if (audit.isPending) return <PageLoader />;
  if (audit.isError) return <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.length === 0)
    return <Empty title={t('co.noHistoryTitle')} description={t('co.noHistory')} />;
  return <AuditTable events={audit.data} label={t('co.historyTab')} />;
}

/** An audit trail: when, who, and one readable sentence saying what. */
export function AuditTable({ events, label }: { events: AuditEvent[]; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table verticalSpacing={6} aria-label={label} data-testid="audit-trail">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('co.when')}</Table.Th>
          <Table.Th>{t('co.who')}</Table.Th>
          <Table.Th>{t('co.what')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {events.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, locale)}</Table.Td>
            <Table.Td>{e.userName}</Table.Td>
            <Table.Td>{describe(e, t as unknown as Translate)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** One readable sentence per audit entry. */
type Translate = (key: string, options?: Record<string, unknown>) => string;

function describe(e: AuditEvent, t: Translate): string {
  const d = e.detail;
  const str = (k: string) =>
    typeof d[k] === 'string' || typeof d[k] === 'number' ? String(d[k]) : '';
  const values = {
    code: str('code'),
    label: str('labelFr') || str('title'),
    version: str('version'),
    organisation: str('organisation'),
    question: str('question'),
    choice: d.choice ? t(`co.choice.${str('choice')}`) : '',
    outcome: d.outcome ? t(`co.outcome.${str('outcome')}`) : '',
    fields: Array.isArray(d.changes)
      ? (d.changes as { field: string }[])
          .map((c) => t(`diffField.${c.field}`, { defaultValue: c.field }))
          .join(', ')
      : '',
  };
  return t(`audit.${e.action}`, { ...values, defaultValue: e.action });
}

/** Sends one proposal; the framework's lists refresh afterwards. */
export function useProposalMutation(frameworkId: string) {
  return useCoConstruction(frameworkId).createProposal;
}

/** The coordinators put the draft to the COPIL's vote, on the revision they see. */
export function SubmitToVoteButton({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const co = useCoConstruction(framework.id);
  const draft = framework.draft;
  if (!draft) return null;
  return (
    <Stack gap={4} align="flex-end">
      <ConfirmAction
        message={t('co.openVoteConfirm', { number: draft.number })}
        confirmLabel={t('co.openVote')}
        onConfirm={() => co.openVote.mutate(draft.revision)}
        loading={co.openVote.isPending}
        color="socle"
      >
        <Button loading={co.openVote.isPending}>{t('co.submitToVote')}</Button>
      </ConfirmAction>
      <ErrorAlert error={co.openVote.error} />
    </Stack>
  );
}

/**
 * A member proposes a new indicator, or a change to one: only the fields changed are sent,
 * with the reason given.
 */
export function ProposalForm({
  indicator,
  nodes,
  mutation,
  onDone,
}: {
  indicator: Indicator | null;
  nodes: TocNode[];
  mutation: Co['createProposal'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [rationale, setRationale] = useState('');
  const [nothing, setNothing] = useState(false);
  return (
    <Stack gap="md">
      <Textarea
        label={t('co.rationale')}
        description={t('co.rationaleHint')}
        autosize
        minRows={2}
        maxLength={4000}
        value={rationale}
        onChange={(e) => setRationale(e.currentTarget.value)}
      />
      {nothing && (
        <Alert color="yellow" variant="light">
          {t('co.nothingChanged')}
        </Alert>
      )}
      <IndicatorForm
        indicator={indicator}
        nodes={nodes}
        mutation={mutation}
        submitLabel={t('co.sendProposal')}
        onSubmit={(body, done) => {
          if (!indicator) {
            mutation.mutate(
              { action: 'add_indicator', indicator: body, rationale },
              { onSuccess: done },
            );
            return;
          }
          const changes = changedFields(indicator, body);
          if (Object.keys(changes).length === 0) {
            setNothing(true);
            return;
          }
          mutation.mutate(
            { action: 'edit_indicator', code: indicator.code, changes, rationale },
            { onSuccess: done },
          );
        }}
        onDone={onDone}
      />
    </Stack>
  );
}

/** The fields of `after` whose value differs from `before`: what a change proposal sends. */
export function changedFields<T extends object>(before: object, after: T): Partial<T> {
  const old = before as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(after).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(old[key]),
    ),
  ) as Partial<T>;
}

/** Each changed field, before → after. */
function FieldChanges({
  changes,
}: {
  changes: { field: string; before?: unknown; after?: unknown }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {changes.map((ch) => (
        <Text size="sm" key={ch.field}>
          <Text span fw={600}>
            {t(`diffField.${ch.field}`, { defaultValue: ch.field })}
          </Text>{' '}
          : <FieldValue field={ch.field} value={ch.before} /> →{' '}
          <FieldValue field={ch.field} value={ch.after} />
        </Text>
      ))}
    </>
  );
}
