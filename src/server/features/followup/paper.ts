import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * The paper version of a questionnaire, as a PDF to print: a title block with the campaign's
 * QR code and link, then every question with boxes to fill. Built from plain data, so that it
 * does not depend on the database; fields that not every questionnaire has are optional.
 *
 * Fonts: PDF's standard Helvetica (WinAnsi encoding), which covers French (é, œ, ’, « ») and
 * needs no font file. Characters outside WinAnsi are replaced (see `printable`).
 */

export interface PaperLabel {
  value: string;
  labelFr: string;
  labelEn?: string | null | undefined;
}

/** A condition on an earlier question (`showIf`), as stored; read defensively. */
export type PaperCondition =
  | { question: string; op: string; value?: string | number | null }
  | { all: PaperCondition[] }
  | { any: PaperCondition[] }
  | { not: PaperCondition };

export interface PaperQuestion {
  type: string;
  labelFr: string;
  labelEn?: string | null | undefined;
  helpFr?: string | null | undefined;
  helpEn?: string | null | undefined;
  options?: PaperLabel[] | null | undefined;
  min?: number | null | undefined;
  max?: number | null | undefined;
  key?: string | null | undefined;
  section?: number | null | undefined;
  items?: PaperLabel[] | null | undefined;
  showIf?: unknown;
}

export interface PaperSection {
  titleFr?: string | null | undefined;
  titleEn?: string | null | undefined;
  introFr?: string | null | undefined;
  introEn?: string | null | undefined;
}

export interface PaperInput {
  lang: 'fr' | 'en';
  title: string;
  organisationName: string;
  campaignName: string;
  introFr: string;
  introEn?: string | null | undefined;
  sections?: PaperSection[] | null | undefined;
  questions: PaperQuestion[];
  /** The campaign's public link, printed and encoded in the QR code. */
  link: string;
  /** False writes uncompressed content streams (tests read the text). */
  compress?: boolean;
}

const WORDS = {
  fr: {
    question: 'Question',
    answerOnlyIf: 'Répondez seulement si',
    single: 'Cochez une seule réponse.',
    multiple: 'Cochez toutes les réponses qui conviennent.',
    scale: (min: number, max: number) => `Cochez une case, de ${min} à ${max}.`,
    number: 'Écrivez un nombre.',
    between: (min: number, max: number) => `Écrivez un nombre entre ${min} et ${max}.`,
    text: 'Écrivez votre réponse.',
    date: 'Écrivez la date (jour / mois / année).',
    ranking: (n: number) => `Numérotez de 1 (votre préféré) à ${n}.`,
    grid: 'Cochez une case par ligne.',
    faces: 'Cochez le visage qui vous correspond.',
    online: 'Répondre en ligne',
    page: (i: number, n: number) => `page ${i} sur ${n}`,
    thanks: 'Merci pour vos réponses. Rendez ce questionnaire à la personne qui vous l’a donné.',
    facesDefault: {
      3: ['Pas bien', 'Moyen', 'Bien'],
      5: ['Très mal', 'Mal', 'Moyen', 'Bien', 'Très bien'],
    },
    and: 'et',
    or: 'ou',
  },
  en: {
    question: 'Question',
    answerOnlyIf: 'Answer only if',
    single: 'Tick one answer.',
    multiple: 'Tick every answer that applies.',
    scale: (min: number, max: number) => `Tick one box, from ${min} to ${max}.`,
    number: 'Write a number.',
    between: (min: number, max: number) => `Write a number between ${min} and ${max}.`,
    text: 'Write your answer.',
    date: 'Write the date (day / month / year).',
    ranking: (n: number) => `Number them from 1 (your favourite) to ${n}.`,
    grid: 'Tick one box per row.',
    faces: 'Tick the face that fits you.',
    online: 'Answer online',
    page: (i: number, n: number) => `page ${i} of ${n}`,
    thanks:
      'Thank you for your answers. Hand this questionnaire back to the person who gave it to you.',
    facesDefault: {
      3: ['Not good', 'So-so', 'Good'],
      5: ['Very bad', 'Bad', 'So-so', 'Good', 'Very good'],
    },
    and: 'and',
    or: 'or',
  },
} as const;

// WinAnsi beyond Latin-1: the characters Helvetica's encoding maps in 0x80–0x9F.
const WIN_ANSI_EXTRA = new Set([
  402, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230, 8364, 8240, 8249,
  8250, 710, 8482, 338, 339, 732, 352, 353, 376, 381, 382,
]);

/** Text the standard fonts can draw: narrow spaces become plain ones, anything else outside WinAnsi a “?”. */
export function printable(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const c = ch.codePointAt(0)!;
    if (c === 0x202f || c === 0x2009 || c === 0x2007) out += '\u00a0';
    else if (c === 0x2010 || c === 0x2011) out += '-';
    else if (c === 10 || (c >= 32 && c <= 126) || (c >= 160 && c <= 255) || WIN_ANSI_EXTRA.has(c))
      out += ch;
    else if (c === 9 || c === 13) out += ' ';
    else out += '?';
  }
  return out;
}

function pick(
  lang: 'fr' | 'en',
  fr: string | null | undefined,
  en: string | null | undefined,
): string {
  return lang === 'en' && en && en.trim() !== '' ? en : (fr ?? '');
}

function isCondition(value: unknown): value is PaperCondition {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.all) || Array.isArray(v.any)) return true;
  if ('not' in v) return isCondition(v.not);
  return typeof v.question === 'string' && typeof v.op === 'string';
}

/** The default key of a question at a position, as the questionnaire model gives it. */
const keyOf = (q: PaperQuestion, index: number) =>
  q.key && q.key !== '' ? q.key : `q${index + 1}`;

/**
 * “Répondez seulement si …”: a condition in plain words, naming earlier questions by their
 * number and choices by their label. Null when there is no condition (or it is unreadable).
 */
export function conditionText(
  condition: unknown,
  questions: PaperQuestion[],
  lang: 'fr' | 'en',
): string | null {
  if (!isCondition(condition)) return null;
  const byKey = new Map(questions.map((q, i) => [keyOf(q, i), { q, number: i + 1 }]));
  const w = WORDS[lang];
  const quote = (s: string) => (lang === 'fr' ? `« ${s} »` : `“${s}”`);
  const say = (c: PaperCondition, nested: boolean): string => {
    if ('all' in c || 'any' in c) {
      const parts = ('all' in c ? c.all : c.any).filter(isCondition).map((p) => say(p, true));
      const joined = parts.join(` ${'all' in c ? w.and : w.or} `);
      return nested && parts.length > 1 ? `(${joined})` : joined;
    }
    if ('not' in c)
      return lang === 'fr'
        ? `il est faux que ${say(c.not, true)}`
        : `it is not true that ${say(c.not, true)}`;
    const target = byKey.get(c.question);
    const ref = target
      ? `${lang === 'fr' ? 'la question' : 'question'} ${target.number}`
      : c.question;
    const raw = c.value ?? '';
    const option = target && [...(target.q.options ?? [])].find((o) => o.value === String(raw));
    const date = typeof raw === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) : null;
    const value = option
      ? quote(pick(lang, option.labelFr, option.labelEn))
      : typeof raw === 'number'
        ? String(raw)
        : date
          ? `${date[3]}/${date[2]}/${date[1]}`
          : quote(String(raw));
    if (lang === 'fr') {
      switch (c.op) {
        case 'equals':
          return `vous avez répondu ${value} à ${ref}`;
        case 'notEquals':
          return `vous n’avez pas répondu ${value} à ${ref}`;
        case 'includes':
          return `vous avez coché ${value} à ${ref}`;
        case 'gt':
          return `votre réponse à ${ref} est plus grande que ${value}`;
        case 'gte':
          return `votre réponse à ${ref} est ${value} ou plus`;
        case 'lt':
          return `votre réponse à ${ref} est plus petite que ${value}`;
        case 'lte':
          return `votre réponse à ${ref} est ${value} ou moins`;
        case 'answered':
          return `vous avez répondu à ${ref}`;
        case 'notAnswered':
          return `vous n’avez pas répondu à ${ref}`;
        default:
          return `${ref} : ${c.op} ${value}`;
      }
    }
    switch (c.op) {
      case 'equals':
        return `you answered ${value} to ${ref}`;
      case 'notEquals':
        return `you did not answer ${value} to ${ref}`;
      case 'includes':
        return `you ticked ${value} in ${ref}`;
      case 'gt':
        return `your answer to ${ref} is more than ${value}`;
      case 'gte':
        return `your answer to ${ref} is ${value} or more`;
      case 'lt':
        return `your answer to ${ref} is less than ${value}`;
      case 'lte':
        return `your answer to ${ref} is ${value} or less`;
      case 'answered':
        return `you answered ${ref}`;
      case 'notAnswered':
        return `you did not answer ${ref}`;
      default:
        return `${ref}: ${c.op} ${value}`;
    }
  };
  return `${w.answerOnlyIf} ${say(condition, false)}.`;
}

// Layout, in PDF points (A4: 595 × 842).
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const FOOTER = 30;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const BOTTOM = PAGE.height - MARGIN - FOOTER + 20;
const INK = '#1f2328';
const MUTED = '#555e68';
const LINE = '#7a838c';

type Doc = PDFKit.PDFDocument;

/** A piece of a question drawn at a vertical position; a question is a list of rows. */
interface Row {
  height: number;
  draw: (y: number) => void;
}

function textRow(
  doc: Doc,
  text: string,
  opts: {
    font: string;
    size: number;
    color?: string;
    x?: number;
    width?: number;
    gapAfter?: number;
  },
): Row {
  const x = opts.x ?? MARGIN;
  const width = opts.width ?? CONTENT_WIDTH - (x - MARGIN);
  const t = printable(text);
  doc.font(opts.font).fontSize(opts.size);
  const height = doc.heightOfString(t, { width }) + (opts.gapAfter ?? 4);
  return {
    height,
    draw: (y) => {
      doc
        .font(opts.font)
        .fontSize(opts.size)
        .fillColor(opts.color ?? INK)
        .text(t, x, y, { width });
    },
  };
}

type Marker = 'circle' | 'square' | 'rank';

function optionRow(doc: Doc, label: string, marker: Marker): Row {
  const indent = 20;
  const markerWidth = marker === 'rank' ? 30 : 18;
  const x = MARGIN + indent + markerWidth;
  const width = CONTENT_WIDTH - indent - markerWidth;
  const t = printable(label);
  doc.font('Helvetica').fontSize(10.5);
  const height = Math.max(doc.heightOfString(t, { width }), 14) + 6;
  return {
    height,
    draw: (y) => {
      doc.lineWidth(0.9).strokeColor(INK);
      const mx = MARGIN + indent;
      if (marker === 'circle') doc.circle(mx + 6, y + 6.5, 5.5).stroke();
      else if (marker === 'square') doc.rect(mx + 0.5, y + 1, 11, 11).stroke();
      else doc.rect(mx, y - 2, 22, 16).stroke();
      doc
        .font('Helvetica')
        .fontSize(10.5)
        .fillColor(INK)
        .text(t, x, y + 1, { width });
    },
  };
}

function linesRow(doc: Doc, count: number, width = CONTENT_WIDTH - 20): Row {
  const gap = 24;
  return {
    height: count * gap + 6,
    draw: (y) => {
      doc.lineWidth(0.6).strokeColor(LINE).dash(1.5, { space: 2 });
      for (let i = 1; i <= count; i += 1) {
        doc
          .moveTo(MARGIN + 20, y + i * gap)
          .lineTo(MARGIN + 20 + width, y + i * gap)
          .stroke();
      }
      doc.undash();
    },
  };
}

function scaleRow(doc: Doc, min: number, max: number): Row {
  const count = Math.max(1, Math.min(11, max - min + 1));
  const step = Math.min(40, (CONTENT_WIDTH - 20) / count);
  return {
    height: 40,
    draw: (y) => {
      for (let i = 0; i < count; i += 1) {
        const x = MARGIN + 20 + i * step;
        doc
          .font('Helvetica-Bold')
          .fontSize(10)
          .fillColor(INK)
          .text(String(min + i), x, y, { width: 22, align: 'center' });
        doc
          .lineWidth(0.9)
          .strokeColor(INK)
          .rect(x + 3, y + 14, 16, 16)
          .stroke();
      }
    },
  };
}

function drawFace(doc: Doc, cx: number, cy: number, r: number, mood: number) {
  // mood from −1 (sad) to 1 (happy): the mouth's curve.
  doc.lineWidth(1.1).strokeColor(INK).circle(cx, cy, r).stroke();
  doc
    .fillColor(INK)
    .circle(cx - r * 0.35, cy - r * 0.25, r * 0.09)
    .fill();
  doc.circle(cx + r * 0.35, cy - r * 0.25, r * 0.09).fill();
  const mouthY = cy + r * 0.38;
  const half = r * 0.42;
  doc
    .lineWidth(1.1)
    .moveTo(cx - half, mouthY - mood * r * 0.08)
    .quadraticCurveTo(cx, mouthY + mood * r * 0.32, cx + half, mouthY - mood * r * 0.08)
    .stroke();
}

function facesRow(doc: Doc, labels: string[]): Row {
  const n = labels.length;
  const col = Math.min(95, (CONTENT_WIDTH - 20) / n);
  doc.font('Helvetica').fontSize(9);
  const labelHeight = Math.max(
    ...labels.map((l) => doc.heightOfString(printable(l), { width: col - 6 })),
  );
  const r = 15;
  return {
    height: 2 * r + 8 + labelHeight + 22,
    draw: (y) => {
      labels.forEach((label, i) => {
        const x = MARGIN + 20 + i * col;
        const cx = x + col / 2;
        drawFace(doc, cx, y + r + 1, r, n === 1 ? 0 : -1 + (2 * i) / (n - 1));
        doc
          .font('Helvetica')
          .fontSize(9)
          .fillColor(INK)
          .text(printable(label), x + 3, y + 2 * r + 6, { width: col - 6, align: 'center' });
        doc
          .lineWidth(0.9)
          .strokeColor(INK)
          .rect(cx - 6, y + 2 * r + 10 + labelHeight, 12, 12)
          .stroke();
      });
    },
  };
}

function gridRows(doc: Doc, items: string[], columns: string[]): Row[] {
  const labelWidth = Math.min(220, CONTENT_WIDTH * 0.42);
  const x0 = MARGIN + 20;
  const colWidth = (CONTENT_WIDTH - 20 - labelWidth) / Math.max(1, columns.length);
  doc.font('Helvetica').fontSize(8.5);
  const headHeight =
    Math.max(12, ...columns.map((c) => doc.heightOfString(printable(c), { width: colWidth - 4 }))) +
    6;
  const header: Row = {
    height: headHeight,
    draw: (y) => {
      columns.forEach((c, j) => {
        doc
          .font('Helvetica')
          .fontSize(8.5)
          .fillColor(MUTED)
          .text(printable(c), x0 + labelWidth + j * colWidth + 2, y, {
            width: colWidth - 4,
            align: 'center',
          });
      });
    },
  };
  const rows = items.map((item, i): Row => {
    const t = printable(item);
    doc.font('Helvetica').fontSize(10);
    const height = Math.max(doc.heightOfString(t, { width: labelWidth - 8 }), 14) + 8;
    return {
      height,
      draw: (y) => {
        if (i % 2 === 0)
          doc
            .fillColor('#eef1f4')
            .rect(x0, y, CONTENT_WIDTH - 20, height)
            .fill();
        doc
          .font('Helvetica')
          .fontSize(10)
          .fillColor(INK)
          .text(t, x0 + 4, y + 4, { width: labelWidth - 8 });
        columns.forEach((_, j) => {
          doc
            .lineWidth(0.9)
            .strokeColor(INK)
            .circle(x0 + labelWidth + j * colWidth + colWidth / 2, y + height / 2, 5.5)
            .stroke();
        });
      },
    };
  });
  return [header, ...rows];
}

function dateRow(doc: Doc): Row {
  return {
    height: 30,
    draw: (y) => {
      const boxes = [2, 2, 4];
      let x = MARGIN + 20;
      doc.lineWidth(0.9).strokeColor(INK);
      boxes.forEach((n, k) => {
        for (let i = 0; i < n; i += 1) {
          doc.rect(x, y, 16, 20).stroke();
          x += 18;
        }
        if (k < boxes.length - 1) {
          doc
            .font('Helvetica')
            .fontSize(16)
            .fillColor(INK)
            .text('/', x + 1, y + 1, { width: 10 });
          x += 14;
        }
      });
    },
  };
}

/** The rows of one question: its number and label, help, condition, instruction and answer area. */
function questionRows(
  doc: Doc,
  q: PaperQuestion,
  index: number,
  all: PaperQuestion[],
  lang: 'fr' | 'en',
): Row[] {
  const w = WORDS[lang];
  const rows: Row[] = [];
  const label = pick(lang, q.labelFr, q.labelEn);
  const number = `${index + 1}.`;
  const head = textRow(doc, label, {
    font: 'Helvetica-Bold',
    size: 11.5,
    x: MARGIN + 20,
    gapAfter: 3,
  });
  rows.push({
    height: head.height,
    draw: (y) => {
      doc
        .font('Helvetica-Bold')
        .fontSize(11.5)
        .fillColor(INK)
        .text(number, MARGIN, y, { width: 20 });
      head.draw(y);
    },
  });
  const help = pick(lang, q.helpFr, q.helpEn);
  if (help.trim() !== '')
    rows.push(textRow(doc, help, { font: 'Helvetica', size: 9.5, color: MUTED, x: MARGIN + 20 }));
  const condition = conditionText(q.showIf, all, lang);
  if (condition)
    rows.push(
      textRow(doc, condition, { font: 'Helvetica-Oblique', size: 9.5, color: INK, x: MARGIN + 20 }),
    );
  const instruction = (text: string) =>
    rows.push(
      textRow(doc, text, {
        font: 'Helvetica-Oblique',
        size: 9,
        color: MUTED,
        x: MARGIN + 20,
        gapAfter: 6,
      }),
    );
  const options = (q.options ?? []).map((o) => pick(lang, o.labelFr, o.labelEn));
  switch (q.type) {
    case 'single':
      instruction(w.single);
      options.forEach((o) => rows.push(optionRow(doc, o, 'circle')));
      break;
    case 'multiple':
      instruction(w.multiple);
      options.forEach((o) => rows.push(optionRow(doc, o, 'square')));
      break;
    case 'ranking':
      instruction(w.ranking(options.length));
      options.forEach((o) => rows.push(optionRow(doc, o, 'rank')));
      break;
    case 'scale': {
      const min = q.min ?? 0;
      const max = q.max ?? 10;
      instruction(w.scale(min, max));
      rows.push(scaleRow(doc, min, max));
      break;
    }
    case 'faces': {
      // Faces run from min to max like a scale (1 to 5 by default); 3 or 5 faces get words.
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      const count = Math.max(2, Math.min(7, max - min + 1));
      const numbers = Array.from({ length: count }, (_, i) => String(min + i));
      const labels =
        options.length === count
          ? options
          : count === 3 || count === 5
            ? [...w.facesDefault[count]]
            : numbers;
      instruction(w.faces);
      rows.push(facesRow(doc, labels));
      break;
    }
    case 'grid': {
      instruction(w.grid);
      const items = (q.items ?? []).map((it) => pick(lang, it.labelFr, it.labelEn));
      rows.push(...gridRows(doc, items, options));
      break;
    }
    case 'number':
      instruction(
        q.min !== null && q.min !== undefined && q.max !== null && q.max !== undefined
          ? w.between(q.min, q.max)
          : w.number,
      );
      rows.push(linesRow(doc, 1, 160));
      break;
    case 'date':
      instruction(w.date);
      rows.push(dateRow(doc));
      break;
    default:
      // text, and any type this layout does not know yet: room to write.
      instruction(w.text);
      rows.push(linesRow(doc, 4));
  }
  rows.push({ height: 14, draw: () => {} });
  return rows;
}

/** Draws the QR code as vector squares; returns the quiet zone scanners need around it (4 modules). */
function drawQr(doc: Doc, link: string, x: number, y: number, size: number): number {
  const qr = QRCode.create(link, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / n;
  doc.fillColor('#000000');
  for (let row = 0; row < n; row += 1) {
    for (let col = 0; col < n; col += 1) {
      if (qr.modules.data[row * n + col])
        doc.rect(x + col * cell, y + row * cell, cell + 0.01, cell + 0.01);
    }
  }
  doc.fill();
  return 4 * cell;
}

export async function renderPaper(input: PaperInput): Promise<Buffer> {
  const { lang } = input;
  const w = WORDS[lang];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: input.compress ?? true,
    lang: lang === 'en' ? 'en' : 'fr-FR',
    info: {
      Title: printable(input.title),
      Author: printable(input.organisationName),
      Subject: printable(input.campaignName),
    },
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Title block: title, organisation and intro on the left, the QR code and link on the right.
  const qrSize = 92;
  const leftWidth = CONTENT_WIDTH - qrSize - 20;
  let y = MARGIN;
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor(INK)
    .text(printable(input.title), MARGIN, y, { width: leftWidth });
  y = doc.y + 4;
  doc
    .font('Helvetica')
    .fontSize(11)
    .fillColor(MUTED)
    .text(printable(`${input.organisationName} · ${input.campaignName}`), MARGIN, y, {
      width: leftWidth,
    });
  y = doc.y + 8;
  const intro = pick(lang, input.introFr, input.introEn);
  if (intro.trim() !== '') {
    doc
      .font('Helvetica')
      .fontSize(10.5)
      .fillColor(INK)
      .text(printable(intro), MARGIN, y, { width: leftWidth });
    y = doc.y + 6;
  }
  const qrX = PAGE.width - MARGIN - qrSize;
  const quiet = drawQr(doc, input.link, qrX, MARGIN, qrSize);
  doc
    .font('Helvetica-Bold')
    .fontSize(8)
    .fillColor(INK)
    .text(w.online, qrX - 10, MARGIN + qrSize + quiet, { width: qrSize + 20, align: 'center' });
  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor(MUTED)
    .text(printable(input.link), qrX - 10, doc.y + 1, { width: qrSize + 20, align: 'center' });
  y = Math.max(y, doc.y) + 12;
  doc
    .lineWidth(0.6)
    .strokeColor(LINE)
    .moveTo(MARGIN, y)
    .lineTo(PAGE.width - MARGIN, y)
    .stroke();
  y += 14;

  const sections = input.sections ?? [];
  const hasSections = sections.some((s) => pick(lang, s.titleFr, s.titleEn).trim() !== '');
  let currentSection: number | null = null;
  const usable = BOTTOM - MARGIN;

  const place = (rows: Row[]) => {
    const total = rows.reduce((s, r) => s + r.height, 0);
    if (y + total > BOTTOM && total <= usable) {
      doc.addPage();
      y = MARGIN;
    }
    for (const row of rows) {
      // A question longer than a page flows on, row by row.
      if (y + row.height > BOTTOM && y > MARGIN) {
        doc.addPage();
        y = MARGIN;
      }
      row.draw(y);
      y += row.height;
    }
  };

  input.questions.forEach((q, i) => {
    const rows: Row[] = [];
    const section = typeof q.section === 'number' && Number.isInteger(q.section) ? q.section : 0;
    if (hasSections && section !== currentSection) {
      currentSection = section;
      const s = sections[section];
      const title = s ? pick(lang, s.titleFr, s.titleEn) : '';
      if (title.trim() !== '') {
        rows.push({ height: 6, draw: () => {} });
        const heading = textRow(doc, title, { font: 'Helvetica-Bold', size: 14, gapAfter: 2 });
        rows.push({
          height: heading.height + 6,
          draw: (yy) => {
            heading.draw(yy);
            doc
              .lineWidth(1.2)
              .strokeColor(INK)
              .moveTo(MARGIN, yy + heading.height)
              .lineTo(MARGIN + 60, yy + heading.height)
              .stroke();
          },
        });
        const sIntro = s ? pick(lang, s.introFr, s.introEn) : '';
        if (sIntro.trim() !== '')
          rows.push(
            textRow(doc, sIntro, { font: 'Helvetica', size: 10, color: MUTED, gapAfter: 10 }),
          );
      }
    }
    place([...rows, ...questionRows(doc, q, i, input.questions, lang)]);
  });
  place([textRow(doc, w.thanks, { font: 'Helvetica-Oblique', size: 10, color: MUTED })]);

  // Footers: written inside the bottom margin, which pdfkit would otherwise treat as overflow.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(MUTED)
      .text(
        printable(`${input.title} — ${w.page(i + 1, range.count)}`),
        MARGIN,
        PAGE.height - MARGIN + 10,
        { width: CONTENT_WIDTH, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = MARGIN;
  }
  doc.end();
  return done;
}
