import { applyDecorators, CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Observable } from 'rxjs';
import { EVENT_STORE } from '../event-store/event-store.port';
import type { EventStore } from '../event-store/event-store.port';
import { ProjectorService } from './projector.service';

export const READ_MODEL_POSITION_HEADER = 'X-Read-Model-Position';
export const EVENT_STORE_HEAD_HEADER = 'X-Event-Store-Head';
const READ_MODELS = 'read-models';

/**
 * Marks a query route as answered from these read models (projection names): its answer carries
 * `X-Read-Model-Position` (the lowest checkpoint among them, taken before the read, so the answer
 * includes at least every event up to it) and `X-Event-Store-Head` (the newest stored event then).
 * Equal values: the answer is complete as of that head; a lower position: it may be stale.
 */
export function ReadModels(...names: string[]) {
  return applyDecorators(SetMetadata(READ_MODELS, names), ApiExtension('x-read-models', names));
}

const headers = {
  [READ_MODEL_POSITION_HEADER]: { description: 'Position (checkpoint) the read model(s) of this answer had reached before it was read: every event up to it is included', schema: { type: 'integer' } },
  [EVENT_STORE_HEAD_HEADER]: { description: 'Position of the newest stored event when the answer was read; equal to the read-model position when the answer is complete', schema: { type: 'integer' } },
};

/** The OpenAPI document with the two headers on the 200 answer of every operation marked `@ReadModels`, beside its body. */
export function describeReadModelHeaders(document: OpenAPIObject): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([key, value]) => {
          const operation = value as { 'x-read-models'?: string[]; responses?: Record<string, { description?: string }> };
          const names = operation['x-read-models'];
          if (!names) return [key, value];
          const ok = operation.responses?.['200'] ?? {};
          const description = [ok.description, `Answered from the read model(s) ${names.join(', ')}`].filter(Boolean).join('. ');
          return [key, { ...operation, responses: { ...operation.responses, '200': { ...ok, description, headers } } }];
        }),
      ),
    ]),
  );
  return { ...document, paths };
}

@Injectable()
export class ReadModelHeadersInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly projector: ProjectorService,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const names = this.reflector.get<string[] | undefined>(READ_MODELS, context.getHandler());
    if (names && context.getType() === 'http') {
      const position = this.projector.readModelPosition(names);
      const head = await this.eventStore.headPosition();
      const response = context.switchToHttp().getResponse<Response>();
      response.setHeader(READ_MODEL_POSITION_HEADER, String(position));
      response.setHeader(EVENT_STORE_HEAD_HEADER, String(head));
    }
    return next.handle();
  }
}
