import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { SealedText } from '../../shared/domain/sealed-text';
import type { Complainant, SealedComplainant } from '../domain/complaint.events';

const VERSION = 'v1';
const TEXT_VERSION = 't1';

/**
 * AES-256-GCM with the subject's key; the subject id is authenticated as additional data. The IV
 * is an HMAC of the plaintext under the same key (a synthetic IV), so sealing the same data twice
 * gives the same ciphertext: a retried command is then recognised as the same fact.
 */
export function seal(subjectId: string, key: Buffer, complainant: Complainant): SealedComplainant {
  return sealBytes(VERSION, subjectId, key, Buffer.from(JSON.stringify([complainant.name, complainant.phone ?? null, complainant.address ?? null]), 'utf8'));
}

/** One free-text field (format `t1`), sealed the same way. */
export function sealText(subjectId: string, key: Buffer, text: string): SealedText {
  return sealBytes(TEXT_VERSION, subjectId, key, Buffer.from(text, 'utf8'));
}

export function openText(sealed: SealedText, key: Buffer): string {
  return openBytes(TEXT_VERSION, sealed, key).toString('utf8');
}

function sealBytes(version: string, subjectId: string, key: Buffer, plaintext: Buffer): SealedText {
  const iv = createHmac('sha256', key).update(plaintext).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subjectId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { subjectId, sealed: `${version}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}` };
}

export function open(sealed: SealedComplainant, key: Buffer): Complainant {
  const plaintext = openBytes(VERSION, sealed, key).toString('utf8');
  const [name, phone, address] = JSON.parse(plaintext) as [string, string | null, string | null];
  return { name, ...(phone !== null ? { phone } : {}), ...(address !== null ? { address } : {}) };
}

function openBytes(expected: string, sealed: SealedText, key: Buffer): Buffer {
  const [version, body] = sealed.sealed.split('.');
  if (version !== expected || !body) throw new Error(`unknown sealed format ${version}, expected ${expected}`);
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(sealed.subjectId, 'utf8'));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
}
