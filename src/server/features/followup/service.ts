import { representativity } from '../../../domain/estimators.ts';
import QRCode from 'qrcode';
import type { Db } from '../../../db/connect.ts';
import { NotFound } from '../../../domain/errors.ts';
import { campaignPrecision } from '../../../domain/sample-size.ts';
import type { CampaignCounter } from '../../../contracts/followup.ts';
import { slugify } from '../../slug.ts';
import { requireOrgRole } from '../organisations/access.ts';
import { renderPaper, type PaperInput, type PaperQuestion } from './paper.ts';
import * as repo from './repository.ts';

export interface DownloadFile {
  body: Buffer | string;
  contentType: string;
  filename: string;
}

function campaignNotFound() {
  return new NotFound('campaign_not_found', 'Campagne introuvable.', 'Campaign not found.');
}

async function campaignOf(db: Db, userId: string, organisationId: string, campaignId: string) {
  await requireOrgRole(db, userId, organisationId, 'viewer');
  const found = await repo.findCampaignWithQuestionnaire(db, organisationId, campaignId);
  if (!found) throw campaignNotFound();
  return found;
}

/** The campaign's public link, absolute: what people type or scan. */
export function publicLink(base: string, slug: string) {
  return `${base.replace(/\/$/, '')}/r/${slug}`;
}

const fileStem = (name: string) => slugify(name, 40);

export async function campaignQr(
  db: Db,
  userId: string,
  organisationId: string,
  campaignId: string,
  base: string,
  format: 'svg' | 'png',
): Promise<DownloadFile> {
  const { campaign } = await campaignOf(db, userId, organisationId, campaignId);
  const link = publicLink(base, campaign.slug);
  const options = { errorCorrectionLevel: 'M' as const, margin: 4 };
  const filename = `${fileStem(campaign.name)}-qr.${format}`;
  if (format === 'svg')
    return {
      body: await QRCode.toString(link, { ...options, type: 'svg' }),
      contentType: 'image/svg+xml; charset=utf-8',
      filename,
    };
  // 1024 pixels: sharp on a poster as well as on a flyer.
  return {
    body: await QRCode.toBuffer(link, { ...options, type: 'png', width: 1024 }),
    contentType: 'image/png',
    filename,
  };
}

export async function campaignPaper(
  db: Db,
  userId: string,
  organisationId: string,
  campaignId: string,
  base: string,
  lang: 'fr' | 'en',
): Promise<DownloadFile> {
  const found = await campaignOf(db, userId, organisationId, campaignId);
  const questionnaire = found.questionnaire;
  const rows: PaperQuestion[] = await repo.questionsOf(db, questionnaire.id);
  const input: PaperInput = {
    lang,
    title: questionnaire.title,
    organisationName: found.organisationName,
    campaignName: found.campaign.name,
    introFr: questionnaire.introFr,
    introEn: questionnaire.translations.en?.intro ?? null,
    sections: questionnaire.sections.map((s) => ({ ...s, introEn: s.translations.en?.intro ?? null })),
    questions: rows,
    link: publicLink(base, found.campaign.slug),
  };
  return {
    body: await renderPaper(input),
    contentType: 'application/pdf',
    filename: `${fileStem(found.campaign.name)}-${lang === 'en' ? 'paper' : 'papier'}.pdf`,
  };
}

export async function campaignCounter(
  db: Db,
  userId: string,
  organisationId: string,
  campaignId: string,
): Promise<CampaignCounter> {
  const { campaign, responseCount } = await campaignOf(db, userId, organisationId, campaignId);
  const p = campaignPrecision(Number(responseCount), campaign.populationServed);
  const flag = representativity({ answers: p.answers, margin: p.margin });
  return {
    campaignId: campaign.id,
    status: campaign.status,
    answers: p.answers,
    population: p.population,
    responseRate: p.responseRate,
    margin: p.margin,
    marginPoints: p.marginPoints,
    targets: p.targets,
    representative: flag.representative,
    reasons: flag.reasons,
    rule: flag.rule,
  };
}
