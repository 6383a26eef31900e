import { createHash } from 'node:crypto';

/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** How a verification code is written: three groups of four characters, e.g. `7K3Q-M9XD-2R4T` (60 bits). */
export const VERIFICATION_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The verification code derived from a fresh random id: 60 bits of its hash, in Crockford's base 32. */
export function verificationCodeFrom(randomId: string): string {
  const digest = createHash('sha256').update(randomId).digest();
  let bits = 0n;
  for (const byte of digest.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 12; i++) code += ALPHABET[Number((bits >> BigInt(64 - 5 * (i + 1))) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/** A code as a person may type it (lower case, spaces, no dashes, O for 0, I or L for 1) in its written form; undefined when it cannot be one. */
export function normalizeVerificationCode(input: string): string | undefined {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== 12) return undefined;
  const code = `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`;
  return VERIFICATION_CODE.test(code) ? code : undefined;
}
