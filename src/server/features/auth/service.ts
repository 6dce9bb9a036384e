import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../../db/connect.ts';
import { Conflict, NotFound, Unauthenticated } from '../../../domain/errors.ts';
import { hashSecret, randomSecret } from '../../security.ts';
import * as repo from './repository.ts';

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUser>>>;

export function toUser(row: UserRow) {
  return { id: row.id, email: row.email, name: row.name, locale: row.locale };
}

function toToken(row: Awaited<ReturnType<typeof repo.insertToken>>) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

// A hash to verify against when the email is unknown, so that the answer takes as long either way.
let decoyHash: Promise<string> | undefined;

export async function signUp(db: Db, input: { email: string; password: string; name: string; locale: 'fr' | 'en' }) {
  const passwordHash = await hash(input.password);
  const row = await repo.insertUser(db, { email: input.email, name: input.name, passwordHash, locale: input.locale });
  if (!row) {
    throw new Conflict('email_taken', 'Un compte existe déjà avec cette adresse.', 'An account already exists with this email.', [
      { field: 'body.email', message: 'already used' },
    ]);
  }
  return toUser(row);
}

export async function checkPassword(db: Db, email: string, password: string) {
  const row = await repo.findUserByEmail(db, email);
  if (!row) {
    decoyHash ??= hash('decoy password, never matches');
    await verify(await decoyHash, password).catch(() => false);
  } else if (await verify(row.passwordHash, password)) {
    return toUser(row);
  }
  throw new Unauthenticated('wrong_credentials', 'Adresse ou mot de passe incorrect.', 'Wrong email or password.');
}

export async function openSession(db: Db, userId: string, days: number) {
  const secret = randomSecret();
  const expiresAt = new Date(Date.now() + days * 24 * 3600 * 1000);
  await repo.insertSession(db, { id: hashSecret(secret), userId, expiresAt });
  return { secret, expiresAt };
}

export async function closeSession(db: Db, secret: string) {
  await repo.deleteSession(db, hashSecret(secret));
}

export async function getUser(db: Db, userId: string) {
  const row = await repo.findUser(db, userId);
  if (!row) throw new Unauthenticated('unauthenticated', 'Connectez-vous pour continuer.', 'Sign in to continue.');
  return toUser(row);
}

export async function updateMe(db: Db, userId: string, patch: { locale?: 'fr' | 'en'; name?: string }) {
  if (patch.locale === undefined && patch.name === undefined) return getUser(db, userId);
  const row = await repo.updateUser(db, userId, patch);
  if (!row) throw new Unauthenticated('unauthenticated', 'Connectez-vous pour continuer.', 'Sign in to continue.');
  return toUser(row);
}

export async function listApiTokens(db: Db, userId: string) {
  return (await repo.listTokens(db, userId)).map(toToken);
}

export async function createApiToken(db: Db, userId: string, name: string) {
  const prefix = randomSecret(6).replace(/[-_]/g, 'x').slice(0, 8);
  const token = `socle_${prefix}_${randomSecret(32)}`;
  const row = await repo.insertToken(db, { userId, name, prefix, tokenHash: hashSecret(token) });
  return { ...toToken(row), token };
}

export async function revokeApiToken(db: Db, userId: string, tokenId: string) {
  if (!(await repo.revokeToken(db, userId, tokenId))) {
    throw new NotFound('token_not_found', 'Jeton introuvable.', 'Token not found.');
  }
}

export async function createTokenForEmail(db: Db, email: string, name: string) {
  const row = await repo.findUserByEmail(db, email);
  if (!row) throw new NotFound('user_not_found', `Aucun compte pour ${email}.`, `No account for ${email}.`);
  return createApiToken(db, row.id, name);
}
