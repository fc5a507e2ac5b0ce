import type { RecordedEvent } from '../../shared/event-store/event-store.port';
import type { ApplyConsequenceCommand } from '../../consequences/apply-consequence/apply-consequence.command';
import type { WithdrawConsequenceCommand } from '../../consequences/withdraw-consequence/withdraw-consequence.command';
import { TalkObligationLifecycleCommand } from '../../talks/talk-obligation/talk-obligation.command';
import { breachSaga, reversedVerdictSaga, talkObligationSaga, upheldComplaintSaga } from './consequence.sagas';

const stored = (type: string, data: object, id = 'event-1'): RecordedEvent => ({
  id, type, data, streamName: 's', revision: 0, position: 1,
  metadata: { actor: 'a', correlationId: 'corr-1', causationId: 'c', occurredAt: '2026-03-10T00:00:00.000Z', recordedAt: '2026-03-10T00:00:00.000Z' },
});
const verdict = { complaintId: 'C-1', verdictNumber: 1, outcome: 'upheld', employeeIds: ['E-1', 'E-2'], severity: 'normal', rule: { ruleCode: '004:146', points: 2 }, reasoning: 'x', decidedAt: '2026-03-12T00:00:00.000Z' };

describe('the consequence sagas', () => {
  it('turn an upheld verdict into one consequence per employee, resolved by severity, with ids derived from the cause', () => {
    const commands = upheldComplaintSaga(stored('ComplaintVerdictRecorded', verdict)) as ApplyConsequenceCommand[];
    expect(commands).toHaveLength(2);
    expect(commands[0].data).toMatchObject({ employeeId: 'E-1', trigger: { kind: 'upheldComplaint', severity: 'normal' }, at: verdict.decidedAt, source: { kind: 'complaint', complaintId: 'C-1' } });
    expect(commands[0].metadata).toMatchObject({ causationId: 'event-1', correlationId: 'corr-1', idempotencyKey: 'saga:complaint-verdict:event-1:E-1' });
    expect(upheldComplaintSaga(stored('ComplaintVerdictRecorded', verdict))).toEqual(commands);
    expect(upheldComplaintSaga(stored('ComplaintVerdictRecorded', { ...verdict, outcome: 'dismissed', employeeIds: [] }))).toEqual([]);
  });

  it('withdraw exactly the deductions a reversed verdict made', () => {
    const made = (upheldComplaintSaga(stored('ComplaintVerdictRecorded', verdict)) as ApplyConsequenceCommand[]).map((c) => c.data.deductionId);
    const reversal = { complaintId: 'C-1', verdictNumber: 1, outcome: 'upheld', employeeIds: ['E-1', 'E-2'], reason: 'x', reversedAt: '2026-03-13T00:00:00.000Z' };
    const withdrawals = reversedVerdictSaga(stored('ComplaintVerdictReversed', reversal, 'event-2')) as WithdrawConsequenceCommand[];
    expect(withdrawals.map((c) => c.data.deductionId)).toEqual(made);
  });

  it('charge a breach to the person responsible at the time, for the rulebook to price at the deadline', () => {
    const breach = { ticketId: 'T-1', milestone: 'arrival', startedAt: 'a', dueAt: '2026-03-10T01:20:00.000Z', responsibleEmployeeId: 'E-7', department: 'd' };
    const [command] = breachSaga(stored('TicketDeadlineBreached', breach)) as ApplyConsequenceCommand[];
    expect(command.data).toMatchObject({ employeeId: 'E-7', trigger: { kind: 'ticketBreach', milestone: 'arrival' }, at: breach.dueAt, source: { kind: 'ticket', ticketId: 'T-1' } });
    expect(command.data.legacyRule).toBeUndefined();
    expect(breachSaga(stored('TicketDeadlineBreached', breach))).toEqual([command]);
    expect(breachSaga(stored('TicketDeadlineBreached', { ...breach, responsibleEmployeeId: undefined }))).toEqual([]);
  });

  it('charge a missed talk to the supervisor', () => {
    const missed = { obligationId: 'D-1', deductionId: 'D-1', employeeId: 'E-1', supervisorId: 'S-1', supervisorDepartment: 'w', startedAt: 'a', dueAt: '2026-03-11T01:00:00.000Z' };
    const [command] = breachSaga(stored('TalkObligationBreached', missed)) as ApplyConsequenceCommand[];
    expect(command.data).toMatchObject({ employeeId: 'S-1', trigger: { kind: 'missedTalk' }, at: missed.dueAt });
  });

  it('oblige the supervisor to talk after every deduction, and cancel it when the deduction is withdrawn', () => {
    const [open] = talkObligationSaga(stored('DeductionApplied', { deductionId: 'D-1', employeeId: 'E-1' })) as TalkObligationLifecycleCommand[];
    expect(open.command).toEqual({ type: 'OpenTalkObligation', data: { obligationId: 'D-1', deductionId: 'D-1', employeeId: 'E-1' } });
    const [cancel] = talkObligationSaga(stored('DeductionWithdrawn', { deductionId: 'D-1', withdrawnAt: 'w' })) as TalkObligationLifecycleCommand[];
    expect(cancel.command).toMatchObject({ type: 'CancelTalkObligation', data: { obligationId: 'D-1' } });
  });
});
