/**
 * Events shaped exactly as the domain appends them (src/<feature>/domain/*.events.ts), with the
 * business time and the subjects the command handlers give them (the streams' own functions), for
 * seeding the store without going through HTTP.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { NewEvent } from '../src/shared/event-store/event-store.port';
import type { ComplaintReceived, SealedComplainant } from '../src/complaints/domain/complaint.events';
import { complaintEventOccurredAt, complaintEventSubjects } from '../src/complaints/complaint-stream';
import type { DeductionApplied, DeductionContested, HearingRecorded } from '../src/deductions/domain/deduction.events';
import { deductionEventOccurredAt, deductionEventSubjects } from '../src/deductions/deduction-stream';
import type { EmployeeRegistered } from '../src/employees/domain/employee.events';
import { employeeAggregate } from '../src/employees/register-employee/register-employee.handler';
import type { TicketDispatched, TicketResolved } from '../src/tickets/domain/ticket.events';
import { ticketEventOccurredAt, ticketEventSubjects } from '../src/tickets/ticket-stream';

type Data<E> = E extends { data: infer D } ? D : never;

function toNewEvent<E extends { type: string; data: unknown }>(event: E, occurredAt: string, subjects: string[]): NewEvent<E['type'], E['data']> {
  const causationId = randomUUID();
  return {
    id: randomUUID(),
    type: event.type,
    data: event.data,
    metadata: { actor: 'bench:seed', correlationId: causationId, causationId, occurredAt, subjects },
  };
}

export function employeeRegistered(data: Data<EmployeeRegistered>) {
  const event: EmployeeRegistered = { type: 'EmployeeRegistered', data };
  return toNewEvent(event, employeeAggregate.occurredAt(event), employeeAggregate.subjects(event));
}

export function deductionApplied(data: Data<DeductionApplied>) {
  const event: DeductionApplied = { type: 'DeductionApplied', data };
  return toNewEvent(event, deductionEventOccurredAt(event), deductionEventSubjects(event));
}

export function deductionContested(data: Data<DeductionContested>) {
  const event: DeductionContested = { type: 'DeductionContested', data };
  return toNewEvent(event, deductionEventOccurredAt(event), deductionEventSubjects(event));
}

export function hearingRecorded(data: Data<HearingRecorded>) {
  const event: HearingRecorded = { type: 'HearingRecorded', data };
  return toNewEvent(event, deductionEventOccurredAt(event), deductionEventSubjects(event));
}

export function ticketDispatched(data: Data<TicketDispatched>) {
  const event: TicketDispatched = { type: 'TicketDispatched', data };
  return toNewEvent(event, ticketEventOccurredAt(event), ticketEventSubjects(event));
}

export function ticketResolved(data: Data<TicketResolved>) {
  const event: TicketResolved = { type: 'TicketResolved', data };
  return toNewEvent(event, ticketEventOccurredAt(event), ticketEventSubjects(event));
}

export function complaintReceived(data: Data<ComplaintReceived>) {
  const event: ComplaintReceived = { type: 'ComplaintReceived', data };
  return toNewEvent(event, complaintEventOccurredAt(event), complaintEventSubjects(event));
}

/**
 * A complainant as the store holds one: sealed under a data subject's key. The bench has no key,
 * so nothing can unseal it; only its shape and size matter here.
 */
export function sealedComplainant(complaintId: string): SealedComplainant {
  return { subjectId: `complainant-${complaintId}`, sealed: `v1.${randomBytes(96).toString('base64url')}` };
}

/** A typical deduction, as `POST /deductions` would append it. */
export function sampleDeduction(deductionId: string, employeeId: string, occurredAt = '2026-03-10T01:00:00.000Z') {
  return deductionApplied({
    deductionId,
    employeeId,
    department: 'customer-service',
    position: 'property-steward',
    ruleCode: 'PS-03',
    points: 2,
    occurredAt,
    reason: 'valid complaint: hung up on a resident',
  });
}
