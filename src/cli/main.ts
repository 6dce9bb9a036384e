import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../server/config.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { DomainError } from '../domain/errors.ts';
import { createTokenForEmail } from '../server/features/auth/service.ts';
import { openDatabase } from './database.ts';
import { DEMO_DATA_DIR } from './demo-data.ts';
import { startServer } from './start.ts';

const usage = `socle — mesure d'impact social collective

Commandes / commands:
  socle start                          démarre le serveur / start the server
  socle demo                           démarre avec les données de démonstration / start with the demo loaded
  socle migrate                        applique les migrations / apply database migrations
  socle token create --email E [--name N]
                                       crée un jeton d'API (dernière ligne) / create an API token (last line)

Environment: PORT (3000), SOCLE_DATA_DIR (./data), DATABASE_URL (postgres://… instead of PGlite),
SOCLE_PUBLIC_URL, SOCLE_SUPPRESSION_THRESHOLD (5).`;

async function main(argv: string[]) {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case 'start':
      await startServer(loadConfig());
      return;
    case 'demo': {
      const { runDemo } = await import('./demo.ts');
      await runDemo();
      return;
    }
    case 'migrate': {
      const database = await openDatabase(loadConfig());
      await database.close();
      console.log('Migrations appliquées / migrations applied.');
      return;
    }
    case 'token': {
      if (sub !== 'create') break;
      const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' } } });
      if (!values.email) throw new UsageError('--email est requis / --email is required');
      const token = await createToken(values.email, values.name ?? 'CLI');
      console.log(`Jeton créé pour ${values.email} (affiché une seule fois) / token created (shown once):`);
      console.log(token);
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return;
    default:
      break;
  }
  throw new UsageError(`Commande inconnue / unknown command: ${argv.join(' ')}`);
}

class UsageError extends Error {}

/**
 * Creates a token in the configured database. With no folder or server named, the default
 * folder is tried first, then the demo's own folder (./data-demo), so that the demo's accounts
 * work as the README shows; the folder used is said.
 */
async function createToken(email: string, name: string): Promise<string> {
  const explicit = Boolean(process.env.SOCLE_DATA_DIR || process.env.DATABASE_URL);
  const candidates = explicit ? [loadConfig()] : [loadConfig(), loadConfig({ ...process.env, SOCLE_DATA_DIR: DEMO_DATA_DIR })];
  let lastError: unknown;
  for (const [i, config] of candidates.entries()) {
    if (i > 0 && !existsSync(config.dataDir)) break;
    const database = await openDatabase(config);
    try {
      const created = await createTokenForEmail(database.db, email, name);
      if (i > 0) console.log(`(dossier de la démo / demo folder: ${config.dataDir})`);
      return created.token;
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
      lastError = error;
    } finally {
      await database.close();
    }
  }
  throw lastError;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${usage}`);
  } else if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else if (error instanceof DomainError) {
    console.error(`${error.messageFr} / ${error.messageEn}`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Le port est déjà utilisé : choisissez-en un autre avec PORT=… / The port is in use: choose another with PORT=…`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
