import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFramework } from '../../api/queries.ts';
import type { FrameworkVersion, Indicator, TocNode } from '../../api/types.ts';
import { formatDate } from '../../format/index.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { Link, paths } from '../../router.tsx';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { ErrorAlert } from '../../ui/errors.tsx';
import { IconCheck, IconFramework, IconPencil, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { Empty, PageHeader, PageLoader } from '../../ui/page.tsx';
import { useWorkspace } from '../shell/workspace.tsx';
import { BankModal } from './bank-modal.tsx';
import {
  changedFields,
  CoConstructionPanel,
  ProposalForm,
  SubmitToVoteButton,
  useProposalMutation,
} from './co-construction.tsx';
import { FrameworkExportMenu } from './export-menu.tsx';
import { IndicatorForm } from './indicator-form.tsx';
import { NodeForm } from './node-form.tsx';
import { TocDiagram, TocDiagramEmpty } from './toc-diagram.tsx';
import { TocTree } from './toc-tree.tsx';
import { useFrameworkMutations } from './use-framework-mutations.ts';

export function FrameworkPage() {
  const { t } = useTranslation();
  const { org, collective } = useWorkspace();
  const [tab, setTab] = useState<string | null>(null);
  // The collective may load after the page: the common framework comes first once it is known.
  const active = collective ? (tab ?? 'common') : 'specific';
  return (
    <>
      <PageHeader title={t('framework.title')} description={t('framework.intro')} />
      <Tabs value={active} onChange={setTab} keepMounted={false} variant="outline">
        <Tabs.List mb="lg">
          <Tabs.Tab value="common" disabled={!collective}>
            {t('framework.commonTab')}
          </Tabs.Tab>
          <Tabs.Tab value="specific">{t('framework.specificTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="common">
          {collective && (
            <FrameworkView
              frameworkId={collective.commonFrameworkId}
              ownerLabel={t('framework.commonOwner', { collective: collective.name })}
            />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="specific">
          <FrameworkView
            frameworkId={org.specificFrameworkId}
            ownerLabel={t('framework.specificOwner', { organisation: org.name })}
          />
        </Tabs.Panel>
      </Tabs>
      {!collective && (
        <Text size="sm" c="dimmed" mt="xl">
          {t('framework.noCollective')}{' '}
          <Anchor component={Link} to={paths.collective} size="sm">
            {t('framework.noCollectiveLink')}
          </Anchor>
        </Text>
      )}
    </>
  );
}

type Dialog =
  | { type: 'indicator'; indicator: Indicator | null; propose?: boolean }
  | { type: 'node'; parentId: string | null; node?: TocNode; propose?: boolean }
  | { type: 'bank' }
  | null;

function FrameworkView({ frameworkId, ownerLabel }: { frameworkId: string; ownerLabel: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useFramework(frameworkId);
  const { collective } = useWorkspace();
  const m = useFrameworkMutations(frameworkId);
  const proposals = useProposalMutation(frameworkId);
  const [which, setWhich] = useState<'draft' | 'adopted' | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [tocView, setTocView] = useState<'diagram' | 'list'>('diagram');

  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const framework = query.data;
  const { canEdit, draft, adopted } = framework;
  const preferred = which ?? (canEdit && draft ? 'draft' : adopted ? 'adopted' : 'draft');
  const version: FrameworkVersion | null =
    preferred === 'draft' ? (draft ?? adopted) : (adopted ?? draft);
  const showingDraft = version !== null && version === draft;
  // Edits go to the draft; the server opens one from the adopted version when needed. A
  // version under a COPIL vote is frozen.
  const frozen = draft?.status === 'proposed';
  const editable = canEdit && (showingDraft || !draft) && !frozen;
  // Members who cannot edit the common framework propose changes to it.
  const proposer = framework.canPropose && !canEdit;
  const nodes = version?.nodes ?? [];
  const indicators = version?.indicators ?? [];

  const close = () => setDialog(null);

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <div>
            <Text size="sm" c="dimmed">
              {ownerLabel}
            </Text>
            <Title order={2} fz={20} mt={2}>
              {framework.name}
            </Title>
            <Group gap="xs" mt="xs">
              {version ? (
                <>
                  <Badge
                    color={version.status === 'adopted' ? 'socle' : 'yellow'}
                    variant="filled"
                    data-testid="framework-status"
                  >
                    {t(`versionStatus.${version.status}`)}
                  </Badge>
                  <Badge variant="outline" color="gray">
                    {t('framework.version', { number: version.number })}
                  </Badge>
                  {version.adoptedAt && (
                    <Text size="xs" c="dimmed">
                      {t('framework.adoptedOn', { date: formatDate(version.adoptedAt, locale) })}
                    </Text>
                  )}
                </>
              ) : (
                <Badge variant="outline" color="gray">
                  {t('framework.noVersion')}
                </Badge>
              )}
              {!canEdit && (
                <Text size="xs" c="dimmed">
                  {t('framework.readOnly')}
                </Text>
              )}
            </Group>
          </div>
          <Group gap="sm">
            <FrameworkExportMenu
              frameworkId={frameworkId}
              versionId={version?.id ?? null}
              canEdit={canEdit}
              draftRevision={draft?.revision}
              onImported={() => setWhich(null)}
            />
            {draft && adopted && (
              <SegmentedControl
                size="xs"
                aria-label={t('framework.whichVersion')}
                value={showingDraft ? 'draft' : 'adopted'}
                onChange={(v) => setWhich(v === 'draft' ? 'draft' : 'adopted')}
                data={[
                  {
                    value: 'adopted',
                    label: t('framework.showAdopted', { number: adopted.number }),
                  },
                  { value: 'draft', label: t('framework.showDraft', { number: draft.number }) },
                ]}
              />
            )}
            {canEdit && draft && framework.scope === 'common' && draft.status === 'draft' && (
              <SubmitToVoteButton framework={framework} />
            )}
            {canEdit && draft && framework.scope === 'specific' && (
              <ConfirmAction
                message={t('framework.adoptConfirm', { number: draft.number })}
                confirmLabel={t('framework.adopt')}
                onConfirm={() =>
                  m.adopt.mutate(draft.revision, { onSuccess: () => setWhich(null) })
                }
                loading={m.adopt.isPending}
                color="socle"
              >
                <Button leftSection={<IconCheck size={18} />} loading={m.adopt.isPending}>
                  {t('framework.adopt')}
                </Button>
              </ConfirmAction>
            )}
          </Group>
        </Group>
        {canEdit && !draft && adopted && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('framework.editOpensDraft')}
          </Text>
        )}
        {frozen && (
          <Alert color="orange" variant="light" mt="sm" data-testid="frozen-notice">
            {t('co.frozen')}
          </Alert>
        )}
        <Stack mt="sm" gap="xs">
          <ErrorAlert error={m.adopt.error} />
          <ErrorAlert error={m.deleteIndicator.error} />
          <ErrorAlert error={m.deleteNode.error} />
        </Stack>
      </Card>

      <Card
        withBorder
        radius="md"
        padding="lg"
        component="section"
        aria-labelledby={`toc-${frameworkId}`}
      >
        <Group justify="space-between" mb="md">
          <div>
            <Title order={3} fz={17} id={`toc-${frameworkId}`}>
              {t('framework.theory')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('framework.theoryHint')}
            </Text>
          </div>
          <Group gap="sm">
            {nodes.length > 0 && (
              <SegmentedControl
                size="xs"
                aria-label={t('diagram.view')}
                value={tocView}
                onChange={(v) => setTocView(v === 'list' ? 'list' : 'diagram')}
                data={[
                  { value: 'diagram', label: t('diagram.viewDiagram') },
                  { value: 'list', label: t('diagram.viewList') },
                ]}
              />
            )}
            {editable && (
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                onClick={() => setDialog({ type: 'node', parentId: null })}
              >
                {t('node.add')}
              </Button>
            )}
            {proposer && (
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                onClick={() => setDialog({ type: 'node', parentId: null, propose: true })}
              >
                {t('co.proposeNode')}
              </Button>
            )}
          </Group>
        </Group>
        {nodes.length === 0 ? (
          <TocDiagramEmpty
            editable={editable}
            onAdd={() => setDialog({ type: 'node', parentId: null })}
          />
        ) : tocView === 'diagram' ? (
          <TocDiagram
            frameworkName={framework.name}
            nodes={nodes}
            indicators={indicators}
            editable={editable}
            onEdit={(node) => setDialog({ type: 'node', parentId: node.parentId, node })}
            onAddChild={(parent) => setDialog({ type: 'node', parentId: parent.id })}
            onDelete={(node) => m.deleteNode.mutate({ id: node.id, revision: node.revision })}
            deleting={m.deleteNode.isPending}
          />
        ) : (
          <TocTree
            nodes={nodes}
            indicators={indicators}
            canEdit={editable || proposer}
            propose={proposer}
            onAddChild={(parent) =>
              setDialog({ type: 'node', parentId: parent.id, propose: proposer })
            }
            onEdit={(node) =>
              setDialog({ type: 'node', parentId: node.parentId, node, propose: proposer })
            }
            onDelete={(node) =>
              proposer
                ? proposals.mutate({ action: 'remove_node', nodeId: node.id, rationale: '' })
                : m.deleteNode.mutate({ id: node.id, revision: node.revision })
            }
            deleting={proposer ? proposals.isPending : m.deleteNode.isPending}
          />
        )}
        {proposer && tocView === 'diagram' && nodes.length > 0 && (
          <Text size="xs" c="dimmed" mt="xs">
            {t('co.nodeProposalHint')}
          </Text>
        )}
        <ErrorAlert error={proposals.error} />
      </Card>

      <Card
        withBorder
        radius="md"
        padding="lg"
        component="section"
        aria-labelledby={`ind-${frameworkId}`}
      >
        <Group justify="space-between" mb="md">
          <div>
            <Title order={3} fz={17} id={`ind-${frameworkId}`}>
              {t('framework.indicators')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('framework.indicatorsHint')}
            </Text>
          </div>
          <Group gap="sm">
            {(canEdit || proposer) && (
              <Button
                variant="light"
                leftSection={<IconFramework size={16} />}
                onClick={() => setDialog({ type: 'bank' })}
              >
                {proposer ? t('co.proposeFromBank') : t('bank.open')}
              </Button>
            )}
            {proposer && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setDialog({ type: 'indicator', indicator: null, propose: true })}
              >
                {t('co.proposeIndicator')}
              </Button>
            )}
            {editable && (
              <Button
                leftSection={<IconPlus size={16} />}
                onClick={() => setDialog({ type: 'indicator', indicator: null })}
              >
                {t('indicator.add')}
              </Button>
            )}
          </Group>
        </Group>
        {indicators.length === 0 ? (
          <Empty
            icon={<IconFramework size={26} />}
            title={t('framework.indicatorsEmptyTitle')}
            description={
              editable ? t('framework.indicatorsEmptyEdit') : t('framework.indicatorsEmpty')
            }
          />
        ) : (
          <IndicatorTable
            indicators={indicators}
            editable={editable}
            proposer={proposer}
            onPropose={(indicator) => setDialog({ type: 'indicator', indicator, propose: true })}
            onProposeRemoval={(indicator) =>
              proposals.mutate({ action: 'remove_indicator', code: indicator.code, rationale: '' })
            }
            onEdit={(indicator) => setDialog({ type: 'indicator', indicator })}
            onDelete={(indicator) =>
              m.deleteIndicator.mutate({ id: indicator.id, revision: indicator.revision })
            }
            deleting={m.deleteIndicator.isPending}
          />
        )}
      </Card>

      <Modal
        opened={dialog?.type === 'indicator'}
        onClose={close}
        size="xl"
        title={
          dialog?.type === 'indicator' && dialog.propose
            ? dialog.indicator
              ? t('co.proposeChange', { code: dialog.indicator.code })
              : t('co.proposeIndicator')
            : dialog?.type === 'indicator' && dialog.indicator
              ? t('indicator.editTitle', { code: dialog.indicator.code })
              : t('indicator.addTitle')
        }
      >
        {dialog?.type === 'indicator' && dialog.propose && (
          <ProposalForm
            key={dialog.indicator?.id ?? 'new-proposal'}
            indicator={dialog.indicator}
            nodes={nodes}
            mutation={proposals}
            onDone={() => {
              proposals.reset();
              close();
            }}
          />
        )}
        {dialog?.type === 'indicator' && !dialog.propose && (
          <IndicatorForm
            key={dialog.indicator?.id ?? 'new'}
            indicator={dialog.indicator}
            nodes={nodes}
            mutation={dialog.indicator ? m.updateIndicator : m.createIndicator}
            onSubmit={(body, done) => {
              if (dialog.indicator) {
                m.updateIndicator.mutate(
                  { id: dialog.indicator.id, body, revision: dialog.indicator.revision },
                  { onSuccess: done },
                );
              } else {
                m.createIndicator.mutate(body, { onSuccess: done });
              }
            }}
            onDone={() => {
              m.createIndicator.reset();
              m.updateIndicator.reset();
              close();
            }}
          />
        )}
      </Modal>
      {(canEdit || proposer) && (
        <BankModal
          frameworkId={frameworkId}
          collectiveId={collective?.id ?? null}
          propose={proposer}
          opened={dialog?.type === 'bank'}
          onClose={close}
          // Additions go to the draft: show it.
          onAdded={() => setWhich(null)}
        />
      )}
      <Modal
        opened={dialog?.type === 'node'}
        onClose={close}
        size="lg"
        title={
          dialog?.type === 'node' && dialog.propose
            ? dialog.node
              ? t('co.proposeNodeChange', { label: dialog.node.labelFr })
              : t('co.proposeNode')
            : dialog?.type === 'node' && dialog.node
              ? t('node.editTitle')
              : t('node.addTitle')
        }
      >
        {dialog?.type === 'node' && dialog.propose && (
          <NodeForm
            key={dialog.node?.id ?? 'new-node-proposal'}
            nodes={nodes}
            parentId={dialog.parentId}
            node={dialog.node}
            mutation={proposals}
            onSubmit={(body, done) => {
              const node = dialog.node;
              if (!node) {
                proposals.mutate(
                  { action: 'add_node', node: body, rationale: '' },
                  { onSuccess: done },
                );
                return;
              }
              const changes = changedFields(node, body);
              if (Object.keys(changes).length === 0) return done();
              proposals.mutate(
                { action: 'edit_node', nodeId: node.id, changes, rationale: '' },
                { onSuccess: done },
              );
            }}
            onDone={() => {
              proposals.reset();
              close();
            }}
          />
        )}
        {dialog?.type === 'node' && !dialog.propose && (
          <NodeForm
            key={dialog.node?.id ?? 'new'}
            nodes={nodes}
            parentId={dialog.parentId}
            node={dialog.node}
            mutation={dialog.node ? m.updateNode : m.createNode}
            onSubmit={(body, done) => {
              if (dialog.node) {
                m.updateNode.mutate(
                  { id: dialog.node.id, body, revision: dialog.node.revision },
                  { onSuccess: done },
                );
              } else {
                m.createNode.mutate(body, { onSuccess: done });
              }
            }}
            onDone={() => {
              m.createNode.reset();
              m.updateNode.reset();
              close();
            }}
          />
        )}
      </Modal>
      {framework.scope === 'common' && <CoConstructionPanel framework={framework} />}
    </Stack>
  );
}

function IndicatorTable({
  indicators,
  editable,
  proposer = false,
  onPropose,
  onProposeRemoval,
  onEdit,
  onDelete,
  deleting,
}: {
  indicators: Indicator[];
  editable: boolean;
  proposer?: boolean;
  onPropose?: (indicator: Indicator) => void;
  onProposeRemoval?: (indicator: Indicator) => void;
  onEdit: (indicator: Indicator) => void;
  onDelete: (indicator: Indicator) => void;
  deleting: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('framework.indicators')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('indicator.code')}</Table.Th>
            <Table.Th>{t('indicator.label')}</Table.Th>
            <Table.Th>{t('indicator.kind')}</Table.Th>
            <Table.Th>{t('indicator.stakeholder')}</Table.Th>
            <Table.Th>{t('indicator.computation')}</Table.Th>
            <Table.Th>{t('indicator.unit')}</Table.Th>
            <Table.Th>{t('indicator.polarity')}</Table.Th>
            {(editable || proposer) && (
              <Table.Th>
                <span className="socle-sr-only">{t('common.actions')}</span>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((indicator) => (
            <Table.Tr key={indicator.id} data-testid={`framework-indicator-${indicator.code}`}>
              <Table.Td>
                <Text ff="monospace" size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {indicator.code}
                </Text>
              </Table.Td>
              <Table.Td maw={320}>{label(indicator)}</Table.Td>
              <Table.Td>{t(`indicatorKind.${indicator.kind}`)}</Table.Td>
              <Table.Td>{t(`stakeholder.${indicator.stakeholderGroup}`)}</Table.Td>
              <Table.Td>
                {t(`computation.${indicator.computation.type}`)}
                {indicator.computation.type === 'share' && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {indicator.computation.options.join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {indicator.computation.type === 'share' ? '%' : indicator.unit || '—'}
              </Table.Td>
              <Table.Td>{t(`polarity.${indicator.polarity}`)}</Table.Td>
              {editable && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <Tooltip label={t('common.edit')}>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => onEdit(indicator)}
                        aria-label={t('indicator.editNamed', { code: indicator.code })}
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <ConfirmAction
                      message={t('indicator.deleteConfirm', { code: indicator.code })}
                      confirmLabel={t('common.delete')}
                      onConfirm={() => onDelete(indicator)}
                      loading={deleting}
                    >
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('indicator.deleteNamed', { code: indicator.code })}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </ConfirmAction>
                  </Group>
                </Table.Td>
              )}
              {proposer && (
                <Table.Td>
                  <Group gap={2} wrap="nowrap" justify="flex-end">
                    <Tooltip label={t('co.proposeChange', { code: indicator.code })}>
                      <ActionIcon
                        variant="subtle"
                        onClick={() => onPropose?.(indicator)}
                        aria-label={t('co.proposeChange', { code: indicator.code })}
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                    <ConfirmAction
                      message={t('co.proposeRemovalConfirm', { code: indicator.code })}
                      confirmLabel={t('co.sendProposal')}
                      onConfirm={() => onProposeRemoval?.(indicator)}
                    >
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('co.proposeRemoval', { code: indicator.code })}
                      >
                        <IconTrash size={18} />
                      </ActionIcon>
                    </ConfirmAction>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
