import type { INestApplication } from '@nestjs/common';
import { EVENT_STORE } from '../../src/shared/event-store/event-store.port';
import type { EventStore } from '../../src/shared/event-store/event-store.port';
import { ManualClock, operatorAgent, startTestApp } from '../support/test-app';
import type { Http } from '../service-levels/service-levels.fixture';
import { registerStaff, twoWorkingDaysForRepairs } from '../service-levels/service-levels.fixture';

/**
 * China's public holidays from a maintained source (the chinese-days package), imported as a
 * calendar version: the repair example (17:50 on Wednesday 30 September 2026, two working
 * days) falls due at 17:50 on Friday 9 October with the imported 2026 calendar, and a later change
 * of the calendar never moves a deadline already stored.
 */
describe("a year's public holidays imported from the published source", () => {
  const clock = new ManualClock(new Date('2026-09-30T10:00:00.000Z'));
  let app: INestApplication;
  let http: Http;
  const dispatchedData = async (ticketId: string) => (await app.get<EventStore>(EVENT_STORE).readStream(`ticket-${ticketId}`)).find((e) => e.type === 'TicketDispatched')!.data;
  const dispatch = (ticketId: string) =>
    http.post('/tickets').send({ ticketId, kind: 'repair', assigneeId: 'E-1', description: 'Leaking valve', dispatchedAt: '2026-09-30T17:50:00+08:00' }).expect(201);

  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof startTestApp>>['tokenFor'];
    ({ app, tokenFor } = await startTestApp(clock));
    http = await operatorAgent(app, tokenFor);
    await http.put('/service-levels').send(twoWorkingDaysForRepairs).expect(200);
    await registerStaff(http, [{ employeeId: 'E-1' }]);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('puts the holidays and make-up working days the source publishes for 2026 into the calendar in force', async () => {
    const imported = (await http.post('/working-calendar/public-holidays').send({ year: 2026 }).expect(201)).body;
    expect(imported).toMatchObject({ source: expect.stringMatching(/^chinese-days@\d+\.\d+\.\d+$/), holidays: expect.any(Number), makeUpWorkingDays: expect.any(Number) });
    const { calendar } = (await http.get('/service-levels').expect(200)).body;
    expect(calendar.holidays).toEqual(expect.arrayContaining(['2026-01-01', '2026-02-17', '2026-05-01', '2026-10-01', '2026-10-07']));
    expect(calendar.makeUpWorkingDays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(calendar.holidays).not.toContain('2026-10-08');
    expect((await http.post('/working-calendar/public-holidays').send({ year: 2026 }).expect(201)).body.appended).toBe(0);
  });

  it('gives the repair dispatched at 17:50 on Wednesday 30 September two working days: due 17:50 on Friday 9 October', async () => {
    await dispatch('T-1');
    expect(await dispatchedData('T-1')).toMatchObject({ resolveBy: '2026-10-09T09:50:00.000Z' });
  });

  it('keeps the deadline already stored when the calendar changes later; a ticket dispatched after the change gets the new one', async () => {
    const { calendar } = (await http.get('/service-levels').expect(200)).body;
    await http.put('/working-calendar').send({ ...calendar, holidays: [...calendar.holidays, '2026-10-08'] }).expect(200);
    await dispatch('T-2');
    expect(await dispatchedData('T-1')).toMatchObject({ resolveBy: '2026-10-09T09:50:00.000Z' });
    expect(await dispatchedData('T-2')).toMatchObject({ resolveBy: '2026-10-10T09:50:00.000Z' });
  });

  it('refuses a year the source does not publish, naming the field', async () => {
    const refused = (await http.post('/working-calendar/public-holidays').send({ year: 2099 }).expect(422)).body;
    expect(refused).toMatchObject({ code: 'public_holidays_not_published', path: 'year' });
    expect((await http.post('/working-calendar/public-holidays').send({ year: 'this one' }).expect(400)).body.fields).toEqual([expect.objectContaining({ field: 'year' })]);
  });
});
