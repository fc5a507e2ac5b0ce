/**
 * TEST DOUBLE: an in-memory stand-in for the slice of the MongoDB driver that MongoReadStore uses
 * (`MongoDatabaseLike` / `MongoCollectionLike`). Filters, sort, skip and limit are executed by
 * `mingo`, a JavaScript implementation of MongoDB's query language, so the adapter's queries are
 * evaluated with MongoDB's semantics (null/missing, type bracketing, cross-type sort order) in CI
 * without a server. `_id` is unique and so is every index declared `unique`; violations throw an
 * error shaped like the driver's (`code: 11000`, `keyPattern`, `keyValue`). Documents are cloned
 * on the way in and out, as a round trip through BSON would.
 *
 * What it does NOT prove: that indexes make queries fast (indexes here only enforce uniqueness;
 * every query scans), write concerns, journaling and durability, transactions, replica sets and
 * failover, network failures, timeouts and reconnects, BSON type fidelity (int32/int64/double
 * distinctions, dates), or that mingo matches the server exactly in every corner case. Only the
 * operations the adapter calls are implemented; anything else (update operators, aggregation) is
 * absent on purpose. Run the contract against a real server (MONGODB_URI) for those.
 */
import { Query } from 'mingo';
import { Document } from '../../src/shared/read-store/read-store.port';
import {
  MongoCollectionLike,
  MongoCursorLike,
  MongoDatabaseLike,
  MongoFilter,
  MongoSort,
  MongoWriteModel,
} from '../../src/shared/read-store/mongodb/mongo-collection-like';

export class InMemoryDuplicateKeyError extends Error {
  readonly code = 11000;
  constructor(
    collection: string,
    index: string,
    readonly keyPattern: Record<string, 1>,
    readonly keyValue: Record<string, unknown>,
  ) {
    super(`E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${JSON.stringify(keyValue)}`);
    this.name = 'MongoServerError';
  }
}

interface IndexDefinition {
  keys: Record<string, 1>;
  unique: boolean;
}

function valueAt(doc: Document, path: string): unknown {
  let value: unknown = doc;
  for (const segment of path.split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value ?? null; // MongoDB indexes a missing field as null
}

function indexKey(doc: Document, keys: Record<string, 1>): string {
  return JSON.stringify(Object.keys(keys).map((field) => valueAt(doc, field)));
}

class InMemoryCursor implements MongoCursorLike<Document> {
  private sortSpec?: MongoSort;
  private skipCount = 0;
  private limitCount = 0;

  constructor(private readonly source: () => Document[], private readonly filter: MongoFilter) {}

  sort(sort: MongoSort): this {
    this.sortSpec = sort;
    return this;
  }

  skip(count: number): this {
    this.skipCount = count;
    return this;
  }

  limit(count: number): this {
    this.limitCount = count;
    return this;
  }

  async toArray(): Promise<Document[]> {
    let cursor = new Query(this.filter).find<Document>(this.source());
    if (this.sortSpec) cursor = cursor.sort(this.sortSpec);
    if (this.skipCount) cursor = cursor.skip(this.skipCount);
    if (this.limitCount) cursor = cursor.limit(this.limitCount); // as in MongoDB, 0 means no limit
    return cursor.all().map((doc) => structuredClone(doc));
  }
}

export class InMemoryMongoCollection implements MongoCollectionLike {
  /** Insertion order is natural order, as in a fresh MongoDB collection. */
  private readonly documents = new Map<unknown, Document>();
  private readonly indexes = new Map<string, IndexDefinition>([['_id_', { keys: { _id: 1 }, unique: true }]]);

  constructor(private readonly name: string) {}

  async findOne(filter: MongoFilter): Promise<Document | null> {
    const found = this.matching(filter)[0];
    return found ? structuredClone(found) : null;
  }

  find(filter: MongoFilter): MongoCursorLike<Document> {
    return new InMemoryCursor(() => [...this.documents.values()], filter);
  }

  async countDocuments(filter: MongoFilter): Promise<number> {
    return this.matching(filter).length;
  }

  async replaceOne(filter: MongoFilter, replacement: Document, options: { upsert: boolean }): Promise<unknown> {
    const existing = this.matching(filter)[0];
    if (existing) {
      const doc = { ...structuredClone(replacement), _id: existing._id };
      this.checkUnique(doc, existing._id);
      this.documents.set(existing._id, doc);
      return { matchedCount: 1, upsertedCount: 0 };
    }
    if (!options.upsert) return { matchedCount: 0, upsertedCount: 0 };
    const _id = replacement._id ?? filter._id;
    await this.insertOne({ ...replacement, _id } as Document);
    return { matchedCount: 0, upsertedCount: 1 };
  }

  async insertOne(doc: Document): Promise<unknown> {
    const copy = structuredClone(doc);
    this.checkUnique(copy);
    this.documents.set(copy._id, copy);
    return { insertedId: copy._id };
  }

  async deleteOne(filter: MongoFilter): Promise<unknown> {
    const found = this.matching(filter)[0];
    if (found) this.documents.delete(found._id);
    return { deletedCount: found ? 1 : 0 };
  }

  async deleteMany(filter: MongoFilter): Promise<unknown> {
    const found = this.matching(filter);
    found.forEach((doc) => this.documents.delete(doc._id));
    return { deletedCount: found.length };
  }

  async createIndex(keys: Record<string, 1>, options: { name: string; unique: boolean }): Promise<string> {
    const definition: IndexDefinition = { keys, unique: options.unique };
    const existing = this.indexes.get(options.name);
    if (existing) {
      if (JSON.stringify(existing) !== JSON.stringify(definition)) {
        throw Object.assign(new Error(`Index with name: ${options.name} already exists with different options`), {
          code: 85,
        });
      }
      return options.name;
    }
    if (options.unique) {
      const seen = new Set<string>();
      for (const doc of this.documents.values()) {
        const key = indexKey(doc, keys);
        if (seen.has(key)) throw this.duplicate(options.name, definition, doc);
        seen.add(key);
      }
    }
    this.indexes.set(options.name, definition);
    return options.name;
  }

  async dropIndex(name: string): Promise<unknown> {
    if (!this.indexes.delete(name)) throw Object.assign(new Error(`index not found with name [${name}]`), { code: 27 });
    return { ok: 1 };
  }

  /** Ordered, and not atomic: like MongoDB, it stops at the first failure and keeps earlier writes. */
  async bulkWrite(operations: MongoWriteModel[], options: { ordered: boolean }): Promise<unknown> {
    if (!options.ordered) throw new Error('the in-memory double only implements ordered bulk writes');
    for (const operation of operations) {
      if ('replaceOne' in operation) {
        const { filter, replacement, upsert } = operation.replaceOne;
        await this.replaceOne(filter, replacement, { upsert });
      } else {
        await this.deleteOne(operation.deleteOne.filter);
      }
    }
    return { ok: 1 };
  }

  private matching(filter: MongoFilter): Document[] {
    const query = new Query(filter);
    return [...this.documents.values()].filter((doc) => query.test(doc));
  }

  private checkUnique(doc: Document, replacing?: unknown): void {
    for (const [name, index] of this.indexes) {
      if (!index.unique) continue;
      const key = indexKey(doc, index.keys);
      const clash = [...this.documents.values()].find(
        (other) => other._id !== replacing && indexKey(other, index.keys) === key,
      );
      if (clash) throw this.duplicate(name, index, doc);
    }
  }

  private duplicate(name: string, index: IndexDefinition, doc: Document): InMemoryDuplicateKeyError {
    const keyValue = Object.fromEntries(Object.keys(index.keys).map((field) => [field, valueAt(doc, field)]));
    return new InMemoryDuplicateKeyError(this.name, name, index.keys, keyValue);
  }
}

export class InMemoryMongoDatabase implements MongoDatabaseLike {
  private readonly collections = new Map<string, InMemoryMongoCollection>();

  collection(name: string): InMemoryMongoCollection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new InMemoryMongoCollection(name);
      this.collections.set(name, collection);
    }
    return collection;
  }
}
