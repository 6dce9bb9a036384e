import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get, ifMatch, post, seg } from '../../api/client.ts';
import { keys } from '../../api/queries.ts';
import type {
  AuditEvent,
  Comment,
  Framework,
  Proposal,
  ProposalInput,
  VersionDiff,
  VoteState,
} from '../../api/types.ts';

const co = (frameworkId: string) => ['frameworks', frameworkId, 'co'] as const;

/** Proposals, threads, the COPIL vote, versions and the audit trail of one framework. */
export function useCoConstruction(frameworkId: string) {
  const queryClient = useQueryClient();
  const base = `/api/frameworks/${seg(frameworkId)}`;
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.framework(frameworkId) }),
      queryClient.invalidateQueries({ queryKey: co(frameworkId) }),
      queryClient.invalidateQueries({ queryKey: ['organisations'] }),
    ]);
  };
  return {
    proposals: useQuery({
      queryKey: [...co(frameworkId), 'proposals'],
      queryFn: () => get<Proposal[]>(`${base}/proposals`),
    }),
    vote: useQuery({
      queryKey: [...co(frameworkId), 'vote'],
      queryFn: () => get<VoteState | null>(`${base}/vote`),
    }),
    createProposal: useMutation({
      mutationFn: (body: ProposalInput) => post<Proposal>(`${base}/proposals`, body),
      onSuccess: refresh,
    }),
    decide: useMutation({
      mutationFn: ({
        id,
        decision,
        note,
      }: {
        id: string;
        decision: 'accept' | 'reject';
        note: string;
      }) => post<Proposal>(`${base}/proposals/${seg(id)}/decision`, { decision, note }),
      onSuccess: refresh,
    }),
    withdraw: useMutation({
      mutationFn: (id: string) => post<Proposal>(`${base}/proposals/${seg(id)}/withdraw`),
      onSuccess: refresh,
    }),
    comment: useMutation({
      mutationFn: (body: { body: string; proposalId: string | null }) =>
        post<Comment>(`${base}/comments`, body),
      onSuccess: refresh,
    }),
    openVote: useMutation({
      mutationFn: (revision: number) =>
        api<VoteState>('POST', `${base}/vote`, undefined, ifMatch(revision)),
      onSuccess: refresh,
      onError: refresh,
    }),
    ballot: useMutation({
      mutationFn: (body: {
        choice: 'for' | 'against' | 'abstain';
        comment: string;
        organisationId?: string;
      }) => post<VoteState>(`${base}/vote/ballots`, body),
      onSuccess: refresh,
    }),
    closeVote: useMutation({
      mutationFn: () => post<VoteState>(`${base}/vote/close`),
      onSuccess: refresh,
    }),
    cancelVote: useMutation({
      mutationFn: () => post<VoteState>(`${base}/vote/cancel`),
      onSuccess: refresh,
    }),
    retire: useMutation({
      mutationFn: (versionId: string) =>
        post<Framework>(`${base}/versions/${seg(versionId)}/retire`),
      onSuccess: refresh,
    }),
  };
}

export function useComments(frameworkId: string, proposalId: string | null, enabled = true) {
  const q = proposalId ? `?proposalId=${seg(proposalId)}` : '';
  return useQuery({
    queryKey: [...co(frameworkId), 'comments', proposalId ?? 'general'],
    queryFn: () => get<Comment[]>(`/api/frameworks/${seg(frameworkId)}/comments${q}`),
    enabled,
  });
}

export function useDiff(frameworkId: string, from: string | null, to: string | null) {
  const params = new URLSearchParams();
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  return useQuery({
    queryKey: [...co(frameworkId), 'diff', from, to],
    queryFn: () =>
      get<VersionDiff>(`/api/frameworks/${seg(frameworkId)}/diff?${params.toString()}`),
  });
}

export function useAudit(frameworkId: string) {
  return useQuery({
    queryKey: [...co(frameworkId), 'audit'],
    queryFn: () => get<AuditEvent[]>(`/api/frameworks/${seg(frameworkId)}/audit?limit=300`),
  });
}
