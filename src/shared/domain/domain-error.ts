/**
 * A broken business rule. `code` is stable and part of the API (the answer carries it with
 * `status`, 422 for every refusal today); the message is for people. Built through a feature's
 * catalogue (`refusalsOf` in error-catalogue.ts), so every code is listed where the docs find it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly status = 422,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The command names an entity that does not exist (HTTP 404). */
export class NotFoundError extends Error {
  readonly code = 'not_found';
  readonly status = 404;
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} was not found`);
    this.name = 'NotFoundError';
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
