import { DomainError } from './domain-error';

/** What a code means to a client: the HTTP status it answers with and what it refuses, in words. */
export interface ErrorDefinition {
  readonly status: number;
  readonly message: string;
}

/** One feature's refusals, by stable code. The API, the docs and the OpenAPI document list them. */
export type ErrorCatalogue<Code extends string = string> = { readonly [C in Code]: ErrorDefinition };

export type CodeOf<Catalogue> = Extract<keyof Catalogue, string>;

/** A broken business rule: the command was understood and refused (HTTP 422). */
export const unprocessable = (message: string): ErrorDefinition => ({ status: 422, message });

/**
 * The refusal function of a catalogue: `refuse(code, message, details)` builds the DomainError of a
 * code the catalogue lists (anything else does not compile), with the status the catalogue gives.
 * The message says what this instance refused; the catalogue's says what the code means.
 */
export function refusalsOf<Catalogue extends ErrorCatalogue>(catalogue: Catalogue) {
  return (code: CodeOf<Catalogue>, message: string, details: Record<string, unknown> = {}): DomainError =>
    new DomainError(code, message, details, catalogue[code].status);
}

/** What every feature may answer: the command names an entity that does not exist (NotFoundError). */
export const entityErrors = {
  not_found: { status: 404, message: 'the id names nothing recorded (or nothing the caller may see)' },
} as const satisfies ErrorCatalogue;
