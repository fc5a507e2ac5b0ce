import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';

/**
 * What shared code needs of the authenticated caller: its id (the actor). The auth feature sets its
 * full principal (roles, departments) here; controllers read it back typed as that principal.
 */
export interface RequestPrincipal {
  readonly id: string;
}

const PRINCIPAL = Symbol('principal');

/** Set by the authentication guard once the request's credential is verified. */
export function setPrincipal(request: Request, principal: RequestPrincipal): void {
  (request as unknown as Record<symbol, RequestPrincipal>)[PRINCIPAL] = principal;
}

export function principalOf(request: Request): RequestPrincipal | undefined {
  return (request as unknown as Record<symbol, RequestPrincipal | undefined>)[PRINCIPAL];
}

/** The authenticated principal; never absent on a route the guard let through. */
export function requirePrincipal(request: Request): RequestPrincipal {
  const principal = principalOf(request);
  if (!principal) throw new UnauthorizedException({ statusCode: 401, code: 'unauthenticated', message: 'a bearer token is required' });
  return principal;
}

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): RequestPrincipal =>
  requirePrincipal(context.switchToHttp().getRequest<Request>()),
);
