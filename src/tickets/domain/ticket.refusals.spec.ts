import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { defaultServiceLevels, defaultWorkingCalendar } from '../../service-levels/domain/default-service-levels';
import { ticketDecider } from './ticket.decider';
import type { TicketCommand } from './ticket.decider';
import type { TicketEvent } from './ticket.events';
import { refuseTicket } from './ticket.errors';
import type { RefusalCode } from '../../shared/domain/error-catalogue';

/** Every step of a ticket: repeated as recorded (nothing appended), repeated with other details, dated in the future or too early. */
const spec = deciderSpecification(ticketDecider, refuseTicket);
const employee = (id: string): EmployeeState => ({ status: 'registered', employeeId: id, name: id, department: 'repairs', position: 'tech', registeredAt: '2026-01-01T00:00:00.000Z' });
const calendar = defaultWorkingCalendar('Asia/Shanghai');
const repair = defaultServiceLevels.ticketPolicies.find((p) => p.policyId === 'repair')!;
const context = { assignee: employee('E-1'), calendar, policy: repair };
const now = '2026-03-11T12:00:00.000Z';
const at = (local: string) => new Date(`2026-03-10T${local}+08:00`).toISOString();
const after = (iso: string, ms = 1) => new Date(Date.parse(iso) + ms).toISOString();
const cmd = (type: TicketCommand['type'], data: object, when = now) => ({ type, data: { ticketId: 'T-1', ...data }, now: when }) as TicketCommand;
const state = (events: TicketEvent[]) => events.reduce(ticketDecider.evolve, ticketDecider.initialState);
const decide = (events: TicketEvent[], command: TicketCommand, ctx: object = context) => ticketDecider.decide(command, state(events), ctx);

const dispatched = decide([], cmd('DispatchTicket', { kind: 'repair', assigneeId: 'E-1', description: 'leak', dispatchedAt: at('09:00:00') }));
const acknowledged = [...dispatched, ...decide(dispatched, cmd('AcknowledgeTicket', { acknowledgedAt: at('09:05:00') }))];
const arrived = [...acknowledged, ...decide(acknowledged, cmd('RecordArrival', { arrivedAt: at('09:15:00') }))];
const resolved = [...arrived, ...decide(arrived, cmd('ResolveTicket', { resolvedAt: at('10:00:00'), resolution: 'fixed' }))];
const closed = [...resolved, ...decide(resolved, cmd('CloseTicket', { closedAt: at('11:00:00'), signedOffBy: 'owner' }))];
const cancelled = [...dispatched, ...decide(dispatched, cmd('CancelTicket', { reason: 'duplicate', cancelledAt: at('09:02:00') }))];
const paused = [...acknowledged, ...decide(acknowledged, cmd('PauseTicket', { reason: 'waiting-for-parts', pausedAt: at('09:06:00') }))];

describe('a step recorded again', () => {
  it.each<[string, TicketEvent[], TicketCommand]>([
    ['an acknowledgement', acknowledged, cmd('AcknowledgeTicket', { acknowledgedAt: at('09:05:00') })],
    ['an arrival', arrived, cmd('RecordArrival', { arrivedAt: at('09:15:00') })],
    ['a resolution', resolved, cmd('ResolveTicket', { resolvedAt: at('10:00:00'), resolution: 'fixed' })],
    ['a closure', closed, cmd('CloseTicket', { closedAt: at('11:00:00'), signedOffBy: 'owner' })],
    ['a cancellation', cancelled, cmd('CancelTicket', { reason: 'duplicate', cancelledAt: at('09:02:00') })],
    ['a pause', paused, cmd('PauseTicket', { reason: 'waiting-for-parts', pausedAt: at('09:06:00') })],
  ])('appends nothing for %s as recorded', (_step, given, command) => {
    spec.given(given, context).when(command).then([]);
  });

  it.each<[string, TicketEvent[], TicketCommand, string]>([
    ['an acknowledgement at another time', acknowledged, cmd('AcknowledgeTicket', { acknowledgedAt: at('09:06:00') }), 'ticket_already_acknowledged'],
    ['an arrival at another time', arrived, cmd('RecordArrival', { arrivedAt: at('09:16:00') }), 'ticket_already_arrived'],
    ['a resolution at another time', resolved, cmd('ResolveTicket', { resolvedAt: at('10:01:00'), resolution: 'fixed' }), 'ticket_already_resolved'],
    ['a resolution with another account', resolved, cmd('ResolveTicket', { resolvedAt: at('10:00:00'), resolution: 'replaced' }), 'ticket_already_resolved'],
    ['a closure at another time', closed, cmd('CloseTicket', { closedAt: at('11:01:00'), signedOffBy: 'owner' }), 'ticket_already_closed'],
    ['a pause for another reason', paused, cmd('PauseTicket', { reason: 'waiting-for-customer', pausedAt: at('09:06:00') }), 'ticket_already_paused'],
    ['a pause from another time', paused, cmd('PauseTicket', { reason: 'waiting-for-parts', pausedAt: at('09:07:00') }), 'ticket_already_paused'],
  ])('refuses %s', (_step, given, command, code) => {
    spec.given(given, context).when(command).thenThrows(code as RefusalCode<typeof refuseTicket>);
  });
});

describe('a step dated after now, naming its field', () => {
  it.each<[string, TicketEvent[], string, object]>([
    ['AcknowledgeTicket', dispatched, 'acknowledgedAt', {}],
    ['RecordArrival', acknowledged, 'arrivedAt', {}],
    ['ResolveTicket', arrived, 'resolvedAt', { resolution: 'fixed' }],
    ['CloseTicket', resolved, 'closedAt', { signedOffBy: 'owner' }],
    ['CancelTicket', dispatched, 'cancelledAt', { reason: 'x' }],
    ['ReassignTicket', dispatched, 'reassignedAt', { assigneeId: 'E-2', reason: 'x' }],
    ['PauseTicket', acknowledged, 'pausedAt', { reason: 'waiting-for-parts' }],
  ])('refuses %s', (type, given, field, rest) => {
    const future = after(now);
    const ctx = type === 'ReassignTicket' ? { ...context, assignee: employee('E-2') } : context;
    spec.given(given, ctx).when(cmd(type as TicketCommand['type'], { ...rest, [field]: future })).thenThrows(`${field.replace(/At$/, '')}_in_future` as RefusalCode<typeof refuseTicket>, { [field]: future });
  });

  it('takes a step dated exactly now', () => {
    expect(decide(dispatched, cmd('AcknowledgeTicket', { acknowledgedAt: now }))).toContainEqual(expect.objectContaining({ type: 'TicketAcknowledged' }));
  });
});

describe('a step dated before what it follows', () => {
  const beforeDispatch = new Date(Date.parse(at('09:00:00')) - 1).toISOString();
  it.each<[string, TicketEvent[], object, string]>([
    ['AcknowledgeTicket', dispatched, { acknowledgedAt: beforeDispatch }, 'acknowledged_before_dispatch'],
    ['CancelTicket', dispatched, { reason: 'x', cancelledAt: beforeDispatch }, 'cancelled_before_dispatch'],
    ['PauseTicket', acknowledged, { reason: 'waiting-for-parts', pausedAt: beforeDispatch }, 'paused_before_dispatch'],
    ['RecordArrival', acknowledged, { arrivedAt: at('09:04:59') }, 'arrived_before_acknowledgement'],
    ['CloseTicket', resolved, { closedAt: at('09:59:59'), signedOffBy: 'owner' }, 'closed_before_resolution'],
    ['ResumeTicket', paused, { resumedAt: at('09:05:59') }, 'resumed_before_pause'],
  ])('refuses %s', (type, given, data, code) => {
    spec.given(given, context).when(cmd(type as TicketCommand['type'], data)).thenThrows(code as RefusalCode<typeof refuseTicket>);
  });

  it('takes a step at the very instant of what it follows', () => {
    expect(decide(dispatched, cmd('AcknowledgeTicket', { acknowledgedAt: at('09:00:00') }))).toContainEqual(expect.objectContaining({ type: 'TicketAcknowledged' }));
    expect(decide(acknowledged, cmd('RecordArrival', { arrivedAt: at('09:05:00') }))).toContainEqual(expect.objectContaining({ type: 'TicketArrived' }));
    expect(decide(resolved, cmd('CloseTicket', { closedAt: at('10:00:00'), signedOffBy: 'owner' }))).toContainEqual(expect.objectContaining({ type: 'TicketClosed' }));
    expect(decide(paused, cmd('ResumeTicket', { resumedAt: at('09:06:00') }))).toContainEqual(expect.objectContaining({ type: 'TicketResumed' }));
  });
});

describe('steps that need what comes before them', () => {
  it('refuses to cancel what is not open, and takes a second cancellation as the first', () => {
    spec.given(resolved, context).when(cmd('CancelTicket', { reason: 'x', cancelledAt: at('10:30:00') })).thenThrows('ticket_not_open');
    spec.given(cancelled, context).when(cmd('CancelTicket', { reason: 'other', cancelledAt: at('09:30:00') })).then([]);
  });

  it('refuses to close an open ticket, to resume one not paused, to pause one without a running clock', () => {
    spec.given(arrived, context).when(cmd('CloseTicket', { closedAt: at('11:00:00'), signedOffBy: 'owner' })).thenThrows('ticket_not_resolved');
    spec.given(acknowledged, context).when(cmd('ResumeTicket', { resumedAt: at('09:30:00') })).thenThrows('ticket_not_paused');
    const stopped = [...arrived, ...decide(arrived, cmd('ResolveTicket', { resolvedAt: at('10:00:00'), resolution: 'fixed' }))];
    spec.given(stopped, context).when(cmd('PauseTicket', { reason: 'waiting-for-parts', pausedAt: at('10:30:00') })).thenThrows('ticket_not_open');
  });

  it('refuses a resumption without a calendar to move the deadlines', () => {
    spec.given(paused, { ...context, calendar: undefined }).when(cmd('ResumeTicket', { resumedAt: at('10:06:00') })).thenThrows('no_calendar');
  });

  it('refuses to reassign to someone the ledger does not know', () => {
    spec.given(dispatched, { ...context, assignee: { status: 'unknown' } }).when(cmd('ReassignTicket', { assigneeId: 'E-9', reason: 'x', reassignedAt: at('09:30:00') })).thenThrows('assignee_not_registered');
    spec.given(dispatched, { ...context, assignee: undefined }).when(cmd('ReassignTicket', { assigneeId: 'E-9', reason: 'x', reassignedAt: at('09:30:00') })).thenThrows('assignee_not_registered');
  });

  it('refuses a breach of a clock the ticket has not, or one paused', () => {
    const withoutArrival = decide([], cmd('DispatchTicket', { kind: 'repair', assigneeId: 'E-1', description: 'leak', dispatchedAt: at('09:00:00'), resolveBy: at('18:00:00') }), { assignee: employee('E-1') });
    spec.given(withoutArrival, {}).when(cmd('RecordTicketBreach', { milestone: 'arrival' }, at('19:00:00'))).thenThrows('no_such_clock');
    spec.given(paused, context).when(cmd('RecordTicketBreach', { milestone: 'resolution' }, '2026-03-20T00:00:00.000Z')).thenThrows('clock_paused');
  });
});

describe('dispatching a ticket', () => {
  const dispatch = (data: object, when = now) => cmd('DispatchTicket', { kind: 'repair', assigneeId: 'E-1', description: 'leak', dispatchedAt: at('09:00:00'), ...data }, when);

  it('refuses an assignee the ledger does not know, and a ticket no policy gives a resolution deadline', () => {
    spec.given([], { ...context, assignee: { status: 'unknown' } }).when(dispatch({})).thenThrows('assignee_not_registered');
    spec.given([], { assignee: employee('E-1') }).when(dispatch({})).thenThrows('no_resolution_deadline');
    spec.given([], {}).when(dispatch({ resolveBy: at('18:00:00') })).thenThrows('assignee_not_registered');
  });

  it('takes the priority asked for, or normal, and the department the assignee works in', () => {
    const [urgent] = decide([], dispatch({ priority: 'urgent' }));
    expect(urgent.data).toMatchObject({ priority: 'urgent', department: 'repairs', policyId: 'repair' });
    expect(dispatched[0].data).toMatchObject({ priority: 'normal' });
  });

  it('appends nothing for the same dispatch, and refuses the ticket id with other details', () => {
    spec.given(dispatched, context).when(dispatch({})).then([]);
    spec.given(dispatched, context).when(dispatch({ description: 'flood' })).thenThrows('ticket_already_dispatched');
  });

  it('refuses a dispatch dated after now, naming it, and a resolution deadline not after the dispatch', () => {
    const future = after(now);
    spec.given([], context).when(dispatch({ dispatchedAt: future })).thenThrows('dispatched_in_future', { dispatchedAt: future });
    spec.given([], { assignee: employee('E-1') }).when(dispatch({ resolveBy: at('09:00:00') })).thenThrows('resolve_by_not_after_dispatch');
    expect(decide([], dispatch({ resolveBy: after(at('09:00:00')) }), { assignee: employee('E-1') })).toHaveLength(1);
  });

  it('refuses any later step of a ticket never dispatched', () => {
    spec.given([], context).when(cmd('AcknowledgeTicket', { acknowledgedAt: at('09:05:00') })).thenThrows('not_found');
  });
});

