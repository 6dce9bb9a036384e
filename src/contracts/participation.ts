import { z } from 'zod';
import { id } from './common.ts';

/** A one-time invitation link to a campaign. The response it gave is never tied to it. */
export const campaignInvitation = z.object({
  id,
  email: z.string(),
  /** The personal link; null once used or revoked. */
  link: z.string().nullable(),
  createdAt: z.string(),
  /** When it was e-mailed (null: to be copied from the app). */
  sentAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  answered: z.boolean(),
  /** The day the link was used (a day only: a time could be matched with a response). */
  answeredOn: z.string().nullable(),
  revoked: z.boolean(),
});
export type CampaignInvitation = z.infer<typeof campaignInvitation>;

export const createInvitationsBody = z.object({
  /** Pasted addresses, separated by new lines, commas, semicolons or spaces. */
  addresses: z.string().min(3).max(200_000),
});
export const delivery = z.enum(['email', 'copy']);
export const createdInvitations = z.object({
  /** "email" when SMTP is configured; "copy" when the links are to be shared by hand. */
  delivery,
  created: z.array(campaignInvitation),
  alreadyInvited: z.array(z.string()),
  invalid: z.array(z.string()),
  /** Addresses the e-mail could not be sent to (their links can still be copied). */
  failed: z.array(z.string()),
});
export const remindedInvitations = z.object({ delivery, reminded: z.array(campaignInvitation), failed: z.array(z.string()) });

const share = z.number().nullable();
export const pairedChangeResult = z.object({
  beforeCampaignId: id.nullable(),
  afterCampaignId: id.nullable(),
  /** People who answered both campaigns with the same code. */
  pairs: z.number().int(),
  questions: z.array(
    z.object({
      indicator: z.object({ frameworkId: id, code: z.string(), labelFr: z.string(), labelEn: z.string(), kind: z.enum(['share', 'mean']) }),
      /** Pairs where both answers to this question exist. */
      pairs: z.number().int(),
      meanBefore: share,
      meanAfter: share,
      meanChange: share,
      up: share,
      same: share,
      down: share,
      /** Up or down read through the indicator's polarity; null when it is neutral. */
      improved: share,
      worsened: share,
    }),
  ),
});
export type PairedChangeResult = z.infer<typeof pairedChangeResult>;
