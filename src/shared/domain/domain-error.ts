/**
 * A broken business rule. `code` is stable and part of the API (HTTP 422 carries it);
 * the message is for people.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The command names an entity that does not exist (HTTP 404). */
export class NotFoundError extends Error {
  readonly code = 'not_found';
  constructor(readonly entity: string, readonly id: string) {
    super(`${entity} ${id} was not found`);
    this.name = 'NotFoundError';
  }
}

export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
