import type { ComplainantPrivacy } from '../complaints/privacy/complainant-privacy.service';
import { complaintStream } from '../complaints/complaint-stream';
import type { ComplaintReceived } from '../complaints/domain/complaint.events';
import type { SealedText } from '../shared/domain/sealed-text';
import type { EventStore } from '../shared/event-store/event-store.port';
import type { TicketDispatched } from './domain/ticket.events';
import { ticketStream } from './ticket-stream';

/**
 * The customer's name on a sign-off ("Zhang San (owner, flat 501)") is their personal data. It is
 * sealed under the data subject of the complaint the ticket follows, so one erasure of that
 * complainant covers it; a ticket without a complaint uses its own id as the subject (erasable
 * through POST /complainants/<ticketId>/erasure).
 */
export async function sealSignOff(store: EventStore, privacy: ComplainantPrivacy, ticketId: string, signedOffBy: string): Promise<string | SealedText> {
  const subjectId = await signOffSubject(store, ticketId);
  // no such ticket: the decider refuses the command; no key is made for it
  return subjectId === undefined ? signedOffBy : privacy.sealText(subjectId, signedOffBy);
}

async function signOffSubject(store: EventStore, ticketId: string): Promise<string | undefined> {
  const [dispatched] = await store.readStream(ticketStream(ticketId), { maxCount: 1 });
  if (!dispatched) return undefined;
  const complaintId = (dispatched?.data as TicketDispatched['data'] | undefined)?.complaintId;
  if (!complaintId) return ticketId;
  const [received] = await store.readStream(complaintStream(complaintId), { maxCount: 1 });
  return (received?.data as ComplaintReceived['data'] | undefined)?.complainant.subjectId ?? ticketId;
}
