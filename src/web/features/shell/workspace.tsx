/**
 * The organisation and collective the user is working in. The choice is remembered in
 * localStorage (per browser); the lists themselves come from the server through TanStack Query.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useCollectives } from '../../api/queries.ts';
import type { Collective, Me, Organisation } from '../../api/types.ts';
import { useStoredValue } from '../../ui/stored-value.ts';

const ORG_KEY = 'socle.organisation';
const COLLECTIVE_KEY = 'socle.collective';
/** Stored when the user chose to see no collective. */
const NONE = 'none';

export type Workspace = {
  me: Me;
  org: Organisation;
  /** Collectives the current organisation takes part in (active membership or coordinator). */
  collectives: Collective[];
  /** Every collective that concerns one of the user's organisations. */
  allCollectives: Collective[];
  collective: Collective | null;
  collectivesLoading: boolean;
  setOrgId: (id: string) => void;
  setCollectiveId: (id: string | null) => void;
  isAdmin: boolean;
  canWrite: boolean;
};

const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside WorkspaceProvider');
  return value;
}

/** Remembers an organisation as the current one (e.g. just created or joined). */
export function useSelectOrganisation() {
  const [, setOrg] = useStoredValue(ORG_KEY);
  return setOrg;
}

export function takesPart(collective: Collective, orgId: string): boolean {
  return (
    collective.coordinatorOrganisationId === orgId ||
    collective.myOrganisations.some((m) => m.organisationId === orgId && m.status === 'active')
  );
}

export function WorkspaceProvider({ me, children }: { me: Me; children: ReactNode }) {
  const [storedOrg, setStoredOrg] = useStoredValue(ORG_KEY);
  const [storedCollective, setStoredCollective] = useStoredValue(COLLECTIVE_KEY);
  const collectivesQuery = useCollectives();

  const value = useMemo<Workspace | null>(() => {
    const org = me.organisations.find((o) => o.id === storedOrg) ?? me.organisations[0];
    if (!org) return null;
    const allCollectives = collectivesQuery.data ?? [];
    const collectives = allCollectives.filter((c) => takesPart(c, org.id));
    const collective =
      storedCollective === NONE
        ? null
        : (collectives.find((c) => c.id === storedCollective) ?? collectives[0] ?? null);
    return {
      me,
      org,
      collectives,
      allCollectives,
      collective,
      collectivesLoading: collectivesQuery.isPending,
      setOrgId: (id) => setStoredOrg(id),
      setCollectiveId: (id) => setStoredCollective(id ?? NONE),
      isAdmin: org.role === 'admin',
      canWrite: org.role !== 'viewer',
    };
  }, [
    me,
    storedOrg,
    storedCollective,
    collectivesQuery.data,
    collectivesQuery.isPending,
    setStoredOrg,
    setStoredCollective,
  ]);

  if (!value) return null;
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}
