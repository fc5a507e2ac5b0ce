import { answer } from '../domain/error-catalogue';
import type { ErrorCatalogue } from '../domain/error-catalogue';

/** The codes the HTTP edge answers with on its own: input, access, conflicts, limits and outages. */
export const httpErrors = {
  invalid_input: answer(400, 'a field breaks an input rule; `fields` names each field and the rules it broke'),
  malformed_json: answer(400, 'the body is not well-formed JSON'),
  invalid_filter: answer(400, 'a query filter is not one the read model can answer'),
  unauthenticated: answer(401, 'no valid bearer token'),
  forbidden: answer(403, 'no role of the caller grants the route, or not for this object'),
  permissions_not_declared: answer(403, 'the route declares no permissions, so nobody may call it'),
  wrong_expected_revision: answer(409, 'If-Match names a revision the stream has moved past'),
  duplicate_event_id: answer(409, 'an event id is already stored with other content'),
  'entity.too.large': answer(413, 'the body is over the size limit'),
  idempotency_key_reused: answer(422, 'the Idempotency-Key was used with another route or body'),
  too_many_requests: answer(429, 'too many requests from this caller; retry later'),
  projection_timeout: answer(503, 'the read models have not reached minPosition yet; retry shortly'),
  subject_index_incomplete: answer(503, "the events are stored; retrying with the same Idempotency-Key completes the subject index"),
  disk_full: answer(503, "the event store's disk is full; nothing was recorded"),
  store_unavailable: answer(503, 'the event store cannot write; nothing was recorded'),
  shutting_down: answer(503, 'the service is shutting down; retry on another instance or after its restart'),
} as const satisfies ErrorCatalogue;
