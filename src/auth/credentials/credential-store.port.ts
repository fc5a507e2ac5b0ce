import type { Principal } from '../domain/principal';

export const CREDENTIAL_STORE = Symbol('CREDENTIAL_STORE');

/** A credential as stored: never the token itself, only its hash. */
export interface StoredCredential {
  credentialId: string;
  tokenHash: string;
  principal: Principal;
  issuedAt: string;
  issuedBy: string;
  /** After this instant the token is refused; null: it does not expire. */
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CredentialStore {
  save(credential: StoredCredential): Promise<void>;
  findByTokenHash(tokenHash: string): Promise<StoredCredential | null>;
  list(): Promise<StoredCredential[]>;
  /** Marks the credential revoked; false when there is no such credential. */
  revoke(credentialId: string, at: string): Promise<boolean>;
  count(): Promise<number>;
}
