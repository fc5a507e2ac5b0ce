import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../../auth/domain/principal';

const PRINCIPAL = Symbol('principal');

/** Set by the authentication guard once the request's credential is verified. */
export function setPrincipal(request: Request, principal: Principal): void {
  (request as unknown as Record<symbol, Principal>)[PRINCIPAL] = principal;
}

export function principalOf(request: Request): Principal | undefined {
  return (request as unknown as Record<symbol, Principal | undefined>)[PRINCIPAL];
}

/** The authenticated principal; never absent on a route the guard let through. */
export function requirePrincipal(request: Request): Principal {
  const principal = principalOf(request);
  if (!principal) throw new UnauthorizedException({ statusCode: 401, code: 'unauthenticated', message: 'a bearer token is required' });
  return principal;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal =>
  requirePrincipal(context.switchToHttp().getRequest<Request>()),
);
