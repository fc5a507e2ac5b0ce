/**
 * A projection is pure: given the current read-model document (or null) and one event, it returns
 * the next document (or null to delete it). The shared runtime in this folder feeds it
 * from the event store, guards against applying an event twice, batches writes and stores the
 * checkpoint.
 */
import type { RecordedEvent } from '../event-store/event-store.port';
import type { IndexSpec } from '../read-store/read-store.port';

export interface ProjectedDocument {
  _id: string;
  /** Global position of the last event applied to this document: the runtime's replay guard. */
  _position: number;
  [field: string]: unknown;
}

/**
 * A document without the runtime's `_position`. (`Omit` would lose the named fields of a document
 * type that has an index signature, as every ProjectedDocument does.)
 */
export type DocumentFields<Doc extends ProjectedDocument> = {
  [K in keyof Doc as K extends '_position' ? never : K]: Doc[K];
};

/**
 * `Event` is the union of the recorded events the projection handles: the runtime passes only
 * those (`handles`), so a projection reads them typed, with no cast.
 */
export interface Projection<Doc extends ProjectedDocument = ProjectedDocument, Event extends RecordedEvent = RecordedEvent> {
  /** Stable name; also the checkpoint's name. */
  name: string;
  /** Bump when `evolve` changes meaning: the collection name changes and the runtime rebuilds. */
  version: number;
  /** Event types this projection reads; others are never passed to it. */
  handles: readonly Event['type'][];
  /** Ids of the documents the event changes (usually one). */
  documentIds(event: Event): string[];
  /**
   * Returns the next document without `_position` (the runtime sets it), or null to delete.
   * Returning the very `doc` it was given means "no change": nothing is written.
   */
  evolve(doc: Doc | null, event: Event, documentId: string): DocumentFields<Doc> | null;
  /** Indexes the read model's queries need. */
  indexes?: IndexSpec[];
  /**
   * Each event writes documents of its own (ids carry its position) and never reads one: the
   * runtime evolves from null without reading the store. A replay writes the same documents again.
   */
  writesOnce?: boolean;
}

/** The read models the projector runs, in order: assembled at the composition root (AppModule), so the runtime knows no feature. */
export const PROJECTIONS = Symbol('PROJECTIONS');

export function collectionOf(projection: Pick<Projection, 'name' | 'version'>): string {
  return `${projection.name}_v${projection.version}`;
}

/** A read model as its queries name it: the projection's name, typed by the document it writes. */
export interface ReadModelName<Doc extends ProjectedDocument> {
  readonly name: string;
  /** Type only: never set. */
  readonly document?: Doc;
}

export function readModelName<Doc extends ProjectedDocument>(name: string): ReadModelName<Doc> {
  return { name };
}
