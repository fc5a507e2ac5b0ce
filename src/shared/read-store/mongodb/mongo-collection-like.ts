/**
 * The slice of the MongoDB driver the read store adapter uses. The official driver's `Db` and
 * `Collection` satisfy it (see `MongoReadStore.connect`); a test double can stand in for it
 * (test/doubles/in-memory-mongo.ts). Keep it to what the adapter actually calls.
 */
import { Document } from '../read-store.port';

export type MongoFilter = Record<string, unknown>;
export type MongoSort = Record<string, 1 | -1>;

export interface MongoCursorLike<T> {
  sort(sort: MongoSort): MongoCursorLike<T>;
  skip(count: number): MongoCursorLike<T>;
  limit(count: number): MongoCursorLike<T>;
  toArray(): Promise<T[]>;
}

export type MongoWriteModel =
  | { replaceOne: { filter: MongoFilter; replacement: Document; upsert: boolean } }
  | { deleteOne: { filter: MongoFilter } };

export interface MongoCollectionLike {
  findOne(filter: MongoFilter): Promise<Document | null>;
  find(filter: MongoFilter): MongoCursorLike<Document>;
  countDocuments(filter: MongoFilter): Promise<number>;
  replaceOne(filter: MongoFilter, replacement: Document, options: { upsert: boolean }): Promise<unknown>;
  insertOne(doc: Document): Promise<unknown>;
  deleteOne(filter: MongoFilter): Promise<unknown>;
  deleteMany(filter: MongoFilter): Promise<unknown>;
  createIndex(keys: Record<string, 1>, options: { name: string; unique: boolean }): Promise<string>;
  /** Rejects with code 27 (IndexNotFound) when there is no index of that name. */
  dropIndex(name: string): Promise<unknown>;
  bulkWrite(operations: MongoWriteModel[], options: { ordered: boolean }): Promise<unknown>;
}

export interface MongoDatabaseLike {
  collection(name: string): MongoCollectionLike;
}

/** What MongoDB reports for a unique index violation (E11000), on the driver's errors and ours. */
export interface DuplicateKeyErrorLike {
  code: 11000;
  keyPattern?: Record<string, unknown>;
}

/** True for a duplicate `_id` (not for a violation of some other unique index). */
export function isDuplicateIdError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, keyPattern, message } = error as Partial<DuplicateKeyErrorLike> & { message?: string };
  if (code !== 11000) return false;
  if (keyPattern) return Object.keys(keyPattern).length === 1 && '_id' in keyPattern;
  return typeof message === 'string' && message.includes('index: _id_');
}
