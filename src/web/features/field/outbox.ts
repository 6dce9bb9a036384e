/**
 * Answers collected in the field wait here, on the device, until they are sent. Each entry has
 * its own clientId (made when its form was started): sending it twice stores one response on
 * the server, so an entry is only removed once the server has acknowledged it.
 *
 * Kept in localStorage: small, synchronous, shared by the app's tabs and kept across reloads
 * and offline starts. An entry the server refuses (4xx) is kept, with the reason, for the
 * person to see; it is never dropped silently.
 */

export type AssistedMode = 'paper' | 'with_person';

export interface OutboxError {
  /** HTTP status, or 0 when the server could not be reached. */
  status: number;
  /** In plain words, for the field worker (French, and English when the server gave it). */
  message: string;
  messageEn?: string;
  /** The server's remarks per question (`answers.<questionId>`). */
  fields?: { field: string; message: string }[];
  /** The server refused the entry itself (4xx): sending it again as is will not help. */
  rejected: boolean;
}

export interface OutboxEntry {
  clientId: string;
  /** Who entered it: it is sent only in that person's session (a shared device). */
  userId?: string;
  orgId: string;
  campaignId: string;
  mode: AssistedMode;
  /** Before/after campaigns: the person's follow-up code. */
  pairingCode?: string;
  answers: Record<string, string | number | string[] | Record<string, string>>;
  savedAt: string;
  attempts: number;
  lastAttemptAt: string | null;
  error: OutboxError | null;
}

export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const OUTBOX_KEY = 'socle.field.outbox.v1';

function isEntry(value: unknown): value is OutboxEntry {
  const e = value as Partial<OutboxEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.clientId === 'string' &&
    typeof e.orgId === 'string' &&
    typeof e.campaignId === 'string' &&
    typeof e.answers === 'object' &&
    e.answers !== null
  );
}

export function readOutbox(storage: OutboxStorage): OutboxEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(OUTBOX_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
  } catch {
    return [];
  }
}

export function writeOutbox(storage: OutboxStorage, entries: OutboxEntry[]) {
  storage.setItem(OUTBOX_KEY, JSON.stringify(entries));
}

/** Adds an entry; the same clientId is kept once (the newest wins). */
export function addEntry(storage: OutboxStorage, entry: OutboxEntry) {
  const others = readOutbox(storage).filter((e) => e.clientId !== entry.clientId);
  writeOutbox(storage, [...others, entry]);
}

export function removeEntry(storage: OutboxStorage, clientId: string) {
  writeOutbox(
    storage,
    readOutbox(storage).filter((e) => e.clientId !== clientId),
  );
}

export function updateEntry(
  storage: OutboxStorage,
  clientId: string,
  change: Partial<OutboxEntry>,
) {
  writeOutbox(
    storage,
    readOutbox(storage).map((e) => (e.clientId === clientId ? { ...e, ...change } : e)),
  );
}

/** Waiting time before the next automatic try after `failures` failed rounds: 5 s, 10 s, 20 s… up to 5 min. */
export function retryDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(5 * 60_000, 5_000 * 2 ** (failures - 1));
}

/**
 * What a failed send means. 4xx other than 401/408/429 are refusals of the entry itself;
 * network failures, 5xx, timeouts and rate limits are worth retrying; 401 waits for sign-in.
 */
export function classifyFailure(status: number): 'retry' | 'rejected' | 'signed-out' {
  if (status === 401) return 'signed-out';
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/** A UUID v4, also where crypto.randomUUID is missing (an insecure context). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The entries to send now: refused ones only when asked, and on a shared device only those
 * the signed-in person entered (`me` null when unknown: offline or signed out, where sending
 * fails anyway and changes nothing).
 */
export function sendable(entries: readonly OutboxEntry[], me: string | null, includeRefused: boolean): OutboxEntry[] {
  return entries.filter((e) => (includeRefused || !e.error?.rejected) && (!e.userId || !me || e.userId === me));
}
