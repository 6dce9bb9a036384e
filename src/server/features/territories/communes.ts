import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { buildCommuneIndex, type CommuneIndex, type CommuneSource } from '../../../domain/territories.ts';

let index: CommuneIndex | null = null;

/**
 * The communes of `@etalab/decoupage-administratif`, read on first use: the 8.6 MB file is parsed
 * once, kept as a compact index (src/domain/territories.ts), and the parsed rows are let go.
 * Its main entry reads `./data` from the working directory, so the file is found by resolution.
 */
export function communeIndex(): CommuneIndex {
  if (!index) {
    const path = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
    index = buildCommuneIndex(JSON.parse(readFileSync(path, 'utf8')) as CommuneSource[]);
  }
  return index;
}
