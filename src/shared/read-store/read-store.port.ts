/**
 * The read store port: named collections of JSON documents keyed by `_id`, with the small query
 * language the read models need. MongoDB implements it natively; the embedded SQLite adapter
 * implements the same subset. Both pass one contract suite (test/contract).
 */

export const READ_STORE = Symbol('READ_STORE');

export interface Document {
  _id: string;
  [field: string]: unknown;
}

export type Scalar = string | number | boolean | null;

/** Operators on one field. Values are scalars; `$in` takes a list of scalars. */
export interface FieldOperators {
  $eq?: Scalar;
  $ne?: Scalar;
  $lt?: Scalar;
  $lte?: Scalar;
  $gt?: Scalar;
  $gte?: Scalar;
  $in?: Scalar[];
}

/**
 * A filter maps a field (dot paths reach into nested objects) to a scalar (equality) or to
 * operators, all of which must hold. Field names never start with `$`.
 */
export type Filter = Record<string, Scalar | FieldOperators>;

export interface FindOptions {
  /** Field → 1 (ascending) or -1 (descending), applied in key order. */
  sort?: Record<string, 1 | -1>;
  skip?: number;
  /** At most this many documents; `0` returns none (unlike MongoDB's cursor, where 0 means no limit). */
  limit?: number;
  /**
   * Only these top-level fields (and `_id`) of each document; a field that is null or missing is
   * left out. On the embedded store, fields an index types are read from their columns without
   * parsing the documents.
   */
  fields?: string[];
}

export type FieldType = 'string' | 'number' | 'boolean';

export interface IndexSpec {
  /** Fields in order, each ascending. */
  fields: string[];
  unique?: boolean;
  /**
   * The type every document holds in these fields (or null, or nothing): a promise of the
   * projection. The embedded store keeps typed fields in real columns of their own (indexed,
   * compared and sorted without parsing the document); MongoDB needs no such help.
   */
  types?: Record<string, FieldType>;
}

/**
 * One atomic unit of read-model changes, written together with a projection checkpoint.
 * Upserts are applied before deletes, so an id in both ends up deleted.
 */
export interface ChangeSet {
  upserts: { collection: string; doc: Document }[];
  deletes: { collection: string; id: string }[];
  checkpoint?: { name: string; position: number };
  /** More checkpoints moved in the same unit (the projector flushes every projection in one). */
  checkpoints?: { name: string; position: number }[];
}

/** Every checkpoint a change set moves. */
export function checkpointsOf(changes: ChangeSet): { name: string; position: number }[] {
  return [...(changes.checkpoint ? [changes.checkpoint] : []), ...(changes.checkpoints ?? [])];
}

export interface ReadStore {
  get<T extends Document>(collection: string, id: string): Promise<T | null>;
  find<T extends Document>(collection: string, filter?: Filter, options?: FindOptions): Promise<T[]>;
  count(collection: string, filter?: Filter): Promise<number>;
  upsert(collection: string, doc: Document): Promise<void>;
  /**
   * Inserts the document unless one with its `_id` exists. Returns true when it inserted.
   * Used for first-writer-wins records such as idempotency keys.
   */
  insertIfAbsent(collection: string, doc: Document): Promise<boolean>;
  delete(collection: string, id: string): Promise<void>;
  /** Drops every document of the collection. */
  clear(collection: string): Promise<void>;
  ensureIndex(collection: string, index: IndexSpec): Promise<void>;
  /**
   * Drops the index `ensureIndex` made for this spec, if there is one; typed fields keep their
   * columns (written with every document). A rebuild writes into a collection without its
   * secondary indexes, then ensures them again: building an index once is cheaper than keeping it
   * up to date through a million writes.
   */
  dropIndex(collection: string, index: IndexSpec): Promise<void>;
  /**
   * Applies the changes and moves the checkpoint. The embedded adapter does this in one
   * transaction; the MongoDB adapter writes documents first and the checkpoint last, and relies on
   * the projector's per-document position guard to make a replay after a crash harmless.
   */
  apply(changes: ChangeSet): Promise<void>;
  getCheckpoint(name: string): Promise<number | undefined>;
  /** Removes the checkpoint, so the projection starts from the beginning. */
  resetCheckpoint(name: string): Promise<void>;
  /**
   * Takes or renews the lease `name` for `holder` until `now + ttlMs` (epoch ms), if it is free,
   * expired (`expiresAt <= now`) or already the holder's. Atomic across every instance sharing the
   * store. Returns true when `holder` holds the lease afterwards.
   */
  tryAcquireLease(name: string, holder: string, now: number, ttlMs: number): Promise<boolean>;
  /** Gives the lease up if `holder` holds it (a successor need not wait for it to expire). */
  releaseLease(name: string, holder: string): Promise<void>;
  close(): Promise<void>;
}

/** Where the leases live (see `tryAcquireLease`); not a read model. */
export const LEASES_COLLECTION = 'leases_v1';

export interface LeaseDocument extends Document {
  holder: string;
  expiresAt: number;
}

export class InvalidFilterError extends Error {
  readonly code = 'invalid_filter';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidFilterError';
  }
}

/** A write would give a unique index (including `_id` on insert) a second document with one value. */
export class DuplicateKeyError extends Error {
  readonly code = 'duplicate_key';
  constructor(readonly collection: string, cause?: unknown) {
    super(`a unique index of ${collection} already holds a document with that value`, { cause });
    this.name = 'DuplicateKeyError';
  }
}

/** An equality filter on the fields a query names, leaving out those it does not (`undefined`). */
export function equalTo(fields: Record<string, string | undefined>): Filter {
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
