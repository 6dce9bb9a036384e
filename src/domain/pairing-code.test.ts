import { describe, expect, it } from 'vitest';
import { checkCharacter, makePairingCode, normalisePairingCode, PAIRING_ALPHABET, pairingCodeProblem } from './pairing-code.ts';

describe('pairing codes', () => {
  it.each([
    { bytes: [0, 0, 0, 0, 0], code: 'AAAAAA' },
    { bytes: [1, 2, 3, 4, 5], code: makePairingCode([1, 2, 3, 4, 5]) },
    { bytes: [30, 30, 30, 30, 30, 99], code: makePairingCode([30, 30, 30, 30, 30]) },
    { bytes: [31, 62, 255, 248, 100], code: makePairingCode([0, 0, 7, 0, 7]) },
  ])('$bytes → a well-formed six-character code', ({ bytes, code }) => {
    const made = makePairingCode(bytes);
    expect(made).toBe(code);
    expect(made).toHaveLength(6);
    expect(pairingCodeProblem(made)).toBeNull();
  });

  it('needs five random bytes', () => {
    expect(() => makePairingCode([1, 2, 3, 4])).toThrow();
  });

  it.each([
    { input: '', problem: 'empty' },
    { input: 'ABCDE', problem: 'length' },
    { input: 'ABCDEFG', problem: 'length' },
    { input: 'ABCDI' + 'A', problem: 'characters' },
    { input: 'O0O0O0', problem: 'characters' },
  ])('"$input" → $problem', ({ input, problem }) => {
    expect(pairingCodeProblem(input)).toBe(problem);
  });

  it('catches every single mistyped character', () => {
    const code = makePairingCode([3, 14, 15, 9, 26]);
    for (let i = 0; i < code.length; i++) {
      for (const c of PAIRING_ALPHABET) {
        if (c === code[i]) continue;
        const typo = code.slice(0, i) + c + code.slice(i + 1);
        expect(pairingCodeProblem(typo), typo).toBe('check');
      }
    }
  });

  it('catches two swapped neighbours in the first five (when they differ)', () => {
    const code = makePairingCode([3, 14, 15, 9, 26]);
    for (let i = 0; i < code.length - 2; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(pairingCodeProblem(swapped), swapped).not.toBeNull();
    }
  });

  it('normalises case, spaces and dashes', () => {
    expect(normalisePairingCode(' abc-de f ')).toBe('ABCDEF');
  });

  it('rejects a character outside the alphabet when computing the check', () => {
    expect(() => checkCharacter('AB1')).toThrow();
  });
});
