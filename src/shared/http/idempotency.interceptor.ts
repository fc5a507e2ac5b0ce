import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, UnprocessableEntityException } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { principalOf } from '../auth/request-principal';
import { READ_STORE } from '../read-store/read-store.port';
import type { ReadStore } from '../read-store/read-store.port';

export const IDEMPOTENCY_COLLECTION = 'idempotency_keys_v1';
/** Route metadata: never store this route's answer (it holds a secret shown once). */
export const NO_IDEMPOTENT_REPLAY = 'assessment-ledger:no-idempotent-replay';

type StoredResponse = {
  _id: string;
  fingerprint: string;
  status: number;
  body: unknown;
  storedAt: string;
};

/**
 * A POST retried with the same `Idempotency-Key` gets the first response and appends nothing.
 * The response is kept in the read store; the event ids derived from the key make the append
 * itself idempotent too, so even a crash between append and storing the response is harmless.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(@Inject(READ_STORE) private readonly store: ReadStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string') return next.handle();
    if (Reflect.getMetadata(NO_IDEMPOTENT_REPLAY, context.getHandler())) return next.handle();
    // keyed by principal too: one caller's key never replays another caller's answer
    const id = hash(`${principalOf(request)?.id ?? ''}\u0000${request.method} ${request.path}\u0000${key}`);
    const fingerprint = hash(JSON.stringify(request.body ?? null));
    const status = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return from(this.once(id, () => this.execute(id, fingerprint, status, next, context.switchToHttp().getResponse<Response>())));
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
    const stored = await this.store.get<StoredResponse>(IDEMPOTENCY_COLLECTION, id);
    if (stored) return this.replay(stored, fingerprint, response);
    const body = await lastValueFrom(next.handle());
    const record: StoredResponse = { _id: id, fingerprint, status, body: body ?? null, storedAt: new Date().toISOString() };
    if (await this.store.insertIfAbsent(IDEMPOTENCY_COLLECTION, record)) return body;
    const winner = await this.store.get<StoredResponse>(IDEMPOTENCY_COLLECTION, id);
    return winner ? this.replay(winner, fingerprint, response) : body;
  }

  private replay(stored: StoredResponse, fingerprint: string, response: Response): unknown {
    if (stored.fingerprint !== fingerprint) {
      throw new UnprocessableEntityException({
        statusCode: 422,
        code: 'idempotency_key_reused',
        message: 'Idempotency-Key was already used for a request with a different body',
      });
    }
    response.setHeader('Idempotent-Replayed', 'true');
    response.status(stored.status);
    return stored.body;
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
