import type { Db } from '../../../db/connect.ts';
import { Forbidden, NotFound } from '../../../domain/errors.ts';
import { findUser } from '../auth/repository.ts';
import type { Role } from '../../../contracts/common.ts';
import { hashSecret, randomSecret } from '../../security.ts';
import { chooseSlug } from '../../slug.ts';
import { requireCommune } from '../territories/service.ts';
import { organisationNotFound, requireOrgRole } from './access.ts';
import * as repo from './repository.ts';

const INVITATION_DAYS = 14;

export async function listMyOrganisations(db: Db, userId: string) {
  return repo.listForUser(db, userId);
}

export async function getOrganisation(db: Db, userId: string, organisationId: string) {
  const row = await repo.findForUser(db, userId, organisationId);
  if (!row) throw organisationNotFound();
  return row;
}

export async function createOrganisation(
  db: Db,
  userId: string,
  input: { name: string; slug?: string; kind: 'association' | 'network_head' | 'authority' | 'other'; communeCode?: string; populationServed?: number },
) {
  // Its answers count for its commune (unless collected at a site): a code that names none would lose them.
  const communeCode = input.communeCode === undefined ? undefined : requireCommune(input.communeCode.toUpperCase(), 'body.communeCode').code;
  const slug = await chooseSlug(input.slug, input.name, (s) => repo.slugTaken(db, s));
  const id = await repo.insertOrganisation(db, userId, { ...input, slug, ...(communeCode ? { communeCode } : {}) });
  return getOrganisation(db, userId, id);
}

export async function listMembers(db: Db, userId: string, organisationId: string) {
  await requireOrgRole(db, userId, organisationId, 'viewer');
  return repo.listMembers(db, organisationId);
}

export async function createInvitation(db: Db, userId: string, organisationId: string, input: { role: Role; email?: string }) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  const token = randomSecret(24);
  const row = await repo.insertInvitation(db, {
    organisationId,
    role: input.role,
    email: input.email ?? null,
    tokenHash: hashSecret(token),
    createdBy: userId,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
  });
  return { id: row.id, role: row.role, email: row.email, expiresAt: row.expiresAt.toISOString(), url: `/invitations/${token}`, token };
}

function invitationGone() {
  return new NotFound('invitation_not_found', 'Cette invitation n’existe pas, a expiré ou a déjà servi.', 'This invitation does not exist, has expired or was already used.');
}

export async function previewInvitation(db: Db, token: string) {
  const found = await repo.findOpenInvitation(db, hashSecret(token), new Date());
  if (!found) throw invitationGone();
  return { organisationName: found.organisationName, role: found.invitation.role, expiresAt: found.invitation.expiresAt.toISOString() };
}

export async function acceptInvitation(db: Db, userId: string, token: string) {
  const found = await repo.findOpenInvitation(db, hashSecret(token), new Date());
  if (!found) throw invitationGone();
  const { invitation } = found;
  if (invitation.email) {
    const me = await findUser(db, userId);
    if (me?.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new Forbidden('invitation_for_someone_else', `Cette invitation est destinée à ${invitation.email} : connectez-vous avec ce compte.`, `This invitation is for ${invitation.email}: sign in with that account.`);
    }
  }
  if (!(await repo.acceptInvitation(db, invitation.id, invitation.organisationId, userId, invitation.role))) throw invitationGone();
  return getOrganisation(db, userId, invitation.organisationId);
}
