import { Projector } from '../../src/shared/projector/projector';
import type { Projection } from '../../src/shared/projector/projection';
import { deductionApplied } from '../../projections/testing/events';
import { openStores, quietLogger, tallyProjection, type Stores, type TallyDocument } from './projector.fixture';

/**
 * Given a read model projected by version 1, when version 2 replaces it (a restart with the new
 * version), then queries keep reading version 1's complete collection while version 2 is rebuilt
 * beside it, and move to version 2 only once it has caught up: no answer shows a partial model.
 */
describe('a new projection version is rebuilt beside the served one', () => {
  let stores: Stores;
  const projectors: Projector[] = [];
  const projector = (projections: Projection[], batchSize: number) => {
    const created = new Projector(stores.eventStore, stores.readStore, projections, { logger: quietLogger(), batchSize });
    projectors.push(created);
    return created;
  };
  const EVENTS = 60;

  beforeEach(() => {
    stores = openStores();
  });
  afterEach(async () => {
    for (const created of projectors.splice(0)) await created.stop();
    await stores.cleanup();
  });

  it('serves the old version until the new one has caught up, and every answer in between is complete', async () => {
    let last = 0;
    for (let i = 0; i < EVENTS; i += 1) last = (await stores.append(`deduction-D-${i}`, deductionApplied({ deductionId: `D-${i}`, points: 1 }))).position;
    const v1 = projector([tallyProjection()], 500);
    await v1.start();
    await v1.waitFor(last);
    await v1.stop();
    const v1Complete = { events: EVENTS, points: EVENTS };

    // version 2 counts every point twice; small batches make its rebuild take many flushes
    const base = tallyProjection();
    const v2: Projection<TallyDocument> = {
      ...base,
      version: 2,
      evolve: (doc, event, id) => ({ _id: id, events: (doc?.events ?? 0) + 1, points: (doc?.points ?? 0) + 2 * (event.data as { points: number }).points }),
    };
    const v2Complete = { events: EVENTS, points: 2 * EVENTS };
    const rebuilding = projector([v2], 3);

    const seen: { collection: string; position: number; doc: TallyDocument | null }[] = [];
    let done = false;
    await rebuilding.start(); // loads which collection is served; the rebuild runs from here on
    const querying = (async () => {
      for (let i = 0; ; i += 1) {
        const finalRound = done;
        const [state] = rebuilding.states();
        const collection = rebuilding.servedCollection('tally');
        const doc = await stores.readStore.get<TallyDocument>(collection, 'E-1');
        seen.push({ collection, position: state!.servedPosition, doc });
        // mostly microtask turns (interleaving with the rebuild's batches), now and then a macrotask
        if (finalRound) break;
        if (i % 10 === 9) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await rebuilding.waitFor(last);
    done = true;
    await querying; // its last answer is read after the takeover

    expect(rebuilding.servedCollection('tally')).toBe('tally_v2');
    expect(seen.some((answer) => answer.collection === 'tally_v1')).toBe(true);
    expect(seen.some((answer) => answer.collection === 'tally_v2')).toBe(true);
    for (const answer of seen) {
      if (answer.collection === 'tally_v1') expect(answer.doc).toMatchObject(v1Complete);
      else expect(answer.doc).toMatchObject(v2Complete);
      // the position an answer reports is the one of the collection it read: the whole log here
      expect(answer.position).toBe(last);
    }
    // a v2 partial collection existed meanwhile, but no answer read it
    expect(await stores.readStore.get('tally_v2', 'E-1')).toMatchObject(v2Complete);
  });

  it('keeps serving the new version after a restart (the takeover is stored)', async () => {
    const { position } = await stores.append('deduction-D-1', deductionApplied({ points: 1 }));
    const first = projector([{ ...tallyProjection(), version: 3 }], 500);
    await first.start();
    await first.waitFor(position);
    await first.stop();
    const again = projector([{ ...tallyProjection(), version: 3 }], 500);
    await again.start();
    expect(again.servedCollection('tally')).toBe('tally_v3');
    expect(again.states()[0]!.servedPosition).toBe(position);
  });
});
