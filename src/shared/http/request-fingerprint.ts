import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { principalOf } from '../auth/request-principal';

/**
 * What an `Idempotency-Key` is bound to. The key is scoped to the principal; the request it was
 * first used for is identified by its method, path and body (canonical JSON, so key order and
 * whitespace do not matter). The same key on another route or with another body is a different
 * request, not a retry.
 */
export interface IdempotencyScope {
  /** Identifies (principal, key): where the first request's answer is kept. */
  recordId: string;
  /** Identifies the request: method, path and canonical body. */
  fingerprint: string;
  /** Identifies (principal, key, request): what event ids are derived from. */
  commandKey: string;
}

export function idempotencyScope(request: Request, key: string): IdempotencyScope {
  const principal = principalOf(request)?.id ?? '';
  const recordId = sha256(`${principal}\u0000${key}`);
  const fingerprint = sha256(`${request.method} ${request.path}\u0000${canonicalJson(request.body ?? null)}`);
  return { recordId, fingerprint, commandKey: `request:${sha256(`${recordId}\u0000${fingerprint}`)}` };
}

/** JSON with object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
