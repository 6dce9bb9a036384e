/**
 * Exports of the theory-of-change diagram. The diagram is drawn with presentation attributes
 * only (no stylesheet, system fonts named on the root), so a copy of its SVG renders the same
 * outside the app; the PNG is that SVG drawn on a canvas at twice the size.
 */

/** A file name part from free text: lowercase ASCII letters, digits and dashes. */
export function fileSlug(text: string, max = 60): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/g, '');
}

/** "<framework>-<suffix>", or the suffix alone when the name gives nothing usable. */
export function exportFileName(
  frameworkName: string,
  suffix: string,
  extension: 'svg' | 'png',
): string {
  const name = fileSlug(frameworkName);
  return `${name ? `${name}-` : ''}${fileSlug(suffix)}.${extension}`;
}

/** The standalone SVG text of a drawn diagram, without its focus marks and keyboard hooks. */
export function serializeDiagram(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.querySelectorAll('[data-export="skip"]').forEach((element) => element.remove());
  for (const element of [clone, ...clone.querySelectorAll('*')]) {
    for (const name of [
      'tabindex',
      'role',
      'aria-label',
      'aria-labelledby',
      'aria-describedby',
      'aria-hidden',
      'style',
      'class',
    ]) {
      element.removeAttribute(name);
    }
  }
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('version', '1.1');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

export function downloadBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Draws SVG text on a white canvas `scale` times larger and returns it as PNG. */
export async function svgToPng(
  svgText: string,
  width: number,
  height: number,
  scale = 2,
): Promise<Blob> {
  const image = new Image();
  image.decoding = 'sync';
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('SVG image did not load'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * scale);
  canvas.height = Math.ceil(height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
      'image/png',
    ),
  );
}
