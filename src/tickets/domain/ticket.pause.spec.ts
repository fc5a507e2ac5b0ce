import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { TicketServiceLevelPolicy } from '../../service-levels/domain/service-level-policy';
import type { WorkingCalendar } from '../../service-levels/domain/working-calendar';
import { ticketDecider } from './ticket.decider';
import type { TicketEvent } from './ticket.events';
import { evolveTicket, initialTicketState } from './ticket.state';
import type { KnownTicket } from './ticket.state';
import { refuseTicket } from './ticket.errors';

/**
 * A repair resolved within 2 working days of 09:00-18:00 Shanghai time (18 working hours),
 * dispatched on Monday 9 March 2026 at 10:00 (02:00Z): due Wednesday 11 March at 10:00 (02:00Z).
 */
const spec = deciderSpecification(ticketDecider, refuseTicket);
const calendar: WorkingCalendar = {
  timeZone: 'Asia/Shanghai',
  workingWeekdays: [1, 2, 3, 4, 5],
  holidays: [],
  makeUpWorkingDays: [],
  businessHours: { start: '09:00', end: '18:00' },
};
const policy: TicketServiceLevelPolicy = {
  policyId: 'repair',
  kind: 'repair',
  targets: { resolution: { amount: 2, unit: 'workingDays', counting: 'workingTime' } },
  pausesWhileWaitingForCustomer: true,
  onReassignment: 'keep',
};
const dispatched: TicketEvent = {
  type: 'TicketDispatched',
  data: {
    ticketId: 'T-1',
    kind: 'repair',
    assigneeId: 'E-7',
    department: 'repairs',
    description: 'water leak',
    dispatchedAt: '2026-03-09T02:00:00.000Z',
    resolveBy: '2026-03-11T02:00:00.000Z',
    priority: 'normal',
    policyId: 'repair',
    deadlines: { resolution: { dueAt: '2026-03-11T02:00:00.000Z' } },
  },
};
const now = '2026-03-20T00:00:00.000Z';
const pause = (pausedAt: string, reason: 'waiting-for-customer' | 'waiting-for-parts' = 'waiting-for-customer') => ({
  type: 'PauseTicket' as const,
  data: { ticketId: 'T-1', reason, pausedAt },
  now,
});
const resume = (resumedAt: string) => ({ type: 'ResumeTicket' as const, data: { ticketId: 'T-1', resumedAt }, now });
// Monday 11:00 → Tuesday 11:00 Shanghai: one working day (9 working hours) paused
const paused: TicketEvent = {
  type: 'TicketPaused',
  data: { ticketId: 'T-1', assigneeId: 'E-7', reason: 'waiting-for-customer', pausedAt: '2026-03-09T03:00:00.000Z', milestones: ['resolution'] },
};
const resumed: TicketEvent = {
  type: 'TicketResumed',
  data: {
    ticketId: 'T-1',
    assigneeId: 'E-7',
    department: 'repairs',
    pausedAt: '2026-03-09T03:00:00.000Z',
    resumedAt: '2026-03-10T03:00:00.000Z',
    previous: { resolution: { startedAt: '2026-03-09T02:00:00.000Z', dueAt: '2026-03-11T02:00:00.000Z', breached: false } },
    // due Wednesday 10:00 + 9 working hours = Thursday 10:00 Shanghai
    deadlines: { resolution: { dueAt: '2026-03-12T02:00:00.000Z' } },
  },
};

describe('pausing a ticket while it waits for the customer', () => {
  it('stops its pending clocks when the policy pauses', () => {
    spec.given([dispatched], { policy, calendar }).when(pause('2026-03-09T03:00:00.000Z')).then([paused]);
  });

  it('is refused with policy_does_not_pause when the policy does not pause', () => {
    spec.given([dispatched], { policy: { ...policy, pausesWhileWaitingForCustomer: false }, calendar }).when(pause('2026-03-09T03:00:00.000Z')).thenThrows('policy_does_not_pause');
  });

  it('waits for parts only when the policy says so (absent: as for the customer)', () => {
    spec.given([dispatched], { policy: { ...policy, pausesWhileWaitingForParts: false }, calendar }).when(pause('2026-03-09T03:00:00.000Z', 'waiting-for-parts')).thenThrows('policy_does_not_pause');
    spec.given([dispatched], { policy, calendar }).when(pause('2026-03-09T03:00:00.000Z', 'waiting-for-parts')).then([{ ...paused, data: { ...paused.data, reason: 'waiting-for-parts' } } as TicketEvent]);
  });

  it('records nothing new when repeated, and refuses a second pause at another time', () => {
    spec.given([dispatched, paused], { policy, calendar }).when(pause('2026-03-09T03:00:00.000Z')).then([]);
    spec.given([dispatched, paused], { policy, calendar }).when(pause('2026-03-09T04:00:00.000Z')).thenThrows('ticket_already_paused');
  });

  it('records the breach of a clock already late when paused, before the pause', () => {
    const late = '2026-03-11T03:00:00.000Z';
    const events = ticketDecider.decide(pause(late), [dispatched].reduce(ticketDecider.evolve, ticketDecider.initialState), { policy, calendar });
    expect(events.map((e) => e.type)).toEqual(['TicketDeadlineBreached', 'TicketPaused']);
  });
});

describe('resuming a paused ticket', () => {
  it('moves the deadline by exactly the paused working time: a working day paused, due a working day later', () => {
    spec.given([dispatched, paused], { policy, calendar }).when(resume('2026-03-10T03:00:00.000Z')).then([resumed]);
  });

  it('does not count time outside business hours: paused from Friday 17:00 to Monday 10:00 moves it by 2 working hours', () => {
    const fridayPause: TicketEvent = { ...paused, data: { ...paused.data, pausedAt: '2026-03-13T09:00:00.000Z' } } as TicketEvent;
    const lateDispatch: TicketEvent = {
      ...dispatched,
      data: { ...dispatched.data, dispatchedAt: '2026-03-12T02:00:00.000Z', resolveBy: '2026-03-16T02:00:00.000Z', deadlines: { resolution: { dueAt: '2026-03-16T02:00:00.000Z' } } },
    } as TicketEvent;
    const [event] = ticketDecider.decide(resume('2026-03-16T02:00:00.000Z'), [lateDispatch, fridayPause].reduce(ticketDecider.evolve, ticketDecider.initialState), { policy, calendar });
    // Monday 10:00 + 2 working hours = Monday 12:00 Shanghai
    expect(event).toMatchObject({ type: 'TicketResumed', data: { deadlines: { resolution: { dueAt: '2026-03-16T04:00:00.000Z' } } } });
  });

  it('is refused when the ticket is not paused, or before the pause', () => {
    spec.given([dispatched], { policy, calendar }).when(resume('2026-03-10T03:00:00.000Z')).thenThrows('ticket_not_paused');
    spec.given([dispatched, paused], { policy, calendar }).when(resume('2026-03-09T02:30:00.000Z')).thenThrows('resumed_before_pause');
  });

  it('replays to the stored deadline, whatever the calendar or policy in force later', () => {
    const state = [dispatched, paused, resumed].reduce(evolveTicket, initialTicketState) as KnownTicket;
    expect(state.clocks.resolution).toMatchObject({ dueAt: '2026-03-12T02:00:00.000Z', breached: false });
    expect(state.pause).toBeUndefined();
    // resolved after the original deadline but before the moved one: not late, no breach
    spec.given([dispatched, paused, resumed], {}).when({ type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: '2026-03-11T08:00:00.000Z', resolution: 'fixed' }, now }).then([
      { type: 'TicketResolved', data: { ticketId: 'T-1', assigneeId: 'E-7', resolvedAt: '2026-03-11T08:00:00.000Z', resolution: 'fixed', late: false } },
    ]);
  });
});

describe('a paused clock', () => {
  it('cannot breach: the watcher’s breach command is refused while paused', () => {
    spec.given([dispatched, paused], {}).when({ type: 'RecordTicketBreach', data: { ticketId: 'T-1', milestone: 'resolution' }, now }).thenThrows('clock_paused');
  });
});
