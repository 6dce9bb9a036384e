import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { FrameworkExport, FrameworkExportIndicator, FrameworkExportNode } from '../../../../contracts/framework-exports.ts';
import { computationInWords, labelIn, wordsFor, type Lang } from './labels.ts';

const MAX_LEVEL = 8;

function formatDay(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/**
 * The framework as a Word document: a cover title, the theory of change as an outline (each
 * element with its indicators beneath it), then one table of all indicators.
 */
export async function renderDocx(doc: FrameworkExport, lang: Lang, now: Date): Promise<Buffer> {
  const w = wordsFor(lang);
  const byParent = new Map<string | null, FrameworkExportNode[]>();
  for (const n of doc.nodes) byParent.set(n.parentKey, [...(byParent.get(n.parentKey) ?? []), n]);
  const byNode = new Map<string | null, FrameworkExportIndicator[]>();
  for (const i of doc.indicators) byNode.set(i.nodeKey, [...(byNode.get(i.nodeKey) ?? []), i]);

  const indicatorLine = (i: FrameworkExportIndicator, level: number) =>
    new Paragraph({
      bullet: { level: Math.min(level, MAX_LEVEL) },
      children: [new TextRun({ text: `${i.code} — `, bold: true, size: 20 }), new TextRun({ text: labelIn(lang, i), italics: true, size: 20 })],
    });

  const outline: Paragraph[] = [];
  const walk = (parentKey: string | null, level: number) => {
    for (const n of byParent.get(parentKey) ?? []) {
      outline.push(
        new Paragraph({
          bullet: { level: Math.min(level, MAX_LEVEL) },
          children: [new TextRun({ text: `${w.nodeKind[n.kind]} : `, bold: true }), new TextRun({ text: labelIn(lang, n) })],
        }),
      );
      for (const i of byNode.get(n.key) ?? []) outline.push(indicatorLine(i, level + 1));
      walk(n.key, level + 1);
    }
  };
  walk(null, 0);
  if (outline.length === 0) outline.push(new Paragraph({ children: [new TextRun({ text: w.theoryEmpty, italics: true })] }));
  const unplaced = byNode.get(null) ?? [];
  if (unplaced.length > 0) {
    outline.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: w.unplaced, spacing: { before: 240 } }));
    for (const i of unplaced) outline.push(indicatorLine(i, 0));
  }

  const c = w.columns;
  const headers = [c.code, c.label, c.kind, c.stakeholder, c.unit, c.computation, c.polarity];
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'A0A7B4' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, header = false) =>
    new TableCell({
      borders,
      ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8ECF2' } } : {}),
      children: [new Paragraph({ children: [new TextRun({ text, bold: header, size: 18 })] })],
    });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...doc.indicators.map(
        (i) =>
          new TableRow({
            children: [
              cell(i.code),
              cell(labelIn(lang, i)),
              cell(w.indicatorKind[i.kind]),
              cell(w.stakeholder[i.stakeholderGroup]),
              cell(i.computation.type === 'share' ? '%' : i.unit),
              cell(computationInWords(w, i.computation)),
              cell(w.polarity[i.polarity]),
            ],
          }),
      ),
    ],
  });

  const versionText = doc.version ? w.version(doc.version.number, w.status[doc.version.status]) : w.noVersion;
  const document = new Document({
    creator: 'Socle',
    title: doc.name,
    description: versionText,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT, text: doc.name }),
          new Paragraph({ children: [new TextRun({ text: versionText, bold: true })] }),
          new Paragraph({ children: [new TextRun({ text: w.exportedOn(formatDay(now, lang)), color: '5C6370' })], spacing: { after: 360 } }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: w.theory }),
          ...outline,
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: w.indicators, pageBreakBefore: true }),
          doc.indicators.length > 0 ? table : new Paragraph({ children: [new TextRun({ text: w.indicatorsEmpty, italics: true })] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
