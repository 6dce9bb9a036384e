/**
 * What the last save of a questionnaire did (a new version, campaigns moved), kept until the
 * questionnaire page it leads to has shown it once. Lost on reload, which is fine: it is a
 * one-time confirmation, not data.
 */
import type { z } from 'zod';
import type { questionnaireRevision } from '../../../contracts/index.ts';

export type QuestionnaireRevision = z.infer<typeof questionnaireRevision>;

const notices = new Map<string, QuestionnaireRevision>();

export function rememberRevision(revision: QuestionnaireRevision) {
  notices.set(revision.id, revision);
}

/** The notice for this questionnaire, if its save just happened. */
export function peekRevision(id: string): QuestionnaireRevision | null {
  return notices.get(id) ?? null;
}

/** Called once the page has read it, so that coming back later shows nothing. */
export function forgetRevision(id: string) {
  notices.delete(id);
}
