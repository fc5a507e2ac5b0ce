/**
 * The MongoDB read store: one MongoDB collection per read store collection, documents stored as
 * they are (`_id` is the document id), checkpoints in `_checkpoints` as `{ _id: name, position }`.
 *
 * Filters use MongoDB's own query language, so they pass through unchanged, but only after the
 * shared validator has confined them to the port's subset (no `$where`, no operator injection).
 *
 * `apply` is not atomic: it writes each collection's documents with one ordered `bulkWrite`
 * (upserts, then deletes) and only then moves the checkpoint. A crash in between leaves the
 * checkpoint behind the documents; the projector then replays those events, and its
 * per-document `_position` guard makes the replay harmless. Transactions would need a replica
 * set, which the embedded-first deployment does not assume.
 */
import { MongoClient } from 'mongodb';
import { ChangeSet, checkpointsOf, Document, DuplicateKeyError, Filter, FindOptions, IndexSpec, LEASES_COLLECTION, ReadStore } from '../read-store.port';
import {
  validateCollectionName,
  validateDocumentId,
  validateFilter,
  validateIndexSpec,
  validateQuery,
  pickFields,
} from '../filter-validation';
import {
  MongoCollectionLike,
  MongoDatabaseLike,
  MongoWriteModel,
  isDuplicateIdError,
} from './mongo-collection-like';

const CHECKPOINTS = '_checkpoints';

interface CheckpointDocument extends Document {
  position: number;
}

const INDEX_NOT_FOUND = 27;
const NAMESPACE_NOT_FOUND = 26;

/** Deterministic, so calling `ensureIndex` again finds the same index. */
export function mongoIndexName(index: IndexSpec): string {
  return `${index.unique ? 'ux' : 'ix'}_${index.fields.join('__')}`;
}

export class MongoReadStore implements ReadStore {
  private closed = false;

  constructor(
    private readonly db: MongoDatabaseLike,
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {}

  /** Connects with the official driver; the database defaults to the one named in the URI. */
  static async connect(uri: string, dbName?: string): Promise<MongoReadStore> {
    const client = await MongoClient.connect(uri, { ignoreUndefined: true });
    const db = client.db(dbName);
    const database: MongoDatabaseLike = { collection: (name) => db.collection<Document>(name) };
    return new MongoReadStore(database, () => client.close());
  }

  async get<T extends Document>(collection: string, id: string): Promise<T | null> {
    return (await this.collection(collection).findOne({ _id: id })) as T | null;
  }

  async find<T extends Document>(collection: string, filter: Filter = {}, options: FindOptions = {}): Promise<T[]> {
    validateQuery(filter, options);
    // MongoDB reads `limit(0)` as "no limit"; the port means "no documents".
    if (options.limit === 0) return [];
    let cursor = this.collection(collection).find(filter);
    // `_id` last makes ties come back in the same order as from the embedded adapter.
    if (options.sort) cursor = cursor.sort('_id' in options.sort ? options.sort : { ...options.sort, _id: 1 });
    if (options.skip) cursor = cursor.skip(options.skip);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()).map((doc) => pickFields<T>(doc, options.fields));
  }

  async count(collection: string, filter: Filter = {}): Promise<number> {
    validateFilter(filter);
    return this.collection(collection).countDocuments(filter);
  }

  async upsert(collection: string, doc: Document): Promise<void> {
    validateDocumentId(collection, doc._id);
    try {
      await this.collection(collection).replaceOne({ _id: doc._id }, doc, { upsert: true });
    } catch (error) {
      if ((error as { code?: unknown }).code === 11000) throw new DuplicateKeyError(collection, error);
      throw error;
    }
  }

  async insertIfAbsent(collection: string, doc: Document): Promise<boolean> {
    validateDocumentId(collection, doc._id);
    try {
      await this.collection(collection).insertOne({ ...doc });
      return true;
    } catch (error) {
      if (isDuplicateIdError(error)) return false;
      throw error;
    }
  }

  async delete(collection: string, id: string): Promise<void> {
    await this.collection(collection).deleteOne({ _id: id });
  }

  async clear(collection: string): Promise<void> {
    await this.collection(collection).deleteMany({});
  }

  async ensureIndex(collection: string, index: IndexSpec): Promise<void> {
    validateIndexSpec(index);
    const keys = Object.fromEntries(index.fields.map((field) => [field, 1 as const]));
    await this.collection(collection).createIndex(keys, { name: mongoIndexName(index), unique: !!index.unique });
  }

  async dropIndex(collection: string, index: IndexSpec): Promise<void> {
    validateIndexSpec(index);
    try {
      await this.collection(collection).dropIndex(mongoIndexName(index));
    } catch (error) {
      // no such index (or no such collection): nothing to drop
      const code = (error as { code?: unknown }).code;
      if (code !== INDEX_NOT_FOUND && code !== NAMESPACE_NOT_FOUND) throw error;
    }
  }

  async apply(changes: ChangeSet): Promise<void> {
    const writes = new Map<string, MongoWriteModel[]>();
    const queue = (collection: string, model: MongoWriteModel) => {
      validateCollectionName(collection);
      writes.set(collection, [...(writes.get(collection) ?? []), model]);
    };
    for (const { collection, doc } of changes.upserts) {
      validateDocumentId(collection, doc._id);
      queue(collection, { replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } });
    }
    for (const { collection, id } of changes.deletes) queue(collection, { deleteOne: { filter: { _id: id } } });
    for (const [collection, models] of writes) {
      await this.collection(collection).bulkWrite(models, { ordered: true });
    }
    for (const { name, position } of checkpointsOf(changes)) {
      await this.checkpoints().replaceOne({ _id: name }, { _id: name, position }, { upsert: true });
    }
  }

  async getCheckpoint(name: string): Promise<number | undefined> {
    const checkpoint = (await this.checkpoints().findOne({ _id: name })) as CheckpointDocument | null;
    return checkpoint?.position;
  }

  async resetCheckpoint(name: string): Promise<void> {
    await this.checkpoints().deleteOne({ _id: name });
  }

  async tryAcquireLease(name: string, holder: string, now: number, ttlMs: number): Promise<boolean> {
    // matches only a lease this holder may take; otherwise the upsert's insert hits the _id index
    const takeable = { _id: name, $or: [{ holder }, { expiresAt: { $lte: now } }] };
    try {
      await this.collection(LEASES_COLLECTION).replaceOne(takeable, { _id: name, holder, expiresAt: now + ttlMs }, { upsert: true });
      return true;
    } catch (error) {
      if (isDuplicateIdError(error)) return false;
      throw error;
    }
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.collection(LEASES_COLLECTION).deleteOne({ _id: name, holder });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.onClose();
  }

  private collection(name: string): MongoCollectionLike {
    validateCollectionName(name);
    return this.db.collection(name);
  }

  private checkpoints(): MongoCollectionLike {
    return this.db.collection(CHECKPOINTS);
  }
}
