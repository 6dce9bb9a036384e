import ExcelJS from 'exceljs';
import { tableFromRecords, type Cell, type ImportTable, type TableRow } from '../../../domain/imports/index.ts';
import { Invalid } from '../../../domain/errors.ts';

/** A ZIP file (every .xlsx is one) starts with "PK\x03\x04". */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** One cell as the import sees it: numbers stay numbers, dates become 'YYYY-MM-DD'. */
function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

/** Reads the named sheet of a workbook (the first one by default) into a table. */
export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<{ table: ImportTable; sheet: string; sheets: string[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new Invalid('unreadable_file', 'Ce classeur Excel ne peut pas être lu. Enregistrez-le à nouveau au format .xlsx, ou en CSV.', 'This Excel workbook cannot be read. Save it again as .xlsx, or as CSV.');
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.worksheets.find((w) => w.name === sheetName);
  if (!sheet) {
    throw new Invalid('unknown_sheet', `Feuille introuvable. Feuilles du classeur : ${sheets.join(', ')}.`, `Sheet not found. Sheets in the workbook: ${sheets.join(', ')}.`, [{ field: 'querystring.sheet', message: 'unknown sheet' }]);
  }
  const records: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: Cell[] = [];
    for (let i = 1; i < values.length; i += 1) cells.push(cellOf(values[i]));
    if (cells.some((c) => c !== null && String(c).trim() !== '')) records.push({ line: rowNumber, cells });
  });
  return { table: tableFromRecords(records), sheet: sheet.name, sheets };
}
