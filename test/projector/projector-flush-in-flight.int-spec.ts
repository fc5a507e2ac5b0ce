import { Projector } from '../../src/shared/projector/projector';
import type { ChangeSet } from '../../src/shared/read-store/read-store.port';
import { deductionApplied } from '../../projections/testing/events';
import { openStores, quietLogger, snapshot, tallyProjection, type Stores } from './projector.fixture';

/**
 * While the read store writes a flush (on its writer thread, or over the network to MongoDB),
 * the projector goes on evolving the events after it into the next batch; a write that fails is
 * written again together with what came after it, and nothing is projected twice.
 */
describe('Projector: a flush being written does not hold the events up', () => {
  let stores: Stores;
  let running: Projector | undefined;

  beforeEach(() => {
    stores = openStores();
  });

  afterEach(async () => {
    await running?.stop();
    await stores.cleanup();
  });

  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 400 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
    if (!condition()) throw new Error('timed out');
  };

  const appendDeductions = async (from: number, to: number) => {
    let last = 0;
    for (let i = from; i <= to; i++) last = (await stores.append(`deduction-D-${i}`, deductionApplied({ deductionId: `D-${i}`, points: i }))).position;
    return last;
  };

  it('evolves the events appended while a flush is written, and writes them in the next flush', async () => {
    const evolved: number[] = [];
    const apply = stores.readStore.apply.bind(stores.readStore);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writes: ChangeSet[] = [];
    jest.spyOn(stores.readStore, 'apply').mockImplementation(async (changes) => {
      writes.push(changes);
      if (writes.length === 1) await held;
      return apply(changes);
    });
    running = new Projector(stores.eventStore, stores.readStore, [tallyProjection((position) => evolved.push(position))], { logger: quietLogger() });
    await running.start();

    await appendDeductions(1, 1);
    await until(() => writes.length === 1);
    const last = await appendDeductions(2, 5);
    await until(() => evolved.length === 5);

    expect(writes).toHaveLength(1);
    expect(running.position()).toBeLessThan(1);
    release();
    await running.waitFor(last);
    expect(writes.map((changes) => changes.checkpoints?.[0]?.position ?? changes.checkpoint?.position)).toEqual([1, last]);
    expect(await snapshot(stores.readStore, 'tally_v1')).toEqual([expect.objectContaining({ _id: 'E-1', events: 5, points: 15 })]);
  });

  it('writes a failed flush again with the events after it, each counted once', async () => {
    const apply = stores.readStore.apply.bind(stores.readStore);
    let calls = 0;
    jest.spyOn(stores.readStore, 'apply').mockImplementation(async (changes) => {
      calls += 1;
      if (calls === 1) throw new Error('disk unavailable');
      return apply(changes);
    });
    const logger = quietLogger();
    running = new Projector(stores.eventStore, stores.readStore, [tallyProjection()], { logger, retryDelayMs: 10 });
    await running.start();

    await appendDeductions(1, 2);
    await until(() => calls >= 1);
    const last = await appendDeductions(3, 4);
    await running.waitFor(last);

    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('flush failed, retrying'));
    expect(await snapshot(stores.readStore, 'tally_v1')).toEqual([expect.objectContaining({ _id: 'E-1', events: 4, points: 10 })]);
  });
});
