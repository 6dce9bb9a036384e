import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export interface DataDirLock {
  path: string;
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Le dossier de données ${dir} est déjà utilisé par un autre processus Socle (pid ${pid}). ` +
        `Arrêtez-le d'abord. / The data folder ${dir} is already in use by another Socle process (pid ${pid}); stop it first.`,
    );
    this.name = 'DataDirLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no lock between processes: two of them on one folder silently lose writes. We take
 * an exclusive lock file holding our pid; a lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dir: string): DataDirLock {
  const path = join(dir, 'socle.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readFileSync(path, 'utf8').trim() === String(process.pid)) unlinkSync(path);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && isAlive(pid)) throw new DataDirLockedError(dir, pid);
      unlinkSync(path);
    }
  }
  throw new Error(`Could not lock ${dir}`);
}
