import { deciderSpecification } from '../../shared/testing/decider-specification';
import type { EmployeeState } from '../../employees/domain/employee.decider';
import { defaultServiceLevels, defaultWorkingCalendar } from '../../service-levels/domain/default-service-levels';
import { talkObligationDecider } from './talk-obligation.decider';
import type { TalkObligationOpened } from './talk-obligation.events';

const spec = deciderSpecification(talkObligationDecider);
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
