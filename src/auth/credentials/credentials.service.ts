import { Inject, Injectable } from '@nestjs/common';
import { CLOCK } from '../../shared/clock';
import type { Clock } from '../../shared/clock';
import { refuseCredential } from '../domain/credential.errors';
import type { Principal } from '../domain/principal';
import { CREDENTIAL_STORE } from './credential-store.port';
import type { CredentialStore, StoredCredential } from './credential-store.port';
import { hashToken, newCredentialId, newToken, TOKEN_PATTERN } from './token';

export interface IssuedCredential {
  credentialId: string;
  /** Shown once, here; only its hash is stored. */
  token: string;
  principal: Principal;
  expiresAt: string | null;
}

export type Authentication = { principal: Principal } | { refused: 'malformed' | 'unknown' | 'revoked' | 'expired' };

@Injectable()
export class CredentialsService {
  constructor(
    @Inject(CREDENTIAL_STORE) private readonly store: CredentialStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Issues a credential; `token` is given only by the bootstrap from BOOTSTRAP_ADMIN_TOKEN. */
  async issue(principal: Principal, issuedBy: string, expiresAt: string | null = null, token = newToken()): Promise<IssuedCredential> {
    checkPrincipal(principal);
    if (!TOKEN_PATTERN.test(token)) throw refuseCredential('token_malformed', 'a token is "al_" followed by 43 base64url characters');
    const now = this.clock.now().toISOString();
    if (expiresAt !== null && expiresAt <= now) throw refuseCredential('expires_in_past', 'expiresAt must lie in the future');
    const credential: StoredCredential = {
      credentialId: newCredentialId(),
      tokenHash: hashToken(token),
      principal: { ...principal, departments: [...principal.departments] },
      issuedAt: now,
      issuedBy,
      expiresAt,
      revokedAt: null,
    };
    await this.store.save(credential);
    return { credentialId: credential.credentialId, token, principal: credential.principal, expiresAt };
  }

  async authenticate(token: string): Promise<Authentication> {
    if (!TOKEN_PATTERN.test(token)) return { refused: 'malformed' };
    const credential = await this.store.findByTokenHash(hashToken(token));
    if (!credential) return { refused: 'unknown' };
    if (credential.revokedAt !== null) return { refused: 'revoked' };
    if (credential.expiresAt !== null && credential.expiresAt <= this.clock.now().toISOString()) return { refused: 'expired' };
    return { principal: credential.principal };
  }

  revoke(credentialId: string): Promise<boolean> {
    return this.store.revoke(credentialId, this.clock.now().toISOString());
  }

  list(): Promise<StoredCredential[]> {
    return this.store.list();
  }

  async isEmpty(): Promise<boolean> {
    return (await this.store.count()) === 0;
  }
}

function checkPrincipal({ roles, departments, employeeId }: Principal): void {
  if (roles.length === 0) throw refuseCredential('roles_missing', 'a credential needs at least one role');
  if (roles.includes('supervisor') && departments.length === 0) {
    throw refuseCredential('departments_missing', 'a supervisor credential names the departments the supervisor assesses');
  }
  if ((roles.includes('employee') || roles.includes('panel-member')) && !employeeId) {
    throw refuseCredential('employee_id_missing', 'an employee or panel-member credential names the employee it belongs to');
  }
}
