/**
 * Folds events through a projection in memory, with the same rules as the shared runtime: only
 * handled events, `documentIds`, the per-document `_position` guard, null deletes,
 * the same document back means no change.
 * For specs and for read paths that compute a model straight from an employee's events.
 */
import type { RecordedEvent } from '../src/shared/event-store/event-store.port';
import type { ProjectedDocument, Projection } from './projection';

export type Documents<Doc extends ProjectedDocument = ProjectedDocument> = Map<string, Doc>;

export function foldProjection<Doc extends ProjectedDocument>(
  projection: Projection<Doc>,
  events: readonly RecordedEvent[],
  documents: Documents<Doc> = new Map(),
): Documents<Doc> {
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    for (const id of new Set(projection.documentIds(event))) {
      const current = documents.get(id) ?? null;
      if (current && current._position >= event.position) continue;
      const next = projection.evolve(current, event, id);
      if (next === current) continue;
      if (next === null) documents.delete(id);
      else documents.set(id, { ...next, _id: id, _position: event.position } as unknown as Doc);
    }
  }
  return documents;
}
