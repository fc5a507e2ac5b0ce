import { computeDeadline, computeShiftedDeadline, pausesFor, ticketDeadlines, ticketPolicyFor } from './service-level-policy';
import type { ServiceLevelSettings, Target, TicketServiceLevelPolicy } from './service-level-policy';
import type { WorkingCalendar } from './working-calendar';

/** Business hours 09:00-18:00 (540 working minutes a day), Monday to Friday, Shanghai. 2026-03-10 is a Tuesday. */
const calendar: WorkingCalendar = { timeZone: 'Asia/Shanghai', workingWeekdays: [1, 2, 3, 4, 5], holidays: [], makeUpWorkingDays: [], businessHours: { start: '09:00', end: '18:00' } };
const start = '2026-03-10T10:00:00+08:00';
const local = (iso: string) => new Date(iso).toISOString();
const target = (amount: number, unit: Target['unit'], counting: Target['counting']): Target => ({ amount, unit, counting });

describe('a deadline from a target', () => {
  it.each<[string, Target, string]>([
    ['90 minutes elapsed', target(90, 'minutes', 'elapsed'), '2026-03-10T11:30:00+08:00'],
    ['90 working minutes', target(90, 'minutes', 'workingTime'), '2026-03-10T11:30:00+08:00'],
    ['10 hours elapsed', target(10, 'hours', 'elapsed'), '2026-03-10T20:00:00+08:00'],
    ['10 working hours: 8 today, 2 tomorrow', target(10, 'hours', 'workingTime'), '2026-03-11T11:00:00+08:00'],
    ['2 days elapsed', target(2, 'days', 'elapsed'), '2026-03-12T10:00:00+08:00'],
    ['1 day of working time: 540 working minutes', target(1, 'days', 'workingTime'), '2026-03-11T10:00:00+08:00'],
    ['0.5 days of working time', target(0.5, 'days', 'workingTime'), '2026-03-10T14:30:00+08:00'],
    ['4 working days at the same time of day (Friday to Monday skips the weekend)', target(4, 'workingDays', 'elapsed'), '2026-03-16T10:00:00+08:00'],
    ['1 working day in working time', target(1, 'workingDays', 'workingTime'), '2026-03-11T10:00:00+08:00'],
    ['the same day in business hours (事不过夜)', target(1, 'sameDay', 'workingTime'), '2026-03-10T18:00:00+08:00'],
    ['the same day in 24-hour service', target(1, 'sameDay', 'elapsed'), '2026-03-11T00:00:00+08:00'],
  ])('is %s', (_what, t, due) => {
    expect(computeDeadline(start, t, calendar)).toBe(local(due));
  });
});

describe('the policy of a ticket', () => {
  const policy = (policyId: string, kind: string, priority?: string): TicketServiceLevelPolicy =>
    ({ policyId, kind, ...(priority ? { priority } : {}), onReassignment: 'keep', targets: { resolution: target(2, 'hours', 'elapsed') }, pausesWhileWaitingForCustomer: false }) as TicketServiceLevelPolicy;
  const settings = { ticketPolicies: [policy('repair', 'repair'), policy('repair-urgent', 'repair', 'urgent'), policy('cleaning', 'cleaning', 'urgent')] } as ServiceLevelSettings;

  it('is the one for its kind and priority, else the one for its kind alone, else none', () => {
    expect(ticketPolicyFor(settings, 'repair', 'urgent')?.policyId).toBe('repair-urgent');
    expect(ticketPolicyFor(settings, 'repair', 'normal')?.policyId).toBe('repair');
    expect(ticketPolicyFor(settings, 'cleaning', 'normal')).toBeUndefined();
    expect(ticketPolicyFor(settings, 'gardening', 'urgent')).toBeUndefined();
  });

  it('gives the deadlines of the milestones asked for that it has targets for', () => {
    const p = { ...policy('p', 'repair'), targets: { acknowledgement: target(10, 'minutes', 'elapsed'), resolution: target(2, 'hours', 'elapsed') } } as TicketServiceLevelPolicy;
    expect(ticketDeadlines(p, ['acknowledgement', 'arrival', 'resolution'], start, calendar)).toEqual({
      acknowledgement: { dueAt: local('2026-03-10T10:10:00+08:00') },
      resolution: { dueAt: local('2026-03-10T12:00:00+08:00') },
    });
    expect(ticketDeadlines(p, ['resolution'], start, calendar)).toEqual({ resolution: { dueAt: local('2026-03-10T12:00:00+08:00') } });
    expect(ticketDeadlines(undefined, ['resolution'], start, calendar)).toEqual({});
  });

  it('stops the clocks while waiting as it says: parts follow the customer unless it says otherwise, and no policy never', () => {
    const waitsForCustomer = { ...policy('p', 'repair'), pausesWhileWaitingForCustomer: true } as TicketServiceLevelPolicy;
    expect(pausesFor(waitsForCustomer, 'waiting-for-customer')).toBe(true);
    expect(pausesFor(waitsForCustomer, 'waiting-for-parts')).toBe(true);
    expect(pausesFor({ ...waitsForCustomer, pausesWhileWaitingForParts: false } as TicketServiceLevelPolicy, 'waiting-for-parts')).toBe(false);
    expect(pausesFor({ ...policy('p', 'repair'), pausesWhileWaitingForParts: true } as TicketServiceLevelPolicy, 'waiting-for-customer')).toBe(false);
    expect(pausesFor(undefined, 'waiting-for-customer')).toBe(false);
  });
});

describe('a deadline moved by a pause', () => {
  const dueAt = local('2026-03-10T15:00:00+08:00');

  it('moves a working-time deadline by the working minutes paused', () => {
    expect(computeShiftedDeadline(dueAt, local('2026-03-10T11:00:00+08:00'), local('2026-03-10T12:30:00+08:00'), 'workingTime', calendar)).toBe(local('2026-03-10T16:30:00+08:00'));
    // paused overnight from 17:00 to 10:00: 2 working hours
    expect(computeShiftedDeadline(dueAt, local('2026-03-10T17:00:00+08:00'), local('2026-03-11T10:00:00+08:00'), 'workingTime', calendar)).toBe(local('2026-03-10T17:00:00+08:00'));
  });

  it('leaves a working-time deadline where it was when the pause held no working time', () => {
    expect(computeShiftedDeadline(dueAt, local('2026-03-10T19:00:00+08:00'), local('2026-03-10T22:00:00+08:00'), 'workingTime', calendar)).toBe(dueAt);
  });

  it('moves an elapsed deadline by the time paused, to the millisecond', () => {
    expect(computeShiftedDeadline(dueAt, local('2026-03-10T19:00:00+08:00'), local('2026-03-10T22:00:00.500+08:00'), 'elapsed', calendar)).toBe(local('2026-03-10T18:00:00.500+08:00'));
  });
});
