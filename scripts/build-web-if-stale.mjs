// Builds the web app when dist/web is missing or older than its sources, so that `npm start`
// and `npm test` on a fresh checkout serve the current app without a separate build step.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist/web/index.html');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const sources = Math.max(
  newest(join(root, 'src/web')),
  newest(join(root, 'src/contracts')),
  newest(join(root, 'src/domain')),
  statSync(join(root, 'vite.config.ts')).mtimeMs,
  statSync(join(root, 'package-lock.json')).mtimeMs,
);
if (existsSync(built) && statSync(built).mtimeMs >= sources) process.exit(0);

console.log('Construction de l’application web… / building the web app…');
const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'vite.config.ts'), '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
