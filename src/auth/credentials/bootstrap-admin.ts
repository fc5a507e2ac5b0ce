import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { CredentialsService } from './credentials.service';

export const BOOTSTRAP_ADMIN_ID = 'admin';

/**
 * No fixed default credential: when the store holds none, the first start issues an admin
 * credential and prints its token once, last, when the service listens (`announce`) — or registers
 * BOOTSTRAP_ADMIN_TOKEN (for automation and tests) without printing it.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    private readonly credentials: CredentialsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private issuedOnThisStart?: { credentialId: string; token: string };

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.credentials.isEmpty())) return;
    const principal = { id: BOOTSTRAP_ADMIN_ID, roles: ['admin' as const], departments: [] };
    const given = this.config.bootstrapAdminToken;
    const issued = await this.credentials.issue(principal, 'system:bootstrap', null, given);
    if (!given) this.issuedOnThisStart = { credentialId: issued.credentialId, token: issued.token };
  }

  /** Prints the token issued on this start, once, in a box that says what it is for; nothing otherwise. */
  announce(write: (text: string) => void = (text) => process.stdout.write(text)): void {
    if (!this.issuedOnThisStart) return;
    const { credentialId, token } = this.issuedOnThisStart;
    this.issuedOnThisStart = undefined;
    write(`\n${boxed([
      `First start: no credential was stored, so an admin credential was issued (${credentialId}).`,
      'Its token is shown this once and stored only as a hash; keep it safe:',
      '',
      `  ${token}`,
      '',
      'Send it as "Authorization: Bearer <token>". With it, issue each member of staff their own',
      'credential (POST /credentials, or npm run credentials -- issue); see docs/security.md.',
    ])}\n`);
  }
}

function boxed(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length));
  const rule = '─'.repeat(width + 2);
  return [`┌${rule}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${rule}┘`].join('\n');
}
