/**
 * Reading delimited text (RFC 4180 and what spreadsheets really write): quoted fields,
 * doubled quotes, line breaks inside quotes, CRLF or LF. Each record keeps the line number
 * where it starts in the file, as a person sees it in a text editor (first line = 1).
 */
export type Delimiter = ';' | ',' | '\t';

export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly fr: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const CANDIDATES: readonly Delimiter[] = [';', '\t', ','];

/** Counts a delimiter outside quotes on one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) n += 1;
  }
  return n;
}

/**
 * The delimiter that splits the first lines into the same, largest number of columns.
 * Semicolon wins ties (French Excel), then tab, then comma; a single column gives ';'.
 */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  if (lines.length === 0) return ';';
  let best: Delimiter = ';';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const header = counts[0]!;
    if (header === 0) continue;
    // Lines that agree with the header count; a comma inside "3,5" makes lines disagree.
    const agreeing = counts.filter((c) => c === header).length;
    const score = agreeing * 1000 + header;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

/** Parses the whole text. Records made only of empty cells (blank lines) are left out. */
export function parseCsv(text: string, delimiter: Delimiter): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let quoteStartLine = 1;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (ch === '\n') line += 1;
      if (ch === '\r' && text[i + 1] === '\n') {
        cell += '\r\n';
        line += 1;
        i += 2;
        continue;
      }
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      quoteStartLine = line;
      cell = '';
      i += 1;
      continue;
    }
    if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    cell += ch;
    i += 1;
  }
  if (quoted) {
    throw new CsvSyntaxError(
      quoteStartLine,
      `Ligne ${quoteStartLine} : un guillemet ouvert n’est jamais fermé.`,
      `Line ${quoteStartLine}: a quote is opened and never closed.`,
    );
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
