import type * as C from '../src/complaints/domain/complaint.events';
import type * as T from '../src/tickets/domain/ticket.events';
import type * as K from '../src/talks/domain/talk-obligation.events';
import type * as D from '../src/deductions/domain/deduction.events';
import type { DocumentFields, ProjectedDocument, Projection } from '../src/shared/projector/projection';
import { readModelName } from '../src/shared/projector/projection';
import { type RecordedEach, unhandled } from './recorded-event';
import { selectedTypes } from '../src/shared/domain/decider';

export const clockKinds = ['acknowledgement', 'arrival', 'resolution', 'handling', 'callback', 'talk', 'hearing'] as const;
export type ClockKind = (typeof clockKinds)[number];

/** `stoppedAt` of a clock still running: later than any instant, so "running at T" is `stoppedAt > T`. */
export const STILL_RUNNING = '9999-12-31T23:59:59.999Z';

/** The instants a board query tests, as epoch milliseconds: numbers compare and index at half the cost of ISO text. */
export interface ClockInstantsMs {
  startedAtMs: number;
  dueAtMs: number;
  stoppedAtMs: number;
}

/**
 * One run of a service clock: a ticket milestone, a complaint's handling or callback (per round),
 * a supervisor's talk. When a reassignment hands a ticket's running clocks to someone else, the
 * run so far is kept as its own document (`…@<reassignedAt>`), so a list as of any earlier instant
 * names who was responsible then. Overdue as of T: `startedAt <= T < stoppedAt` and `dueAt < T`.
 * Instants are UTC `toISOString()` strings, so string order is time order; the board's filters,
 * counts and sorts read the same instants as epoch milliseconds (`…Ms`), kept beside them.
 */
export interface ServiceClockDocument extends ProjectedDocument, ClockInstantsMs {
  clock: ClockKind;
  subject: 'ticket' | 'complaint' | 'talkObligation' | 'deduction';
  subjectId: string;
  ticketId: string | null;
  complaintId: string | null;
  /** The person responsible for meeting the deadline (null: not assigned yet). */
  assigneeId: string | null;
  department: string | null;
  startedAt: string;
  dueAt: string;
  stoppedAt: string;
  breached: boolean;
  /**
   * Set while a ticket's clock is paused (waiting for the customer or parts): the pause's start.
   * A paused clock is not running (`stoppedAt` is the pause), so it is never overdue and the
   * deadline watcher never breaches it; GET /overdue lists it under `paused`.
   */
  pausedAt?: string | null;
}

type Fields = DocumentFields<ServiceClockDocument>;
/** Every event type of the aggregates with service clocks, named as moving a clock or not. */
const clockEventTypes = selectedTypes<T.TicketEvent['type'] | C.ComplaintEvent['type'] | K.TalkObligationEvent['type'] | D.DeductionEvent['type']>()({
  TicketDispatched: true, TicketAcknowledged: true, TicketArrived: true, TicketResolved: true, TicketCancelled: true, TicketReassigned: true,
  TicketPaused: true, TicketResumed: true, TicketDeadlineBreached: true, TicketClosed: false,
  ComplaintReceived: false, ComplaintClockStarted: true, ComplaintAssigned: true, ComplaintResolved: true, ComplaintCallbackRecorded: true,
  ComplaintDeadlineBreached: true, ComplaintVerdictRecorded: false, ComplaintVerdictReversed: false,
  TalkObligationOpened: true, TalkHeld: true, TalkObligationBreached: true, TalkObligationCancelled: true,
  DeductionApplied: false, DeductionContested: true, HearingRecorded: true, DeductionWithdrawn: true, HearingDeadlineBreached: true,
});
type ClockEvent = RecordedEach<Extract<T.TicketEvent | C.ComplaintEvent | K.TalkObligationEvent | D.DeductionEvent, { type: (typeof clockEventTypes)[number] }>>;

const TICKET_CLOCKS = ['acknowledgement', 'arrival', 'resolution'] as const;
const ticketDoc = (ticketId: string, clock: string) => `ticket:${ticketId}:${clock}`;
const complaintDoc = (complaintId: string, clock: string, round: number) => `complaint:${complaintId}:${clock}:${round}`;
const talkDoc = (obligationId: string) => `talk:${obligationId}`;
const hearingDoc = (deductionId: string) => `hearing:${deductionId}`;

const INSTANTS_MS = { dueAtMs: 'number', stoppedAtMs: 'number', startedAtMs: 'number' } as const;

/** How queries reach this read model. */
export const overdueReadModel = readModelName<ServiceClockDocument>('overdue');

export function createOpenTicketsProjection(): Projection<ServiceClockDocument, ClockEvent> {
  return {
    name: overdueReadModel.name,
    version: 4,
    handles: clockEventTypes,
    // "running at T and due before T" is counted on these indexes alone: each holds every field it tests
    indexes: [
      { fields: ['dueAtMs', 'stoppedAtMs', 'startedAtMs'], types: INSTANTS_MS },
      { fields: ['department', 'dueAtMs', 'stoppedAtMs', 'startedAtMs'], types: { department: 'string', ...INSTANTS_MS } },
      { fields: ['assigneeId', 'dueAtMs', 'stoppedAtMs', 'startedAtMs'], types: { assigneeId: 'string', ...INSTANTS_MS } },
      { fields: ['clock', 'dueAtMs', 'stoppedAtMs', 'startedAtMs'], types: { clock: 'string', ...INSTANTS_MS } },
      { fields: ['pausedAt'], types: { pausedAt: 'string' } },
      // the deadline watcher's page: running, not yet breached, due first — however many are breached already
      { fields: ['stoppedAt', 'breached', 'dueAt'], types: { stoppedAt: 'string', breached: 'boolean', dueAt: 'string' } },
    ],

    documentIds(e: ClockEvent): string[] {
      switch (e.type) {
        case 'TicketDispatched':
          return Object.keys(e.data.deadlines ?? { resolution: null }).map((m) => ticketDoc(e.data.ticketId, m));
        case 'TicketAcknowledged':
          return [ticketDoc(e.data.ticketId, 'acknowledgement')];
        case 'TicketArrived':
          return [ticketDoc(e.data.ticketId, 'acknowledgement'), ticketDoc(e.data.ticketId, 'arrival')];
        case 'TicketResolved':
        case 'TicketCancelled':
          return TICKET_CLOCKS.map((m) => ticketDoc(e.data.ticketId, m));
        case 'TicketReassigned':
          return Object.keys(e.data.previous).flatMap((m) => [`${ticketDoc(e.data.ticketId, m)}@${utc(e.data.reassignedAt)}`, ticketDoc(e.data.ticketId, m)]);
        case 'TicketDeadlineBreached':
          return [ticketDoc(e.data.ticketId, e.data.milestone)];
        case 'TicketPaused':
          return e.data.milestones.map((m) => ticketDoc(e.data.ticketId, m));
        case 'TicketResumed':
          return Object.keys(e.data.previous).flatMap((m) => [`${ticketDoc(e.data.ticketId, m)}@${utc(e.data.pausedAt)}`, ticketDoc(e.data.ticketId, m)]);
        case 'ComplaintClockStarted':
        case 'ComplaintDeadlineBreached':
          return [complaintDoc(e.data.complaintId, e.data.milestone, e.data.round)];
        case 'ComplaintAssigned':
        case 'ComplaintResolved':
          return [complaintDoc(e.data.complaintId, 'handling', e.data.round)];
        case 'ComplaintCallbackRecorded':
          return [complaintDoc(e.data.complaintId, 'callback', e.data.round)];
        case 'TalkObligationOpened':
        case 'TalkHeld':
        case 'TalkObligationBreached':
        case 'TalkObligationCancelled':
          return [talkDoc(e.data.obligationId)];
        case 'DeductionContested':
          return e.data.hearingDueAt ? [hearingDoc(e.data.deductionId)] : [];
        case 'HearingRecorded':
        case 'DeductionWithdrawn':
        case 'HearingDeadlineBreached':
          return [hearingDoc(e.data.deductionId)];
        default:
          return unhandled(e, []);
      }
    },

    evolve: (doc: ServiceClockDocument | null, e: ClockEvent, id: string): Fields | null => withInstantsMs(evolveClock(doc, e, id)),
  };
}

/** A clock's fields as the events set them; the numeric instants are derived from them. */
type ClockFields = { [K in keyof Fields as K extends keyof ClockInstantsMs ? never : K]: Fields[K] };

function evolveClock(doc: ClockFields | null, e: ClockEvent, id: string): ClockFields | null {
  switch (e.type) {
    case 'TicketDispatched': {
      const { ticketId, assigneeId, department, dispatchedAt, resolveBy, deadlines } = e.data;
      const clock = id.slice(ticketDoc(ticketId, '').length) as (typeof TICKET_CLOCKS)[number];
      const dueAt = deadlines?.[clock]?.dueAt ?? resolveBy;
      return running({ _id: id, clock, subject: 'ticket', subjectId: ticketId, ticketId, complaintId: null, assigneeId, department, startedAt: dispatchedAt, dueAt });
    }
    case 'TicketAcknowledged':
      return stop(doc, e.data.acknowledgedAt);
    case 'TicketArrived':
      return stop(doc, e.data.arrivedAt);
    case 'TicketResolved':
      return stop(doc, e.data.resolvedAt);
    case 'TicketCancelled':
      return stop(doc, e.data.cancelledAt);
    case 'TicketReassigned':
      return reassigned(doc, e.data, id);
    case 'TicketPaused':
      return doc && doc.stoppedAt === STILL_RUNNING ? { ...doc, stoppedAt: utc(e.data.pausedAt), pausedAt: utc(e.data.pausedAt) } : doc;
    case 'TicketResumed':
      return resumed(doc, e.data, id);
    case 'TicketDeadlineBreached':
    case 'ComplaintDeadlineBreached':
    case 'TalkObligationBreached':
      return doc && { ...doc, breached: true };
    case 'ComplaintClockStarted': {
      const { complaintId, milestone, startedAt, dueAt, responsibleEmployeeId, department } = e.data;
      return running({ _id: id, clock: milestone, subject: 'complaint', subjectId: complaintId, ticketId: null, complaintId, assigneeId: responsibleEmployeeId ?? null, department: department ?? null, startedAt, dueAt });
    }
    case 'ComplaintAssigned':
      return doc && doc.stoppedAt === STILL_RUNNING ? { ...doc, assigneeId: e.data.assigneeId, department: e.data.department } : doc;
    case 'ComplaintResolved':
      return stop(doc, e.data.resolvedAt);
    case 'ComplaintCallbackRecorded':
      return stop(doc, e.data.calledBackAt);
    case 'TalkObligationOpened': {
      const { obligationId, supervisorId, supervisorDepartment, openedAt, dueAt } = e.data;
      return running({ _id: id, clock: 'talk', subject: 'talkObligation', subjectId: obligationId, ticketId: null, complaintId: null, assigneeId: supervisorId, department: supervisorDepartment, startedAt: openedAt, dueAt });
    }
    case 'TalkHeld':
      return stop(doc, e.data.heldAt);
    case 'TalkObligationCancelled':
      return stop(doc, e.data.cancelledAt);
    case 'DeductionContested': {
      // the appeal clock: the contest waits for its hearing; the panel, not one person, is responsible
      const { deductionId, contestedAt, hearingDueAt } = e.data;
      if (!hearingDueAt) return doc;
      return running({ _id: id, clock: 'hearing', subject: 'deduction', subjectId: deductionId, ticketId: null, complaintId: null, assigneeId: null, department: null, startedAt: contestedAt, dueAt: hearingDueAt });
    }
    case 'HearingRecorded':
      return stop(doc, e.data.heardAt);
    case 'DeductionWithdrawn':
      return stop(doc, e.data.withdrawnAt);
    case 'HearingDeadlineBreached':
      return doc && { ...doc, breached: true };
    default:
      return unhandled(e, doc);
  }
}

function withInstantsMs(fields: ClockFields | null): Fields | null {
  if (!fields) return null;
  return { ...fields, startedAtMs: epochMs(fields, 'startedAt'), dueAtMs: epochMs(fields, 'dueAt'), stoppedAtMs: epochMs(fields, 'stoppedAt') };
}

/**
 * An instant no clock can be compared by would be stored as null and leave the board without a
 * word: the event is refused instead, so the projector parks it where an operator sees it.
 */
function epochMs(fields: ClockFields, field: 'startedAt' | 'dueAt' | 'stoppedAt'): number {
  const ms = Date.parse(fields[field]);
  if (Number.isNaN(ms)) throw new Error(`clock ${fields._id}: ${field} "${fields[field]}" is not an instant`);
  return ms;
}

type NewClock = Pick<ClockFields, '_id' | 'clock' | 'subject' | 'subjectId' | 'ticketId' | 'complaintId' | 'assigneeId' | 'department' | 'startedAt' | 'dueAt'>;

function running(fields: NewClock): ClockFields {
  return { ...fields, startedAt: utc(fields.startedAt), dueAt: utc(fields.dueAt), stoppedAt: STILL_RUNNING, breached: false };
}

function stop(doc: ClockFields | null, at: string): ClockFields | null {
  if (!doc || doc.stoppedAt !== STILL_RUNNING) return doc;
  return { ...doc, stoppedAt: utc(at) };
}

/** The run before the reassignment becomes its own document; the running one passes to the new assignee. */
function reassigned(doc: ClockFields | null, data: T.TicketReassigned['data'], id: string): ClockFields | null {
  const at = utc(data.reassignedAt);
  const [currentId, archived] = id.split('@');
  const clock = currentId.slice(ticketDoc(data.ticketId, '').length) as (typeof TICKET_CLOCKS)[number];
  const before = data.previous[clock];
  if (!before) return doc;
  const base = { clock, subject: 'ticket' as const, subjectId: data.ticketId, ticketId: data.ticketId, complaintId: null };
  if (archived !== undefined) {
    return { _id: id, ...base, assigneeId: data.fromAssigneeId, department: data.fromDepartment, startedAt: utc(before.startedAt), dueAt: utc(before.dueAt), stoppedAt: at, breached: before.breached };
  }
  const next = data.deadlines[clock];
  if (!next) return doc;
  const breached = data.clocks === 'kept' ? before.breached : false;
  return { ...running({ _id: id, ...base, assigneeId: data.assigneeId, department: data.department, startedAt: at, dueAt: next.dueAt }), breached };
}

/** The run before the pause becomes its own document; the current one runs again with its moved deadline. */
function resumed(doc: ClockFields | null, data: T.TicketResumed['data'], id: string): ClockFields | null {
  const [currentId, archived] = id.split('@');
  const clock = currentId.slice(ticketDoc(data.ticketId, '').length) as (typeof TICKET_CLOCKS)[number];
  const before = data.previous[clock];
  if (!before) return doc;
  const base = { clock, subject: 'ticket' as const, subjectId: data.ticketId, ticketId: data.ticketId, complaintId: null };
  if (archived !== undefined) {
    return { _id: id, ...base, assigneeId: data.assigneeId, department: data.department, startedAt: utc(before.startedAt), dueAt: utc(before.dueAt), stoppedAt: utc(data.pausedAt), breached: before.breached };
  }
  const next = data.deadlines[clock];
  if (!next || !doc) return doc;
  const { pausedAt: _over, ...rest } = doc;
  return { ...rest, startedAt: utc(data.resumedAt), dueAt: utc(next.dueAt), stoppedAt: STILL_RUNNING, breached: before.breached };
}

function utc(isoInstant: string): string {
  const instant = new Date(isoInstant);
  return Number.isNaN(instant.getTime()) ? isoInstant : instant.toISOString();
}
