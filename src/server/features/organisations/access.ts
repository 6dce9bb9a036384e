import type { Db } from '../../../db/connect.ts';
import { Forbidden, NotFound } from '../../../domain/errors.ts';
import type { Role } from '../../../contracts/common.ts';
import { findRole } from './repository.ts';

const rank: Record<Role, number> = { viewer: 1, contributor: 2, admin: 3 };

export function roleAtLeast(role: Role | null, min: Role): boolean {
  return role !== null && rank[role] >= rank[min];
}

export function organisationNotFound() {
  return new NotFound('organisation_not_found', 'Organisation introuvable.', 'Organisation not found.');
}

/**
 * Someone outside the organisation learns nothing, not even that it exists (404); a member
 * whose role is too low is told so (403).
 */
export async function requireOrgRole(db: Db, userId: string, organisationId: string, min: Role): Promise<Role> {
  const role = await findRole(db, userId, organisationId);
  if (!role) throw organisationNotFound();
  if (!roleAtLeast(role, min)) {
    const needed = { viewer: 'lecteur', contributor: 'contributeur', admin: 'administrateur' }[min];
    throw new Forbidden('role_too_low', `Il faut le rôle ${needed} dans cette organisation.`, `This needs the ${min} role in this organisation.`);
  }
  return role;
}
