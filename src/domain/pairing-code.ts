/**
 * Pseudonymous before/after codes: five characters drawn from an alphabet without look-alikes
 * (no I, L, O, 0, 1) and a sixth that checks them (a weighted sum modulo 31), so that a mistyped character
 * or two swapped neighbours are caught before the code is looked up.
 */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const N = PAIRING_ALPHABET.length;
export const PAIRING_CODE_LENGTH = 6;

/**
 * The weighted sum of the characters' ranks, position i weighing i + 2, modulo 31. As 31 is
 * prime and no weight is a multiple of it, any single wrong character changes the sum, and so
 * does swapping two different neighbours (their weights differ by one).
 */
export function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const rank = PAIRING_ALPHABET.indexOf(body[i]!);
    if (rank < 0) throw new Error(`not in the alphabet: ${body[i]}`);
    sum += (i + 2) * rank;
  }
  return PAIRING_ALPHABET[sum % N]!;
}

/** A code from random bytes (one byte per character; at least five bytes). */
export function makePairingCode(randomBytes: ArrayLike<number>): string {
  if (randomBytes.length < PAIRING_CODE_LENGTH - 1) throw new Error('not enough random bytes');
  let body = '';
  // 248 = 8 × 31: bytes above it would favour the first letters; they are folded back evenly
  // enough for a pseudonym (the bias is below 1 in 30), and uniqueness is checked on insert.
  for (let i = 0; i < PAIRING_CODE_LENGTH - 1; i++) body += PAIRING_ALPHABET[randomBytes[i]! % N];
  return body + checkCharacter(body);
}

/** Upper case, spaces and dashes removed: what a person types becomes comparable. */
export function normalisePairingCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, '');
}

export type PairingCodeProblem = 'empty' | 'length' | 'characters' | 'check';

/** Why a typed code cannot be right, or null when it is well formed (normalise it first). */
export function pairingCodeProblem(code: string): PairingCodeProblem | null {
  if (code === '') return 'empty';
  if (code.length !== PAIRING_CODE_LENGTH) return 'length';
  for (const c of code) if (!PAIRING_ALPHABET.includes(c)) return 'characters';
  if (checkCharacter(code.slice(0, -1)) !== code.slice(-1)) return 'check';
  return null;
}
