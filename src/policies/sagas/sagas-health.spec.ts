import type { ParkedConsequences } from '../../parked-consequences/ports/parked-consequences.port';
import type { EventStore } from '../../shared/event-store/event-store.port';
import { sagasHealthCheck } from './sagas-health';

const storeAt = (head: number) => ({ headPosition: async () => head }) as unknown as EventStore;
const parkedCount = (n: number) => ({ countParked: async () => n }) as unknown as ParkedConsequences;
const runner = (running: boolean, position: number, shouldRun = true) => ({ shouldRun, status: { running, position } });

describe('the sagas health check', () => {
  it('is ok when running, caught up and nothing is parked', async () => {
    expect(await sagasHealthCheck(runner(true, 10), storeAt(10), parkedCount(0), 100).check()).toEqual({
      name: 'sagas', status: 'ok', details: { position: 10, headPosition: 10, lag: 0, parked: 0, running: true, standby: false },
    });
  });

  it('is degraded with the number while consequences are parked', async () => {
    const result = await sagasHealthCheck(runner(true, 10), storeAt(10), parkedCount(3), 100).check();
    expect(result).toMatchObject({ status: 'degraded', reason: '3 consequences parked; see GET /parked-consequences', details: { parked: 3 } });
  });

  it('is degraded when the runner is further behind the head than the bound', async () => {
    const result = await sagasHealthCheck(runner(true, 10), storeAt(111), parkedCount(0), 100).check();
    expect(result).toMatchObject({ status: 'degraded', details: { lag: 101 } });
    expect(result.reason).toContain('101 events behind');
    expect((await sagasHealthCheck(runner(true, 11), storeAt(111), parkedCount(0), 100).check()).status).toBe('ok');
  });

  it('is failing when the runner should run and does not; ok when it is meant to be off', async () => {
    expect((await sagasHealthCheck(runner(false, 0), storeAt(5), parkedCount(0), 100).check()).status).toBe('failing');
    expect((await sagasHealthCheck(runner(false, 0, false), storeAt(5000), parkedCount(0), 100).check()).status).toBe('ok');
    const standby = { shouldRun: true, status: { running: false, standby: true, position: 0 } };
    expect((await sagasHealthCheck(standby, storeAt(5000), parkedCount(0), 100).check()).status).toBe('ok');
  });
});
