import * as path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { checkpointsOf } from '../../src/shared/read-store/read-store.port';
import type { ChangeSet, ReadStore } from '../../src/shared/read-store/read-store.port';
import { SqliteReadStore } from '../../src/shared/read-store/sqlite/sqlite-read-store';
import { ProjectorService } from '../../src/shared/projector/projector.service';
import { makeTempDir, removeDir } from '../support/temp-dir';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';

/**
 * A read store whose writes for one read model hang until released: the projector keeps running
 * but that read model (and those flushed with it) stops advancing, as when a damaged page or a
 * lock holds it.
 */
function withStuckWrites(inner: ReadStore, stuck: (checkpoint: string) => boolean) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const store = new Proxy(inner, {
    get(target, key, receiver) {
      if (key === 'apply') {
        return async (changes: ChangeSet) => {
          // the projector writes every read model's batch in one change set: holding it holds them all
          if (checkpointsOf(changes).some((checkpoint) => stuck(checkpoint.name))) await held;
          return target.apply(changes);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, release };
}

describe('/health on a stuck or stopped projection', () => {
  const clock = new ManualClock(new Date('2026-03-31T04:00:00.000Z'));
  let dataDir: string;
  let release: () => void;
  let app: INestApplication;
  let http: Awaited<ReturnType<typeof operatorAgent>>;
  const check = async (name: string) => {
    const res = await request(app.getHttpServer()).get('/health');
    return { httpStatus: res.status, ...(res.body.checks as { name: string }[]).find((c) => c.name === name) };
  };

  beforeAll(async () => {
    dataDir = makeTempDir('stuck');
    const stuck = withStuckWrites(new SqliteReadStore({ file: path.join(dataDir, 'read-models.sqlite') }), (checkpoint) => checkpoint.startsWith('scores'));
    release = stuck.release;
    const started = await startTestApp(clock, dataDir, { HEALTH_MAX_PROJECTION_LAG: '3' }, stuck.store);
    app = started.app;
    http = await operatorAgent(app, started.tokenFor);
  });
  afterAll(async () => {
    release?.();
    await app?.close();
    removeDir(dataDir);
  });

  it('is degraded, naming the read model and how far behind it is, while it does not advance; ok once it catches up', async () => {
    for (let i = 1; i <= 5; i++) {
      await http.post('/employees').send({ employeeId: `E-${i}`, name: `E ${i}`, department: 'cs', position: 'property-steward' }).expect(201);
    }
    const stuck = await check('projection:scores');
    expect(stuck).toMatchObject({ httpStatus: 200, status: 'degraded', reason: expect.stringMatching(/projection scores is \d+ events behind the head \(bound 3\)/) });

    release();
    const head = (await request(app.getHttpServer()).get('/health')).body.headPosition as number;
    await app.get(ProjectorService).waitFor(head);
    expect(await check('projection:scores')).toMatchObject({ status: 'ok', details: expect.objectContaining({ lag: 0 }) });
  });

  it('is failing (503), naming the read model, when the projector that should run has stopped', async () => {
    release(); // not stuck here: this is about a projector that stopped
    await app.get(ProjectorService).projector.stop();
    expect(await check('projection:scores')).toMatchObject({ httpStatus: 503, status: 'failing', reason: expect.stringContaining('scores') });
    await app.get(ProjectorService).projector.start();
    expect(await check('projection:scores')).toMatchObject({ httpStatus: 200, status: 'ok' });
  });
});
