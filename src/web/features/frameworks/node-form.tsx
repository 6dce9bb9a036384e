import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nodeKinds, stakeholderGroups } from '../../api/enums.ts';
import type { TocNode } from '../../api/types.ts';
import { useLabel } from '../../i18n/use-locale.ts';
import { ErrorAlert, useFieldErrors } from '../../ui/errors.tsx';
import type { NodeBody } from './use-framework-mutations.ts';

type Kind = TocNode['kind'];

/** The kind a child of `parent` usually has: impact → outcome → output → activity. */
export function childKind(parent: TocNode | null): Kind {
  if (!parent) return 'impact';
  const order: Kind[] = ['impact', 'outcome', 'output', 'activity'];
  return order[Math.min(order.indexOf(parent.kind) + 1, order.length - 1)] ?? 'activity';
}

/** The node and everything under it (a node cannot be placed under one of these). */
function withDescendants(nodes: TocNode[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parentId && found.has(n.parentId) && !found.has(n.id)) {
        found.add(n.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Adds an element of the theory of change under an optional parent, or edits `node`. */
export function NodeForm({
  nodes,
  parentId,
  node,
  mutation,
  onSubmit,
  onDone,
}: {
  nodes: TocNode[];
  parentId: string | null;
  node?: TocNode;
  mutation: { error: unknown; isPending: boolean };
  onSubmit: (body: NodeBody, done: () => void) => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const parent = nodes.find((n) => n.id === parentId) ?? null;
  const [kind, setKind] = useState<Kind>(node?.kind ?? childKind(parent));
  const [labelFr, setLabelFr] = useState(node?.labelFr ?? '');
  const [labelEn, setLabelEn] = useState(node?.labelEn ?? '');
  const [stakeholder, setStakeholder] = useState<TocNode['stakeholderGroup']>(
    node ? node.stakeholderGroup : (parent?.stakeholderGroup ?? null),
  );
  const [parentChoice, setParentChoice] = useState<string | null>(node ? node.parentId : parentId);
  const excluded = node ? withDescendants(nodes, node.id) : new Set<string>();
  const fieldError = useFieldErrors(mutation.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(
      {
        kind,
        labelFr: labelFr.trim(),
        labelEn: labelEn.trim(),
        stakeholderGroup: stakeholder,
        parentId: parentChoice,
      },
      onDone,
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={mutation.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('node.kind')}
            data={nodeKinds.map((k) => ({ value: k, label: t(`nodeKind.${k}`) }))}
            value={kind}
            onChange={(v) => v && setKind(v)}
            allowDeselect={false}
            error={fieldError('kind')}
          />
          <Select
            label={t('node.parent')}
            placeholder={t('node.noParent')}
            data={nodes
              .filter((n) => !excluded.has(n.id))
              .map((n) => ({
                value: n.id,
                label: `${t(`nodeKind.${n.kind}`)} · ${label(n)}`,
              }))}
            value={parentChoice}
            onChange={setParentChoice}
            clearable
            error={fieldError('parentId')}
          />
        </SimpleGrid>
        <TextInput
          label={t('node.labelFr')}
          description={t(`nodeHint.${kind}`)}
          required
          value={labelFr}
          onChange={(e) => setLabelFr(e.currentTarget.value)}
          error={fieldError('labelFr')}
          data-autofocus
        />
        <TextInput
          label={t('node.labelEn')}
          description={t('common.optional')}
          value={labelEn}
          onChange={(e) => setLabelEn(e.currentTarget.value)}
          error={fieldError('labelEn')}
        />
        <Select
          label={t('node.stakeholder')}
          description={t('common.optional')}
          placeholder={t('node.noStakeholder')}
          data={stakeholderGroups.map((k) => ({ value: k, label: t(`stakeholder.${k}`) }))}
          value={stakeholder}
          onChange={(v) => setStakeholder(v)}
          clearable
          error={fieldError('stakeholderGroup')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {node ? t('common.save') : t('node.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
