import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, post, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type { Framework, Indicator, TocNode } from '../../api/types.ts';

export type IndicatorBody = {
  code: string;
  labelFr: string;
  labelEn: string;
  kind: Indicator['kind'];
  stakeholderGroup: Indicator['stakeholderGroup'];
  unit: string;
  polarity: Indicator['polarity'];
  computation: Indicator['computation'];
  disaggregations: string[];
  nodeId: string | null;
};

export type NodeBody = {
  kind: TocNode['kind'];
  labelFr: string;
  labelEn: string;
  stakeholderGroup: TocNode['stakeholderGroup'];
  parentId: string | null;
};

/** Writes to a framework's draft; afterwards the framework, indicator lists and results refresh. */
export function useFrameworkMutations(frameworkId: string) {
  const queryClient = useQueryClient();
  const base = `/api/frameworks/${seg(frameworkId)}`;
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.framework(frameworkId) }),
      // Indicator lists and results of every organisation shown may change.
      queryClient.invalidateQueries({ queryKey: ['organisations'] }),
      queryClient.invalidateQueries({ queryKey: keys.collectives }),
    ]);
  };
  return {
    createIndicator: useMutation({
      mutationFn: (body: IndicatorBody) => post<Indicator>(`${base}/indicators`, body),
      onSuccess: refresh,
    }),
    updateIndicator: useMutation({
      mutationFn: ({
        id,
        body,
        revision,
      }: {
        id: string;
        body: Partial<IndicatorBody>;
        revision?: number;
      }) => api<Indicator>('PATCH', `${base}/indicators/${seg(id)}`, body, ifMatch(revision)),
      onSuccess: refresh,
      // A conflict means the draft moved on: show the latest state.
      onError: refresh,
    }),
    deleteIndicator: useMutation({
      mutationFn: ({ id, revision }: { id: string; revision?: number }) =>
        api<{ ok: true }>('DELETE', `${base}/indicators/${seg(id)}`, undefined, ifMatch(revision)),
      onSuccess: refresh,
      onError: refresh,
    }),
    createNode: useMutation({
      mutationFn: (body: NodeBody) => post<TocNode>(`${base}/nodes`, body),
      onSuccess: refresh,
    }),
    updateNode: useMutation({
      mutationFn: ({ id, body, revision }: { id: string; body: Partial<NodeBody>; revision?: number }) =>
        api<TocNode>('PATCH', `${base}/nodes/${seg(id)}`, body, ifMatch(revision)),
      onSuccess: refresh,
      onError: refresh,
    }),
    deleteNode: useMutation({
      mutationFn: ({ id, revision }: { id: string; revision?: number }) =>
        api<{ ok: true }>('DELETE', `${base}/nodes/${seg(id)}`, undefined, ifMatch(revision)),
      onSuccess: refresh,
      onError: refresh,
    }),
    adopt: useMutation({
      mutationFn: (revision?: number) => api<Framework>('POST', `${base}/adopt`, undefined, ifMatch(revision)),
      onSuccess: refresh,
    }),
  };
}
