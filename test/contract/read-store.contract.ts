/**
 * The read store contract: what every ReadStore adapter must do, written once and run against
 * each adapter by its `*.int-spec.ts` leg. Every test uses its own collection names, so a leg may
 * share one database between tests.
 */
import { Document, DuplicateKeyError, Filter, FindOptions, IndexSpec, InvalidFilterError, ReadStore } from '../../src/shared/read-store/read-store.port';

export interface ReadStoreFixture {
  store: ReadStore;
  /** Opens a second store over the same data (after `store` is closed). */
  reopen: () => Promise<ReadStore>;
  cleanup: () => Promise<void>;
}

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let sequence = 0;
/** A collection name no other test (or earlier run against the same server) uses. */
function uniqueCollection(label: string): string {
  sequence += 1;
  return `${label}_${run}_${sequence}`;
}

const ids = (docs: Document[]) => docs.map((doc) => doc._id);

export function readStoreContract(name: string, setup: () => Promise<ReadStoreFixture>): void {
  describe(`${name} read store contract`, () => {
    let fixture: ReadStoreFixture;
    let store: ReadStore;

    beforeEach(async () => {
      fixture = await setup();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    async function given(collection: string, docs: Document[]): Promise<void> {
      for (const doc of docs) await store.upsert(collection, doc);
    }

    async function findIds(collection: string, filter?: Filter, options?: FindOptions): Promise<string[]> {
      return ids(await store.find(collection, filter, options));
    }

    describe('documents', () => {
      it('returns null for a document that does not exist', async () => {
        expect(await store.get(uniqueCollection('docs'), 'nobody')).toBeNull();
      });

      it('returns an upserted document by id, with nested objects, arrays, booleans, null and numbers intact', async () => {
        const collection = uniqueCollection('docs');
        const doc = { _id: 'a1', name: 'Ann', score: 12.5, count: 3, passed: true, note: null, tags: ['x', 'y'], meta: { level: { n: 2 } } };
        await store.upsert(collection, doc);
        expect(await store.get(collection, 'a1')).toEqual(doc);
      });

      it('replaces the whole document on a second upsert', async () => {
        const collection = uniqueCollection('docs');
        await store.upsert(collection, { _id: 'a1', name: 'Ann', old: true });
        await store.upsert(collection, { _id: 'a1', name: 'Anna' });
        expect(await store.get(collection, 'a1')).toEqual({ _id: 'a1', name: 'Anna' });
        expect(await store.count(collection)).toBe(1);
      });

      it('deletes a document, and deleting a missing one is a no-op', async () => {
        const collection = uniqueCollection('docs');
        await given(collection, [{ _id: 'a1' }, { _id: 'a2' }]);
        await store.delete(collection, 'a1');
        await store.delete(collection, 'never-there');
        expect(await store.get(collection, 'a1')).toBeNull();
        expect(await findIds(collection)).toEqual(['a2']);
      });

      it('keeps collections apart: the same id lives independently in two collections', async () => {
        const left = uniqueCollection('left');
        const right = uniqueCollection('right');
        await store.upsert(left, { _id: 'same', side: 'left' });
        await store.upsert(right, { _id: 'same', side: 'right' });
        expect(await store.get(left, 'same')).toEqual({ _id: 'same', side: 'left' });
        expect(await store.get(right, 'same')).toEqual({ _id: 'same', side: 'right' });
      });

      it('clear drops every document of that collection and of no other', async () => {
        const cleared = uniqueCollection('cleared');
        const kept = uniqueCollection('kept');
        await given(cleared, [{ _id: 'a' }, { _id: 'b' }]);
        await given(kept, [{ _id: 'c' }]);
        await store.clear(cleared);
        expect(await store.count(cleared)).toBe(0);
        expect(await store.count(kept)).toBe(1);
        await store.clear(uniqueCollection('never-written'));
      });
    });

    describe('find', () => {
      const people: Document[] = [
        { _id: 'p1', name: 'Ann', age: 31, team: 'red', address: { city: 'Oslo' } },
        { _id: 'p2', name: 'Bob', age: 25, team: 'blue', address: { city: 'Rome' } },
        { _id: 'p3', name: 'Cid', age: 40, team: 'red', address: { city: 'Rome' } },
        { _id: 'p4', name: 'Dee', age: 25.5, team: 'green' },
      ];
      let collection: string;
      beforeEach(async () => {
        collection = uniqueCollection('people');
        await given(collection, people);
      });
      const sorted = (filter: Filter) => findIds(collection, filter, { sort: { _id: 1 } });

      it('returns every document for an empty or absent filter', async () => {
        expect((await findIds(collection)).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
        expect((await findIds(collection, {})).sort()).toEqual(['p1', 'p2', 'p3', 'p4']);
      });

      it('returns nothing from a collection never written to', async () => {
        expect(await store.find(uniqueCollection('empty'))).toEqual([]);
        expect(await store.count(uniqueCollection('empty'))).toBe(0);
      });

      it('matches a scalar value by equality', async () => {
        expect(await sorted({ team: 'red' })).toEqual(['p1', 'p3']);
        expect(await sorted({ age: 25 })).toEqual(['p2']);
        expect(await sorted({ _id: 'p4' })).toEqual(['p4']);
      });

      it('supports each operator: $eq $ne $lt $lte $gt $gte $in', async () => {
        expect(await sorted({ team: { $eq: 'blue' } })).toEqual(['p2']);
        expect(await sorted({ team: { $ne: 'red' } })).toEqual(['p2', 'p4']);
        expect(await sorted({ age: { $lt: 31 } })).toEqual(['p2', 'p4']);
        expect(await sorted({ age: { $lte: 31 } })).toEqual(['p1', 'p2', 'p4']);
        expect(await sorted({ age: { $gt: 25.5 } })).toEqual(['p1', 'p3']);
        expect(await sorted({ age: { $gte: 25.5 } })).toEqual(['p1', 'p3', 'p4']);
        expect(await sorted({ team: { $in: ['green', 'blue', 'purple'] } })).toEqual(['p2', 'p4']);
      });

      it('matches nothing for an empty $in list', async () => {
        expect(await sorted({ team: { $in: [] } })).toEqual([]);
      });

      it('compares strings in code point order', async () => {
        expect(await sorted({ name: { $gte: 'B', $lt: 'D' } })).toEqual(['p2', 'p3']);
      });

      it('reaches into nested objects with dot paths', async () => {
        expect(await sorted({ 'address.city': 'Rome' })).toEqual(['p2', 'p3']);
        expect(await sorted({ 'address.city': { $ne: 'Rome' } })).toEqual(['p1', 'p4']);
      });

      it('requires every condition: several fields, and several operators on one field', async () => {
        expect(await sorted({ team: 'red', age: { $gt: 35 } })).toEqual(['p3']);
        expect(await sorted({ age: { $gt: 25, $lt: 40 } })).toEqual(['p1', 'p4']);
        expect(await sorted({ age: { $gte: 25, $lte: 25 }, team: { $in: ['blue'] } })).toEqual(['p2']);
      });

      it('sorts ascending and descending', async () => {
        expect(await findIds(collection, {}, { sort: { age: 1 } })).toEqual(['p2', 'p4', 'p1', 'p3']);
        expect(await findIds(collection, {}, { sort: { name: -1 } })).toEqual(['p4', 'p3', 'p2', 'p1']);
      });

      it('sorts by several keys in order', async () => {
        expect(await findIds(collection, {}, { sort: { team: 1, age: -1 } })).toEqual(['p2', 'p4', 'p3', 'p1']);
        expect(await findIds(collection, {}, { sort: { 'address.city': -1, name: 1 } })).toEqual(['p2', 'p3', 'p1', 'p4']);
      });

      it('skips and limits after sorting', async () => {
        expect(await findIds(collection, {}, { sort: { age: 1 }, skip: 1, limit: 2 })).toEqual(['p4', 'p1']);
        expect(await findIds(collection, {}, { sort: { age: 1 }, skip: 3 })).toEqual(['p3']);
        expect(await findIds(collection, {}, { sort: { age: 1 }, limit: 1 })).toEqual(['p2']);
        expect(await findIds(collection, {}, { sort: { age: 1 }, skip: 10 })).toEqual([]);
      });

      it('returns no documents for limit 0', async () => {
        expect(await findIds(collection, {}, { limit: 0 })).toEqual([]);
      });

      it('counts the documents matching a filter', async () => {
        expect(await store.count(collection)).toBe(4);
        expect(await store.count(collection, { team: 'red' })).toBe(2);
        expect(await store.count(collection, { age: { $lt: 0 } })).toBe(0);
      });
    });

    describe('types, null and missing fields (MongoDB semantics)', () => {
      let collection: string;
      beforeEach(async () => {
        collection = uniqueCollection('typed');
        await given(collection, [
          { _id: 'num', v: 1 },
          { _id: 'str', v: '1' },
          { _id: 'bool', v: true },
          { _id: 'null', v: null },
          { _id: 'missing' },
          { _id: 'big', v: 10 },
          { _id: 'word', v: 'b' },
        ]);
      });
      const sorted = (filter: Filter) => findIds(collection, filter, { sort: { _id: 1 } });

      it('equality with null matches null and missing fields', async () => {
        expect(await sorted({ v: null })).toEqual(['missing', 'null']);
        expect(await sorted({ v: { $eq: null } })).toEqual(['missing', 'null']);
        expect(await sorted({ v: { $in: [null] } })).toEqual(['missing', 'null']);
      });

      it('$ne null matches fields that are present and not null', async () => {
        expect(await sorted({ v: { $ne: null } })).toEqual(['big', 'bool', 'num', 'str', 'word']);
      });

      it('$ne matches documents without the field', async () => {
        expect(await sorted({ v: { $ne: 1 } })).toEqual(['big', 'bool', 'missing', 'null', 'str', 'word']);
      });

      it('does not treat numbers and strings, or booleans and numbers, as equal', async () => {
        expect(await sorted({ v: 1 })).toEqual(['num']);
        expect(await sorted({ v: '1' })).toEqual(['str']);
        expect(await sorted({ v: true })).toEqual(['bool']);
        expect(await sorted({ v: { $in: [1, 'b'] } })).toEqual(['num', 'word']);
      });

      it('compares ranges only against values of the same type', async () => {
        expect(await sorted({ v: { $gt: 0 } })).toEqual(['big', 'num']);
        expect(await sorted({ v: { $gte: 'a' } })).toEqual(['word']);
        expect(await sorted({ v: { $lt: 'z' } })).toEqual(['str', 'word']);
        expect(await sorted({ v: { $gt: false } })).toEqual(['bool']);
      });

      it('sorts null and missing first, then numbers, then strings, then booleans', async () => {
        expect(await findIds(collection, {}, { sort: { v: 1 } })).toEqual(['missing', 'null', 'num', 'big', 'str', 'word', 'bool']);
        expect(await findIds(collection, {}, { sort: { v: -1 } })).toEqual(['bool', 'word', 'str', 'big', 'num', 'missing', 'null']);
      });
    });

    describe('insertIfAbsent', () => {
      it('inserts when the id is new and reports true', async () => {
        const collection = uniqueCollection('keys');
        expect(await store.insertIfAbsent(collection, { _id: 'k1', by: 'first' })).toBe(true);
        expect(await store.get(collection, 'k1')).toEqual({ _id: 'k1', by: 'first' });
      });

      it('lets the first writer win: a second insert reports false and changes nothing', async () => {
        const collection = uniqueCollection('keys');
        await store.insertIfAbsent(collection, { _id: 'k1', by: 'first' });
        expect(await store.insertIfAbsent(collection, { _id: 'k1', by: 'second' })).toBe(false);
        expect(await store.get(collection, 'k1')).toEqual({ _id: 'k1', by: 'first' });
      });

      it('reports true to exactly one of several concurrent writers', async () => {
        const collection = uniqueCollection('keys');
        const writers = ['a', 'b', 'c', 'd'].map((by) => store.insertIfAbsent(collection, { _id: 'k1', by }));
        const results = await Promise.all(writers);
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = ['a', 'b', 'c', 'd'][results.indexOf(true)];
        expect(await store.get(collection, 'k1')).toEqual({ _id: 'k1', by: winner });
      });
    });

    describe('leases', () => {
      const lease = () => uniqueCollection('lease');

      it('given a free lease, when a holder takes it, then it holds it and another holder cannot take it before it expires', async () => {
        const name = lease();
        expect(await store.tryAcquireLease(name, 'a', 1_000, 500)).toBe(true);
        expect(await store.tryAcquireLease(name, 'b', 1_499, 500)).toBe(false);
      });

      it('given a held lease, when its holder renews it, then it lasts ttl from the renewal', async () => {
        const name = lease();
        await store.tryAcquireLease(name, 'a', 1_000, 500);
        expect(await store.tryAcquireLease(name, 'a', 1_400, 500)).toBe(true);
        expect(await store.tryAcquireLease(name, 'b', 1_600, 500)).toBe(false);
        expect(await store.tryAcquireLease(name, 'b', 1_900, 500)).toBe(true);
      });

      it('given a holder that died (stopped renewing), when the lease expires, then another holder takes it over and the old one cannot renew', async () => {
        const name = lease();
        await store.tryAcquireLease(name, 'a', 1_000, 500);
        expect(await store.tryAcquireLease(name, 'b', 1_500, 500)).toBe(true);
        expect(await store.tryAcquireLease(name, 'a', 1_600, 500)).toBe(false);
      });

      it('given a released lease, when another holder asks, then it takes it at once; a release by a non-holder changes nothing', async () => {
        const name = lease();
        await store.tryAcquireLease(name, 'a', 1_000, 500);
        await store.releaseLease(name, 'b');
        expect(await store.tryAcquireLease(name, 'b', 1_100, 500)).toBe(false);
        await store.releaseLease(name, 'a');
        expect(await store.tryAcquireLease(name, 'b', 1_100, 500)).toBe(true);
      });

      it('given many holders racing for one lease, then exactly one gets it', async () => {
        const name = lease();
        const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.tryAcquireLease(name, `h${i}`, 1_000, 500)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('keeps the lease when the store is reopened', async () => {
        const name = lease();
        await store.tryAcquireLease(name, 'a', 1_000, 500);
        await store.close();
        store = await fixture.reopen();
        expect(await store.tryAcquireLease(name, 'b', 1_100, 500)).toBe(false);
      });
    });

    describe('apply and checkpoints', () => {
      it('has no checkpoint for a projection that never ran', async () => {
        expect(await store.getCheckpoint(uniqueCollection('projection'))).toBeUndefined();
      });

      it('writes upserts and deletes across collections and moves the checkpoint', async () => {
        const scores = uniqueCollection('scores');
        const totals = uniqueCollection('totals');
        const projection = uniqueCollection('projection');
        await given(scores, [{ _id: 'old', points: 1 }, { _id: 's1', points: 2 }]);
        await store.apply({
          upserts: [
            { collection: scores, doc: { _id: 's1', points: 5 } },
            { collection: scores, doc: { _id: 's2', points: 7 } },
            { collection: totals, doc: { _id: 't', sum: 12 } },
          ],
          deletes: [{ collection: scores, id: 'old' }],
          checkpoint: { name: projection, position: 42 },
        });
        expect(await findIds(scores, {}, { sort: { _id: 1 } })).toEqual(['s1', 's2']);
        expect(await store.get(scores, 's1')).toEqual({ _id: 's1', points: 5 });
        expect(await store.get(totals, 't')).toEqual({ _id: 't', sum: 12 });
        expect(await store.getCheckpoint(projection)).toBe(42);
      });

      it('applies upserts before deletes, so a document upserted and deleted in one change set is gone', async () => {
        const collection = uniqueCollection('scores');
        await store.apply({
          upserts: [{ collection, doc: { _id: 'brief' } }],
          deletes: [{ collection, id: 'brief' }],
        });
        expect(await store.get(collection, 'brief')).toBeNull();
      });

      it('moves only the checkpoint when there are no document changes, and leaves it alone without one', async () => {
        const projection = uniqueCollection('projection');
        await store.apply({ upserts: [], deletes: [], checkpoint: { name: projection, position: 1 } });
        await store.apply({ upserts: [], deletes: [], checkpoint: { name: projection, position: 9 } });
        await store.apply({ upserts: [], deletes: [] });
        expect(await store.getCheckpoint(projection)).toBe(9);
      });

      it('moves several checkpoints in one change set, with the documents of each', async () => {
        const scores = uniqueCollection('scores');
        const first = uniqueCollection('projection');
        const second = uniqueCollection('projection');
        await store.apply({
          upserts: [{ collection: scores, doc: { _id: 's', points: 3 } }],
          deletes: [],
          checkpoint: { name: first, position: 7 },
          checkpoints: [{ name: second, position: 11 }],
        });
        expect(await store.getCheckpoint(first)).toBe(7);
        expect(await store.getCheckpoint(second)).toBe(11);
        expect(await store.get(scores, 's')).toEqual({ _id: 's', points: 3 });
      });

      it('keeps checkpoints per projection name, and reset removes only the named one', async () => {
        const first = uniqueCollection('projection');
        const second = uniqueCollection('projection');
        await store.apply({ upserts: [], deletes: [], checkpoint: { name: first, position: 3 } });
        await store.apply({ upserts: [], deletes: [], checkpoint: { name: second, position: 5 } });
        await store.resetCheckpoint(first);
        await store.resetCheckpoint(uniqueCollection('never-ran'));
        expect(await store.getCheckpoint(first)).toBeUndefined();
        expect(await store.getCheckpoint(second)).toBe(5);
      });
    });

    describe('rejecting filters outside the subset (operator injection)', () => {
      let collection: string;
      beforeEach(async () => {
        collection = uniqueCollection('guarded');
        await given(collection, [{ _id: 'a', v: 1 }]);
      });

      const rejected: [string, unknown, FindOptions?][] = [
        ['$where at the top level', { $where: 'this.v == 1' }],
        ['$ne used as a field name', { $ne: 1 }],
        ['$or / $expr at the top level', { $or: [{ v: 1 }] }],
        ['a $-prefixed segment in a dot path', { 'a.$b': 1 }],
        ['a __proto__ field parsed from JSON', JSON.parse('{"__proto__": {"polluted": true}}')],
        ['a __proto__ segment', { 'a.__proto__.b': 1 }],
        ['a constructor segment', { 'constructor.name': 'Object' }],
        ['a prototype segment', { 'x.prototype': 1 }],
        ['an object value (read by MongoDB as more operators)', { v: { nested: 1 } }],
        ['an empty operator object', { v: {} }],
        ['an array value', { v: [1, 2] }],
        ['$where nested as an operator', { v: { $where: 'true' } }],
        ['$regex', { v: { $regex: '.*' } }],
        ['$exists', { v: { $exists: false } }],
        ['a RegExp value', { v: /.*/ }],
        ['an object inside $in', { v: { $in: [{ $gt: 0 }] } }],
        ['$in without a list', { v: { $in: 1 } }],
        ['an object operand', { v: { $gt: { $gt: 0 } } }],
        ['a non-finite number', { v: Number.NaN }],
        ['a sort on a $-prefixed field', {}, { sort: { $natural: 1 } as never }],
        ['a sort on a __proto__ field', {}, { sort: JSON.parse('{"__proto__": 1}') }],
        ['a sort direction other than 1 or -1', {}, { sort: { v: 0 as never } }],
        ['a negative skip', {}, { skip: -1 }],
        ['a fractional limit', {}, { limit: 1.5 }],
      ];

      // Rows become objects: a test function with more parameters than a row has would be
      // handed jest's `done` callback.
      const cases = rejected.map(([what, filter, options]) => ({ what, filter, options }));
      it.each(cases)('rejects $what with InvalidFilterError', async ({ filter, options }) => {
        const attempt = store.find(collection, filter as Filter, options);
        await expect(attempt).rejects.toBeInstanceOf(InvalidFilterError);
        await expect(attempt).rejects.toMatchObject({ code: 'invalid_filter' });
      });

      it('names the offending field and the rule in the error', async () => {
        await expect(store.find(collection, { $where: 'true' } as never)).rejects.toThrow(/\$where.*must not start with "\$"/);
        await expect(store.find(collection, { v: { $regex: 'x' } } as never)).rejects.toThrow(/"v".*"\$regex" is not allowed/);
      });

      it('guards count as well as find', async () => {
        await expect(store.count(collection, { $where: 'true' } as never)).rejects.toBeInstanceOf(InvalidFilterError);
        await expect(store.count(collection, { v: { $gt: { $gt: 0 } } } as never)).rejects.toBeInstanceOf(InvalidFilterError);
      });
    });

    describe('indexes', () => {
      it('ensureIndex is idempotent and queries keep working', async () => {
        const collection = uniqueCollection('indexed');
        await given(collection, [{ _id: 'a', team: 'red', meta: { rank: 2 } }, { _id: 'b', team: 'blue', meta: { rank: 1 } }]);
        await store.ensureIndex(collection, { fields: ['team', 'meta.rank'] });
        await store.ensureIndex(collection, { fields: ['team', 'meta.rank'] });
        await store.ensureIndex(collection, { fields: ['meta.rank'] });
        expect(await findIds(collection, { team: 'red', 'meta.rank': { $gte: 2 } })).toEqual(['a']);
        expect(await findIds(collection, {}, { sort: { 'meta.rank': 1 } })).toEqual(['b', 'a']);
      });

      it('refuses an index that types a field it does not hold, or with a type it does not know, naming the field', async () => {
        const collection = uniqueCollection('badly-typed');
        await expect(store.ensureIndex(collection, { fields: ['a'], types: { b: 'string' } })).rejects.toThrow(/types "b", which is not one of its fields/);
        await expect(store.ensureIndex(collection, { fields: ['a'], types: { a: 'date' as 'string' } })).rejects.toThrow(/types "a" as "date": use string, number or boolean/);
        await expect(store.ensureIndex(collection, { fields: ['a'], types: { a: 'date' as 'string' } })).rejects.toBeInstanceOf(InvalidFilterError);
      });

      it('a unique index refuses a second document with the same value, and clear keeps the index', async () => {
        const collection = uniqueCollection('unique');
        await store.ensureIndex(collection, { fields: ['email'], unique: true });
        await store.ensureIndex(collection, { fields: ['email'], unique: true });
        await store.upsert(collection, { _id: 'u1', email: 'ann@example.org' });
        await store.upsert(collection, { _id: 'u1', email: 'ann@example.org', renamed: true });
        await expect(store.upsert(collection, { _id: 'u2', email: 'ann@example.org' })).rejects.toBeInstanceOf(DuplicateKeyError);
        await store.clear(collection);
        await store.upsert(collection, { _id: 'u3', email: 'cid@example.org' });
        await expect(store.upsert(collection, { _id: 'u4', email: 'cid@example.org' })).rejects.toBeInstanceOf(DuplicateKeyError);
      });
    });

    it('dropIndex drops the index ensureIndex made (a unique one stops refusing), is a no-op when there is none, and ensureIndex makes it again', async () => {
      const collection = uniqueCollection('dropped');
      const unique: IndexSpec = { fields: ['email'], unique: true };
      await store.dropIndex(collection, unique);
      await store.ensureIndex(collection, unique);
      await store.dropIndex(collection, unique);
      await store.dropIndex(collection, unique);
      await store.upsert(collection, { _id: 'u1', email: 'ann@example.org' });
      await store.upsert(collection, { _id: 'u2', email: 'ann@example.org' });
      await store.delete(collection, 'u2');
      await store.ensureIndex(collection, unique);
      await expect(store.upsert(collection, { _id: 'u3', email: 'ann@example.org' })).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    it('dropIndex refuses a collection name that is not one, naming the rule, and drops nothing', async () => {
      const collection = uniqueCollection('kept-index');
      const unique: IndexSpec = { fields: ['email'], unique: true };
      await store.ensureIndex(collection, unique);
      await expect(store.dropIndex(`${collection}" ; DROP TABLE x; --`, unique)).rejects.toThrow(/invalid read store collection name .*start with a letter/);
      await store.upsert(collection, { _id: 'u1', email: 'ann@example.org' });
      await expect(store.upsert(collection, { _id: 'u2', email: 'ann@example.org' })).rejects.toBeInstanceOf(DuplicateKeyError);
    });

    it('a typed field dropped from its index is still queried, sorted and kept through writes', async () => {
      const collection = uniqueCollection('dropped-typed');
      const index: IndexSpec = { fields: ['score'], types: { score: 'number' } };
      await store.ensureIndex(collection, index);
      await store.dropIndex(collection, index);
      await given(collection, [{ _id: 'a', score: 3 }, { _id: 'b', score: 1 }, { _id: 'c' }]);
      expect(await findIds(collection, { score: { $gte: 1 } }, { sort: { score: -1 } })).toEqual(['a', 'b']);
      await store.ensureIndex(collection, index);
      await store.upsert(collection, { _id: 'c', score: 2 });
      expect(await findIds(collection, { score: { $gte: 1 } }, { sort: { score: -1 } })).toEqual(['a', 'c', 'b']);
    });

    describe('typed indexes (fields whose type the projection promises)', () => {
      let collection: string;
      beforeEach(async () => {
        collection = uniqueCollection('typed-index');
        // some documents are stored before the index, as when an index is added to a built model
        await given(collection, [
          { _id: 'a', dueAt: '2026-03-02T00:00:00.000Z', score: 90, late: true, team: 'red' },
          { _id: 'b', dueAt: '2026-03-01T00:00:00.000Z', score: 95.5, late: false, team: 'blue' },
        ]);
        await store.ensureIndex(collection, { fields: ['dueAt', 'score'], types: { dueAt: 'string', score: 'number' } });
        await store.ensureIndex(collection, { fields: ['late'], types: { late: 'boolean' } });
        await given(collection, [
          { _id: 'c', dueAt: null, score: 80, late: false, team: 'red' },
          { _id: 'd', score: 100, team: 'blue' },
          { _id: 'e', dueAt: '2026-03-03T00:00:00.000Z', score: 90, late: true, team: 'red' },
        ]);
      });
      const sorted = (filter: Filter) => findIds(collection, filter, { sort: { _id: 1 } });

      it('filters on typed fields as on any field: ranges, equality, null and missing, $ne, $in', async () => {
        expect(await sorted({ dueAt: { $lt: '2026-03-03T00:00:00.000Z' } })).toEqual(['a', 'b']);
        expect(await sorted({ dueAt: null })).toEqual(['c', 'd']);
        expect(await sorted({ dueAt: { $ne: null } })).toEqual(['a', 'b', 'e']);
        expect(await sorted({ score: 90 })).toEqual(['a', 'e']);
        expect(await sorted({ score: { $gte: 95 } })).toEqual(['b', 'd']);
        expect(await sorted({ score: { $ne: 90 } })).toEqual(['b', 'c', 'd']);
        expect(await sorted({ late: true })).toEqual(['a', 'e']);
        expect(await sorted({ late: { $ne: true } })).toEqual(['b', 'c', 'd']);
        expect(await sorted({ score: { $in: [80, 100] }, team: 'red' })).toEqual(['c']);
        expect(await store.count(collection, { dueAt: { $gte: '2026-03-02T00:00:00.000Z' } })).toBe(2);
      });

      it('matches nothing for a value of another type than the one promised', async () => {
        expect(await sorted({ score: '90' })).toEqual([]);
        expect(await sorted({ late: 1 })).toEqual([]);
      });

      it('sorts typed fields with null and missing first, and keeps the order after updates', async () => {
        await store.upsert(collection, { _id: 'b', dueAt: '2026-03-04T00:00:00.000Z', score: 70, late: false, team: 'blue' });
        expect(await findIds(collection, {}, { sort: { dueAt: 1, _id: 1 } })).toEqual(['c', 'd', 'a', 'e', 'b']);
        expect(await findIds(collection, {}, { sort: { score: -1, _id: 1 } })).toEqual(['d', 'a', 'e', 'c', 'b']);
        expect(await findIds(collection, { late: false }, { sort: { dueAt: 1 }, limit: 1 })).toEqual(['c']);
      });

      it('returns only the fields asked for (and _id), leaving out null and missing ones, typed or not', async () => {
        expect(await store.find(collection, { team: 'red' }, { sort: { _id: 1 }, fields: ['score', 'late'] })).toEqual([
          { _id: 'a', score: 90, late: true },
          { _id: 'c', score: 80, late: false },
          { _id: 'e', score: 90, late: true },
        ]);
        expect(await store.find(collection, { _id: 'c' }, { fields: ['dueAt', 'team'] })).toEqual([{ _id: 'c', team: 'red' }]);
        await expect(store.find(collection, {}, { fields: ['meta.rank'] })).rejects.toBeInstanceOf(InvalidFilterError);
        await expect(store.find(collection, {}, { fields: [] })).rejects.toBeInstanceOf(InvalidFilterError);
      });

      it('keeps typed fields through apply, insertIfAbsent, delete and a reopen', async () => {
        await store.apply({ upserts: [{ collection, doc: { _id: 'f', dueAt: '2026-01-01T00:00:00.000Z', score: 1 } }], deletes: [{ collection, id: 'a' }] });
        await store.insertIfAbsent(collection, { _id: 'g', dueAt: '2026-01-02T00:00:00.000Z', score: 2 });
        await store.close();
        store = await fixture.reopen();
        await store.upsert(collection, { _id: 'h', dueAt: '2026-01-03T00:00:00.000Z', score: 3 });
        expect(await findIds(collection, { dueAt: { $lt: '2026-03-01T00:00:00.000Z' } }, { sort: { dueAt: 1 } })).toEqual(['f', 'g', 'h']);
      });
    });

    describe('durability', () => {
      it('keeps documents and checkpoints across a reopen', async () => {
        const collection = uniqueCollection('durable');
        const projection = uniqueCollection('projection');
        await store.apply({
          upserts: [{ collection, doc: { _id: 'd1', kept: true } }],
          deletes: [],
          checkpoint: { name: projection, position: 7 },
        });
        await store.close();
        const reopened = await fixture.reopen();
        try {
          expect(await reopened.get(collection, 'd1')).toEqual({ _id: 'd1', kept: true });
          expect(await reopened.getCheckpoint(projection)).toBe(7);
        } finally {
          await reopened.close();
        }
      });
    });
  });
}
