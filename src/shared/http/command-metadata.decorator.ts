import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { CommandMetadata } from '../command-handling/command-metadata';
import { requirePrincipal } from '../auth/request-principal';
import { idempotencyScope } from './request-fingerprint';

const TOKEN = /^[\w.:@/-]{1,128}$/;

/**
 * The command's metadata from the request: the actor is the authenticated principal (the client
 * cannot choose it); the correlation id comes from `X-Correlation-Id` or is new.
 */
export const CommandMeta = createParamDecorator((_: unknown, context: ExecutionContext): CommandMetadata => {
  const request = context.switchToHttp().getRequest<Request>();
  const actor = requirePrincipal(request).id;
  const correlationId = header(request, 'x-correlation-id') ?? randomUUID();
  const idempotencyKey = header(request, 'idempotency-key');
  return {
    actor,
    correlationId,
    causationId: idempotencyKey ? `request:${idempotencyKey}` : `request:${randomUUID()}`,
    // event ids derive from the key bound to this very request (principal, method, path, body),
    // so the same key on another command can never pass for a retry of the first one
    ...(idempotencyKey ? { idempotencyKey: idempotencyScope(request, idempotencyKey).commandKey } : {}),
  };
});

/** The stream revision the client expects, from `If-Match` (e.g. `"3"`); undefined when absent. */
export const IfMatchRevision = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined => {
  const raw = context.switchToHttp().getRequest<Request>().headers['if-match'];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  const match = /^(?:W\/)?"?(-1|\d{1,15})"?$/.exec(value);
  if (!match) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: ['If-Match must be a stream revision such as "3"'] });
  return Number(match[1]);
});

function header(request: Request, name: string): string | undefined {
  const value = request.headers[name];
  if (value === undefined) return undefined;
  const text = Array.isArray(value) ? value[0] : value;
  if (!TOKEN.test(text)) {
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: [`header ${name} must be 1-128 characters of letters, digits and . : @ / - _`] });
  }
  return text;
}
