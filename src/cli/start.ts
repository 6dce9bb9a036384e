import { buildApp } from '../server/app.ts';
import type { Config } from '../server/config.ts';
import { openDatabase } from './database.ts';

export async function startServer(config: Config, announce: (line: string) => void = console.log) {
  const database = await openDatabase(config);
  const app = await buildApp({ config, database, logger: true });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'arrêt / shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`;
  announce(`Socle est prêt / is ready: ${config.publicUrl}  —  base de données / database: ${where}`);
  return { app, database };
}
