import type { ICommand } from '@nestjs/cqrs';
import type { CommandMetadata } from '../../shared/command-handling/command-metadata';
import { nameBasedUuid } from '../../shared/command-handling/event-ids';
import type { RecordedEvent } from '../../shared/event-store/event-store.port';
import type { ComplaintDeadlineBreached, ComplaintVerdictRecorded, ComplaintVerdictReversed } from '../../complaints/domain/complaint.events';
import { ApplyConsequenceCommand } from '../../consequences/apply-consequence/apply-consequence.command';
import { WithdrawConsequenceCommand } from '../../consequences/withdraw-consequence/withdraw-consequence.command';
import type { ConsequenceTrigger } from '../../rulebook/domain/consequence';
import type { DeductionSource } from '../../deductions/domain/deduction.events';
import type { DeductionApplied, DeductionWithdrawn } from '../../deductions/domain/deduction.events';
import type { TalkObligationBreached } from '../../talks/domain/talk-obligation.events';
import { TalkObligationLifecycleCommand } from '../../talks/talk-obligation/talk-obligation.command';
import type { TicketDeadlineBreached } from '../../tickets/domain/ticket.events';
import type { DeductionRule } from '../../service-levels/domain/service-level-policy';

/**
 * Sagas are pure mappings from a stored event to the commands it causes. Every command carries
 * ids derived from the causing event (its deduction id, and an idempotency key from which its
 * event ids derive), and points back to it (causationId, and the deduction's `source`), so running
 * a saga twice on the same event changes nothing.
 */
export type Saga = (event: RecordedEvent) => ICommand[];

const metadataFor = (saga: string, event: RecordedEvent, part = ''): CommandMetadata => ({
  actor: `system:saga:${saga}`,
  correlationId: event.metadata.correlationId,
  causationId: event.id,
  idempotencyKey: `saga:${saga}:${event.id}:${part}`,
});

/** The deduction an upheld verdict makes for one employee: the reversal finds it by the same id. */
export const verdictDeductionId = (complaintId: string, verdictNumber: number, employeeId: string) =>
  `D-${nameBasedUuid(`complaint-verdict\u0000${complaintId}\u0000${verdictNumber}\u0000${employeeId}`)}`;

/** An upheld complaint costs each employee named what the rulebook says for their position (004:146). */
export const upheldComplaintSaga: Saga = (event) => {
  if (event.type !== 'ComplaintVerdictRecorded') return [];
  const data = event.data as ComplaintVerdictRecorded['data'];
  if (data.outcome !== 'upheld') return [];
  return data.employeeIds.map(
    (employeeId) =>
      new ApplyConsequenceCommand(
        {
          trigger: { kind: 'upheldComplaint', severity: data.severity },
          deductionId: verdictDeductionId(data.complaintId, data.verdictNumber, employeeId),
          employeeId,
          at: data.decidedAt,
          reason: `valid complaint ${data.complaintId} (verdict ${data.verdictNumber})`,
          source: { kind: 'complaint', complaintId: data.complaintId },
          ...(data.rule ? { legacyRule: data.rule } : {}),
        },
        metadataFor('complaint-verdict', event, employeeId),
      ),
  );
};

export const reversedVerdictSaga: Saga = (event) => {
  if (event.type !== 'ComplaintVerdictReversed') return [];
  const data = event.data as ComplaintVerdictReversed['data'];
  if (data.outcome !== 'upheld') return [];
  return data.employeeIds.map(
    (employeeId) =>
      new WithdrawConsequenceCommand(
        {
          deductionId: verdictDeductionId(data.complaintId, data.verdictNumber, employeeId),
          reason: `verdict ${data.verdictNumber} on complaint ${data.complaintId} reversed: ${data.reason}`,
          withdrawnAt: data.reversedAt,
        },
        metadataFor('verdict-reversed', event, employeeId),
      ),
  );
};

function breachDeduction(event: RecordedEvent, trigger: ConsequenceTrigger, employeeId: string | undefined, rule: DeductionRule | undefined, dueAt: string, source: DeductionSource, what: string): ICommand[] {
  if (!employeeId) return [];
  const deductionId = `D-${nameBasedUuid(`breach\u0000${event.id}`)}`;
  return [
    new ApplyConsequenceCommand(
      { trigger, deductionId, employeeId, at: dueAt, reason: `missed deadline: ${what}`, source, ...(rule ? { legacyRule: rule } : {}) },
      metadataFor('breach', event),
    ),
  ];
}

/** A breach costs the person responsible at the time what the rulebook in force names for their position. */
export const breachSaga: Saga = (event) => {
  switch (event.type) {
    case 'TicketDeadlineBreached': {
      const d = event.data as TicketDeadlineBreached['data'];
      return breachDeduction(event, { kind: 'ticketBreach', milestone: d.milestone }, d.responsibleEmployeeId, d.rule, d.dueAt, { kind: 'ticket', ticketId: d.ticketId }, `${d.milestone} of ticket ${d.ticketId}`);
    }
    case 'ComplaintDeadlineBreached': {
      const d = event.data as ComplaintDeadlineBreached['data'];
      return breachDeduction(event, { kind: 'complaintBreach', milestone: d.milestone }, d.responsibleEmployeeId, d.rule, d.dueAt, { kind: 'complaint', complaintId: d.complaintId }, `${d.milestone} of complaint ${d.complaintId}`);
    }
    case 'TalkObligationBreached': {
      const d = event.data as TalkObligationBreached['data'];
      const source: DeductionSource = { kind: 'talkObligation', obligationId: d.obligationId };
      return breachDeduction(event, { kind: 'missedTalk' }, d.supervisorId, d.rule, d.dueAt, source, `talk with ${d.employeeId} after deduction ${d.deductionId} (001:1239)`);
    }
    default:
      return [];
  }
};

/** After any penalty the supervisor must talk with the employee within 24 hours (001:1239). */
export const talkObligationSaga: Saga = (event) => {
  if (event.type === 'DeductionApplied') {
    const d = event.data as DeductionApplied['data'];
    const command = { type: 'OpenTalkObligation' as const, data: { obligationId: d.deductionId, deductionId: d.deductionId, employeeId: d.employeeId } };
    return [new TalkObligationLifecycleCommand(command, metadataFor('talk-obligation', event))];
  }
  if (event.type === 'DeductionWithdrawn') {
    const d = event.data as DeductionWithdrawn['data'];
    const command = { type: 'CancelTalkObligation' as const, data: { obligationId: d.deductionId, reason: 'the penalty was withdrawn', cancelledAt: d.withdrawnAt } };
    return [new TalkObligationLifecycleCommand(command, metadataFor('talk-cancelled', event))];
  }
  return [];
};

export const serviceLevelSagas: Saga[] = [upheldComplaintSaga, reversedVerdictSaga, breachSaga, talkObligationSaga];
