import type { DomainEvent } from '../../shared/domain/decider';
import { eventTypeList } from '../../shared/domain/decider';
import type { DeductionRule } from '../../service-levels/domain/service-level-policy';

/** After a penalty the supervisor must talk with the employee within 24 hours (001:1239). */
export type TalkObligationOpened = DomainEvent<
  'TalkObligationOpened',
  {
    obligationId: string;
    deductionId: string;
    employeeId: string;
    supervisorId: string;
    supervisorDepartment: string;
    openedAt: string;
    dueAt: string;
    rule?: DeductionRule;
  }
>;

export type TalkHeld = DomainEvent<'TalkHeld', { obligationId: string; supervisorId: string; employeeId: string; heldAt: string; notes: string }>;

export type TalkObligationBreached = DomainEvent<
  'TalkObligationBreached',
  {
    obligationId: string;
    deductionId: string;
    employeeId: string;
    supervisorId: string;
    supervisorDepartment: string;
    startedAt: string;
    dueAt: string;
    rule?: DeductionRule;
  }
>;

/** The penalty was withdrawn before the talk: nothing is owed any more. */
export type TalkObligationCancelled = DomainEvent<
  'TalkObligationCancelled',
  { obligationId: string; supervisorId: string; reason: string; cancelledAt: string }
>;

export type TalkObligationEvent = TalkObligationOpened | TalkHeld | TalkObligationBreached | TalkObligationCancelled;
export const talkObligationEventTypes = eventTypeList<TalkObligationEvent['type']>()(['TalkObligationOpened', 'TalkHeld', 'TalkObligationBreached', 'TalkObligationCancelled']);
