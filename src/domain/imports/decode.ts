/**
 * Turning a file's bytes into text the way French spreadsheets save them: UTF-8 with or
 * without a byte-order mark, or Windows-1252 (Excel's "CSV (séparateur : point-virgule)").
 * Bytes that are valid UTF-8 are read as UTF-8; anything else as Windows-1252.
 */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { text: fixC1(new TextDecoder('windows-1252').decode(body)), encoding: 'windows-1252' };
  }
}

/** Windows-1252's characters for the bytes 0x80–0x9F (undefined bytes stay as they are). */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Some runtimes (Node without full ICU) decode 'windows-1252' as Latin-1, leaving the bytes
 * 0x80–0x9F as control characters: they are mapped here, so that ’ € œ … come out right.
 */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]!);
}
