import { Alert, Box, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, TocNode } from '../../api/types.ts';
import { useLabel, useLocale } from '../../i18n/use-locale.ts';
import { IconFramework, IconPencil, IconPlus, IconTrash } from '../../ui/icons.tsx';
import { Empty } from '../../ui/page.tsx';
import { downloadBlob, exportFileName, serializeDiagram, svgToPng } from './toc-diagram-export.ts';
import {
  firstNode,
  layoutDiagram,
  layoutLegend,
  metrics,
  moveFocus,
  type LaidNode,
  type Move,
} from './toc-layout.ts';

type Kind = TocNode['kind'];
type Group = TocNode['stakeholderGroup'];

const FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

/** Accent and text colours of each kind (the tree view uses the same families). */
const kindColour: Record<Kind, { accent: string; text: string }> = {
  impact: { accent: '#4c6ef5', text: '#364fc7' },
  outcome: { accent: '#15877b', text: '#0c665d' },
  output: { accent: '#1098ad', text: '#0b7285' },
  activity: { accent: '#868e96', text: '#495057' },
};

/** Stakeholder group colours: a colour-blind-safe palette, darkened where text needs it. */
const groupColour: Record<NonNullable<Group>, { accent: string; text: string }> = {
  people_supported: { accent: '#0072b2', text: '#005b8f' },
  staff: { accent: '#d55e00', text: '#a84a00' },
  volunteers: { accent: '#009e73', text: '#007a59' },
  partners: { accent: '#cc79a7', text: '#9c4a79' },
  funders: { accent: '#e69f00', text: '#8f6300' },
  territory: { accent: '#7b61c4', text: '#5b43a0' },
};
const noGroup = { accent: '#868e96', text: '#495057' };
const colourOfGroup = (group: Group) => (group ? groupColour[group] : noGroup);

const accentOf = (node: LaidNode, bands: boolean) =>
  node.kind === 'outcome' && bands
    ? colourOfGroup(node.group).accent
    : kindColour[node.kind].accent;

/** The number of indicators hanging on a node: three bars and the count, right-aligned. */
function CountBadge({ count, right, top }: { count: number; right: number; top: number }) {
  const text = String(count);
  const width = 24 + text.length * 6.5;
  const ink = count > 0 ? '#1864ab' : '#adb5bd';
  return (
    <g transform={`translate(${right - width},${top})`}>
      <rect
        width={width}
        height={16}
        rx={8}
        fill={count > 0 ? '#e7f5ff' : '#f8f9fa'}
        stroke={count > 0 ? '#a5d8ff' : '#dee2e6'}
      />
      <rect x={7} y={8} width={2} height={4} fill={ink} />
      <rect x={10.5} y={5.5} width={2} height={6.5} fill={ink} />
      <rect x={14} y={3} width={2} height={9} fill={ink} />
      <text x={19} y={12} fontSize={10.5} fontWeight={700} fill={ink}>
        {text}
      </text>
    </g>
  );
}

/** Shown instead of the diagram while the theory of change has no element. */
export function TocDiagramEmpty({ editable, onAdd }: { editable: boolean; onAdd: () => void }) {
  const { t } = useTranslation();
  return (
    <Empty
      icon={<IconFramework size={26} />}
      title={t('diagram.emptyTitle')}
      description={editable ? t('framework.theoryEmptyEdit') : t('framework.theoryEmpty')}
      action={
        editable ? (
          <Button leftSection={<IconPlus size={16} />} onClick={onAdd}>
            {t('diagram.emptyAction')}
          </Button>
        ) : undefined
      }
    />
  );
}

/**
 * The theory of change as a diagram, from the activities (left) to the impact goal (right).
 * One tab stop: the arrow keys move between elements; editors open, add and remove from the
 * keyboard. The list view beside it stays the screen-reader-friendly alternative.
 */
export function TocDiagram({
  frameworkName,
  nodes,
  indicators,
  editable,
  onEdit,
  onAddChild,
  onDelete,
  deleting,
}: {
  frameworkName: string;
  nodes: TocNode[];
  indicators: Indicator[];
  editable: boolean;
  onEdit: (node: TocNode) => void;
  onAddChild: (parent: TocNode) => void;
  onDelete: (node: TocNode) => void;
  deleting: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const locale = useLocale();
  const uid = useId();
  const titleId = `${uid}-title`;
  const helpId = `${uid}-help`;
  const svgRef = useRef<SVGSVGElement>(null);
  const exitRef = useRef<HTMLButtonElement>(null);
  const nodeRefs = useRef(new Map<string, SVGGElement>());
  const [active, setActive] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const [confirming, setConfirming] = useState<TocNode | null>(null);
  const [exportError, setExportError] = useState(false);

  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  const layout = useMemo(
    () => layoutDiagram({ nodes, indicators, label: (id) => label(byId.get(id)!) }),
    // `label` changes with the language.
    [nodes, indicators, byId, locale],
  );
  const hasBands = layout.bands.length > 0;
  const legendLabels = [
    ...(hasBands
      ? layout.bands.map((b) => ({
          key: b.group ?? 'none',
          label: b.group ? t(`stakeholder.${b.group}`) : t('diagram.groupNone'),
        }))
      : []),
    ...(layout.nodes.some((n) => n.orphan)
      ? [{ key: 'orphan', label: t('diagram.legendOrphan') }]
      : []),
    { key: 'count', label: t('diagram.legendCount'), swatch: 30 },
  ].filter((item, i, all) => all.findIndex((other) => other.key === item.key) === i);
  const legendTop = layout.contentBottom + 18;
  const legend = layoutLegend(legendLabels, legendTop, layout.width);
  const height = legend.height > 0 ? legendTop + legend.height + metrics.pad - 6 : layout.height;
  const width = layout.width;

  // The node that holds the tab stop: the last one focused while it still exists.
  const current = active && byId.has(active) ? active : firstNode(layout);
  const currentNode = current ? (byId.get(current) ?? null) : null;

  // After a removal, focus goes to the parent (or a neighbour) once the list has refreshed.
  const focusAfterRemoval = useRef<string | null>(null);
  useEffect(() => {
    const target = focusAfterRemoval.current;
    if (target && byId.has(target)) {
      focusAfterRemoval.current = null;
      setActive(target);
      nodeRefs.current.get(target)?.focus();
    }
  }, [byId]);

  const focusNode = (id: string | null) => {
    if (!id) return;
    setActive(id);
    nodeRefs.current.get(id)?.focus();
  };

  const keys: Record<string, Move> = {
    ArrowUp: 'up',
    ArrowDown: 'down',
    ArrowLeft: 'left',
    ArrowRight: 'right',
    Home: 'first',
    End: 'last',
  };
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const move = keys[event.key];
    if (move) {
      event.preventDefault();
      focusNode(moveFocus(layout, current, move));
      return;
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      exitRef.current?.focus();
      return;
    }
    if (!editable || !currentNode) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onEdit(currentNode);
    } else if (event.key === 'n' || event.key === 'N') {
      event.preventDefault();
      onAddChild(currentNode);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      setConfirming(currentNode);
    }
  };

  const accessibleName = (n: LaidNode) => {
    const node = byId.get(n.id)!;
    const kind = t(`nodeKind.${n.kind}`);
    const group = n.group ? ` (${t(`stakeholder.${n.group}`)})` : '';
    const count = t('diagram.indicatorCount', { count: n.codes.length });
    const codes = n.codes.length > 0 ? ` : ${n.codes.join(', ')}` : '';
    const orphan = n.orphan ? `, ${t('diagram.orphan')}` : '';
    return `${kind}${group} : ${label(node)}${orphan}. ${count}${codes}`;
  };

  const exportName = (extension: 'svg' | 'png') =>
    exportFileName(frameworkName, t('diagram.fileSuffix'), extension);
  const exportSvg = () => {
    if (!svgRef.current) return;
    setExportError(false);
    const text = serializeDiagram(svgRef.current);
    downloadBlob(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }), exportName('svg'));
  };
  const exportPng = async () => {
    if (!svgRef.current) return;
    setExportError(false);
    try {
      const blob = await svgToPng(serializeDiagram(svgRef.current), width, height, 2);
      downloadBlob(blob, exportName('png'));
    } catch {
      setExportError(true);
    }
  };

  const upper = (text: string) => text.toLocaleUpperCase(locale);
  const isLinked = (id: string) =>
    current !== null && (id === current || byId.get(current)?.parentId === id);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Text size="xs" c="dimmed" id={helpId} maw={620}>
          {t('diagram.help')} {editable && t('diagram.helpEdit')}
        </Text>
        <Group gap="xs" role="toolbar" aria-label={t('diagram.toolbar')}>
          <Button ref={exitRef} size="xs" variant="default" onClick={exportSvg}>
            {t('diagram.exportSvg')}
          </Button>
          <Button size="xs" variant="default" onClick={() => void exportPng()}>
            {t('diagram.exportPng')}
          </Button>
        </Group>
      </Group>
      {exportError && (
        <Alert color="red" variant="light" role="alert">
          {t('diagram.exportFailed')}
        </Alert>
      )}
      {editable && currentNode && (
        <Group gap="xs" wrap="wrap">
          <Text size="sm" c="dimmed" lineClamp={1} maw={420}>
            {t('diagram.selected', { label: label(currentNode) })}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            onClick={() => onEdit(currentNode)}
            aria-label={t('node.editNamed', { label: label(currentNode) })}
          >
            {t('common.edit')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => onAddChild(currentNode)}
            aria-label={t('node.addBelowNamed', { label: label(currentNode) })}
          >
            {t('node.addBelow')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={() => setConfirming(currentNode)}
            aria-label={t('node.deleteNamed', { label: label(currentNode) })}
          >
            {t('common.delete')}
          </Button>
        </Group>
      )}
      <Box
        style={{
          overflowX: 'auto',
          border: '1px solid var(--mantine-color-gray-3)',
          borderRadius: 'var(--mantine-radius-md)',
        }}
      >
        <svg
          ref={svgRef}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-labelledby={titleId}
          aria-describedby={helpId}
          fontFamily={FONT}
          onKeyDown={onKeyDown}
          onFocus={() => setFocused(true)}
          onBlur={(event) => {
            if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
          }}
          // Shrinks a little to fit narrow screens, then scrolls sideways.
          style={{
            display: 'block',
            width: '100%',
            maxWidth: width,
            minWidth: width * 0.8,
            height: 'auto',
          }}
          data-testid="toc-diagram"
        >
          <title id={titleId}>{t('diagram.title', { name: frameworkName })}</title>
          <rect x={0} y={0} width={width} height={height} fill="#ffffff" />
          <defs>
            <marker
              id={`${uid}-arrow`}
              viewBox="0 0 10 10"
              refX={9}
              refY={5}
              markerWidth={7}
              markerHeight={7}
              orient="auto-start-reverse"
            >
              <path d="M0,1 L9,5 L0,9 z" fill="#868e96" />
            </marker>
            <marker
              id={`${uid}-arrow-on`}
              viewBox="0 0 10 10"
              refX={9}
              refY={5}
              markerWidth={7}
              markerHeight={7}
              orient="auto-start-reverse"
            >
              <path d="M0,1 L9,5 L0,9 z" fill="#1c7ed6" />
            </marker>
          </defs>

          {/* Columns and their headings, activities on the left. */}
          <g aria-hidden="true">
            {layout.columns.map((column, c) => (
              <g key={column.kind}>
                <rect
                  x={column.x - 12}
                  y={metrics.pad - 6}
                  width={column.width + 24}
                  height={layout.contentBottom - metrics.pad + 18}
                  rx={12}
                  fill="#f8f9fa"
                />
                <text
                  x={column.x}
                  y={metrics.pad + 14}
                  fontSize={11.5}
                  fontWeight={700}
                  letterSpacing="0.06em"
                  fill={kindColour[column.kind].text}
                >
                  {upper(t(`diagram.columns.${column.kind}`))}
                </text>
                <text x={column.x} y={metrics.pad + 31} fontSize={11} fill="#6c757d">
                  {t('diagram.elementCount', { count: column.ids.length })}
                </text>
                {c < layout.columns.length - 1 && (
                  <path
                    d={`M${column.x + column.width + 18},${metrics.pad + 10} h${metrics.columnGap - 36}`}
                    stroke="#adb5bd"
                    strokeWidth={1.5}
                    markerEnd={`url(#${uid}-arrow)`}
                  />
                )}
              </g>
            ))}
          </g>

          {/* Stakeholder groups of the outcomes. */}
          <g aria-hidden="true">
            {layout.bands.map((band) => {
              const colour = colourOfGroup(band.group);
              return (
                <g key={band.group ?? 'none'}>
                  <rect
                    x={band.x}
                    y={band.y}
                    width={band.width}
                    height={band.height}
                    rx={10}
                    fill={colour.accent}
                    fillOpacity={0.07}
                    stroke={colour.accent}
                    strokeOpacity={0.35}
                  />
                  <circle cx={band.x + 14} cy={band.y + 13} r={4} fill={colour.accent} />
                  <text
                    x={band.x + 23}
                    y={band.y + 17}
                    fontSize={11.5}
                    fontWeight={650}
                    fill={colour.text}
                  >
                    {band.group ? t(`stakeholder.${band.group}`) : t('diagram.groupNone')}
                  </text>
                </g>
              );
            })}
          </g>

          {/* Links from each element to the one it serves. */}
          <g aria-hidden="true" fill="none">
            {layout.edges.map((edge) => {
              const on = focused && (edge.from === current || edge.to === current);
              return (
                <path
                  key={`${edge.from}>${edge.to}`}
                  d={edge.d}
                  stroke={on ? '#1c7ed6' : '#adb5bd'}
                  strokeWidth={on ? 2.25 : 1.5}
                  markerEnd={`url(#${uid}-arrow${on ? '-on' : ''})`}
                />
              );
            })}
          </g>

          {layout.nodes.map((n) => {
            const node = byId.get(n.id)!;
            const accent = accentOf(n, hasBands);
            const isCurrent = n.id === current;
            const textTop = metrics.nodePadY + metrics.kindLine + metrics.kindGap;
            const chipTop = textTop + n.lines.length * metrics.lineHeight + metrics.chipTop;
            return (
              <g
                key={n.id}
                ref={(element) => {
                  if (element) nodeRefs.current.set(n.id, element);
                  else nodeRefs.current.delete(n.id);
                }}
                transform={`translate(${n.x},${n.y})`}
                tabIndex={isCurrent ? 0 : -1}
                role={editable ? 'button' : 'img'}
                aria-label={accessibleName(n)}
                data-node-id={n.id}
                data-testid="diagram-node"
                onFocus={() => setActive(n.id)}
                onClick={() => focusNode(n.id)}
                onDoubleClick={() => editable && onEdit(node)}
                style={{ outline: 'none', cursor: editable ? 'pointer' : 'default' }}
              >
                <title>{label(node)}</title>
                {isCurrent && focused && (
                  <rect
                    data-export="skip"
                    x={-4}
                    y={-4}
                    width={n.width + 8}
                    height={n.height + 8}
                    rx={11}
                    fill="none"
                    stroke="#1c7ed6"
                    strokeWidth={3}
                  />
                )}
                <rect
                  x={0}
                  y={1.5}
                  width={n.width}
                  height={n.height}
                  rx={8}
                  fill="#000000"
                  fillOpacity={0.05}
                />
                <rect
                  x={0}
                  y={0}
                  width={n.width}
                  height={n.height}
                  rx={8}
                  fill="#ffffff"
                  stroke={n.orphan ? '#868e96' : isLinked(n.id) && focused ? '#74c0fc' : '#ced4da'}
                  strokeWidth={1}
                  strokeDasharray={n.orphan ? '5 4' : undefined}
                />
                <rect x={0} y={0} width={5} height={n.height} rx={2.5} fill={accent} />
                <text
                  x={metrics.nodePadX}
                  y={metrics.nodePadY + 9}
                  fontSize={10}
                  fontWeight={700}
                  letterSpacing="0.05em"
                  fill={kindColour[n.kind].text}
                >
                  {upper(t(`nodeKind.${n.kind}`))}
                </text>
                <CountBadge
                  count={n.codes.length}
                  right={n.width - metrics.nodePadX + 4}
                  top={metrics.nodePadY - 3}
                />
                <text
                  fontSize={metrics.fontSize}
                  fontWeight={n.kind === 'impact' ? 650 : 450}
                  fill="#212529"
                >
                  {n.lines.map((line, i) => (
                    <tspan
                      key={i}
                      x={metrics.nodePadX}
                      y={textTop + i * metrics.lineHeight + metrics.fontSize - 1}
                    >
                      {line}
                    </tspan>
                  ))}
                </text>
                {n.chips.map((chip) => (
                  <g
                    key={chip.text}
                    transform={`translate(${metrics.nodePadX + chip.x},${chipTop + chip.y})`}
                  >
                    <rect
                      width={chip.width}
                      height={metrics.chipHeight}
                      rx={4}
                      fill={chip.more ? '#ffffff' : '#f1f3f5'}
                      stroke="#ced4da"
                      strokeDasharray={chip.more ? '3 2' : undefined}
                    />
                    <text
                      x={chip.width / 2}
                      y={12.5}
                      textAnchor="middle"
                      fontSize={metrics.chipFont}
                      fontFamily={MONO}
                      fontWeight={600}
                      fill="#343a40"
                    >
                      {chip.text}
                    </text>
                  </g>
                ))}
              </g>
            );
          })}

          {legend.items.length > 0 && (
            <g aria-hidden="true">
              {legend.items.map((item) => (
                <g key={item.key} transform={`translate(${item.x},${item.y})`}>
                  {item.key === 'count' ? (
                    <CountBadge count={3} right={30.5} top={0} />
                  ) : item.key === 'orphan' ? (
                    <rect
                      x={0}
                      y={2}
                      width={14}
                      height={12}
                      rx={3}
                      fill="#ffffff"
                      stroke="#868e96"
                      strokeDasharray="3 2"
                    />
                  ) : (
                    <rect
                      x={0}
                      y={2}
                      width={14}
                      height={12}
                      rx={3}
                      fill={colourOfGroup(item.key === 'none' ? null : (item.key as Group)).accent}
                    />
                  )}
                  <text x={item.key === 'count' ? 36 : 20} y={12} fontSize={12} fill="#495057">
                    {item.label}
                  </text>
                </g>
              ))}
            </g>
          )}
        </svg>
      </Box>

      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('diagram.deleteTitle')}
        size="md"
      >
        {confirming && (
          <Stack gap="md">
            <Text size="sm">{t('diagram.deleteConfirm', { label: label(confirming) })}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setConfirming(null)} data-autofocus>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                loading={deleting}
                onClick={() => {
                  const next =
                    confirming.parentId ??
                    [
                      moveFocus(layout, confirming.id, 'up'),
                      moveFocus(layout, confirming.id, 'down'),
                    ].find((id) => id !== confirming.id) ??
                    null;
                  focusAfterRemoval.current = next;
                  onDelete(confirming);
                  setConfirming(null);
                }}
              >
                {t('common.delete')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
