import type { INestApplication } from '@nestjs/common';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DeadlineWatcher } from '../../src/policies/deadline-watcher/deadline-watcher.service';
import { settle } from '../support/settle';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';
import type { Http } from '../service-levels/service-levels.fixture';
import { defineServiceLevels, goldenWeekCalendar, registerStaff } from '../service-levels/service-levels.fixture';

/**
 * A deadline moved by a make-up working day (调休), through the HTTP API. The calendar of the
 * National Day example declares Saturday 10 October 2026 a working day; repairs are due within
 * 2 working days of 09:00-18:00 (18 working hours). A repair dispatched at 17:00 on Friday
 * 9 October (Shanghai) has 1 hour that Friday, 9 on the make-up Saturday and 8 on Monday: due
 * 17:00 on Monday 12 October (09:00Z). Were the Saturday a day off it would be due 17:00 on
 * Tuesday 13 October, a whole working day later.
 */
const DUE_AT = '2026-10-12T09:00:00.000Z';
const IF_SATURDAY_WERE_OFF = '2026-10-13T09:00:00.000Z';
const justAfter = (iso: string) => new Date(Date.parse(iso) + 1).toISOString();

describe('a repair deadline across a make-up Saturday', () => {
  const clock = new ManualClock(new Date('2026-10-09T09:00:00.000Z'));
  let app: INestApplication;
  let dataDir: string;
  let http: Http;
  const overdue = async (asOf: string) => (await http.get(`/overdue?clock=resolution&asOf=${encodeURIComponent(asOf)}`).expect(200)).body;
  const tick = async () => {
    const recorded = await app.get(DeadlineWatcher).tick();
    await settle(app);
    return recorded;
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-make-up-day-'));
    let tokenFor;
    ({ app, tokenFor } = await startTestApp(clock, dataDir));
    http = await operatorAgent(app, tokenFor);
    expect(goldenWeekCalendar.makeUpWorkingDays).toContain('2026-10-10');
    await defineServiceLevels(http);
    await registerStaff(http, [{ employeeId: 'E-1' }]);
    await http
      .post('/tickets')
      .send({ ticketId: 'T-1', kind: 'repair', assigneeId: 'E-1', description: 'Leaking valve', dispatchedAt: '2026-10-09T17:00:00+08:00' })
      .expect(201);
    await settle(app);
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the ticket overdue from 17:00 on Monday, counting the Saturday worked', async () => {
    expect((await overdue(DUE_AT)).items).toEqual([]);

    const late = await overdue(justAfter(DUE_AT));
    expect(late.items).toEqual([expect.objectContaining({ ticketId: 'T-1', clock: 'resolution', assigneeId: 'E-1', dueAt: DUE_AT })]);
    expect((await overdue('2026-10-12T10:00:00.000Z')).items).toEqual([expect.objectContaining({ ticketId: 'T-1', overdueMinutes: 60 })]);
  });

  it('records the breach just after 17:00 on Monday, not a working day later, and it costs the assignee', async () => {
    clock.set(DUE_AT);
    expect(await tick()).toBe(0);

    clock.set(justAfter(DUE_AT));
    expect(await tick()).toBe(1);

    const board = await overdue(IF_SATURDAY_WERE_OFF);
    expect(board.items).toEqual([expect.objectContaining({ ticketId: 'T-1', dueAt: DUE_AT, breached: true })]);
    const scores = (await http.get('/employees/E-1/scores?from=2026-10&to=2026-10').expect(200)).body.months[0];
    expect(Object.values(scores.deductions)).toEqual([expect.objectContaining({ ruleCode: 'PSI-OVERNIGHT', points: 3, occurredAt: DUE_AT })]);
  });
});
