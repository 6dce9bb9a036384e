import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect, runMigrations, type Database } from '../../src/db/connect.ts';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  return process.env.SOCLE_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL tests need it.');
  return url;
}

/**
 * Each test file gets a database of its own: PGlite in memory, or a new database created on
 * the PostgreSQL server and dropped afterwards.
 */
export async function createTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (testDbKind() === 'pglite') {
    const database = await connect({ kind: 'pglite' });
    await runMigrations(database);
    return { database, drop: () => database.close() };
  }
  const admin = new URL(serverUrl());
  const name = `socle_test_${randomBytes(6).toString('hex')}`;
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  await adminClient.query(`create database ${name}`);
  await adminClient.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  const database = await connect({ kind: 'postgresql', url: url.toString(), maxConnections: 5 });
  await runMigrations(database);
  return {
    database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
