import { foldProjection } from './fold';
import { createOpenTicketsProjection, STILL_RUNNING, type ServiceClockDocument } from './overdue.projection';
import { deductionContested, ticketDispatched, ticketResolved } from './testing/events';
import { recorder } from './testing/recorded';
import type { TicketReassigned, TicketDeadlineBreached } from '../src/tickets/domain/ticket.events';
import type { ComplaintClockStarted, ComplaintDeadlineBreached } from '../src/complaints/domain/complaint.events';
import type { TalkObligationBreached, TalkObligationOpened } from '../src/talks/domain/talk-obligation.events';
import type { HearingDeadlineBreached } from '../src/deductions/domain/deduction.events';
import type { DomainEvent } from '../src/shared/domain/decider';

const overdue = createOpenTicketsProjection();
const overdueAsOf = (documents: Map<string, ServiceClockDocument>, asOf: string) =>
  [...documents.values()].filter((doc) => doc.startedAt <= asOf && doc.stoppedAt > asOf && doc.dueAt < asOf).map((doc) => doc._id);

const withDeadlines = ticketDispatched({
  deadlines: { acknowledgement: { dueAt: '2026-03-10T02:10:00.000Z' }, resolution: { dueAt: '2026-03-10T02:20:00.000Z', rule: { ruleCode: '001:925', points: 2 } } },
});

describe('overdue (service clocks) projection', () => {
  it('keeps one running clock per deadline of a dispatched ticket', () => {
    const recorded = recorder();
    const documents = foldProjection(overdue, [recorded(withDeadlines)]);

    expect(documents.get('ticket:T-1:resolution')).toEqual({
      _id: 'ticket:T-1:resolution',
      _position: 1,
      clock: 'resolution',
      subject: 'ticket',
      subjectId: 'T-1',
      ticketId: 'T-1',
      complaintId: null,
      assigneeId: 'E-2',
      department: 'engineering',
      startedAt: '2026-03-10T02:00:00.000Z',
      dueAt: '2026-03-10T02:20:00.000Z',
      stoppedAt: STILL_RUNNING,
      breached: false,
      startedAtMs: Date.parse('2026-03-10T02:00:00.000Z'),
      dueAtMs: Date.parse('2026-03-10T02:20:00.000Z'),
      stoppedAtMs: Date.parse(STILL_RUNNING),
    });
    expect([...documents.keys()].sort()).toEqual(['ticket:T-1:acknowledgement', 'ticket:T-1:resolution']);
  });

  it('refuses an event whose instant is not one, naming the clock and the field, rather than keep a clock no query finds', () => {
    const recorded = recorder();
    expect(() => foldProjection(overdue, [recorded(withDeadlines), recorded(ticketResolved({ resolvedAt: 'soon' }))])).toThrow('clock ticket:T-1:acknowledgement: stoppedAt "soon" is not an instant');
  });

  it('keeps each instant also as epoch milliseconds, moved with it when the clock stops', () => {
    const recorded = recorder();
    const documents = foldProjection(overdue, [recorded(withDeadlines), recorded(ticketResolved({ resolvedAt: '2026-03-10T11:00:00+08:00' }))]);

    expect(documents.get('ticket:T-1:resolution')).toMatchObject({ stoppedAt: '2026-03-10T03:00:00.000Z', stoppedAtMs: Date.parse('2026-03-10T03:00:00.000Z') });
  });

  it('reads a ticket from before service levels as one resolution clock due at resolveBy', () => {
    const documents = foldProjection(overdue, [recorder()(ticketDispatched())]);
    expect([...documents.keys()]).toEqual(['ticket:T-1:resolution']);
  });

  it('lists a clock as overdue from its deadline until it stops, and as of any earlier time', () => {
    const recorded = recorder();
    const documents = foldProjection(overdue, [recorded(withDeadlines), recorded(ticketResolved({ resolvedAt: '2026-03-10T03:00:00.000Z' }))]);

    expect(overdueAsOf(documents, '2026-03-10T02:09:59.999Z')).toEqual([]);
    expect(overdueAsOf(documents, '2026-03-10T02:30:00.000Z').sort()).toEqual(['ticket:T-1:acknowledgement', 'ticket:T-1:resolution']);
    expect(overdueAsOf(documents, '2026-03-10T03:00:00.000Z')).toEqual([]);
  });

  it('keeps the run before a reassignment, naming who was responsible then', () => {
    const recorded = recorder();
    const reassigned: TicketReassigned = {
      type: 'TicketReassigned',
      data: {
        ticketId: 'T-1', fromAssigneeId: 'E-2', fromDepartment: 'engineering', assigneeId: 'E-3', department: 'repairs', reason: 'sick',
        reassignedAt: '2026-03-10T02:30:00.000Z', clocks: 'restarted',
        previous: { resolution: { startedAt: '2026-03-10T02:00:00.000Z', dueAt: '2026-03-10T02:20:00.000Z', breached: true } },
        deadlines: { resolution: { dueAt: '2026-03-10T03:00:00.000Z' } },
      },
    };
    const breach: TicketDeadlineBreached = {
      type: 'TicketDeadlineBreached',
      data: { ticketId: 'T-1', milestone: 'resolution', startedAt: '2026-03-10T02:00:00.000Z', dueAt: '2026-03-10T02:20:00.000Z', responsibleEmployeeId: 'E-2', department: 'engineering' },
    };
    const documents = foldProjection(overdue, [recorded(ticketDispatched()), recorded(breach), recorded(reassigned)]);

    expect(documents.get('ticket:T-1:resolution@2026-03-10T02:30:00.000Z')).toMatchObject({ assigneeId: 'E-2', breached: true, stoppedAt: '2026-03-10T02:30:00.000Z' });
    expect(documents.get('ticket:T-1:resolution')).toMatchObject({ assigneeId: 'E-3', breached: false, startedAt: '2026-03-10T02:30:00.000Z', dueAt: '2026-03-10T03:00:00.000Z' });
    expect(overdueAsOf(documents, '2026-03-10T02:25:00.000Z')).toEqual(['ticket:T-1:resolution@2026-03-10T02:30:00.000Z']);
    expect(overdueAsOf(documents, '2026-03-10T02:45:00.000Z')).toEqual([]);
  });

  it('ends with the same documents when the same events are projected again', () => {
    const recorded = recorder();
    const events = [recorded(withDeadlines), recorded(ticketDispatched({ ticketId: 'T-2' })), recorded(ticketResolved({ ticketId: 'T-1' }))];
    const documents = foldProjection(overdue, events);
    const once = structuredClone([...documents.entries()]);

    expect([...foldProjection(overdue, events, documents).entries()]).toEqual(once);
  });

  describe('the breached flag (what the deadline watcher skips)', () => {
    const resolutionBreach: TicketDeadlineBreached = {
      type: 'TicketDeadlineBreached',
      data: { ticketId: 'T-1', milestone: 'resolution', startedAt: '2026-03-10T02:00:00.000Z', dueAt: '2026-03-10T02:20:00.000Z', responsibleEmployeeId: 'E-2', department: 'engineering' },
    };

    it('sets breached on the ticket clock a TicketDeadlineBreached names, and on no other; the clock keeps running', () => {
      const recorded = recorder();
      const documents = foldProjection(overdue, [recorded(withDeadlines), recorded(resolutionBreach)]);

      expect(documents.get('ticket:T-1:resolution')).toMatchObject({ breached: true, stoppedAt: STILL_RUNNING, _position: 2 });
      expect(documents.get('ticket:T-1:acknowledgement')).toMatchObject({ breached: false, stoppedAt: STILL_RUNNING });
      expect(overdueAsOf(documents, '2026-03-10T02:30:00.000Z').sort()).toEqual(['ticket:T-1:acknowledgement', 'ticket:T-1:resolution']);
    });

    it('keeps breached once the breached clock stops', () => {
      const recorded = recorder();
      const documents = foldProjection(overdue, [recorded(withDeadlines), recorded(resolutionBreach), recorded(ticketResolved({ resolvedAt: '2026-03-10T03:00:00.000Z', late: true }))]);

      expect(documents.get('ticket:T-1:resolution')).toMatchObject({ breached: true, stoppedAt: '2026-03-10T03:00:00.000Z' });
    });

    const complaintStarted: ComplaintClockStarted = {
      type: 'ComplaintClockStarted',
      data: { complaintId: 'C-1', milestone: 'handling', round: 1, startedAt: '2026-03-09T01:00:00.000Z', dueAt: '2026-03-11T01:00:00.000Z', responsibleEmployeeId: 'E-1', department: 'cs' },
    };
    const complaintBreached: ComplaintDeadlineBreached = {
      type: 'ComplaintDeadlineBreached',
      data: { complaintId: 'C-1', milestone: 'handling', round: 1, startedAt: '2026-03-09T01:00:00.000Z', dueAt: '2026-03-11T01:00:00.000Z', responsibleEmployeeId: 'E-1', department: 'cs' },
    };
    const talk = { obligationId: 'TO-1', deductionId: 'D-1', employeeId: 'E-1', supervisorId: 'S-1', supervisorDepartment: 'cs', dueAt: '2026-03-11T02:00:00.000Z' };
    const talkOpened: TalkObligationOpened = { type: 'TalkObligationOpened', data: { ...talk, openedAt: '2026-03-10T02:00:00.000Z' } };
    const talkBreached: TalkObligationBreached = { type: 'TalkObligationBreached', data: { ...talk, startedAt: '2026-03-10T02:00:00.000Z' } };
    const contested = deductionContested({ hearingDueAt: '2026-03-26T02:00:00.000Z' });
    const hearingBreached: HearingDeadlineBreached = {
      type: 'HearingDeadlineBreached',
      data: { deductionId: 'D-1', employeeId: 'E-1', deductionOccurredAt: '2026-03-10T02:00:00.000Z', contestedAt: '2026-03-11T02:00:00.000Z', dueAt: '2026-03-26T02:00:00.000Z' },
    };
    it.each<[string, DomainEvent<string, unknown>, DomainEvent<string, unknown>, string]>([
      ['ComplaintDeadlineBreached', complaintStarted, complaintBreached, 'complaint:C-1:handling:1'],
      ['TalkObligationBreached', talkOpened, talkBreached, 'talk:TO-1'],
      ['HearingDeadlineBreached', contested, hearingBreached, 'hearing:D-1'],
    ])('sets breached on the clock a %s names', (_type, start, breach, id) => {
      const recorded = recorder();
      const documents = foldProjection(overdue, [recorded(start)]);
      expect(documents.get(id)).toMatchObject({ breached: false });

      foldProjection(overdue, [recorded(breach)], documents);

      expect(documents.get(id)).toMatchObject({ breached: true, stoppedAt: STILL_RUNNING });
    });
  });
});
