import Database from 'better-sqlite3';
import { join } from 'node:path';
import request from 'supertest';
import { defaultRulebook } from '../../src/rulebook/default-rulebook';
import { PERIOD_SUBJECTS_UPGRADE } from '../../src/periods/close-period/period-subjects.upgrade';
import { ownDataDir } from '../support/temp-dir';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';

/**
 * A close reads the period's facts and the staff through their subjects, not the whole log; a
 * store written before the streams listed those subjects is indexed at the first start, so its
 * close seals the same figures.
 */
describe('closing a period reads the period, on a store written before period subjects too', () => {
  const clock = new ManualClock(new Date('2026-03-22T04:00:00.000Z'));
  const own = ownDataDir('period-subjects');

  const start = async () => {
    const started = await startTestApp(clock, own.dir);
    own.app = started.app;
    return operatorAgent(started.app, started.tokenFor, ['stewards']);
  };
  const ok = async (call: request.Test, status = 201) => {
    const res = await call;
    expect({ status: res.status, body: res.body }).toMatchObject({ status });
    return res.body;
  };

  it('seals every registered employee with every fact of the period, after a restart over an old-style store', async () => {
    let http = await start();
    await ok(http.post('/rulebook/versions').send(defaultRulebook));
    for (const id of ['E-1', 'E-2']) await ok(http.post('/employees').send({ employeeId: id, name: id, department: 'stewards', position: 'property-steward' }));
    await ok(http.post('/periods').send({ period: '2026-03', openedAt: '2026-03-01T00:00:00+08:00' }));
    await ok(http.post('/deductions').send({ deductionId: 'M-1', employeeId: 'E-1', ruleCode: 'PS-10', occurredAt: '2026-03-20T10:00:00+08:00', reason: 'complaint not recorded' }));
    await ok(http.post('/deductions').send({ deductionId: 'M-2', employeeId: 'E-1', ruleCode: 'PS-01', occurredAt: '2026-03-21T10:00:00+08:00', reason: 'late report' }));
    await own.app!.close();
    own.app = undefined;

    // what a store written by the previous version holds: no period or staff subjects, no upgrade mark
    const events = new Database(join(own.dir, 'events.sqlite'));
    const stripped = events.prepare(`DELETE FROM event_subjects WHERE subject LIKE 'period:%' OR subject = 'staff:company'`).run().changes;
    events.close();
    expect(stripped).toBeGreaterThanOrEqual(4);
    const readModels = new Database(join(own.dir, 'read-models.sqlite'));
    readModels.prepare('DELETE FROM read_checkpoints WHERE name = ?').run(PERIOD_SUBJECTS_UPGRADE);
    readModels.close();

    http = await start();
    clock.set('2026-04-02T02:00:00.000Z');
    const closed = await ok(http.post('/periods/2026-03/close').send({ closedAt: '2026-04-02T09:00:00+08:00' }));
    const sealed = async (employeeId: string) =>
      (await ok(http.get(`/employees/${employeeId}/period-scores?period=2026-03&minPosition=${closed.position}`), 200)).periods[0].sealed;
    expect(await sealed('E-1')).toMatchObject({ normalised: 93 });
    expect(await sealed('E-2')).toMatchObject({ normalised: 100 });
  });
});
