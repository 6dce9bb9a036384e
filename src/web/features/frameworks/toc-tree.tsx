import { ActionIcon, Badge, Box, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator, TocNode } from '../../api/types.ts';
import { useLabel } from '../../i18n/use-locale.ts';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { IconPencil, IconPlus, IconTrash } from '../../ui/icons.tsx';

const kindOrder: Record<TocNode['kind'], number> = {
  impact: 0,
  outcome: 1,
  output: 2,
  activity: 3,
};
const kindColor: Record<TocNode['kind'], string> = {
  impact: 'indigo',
  outcome: 'socle',
  output: 'cyan',
  activity: 'gray',
};

export type TreeItem = { node: TocNode; children: TreeItem[] };

/** Nests nodes under their parents; a node whose parent is unknown becomes a root. */
export function buildTree(nodes: TocNode[]): TreeItem[] {
  const ids = new Set(nodes.map((n) => n.id));
  const byParent = new Map<string | null, TocNode[]>();
  for (const node of nodes) {
    const parent = node.parentId && ids.has(node.parentId) ? node.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), node]);
  }
  const grow = (parent: string | null, seen: Set<string>): TreeItem[] =>
    (byParent.get(parent) ?? [])
      .filter((n) => !seen.has(n.id))
      .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind])
      .map((node) => ({ node, children: grow(node.id, new Set([...seen, node.id])) }));
  return grow(null, new Set());
}

/** The theory of change as an indented tree: impact → outcomes → outputs → activities. */
export function TocTree({
  nodes,
  indicators,
  canEdit,
  onAddChild,
  onEdit,
  onDelete,
  deleting,
  propose = false,
}: {
  nodes: TocNode[];
  indicators: Indicator[];
  canEdit: boolean;
  /** A member's view: the actions propose changes to the collective instead of making them. */
  propose?: boolean;
  onAddChild: (parent: TocNode) => void;
  onEdit?: (node: TocNode) => void;
  onDelete: (node: TocNode) => void;
  deleting: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const tree = buildTree(nodes);
  const codesByNode = new Map<string, string[]>();
  for (const indicator of indicators) {
    if (indicator.nodeId) {
      codesByNode.set(indicator.nodeId, [
        ...(codesByNode.get(indicator.nodeId) ?? []),
        indicator.code,
      ]);
    }
  }

  const render = (items: TreeItem[], depth: number) => (
    <ul className="socle-tree" aria-label={depth === 0 ? t('framework.theory') : undefined}>
      {items.map(({ node, children }) => (
        <li key={node.id}>
          <Box className="socle-tree-node" data-kind={node.kind}>
            <Group gap="xs" wrap="nowrap" justify="space-between" align="flex-start">
              <Box style={{ minWidth: 0 }}>
                <Group gap={6} mb={2}>
                  <Badge size="xs" variant="light" color={kindColor[node.kind]}>
                    {t(`nodeKind.${node.kind}`)}
                  </Badge>
                  {node.stakeholderGroup && (
                    <Text size="xs" c="dimmed">
                      {t(`stakeholder.${node.stakeholderGroup}`)}
                    </Text>
                  )}
                </Group>
                <Text size="sm" fw={node.kind === 'impact' ? 650 : 500}>
                  {label(node)}
                </Text>
                {(codesByNode.get(node.id) ?? []).length > 0 && (
                  <Group gap={4} mt={4}>
                    {(codesByNode.get(node.id) ?? []).map((code) => (
                      <Badge key={code} size="xs" variant="outline" color="gray" radius="sm">
                        {code}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Box>
              {canEdit && (
                <Group gap={2} wrap="nowrap">
                  {onEdit && (
                    <Tooltip label={propose ? t('co.proposeNodeChange', { label: label(node) }) : t('common.edit')}>
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        onClick={() => onEdit(node)}
                        aria-label={propose ? t('co.proposeNodeChange', { label: label(node) }) : t('node.editNamed', { label: label(node) })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                  )}
                  <Tooltip label={propose ? t('co.proposeNodeBelow', { label: label(node) }) : t('node.addBelow')}>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      onClick={() => onAddChild(node)}
                      aria-label={propose ? t('co.proposeNodeBelow', { label: label(node) }) : t('node.addBelowNamed', { label: label(node) })}
                    >
                      <IconPlus size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <ConfirmAction
                    message={propose ? t('co.proposeNodeRemovalConfirm', { label: label(node) }) : t('node.deleteConfirm')}
                    confirmLabel={propose ? t('co.sendProposal') : t('common.delete')}
                    onConfirm={() => onDelete(node)}
                    loading={deleting}
                  >
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={propose ? t('co.proposeNodeRemoval', { label: label(node) }) : t('node.deleteNamed', { label: label(node) })}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </ConfirmAction>
                </Group>
              )}
            </Group>
          </Box>
          {children.length > 0 && render(children, depth + 1)}
        </li>
      ))}
    </ul>
  );

  return render(tree, 0);
}
