import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, UnprocessableEntityException } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { READ_STORE } from '../read-store/read-store.port';
import type { ReadStore } from '../read-store/read-store.port';
import { idempotencyScope } from './request-fingerprint';

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys_v2';
/** Route metadata: never store this route's answer (it holds a secret shown once). */
export const NO_IDEMPOTENT_REPLAY = 'assessment-ledger:no-idempotent-replay';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type KeyRecord = {
  _id: string;
  /** The request the key was first used for (method, path, canonical body). */
  fingerprint: string;
  /** `pending` from before the command runs until its answer is stored. */
  state: 'pending' | 'answered';
  status?: number;
  body?: unknown;
  storedAt: string;
};

/**
 * A write retried with the same `Idempotency-Key` gets the first answer and appends nothing; the
 * same key (for the same principal) on another route or with another body is refused with 422
 * `idempotency_key_reused`, on every write method.
 *
 * The key is claimed in the read store with the request's fingerprint *before* the command runs,
 * so the binding survives a crash between append and answer: the retry finds the pending claim,
 * runs again, and the event ids derived from (principal, key, request) make the append a no-op.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.headers['idempotency-key'];
    if (!WRITE_METHODS.has(request.method) || typeof key !== 'string') return next.handle();
    if (Reflect.getMetadata(NO_IDEMPOTENT_REPLAY, context.getHandler())) return next.handle();
    const { recordId, fingerprint } = idempotencyScope(request, key);
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    const response = context.switchToHttp().getResponse<Response>();
    return from(this.once(recordId, () => this.execute(recordId, fingerprint, status, next, response)));
  }

  /** Concurrent requests with one key in this process wait for the first instead of racing it. */
  private async once(id: string, run: () => Promise<unknown>): Promise<unknown> {
    const running = this.inFlight.get(id);
    if (running) await running.catch(() => undefined);
    const current = run();
    this.inFlight.set(id, current);
    try {
      return await current;
    } finally {
      if (this.inFlight.get(id) === current) this.inFlight.delete(id);
    }
  }

  private async execute(id: string, fingerprint: string, status: number, next: CallHandler, response: Response): Promise<unknown> {
    const claim: KeyRecord = { _id: id, fingerprint, state: 'pending', storedAt: new Date().toISOString() };
    const claimed = await this.store.insertIfAbsent(IDEMPOTENCY_COLLECTION, claim);
    if (!claimed) {
      const stored = await this.store.get<KeyRecord>(IDEMPOTENCY_COLLECTION, id);
      if (stored && stored.fingerprint !== fingerprint) throw keyReused();
      if (stored?.state === 'answered') return this.replay(stored, response);
      // pending with this very request: an earlier attempt died before answering; run it again
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      // the command was refused or failed: the key is free again for a corrected request
      if (claimed) await this.store.delete(IDEMPOTENCY_COLLECTION, id).catch(() => undefined);
      throw error;
    }
    await this.store.upsert(IDEMPOTENCY_COLLECTION, { ...claim, state: 'answered', status, body: body ?? null, storedAt: new Date().toISOString() });
    return body;
  }

  private replay(stored: KeyRecord, response: Response): unknown {
    response.setHeader('Idempotent-Replayed', 'true');
    response.status(stored.status ?? 200);
    return stored.body;
  }
}

function keyReused(): UnprocessableEntityException {
  return new UnprocessableEntityException({
    statusCode: 422,
    code: 'idempotency_key_reused',
    message: 'Idempotency-Key was already used for another request (another route or body); use a new key for a new command',
    path: 'headers.idempotency-key',
  });
}
