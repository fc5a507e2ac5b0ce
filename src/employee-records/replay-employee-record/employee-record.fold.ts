import type { RecordedEvent } from '../../shared/event-store/event-store.port';
import { foldProjection } from '../../../projections/fold';
import { collectionOf } from '../../shared/projector/projection';
import type { Projection } from '../../shared/projector/projection';

export interface ReplayedEvent {
  position: number;
  streamName: string;
  revision: number;
  type: string;
  actor: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
  recordedAt: string;
  data: unknown;
}

/**
 * Folds an employee's events, read straight from the event store, into their record: the events
 * themselves (a complainant still sealed: the query handler reveals or withholds it) and the monthly scores, computed by the same
 * pure scores projection that builds the read model — so an auditor can compare the two.
 */
/** An event a model of the record could not fold: shown, left out of that model, never a 500. */
export interface UnfoldedEvent {
  position: number;
  type: string;
  model: string;
  error: string;
}

export function foldEmployeeRecord(employeeId: string, events: RecordedEvent[], scores: Projection, periodScoresProjection?: Projection) {
  const unfolded: UnfoldedEvent[] = [];
  const report = (model: string) => (event: RecordedEvent, error: unknown) =>
    unfolded.push({ position: event.position, type: event.type, model, error: error instanceof Error ? error.message : String(error) });
  const monthlyScores = [...foldProjection(scores, events, new Map(), report(collectionOf(scores))).values()]
    .filter((doc) => doc.employeeId === employeeId)
    .map(({ _id, _position, ...doc }) => doc)
    .sort((a, b) => String(a.month).localeCompare(String(b.month)));
  // Periods under the rulebook, folded by the same pure projection as the read model; as of
  // `asOf` they show what was known then (sealed figure, corrections heard by then).
  const periodScores = periodScoresOf(employeeId, events, periodScoresProjection, periodScoresProjection && report(collectionOf(periodScoresProjection)));
  unfolded.sort((a, b) => a.position - b.position);
  return { employeeId, scoresModel: collectionOf(scores), monthlyScores, periodScores, unfolded, events: events.map(toReplayedEvent) };
}

function periodScoresOf(employeeId: string, events: RecordedEvent[], projection?: Projection, onUnfolded?: (event: RecordedEvent, error: unknown) => void) {
  if (!projection) return [];
  return [...foldProjection(projection, events, new Map(), onUnfolded).values()]
    .filter((doc) => doc.employeeId === employeeId)
    .map(({ _id, _position, scheme, ...doc }) => doc)
    .sort((a, b) => String(a.period).localeCompare(String(b.period)));
}

function toReplayedEvent(event: RecordedEvent): ReplayedEvent {
  return {
    position: event.position,
    streamName: event.streamName,
    revision: event.revision,
    type: event.type,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    data: event.data,
  };
}
