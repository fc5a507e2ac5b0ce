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

/** An answer of the HTTP edge with its own status. */
export const answer = (status: number, message: string): ErrorDefinition => ({ status, message });

/** A feature's refusal function, `refuse(code, message, details)`, carrying its catalogue. */
export interface Refusals<Code extends string> {
  (code: Code, message: string, details?: Record<string, unknown>): DomainError;
  readonly catalogue: ErrorCatalogue<Code>;
}

/** The codes a refusal function takes. */
export type RefusalCode<R> = R extends { readonly catalogue: ErrorCatalogue<infer Code> } ? Code : never;

/**
 * A feature's catalogue and the function that refuses by it: `refuse(code, message, details)`
 * builds the DomainError of a code the catalogue lists (anything else does not compile), with the
 * status the catalogue gives. The message says what this instance refused; the catalogue's says
 * what the code means.
 */
export function refusals<const Catalogue extends ErrorCatalogue>(catalogue: Catalogue): Refusals<CodeOf<Catalogue>> {
  const refuse = (code: CodeOf<Catalogue>, message: string, details: Record<string, unknown> = {}) => new DomainError(code, message, details, catalogue[code].status);
  return Object.assign(refuse, { catalogue });
}

/** What every feature may answer: the command names an entity that does not exist (NotFoundError). */
export const entityErrors: ErrorCatalogue<'not_found'> = {
  not_found: { status: 404, message: 'the id names nothing recorded (or nothing the caller may see)' },
};
