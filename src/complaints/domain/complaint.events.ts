import type { SealedText } from '../../shared/domain/sealed-text';
import type { DomainEvent } from '../../shared/domain/decider';
import { eventTypeList } from '../../shared/domain/decider';
import type { ComplaintMilestone, DeductionRule } from '../../service-levels/domain/service-level-policy';

export const complaintChannels = ['phone', 'hotline', 'visit', 'letter', 'online', 'referral'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

export const complaintSeverities = ['normal', 'serious', 'group'] as const;
export type ComplaintSeverity = (typeof complaintSeverities)[number];

/** Personal data of the complainant (confidential: shown only to roles allowed to see it). */
export interface Complainant {
  name: string;
  phone?: string;
  /** Building / unit / flat. */
  address?: string;
}

/**
 * The complainant as stored: encrypted with the key of the data subject `subjectId`, which is kept
 * outside the event stream. Erasing the subject destroys the key, never the event.
 */
export interface SealedComplainant {
  subjectId: string;
  /** `v1.` and base64url of IV, GCM tag and ciphertext. */
  sealed: string;
}

export type ComplaintReceived = DomainEvent<
  'ComplaintReceived',
  {
    complaintId: string;
    channel: ComplaintChannel;
    complainant: SealedComplainant;
    /** Sealed under the complainant's subject key (plain strings in events recorded before). */
    location?: string | SealedText;
    subject: string;
    description: string | SealedText;
    severity: ComplaintSeverity;
    receivedAt: string;
    /** Employees the complaint is about, when the clerk knows them at receipt. */
    concernsEmployeeIds: string[];
  }
>;

/**
 * A complaint's clock started: handling at receipt (and again when an unsatisfied callback reopens
 * it, in the next round), the callback at resolution. The deadline is fixed here.
 */
export type ComplaintClockStarted = DomainEvent<
  'ComplaintClockStarted',
  {
    complaintId: string;
    milestone: ComplaintMilestone;
    round: number;
    startedAt: string;
    dueAt: string;
    rule?: DeductionRule;
    /** Who handles the complaint when the clock starts (none before it is assigned). */
    responsibleEmployeeId?: string;
    department?: string;
  }
>;

/** The complaint was given to an employee to handle (usually with a ticket dispatched to them). */
export type ComplaintAssigned = DomainEvent<
  'ComplaintAssigned',
  { complaintId: string; assigneeId: string; department: string; ticketId?: string; assignedAt: string; /** The handling round it is assigned in. */ round: number }
>;

export type ComplaintResolved = DomainEvent<
  'ComplaintResolved',
  { complaintId: string; round: number; assigneeId: string; resolvedAt: string; resolution: string }
>;

/** The callback (回访): a satisfied complainant closes the matter, an unsatisfied one reopens it. */
export type ComplaintCallbackRecorded = DomainEvent<
  'ComplaintCallbackRecorded',
  { complaintId: string; round: number; calledBackAt: string; satisfied: boolean; notes: string }
>;

export type ComplaintDeadlineBreached = DomainEvent<
  'ComplaintDeadlineBreached',
  {
    complaintId: string;
    milestone: ComplaintMilestone;
    round: number;
    startedAt: string;
    dueAt: string;
    /** The employee handling the complaint at the deadline; none while it was unassigned. */
    responsibleEmployeeId?: string;
    department?: string;
    rule?: DeductionRule;
  }
>;

export const verdictOutcomes = ['upheld', 'dismissed'] as const;
export type VerdictOutcome = (typeof verdictOutcomes)[number];

/** Valid (有理投诉) against the employees named, or dismissed. Numbered: a reversed verdict may be followed by another. */
export type ComplaintVerdictRecorded = DomainEvent<
  'ComplaintVerdictRecorded',
  {
    complaintId: string;
    verdictNumber: number;
    outcome: VerdictOutcome;
    employeeIds: string[];
    severity: ComplaintSeverity;
    /** What an upheld verdict costs each employee named (fixed when the verdict is recorded). */
    rule?: DeductionRule;
    reasoning: string;
    decidedAt: string;
  }
>;

export type ComplaintVerdictReversed = DomainEvent<
  'ComplaintVerdictReversed',
  { complaintId: string; verdictNumber: number; outcome: VerdictOutcome; employeeIds: string[]; reason: string; reversedAt: string }
>;

export type ComplaintEvent =
  | ComplaintReceived
  | ComplaintClockStarted
  | ComplaintAssigned
  | ComplaintResolved
  | ComplaintCallbackRecorded
  | ComplaintDeadlineBreached
  | ComplaintVerdictRecorded
  | ComplaintVerdictReversed;

export const complaintEventTypes = eventTypeList<ComplaintEvent['type']>()([
  'ComplaintReceived',
  'ComplaintClockStarted',
  'ComplaintAssigned',
  'ComplaintResolved',
  'ComplaintCallbackRecorded',
  'ComplaintDeadlineBreached',
  'ComplaintVerdictRecorded',
  'ComplaintVerdictReversed',
]);

/** A data subject's key was destroyed: their personal data in complaints can no longer be read. */
export type ComplainantErased = DomainEvent<'ComplainantErased', { subjectId: string; reason: string; erasedAt: string }>;
