import { createHash, randomBytes } from 'node:crypto';

/** `al_` and 43 base64url characters: 256 random bits. */
export const TOKEN_PATTERN = /^al_[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return `al_${randomBytes(32).toString('base64url')}`;
}

/**
 * SHA-256 suffices: a token carries 256 random bits, so unlike a password it cannot be guessed
 * from its hash, and a fast hash keeps authentication to one cheap lookup per request.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newCredentialId(): string {
  return `cred-${randomBytes(6).toString('hex')}`;
}
