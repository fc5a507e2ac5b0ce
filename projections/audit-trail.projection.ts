import { isSealedText } from '../src/shared/domain/sealed-text';
import { complaintEventTypes } from '../src/complaints/domain/complaint.events';
import { deductionEventTypes } from '../src/deductions/domain/deduction.events';
import { assessmentEventTypes } from '../src/assessments/domain/assessment.events';
import { employeeEventTypes } from '../src/employees/domain/employee.events';
import type { RecordedEvent } from '../src/shared/event-store/event-store.port';
import { ticketEventTypes } from '../src/tickets/domain/ticket.events';
import { talkObligationEventTypes } from '../src/talks/domain/talk-obligation.events';
import type { DocumentFields, ProjectedDocument, Projection } from '../src/shared/projector/projection';
import { readModelName } from '../src/shared/projector/projection';
import { employeeSubjects } from './recorded-event';
import { selectedTypes } from '../src/shared/domain/decider';
import type { PeriodEvent } from '../src/periods/domain/period.events';

/**
 * One line of an employee's record: an event that concerns them, as stored, minus complainants'
 * personal data (analysts and auditors read this model; complainants' identities are not theirs
 * to see).
 */
export interface AuditTrailDocument extends ProjectedDocument {
  employeeId: string;
  position: number;
  eventId: string;
  type: string;
  streamName: string;
  revision: number;
  actor: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
  recordedAt: string;
  data: unknown;
}

/** Wide enough for any safe integer (EventStoreDB commit positions included), so ids sort by position. */
const POSITION_DIGITS = 16;

/** Fields of event data that hold a complainant's personal data; never copied into the trail. */
const PERSONAL_DATA_FIELDS = ['complainant'] as const;

/** Position first: lines are written in the log's order, so each lands at the end of the table rather than anywhere in it. */
export function auditTrailDocumentId(employeeId: string, position: number): string {
  return `${String(position).padStart(POSITION_DIGITS, '0')}:${employeeId}`;
}

/** How queries reach this read model. */
export const auditTrailReadModel = readModelName<AuditTrailDocument>('audit-trail');

export function createAuditTrailProjection(): Projection<AuditTrailDocument> {
  return {
    name: auditTrailReadModel.name,
    version: 5,
    handles: [
      ...employeeEventTypes, ...complaintEventTypes, ...ticketEventTypes, ...deductionEventTypes, ...talkObligationEventTypes, ...assessmentEventTypes,
      ...selectedTypes<PeriodEvent['type']>()({ PeriodOpened: false, PeriodClosed: false, RollUpPenaltyApplied: true, PeriodScoreSealed: true }),
    ],
    indexes: [{ fields: ['employeeId', 'position'], types: { employeeId: 'string', position: 'number' } }],
    // a line per (employee, event), its id carrying the event's position
    writesOnce: true,

    documentIds(event: RecordedEvent): string[] {
      return employeeSubjects(event).map((employeeId) => auditTrailDocumentId(employeeId, event.position));
    },

    evolve(doc: AuditTrailDocument | null, event: RecordedEvent, documentId: string): DocumentFields<AuditTrailDocument> {
      if (doc) return doc; // a recorded event never changes
      const employeeId = documentId.slice(POSITION_DIGITS + 1);
      const { actor, correlationId, causationId, occurredAt, recordedAt } = event.metadata;
      return {
        _id: documentId,
        employeeId,
        position: event.position,
        eventId: event.id,
        type: event.type,
        streamName: event.streamName,
        revision: event.revision,
        actor,
        correlationId,
        causationId,
        occurredAt,
        recordedAt,
        data: withoutSchemeCopies(withoutPersonalData(event.data)),
      };
    },
  };
}

/**
 * Drops the copies of a published scheme that scored events carry for their projections (~550 of a
 * deduction's ~1,200 bytes) wherever the scheme's version is named beside the copy: the line names
 * it, `GET /rulebook/versions/:version` shows it, and the record replay keeps the event whole.
 */
function withoutSchemeCopies(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  if (copy.scheme !== undefined && typeof copy.schemeVersion === 'number') delete copy.scheme;
  if (copy.assessment !== undefined) copy.assessment = withoutSchemeCopies(copy.assessment);
  return copy;
}

/** Drops complainants' personal data, and any sealed free text, from any event's data, whatever the event type. */
function withoutPersonalData(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const copy: Record<string, unknown> = { ...(data as Record<string, unknown>) };
  for (const field of PERSONAL_DATA_FIELDS) delete copy[field];
  // free text sealed under a data subject's key (a complaint's description, a ticket's sign-off)
  for (const [field, value] of Object.entries(copy)) if (isSealedText(value)) delete copy[field];
  return copy;
}
