import type { CodeOf, ErrorCatalogue } from '../domain/error-catalogue';

/** The codes the HTTP edge answers with on its own: input, access, conflicts, limits and outages. */
export const httpErrors = {
  invalid_input: { status: 400, message: 'a field breaks an input rule; `fields` names each field and the rules it broke' },
  malformed_json: { status: 400, message: 'the body is not well-formed JSON' },
  invalid_filter: { status: 400, message: 'a query filter is not one the read model can answer' },
  unauthenticated: { status: 401, message: 'no valid bearer token' },
  forbidden: { status: 403, message: 'no role of the caller grants the route, or not for this object' },
  permissions_not_declared: { status: 403, message: 'the route declares no permissions, so nobody may call it' },
  wrong_expected_revision: { status: 409, message: 'If-Match names a revision the stream has moved past' },
  duplicate_event_id: { status: 409, message: 'an event id is already stored with other content' },
  'entity.too.large': { status: 413, message: 'the body is over the size limit' },
  idempotency_key_reused: { status: 422, message: 'the Idempotency-Key was used with another route or body' },
  too_many_requests: { status: 429, message: 'too many requests from this caller; retry later' },
  projection_timeout: { status: 503, message: 'the read models have not reached minPosition yet; retry shortly' },
  subject_index_incomplete: { status: 503, message: "the events are stored; retrying with the same Idempotency-Key completes the subject index" },
  disk_full: { status: 503, message: "the event store's disk is full; nothing was recorded" },
  store_unavailable: { status: 503, message: 'the event store cannot write; nothing was recorded' },
  shutting_down: { status: 503, message: 'the service is shutting down; retry on another instance or after its restart' },
} as const satisfies ErrorCatalogue;

export type HttpErrorCode = CodeOf<typeof httpErrors>;
