import { describe, expect, it } from 'vitest';
import {
  addEntry,
  classifyFailure,
  newClientId,
  OUTBOX_KEY,
  readOutbox,
  removeEntry,
  retryDelay,
  sendable,
  updateEntry,
  type OutboxEntry,
  type OutboxStorage,
} from './outbox.ts';

function memory(initial?: string): OutboxStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(OUTBOX_KEY, initial);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const entry = (clientId: string, extra: Partial<OutboxEntry> = {}): OutboxEntry => ({
  clientId,
  orgId: 'o',
  campaignId: 'c',
  mode: 'paper',
  answers: { q: 'oui' },
  savedAt: '2026-01-01T00:00:00.000Z',
  attempts: 0,
  lastAttemptAt: null,
  error: null,
  ...extra,
});

describe('field outbox', () => {
  it.each([
    ['nothing stored', undefined, 0],
    ['empty list', '[]', 0],
    ['broken JSON', '{not json', 0],
    ['not a list', '{"a":1}', 0],
    ['one good, one broken entry', JSON.stringify([entry('a'), { clientId: 3 }]), 1],
  ])('reads %s', (_name, stored, n) => {
    expect(readOutbox(memory(stored))).toHaveLength(n);
  });

  it('keeps one entry per clientId, and removes or updates by clientId', () => {
    const s = memory();
    addEntry(s, entry('a'));
    addEntry(s, entry('b'));
    addEntry(s, entry('a', { mode: 'with_person' }));
    expect(readOutbox(s).map((e) => [e.clientId, e.mode])).toEqual([
      ['b', 'paper'],
      ['a', 'with_person'],
    ]);
    updateEntry(s, 'b', { attempts: 2, error: { status: 400, message: 'non', rejected: true } });
    expect(readOutbox(s)[0]).toMatchObject({ attempts: 2, error: { rejected: true } });
    removeEntry(s, 'b');
    removeEntry(s, 'missing');
    expect(readOutbox(s).map((e) => e.clientId)).toEqual(['a']);
  });

  it.each([
    [0, 0],
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [7, 300_000],
    [30, 300_000],
  ])('waits, after %i failed rounds, %i ms', (failures, ms) => {
    expect(retryDelay(failures)).toBe(ms);
  });

  it.each([
    [0, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [429, 'retry'],
    [408, 'retry'],
    [401, 'signed-out'],
    [400, 'rejected'],
    [403, 'rejected'],
    [404, 'rejected'],
    [409, 'rejected'],
    [413, 'rejected'],
  ])('classifies a %i as %s', (status, kind) => {
    expect(classifyFailure(status)).toBe(kind);
  });

  it('makes distinct version 4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 50 }, newClientId));
    expect(ids.size).toBe(50);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('sendable', () => {
  const refused = { status: 400, message: 'Refusée', rejected: true };
  const list = [entry('a', { userId: 'ana' }), entry('b', { userId: 'bob' }), entry('c'), entry('d', { userId: 'ana', error: refused })];
  it.each<[string, string | null, boolean, string[]]>([
    ['Ana sends hers and the ones with no author', 'ana', false, ['a', 'c']],
    ['Bob sends his', 'bob', false, ['b', 'c']],
    ['asked to send now, refused ones go again', 'ana', true, ['a', 'c', 'd']],
    ['nobody known (offline, signed out): all but refused, to fail as they would', null, false, ['a', 'b', 'c']],
  ])('%s', (_name, me, includeRefused, expected) => {
    expect(sendable(list, me, includeRefused).map((e) => e.clientId)).toEqual(expected);
  });
});
