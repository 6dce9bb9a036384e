import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/connect.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../domain/errors.ts';
import { makePairingCode, normalisePairingCode, pairingCodeProblem } from '../../../domain/pairing-code.ts';
import { pairByCode, pairedChange } from '../../../domain/paired-change.ts';
import type { Mailer } from '../../mailer.ts';
import * as collectionRepo from '../collection/repository.ts';
import { campaignNotFound, fieldCampaign, submitResponse, type AssistedMode } from '../collection/service.ts';
import { listAvailableIndicators } from '../frameworks/service.ts';
import { requireOrgRole } from '../organisations/access.ts';
import { specificFrameworkIdOf } from '../organisations/repository.ts';
import * as repo from './repository.ts';

type CampaignRow = NonNullable<Awaited<ReturnType<typeof collectionRepo.findCampaignBySlug>>>['campaign'];

async function campaignOf(db: Db, userId: string, organisationId: string, campaignId: string, role: 'viewer' | 'contributor') {
  await requireOrgRole(db, userId, organisationId, role);
  const row = await collectionRepo.findCampaign(db, organisationId, campaignId);
  if (!row) throw new NotFound('campaign_not_found', 'Campagne introuvable.', 'Campaign not found.');
  return row.campaign;
}

// ---------------------------------------------------------------- invitations

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
export const MAX_INVITATIONS_AT_ONCE = 2000;

/** A pasted list: addresses separated by new lines, commas, semicolons or spaces; "Name <a@b.c>" too. */
export function parseAddresses(text: string): { valid: string[]; invalid: string[] } {
  const valid = new Set<string>();
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const item = raw.replace(/^<|>$/g, '').replace(/^mailto:/i, '').trim().toLowerCase();
    if (!item) continue;
    if (!item.includes('@')) continue; // a name in "Name <a@b.c>"
    if (item.length <= 254 && EMAIL.test(item)) valid.add(item);
    else invalid.push(raw);
  }
  return { valid: [...valid], invalid };
}

export function invitationLink(publicUrl: string, slug: string, token: string) {
  return `${publicUrl}/r/${slug}?t=${token}`;
}

function presentInvitation(publicUrl: string, slug: string, row: repo.InvitationRow) {
  const usable = row.answeredOn === null && row.revokedAt === null;
  return {
    id: row.id,
    email: row.email,
    link: usable ? invitationLink(publicUrl, slug, row.token) : null,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    remindedAt: row.remindedAt?.toISOString() ?? null,
    answered: row.answeredOn !== null,
    answeredOn: row.answeredOn,
    revoked: row.revokedAt !== null,
  };
}

function mailText(kind: 'invitation' | 'reminder', organisationName: string, title: string, link: string) {
  const fr =
    kind === 'invitation'
      ? `Bonjour,\n\n${organisationName} vous invite à répondre au questionnaire « ${title} ».\nVos réponses restent anonymes : ce lien sert seulement à ce qu’on ne réponde qu’une fois.\n\n${link}\n`
      : `Bonjour,\n\nPetit rappel : ${organisationName} vous invite à répondre au questionnaire « ${title} ». Si vous l’avez déjà fait, merci, et ne tenez pas compte de ce message.\n\n${link}\n`;
  const en =
    kind === 'invitation'
      ? `Hello,\n\n${organisationName} invites you to answer the questionnaire "${title}".\nYour answers stay anonymous: the link only makes sure each person answers once.\n\n${link}\n`
      : `Hello,\n\nA reminder: ${organisationName} invites you to answer the questionnaire "${title}". If you already did, thank you, and please ignore this message.\n\n${link}\n`;
  return { subject: kind === 'invitation' ? `${title} — ${organisationName}` : `Rappel / Reminder : ${title}`, text: `${fr}\n---\n\n${en}` };
}

async function deliver(mailer: Mailer | null, rows: repo.InvitationRow[], kind: 'invitation' | 'reminder', ctx: { publicUrl: string; slug: string; organisationName: string; title: string }) {
  if (!mailer) return { delivered: [] as string[], failed: [] as string[] };
  const delivered: string[] = [];
  const failed: string[] = [];
  for (const row of rows) {
    const mail = mailText(kind, ctx.organisationName, ctx.title, invitationLink(ctx.publicUrl, ctx.slug, row.token));
    try {
      await mailer.send({ to: row.email, ...mail });
      delivered.push(row.id);
    } catch {
      failed.push(row.email);
    }
  }
  return { delivered, failed };
}

export async function listInvitations(db: Db, publicUrl: string, userId: string, organisationId: string, campaignId: string) {
  const campaign = await campaignOf(db, userId, organisationId, campaignId, 'contributor');
  return (await repo.listInvitations(db, campaign.id)).map((r) => presentInvitation(publicUrl, campaign.slug, r));
}

export async function createInvitations(db: Db, mailer: Mailer | null, publicUrl: string, userId: string, organisationId: string, campaignId: string, input: { addresses: string }) {
  const campaign = await campaignOf(db, userId, organisationId, campaignId, 'contributor');
  const { valid, invalid } = parseAddresses(input.addresses);
  if (valid.length === 0) {
    throw new Invalid('no_addresses', 'Aucune adresse e-mail valable dans la liste.', 'No valid e-mail address in the list.', [{ field: 'body.addresses', message: 'no valid address', code: 'no_addresses' }]);
  }
  if (valid.length > MAX_INVITATIONS_AT_ONCE) {
    throw new Invalid('too_many_addresses', `${MAX_INVITATIONS_AT_ONCE} adresses au plus à la fois.`, `${MAX_INVITATIONS_AT_ONCE} addresses at most at once.`, [{ field: 'body.addresses', message: 'too many', code: 'too_many_addresses' }]);
  }
  const created = await repo.insertInvitations(
    db,
    valid.map((email) => ({ campaignId: campaign.id, organisationId, email, token: randomBytes(32).toString('base64url') })),
  );
  const createdEmails = new Set(created.map((r) => r.email));
  const found = await collectionRepo.findCampaignBySlug(db, campaign.slug);
  const { delivered, failed } = await deliver(mailer, created, 'invitation', { publicUrl, slug: campaign.slug, organisationName: found!.organisationName, title: found!.questionnaire.title });
  await repo.markSent(db, delivered, 'sent');
  const all = await repo.listInvitations(db, campaign.id);
  return {
    delivery: mailer ? ('email' as const) : ('copy' as const),
    created: all.filter((r) => createdEmails.has(r.email)).map((r) => presentInvitation(publicUrl, campaign.slug, r)),
    alreadyInvited: valid.filter((e) => !createdEmails.has(e)),
    invalid,
    failed,
  };
}

/** Reminds every invitation neither answered nor revoked; records when. */
export async function remindInvitations(db: Db, mailer: Mailer | null, publicUrl: string, userId: string, organisationId: string, campaignId: string) {
  const campaign = await campaignOf(db, userId, organisationId, campaignId, 'contributor');
  if (campaign.status !== 'open') throw new Conflict('campaign_closed', 'Cette collecte est terminée : rouvrez-la avant de relancer.', 'This collection has ended: reopen it before sending reminders.');
  const targets = (await repo.listInvitations(db, campaign.id)).filter((r) => r.answeredOn === null && r.revokedAt === null);
  const found = await collectionRepo.findCampaignBySlug(db, campaign.slug);
  const { delivered, failed } = await deliver(mailer, targets, 'reminder', { publicUrl, slug: campaign.slug, organisationName: found!.organisationName, title: found!.questionnaire.title });
  // Without e-mail the reminder is the list of links to send by hand: it is recorded as done.
  await repo.markSent(db, mailer ? delivered : targets.map((r) => r.id), 'reminded');
  const ids = new Set(targets.map((r) => r.id));
  const after = (await repo.listInvitations(db, campaign.id)).filter((r) => ids.has(r.id));
  return { delivery: mailer ? ('email' as const) : ('copy' as const), reminded: after.map((r) => presentInvitation(publicUrl, campaign.slug, r)), failed };
}

export async function revokeInvitation(db: Db, publicUrl: string, userId: string, organisationId: string, campaignId: string, invitationId: string) {
  const campaign = await campaignOf(db, userId, organisationId, campaignId, 'contributor');
  const row = await repo.findInvitation(db, campaign.id, invitationId);
  if (!row) throw new NotFound('invitation_not_found', 'Invitation introuvable.', 'Invitation not found.');
  if (row.answeredOn !== null) throw new Conflict('invitation_answered', 'Cette personne a déjà répondu : l’invitation ne peut plus être retirée.', 'This person has already answered: the invitation can no longer be revoked.');
  await repo.revokeInvitation(db, row.id);
  return presentInvitation(publicUrl, campaign.slug, (await repo.findInvitation(db, campaign.id, row.id))!);
}

// ------------------------------------------------------ access on the public side

export type AccessRefusal = 'invitation_required' | 'invitation_unknown' | 'invitation_revoked' | 'invitation_used';

export class AccessRefused extends Forbidden {
  constructor(readonly reason: AccessRefusal) {
    const messages: Record<AccessRefusal, [string, string]> = {
      invitation_required: ['Ce questionnaire est proposé sur invitation : utilisez le lien personnel que vous avez reçu.', 'This questionnaire is by invitation: use the personal link you received.'],
      invitation_unknown: ['Ce lien d’invitation n’est pas valable. Vérifiez qu’il est complet.', 'This invitation link is not valid. Check that it is complete.'],
      invitation_revoked: ['Ce lien d’invitation a été retiré par l’organisation.', 'This invitation link was withdrawn by the organisation.'],
      invitation_used: ['Une réponse a déjà été envoyée avec ce lien : il ne sert qu’une fois. Merci !', 'An answer was already sent with this link: it works only once. Thank you!'],
    };
    super(reason, messages[reason][0], messages[reason][1]);
  }
}
/** A used link is a conflict (409): the request is fine, the link's state refuses it. */
export class InvitationUsed extends Conflict {
  readonly reason = 'invitation_used' as const;
  constructor() {
    super('invitation_used', 'Une réponse a déjà été envoyée avec ce lien : il ne sert qu’une fois. Merci !', 'An answer was already sent with this link: it works only once. Thank you!');
  }
}

/** Whether a link (with or without invitation token) may answer the campaign now. */
export async function checkAccess(db: Db, campaign: CampaignRow, token: string | null) {
  if (!token) {
    if (campaign.invitationOnly) throw new AccessRefused('invitation_required');
    return null;
  }
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new AccessRefused('invitation_unknown');
  const invitation = await repo.findInvitationByToken(db, campaign.id, token);
  if (!invitation) throw new AccessRefused('invitation_unknown');
  if (invitation.revokedAt) throw new AccessRefused('invitation_revoked');
  if (invitation.answeredOn) throw new InvitationUsed();
  return invitation;
}

export class PairingCodeRejected extends Invalid {}

function codeError(code: string, fr: string, en: string) {
  return new PairingCodeRejected(code, fr, en, [{ field: 'pairingCode', message: en, code }]);
}

/** Normalises and checks a typed code; null when none was typed. */
function typedCode(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const code = normalisePairingCode(raw);
  if (code === '') return null;
  const problem = pairingCodeProblem(code);
  if (problem === 'length') throw codeError('pairing_code_malformed', 'Le code compte 6 caractères (lettres et chiffres).', 'The code has 6 characters (letters and digits).');
  if (problem) throw codeError('pairing_code_malformed', 'Ce code contient une faute de frappe : vérifiez chaque caractère.', 'This code has a typing mistake: check each character.');
  return code;
}

export interface PublicSubmission {
  clientId: string;
  answers: Record<string, unknown>;
  invitationToken?: string | null | undefined;
  pairingCode?: string | null | undefined;
}

/**
 * Submits a response through the campaign's access rules: a one-time invitation link is used
 * up in the same transaction as the response (the response is not tied to it), and the
 * before/after code is stored with the response.
 */
export async function submitPublicResponse(
  db: Db,
  slug: string,
  input: PublicSubmission,
  channel: 'web' | 'api',
  /** Entered by a signed-in field worker: no invitation link is needed; the pairing rules hold. */
  assisted?: { mode: AssistedMode; enteredBy: string },
): Promise<{ responseId: string; duplicate: boolean; pairingCode?: string | null }> {
  const found = await collectionRepo.findCampaignBySlug(db, slug);
  if (!found) throw campaignNotFound();
  const campaign = found.campaign;
  const retry = await collectionRepo.findResponseByClient(db, campaign.id, input.clientId);
  // Only a "before" campaign hands out codes: other campaigns answer as they always did.
  if (retry) return campaign.pairing === 'before' ? { responseId: retry, duplicate: true, pairingCode: await repo.pairingCodeOf(db, retry) } : { responseId: retry, duplicate: true };

  const invitation = assisted ? null : await checkAccess(db, campaign, input.invitationToken ?? null);
  let code = typedCode(input.pairingCode);
  if (campaign.pairing === 'after') {
    if (code === null && !campaign.pairingCodeOptional) throw codeError('pairing_code_required', 'Indiquez le code reçu lors de votre première réponse.', 'Enter the code you received with your first answer.');
    if (code !== null && (!campaign.pairedWithCampaignId || !(await repo.pairingCodeExists(db, campaign.pairedWithCampaignId, code)))) {
      throw codeError('pairing_code_unknown', 'Ce code est inconnu : vérifiez-le, ou demandez de l’aide à l’équipe.', 'This code is unknown: check it, or ask the team for help.');
    }
  } else if (campaign.pairing !== 'before') {
    code = null; // a code means nothing for a campaign without pairing
  }

  let given: string | null = null;
  const result = await submitResponse(db, slug, { clientId: input.clientId, answers: input.answers }, channel, assisted, async (tx, responseId) => {
    if (invitation && !(await repo.useInvitation(tx, invitation.id))) throw new InvitationUsed();
    if (campaign.pairing === 'after' && code !== null) {
      if (!(await repo.insertPairingCode(tx, { responseId, campaignId: campaign.id, code }))) {
        throw codeError('pairing_code_used', 'Ce code a déjà servi pour cette seconde réponse.', 'This code has already been used for this second answer.');
      }
      return;
    }
    if (campaign.pairing !== 'before') return;
    if (code !== null) {
      if (!(await repo.insertPairingCode(tx, { responseId, campaignId: campaign.id, code }))) {
        throw codeError('pairing_code_used', 'Ce code a déjà servi : laissez le champ vide pour en recevoir un nouveau.', 'This code has already been used: leave the field empty to get a new one.');
      }
      given = code;
      return;
    }
    // 28 million codes: a clash is rare; a few tries make it vanishingly so.
    for (let attempt = 0; attempt < 10; attempt++) {
      const candidate = makePairingCode(randomBytes(5));
      if (await repo.insertPairingCode(tx, { responseId, campaignId: campaign.id, code: candidate })) {
        given = candidate;
        return;
      }
    }
    throw new Conflict('pairing_code_exhausted', 'Impossible d’attribuer un code : réessayez.', 'Could not hand out a code: try again.');
  });
  if (campaign.pairing !== 'before') return result;
  return { ...result, pairingCode: result.duplicate ? await repo.pairingCodeOf(db, result.responseId) : given };
}

// ------------------------------------------------------------- paired change

export async function getPairedChange(db: Db, userId: string, organisationId: string, campaignId: string) {
  const campaign = await campaignOf(db, userId, organisationId, campaignId, 'viewer');
  let beforeId: string | null;
  let afterId: string | null;
  if (campaign.pairing === 'after') {
    beforeId = campaign.pairedWithCampaignId;
    afterId = campaign.id;
  } else if (campaign.pairing === 'before') {
    beforeId = campaign.id;
    const afters = (await collectionRepo.listCampaigns(db, organisationId)).filter((c) => c.campaign.pairedWithCampaignId === campaign.id);
    afterId = afters[0]?.campaign.id ?? null;
  } else {
    throw new Invalid('not_paired', 'Cette campagne n’est pas une campagne « avant » ou « après ».', 'This campaign is neither a "before" nor an "after" campaign.');
  }
  if (!beforeId || !afterId) return { beforeCampaignId: beforeId, afterCampaignId: afterId, pairs: 0, questions: [] };

  const specificFrameworkId = await specificFrameworkIdOf(db, organisationId);
  const indicators = specificFrameworkId ? await listAvailableIndicators(db, organisationId, specificFrameworkId) : [];
  const indicatorOf = (frameworkId: string | null, code: string | null) => indicators.find((i) => i.frameworkId === frameworkId && i.code === code) ?? null;

  const [beforeRows, afterRows, beforeCodes, afterCodes] = await Promise.all([
    repo.codedAnswers(db, beforeId),
    repo.codedAnswers(db, afterId),
    repo.codesOf(db, beforeId),
    repo.codesOf(db, afterId),
  ]);
  const afterSet = new Set(afterCodes);
  const linked = beforeCodes.filter((c) => afterSet.has(c)).length;

  type Row = (typeof beforeRows)[number];
  // A number (scale, faces, number) as is; a choice tied to a share indicator as 1 or 0.
  const valueOf = (row: Row, counted: string[] | null): number | null => {
    if (row.num !== null) return row.num;
    if (counted && row.options) return row.options.some((o) => counted.includes(o)) ? 1 : 0;
    return null;
  };
  const keys = new Map<string, { frameworkId: string; code: string }>();
  for (const r of [...beforeRows, ...afterRows]) if (r.frameworkId && r.indicatorCode) keys.set(`${r.frameworkId}|${r.indicatorCode}`, { frameworkId: r.frameworkId, code: r.indicatorCode });
  const out = [];
  for (const [key, { frameworkId, code }] of keys) {
    const indicator = indicatorOf(frameworkId, code);
    const computation = indicator?.computation as { type: string; options?: string[] } | undefined;
    const counted = computation?.type === 'share' ? (computation.options ?? []) : null;
    const side = (rows: Row[]) => new Map(rows.filter((r) => `${r.frameworkId}|${r.indicatorCode}` === key).map((r) => [r.code, valueOf(r, counted)]));
    const change = pairedChange(pairByCode(side(beforeRows), side(afterRows)), (indicator?.polarity) ?? 'higher_is_better');
    out.push({
      indicator: { frameworkId, code, labelFr: indicator?.labelFr ?? code, labelEn: indicator?.labelEn ?? '', kind: counted ? ('share' as const) : ('mean' as const) },
      ...change,
    });
  }
  out.sort((a, b) => a.indicator.code.localeCompare(b.indicator.code));
  return { beforeCampaignId: beforeId, afterCampaignId: afterId, pairs: linked, questions: out };
}

/**
 * A response entered by a field worker (paper form, or together with the person): the same
 * checks and the same idempotency by clientId as a public submission, marked as assisted, with
 * the before/after rules of its campaign (an "after" campaign asks for the person's code, a
 * "before" one gives one).
 */
export async function submitAssistedResponse(
  db: Db,
  userId: string,
  organisationId: string,
  campaignId: string,
  input: { clientId: string; answers: Record<string, unknown>; mode: AssistedMode; pairingCode?: string | null | undefined },
) {
  const campaign = await fieldCampaign(db, userId, organisationId, campaignId);
  return submitPublicResponse(db, campaign.slug, { clientId: input.clientId, answers: input.answers, pairingCode: input.pairingCode ?? null }, 'web', { mode: input.mode, enteredBy: userId });
}
