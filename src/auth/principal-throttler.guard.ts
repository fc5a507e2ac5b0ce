import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';
import { principalOf } from '../shared/auth/request-principal';

/**
 * Rate limit per principal (runs after AuthGuard, which sets it); public routes are limited per
 * client address. Counters live in this process's memory.
 */
@Injectable()
export class PrincipalThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = principalOf(request as unknown as Request);
    return principal ? `principal:${principal.id}` : `address:${String((request as unknown as Request).ip)}`;
  }
}
