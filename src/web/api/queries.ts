/** Query keys and the queries several features share. Server data lives here, not in state. */
import { useQuery } from '@tanstack/react-query';
import { ApiError, get, seg } from './client.ts';
import type { AvailableIndicator, Collective, Framework, Me } from './types.ts';

export const keys = {
  me: ['me'] as const,
  collectives: ['collectives'] as const,
  collective: (id: string) => ['collectives', id] as const,
  collectiveResults: (id: string, period: string | null) =>
    ['collectives', id, 'results', period] as const,
  framework: (id: string) => ['frameworks', id] as const,
  frameworks: ['frameworks'] as const,
  org: (orgId: string) => ['organisations', orgId] as const,
  indicators: (orgId: string) => ['organisations', orgId, 'indicators'] as const,
  questionnaires: (orgId: string) => ['organisations', orgId, 'questionnaires'] as const,
  questionnaire: (orgId: string, id: string) =>
    ['organisations', orgId, 'questionnaires', id] as const,
  campaigns: (orgId: string) => ['organisations', orgId, 'campaigns'] as const,
  activity: (orgId: string) => ['organisations', orgId, 'activity-figures'] as const,
  members: (orgId: string) => ['organisations', orgId, 'members'] as const,
  collectiveInvitations: (orgId: string) =>
    ['organisations', orgId, 'collective-invitations'] as const,
  orgResults: (orgId: string, period: string | null) =>
    ['organisations', orgId, 'results', period] as const,
  tokens: ['tokens'] as const,
  bank: (filters: {
    text: string;
    sector: string;
    kind: string;
    stakeholderGroup: string;
    childProtectionDimension: string;
  }) => ['indicator-bank', filters] as const,
  invitation: (token: string) => ['invitations', token] as const,
};

/** The signed-in user, or null when signed out (401). */
export function useMe() {
  return useQuery({
    queryKey: keys.me,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await get<Me>('/api/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

export function useCollectives(enabled = true) {
  return useQuery({
    queryKey: keys.collectives,
    queryFn: () => get<Collective[]>('/api/collectives'),
    enabled,
  });
}

export function useFramework(id: string | null | undefined) {
  return useQuery({
    queryKey: keys.framework(id ?? ''),
    queryFn: () => get<Framework>(`/api/frameworks/${seg(id ?? '')}`),
    enabled: Boolean(id),
  });
}

export function useAvailableIndicators(orgId: string) {
  return useQuery({
    queryKey: keys.indicators(orgId),
    queryFn: () => get<AvailableIndicator[]>(`/api/organisations/${seg(orgId)}/indicators`),
  });
}
