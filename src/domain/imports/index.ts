export * from './decode.ts';
export * from './csv.ts';
export * from './values.ts';
export * from './lines.ts';

import { decodeBytes, type TextEncoding } from './decode.ts';
import { detectDelimiter, parseCsv, type Delimiter } from './csv.ts';
import { tableFromRecords, type ImportTable } from './lines.ts';

/** A CSV file's bytes → its table, with what was detected. */
export function readCsvBytes(bytes: Uint8Array): { table: ImportTable; encoding: TextEncoding; delimiter: Delimiter } {
  const { text, encoding } = decodeBytes(bytes);
  const delimiter = detectDelimiter(text);
  return { table: tableFromRecords(parseCsv(text, delimiter)), encoding, delimiter };
}
