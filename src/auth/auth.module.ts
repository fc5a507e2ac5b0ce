import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG } from '../shared/config/app-config';
import type { AppConfig } from '../shared/config/app-config';
import { READ_STORE } from '../shared/read-store/read-store.port';
import type { ReadStore } from '../shared/read-store/read-store.port';
import { AccessLogService } from './access-log/access-log.service';
import { GetAccessLogController } from './access-log/get-access-log.controller';
import { AccessPolicy } from './access-policy.service';
import { AuthGuard } from './auth.guard';
import { BootstrapAdmin } from './credentials/bootstrap-admin';
import { CREDENTIAL_STORE } from './credentials/credential-store.port';
import { CredentialsController } from './credentials/credentials.controller';
import { CredentialsService } from './credentials/credentials.service';
import { ReadStoreCredentialStore } from './credentials/read-store-credential-store';
import { PrincipalThrottlerGuard } from './principal-throttler.guard';
import { RateLimiterThrottlerStorage } from './throttler-storage';
import { UnauthenticatedThrottle } from './unauthenticated-throttle';

/**
 * Authentication, authorisation and the access log. The guards run in the order listed:
 * AuthGuard sets the principal the rate limit is keyed by.
 */
@Global()
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: Math.max(config.rateLimitPerMinute, 1) }],
        skipIf: () => config.rateLimitPerMinute === 0,
        storage: new RateLimiterThrottlerStorage(),
      }),
    }),
  ],
  controllers: [CredentialsController, GetAccessLogController],
  providers: [
    { provide: CREDENTIAL_STORE, useFactory: (store: ReadStore) => new ReadStoreCredentialStore(store), inject: [READ_STORE] },
    CredentialsService,
    BootstrapAdmin,
    AccessLogService,
    AccessPolicy,
    UnauthenticatedThrottle,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_GUARD, useClass: PrincipalThrottlerGuard },
  ],
  exports: [AccessPolicy, CredentialsService],
})
export class AuthModule {}
