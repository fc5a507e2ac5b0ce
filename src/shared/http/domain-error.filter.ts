import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, NotFoundError } from '../domain/domain-error';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store/event-store.port';
import { InvalidFilterError } from '../read-store/read-store.port';
import { storageFailureCode, storageFailureMessage } from '../observability/storage-failure';

/** The one place where errors become HTTP answers. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const [status, body] = this.toHttp(error);
    response.status(status).json(body);
  }

  private toHttp(error: unknown): [number, object] {
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const raw = error.getResponse();
      const body: Record<string, unknown> = typeof raw === 'string' ? { statusCode: status, message: raw } : { ...(raw as object) };
      // Nest turns body-parser's SyntaxError into a bare 400: every error answer carries a `code`
      if (body.code === undefined) Object.assign(body, isMalformedJson(status, body) ? { code: 'malformed_json', path: 'body' } : { code: codeOf(status) });
      return [status, body];
    }
    if (isClientHttpError(error)) {
      // the body parser's errors: a body over the size limit (413), malformed JSON (400), ...
      return [error.status, { statusCode: error.status, code: error.type ?? 'bad_request', message: [error.message] }];
    }
    if (error instanceof NotFoundError) {
      return [404, { statusCode: 404, code: error.code, message: error.message, entity: error.entity, id: error.id }];
    }
    if (error instanceof WrongExpectedRevisionError) {
      return [409, { statusCode: 409, code: error.code, message: error.message, expected: String(error.expected), actual: String(error.actual) }];
    }
    if (error instanceof DuplicateEventIdError) {
      return [409, { statusCode: 409, code: error.code, message: error.message }];
    }
    if (error instanceof DomainError) {
      return [error.status, { statusCode: error.status, code: error.code, message: error.message, ...error.details }];
    }
    if (error instanceof InvalidFilterError) {
      return [400, { statusCode: 400, code: error.code, message: [error.message] }];
    }
    if (error instanceof Error && (error as { code?: unknown }).code === 'projection_timeout') {
      return [503, { statusCode: 503, code: 'projection_timeout', message: 'the read models have not reached minPosition yet; retry shortly' }];
    }
    if (error instanceof Error && (error as { code?: unknown }).code === 'subject_index_incomplete') {
      // the events are stored; retrying with the same Idempotency-Key repairs the subject index
      return [503, { statusCode: 503, code: 'subject_index_incomplete', message: error.message }];
    }
    const storage = storageFailureCode(error);
    if (storage) {
      // the store cannot write: nothing was recorded, and /health says so (event-store-writes)
      this.logger.error(`storage failure (${storage}): ${error instanceof Error ? error.message : String(error)}`);
      return [503, { statusCode: 503, code: storage, message: storageFailureMessage(storage) }];
    }
    this.logger.error(error instanceof Error ? error.stack ?? error.message : String(error));
    return [500, { statusCode: 500, message: 'internal error' }];
  }
}

/** An `http-errors` client error (as thrown by body-parser), safe to show: `expose` is true. */
function isClientHttpError(error: unknown): error is Error & { status: number; type?: string } {
  const candidate = error as { status?: unknown; expose?: unknown } | null;
  return error instanceof Error && candidate?.expose === true && typeof candidate.status === 'number' && candidate.status >= 400 && candidate.status < 500;
}

/** Nest's answer to body-parser's SyntaxError: `new BadRequestException(err.message)`. */
function isMalformedJson(status: number, body: Record<string, unknown>): boolean {
  return status === 400 && typeof body.message === 'string' && /JSON/.test(body.message);
}

/** `bad_request`, `not_found`, `too_many_requests`…: a code for an HTTP error that was thrown without one. */
function codeOf(status: number): string {
  const name = (HttpStatus as unknown as Record<number, string | undefined>)[status];
  return name ? name.toLowerCase() : 'http_error';
}
