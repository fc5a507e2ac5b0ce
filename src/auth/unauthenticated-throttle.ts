import { Inject, Injectable } from '@nestjs/common';
import { InjectThrottlerStorage, ThrottlerException } from '@nestjs/throttler';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { APP_CONFIG } from '../shared/config/app-config';
import type { AppConfig } from '../shared/config/app-config';

const MINUTE_MS = 60_000;

/**
 * Requests with a missing or bad token are refused by AuthGuard before the principal throttler
 * runs, so they were never counted: a client could guess tokens without limit. Each refusal
 * counts against the client's address (the bucket public routes use), and past the limit the
 * answer is 429 instead of 401.
 */
@Injectable()
export class UnauthenticatedThrottle {
  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async count(request: Request): Promise<void> {
    const limit = this.config.rateLimitPerMinute;
    if (limit === 0) return;
    const { totalHits } = await this.storage.increment(`address:${String(request.ip)}`, MINUTE_MS, limit, 0, 'unauthenticated');
    if (totalHits > limit) throw new ThrottlerException();
  }
}
