import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { defaultServiceLevels, defaultWorkingCalendar } from '../../service-levels/domain/default-service-levels';
import { talkObligationDecider } from './talk-obligation.decider';
import type { TalkObligationOpened } from './talk-obligation.events';
import { refuseTalk } from './talk-obligation.errors';

const spec = deciderSpecification(talkObligationDecider, refuseTalk);
const person = (id: string, supervisorId?: string): EmployeeState => ({ status: 'registered', employeeId: id, name: id, department: 'service', position: 'x', registeredAt: '2026-01-01T00:00:00.000Z', supervisorId });
const context = { employee: person('E-1', 'S-1'), supervisor: person('S-1'), calendar: defaultWorkingCalendar('Asia/Shanghai'), talk: defaultServiceLevels.talk };
const now = '2026-03-20T00:00:00.000Z';
const open = { type: 'OpenTalkObligation' as const, data: { obligationId: 'D-1', deductionId: 'D-1', employeeId: 'E-1', openedAt: '2026-03-10T02:00:00.000Z' }, now };
const opened: TalkObligationOpened = {
  type: 'TalkObligationOpened',
  data: { ...open.data, supervisorId: 'S-1', supervisorDepartment: 'service', dueAt: '2026-03-11T02:00:00.000Z' },
};

describe('the talk after a penalty (001:1239)', () => {
  it('is owed by the supervisor within 24 hours', () => {
    spec.given([], context).when(open).then([opened]);
    spec.given([opened], context).when(open).then([]);
  });
  it('is owed from when the service learns of the penalty, unless the caller says when', () => {
    const learnt = '2026-03-12T02:00:00.000Z';
    const { openedAt: _given, ...withoutTime } = open.data;
    spec.given([], context).when({ ...open, data: withoutTime, now: learnt }).then([{ ...opened, data: { ...opened.data, openedAt: learnt, dueAt: '2026-03-13T02:00:00.000Z' } }]);
  });
  it('is owed by nobody when the employee has no supervisor', () => {
    spec.given([], { ...context, employee: person('E-1') }).when(open).then([]);
  });
  it('is breached once after 24 hours, and a late talk records the breach it missed', () => {
    spec.given([opened], context).when({ type: 'RecordTalkBreach', data: { obligationId: 'D-1' }, now: '2026-03-11T02:00:00.000Z' }).thenThrows('deadline_not_passed');
    const late = talkObligationDecider.decide({ type: 'RecordTalk', data: { obligationId: 'D-1', heldAt: '2026-03-12T02:00:00.000Z', notes: '' }, now }, talkObligationDecider.evolve(talkObligationDecider.initialState, opened), context);
    expect(late.map((e) => e.type)).toEqual(['TalkObligationBreached', 'TalkHeld']);
    spec.given([opened, late[0]], context).when({ type: 'RecordTalkBreach', data: { obligationId: 'D-1' }, now }).then([]);
  });
  it('is cancelled when the penalty is withdrawn, and cannot be held then', () => {
    const cancel = { type: 'CancelTalkObligation' as const, data: { obligationId: 'D-1', reason: 'withdrawn', cancelledAt: '2026-03-10T05:00:00.000Z' }, now };
    spec.given([opened], context).when(cancel).then([{ type: 'TalkObligationCancelled', data: { ...cancel.data, supervisorId: 'S-1' } }]);
    spec.given([], context).when(cancel).then([]);
    spec.given([opened, { type: 'TalkObligationCancelled', data: { ...cancel.data, supervisorId: 'S-1' } }], context)
      .when({ type: 'RecordTalk', data: { obligationId: 'D-1', heldAt: '2026-03-10T06:00:00.000Z', notes: '' }, now })
      .thenThrows('talk_not_pending');
  });
});

describe('the talk obligation, step by step', () => {
  const held = { type: 'TalkHeld' as const, data: { obligationId: 'D-1', supervisorId: 'S-1', employeeId: 'E-1', heldAt: '2026-03-10T08:00:00.000Z', notes: '' } };
  const talk = (heldAt: string) => ({ type: 'RecordTalk' as const, data: { obligationId: 'D-1', heldAt, notes: '' }, now });
  const cancel = { type: 'CancelTalkObligation' as const, data: { obligationId: 'D-1', reason: 'deduction overturned', cancelledAt: '2026-03-10T09:00:00.000Z' }, now };
  const cancelled = { type: 'TalkObligationCancelled' as const, data: { ...cancel.data, supervisorId: 'S-1' } };
  const breachAt = (when: string) => ({ type: 'RecordTalkBreach' as const, data: { obligationId: 'D-1' }, now: when });

  it('records a talk held in time, once; the same talk again appends nothing, another is refused', () => {
    spec.given([opened], context).when(talk('2026-03-10T08:00:00.000Z')).then([held]);
    spec.given([opened, held], context).when(talk('2026-03-10T08:00:00.000Z')).then([]);
    spec.given([opened, held], context).when(talk('2026-03-10T09:00:00.000Z')).thenThrows('talk_not_pending');
  });

  it('takes a talk held exactly at the deadline as in time', () => {
    spec.given([opened], context).when(talk(opened.data.dueAt)).then([{ ...held, data: { ...held.data, heldAt: opened.data.dueAt } }]);
  });

  it('refuses a talk dated after now or before the penalty, and takes one at the penalty itself', () => {
    spec.given([opened], context).when(talk('2026-03-20T00:00:00.001Z')).thenThrows('held_in_future');
    spec.given([opened], context).when(talk('2026-03-10T01:59:59.999Z')).thenThrows('held_before_obligation');
    spec.given([opened], context).when(talk(opened.data.openedAt)).then([{ ...held, data: { ...held.data, heldAt: opened.data.openedAt } }]);
  });

  it('records no second breach for a late talk after the breach was recorded', () => {
    const [breached] = talkObligationDecider.decide(breachAt(now), talkObligationDecider.evolve(talkObligationDecider.initialState, opened), context);
    expect(breached).toEqual({ type: 'TalkObligationBreached', data: { obligationId: 'D-1', deductionId: 'D-1', employeeId: 'E-1', supervisorId: 'S-1', supervisorDepartment: 'service', startedAt: opened.data.openedAt, dueAt: opened.data.dueAt } });
    spec.given([opened, breached], context).when(talk('2026-03-12T02:00:00.000Z')).then([{ ...held, data: { ...held.data, heldAt: '2026-03-12T02:00:00.000Z' } }]);
  });

  it('breaches only after the deadline, and never a talk held or cancelled', () => {
    spec.given([opened], context).when(breachAt(opened.data.dueAt)).thenThrows('deadline_not_passed');
    expect(talkObligationDecider.decide(breachAt('2026-03-11T02:00:00.001Z'), talkObligationDecider.evolve(talkObligationDecider.initialState, opened), context)).toHaveLength(1);
    spec.given([opened, held], context).when(breachAt(now)).then([]);
    spec.given([opened, cancelled], context).when(breachAt(now)).then([]);
  });

  it('is cancelled once when the penalty goes; nothing to cancel or to breach where no talk was owed', () => {
    spec.given([opened], context).when(cancel).then([cancelled]);
    spec.given([opened, cancelled], context).when(cancel).then([]);
    spec.given([opened, held], context).when(cancel).thenThrows('talk_not_pending');
    spec.given([], context).when(cancel).then([]);
    spec.given([], context).when(talk('2026-03-10T08:00:00.000Z')).thenThrows('not_found');
  });

  it('refuses to open a talk owed to an unregistered supervisor, or without a talk policy', () => {
    spec.given([], { ...context, supervisor: { status: 'unknown' } }).when(open).thenThrows('supervisor_not_registered');
    spec.given([], { ...context, talk: undefined }).when(open).thenThrows('no_talk_policy');
    spec.given([], { ...context, calendar: undefined }).when(open).thenThrows('no_talk_policy');
    spec.given([], { ...context, employee: { status: 'unknown' } }).when(open).then([]);
  });
});

