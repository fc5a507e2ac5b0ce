import { foldProjection } from './fold';
import { createOpenTicketsProjection, STILL_RUNNING } from './overdue.projection';
import { deductionContested, ticketDispatched } from './testing/events';
import { recorder } from './testing/recorded';
import type { DomainEvent } from '../src/shared/domain/decider';
import type { DeductionWithdrawn, HearingRecorded } from '../src/deductions/domain/deduction.events';

/** How each kind of service clock starts, moves to someone else, pauses and stops, as the overdue list sees it. */
const overdue = createOpenTicketsProjection();
const fold = (...events: DomainEvent<string, unknown>[]) => {
  const recorded = recorder();
  return foldProjection(overdue, events.map((event) => recorded(event)));
};
const T0 = '2026-03-10T02:00:00.000Z';
const dispatched = ticketDispatched({
  dispatchedAt: T0,
  deadlines: { acknowledgement: { dueAt: '2026-03-10T02:10:00.000Z' }, arrival: { dueAt: '2026-03-10T02:40:00.000Z' }, resolution: { dueAt: '2026-03-10T04:00:00.000Z' } },
});
const ticketEvent = (type: string, data: object) => ({ type, data: { ticketId: 'T-1', assigneeId: 'E-2', ...data } });

describe('ticket clocks', () => {
  it('stops only the acknowledgement clock when the ticket is acknowledged, at the time it was', () => {
    const documents = fold(dispatched, ticketEvent('TicketAcknowledged', { acknowledgedAt: '2026-03-10T10:05:00+08:00' }));
    expect(documents.get('ticket:T-1:acknowledgement')!.stoppedAt).toBe('2026-03-10T02:05:00.000Z');
    expect(documents.get('ticket:T-1:arrival')!.stoppedAt).toBe(STILL_RUNNING);
  });

  it('stops the acknowledgement and the arrival clocks on arrival, and leaves a stopped clock as it stopped', () => {
    const documents = fold(dispatched, ticketEvent('TicketAcknowledged', { acknowledgedAt: '2026-03-10T02:05:00.000Z' }), ticketEvent('TicketArrived', { arrivedAt: '2026-03-10T02:30:00.000Z' }));
    expect(documents.get('ticket:T-1:acknowledgement')!.stoppedAt).toBe('2026-03-10T02:05:00.000Z');
    expect(documents.get('ticket:T-1:arrival')!.stoppedAt).toBe('2026-03-10T02:30:00.000Z');
    expect(documents.get('ticket:T-1:resolution')!.stoppedAt).toBe(STILL_RUNNING);
  });

  it('stops every clock still running when the ticket is cancelled', () => {
    const documents = fold(dispatched, ticketEvent('TicketCancelled', { reason: 'duplicate', cancelledAt: '2026-03-10T03:00:00.000Z' }));
    for (const clock of ['acknowledgement', 'arrival', 'resolution']) expect(documents.get(`ticket:T-1:${clock}`)!.stoppedAt).toBe('2026-03-10T03:00:00.000Z');
  });

  it('changes nothing when a ticket is closed after its resolution', () => {
    const before = fold(dispatched);
    const after = fold(dispatched, ticketEvent('TicketClosed', { closedAt: '2026-03-10T05:00:00.000Z', signedOffBy: 'x' }));
    expect([...after.values()].map(({ _position, ...doc }) => doc)).toEqual([...before.values()].map(({ _position, ...doc }) => doc));
    expect(overdue.documentIds(recorder()(ticketEvent('TicketClosed', { closedAt: T0, signedOffBy: 'x' })) as Parameters<typeof overdue.documentIds>[0])).toEqual([]);
  });

  describe('a pause', () => {
    const paused = ticketEvent('TicketPaused', { reason: 'waiting-for-parts', pausedAt: '2026-03-10T02:20:00.000Z', milestones: ['arrival', 'resolution'] });
    const resumed = ticketEvent('TicketResumed', {
      department: 'engineering',
      pausedAt: '2026-03-10T02:20:00.000Z',
      resumedAt: '2026-03-10T03:20:00.000Z',
      previous: { resolution: { startedAt: T0, dueAt: '2026-03-10T04:00:00.000Z', breached: false } },
      deadlines: { resolution: { dueAt: '2026-03-10T05:00:00.000Z' } },
    });

    it('stops the clocks it names, marked paused since then; the others run on', () => {
      const documents = fold(dispatched, paused);
      expect(documents.get('ticket:T-1:resolution')).toMatchObject({ stoppedAt: '2026-03-10T02:20:00.000Z', pausedAt: '2026-03-10T02:20:00.000Z' });
      expect(documents.get('ticket:T-1:arrival')).toMatchObject({ pausedAt: '2026-03-10T02:20:00.000Z' });
      expect(documents.get('ticket:T-1:acknowledgement')).toMatchObject({ stoppedAt: STILL_RUNNING });
      expect(documents.get('ticket:T-1:acknowledgement')!.pausedAt).toBeUndefined();
    });

    it('does not pause a clock that had already stopped', () => {
      const documents = fold(dispatched, ticketEvent('TicketArrived', { arrivedAt: '2026-03-10T02:15:00.000Z' }), paused);
      expect(documents.get('ticket:T-1:arrival')).toMatchObject({ stoppedAt: '2026-03-10T02:15:00.000Z' });
      expect(documents.get('ticket:T-1:arrival')!.pausedAt).toBeUndefined();
    });

    it('on resumption keeps the run before the pause as its own document and runs the clock again with its moved deadline', () => {
      const documents = fold(dispatched, paused, resumed);
      expect(documents.get('ticket:T-1:resolution@2026-03-10T02:20:00.000Z')).toMatchObject({
        clock: 'resolution', subject: 'ticket', subjectId: 'T-1', ticketId: 'T-1', complaintId: null, assigneeId: 'E-2', department: 'engineering',
        startedAt: T0, dueAt: '2026-03-10T04:00:00.000Z', stoppedAt: '2026-03-10T02:20:00.000Z', breached: false,
      });
      const current = documents.get('ticket:T-1:resolution')!;
      expect(current).toMatchObject({ startedAt: '2026-03-10T03:20:00.000Z', dueAt: '2026-03-10T05:00:00.000Z', stoppedAt: STILL_RUNNING, breached: false });
      expect('pausedAt' in current).toBe(false);
    });

    it('leaves a clock the resumption does not name as the pause left it', () => {
      const documents = fold(dispatched, paused, resumed);
      expect(documents.get('ticket:T-1:arrival')).toMatchObject({ pausedAt: '2026-03-10T02:20:00.000Z', stoppedAt: '2026-03-10T02:20:00.000Z' });
      expect(documents.has('ticket:T-1:arrival@2026-03-10T02:20:00.000Z')).toBe(false);
    });

    it('keeps a clock breached before the pause breached after it', () => {
      const breachedBefore = { ...resumed, data: { ...resumed.data, previous: { resolution: { startedAt: T0, dueAt: '2026-03-10T04:00:00.000Z', breached: true } } } };
      const documents = fold(dispatched, paused, breachedBefore);
      expect(documents.get('ticket:T-1:resolution')!.breached).toBe(true);
      expect(documents.get('ticket:T-1:resolution@2026-03-10T02:20:00.000Z')!.breached).toBe(true);
    });
  });

  it('hands a running clock over with its breach when the policy keeps clocks on reassignment', () => {
    const reassigned = ticketEvent('TicketReassigned', {
      fromAssigneeId: 'E-2', fromDepartment: 'engineering', assigneeId: 'E-3', department: 'repairs', reason: 'sick',
      reassignedAt: '2026-03-10T03:00:00.000Z', clocks: 'kept',
      previous: { resolution: { startedAt: T0, dueAt: '2026-03-10T04:00:00.000Z', breached: true } },
      deadlines: { resolution: { dueAt: '2026-03-10T04:00:00.000Z' } },
    });
    const documents = fold(dispatched, reassigned);
    expect(documents.get('ticket:T-1:resolution')).toMatchObject({ assigneeId: 'E-3', department: 'repairs', startedAt: '2026-03-10T03:00:00.000Z', breached: true, stoppedAt: STILL_RUNNING });
    expect(documents.get('ticket:T-1:resolution@2026-03-10T03:00:00.000Z')).toMatchObject({ assigneeId: 'E-2', department: 'engineering', startedAt: T0, stoppedAt: '2026-03-10T03:00:00.000Z' });
    expect(documents.get('ticket:T-1:arrival')).toMatchObject({ assigneeId: 'E-2' });
  });
});

describe('complaint clocks', () => {
  const started = (milestone: string, round = 1) => ({
    type: 'ComplaintClockStarted',
    data: { complaintId: 'C-1', milestone, round, startedAt: '2026-03-09T09:00:00+08:00', dueAt: '2026-03-11T09:00:00+08:00' },
  });

  it('starts a handling clock per round with nobody responsible until it is assigned, in UTC', () => {
    const documents = fold(started('handling'));
    expect(documents.get('complaint:C-1:handling:1')).toMatchObject({
      clock: 'handling', subject: 'complaint', subjectId: 'C-1', ticketId: null, complaintId: 'C-1', assigneeId: null, department: null,
      startedAt: '2026-03-09T01:00:00.000Z', dueAt: '2026-03-11T01:00:00.000Z', stoppedAt: STILL_RUNNING, breached: false,
    });
  });

  it('names the assignee and department on assignment, and stops the round on resolution', () => {
    const documents = fold(
      started('handling'),
      { type: 'ComplaintAssigned', data: { complaintId: 'C-1', assigneeId: 'E-1', department: 'cs', assignedAt: '2026-03-09T02:00:00.000Z', round: 1 } },
      { type: 'ComplaintResolved', data: { complaintId: 'C-1', round: 1, assigneeId: 'E-1', resolvedAt: '2026-03-10T02:00:00.000Z', resolution: 'fixed' } },
    );
    expect(documents.get('complaint:C-1:handling:1')).toMatchObject({ assigneeId: 'E-1', department: 'cs', stoppedAt: '2026-03-10T02:00:00.000Z' });
  });

  it('does not move a stopped round to a later assignee', () => {
    const documents = fold(
      started('handling'),
      { type: 'ComplaintResolved', data: { complaintId: 'C-1', round: 1, assigneeId: 'E-1', resolvedAt: '2026-03-10T02:00:00.000Z', resolution: 'fixed' } },
      { type: 'ComplaintAssigned', data: { complaintId: 'C-1', assigneeId: 'E-9', department: 'other', assignedAt: '2026-03-10T03:00:00.000Z', round: 1 } },
    );
    expect(documents.get('complaint:C-1:handling:1')).toMatchObject({ assigneeId: null, department: null });
  });

  it('stops the callback clock of its round when the callback is recorded', () => {
    const documents = fold(started('callback', 2), { type: 'ComplaintCallbackRecorded', data: { complaintId: 'C-1', round: 2, calledBackAt: '2026-03-10T04:00:00.000Z', satisfied: true, notes: '' } });
    expect(documents.get('complaint:C-1:callback:2')).toMatchObject({ clock: 'callback', stoppedAt: '2026-03-10T04:00:00.000Z' });
  });
});

describe('talk clocks', () => {
  const opened = {
    type: 'TalkObligationOpened',
    data: { obligationId: 'TO-1', deductionId: 'D-1', employeeId: 'E-1', supervisorId: 'S-1', supervisorDepartment: 'cs', openedAt: '2026-03-10T02:00:00.000Z', dueAt: '2026-03-11T02:00:00.000Z' },
  };

  it('holds the supervisor responsible for the talk from the obligation on', () => {
    expect(fold(opened).get('talk:TO-1')).toMatchObject({
      clock: 'talk', subject: 'talkObligation', subjectId: 'TO-1', ticketId: null, complaintId: null, assigneeId: 'S-1', department: 'cs',
      startedAt: '2026-03-10T02:00:00.000Z', dueAt: '2026-03-11T02:00:00.000Z', stoppedAt: STILL_RUNNING,
    });
  });

  it.each([
    ['held', { type: 'TalkHeld', data: { obligationId: 'TO-1', supervisorId: 'S-1', employeeId: 'E-1', heldAt: '2026-03-10T08:00:00.000Z', notes: '' } }],
    ['cancelled', { type: 'TalkObligationCancelled', data: { obligationId: 'TO-1', supervisorId: 'S-1', reason: 'overturned', cancelledAt: '2026-03-10T08:00:00.000Z' } }],
  ])('stops when the talk is %s', (_how, event) => {
    expect(fold(opened, event).get('talk:TO-1')!.stoppedAt).toBe('2026-03-10T08:00:00.000Z');
  });
});

describe('the hearing clock of a contested deduction', () => {
  const contested = deductionContested({ contestedAt: '2026-03-11T02:00:00.000Z', hearingDueAt: '2026-03-26T02:00:00.000Z' });

  it('runs from the contest to the hearing deadline, with the panel (nobody in particular) responsible', () => {
    expect(fold(contested).get('hearing:D-1')).toMatchObject({
      clock: 'hearing', subject: 'deduction', subjectId: 'D-1', ticketId: null, complaintId: null, assigneeId: null, department: null,
      startedAt: '2026-03-11T02:00:00.000Z', dueAt: '2026-03-26T02:00:00.000Z', stoppedAt: STILL_RUNNING,
    });
  });

  it('does not start for a contest recorded before hearings had a deadline', () => {
    const untimed = deductionContested({ contestedAt: '2026-03-11T02:00:00.000Z' });
    expect(fold(untimed).size).toBe(0);
    expect(overdue.documentIds(recorder()(untimed))).toEqual([]);
  });

  it('stops when the hearing is recorded', () => {
    const heard: HearingRecorded = {
      type: 'HearingRecorded',
      data: { deductionId: 'D-1', employeeId: 'E-1', deductionOccurredAt: T0, panel: ['P-1'], outcome: 'upheld', originalPoints: 2, pointsInForce: 2, reasoning: 'r', heardAt: '2026-03-20T02:00:00.000Z' },
    };
    expect(fold(contested, heard).get('hearing:D-1')!.stoppedAt).toBe('2026-03-20T02:00:00.000Z');
  });

  it('stops when the deduction is withdrawn before the hearing', () => {
    const withdrawn: DeductionWithdrawn = { type: 'DeductionWithdrawn', data: { deductionId: 'D-1', employeeId: 'E-1', reason: 'verdict reversed', withdrawnAt: '2026-03-15T02:00:00.000Z' } as DeductionWithdrawn['data'] };
    expect(fold(contested, withdrawn).get('hearing:D-1')!.stoppedAt).toBe('2026-03-15T02:00:00.000Z');
  });
});
