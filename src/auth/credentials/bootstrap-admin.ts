import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../../shared/config/app-config';
import type { AppConfig } from '../../shared/config/app-config';
import { CredentialsService } from './credentials.service';

export const BOOTSTRAP_ADMIN_ID = 'admin';

/**
 * No fixed default credential: when the store holds none, the first start issues an admin
 * credential and prints its token once — or registers BOOTSTRAP_ADMIN_TOKEN (for automation and
 * tests) without printing it.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    private readonly credentials: CredentialsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!(await this.credentials.isEmpty())) return;
    const principal = { id: BOOTSTRAP_ADMIN_ID, roles: ['admin' as const], departments: [] };
    const given = this.config.bootstrapAdminToken;
    const issued = await this.credentials.issue(principal, 'system:bootstrap', null, given);
    if (given) return;
    process.stdout.write(
      `\nNo credentials were stored, so an admin credential was issued (${issued.credentialId}).\n` +
        `Its token is shown this once; keep it safe:\n\n  ${issued.token}\n\n`,
    );
  }
}
