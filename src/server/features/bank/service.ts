import type { IndicatorInput } from '../../../contracts/frameworks.ts';
import type { Db } from '../../../db/connect.ts';
import { Forbidden, Invalid, NotFound } from '../../../domain/errors.ts';
import { INDICATOR_BANK, normalizeForSearch, searchBank, unitInEnglish, type BankEntry, type BankQuery } from '../../../domain/indicator-bank/index.ts';
import {
  collectiveBankEntryInput,
  type BankEntryDto,
  type CollectiveBankEntry,
  type CollectiveBankEntryInput,
  type CollectiveBankEntryPatch,
} from '../../../contracts/bank.ts';
import { roleAtLeast } from '../organisations/access.ts';
import { activeMemberIds } from '../collectives/repository.ts';
import { collectiveAccess, type CollectiveAccess } from '../collectives/service.ts';
import { audit, findFramework } from '../frameworks/repository.ts';
import { checkRevision } from '../../revisions.ts';
import { createIndicator, getFramework, createProposal } from '../frameworks/service.ts';
import * as repo from './repository.ts';

function present(e: BankEntry): BankEntryDto {
  return {
    ...e,
    source: 'socle',
    unitEn: unitInEnglish(e.unit) ?? e.unit,
    computation: e.computation.type === 'share' ? { type: 'share', options: [...e.computation.options] } : { type: e.computation.type },
    questions: e.questions.map(({ options, ...q }) => ({ ...q, ...(options ? { options: options.map((o) => ({ ...o })) } : {}) })),
  };
}

/** The English unit a collective gave, else the known English form of its French one, else the French one. */
function englishUnit(entry: CollectiveBankEntryInput): string {
  return entry.unitEn || unitInEnglish(entry.unit) || entry.unit;
}

function presentCollective(row: repo.EntryRow): BankEntryDto {
  const { code, ...entry } = row.entry;
  return {
    ...entry,
    unitEn: englishUnit(row.entry),
    id: row.id,
    source: 'collective',
    collectiveId: row.collectiveId,
    collectiveName: row.collectiveName,
    ...(code ? { code } : {}),
  };
}

function presentEntry(row: repo.EntryRow): CollectiveBankEntry {
  return { ...row.entry, id: row.id, collectiveId: row.collectiveId, revision: row.revision, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** The same rules as the built-in bank's search (src/domain/indicator-bank), on a collective's entries. */
function matches(entry: CollectiveBankEntryInput, query: BankQuery): boolean {
  if (query.sector !== undefined && entry.sector !== query.sector) return false;
  if (query.kind !== undefined && entry.kind !== query.kind) return false;
  if (query.stakeholderGroup !== undefined && entry.stakeholderGroup !== query.stakeholderGroup) return false;
  if (query.childProtectionDimension !== undefined && entry.childProtectionDimension !== query.childProtectionDimension) return false;
  const words = normalizeForSearch(query.text ?? '')
    .split(' ')
    .filter((w) => w.length > 0);
  const haystack = normalizeForSearch([entry.labelFr, entry.labelEn, ...entry.questions.flatMap((q) => [q.labelFr, q.labelEn])].join(' \n '));
  return words.every((w) => haystack.includes(w));
}

/** The built-in bank, and with `collectiveId` the collective's own entries first (members only). */
export async function listEntries(db: Db, userId: string, query: BankQuery & { collectiveId?: string | undefined }): Promise<BankEntryDto[]> {
  const { collectiveId, ...criteria } = query;
  const own = [];
  if (collectiveId) {
    await collectiveAccess(db, userId, collectiveId);
    own.push(...(await repo.listEntries(db, collectiveId)).filter((row) => matches(row.entry, criteria)).map(presentCollective));
  }
  return [...own, ...searchBank(INDICATOR_BANK, criteria).map(present)];
}

/** Those who edit the common framework, and admins of the collective's steering-committee members. */
function canWriteBank(access: CollectiveAccess): boolean {
  return access.canEditCommon || access.mine.some((p) => p.status === 'active' && p.copil && roleAtLeast(p.role, 'admin'));
}

async function requireWrite(db: Db, userId: string, collectiveId: string) {
  const access = await collectiveAccess(db, userId, collectiveId);
  if (!canWriteBank(access)) {
    throw new Forbidden(
      'collective_bank_read_only',
      'Seuls la tête de réseau et les administrateurs des membres du comité de pilotage enrichissent la banque du collectif.',
      'Only the coordinating organisation and admins of steering-committee members add to the collective’s bank.',
    );
  }
  return access;
}

function entryNotFound() {
  return new NotFound('bank_entry_not_found', 'Cet indicateur n’existe pas dans la banque.', 'This indicator is not in the bank.', [{ field: 'body.entryId', message: 'unknown entry' }]);
}

export async function listCollectiveEntries(db: Db, userId: string, collectiveId: string) {
  const access = await collectiveAccess(db, userId, collectiveId);
  return { canEdit: canWriteBank(access), entries: (await repo.listEntries(db, collectiveId)).map(presentEntry) };
}

function notInCollectiveBank() {
  return new NotFound('bank_entry_not_found', 'Cet indicateur n’existe pas dans la banque du collectif.', 'This indicator is not in the collective’s bank.');
}

const bankEntryEdited = { fr: 'cet indicateur de la banque', en: 'this bank indicator' };

/** The fields a change touched, before and after, for the audit trail. */
function changesOf(before: Record<string, unknown>, after: Record<string, unknown>, fields: string[]) {
  return fields
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ field: k, before: before[k] ?? null, after: after[k] ?? null }));
}

/**
 * The collective's bank is part of its co-construction: its changes go to the audit trail of
 * the collective's common framework, beside the framework's own.
 */
function auditEntry(tx: Parameters<typeof audit>[0], access: CollectiveAccess, userId: string, action: string, entry: CollectiveBankEntryInput, entryId: string, extra: Record<string, unknown> = {}) {
  return audit(tx, {
    userId,
    frameworkId: access.collective.commonFrameworkId,
    collectiveId: access.collective.id,
    action,
    detail: { entryId, code: entry.code ?? null, labelFr: entry.labelFr, ...extra },
  });
}

export async function createCollectiveEntry(db: Db, userId: string, collectiveId: string, entry: CollectiveBankEntryInput) {
  const access = await requireWrite(db, userId, collectiveId);
  const entryId = await db.transaction(async (tx) => {
    const id = await repo.insertEntry(tx, { collectiveId, entry, createdBy: userId });
    await auditEntry(tx, access, userId, 'bank_entry.created', entry, id);
    return id;
  });
  return presentEntry((await repo.findEntry(db, entryId))!);
}

/** Changes what the patch names; with `ifMatch`, only if nobody changed the entry since that revision. */
export async function updateCollectiveEntry(db: Db, userId: string, collectiveId: string, entryId: string, patch: CollectiveBankEntryPatch, ifMatch?: number) {
  const access = await requireWrite(db, userId, collectiveId);
  await db.transaction(async (tx) => {
    const row = await repo.lockEntry(tx, collectiveId, entryId);
    if (!row) throw notInCollectiveBank();
    checkRevision(ifMatch, row.revision, bankEntryEdited);
    const merged: Record<string, unknown> = { ...row.entry, ...patch };
    for (const key of ['code', 'sdg', 'unitEn', 'childProtectionDimension'] as const) if (merged[key] === null) delete merged[key];
    // The whole entry is checked again: a share's options must stay among the question's.
    const parsed = collectiveBankEntryInput.safeParse(merged);
    if (!parsed.success) {
      throw new Invalid(
        'invalid_bank_entry',
        'Cette modification rendrait l’indicateur incohérent.',
        'This change would make the indicator inconsistent.',
        parsed.error.issues.map((issue) => ({ field: ['body', ...issue.path.map(String)].join('.'), message: issue.message })),
      );
    }
    await repo.updateEntry(tx, collectiveId, entryId, parsed.data);
    const changes = changesOf(row.entry, parsed.data, Object.keys(patch));
    if (changes.length > 0) await auditEntry(tx, access, userId, 'bank_entry.updated', parsed.data, entryId, { changes });
  });
  return presentEntry((await repo.findEntry(db, entryId))!);
}

export async function deleteCollectiveEntry(db: Db, userId: string, collectiveId: string, entryId: string, ifMatch?: number) {
  const access = await requireWrite(db, userId, collectiveId);
  await db.transaction(async (tx) => {
    const row = await repo.lockEntry(tx, collectiveId, entryId);
    if (!row) throw notInCollectiveBank();
    checkRevision(ifMatch, row.revision, bankEntryEdited);
    await repo.deleteEntry(tx, collectiveId, entryId);
    await auditEntry(tx, access, userId, 'bank_entry.deleted', row.entry, entryId);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A collective's entry may go to that collective's common framework or to the specific
 * framework of one of its active members; elsewhere it does not exist.
 */
async function collectiveEntryFor(db: Db, userId: string, frameworkId: string, entryId: string) {
  await getFramework(db, userId, frameworkId);
  const row = await repo.findEntry(db, entryId);
  const framework = await findFramework(db, frameworkId);
  if (!row || !framework) throw entryNotFound();
  const allowed =
    framework.scope === 'common'
      ? framework.collectiveId === row.collectiveId
      : (await activeMemberIds(db, row.collectiveId)).includes(framework.organisationId!);
  if (!allowed) throw entryNotFound();
  return row;
}

/** The indicator a bank entry makes in a framework. */
async function indicatorFromBank(db: Db, userId: string, frameworkId: string, input: { entryId: string; code?: string; nodeId?: string | null }): Promise<IndicatorInput> {
  let entry: Omit<CollectiveBankEntryInput, 'code' | 'questions'> & { questions?: unknown };
  let suggestedCode: string;
  if (UUID.test(input.entryId)) {
    const row = await collectiveEntryFor(db, userId, frameworkId, input.entryId);
    entry = row.entry;
    suggestedCode = row.entry.code ?? `C-${row.id.slice(0, 8).toUpperCase()}`;
  } else {
    const builtIn = INDICATOR_BANK.find((e) => e.id === input.entryId);
    if (!builtIn) throw entryNotFound();
    entry = builtIn;
    suggestedCode = builtIn.id.toUpperCase();
  }
  return {
    code: input.code ?? suggestedCode,
    labelFr: entry.labelFr,
    labelEn: entry.labelEn,
    kind: entry.kind,
    stakeholderGroup: entry.stakeholderGroup,
    unit: entry.unit,
    polarity: entry.polarity,
    computation: entry.computation.type === 'share' ? { type: 'share', options: [...entry.computation.options] } : entry.computation,
    disaggregations: [],
    nodeId: input.nodeId ?? null,
  };
}

/** The bank entry becomes an indicator of the framework's draft, in one action. */
export async function addFromBank(db: Db, userId: string, frameworkId: string, input: { entryId: string; code?: string; nodeId?: string | null }) {
  return createIndicator(db, userId, frameworkId, await indicatorFromBank(db, userId, frameworkId, input));
}

/** A member proposes a bank entry to the collective's common framework, in one action. */
export async function proposeFromBank(db: Db, userId: string, frameworkId: string, input: { entryId: string; code?: string; nodeId?: string | null; rationale: string }) {
  const indicator = await indicatorFromBank(db, userId, frameworkId, input);
  return createProposal(db, userId, frameworkId, { action: 'add_indicator', indicator, rationale: input.rationale });
}
