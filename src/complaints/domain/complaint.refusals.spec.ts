import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { defaultServiceLevels, defaultWorkingCalendar } from '../../service-levels/domain/default-service-levels';
import { complaintDecider } from './complaint.decider';
import type { ComplaintCommand } from './complaint.decider';
import type { ComplaintEvent, ComplaintReceived } from './complaint.events';
import { refuseComplaint } from './complaint.errors';
import type { RefusalCode } from '../../shared/domain/error-catalogue';

/** A complaint's steps against repetition, order and time: what each refuses, and the boundary it still takes. */
const spec = deciderSpecification(complaintDecider, refuseComplaint);
const handler: EmployeeState = { status: 'registered', employeeId: 'E-3', name: 'E-3', department: 'service', position: 'steward', registeredAt: '2026-01-01T00:00:00.000Z' };
const context = { calendar: defaultWorkingCalendar('Asia/Shanghai'), serviceLevels: defaultServiceLevels.complaint, assignee: handler };
const now = '2026-03-20T00:00:00.000Z';
const at = (local: string) => new Date(`2026-03-${local}+08:00`).toISOString();
const received: ComplaintReceived['data'] = {
  complaintId: 'C-1', channel: 'hotline', complainant: { subjectId: 'C-1', sealed: 'v1.sealed' }, subject: 'noise', description: 'x', severity: 'serious', receivedAt: at('10T17:00:00'), concernsEmployeeIds: ['E-1'],
};
const cmd = (type: ComplaintCommand['type'], data: object, when = now) => ({ type, data: { complaintId: 'C-1', ...data }, now: when }) as ComplaintCommand;
const after = (events: ComplaintEvent[], command: ComplaintCommand) => [...events, ...complaintDecider.decide(command, events.reduce(complaintDecider.evolve, complaintDecider.initialState), context)];

const receivedEvents = after([], cmd('ReceiveComplaint', received));
const assigned = after(receivedEvents, cmd('AssignComplaint', { assigneeId: 'E-3', assignedAt: at('10T17:30:00') }));
const resolved = after(assigned, cmd('ResolveComplaint', { resolvedAt: at('11T10:00:00'), resolution: 'quiet hours' }));
const upheld = after(receivedEvents, cmd('RecordVerdict', { outcome: 'upheld', employeeIds: ['E-1'], reasoning: 'valid', decidedAt: at('12T10:00:00') }));

describe('a complaint step recorded again', () => {
  it('appends nothing for the same assignment, resolution or verdict', () => {
    spec.given(assigned, context).when(cmd('AssignComplaint', { assigneeId: 'E-3', assignedAt: at('10T17:30:00') })).then([]);
    spec.given(resolved, context).when(cmd('ResolveComplaint', { resolvedAt: at('11T10:00:00'), resolution: 'quiet hours' })).then([]);
    spec.given(upheld, context).when(cmd('RecordVerdict', { outcome: 'upheld', employeeIds: ['E-1'], reasoning: 'valid', decidedAt: at('12T10:00:00') })).then([]);
  });

  it('refuses a second verdict while one is in force', () => {
    spec.given(upheld, context).when(cmd('RecordVerdict', { outcome: 'upheld', employeeIds: ['E-1'], reasoning: 'valid', decidedAt: at('12T11:00:00') })).thenThrows('verdict_already_recorded');
    spec.given(upheld, context).when(cmd('RecordVerdict', { outcome: 'dismissed', employeeIds: [], reasoning: 'no', decidedAt: at('12T10:00:00') })).thenThrows('verdict_already_recorded');
  });
});

describe('a complaint step out of order', () => {
  it('refuses to resolve what nobody was assigned, to assign or resolve what is resolved, to call back what is not resolved', () => {
    spec.given(receivedEvents, context).when(cmd('ResolveComplaint', { resolvedAt: at('11T10:00:00'), resolution: 'x' })).thenThrows('complaint_not_assigned');
    spec.given(resolved, context).when(cmd('AssignComplaint', { assigneeId: 'E-3', assignedAt: at('11T11:00:00') })).thenThrows('complaint_not_open');
    spec.given(resolved, context).when(cmd('ResolveComplaint', { resolvedAt: at('11T11:00:00'), resolution: 'again' })).thenThrows('complaint_not_open');
    spec.given(assigned, context).when(cmd('RecordCallback', { calledBackAt: at('11T12:00:00'), satisfied: true, notes: '' })).thenThrows('complaint_not_resolved');
  });

  it('refuses an assignee the ledger does not know', () => {
    spec.given(receivedEvents, { ...context, assignee: { status: 'unknown' } }).when(cmd('AssignComplaint', { assigneeId: 'E-9', assignedAt: at('10T17:30:00') })).thenThrows('assignee_not_registered');
    spec.given(receivedEvents, { ...context, assignee: undefined }).when(cmd('AssignComplaint', { assigneeId: 'E-9', assignedAt: at('10T17:30:00') })).thenThrows('assignee_not_registered');
  });

  it('wants an upheld verdict to name someone and a dismissed one to name nobody', () => {
    spec.given(receivedEvents, context).when(cmd('RecordVerdict', { outcome: 'upheld', employeeIds: [], reasoning: 'x', decidedAt: at('12T10:00:00') })).thenThrows('upheld_against_nobody');
    spec.given(receivedEvents, context).when(cmd('RecordVerdict', { outcome: 'dismissed', employeeIds: ['E-1'], reasoning: 'x', decidedAt: at('12T10:00:00') })).thenThrows('dismissed_against_employees');
  });

  it('names each employee once in a verdict, numbering verdicts', () => {
    const [verdict] = complaintDecider.decide(cmd('RecordVerdict', { outcome: 'upheld', employeeIds: ['E-1', 'E-1'], reasoning: 'valid', decidedAt: at('12T10:00:00') }), receivedEvents.reduce(complaintDecider.evolve, complaintDecider.initialState), context);
    expect(verdict.data).toMatchObject({ employeeIds: ['E-1'], verdictNumber: 1 });
  });

  it('refuses to reverse a verdict that is not in force', () => {
    spec.given(receivedEvents, context).when(cmd('ReverseVerdict', { reason: 'x', reversedAt: at('13T10:00:00') })).thenThrows('no_verdict_in_force');
  });
});

describe('a complaint step dated after now or before the step it follows', () => {
  const future = '2026-03-20T00:00:00.001Z';
  it.each<[string, ComplaintEvent[], ComplaintCommand, string, Record<string, unknown>]>([
    ['an assignment after now', receivedEvents, cmd('AssignComplaint', { assigneeId: 'E-3', assignedAt: future }), 'assigned_in_future', { assignedAt: future }],
    ['an assignment before the receipt', receivedEvents, cmd('AssignComplaint', { assigneeId: 'E-3', assignedAt: at('10T16:59:59') }), 'assigned_before_receipt', {}],
    ['a resolution after now', assigned, cmd('ResolveComplaint', { resolvedAt: future, resolution: 'x' }), 'resolved_in_future', { resolvedAt: future }],
    ['a resolution before the assignment', assigned, cmd('ResolveComplaint', { resolvedAt: at('10T17:29:59'), resolution: 'x' }), 'resolved_before_assignment', {}],
    ['a callback after now', resolved, cmd('RecordCallback', { calledBackAt: future, satisfied: true, notes: '' }), 'calledBack_in_future', { calledBackAt: future }],
    ['a callback before the resolution', resolved, cmd('RecordCallback', { calledBackAt: at('11T09:59:59'), satisfied: true, notes: '' }), 'callback_before_resolution', {}],
    ['a verdict after now', receivedEvents, cmd('RecordVerdict', { outcome: 'upheld', employeeIds: ['E-1'], reasoning: 'x', decidedAt: future }), 'decided_in_future', { decidedAt: future }],
    ['a verdict before the receipt', receivedEvents, cmd('RecordVerdict', { outcome: 'upheld', employeeIds: ['E-1'], reasoning: 'x', decidedAt: at('10T16:59:59') }), 'decided_before_receipt', {}],
    ['a reversal after now', upheld, cmd('ReverseVerdict', { reason: 'x', reversedAt: future }), 'reversed_in_future', { reversedAt: future }],
    ['a reversal before the verdict', upheld, cmd('ReverseVerdict', { reason: 'x', reversedAt: at('12T09:59:59') }), 'reversed_before_verdict', {}],
  ])('refuses %s', (_what, given, command, code, details) => {
    spec.given(given, context).when(command).thenThrows(code as RefusalCode<typeof refuseComplaint>, details);
  });

  it('takes each step at the very instant of the step it follows', () => {
    expect(after(receivedEvents, cmd('AssignComplaint', { assigneeId: 'E-3', assignedAt: received.receivedAt })).length).toBeGreaterThan(receivedEvents.length);
    expect(after(upheld, cmd('ReverseVerdict', { reason: 'x', reversedAt: at('12T10:00:00') })).at(-1)?.type).toBe('ComplaintVerdictReversed');
  });
});

describe('a complaint deadline breached', () => {
  const handlingDue = (receivedEvents.find((e) => e.type === 'ComplaintClockStarted')!.data as { dueAt: string }).dueAt;
  const breach = (when: string, milestone = 'handling') => cmd('RecordComplaintBreach', { milestone }, when);

  it('is recorded only after the deadline, once, and not for a clock that stopped or one the complaint has not', () => {
    spec.given(receivedEvents, context).when(breach(handlingDue)).thenThrows('deadline_not_passed');
    const breached = after(receivedEvents, breach(new Date(Date.parse(handlingDue) + 1).toISOString()));
    expect(breached.at(-1)?.type).toBe('ComplaintDeadlineBreached');
    spec.given(breached, context).when(breach('2026-03-19T00:00:00.000Z')).then([]);
    spec.given(resolved, context).when(breach('2026-03-19T00:00:00.000Z')).then([]);
    spec.given(receivedEvents, context).when(breach('2026-03-19T00:00:00.000Z', 'callback')).thenThrows('no_such_clock');
  });
});
