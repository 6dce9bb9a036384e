/**
 * Sends the answers waiting on the device: when the network comes back (`online`), after a
 * failure with a growing delay (5 s, 10 s, 20 s… up to 5 min), when the app starts, and when
 * the field worker asks for it ("Envoyer maintenant"). The server stores one response per
 * clientId, so an entry sent twice (a reply lost on the way back) is still one response.
 */
import { useSyncExternalStore } from 'react';
import { ApiError, get, post, seg } from '../../api/client.ts';
import {
  addEntry,
  classifyFailure,
  OUTBOX_KEY,
  readOutbox,
  removeEntry,
  retryDelay,
  sendable,
  updateEntry,
  type OutboxEntry,
  type OutboxError,
} from './outbox.ts';

export interface SyncStatus {
  sending: boolean;
  lastAttemptAt: string | null;
  /** Rounds that failed in a row (network or server trouble). */
  failures: number;
  nextTryAt: number | null;
}

const listeners = new Set<() => void>();
let status: SyncStatus = { sending: false, lastAttemptAt: null, failures: 0, nextTryAt: null };
let timer: ReturnType<typeof setTimeout> | null = null;
let started = false;

function notify() {
  for (const listener of listeners) listener();
}

function setStatus(change: Partial<SyncStatus>) {
  status = { ...status, ...change };
  notify();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let lastRaw: string | null = null;
let cached: OutboxEntry[] = [];
function entriesSnapshot(): OutboxEntry[] {
  const raw = window.localStorage.getItem(OUTBOX_KEY);
  if (raw !== lastRaw) {
    lastRaw = raw;
    cached = readOutbox(window.localStorage);
  }
  return cached;
}

/**
 * Keeps one completed answer set on the device, then tries to send it. False when the device
 * refused to keep it (storage full or disabled): the caller must keep the form as it is.
 */
export function keepAnswers(entry: OutboxEntry): boolean {
  try {
    addEntry(window.localStorage, entry);
  } catch {
    return false;
  }
  notify();
  if (navigator.onLine) void sendWaiting();
  return true;
}

/** Removes an entry the server refused, once the field worker has read why. */
export function discardEntry(clientId: string) {
  removeEntry(window.localStorage, clientId);
  notify();
}

function errorOf(error: unknown): OutboxError {
  const status = error instanceof ApiError ? error.status : 0;
  const kind = classifyFailure(status);
  const problem = error instanceof ApiError ? error.problem : null;
  return {
    status,
    rejected: kind === 'rejected',
    message: problem?.detail ?? 'Erreur inattendue.',
    ...(problem?.detailEn ? { messageEn: problem.detailEn } : {}),
    ...(problem?.errors?.length
      ? { fields: problem.errors.map((e) => ({ field: e.field, message: e.message })) }
      : {}),
  };
}

function schedule(failures: number) {
  if (timer) clearTimeout(timer);
  timer = null;
  if (failures === 0) {
    setStatus({ failures, nextTryAt: null });
    return;
  }
  const delay = retryDelay(failures);
  timer = setTimeout(() => {
    timer = null;
    void sendWaiting();
  }, delay);
  setStatus({ failures, nextTryAt: Date.now() + delay });
}

/** The signed-in person's id, or null when unknown (offline, signed out): sending then fails as it would. */
async function signedIn(): Promise<string | null> {
  try {
    return (await get<{ user: { id: string } | null }>('/api/me')).user?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * Sends every waiting entry, one after the other. Entries the server refused stay as they are
 * unless `includeRefused` (the field worker asked to send now).
 */
export async function sendWaiting(options: { includeRefused?: boolean } = {}): Promise<void> {
  if (status.sending) return;
  // On a shared device, each person's answers leave in their own session only.
  const me = await signedIn();
  const waiting = sendable(readOutbox(window.localStorage), me, options.includeRefused ?? false);
  if (waiting.length === 0) {
    schedule(0);
    return;
  }
  setStatus({ sending: true });
  let trouble = false;
  for (const entry of waiting) {
    const at = new Date().toISOString();
    try {
      await post(
        `/api/organisations/${seg(entry.orgId)}/campaigns/${seg(entry.campaignId)}/responses`,
        {
          clientId: entry.clientId,
          answers: entry.answers,
          mode: entry.mode,
          ...(entry.pairingCode ? { pairingCode: entry.pairingCode } : {}),
        },
      );
      removeEntry(window.localStorage, entry.clientId);
    } catch (error) {
      const e = errorOf(error);
      updateEntry(window.localStorage, entry.clientId, {
        attempts: entry.attempts + 1,
        lastAttemptAt: at,
        error: e,
      });
      if (!e.rejected) {
        // No network, server trouble or signed out: the next entries would fail the same way.
        trouble = classifyFailure(e.status) === 'retry';
        break;
      }
    } finally {
      notify();
    }
  }
  setStatus({ sending: false, lastAttemptAt: new Date().toISOString() });
  schedule(trouble ? status.failures + 1 : 0);
}

/** Listens for the network coming back and sends what waits; once per page. */
export function startFieldSync() {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => {
    schedule(0);
    void sendWaiting();
  });
  // Another tab changed the waiting list.
  window.addEventListener('storage', (event) => {
    if (event.key === OUTBOX_KEY) notify();
  });
  if (navigator.onLine && readOutbox(window.localStorage).length > 0) void sendWaiting();
}

export function useOutbox() {
  const entries = useSyncExternalStore(subscribe, entriesSnapshot);
  const current = useSyncExternalStore(subscribe, () => status);
  return { entries, status: current };
}
