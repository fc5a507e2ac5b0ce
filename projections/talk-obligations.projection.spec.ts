import type { TalkHeld, TalkObligationBreached, TalkObligationCancelled, TalkObligationOpened } from '../src/talks/domain/talk-obligation.events';
import { foldProjection } from './fold';
import { createTalkObligationsProjection } from './talk-obligations.projection';
import { recorder } from './testing/recorded';

const opened: TalkObligationOpened = {
  type: 'TalkObligationOpened',
  data: { obligationId: 'D-1', deductionId: 'D-1', employeeId: 'E-1', supervisorId: 'S-1', supervisorDepartment: 'repairs', openedAt: '2026-03-10T02:00:00.000Z', dueAt: '2026-03-11T02:00:00.000Z' },
};
const held: TalkHeld = { type: 'TalkHeld', data: { obligationId: 'D-1', supervisorId: 'S-1', employeeId: 'E-1', heldAt: '2026-03-10T08:00:00.000Z', notes: 'talked' } };
const breached: TalkObligationBreached = { type: 'TalkObligationBreached', data: { ...opened.data, startedAt: opened.data.openedAt } };
const cancelled: TalkObligationCancelled = { type: 'TalkObligationCancelled', data: { obligationId: 'D-1', supervisorId: 'S-1', reason: 'withdrawn', cancelledAt: '2026-03-10T05:00:00.000Z' } };

const fold = (...events: (TalkObligationOpened | TalkHeld | TalkObligationBreached | TalkObligationCancelled)[]) => {
  const recorded = recorder();
  return foldProjection(createTalkObligationsProjection(), events.map((event) => recorded(event, { streamName: 'talkObligation-D-1' }))).get('D-1');
};

describe('talk obligations projection', () => {
  it('follows every talk obligation event, by its obligation', () => {
    const projection = createTalkObligationsProjection();
    expect(projection.handles).toEqual(['TalkObligationOpened', 'TalkHeld', 'TalkObligationBreached', 'TalkObligationCancelled']);
    expect(projection.documentIds(held as never)).toEqual(['D-1']);
    expect(projection.indexes).toEqual([{ fields: ['department', 'dueAt'] }, { fields: ['supervisorId'] }, { fields: ['status', 'dueAt'] }]);
  });

  it('lists an obligation as pending from its opening, owed by the supervisor in their department', () => {
    expect(fold(opened)).toEqual({
      _id: 'D-1',
      _position: 1,
      obligationId: 'D-1',
      deductionId: 'D-1',
      employeeId: 'E-1',
      supervisorId: 'S-1',
      department: 'repairs',
      openedAt: '2026-03-10T02:00:00.000Z',
      dueAt: '2026-03-11T02:00:00.000Z',
      status: 'pending',
      breached: false,
      heldAt: null,
      cancelledAt: null,
    });
  });

  it('records the talk held, the breach (a late talk keeps it) and the cancellation', () => {
    expect(fold(opened, held)).toMatchObject({ status: 'held', heldAt: held.data.heldAt, breached: false });
    expect(fold(opened, breached)).toMatchObject({ status: 'pending', breached: true });
    expect(fold(opened, breached, held)).toMatchObject({ status: 'held', breached: true, heldAt: held.data.heldAt });
    expect(fold(opened, cancelled)).toMatchObject({ status: 'cancelled', cancelledAt: cancelled.data.cancelledAt, heldAt: null });
  });

  it('makes nothing of a later step whose opening it never saw', () => {
    expect(fold(held)).toBeUndefined();
  });
});
