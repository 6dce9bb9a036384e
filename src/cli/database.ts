import { connect, runMigrations, type Database } from '../db/connect.ts';
import type { Config } from '../server/config.ts';

/** Opens the configured database (PGlite in the data folder, or the server) and migrates it. */
export async function openDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl
    ? await connect({ kind: 'postgresql', url: config.databaseUrl })
    : await connect({ kind: 'pglite', dataDir: config.dataDir });
  try {
    await runMigrations(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
