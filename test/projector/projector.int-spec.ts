import { Projector, rebuildProjection } from '../../src/shared/projector/projector';
import { createProjections } from '../../projections';
import { collectionOf, type Projection } from '../../src/shared/projector/projection';
import {
  complaintReceived,
  deductionApplied,
  deductionContested,
  employeeRegistered,
  hearingRecorded,
  ticketDispatched,
  ticketResolved,
} from '../../projections/testing/events';
import { openStores, quietLogger, snapshot, tallyProjection, type Stores } from './projector.fixture';

const timeZone = 'Asia/Shanghai';

describe('Projector (SQLite event store and read store)', () => {
  let stores: Stores;
  const projectors: Projector[] = [];
  const projector = (projections: Projection[], options: ConstructorParameters<typeof Projector>[3] = {}) => {
    const created = new Projector(stores.eventStore, stores.readStore, projections, { logger: quietLogger(), ...options });
    projectors.push(created);
    return created;
  };

  beforeEach(() => {
    stores = openStores();
  });

  afterEach(async () => {
    for (const created of projectors.splice(0)) await created.stop();
    await stores.cleanup();
  });

  /** A small employee history touching every read model. */
  async function givenHistory(): Promise<number> {
    const employee = ['employee:E-1'];
    await stores.append('employee-E-1', employeeRegistered(), employee);
    await stores.append('complaint-C-1', complaintReceived(), ['complaint:C-1', ...employee]);
    await stores.append('ticket-T-1', ticketDispatched({ assigneeId: 'E-1' }), ['ticket:T-1', ...employee]);
    await stores.append('ticket-T-2', ticketDispatched({ ticketId: 'T-2', assigneeId: 'E-1' }), ['ticket:T-2', ...employee]);
    await stores.append('ticket-T-1', ticketResolved({ assigneeId: 'E-1' }), ['ticket:T-1', ...employee]);
    await stores.append('deduction-D-1', deductionApplied({ points: 5 }), employee);
    await stores.append('deduction-D-2', deductionApplied({ deductionId: 'D-2', points: 3, occurredAt: '2026-02-27T02:00:00.000Z' }), employee);
    await stores.append('deduction-D-2', deductionContested({ deductionId: 'D-2', deductionOccurredAt: '2026-02-27T02:00:00.000Z' }), employee);
    await stores.append('deduction-D-1', deductionContested(), employee);
    return (await stores.append('deduction-D-1', hearingRecorded({ outcome: 'reduced', originalPoints: 5, pointsInForce: 1 }), employee)).position;
  }

  async function allReadModels(projections: Projection[]) {
    return Object.fromEntries(await Promise.all(projections.map(async (p) => [p.name, await snapshot(stores.readStore, collectionOf(p))] as const)));
  }

  it('projects an employee history into every read model', async () => {
    const head = await givenHistory();
    const projections = createProjections({ timeZone });
    const running = projector(projections);

    await running.start();
    await running.waitFor(head);

    const scores = collectionOf(projections.find((p) => p.name === 'scores')!);
    expect(await stores.readStore.get(scores, 'E-1:2026-03')).toMatchObject({ totalDeducted: 1, score: 99, deductions: [{ deductionId: 'D-1', status: 'reduced', points: 1 }] });
    expect(await stores.readStore.get(scores, 'E-1:2026-02')).toMatchObject({ score: 97, deductions: [{ deductionId: 'D-2', status: 'contested' }] });
    const models = await allReadModels(projections);
    const stillRunning = (doc: Record<string, unknown>) => doc.stoppedAt === '9999-12-31T23:59:59.999Z';
    expect(models['overdue']!.filter(stillRunning).map((doc) => doc._id)).toEqual(['ticket:T-2:resolution']);
    expect(models['overdue']!.map((doc) => doc._id)).toEqual(['ticket:T-1:resolution', 'ticket:T-2:resolution']);
    expect(models['audit-trail']).toHaveLength(10);
    expect(JSON.stringify(models['audit-trail'])).not.toContain('李先生');
    expect(running.positions()).toEqual({ employees: head, scores: head, overdue: head, 'audit-trail': head, 'period-scores': head, 'talk-obligations': head });
  });

  it('counts nothing twice when the same events are projected again from a checkpoint reset to 0', async () => {
    const head = await givenHistory();
    for (let i = 0; i < 20; i += 1) await stores.append(`deduction-X-${i}`, deductionApplied({ deductionId: `X-${i}`, points: 1 }), ['employee:E-1']);
    const projections = [...createProjections({ timeZone }), tallyProjection()];
    const first = projector(projections, { batchSize: 7 });
    await first.start();
    await first.waitFor(head + 20);
    await first.stop();
    const once = await allReadModels(projections);

    // As after a crash of a store whose apply is not atomic: documents written, checkpoints not.
    for (const p of projections) await stores.readStore.resetCheckpoint(collectionOf(p));
    const second = projector(projections, { batchSize: 3 });
    await second.start();
    await second.waitFor(head + 20);

    expect(await allReadModels(projections)).toEqual(once);
    expect(await stores.readStore.get('tally_v1', 'E-1')).toMatchObject({ events: 22, points: 28 });
  });

  it('resumes from its checkpoint after a stop', async () => {
    for (let i = 0; i < 3; i += 1) await stores.append(`deduction-D-${i}`, deductionApplied({ deductionId: `D-${i}`, points: 1 }));
    const evolved: number[] = [];
    const tally = tallyProjection((position) => evolved.push(position));
    const first = projector([tally]);
    await first.start();
    await first.waitFor(await stores.eventStore.headPosition());
    await first.stop();
    const checkpoint = await stores.readStore.getCheckpoint('tally_v1');

    const later: number[] = [];
    for (let i = 3; i < 5; i += 1) later.push((await stores.append(`deduction-D-${i}`, deductionApplied({ deductionId: `D-${i}`, points: 1 }))).position);
    const second = projector([tally]);
    await second.start();
    await second.waitFor(later[1]!);

    expect(checkpoint).toBe(evolved[2]);
    expect(evolved.slice(3)).toEqual(later);
    expect(await stores.readStore.get('tally_v1', 'E-1')).toMatchObject({ events: 5, points: 5 });
    expect(await stores.readStore.getCheckpoint('tally_v1')).toBe(later[1]);
  });

  it('makes live events visible, and waitFor resolves once they are', async () => {
    const projections = createProjections({ timeZone });
    const running = projector(projections);
    await running.start();
    await running.waitFor(0);

    const { position } = await stores.append('employee-E-7', employeeRegistered({ employeeId: 'E-7', name: '赵敏' }), ['employee:E-7']);
    const started = Date.now();
    await running.waitFor(position, 2000);

    expect(Date.now() - started).toBeLessThan(1000);
    expect(await stores.readStore.get('employees_v1', 'E-7')).toMatchObject({ name: '赵敏', _position: position });
    expect(running.position()).toBe(position);
  });

  it('waitFor resolves for a position the store has not reached, once everything stored is projected', async () => {
    const head = await givenHistory();
    const running = projector(createProjections({ timeZone }));
    await running.start();

    await expect(running.waitFor(head + 1000, 2000)).resolves.toBeUndefined();
  });

  it('waitFor rejects when the read models do not get there in time', async () => {
    const head = await givenHistory();
    const stopped = projector(createProjections({ timeZone }));

    await expect(stopped.waitFor(head, 50)).rejects.toMatchObject({ code: 'projection_timeout', position: head });
  });

  it('drops a resolved ticket from the overdue list while running', async () => {
    const running = projector(createProjections({ timeZone }));
    await running.start();
    const dispatched = await stores.append('ticket-T-1', ticketDispatched(), ['ticket:T-1', 'employee:E-2']);
    await running.waitFor(dispatched.position);
    const overdue = { dueAtMs: { $lt: Date.parse('2026-03-11T00:00:00.000Z') }, stoppedAtMs: { $gt: Date.parse('2026-03-11T00:00:00.000Z') } };
    expect(await stores.readStore.find('overdue_v4', overdue)).toHaveLength(1);

    const resolved = await stores.append('ticket-T-1', ticketResolved(), ['ticket:T-1', 'employee:E-2']);
    await running.waitFor(resolved.position);

    expect(await stores.readStore.find('overdue_v4', overdue)).toEqual([]);
  });

  it('rebuild reproduces the same documents', async () => {
    const head = await givenHistory();
    const projections = [...createProjections({ timeZone }), tallyProjection()];
    const running = projector(projections, { batchSize: 4 });
    await running.start();
    await running.waitFor(head);
    const before = await allReadModels(projections);

    await running.rebuild('scores');
    await running.rebuild('tally');
    await running.waitFor(head);

    expect(await allReadModels(projections)).toEqual(before);
    expect(running.running).toBe(true);
    const { position } = await stores.append('deduction-D-9', deductionApplied({ deductionId: 'D-9', points: 2 }), ['employee:E-1']);
    await running.waitFor(position);
    expect(await stores.readStore.get('tally_v1', 'E-1')).toMatchObject({ events: 3, points: 10 });
  });

  it('rebuildProjection (the CLI) replays to the head and gives the same documents', async () => {
    const head = await givenHistory();
    const projections = createProjections({ timeZone });
    const running = projector(projections);
    await running.start();
    await running.waitFor(head);
    await running.stop();
    const before = await allReadModels(projections);

    const counts: number[] = [];
    for (const p of projections) counts.push(await rebuildProjection(stores.eventStore, stores.readStore, p, { batchSize: 3 }));

    // each reads only the events of the types it handles
    const stored = await stores.eventStore.readAll();
    expect(counts).toEqual(projections.map((p) => stored.filter((event) => p.handles.includes(event.type)).length));
    expect(counts.some((count) => count < stored.length)).toBe(true);
    expect(await allReadModels(projections)).toEqual(before);
    expect(await stores.readStore.getCheckpoint('scores_v3')).toBe(head);
  });

  it('rebuildProjection writes without the secondary indexes, keeps the unique ones, and builds them again at the end', async () => {
    await givenHistory();
    const indexed: Projection = {
      ...tallyProjection(),
      indexes: [{ fields: ['points'], types: { points: 'number' } }, { fields: ['events'], unique: true }],
    };
    const sqliteIndexes = () => (stores.readStore as unknown as { db: { prepare(sql: string): { pluck(): { all(): string[] } } } }).db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'rs_${collectionOf(indexed)}' AND sql IS NOT NULL ORDER BY name`)
      .pluck()
      .all();
    const during: string[][] = [];

    await rebuildProjection(stores.eventStore, stores.readStore, indexed, { batchSize: 1, onProgress: () => during.push(sqliteIndexes()) });

    const unique = `ux_${collectionOf(indexed)}__events`;
    expect(during.length).toBeGreaterThan(0);
    for (const names of during) expect(names).toEqual([unique]);
    expect(sqliteIndexes()).toEqual([`ixt_${collectionOf(indexed)}__points`, unique]);
  });

  it('parks an event whose evolve throws (a poison event, not retried) and goes on with the next, in that projection and the others', async () => {
    const positions: number[] = [];
    for (let i = 0; i < 6; i += 1) positions.push((await stores.append(`deduction-D-${i}`, deductionApplied({ deductionId: `D-${i}`, points: 2 }))).position);
    let calls = 0;
    const poisoned = tallyProjection((position) => {
      if (position === positions[3]) {
        calls += 1;
        throw new Error('evolve failed');
      }
    });
    const running = projector([poisoned, { ...tallyProjection(), name: 'steady' }], { batchSize: 2, retryDelayMs: 10, logger: quietLogger() });

    await running.start();
    await running.waitFor(positions[5]!);

    expect(calls).toBe(1);
    expect(await stores.readStore.get('tally_v1', 'E-1')).toMatchObject({ events: 5, points: 10 });
    expect(await stores.readStore.get('steady_v1', 'E-1')).toMatchObject({ events: 6, points: 12 });
    expect(await stores.readStore.find('projection_parked_events', {})).toEqual([
      expect.objectContaining({ projection: 'tally', checkpoint: 'tally_v1', position: positions[3], error: 'evolve failed' }),
    ]);
    expect(running.states().find((state) => state.name === 'tally')?.parked).toEqual([positions[3]]);
  });

  it('retries a failed apply without counting anything twice', async () => {
    const positions: number[] = [];
    for (let i = 0; i < 5; i += 1) positions.push((await stores.append(`deduction-D-${i}`, deductionApplied({ deductionId: `D-${i}`, points: 1 }))).position);
    const apply = stores.readStore.apply.bind(stores.readStore);
    let failures = 0;
    jest.spyOn(stores.readStore, 'apply').mockImplementation(async (changes) => {
      if (failures < 2) {
        failures += 1;
        await apply({ ...changes, checkpoint: undefined }); // documents land, the checkpoint does not
        throw new Error('connection reset');
      }
      return apply(changes);
    });
    const running = projector([tallyProjection()], { batchSize: 2, retryDelayMs: 10 });

    await running.start();
    await running.waitFor(positions[4]!);

    expect(failures).toBe(2);
    expect(await stores.readStore.get('tally_v1', 'E-1')).toMatchObject({ events: 5, points: 5 });
  });
});
