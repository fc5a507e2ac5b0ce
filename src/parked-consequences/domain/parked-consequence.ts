import { DomainError, NotFoundError } from '../../shared/domain/domain-error';

/**
 * A derived command (one a saga made from a stored event) that did not succeed after its attempts:
 * recorded with its cause, the command, its error and how often it was tried, so it is never passed
 * over without a trace. A retry that succeeds resolves it; the record stays, with its resolution.
 */
export interface ParkedConsequence {
  _id: string;
  status: 'parked' | 'resolved';
  cause: { eventId: string; eventType: string; position: number };
  command: { type: string; payload: Record<string, unknown> };
  error: { code: string; message: string; permanent: boolean };
  attempts: number;
  parkedAt: string;
  resolution?: { resolvedAt: string; resolvedBy: string };
  [field: string]: unknown;
}

/** How a failing derived command is retried before it is parked. */
export interface RetryPolicy {
  /** Attempts in all for a transient error (at least 1). */
  maxAttempts: number;
  /** Wait before the second attempt; each later wait doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** The wait after the `attempt`-th failed attempt (1-based). */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

export interface ClassifiedError {
  code: string;
  message: string;
  /**
   * A refusal of the business rules (DomainError) or an unknown entity (NotFoundError): the same
   * command would be refused again until someone fixes its cause, so it is parked at once.
   * Anything else (no handler yet, a store timeout, a revision conflict) is transient and retried.
   */
  permanent: boolean;
}

export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof DomainError || error instanceof NotFoundError) return { code: error.code, message: error.message, permanent: true };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : error.name || 'error', message: error.message, permanent: false };
  }
  return { code: 'error', message: String(error), permanent: false };
}

/** Whether to try again after `attempts` failed attempts with this error. */
export function shouldRetry(policy: RetryPolicy, attempts: number, error: ClassifiedError): boolean {
  return !error.permanent && attempts < policy.maxAttempts;
}

/** `id` is derived from the event, the saga and the command's index (parkedConsequenceId): the same on every replay. */
export function parkConsequence(input: {
  id: string;
  eventId: string;
  eventType: string;
  position: number;
  saga: number;
  index: number;
  command: { type: string; payload: Record<string, unknown> };
  error: ClassifiedError;
  attempts: number;
  now: string;
}): ParkedConsequence {
  return {
    _id: input.id,
    status: 'parked',
    cause: { eventId: input.eventId, eventType: input.eventType, position: input.position },
    command: input.command,
    error: input.error,
    attempts: input.attempts,
    parkedAt: input.now,
  };
}

/** A retry succeeded: the consequence landed. */
export function resolveConsequence(parked: ParkedConsequence, now: string, by: string): ParkedConsequence {
  return { ...parked, status: 'resolved', attempts: parked.attempts + 1, resolution: { resolvedAt: now, resolvedBy: by } };
}

/** A retry failed again: it stays parked with the new error. */
export function retryFailed(parked: ParkedConsequence, error: ClassifiedError): ParkedConsequence {
  return { ...parked, attempts: parked.attempts + 1, error };
}
