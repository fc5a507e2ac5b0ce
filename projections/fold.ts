/**
 * Folds events through a projection in memory, with the same rules as the shared runtime: only
 * handled events, `documentIds`, the per-document `_position` guard, null deletes,
 * the same document back means no change.
 * For specs and for read paths that compute a model straight from an employee's events.
 */
import type { RecordedEvent } from '../src/shared/event-store/event-store.port';
import type { ProjectedDocument, Projection } from '../src/shared/projector/projection';

export type Documents<Doc extends ProjectedDocument = ProjectedDocument> = Map<string, Doc>;

/**
 * Without `onUnfolded`, an event the projection throws on throws. With it, that event is left out
 * whole (none of its changes are kept, like an event the runtime parks) and reported, and the fold
 * goes on with the next event.
 */
export function foldProjection<Doc extends ProjectedDocument>(
  projection: Projection<Doc>,
  events: readonly RecordedEvent[],
  documents: Documents<Doc> = new Map(),
  onUnfolded?: (event: RecordedEvent, error: unknown) => void,
): Documents<Doc> {
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    const changes = new Map<string, Doc | null>();
    try {
      for (const id of new Set(projection.documentIds(event))) {
        const current = changes.has(id) ? (changes.get(id) ?? null) : (documents.get(id) ?? null);
        if (current && current._position >= event.position) continue;
        const next = projection.evolve(current, event, id);
        if (next === current) continue;
        changes.set(id, next === null ? null : ({ ...next, _id: id, _position: event.position } as unknown as Doc));
      }
    } catch (error) {
      if (!onUnfolded) throw error;
      onUnfolded(event, error);
      continue;
    }
    for (const [id, doc] of changes) {
      if (doc === null) documents.delete(id);
      else documents.set(id, doc);
    }
  }
  return documents;
}
