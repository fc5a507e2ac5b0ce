import type { RecordedEvent } from '../src/shared/event-store/event-store.port';
import type { TicketDispatched, TicketResolved, TicketKind } from '../src/tickets/domain/ticket.events';
import type { DocumentFields, ProjectedDocument, Projection } from './projection';
import { type Recorded, unhandled } from './recorded-event';

/**
 * A ticket not yet resolved. "Overdue as of T" is the query `{ resolveBy: { $lt: T } }` (T as
 * `Date#toISOString()`): instants are stored normalised to UTC with milliseconds so that string
 * order is time order.
 */
export interface OpenTicketDocument extends ProjectedDocument {
  ticketId: string;
  assigneeId: string;
  department: string;
  kind: TicketKind;
  complaintId: string | null;
  dispatchedAt: string;
  resolveBy: string;
}

type OpenTicketEvent = Recorded<TicketDispatched> | Recorded<TicketResolved>;

export function createOpenTicketsProjection(): Projection<OpenTicketDocument> {
  return {
    name: 'overdue',
    version: 1,
    handles: ['TicketDispatched', 'TicketResolved'],
    indexes: [{ fields: ['resolveBy'] }, { fields: ['department', 'resolveBy'] }, { fields: ['assigneeId', 'resolveBy'] }],

    documentIds(event: RecordedEvent): string[] {
      return [(event as OpenTicketEvent).data.ticketId];
    },

    evolve(_doc: OpenTicketDocument | null, event: RecordedEvent, documentId: string): DocumentFields<OpenTicketDocument> | null {
      const e = event as OpenTicketEvent;
      switch (e.type) {
        case 'TicketDispatched': {
          const { ticketId, assigneeId, department, kind, complaintId, dispatchedAt, resolveBy } = e.data;
          return {
            _id: documentId,
            ticketId,
            assigneeId,
            department,
            kind,
            complaintId: complaintId ?? null,
            dispatchedAt: utc(dispatchedAt),
            resolveBy: utc(resolveBy),
          };
        }
        case 'TicketResolved':
          return null;
        default:
          return unhandled(e, null);
      }
    },
  };
}

function utc(isoInstant: string): string {
  const instant = new Date(isoInstant);
  return Number.isNaN(instant.getTime()) ? isoInstant : instant.toISOString();
}
