import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { PERMISSIONS_KEY, PUBLIC_KEY } from '../shared/auth/permissions.decorator';
import { setPrincipal } from '../shared/auth/request-principal';
import { isPermitted } from './domain/permission-matrix';
import { CredentialsService } from './credentials/credentials.service';
import { UnauthenticatedThrottle } from './unauthenticated-throttle';

const BEARER = /^Bearer ([^\s]+)$/;

/**
 * The one guard every route passes (APP_GUARD). It denies by default: a route is served only when
 * it is `@Public()` or declares `@RequirePermissions(...)` that a role of the caller grants.
 * Object-level checks (whose record, which department, which hearing) follow in the controllers.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly credentials: CredentialsService,
    private readonly unauthenticatedThrottle: UnauthenticatedThrottle,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) {
      await this.unauthenticatedThrottle.count(request);
      return unauthenticated(context, 'send "Authorization: Bearer <token>"');
    }
    const result = await this.credentials.authenticate(match[1]);
    if ('refused' in result) {
      await this.unauthenticatedThrottle.count(request);
      return unauthenticated(context, `the token is ${result.refused === 'unknown' ? 'not known' : result.refused}`);
    }
    setPrincipal(request, result.principal);
    const required = this.reflector.getAllAndOverride<string[] | undefined>(PERMISSIONS_KEY, targets) ?? [];
    if (required.length === 0) {
      throw new ForbiddenException({ statusCode: 403, code: 'permissions_not_declared', message: 'this route declares no permissions, so nobody may call it' });
    }
    if (!isPermitted(result.principal.roles, required)) {
      throw new ForbiddenException({ statusCode: 403, code: 'forbidden', message: `requires ${required.join(', ')}, which none of your roles grants` });
    }
    return true;
  }
}

function unauthenticated(context: ExecutionContext, message: string): never {
  context.switchToHttp().getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
  throw new UnauthorizedException({ statusCode: 401, code: 'unauthenticated', message });
}
