import type { Db } from '../../../db/connect.ts';
import { NotFound } from '../../../domain/errors.ts';
import { INDICATOR_BANK, searchBank, type BankEntry, type BankQuery } from '../../../domain/indicator-bank/index.ts';
import { createIndicator } from '../frameworks/service.ts';
import type { BankEntryDto } from '../../../contracts/bank.ts';

function present(e: BankEntry): BankEntryDto {
  return {
    ...e,
    computation: e.computation.type === 'share' ? { type: 'share', options: [...e.computation.options] } : { type: e.computation.type },
    questions: e.questions.map(({ options, ...q }) => ({ ...q, ...(options ? { options: options.map((o) => ({ ...o })) } : {}) })),
  };
}

export function listEntries(query: BankQuery): BankEntryDto[] {
  return searchBank(INDICATOR_BANK, query).map(present);
}

/** The bank entry becomes an indicator of the framework's draft, in one action. */
export async function addFromBank(db: Db, userId: string, frameworkId: string, input: { entryId: string; code?: string; nodeId?: string | null }) {
  const entry = INDICATOR_BANK.find((e) => e.id === input.entryId);
  if (!entry) {
    throw new NotFound('bank_entry_not_found', 'Cet indicateur n’existe pas dans la banque.', 'This indicator is not in the bank.', [{ field: 'body.entryId', message: 'unknown entry' }]);
  }
  return createIndicator(db, userId, frameworkId, {
    code: input.code ?? entry.id.toUpperCase(),
    labelFr: entry.labelFr,
    labelEn: entry.labelEn,
    kind: entry.kind,
    stakeholderGroup: entry.stakeholderGroup,
    unit: entry.unit,
    polarity: entry.polarity,
    computation: entry.computation.type === 'share' ? { type: 'share', options: [...entry.computation.options] } : entry.computation,
    disaggregations: [],
    nodeId: input.nodeId ?? null,
  });
}
