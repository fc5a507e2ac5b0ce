import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { defaultServiceLevels, defaultWorkingCalendar } from '../../service-levels/domain/default-service-levels';
import { complaintDecider } from './complaint.decider';
import type { ComplaintCommand } from './complaint.decider';
import type { ComplaintEvent, ComplaintReceived } from './complaint.events';
import { refuseComplaint } from './complaint.errors';

const spec = deciderSpecification(complaintDecider, refuseComplaint);
const handler: EmployeeState = { status: 'registered', employeeId: 'E-3', name: 'E-3', department: 'service', position: 'steward', registeredAt: '2026-01-01T00:00:00.000Z' };
const context = { calendar: defaultWorkingCalendar('Asia/Shanghai'), serviceLevels: defaultServiceLevels.complaint, assignee: handler };
const now = '2026-03-20T00:00:00.000Z';
const at = (local: string) => new Date(`${local}+08:00`).toISOString();
const received: ComplaintReceived['data'] = {
  complaintId: 'C-1', channel: 'hotline', complainant: { subjectId: 'C-1', sealed: 'v1.sealed' }, subject: 'noise', description: 'x', severity: 'serious', receivedAt: at('2026-03-10T17:00:00'), concernsEmployeeIds: [],
};

function run(commands: Omit<ComplaintCommand, 'now'>[]): ComplaintEvent[] {
  let state = complaintDecider.initialState;
  const events: ComplaintEvent[] = [];
  for (const command of commands) {
    const decided = complaintDecider.decide({ ...command, now } as ComplaintCommand, state, context);
    state = decided.reduce(complaintDecider.evolve, state);
    events.push(...decided);
  }
  return events;
}

const assign = { type: 'AssignComplaint' as const, data: { complaintId: 'C-1', assigneeId: 'E-3', assignedAt: at('2026-03-10T17:30:00') } };
const resolve = (t: string) => ({ type: 'ResolveComplaint' as const, data: { complaintId: 'C-1', resolvedAt: at(t), resolution: 'quiet hours enforced' } });
const callback = (t: string, satisfied: boolean) => ({ type: 'RecordCallback' as const, data: { complaintId: 'C-1', calledBackAt: at(t), satisfied, notes: '' } });

describe('a complaint’s lifecycle', () => {
  it('starts the handling clock at receipt: 2 working days', () => {
    expect(run([{ type: 'ReceiveComplaint', data: received }])[1]).toEqual({
      type: 'ComplaintClockStarted',
      data: { complaintId: 'C-1', milestone: 'handling', round: 1, startedAt: received.receivedAt, dueAt: at('2026-03-12T17:00:00') },
    });
  });

  it('starts the 48-hour callback clock at resolution; an unsatisfied callback reopens it in a new round', () => {
    const events = run([{ type: 'ReceiveComplaint', data: received }, assign, resolve('2026-03-11T10:00:00'), callback('2026-03-11T12:00:00', false)]);
    expect(events.map((e) => e.type)).toEqual(['ComplaintReceived', 'ComplaintClockStarted', 'ComplaintAssigned', 'ComplaintResolved', 'ComplaintClockStarted', 'ComplaintCallbackRecorded', 'ComplaintClockStarted']);
    expect(events[4].data).toMatchObject({ milestone: 'callback', round: 1, dueAt: at('2026-03-13T10:00:00'), responsibleEmployeeId: 'E-3' });
    expect(events[6].data).toMatchObject({ milestone: 'handling', round: 2, startedAt: at('2026-03-11T12:00:00') });
  });

  it('records the handling breach itself when resolved late', () => {
    const events = run([{ type: 'ReceiveComplaint', data: received }, assign, resolve('2026-03-13T10:00:00')]);
    expect(events.map((e) => e.type)).toContain('ComplaintDeadlineBreached');
    expect(events.find((e) => e.type === 'ComplaintDeadlineBreached')?.data).toMatchObject({ milestone: 'handling', responsibleEmployeeId: 'E-3' });
  });

  it('upholds against employees with the complaint’s severity (the rulebook prices it), and reverses only a verdict in force', () => {
    const base = run([{ type: 'ReceiveComplaint', data: received }]);
    const verdict = { type: 'RecordVerdict' as const, data: { complaintId: 'C-1', outcome: 'upheld' as const, employeeIds: ['E-1', 'E-2', 'E-1'], reasoning: 'x', decidedAt: at('2026-03-12T10:00:00') }, now };
    const [upheld] = complaintDecider.decide(verdict, base.reduce(complaintDecider.evolve, complaintDecider.initialState), context);
    expect(upheld.data).toMatchObject({ verdictNumber: 1, employeeIds: ['E-1', 'E-2'], severity: 'serious' });
    expect(upheld.data).not.toHaveProperty('rule');
    spec.given([...base, upheld], context).when({ ...verdict, data: { ...verdict.data, outcome: 'dismissed', employeeIds: [] } }).thenThrows('verdict_already_recorded');
    spec.given(base, context).when({ ...verdict, data: { ...verdict.data, employeeIds: [] } }).thenThrows('upheld_against_nobody');
    spec.given(base, context).when({ type: 'ReverseVerdict', data: { complaintId: 'C-1', reason: 'x', reversedAt: at('2026-03-12T11:00:00') }, now }).thenThrows('no_verdict_in_force');
    spec.given([...base, upheld], context).when({ type: 'ReverseVerdict', data: { complaintId: 'C-1', reason: 'x', reversedAt: at('2026-03-12T11:00:00') }, now }).then([
      { type: 'ComplaintVerdictReversed', data: { complaintId: 'C-1', verdictNumber: 1, outcome: 'upheld', employeeIds: ['E-1', 'E-2'], reason: 'x', reversedAt: at('2026-03-12T11:00:00') } },
    ]);
  });

  it('refuses steps out of order', () => {
    const base = run([{ type: 'ReceiveComplaint', data: received }]);
    spec.given(base, context).when({ ...resolve('2026-03-11T10:00:00'), now }).thenThrows('complaint_not_assigned');
    spec.given(base, context).when({ ...callback('2026-03-11T10:00:00', true), now }).thenThrows('complaint_not_resolved');
    spec.given([], context).when({ ...assign, now }).thenThrows('not_found');
  });
});
