import ExcelJS from 'exceljs';
import type { FrameworkExport } from '../../../../contracts/framework-exports.ts';
import { computationInWords, labelIn, wordsFor, type Lang } from './labels.ts';

/**
 * The framework as an Excel workbook: one sheet of indicators (every field, one row each) and
 * one sheet of theory-of-change elements with their parent.
 */
export async function renderXlsx(doc: FrameworkExport, lang: Lang): Promise<Buffer> {
  const w = wordsFor(lang);
  const c = w.columns;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Socle';
  workbook.title = doc.name;
  const nodeByKey = new Map(doc.nodes.map((n) => [n.key, n]));

  const indicators = workbook.addWorksheet(w.sheets.indicators, { views: [{ state: 'frozen', ySplit: 1 }] });
  indicators.columns = [
    { header: c.code, key: 'code', width: 14 },
    { header: c.labelFr, key: 'labelFr', width: 50 },
    { header: c.labelEn, key: 'labelEn', width: 50 },
    { header: c.kind, key: 'kind', width: 14 },
    { header: c.stakeholder, key: 'stakeholder', width: 24 },
    { header: c.unit, key: 'unit', width: 14 },
    { header: c.computationType, key: 'computationType', width: 12 },
    { header: c.options, key: 'options', width: 30 },
    { header: c.computation, key: 'computation', width: 50 },
    { header: c.polarity, key: 'polarity', width: 28 },
    { header: c.nodeKey, key: 'nodeKey', width: 10 },
    { header: c.node, key: 'node', width: 50 },
  ];
  for (const i of doc.indicators) {
    const node = i.nodeKey ? nodeByKey.get(i.nodeKey) : undefined;
    indicators.addRow({
      code: i.code,
      labelFr: i.labelFr,
      labelEn: i.labelEn,
      kind: w.indicatorKind[i.kind],
      stakeholder: w.stakeholder[i.stakeholderGroup],
      unit: i.unit,
      computationType: i.computation.type,
      options: i.computation.type === 'share' ? i.computation.options.join(', ') : '',
      computation: computationInWords(w, i.computation),
      polarity: w.polarity[i.polarity],
      nodeKey: i.nodeKey ?? '',
      node: node ? labelIn(lang, node) : '',
    });
  }

  const theory = workbook.addWorksheet(w.sheets.theory, { views: [{ state: 'frozen', ySplit: 1 }] });
  theory.columns = [
    { header: c.key, key: 'key', width: 8 },
    { header: c.level, key: 'kind', width: 20 },
    { header: c.labelFr, key: 'labelFr', width: 50 },
    { header: c.labelEn, key: 'labelEn', width: 50 },
    { header: c.stakeholder, key: 'stakeholder', width: 24 },
    { header: c.parentKey, key: 'parentKey', width: 12 },
    { header: c.parent, key: 'parent', width: 50 },
  ];
  for (const n of doc.nodes) {
    const parent = n.parentKey ? nodeByKey.get(n.parentKey) : undefined;
    theory.addRow({
      key: n.key,
      kind: w.nodeKind[n.kind],
      labelFr: n.labelFr,
      labelEn: n.labelEn,
      stakeholder: n.stakeholderGroup ? w.stakeholder[n.stakeholderGroup] : '',
      parentKey: n.parentKey ?? '',
      parent: parent ? labelIn(lang, parent) : '',
    });
  }

  for (const sheet of [indicators, theory]) {
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).alignment = { vertical: 'middle' };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columnCount } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
