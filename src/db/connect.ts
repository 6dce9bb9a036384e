import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';

export type Schema = typeof schema;
/** The one database type the repositories see, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export type ConnectOptions =
  | { kind: 'postgresql'; url: string; maxConnections?: number }
  /** `dataDir` undefined means in memory (tests). */
  | { kind: 'pglite'; dataDir?: string; lock?: boolean };

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

// Both drivers' instances are PgDatabase subclasses; the cast only erases the driver's own
// result type, which no repository relies on.
function asDb(db: unknown): Db {
  return db as Db;
}

export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.kind === 'postgresql') {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10 });
    // An idle connection can be cut by the server (restart, admin command, network). The pool
    // drops it and opens another on the next query; without a listener the event would crash
    // the whole process.
    pool.on('error', (error) => {
      process.emitWarning(`PostgreSQL connection lost while idle: ${error.message}`);
    });
    // COUNT and SUM come back as strings from node-postgres; bigint and numeric as numbers keep
    // one shape across both drivers (our counts stay far below 2^53).
    const db = drizzlePg(pool, { schema });
    return {
      db: asDb(db),
      kind: 'postgresql',
      close: () => pool.end(),
    };
  }
  let lock: DataDirLock | undefined;
  let client: PGlite;
  if (options.dataDir) {
    const dir = resolve(options.dataDir);
    mkdirSync(dir, { recursive: true });
    if (options.lock !== false) lock = acquireDataDirLock(dir);
    try {
      client = await PGlite.create(join(dir, 'pgdata'));
    } catch (error) {
      lock?.release();
      throw error;
    }
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite(client, { schema });
  return {
    db: asDb(db),
    kind: 'pglite',
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as Parameters<typeof migratePg>[0], { migrationsFolder });
  }
}
