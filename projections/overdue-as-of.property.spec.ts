import fc from 'fast-check';
import { Query } from 'mingo';
import { foldProjection } from './fold';
import { createOpenTicketsProjection } from './overdue.projection';
import type { ServiceClockDocument } from './overdue.projection';
import { recorder } from './testing/recorded';
import { ticketDecider } from '../src/tickets/domain/ticket.decider';
import type { TicketCommand, TicketContext } from '../src/tickets/domain/ticket.decider';
import type { TicketEvent } from '../src/tickets/domain/ticket.events';
import { evolveTicket } from '../src/tickets/domain/ticket.state';
import type { TicketState } from '../src/tickets/domain/ticket.state';
import { defaultServiceLevels } from '../src/service-levels/domain/default-service-levels';
import type { TicketServiceLevelPolicy } from '../src/service-levels/domain/service-level-policy';
import { overdueFilter } from '../src/overdue/get-overdue-tickets/overdue-filter';
import { GetOverdueTicketsQuery } from '../src/overdue/get-overdue-tickets/get-overdue-tickets.query';
import type { EmployeeState } from '../src/employees/domain/employee.decider';
import { defaultWorkingCalendar } from '../src/service-levels/domain/default-service-levels';

/**
 * The overdue list as of T, as the read model answers it (projection + the query's filter, run
 * by mingo as MongoDB would), equals a brute-force walk over the same events: for every ticket and
 * milestone, follow the facts in order and see whether at T the milestone's clock had started,
 * had not yet been met, and was past the deadline in force then — and who was responsible.
 */
const START = Date.parse('2026-03-02T00:00:00.000Z');
const calendar = defaultWorkingCalendar('Asia/Shanghai');
const employee = (id: string): EmployeeState => ({ status: 'registered', employeeId: id, name: id, department: `dep-${id}`, position: 'tech', registeredAt: '2026-01-01T00:00:00.000Z' });

type Action = { ticket: number; kind: 'dispatch' | 'acknowledge' | 'arrive' | 'resolve' | 'cancel' | 'reassign' | 'breach'; to: number; advance: number };
const action = fc.record({
  ticket: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom<Action['kind']>('dispatch', 'dispatch', 'acknowledge', 'arrive', 'resolve', 'cancel', 'reassign', 'reassign', 'breach'),
  to: fc.integer({ min: 1, max: 3 }),
  advance: fc.integer({ min: 0, max: 600 }),
});

function generateEvents(actions: Action[], policy: TicketServiceLevelPolicy): TicketEvent[] {
  const states = new Map<string, TicketState>();
  const events: TicketEvent[] = [];
  let now = START;
  for (const a of actions) {
    now += a.advance * 60_000;
    const at = new Date(now).toISOString();
    const ticketId = `T-${a.ticket}`;
    const milestone = (['acknowledgement', 'arrival', 'resolution'] as const)[a.to % 3];
    const commands: Record<Action['kind'], TicketCommand> = {
      dispatch: { type: 'DispatchTicket', data: { ticketId, kind: 'repair', assigneeId: `E-${a.to}`, description: 'x', dispatchedAt: at }, now: at },
      acknowledge: { type: 'AcknowledgeTicket', data: { ticketId, acknowledgedAt: at }, now: at },
      arrive: { type: 'RecordArrival', data: { ticketId, arrivedAt: at }, now: at },
      resolve: { type: 'ResolveTicket', data: { ticketId, resolvedAt: at, resolution: 'done' }, now: at },
      cancel: { type: 'CancelTicket', data: { ticketId, reason: 'x', cancelledAt: at }, now: at },
      reassign: { type: 'ReassignTicket', data: { ticketId, assigneeId: `E-${a.to}`, reason: 'x', reassignedAt: at }, now: at },
      breach: { type: 'RecordTicketBreach', data: { ticketId, milestone }, now: at },
    };
    const state = states.get(ticketId) ?? ticketDecider.initialState;
    const context: TicketContext = { assignee: employee(`E-${a.to}`), calendar, policy };
    try {
      const decided = ticketDecider.decide(commands[a.kind], state, context);
      states.set(ticketId, decided.reduce(evolveTicket, state));
      events.push(...decided);
    } catch {
      // an illegal step is refused; the walk goes on
    }
  }
  return events;
}

type Row = { ticketId: string; clock: string; assigneeId: string; dueAt: string };

function bruteForce(events: TicketEvent[], asOf: string): Row[] {
  const rows: Row[] = [];
  for (const ticketId of new Set(events.map((e) => e.data.ticketId))) {
    for (const clock of ['acknowledgement', 'arrival', 'resolution'] as const) {
      let running: { dueAt: string; assigneeId: string } | undefined;
      for (const e of events.filter((x) => x.data.ticketId === ticketId)) {
        const when = occurred(e);
        if (when > asOf) break;
        if (e.type === 'TicketDispatched') {
          const dueAt = e.data.deadlines?.[clock]?.dueAt;
          running = dueAt ? { dueAt, assigneeId: e.data.assigneeId } : undefined;
        } else if (e.type === 'TicketReassigned' && running) {
          const next = e.data.deadlines[clock];
          running = next ? { dueAt: next.dueAt, assigneeId: e.data.assigneeId } : running;
        } else if (stops(e, clock)) {
          running = undefined;
        }
      }
      if (running && running.dueAt < asOf) rows.push({ ticketId, clock, assigneeId: running.assigneeId, dueAt: running.dueAt });
    }
  }
  return sorted(rows);
}

function stops(e: TicketEvent, clock: string): boolean {
  if (e.type === 'TicketResolved' || e.type === 'TicketCancelled') return true;
  if (e.type === 'TicketArrived') return clock === 'acknowledgement' || clock === 'arrival';
  if (e.type === 'TicketAcknowledged') return clock === 'acknowledgement';
  return false;
}

function occurred(e: TicketEvent): string {
  switch (e.type) {
    case 'TicketDispatched': return e.data.dispatchedAt;
    case 'TicketAcknowledged': return e.data.acknowledgedAt;
    case 'TicketArrived': return e.data.arrivedAt;
    case 'TicketResolved': return e.data.resolvedAt;
    case 'TicketClosed': return e.data.closedAt;
    case 'TicketCancelled': return e.data.cancelledAt;
    case 'TicketReassigned': return e.data.reassignedAt;
    case 'TicketPaused': return e.data.pausedAt;
    case 'TicketResumed': return e.data.resumedAt;
    case 'TicketDeadlineBreached': return e.data.dueAt;
  }
}

const sorted = (rows: Row[]) => [...rows].sort((a, b) => `${a.ticketId}${a.clock}`.localeCompare(`${b.ticketId}${b.clock}`));

function fromReadModel(events: TicketEvent[], asOf: string): Row[] {
  const record = recorder();
  const documents = foldProjection(createOpenTicketsProjection(), events.map((e) => record(e)));
  const filter = overdueFilter(new GetOverdueTicketsQuery(asOf, {}, 1000, 0));
  const found = new Query(filter as Record<string, unknown>).find<ServiceClockDocument>([...documents.values()]).all();
  return sorted(found.map((d) => ({ ticketId: d.ticketId!, clock: d.clock, assigneeId: d.assigneeId!, dueAt: d.dueAt })));
}

describe('the overdue list as of a time', () => {
  const seen = { overdue: 0, reassignedAndOverdue: 0 };
  afterAll(() => {
    // the generator must reach the interesting cases, or the property proves little
    expect(seen.overdue).toBeGreaterThan(100);
    expect(seen.reassignedAndOverdue).toBeGreaterThan(20);
  });

  it.each(['keep', 'restart'] as const)('equals the brute-force list over the same events (reassignment: %s)', (onReassignment) => {
    const policy = { ...defaultServiceLevels.ticketPolicies.find((p) => p.policyId === 'repair')!, onReassignment };
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 30 * 600 }), (actions, offset) => {
        const events = generateEvents(actions, policy);
        const asOf = new Date(START + offset * 60_000).toISOString();
        const expected = bruteForce(events, asOf);
        seen.overdue += expected.length > 0 ? 1 : 0;
        seen.reassignedAndOverdue += expected.length > 0 && events.some((e) => e.type === 'TicketReassigned') ? 1 : 0;
        expect(fromReadModel(events, asOf)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
