import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';
import type { Complainant, SealedComplainant } from '../domain/complaint.events';

const VERSION = 'v1';

/**
 * AES-256-GCM with the subject's key; the subject id is authenticated as additional data. The IV
 * is an HMAC of the plaintext under the same key (a synthetic IV), so sealing the same data twice
 * gives the same ciphertext: a retried command is then recognised as the same fact.
 */
export function seal(subjectId: string, key: Buffer, complainant: Complainant): SealedComplainant {
  const plaintext = Buffer.from(JSON.stringify([complainant.name, complainant.phone ?? null, complainant.address ?? null]), 'utf8');
  const iv = createHmac('sha256', key).update(plaintext).digest().subarray(0, 12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subjectId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { subjectId, sealed: `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}` };
}

export function open(sealed: SealedComplainant, key: Buffer): Complainant {
  const [version, body] = sealed.sealed.split('.');
  if (version !== VERSION || !body) throw new Error(`unknown sealed complainant format ${version}`);
  const bytes = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(sealed.subjectId, 'utf8'));
  decipher.setAuthTag(bytes.subarray(12, 28));
  const plaintext = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  const [name, phone, address] = JSON.parse(plaintext) as [string, string | null, string | null];
  return { name, ...(phone !== null ? { phone } : {}), ...(address !== null ? { address } : {}) };
}
