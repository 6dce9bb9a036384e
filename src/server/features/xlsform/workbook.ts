import ExcelJS from 'exceljs';
import { Invalid } from '../../../domain/errors.ts';
import type { XlsFormSheets } from '../../../domain/xlsform/index.ts';

/** Past these, a sheet is not a questionnaire. */
const MAX_ROWS = 5000;
const MAX_COLUMNS = 200;

export function notXlsx() {
  return new Invalid(
    'not_xlsx',
    'Ce fichier n’est pas un classeur Excel (.xlsx). Dans KoboToolbox, téléchargez le formulaire avec « Télécharger XLS » ; dans ODK, utilisez le fichier .xlsx du formulaire.',
    'This file is not an Excel workbook (.xlsx). In KoboToolbox, download the form with "Download XLS"; with ODK, use the form’s .xlsx file.',
  );
}

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return value.result === undefined ? '' : text(value.result);
    if ('error' in value) return '';
  }
  return '';
}

/** Reads an .xlsx file into its sheets, each as rows of cell texts. */
export async function readWorkbook(file: Buffer): Promise<XlsFormSheets> {
  if (file.length >= 8 && file.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new Invalid(
      'old_xls',
      'Ce fichier est au format Excel 97-2003 (.xls) : ouvrez-le dans un tableur et enregistrez-le au format .xlsx, puis importez-le à nouveau.',
      'This file is in the Excel 97-2003 format (.xls): open it in a spreadsheet program, save it as .xlsx, then import it again.',
    );
  }
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) throw notXlsx();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw notXlsx();
  }
  const sheets: XlsFormSheets = {};
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    const rowCount = Math.min(sheet.rowCount, MAX_ROWS);
    const columnCount = Math.min(sheet.columnCount, MAX_COLUMNS);
    for (let r = 1; r <= rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= columnCount; c++) cells.push(text(row.getCell(c).value));
      rows.push(cells);
    }
    sheets[sheet.name] = rows;
  });
  return sheets;
}
