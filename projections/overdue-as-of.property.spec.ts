import fc from 'fast-check';
import { Query } from 'mingo';
import { foldProjection } from './fold';
import { createOpenTicketsProjection } from './overdue.projection';
import type { ClockKind, ServiceClockDocument } from './overdue.projection';
import { recorder } from './testing/recorded';
import { ticketDecider } from '../src/tickets/domain/ticket.decider';
import type { TicketCommand, TicketContext } from '../src/tickets/domain/ticket.decider';
import type { TicketEvent } from '../src/tickets/domain/ticket.events';
import type { TicketState } from '../src/tickets/domain/ticket.state';
import { complaintDecider } from '../src/complaints/domain/complaint.decider';
import type { ComplaintCommand, ComplaintContext, ComplaintState } from '../src/complaints/domain/complaint.decider';
import type { ComplaintEvent } from '../src/complaints/domain/complaint.events';
import { talkObligationDecider } from '../src/talks/domain/talk-obligation.decider';
import type { TalkObligationCommand, TalkObligationContext, TalkObligationState } from '../src/talks/domain/talk-obligation.decider';
import type { TalkObligationEvent } from '../src/talks/domain/talk-obligation.events';
import { defaultServiceLevels, defaultWorkingCalendar } from '../src/service-levels/domain/default-service-levels';
import type { ServiceLevelSettings, TicketServiceLevelPolicy } from '../src/service-levels/domain/service-level-policy';
import { AGING_BUCKETS, overdueFilter } from '../src/overdue/get-overdue-tickets/overdue-filter';
import { GetOverdueTicketsQuery } from '../src/overdue/get-overdue-tickets/get-overdue-tickets.query';
import type { EmployeeState } from '../src/employees/domain/employee.decider';
import type { Decider } from '../src/shared/domain/decider';
import type { Filter, ReadStore } from '../src/shared/read-store/read-store.port';
import { SqliteReadStore } from '../src/shared/read-store/sqlite/sqlite-read-store';
import { MongoReadStore } from '../src/shared/read-store/mongodb/mongo-read-store';
import { InMemoryMongoDatabase } from '../test/doubles/in-memory-mongo';

/**
 * The overdue list as of T, as the read model answers it (projection + the query's filter), equals
 * a brute-force walk over the same facts: for every clock, follow the facts in the order they
 * happened and see whether at T the clock had started, had not yet been met, and was past the
 * deadline in force then — and who was responsible.
 *
 * Facts may be recorded late (a callback typed in hours after it was made): the walk takes them in
 * the order they happened, the read model as they were recorded. Complaint and talk facts are also
 * recorded out of order (a second assignment dated before the first); ticket facts only in order —
 * the model gets out-of-order ticket facts wrong, see "known gaps" at the end. Ticket, complaint
 * (handling and callback, per round) and talk clocks are covered. The filter (plain, narrowed to a
 * clock kind or a person, or to an aging bucket) is answered three ways: by mingo as MongoDB would,
 * by the embedded SQLite read store (its filter compiler), and by the MongoDB adapter over its
 * in-memory double.
 */
const START = Date.parse('2026-03-02T00:00:00.000Z');
const calendar = defaultWorkingCalendar('Asia/Shanghai');
const employee = (id: string, supervisorId?: string): EmployeeState => ({
  status: 'registered', employeeId: id, name: id, department: `dep-${id}`, position: 'tech', registeredAt: '2026-01-01T00:00:00.000Z', ...(supervisorId ? { supervisorId } : {}),
});

/**
 * Each step moves the recording clock on by `advance` minutes. A late fact happened `late` percent
 * of the way back from then: back to the latest fact already recorded on its ticket, complaint or
 * talk (`inOrder`: late, but never before what is already known of it), or back to when that began
 * (`outOfOrder`: often dated before facts recorded ahead of it). A step that creates a ticket,
 * complaint or talk goes back that percent of an hour.
 */
type Timing = { advance: number; late: number };
type Backdating = 'inOrder' | 'outOfOrder';
type TicketAction = Timing & { subject: 'ticket'; n: number; kind: 'dispatch' | 'acknowledge' | 'arrive' | 'resolve' | 'cancel' | 'reassign' | 'breach'; to: number };
type ComplaintAction = Timing & { subject: 'complaint'; n: number; kind: 'receive' | 'assign' | 'resolve' | 'callback' | 'breach'; to: number; satisfied: boolean };
type TalkAction = Timing & { subject: 'talk'; n: number; kind: 'open' | 'hold' | 'breach' | 'cancel'; to: number };
type Action = TicketAction | ComplaintAction | TalkAction;

/** Steps minutes apart (around the short deadlines) or hours apart (around the long ones); facts on time or late. */
const timing = (recordedLate: boolean) => ({
  advance: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 600 })),
  late: recordedLate ? fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100 })) : fc.constant(0),
});
const ticketAction = (recordedLate: boolean): fc.Arbitrary<Action> =>
  fc.record({
    subject: fc.constant('ticket' as const),
    n: fc.integer({ min: 0, max: 2 }),
    kind: fc.constantFrom<TicketAction['kind']>('dispatch', 'dispatch', 'acknowledge', 'arrive', 'resolve', 'cancel', 'reassign', 'reassign', 'breach'),
    to: fc.integer({ min: 1, max: 3 }),
    ...timing(recordedLate),
  });
const complaintAction = (recordedLate: boolean): fc.Arbitrary<Action> =>
  fc.record({
    subject: fc.constant('complaint' as const),
    n: fc.constantFrom(0, 0, 0, 1),
    kind: fc.constantFrom<ComplaintAction['kind']>('receive', 'assign', 'assign', 'resolve', 'resolve', 'callback', 'callback', 'breach'),
    to: fc.integer({ min: 1, max: 3 }),
    // an unsatisfied callback reopens the complaint in a new round
    satisfied: fc.constantFrom(false, false, true),
    ...timing(recordedLate),
  });
const talkAction = (recordedLate: boolean): fc.Arbitrary<Action> =>
  fc.record({
    subject: fc.constant('talk' as const),
    n: fc.integer({ min: 0, max: 1 }),
    kind: fc.constantFrom<TalkAction['kind']>('open', 'hold', 'breach', 'cancel'),
    to: fc.integer({ min: 1, max: 3 }),
    ...timing(recordedLate),
  });

/**
 * Complaint targets shorter than the shipped ones (2 working days to handle, 48 hours to call back),
 * so that within a generated run clocks run late, callbacks are missed and rounds reopen; one
 * target counts working time, the other elapsed time, as shipped.
 */
const complaintServiceLevels: ServiceLevelSettings['complaint'] = {
  targets: { handling: { amount: 4, unit: 'hours', counting: 'workingTime' }, callback: { amount: 2, unit: 'hours', counting: 'elapsed' } },
};

type AnyEvent = TicketEvent | ComplaintEvent | TalkObligationEvent;

/** Runs the actions through the real deciders; a step a decider refuses is dropped, as the API would refuse it. */
function generateEvents(actions: Action[], policy: TicketServiceLevelPolicy, backdating: Record<Action['subject'], Backdating> = { ticket: 'inOrder', complaint: 'inOrder', talk: 'inOrder' }): AnyEvent[] {
  const states = new Map<string, unknown>();
  const events: AnyEvent[] = [];
  let now = START;
  const run = <C, E extends AnyEvent, S, X>(decider: Decider<C, E, S, X>, key: string, command: C, context: X) => {
    const state = (states.get(key) as S | undefined) ?? decider.initialState;
    try {
      const decided = decider.decide(command, state, context);
      states.set(key, decided.reduce(decider.evolve, state));
      events.push(...decided);
      return true;
    } catch {
      // an illegal step is refused; the walk goes on
      return false;
    }
  };
  const creating = { ticket: 'dispatch', complaint: 'receive', talk: 'open' } as const;
  const began = new Map<string, number>();
  const latest = new Map<string, number>();
  const reassignedAt = new Map<string, string>();
  for (const step of actions) {
    const key = `${step.subject}-${step.n}`;
    // the first step on a ticket, complaint or talk creates it: a step on nothing would only be refused
    const a = (states.has(key) ? step : { ...step, kind: creating[step.subject] }) as Action;
    now += a.advance * 60_000;
    const nowIso = new Date(now).toISOString();
    const since = (backdating[a.subject] === 'inOrder' ? latest : began).get(key) ?? Math.max(START, now - 60 * 60_000);
    const atMs = Math.round(now - ((now - since) * a.late) / 100);
    const at = new Date(atMs).toISOString();
    const accepted = (): void => {
      if (!began.has(key)) began.set(key, atMs);
      if (a.kind === 'reassign') reassignedAt.set(key, at);
      if (a.kind !== 'breach') latest.set(key, Math.max(atMs, latest.get(key) ?? atMs));
    };
    if (a.subject === 'ticket') {
      const ticketId = `T-${a.n}`;
      // a known gap (below): a second reassignment at the same instant files its run under the same id
      if (a.kind === 'reassign' && reassignedAt.get(key) === at) continue;
      const milestone = (['acknowledgement', 'arrival', 'resolution'] as const)[a.to % 3];
      const commands: Record<TicketAction['kind'], TicketCommand> = {
        dispatch: { type: 'DispatchTicket', data: { ticketId, kind: 'repair', assigneeId: `E-${a.to}`, description: 'x', dispatchedAt: at }, now: nowIso },
        acknowledge: { type: 'AcknowledgeTicket', data: { ticketId, acknowledgedAt: at }, now: nowIso },
        arrive: { type: 'RecordArrival', data: { ticketId, arrivedAt: at }, now: nowIso },
        resolve: { type: 'ResolveTicket', data: { ticketId, resolvedAt: at, resolution: 'done' }, now: nowIso },
        cancel: { type: 'CancelTicket', data: { ticketId, reason: 'x', cancelledAt: at }, now: nowIso },
        reassign: { type: 'ReassignTicket', data: { ticketId, assigneeId: `E-${a.to}`, reason: 'x', reassignedAt: at }, now: nowIso },
        breach: { type: 'RecordTicketBreach', data: { ticketId, milestone }, now: nowIso },
      };
      const context: TicketContext = { assignee: employee(`E-${a.to}`), calendar, policy };
      if (run<TicketCommand, TicketEvent, TicketState, TicketContext | undefined>(ticketDecider, key, commands[a.kind], context)) accepted();
    } else if (a.subject === 'complaint') {
      const complaintId = `C-${a.n}`;
      const commands: Record<ComplaintAction['kind'], ComplaintCommand> = {
        receive: {
          type: 'ReceiveComplaint',
          data: { complaintId, channel: 'hotline', complainant: { subjectId: complaintId, sealed: 'v1.x' }, subject: 'noise', description: 'x', severity: 'normal', receivedAt: at, concernsEmployeeIds: [] },
          now: nowIso,
        },
        assign: { type: 'AssignComplaint', data: { complaintId, assigneeId: `E-${a.to}`, assignedAt: at }, now: nowIso },
        resolve: { type: 'ResolveComplaint', data: { complaintId, resolvedAt: at, resolution: 'done' }, now: nowIso },
        callback: { type: 'RecordCallback', data: { complaintId, calledBackAt: at, satisfied: a.satisfied, notes: 'x' }, now: nowIso },
        breach: { type: 'RecordComplaintBreach', data: { complaintId, milestone: a.to % 2 ? 'handling' : 'callback' }, now: nowIso },
      };
      const context: ComplaintContext = { calendar, serviceLevels: complaintServiceLevels, assignee: employee(`E-${a.to}`) };
      if (run<ComplaintCommand, ComplaintEvent, ComplaintState, ComplaintContext | undefined>(complaintDecider, key, commands[a.kind], context)) accepted();
    } else {
      const obligationId = `TO-${a.n}`;
      const commands: Record<TalkAction['kind'], TalkObligationCommand> = {
        open: { type: 'OpenTalkObligation', data: { obligationId, deductionId: `D-${a.n}`, employeeId: `E-${a.to}`, openedAt: at }, now: nowIso },
        hold: { type: 'RecordTalk', data: { obligationId, heldAt: at, notes: 'x' }, now: nowIso },
        breach: { type: 'RecordTalkBreach', data: { obligationId }, now: nowIso },
        cancel: { type: 'CancelTalkObligation', data: { obligationId, reason: 'deduction withdrawn', cancelledAt: at }, now: nowIso },
      };
      const context: TalkObligationContext = { employee: employee(`E-${a.to}`, `S-${a.to}`), supervisor: employee(`S-${a.to}`), calendar, talk: defaultServiceLevels.talk };
      if (run<TalkObligationCommand, TalkObligationEvent, TalkObligationState, TalkObligationContext | undefined>(talkObligationDecider, key, commands[a.kind], context)) accepted();
    }
  }
  return events;
}

type Row = { subject: string; subjectId: string; clock: string; assigneeId: string | null; dueAt: string };
interface OverdueQuery {
  asOf: string;
  filter: { clock?: ClockKind; assigneeId?: string };
  /** An aging bucket: only clocks late by at least `from` and less than `to` minutes. */
  lateBy?: { from: number; to: number };
}

const TICKET_CLOCKS = ['acknowledgement', 'arrival', 'resolution'] as const;

/** When a ticket fact happened (a breach: at its deadline). */
function occurred(e: TicketEvent): string {
  switch (e.type) {
    case 'TicketDispatched': return e.data.dispatchedAt;
    case 'TicketAcknowledged': return e.data.acknowledgedAt;
    case 'TicketArrived': return e.data.arrivedAt;
    case 'TicketResolved': return e.data.resolvedAt;
    case 'TicketClosed': return e.data.closedAt;
    case 'TicketCancelled': return e.data.cancelledAt;
    case 'TicketReassigned': return e.data.reassignedAt;
    case 'TicketPaused': return e.data.pausedAt;
    case 'TicketResumed': return e.data.resumedAt;
    case 'TicketDeadlineBreached': return e.data.dueAt;
  }
}

function stops(e: TicketEvent, clock: string): boolean {
  if (e.type === 'TicketResolved' || e.type === 'TicketCancelled') return true;
  if (e.type === 'TicketArrived') return clock === 'acknowledgement' || clock === 'arrival';
  if (e.type === 'TicketAcknowledged') return clock === 'acknowledgement';
  return false;
}

/** In the order the facts happened; facts of the same instant in the order they were recorded. */
const inOrderOfOccurrence = (events: TicketEvent[]) =>
  events.map((e, i) => ({ e, i })).sort((a, b) => occurred(a.e).localeCompare(occurred(b.e)) || a.i - b.i).map(({ e }) => e);

function overdueTickets(events: TicketEvent[], asOf: string): Row[] {
  const rows: Row[] = [];
  for (const ticketId of new Set(events.map((e) => e.data.ticketId))) {
    for (const clock of TICKET_CLOCKS) {
      let running: { dueAt: string; assigneeId: string } | undefined;
      for (const e of inOrderOfOccurrence(events.filter((x) => x.data.ticketId === ticketId))) {
        if (occurred(e) > asOf) break;
        if (e.type === 'TicketDispatched') {
          const dueAt = e.data.deadlines?.[clock]?.dueAt;
          running = dueAt ? { dueAt, assigneeId: e.data.assigneeId } : undefined;
        } else if (e.type === 'TicketReassigned' && running) {
          const next = e.data.deadlines[clock];
          running = next ? { dueAt: next.dueAt, assigneeId: e.data.assigneeId } : running;
        } else if (stops(e, clock)) {
          running = undefined;
        }
      }
      if (running && running.dueAt < asOf) rows.push({ subject: 'ticket', subjectId: ticketId, clock, assigneeId: running.assigneeId, dueAt: running.dueAt });
    }
  }
  return rows;
}

/**
 * A complaint clock of one round runs from its start until the fact that meets it (the resolution
 * of that round, or its callback). Its handler is the employee last assigned in that round
 * (complaint clocks keep no history of handlers), else whoever handled it when it started.
 */
function overdueComplaints(events: ComplaintEvent[], asOf: string): Row[] {
  const rows: Row[] = [];
  for (const started of events) {
    if (started.type !== 'ComplaintClockStarted') continue;
    const { complaintId, milestone, round, startedAt, dueAt } = started.data;
    const same = <E extends ComplaintEvent>(e: ComplaintEvent): e is E => e.data.complaintId === complaintId && 'round' in e.data && e.data.round === round;
    const stop = events.find((e) => same(e) && (milestone === 'handling' ? e.type === 'ComplaintResolved' : e.type === 'ComplaintCallbackRecorded'));
    const stoppedAt = stop?.type === 'ComplaintResolved' ? stop.data.resolvedAt : stop?.type === 'ComplaintCallbackRecorded' ? stop.data.calledBackAt : undefined;
    const assigned = milestone === 'handling' ? events.filter((e) => same(e) && e.type === 'ComplaintAssigned').at(-1) : undefined;
    const assigneeId = assigned?.type === 'ComplaintAssigned' ? assigned.data.assigneeId : (started.data.responsibleEmployeeId ?? null);
    if (startedAt <= asOf && (stoppedAt === undefined || asOf < stoppedAt) && dueAt < asOf) rows.push({ subject: 'complaint', subjectId: complaintId, clock: milestone, assigneeId, dueAt });
  }
  return rows;
}

/** A talk runs from the penalty until it is held or the obligation is cancelled. */
function overdueTalks(events: TalkObligationEvent[], asOf: string): Row[] {
  const rows: Row[] = [];
  for (const opened of events) {
    if (opened.type !== 'TalkObligationOpened') continue;
    const { obligationId, openedAt, dueAt, supervisorId } = opened.data;
    const stop = events.find((e) => e.data.obligationId === obligationId && (e.type === 'TalkHeld' || e.type === 'TalkObligationCancelled'));
    const stoppedAt = stop?.type === 'TalkHeld' ? stop.data.heldAt : stop?.type === 'TalkObligationCancelled' ? stop.data.cancelledAt : undefined;
    if (openedAt <= asOf && (stoppedAt === undefined || asOf < stoppedAt) && dueAt < asOf) rows.push({ subject: 'talkObligation', subjectId: obligationId, clock: 'talk', assigneeId: supervisorId, dueAt });
  }
  return rows;
}

const isTicketEvent = (e: AnyEvent): e is TicketEvent => e.type.startsWith('Ticket');
const isComplaintEvent = (e: AnyEvent): e is ComplaintEvent => e.type.startsWith('Complaint');
const isTalkEvent = (e: AnyEvent): e is TalkObligationEvent => e.type.startsWith('Talk');

function bruteForce(events: AnyEvent[], { asOf, filter, lateBy }: OverdueQuery): Row[] {
  const rows = [...overdueTickets(events.filter(isTicketEvent), asOf), ...overdueComplaints(events.filter(isComplaintEvent), asOf), ...overdueTalks(events.filter(isTalkEvent), asOf)];
  return sorted(
    rows.filter((row) => {
      const lateMinutes = (Date.parse(asOf) - Date.parse(row.dueAt)) / 60_000;
      return (
        (filter.clock === undefined || row.clock === filter.clock) &&
        (filter.assigneeId === undefined || row.assigneeId === filter.assigneeId) &&
        (lateBy === undefined || (lateMinutes >= lateBy.from && lateMinutes < lateBy.to))
      );
    }),
  );
}

const sorted = (rows: Row[]) => [...rows].sort((a, b) => `${a.subject}|${a.subjectId}|${a.clock}|${a.dueAt}`.localeCompare(`${b.subject}|${b.subjectId}|${b.clock}|${b.dueAt}`));
const toRow = (d: ServiceClockDocument): Row => ({ subject: d.subject, subjectId: d.subjectId, clock: d.clock, assigneeId: d.assigneeId, dueAt: d.dueAt });

function documentsOf(events: AnyEvent[]): ServiceClockDocument[] {
  const record = recorder();
  return [...foldProjection(createOpenTicketsProjection(), events.map((e) => record(e))).values()];
}

const filterOf = ({ asOf, filter, lateBy }: OverdueQuery): Filter => overdueFilter(new GetOverdueTicketsQuery(asOf, filter, 1000, 0), lateBy);

const COLLECTION = 'overdue_property';

/** The read model's answer by each engine: mingo, the SQLite read store and the MongoDB adapter. */
async function fromReadModel(documents: ServiceClockDocument[], query: OverdueQuery, stores: Record<string, ReadStore>): Promise<Record<string, Row[]>> {
  const filter = filterOf(query);
  const answers: Record<string, Row[]> = { mingo: sorted(new Query(filter as Record<string, unknown>).find<ServiceClockDocument>(documents).all().map(toRow)) };
  for (const [name, store] of Object.entries(stores)) {
    await store.clear(COLLECTION);
    await store.apply({ upserts: documents.map((doc) => ({ collection: COLLECTION, doc })), deletes: [] });
    answers[name] = sorted((await store.find<ServiceClockDocument>(COLLECTION, filter)).map(toRow));
  }
  return answers;
}

const clockKinds: ClockKind[] = ['acknowledgement', 'arrival', 'resolution', 'handling', 'callback', 'talk'];

/** Every instant the facts name (when they happened, deadlines): where the list changes. */
function instantsOf(events: AnyEvent[]): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) found.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  events.forEach((e) => walk(e.data));
  return [...found].sort();
}

/**
 * As of an instant near one the facts name (at it, a millisecond or a few minutes either side: where
 * the list changes), or
 * anywhere in the run; mostly the plain list, sometimes narrowed to one clock kind or one person,
 * sometimes to one aging bucket.
 */
type QuerySeed = { near: number; deltaMs: number; anywhere: number | null; narrowing: number; bucket: number | null; pick: number };
const querySeeds: fc.Arbitrary<QuerySeed> = fc.record({
  near: fc.noBias(fc.nat()),
  // exactly at the instant or a millisecond either side (where `<` and `<=` part), or minutes away
  deltaMs: fc.oneof(fc.constantFrom(0, -1, 1), fc.noBias(fc.integer({ min: -20, max: 20 })).map((minutes) => minutes * 60_000)),
  anywhere: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 30 * 600 }), weight: 1 }),
  narrowing: fc.constantFrom(0, 0, 1, 2),
  bucket: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: AGING_BUCKETS.length - 1 }), weight: 1 }),
  pick: fc.nat(11),
});

function queryFor(events: AnyEvent[], seed: QuerySeed): OverdueQuery {
  const instants = instantsOf(events);
  const asOfMs =
    seed.anywhere !== null || instants.length === 0
      ? START + (seed.anywhere ?? 0) * 60_000
      : Date.parse(instants[seed.near % instants.length]) + seed.deltaMs;
  const { narrowing, bucket, pick } = seed;
  const filter = narrowing === 1 ? { clock: clockKinds[pick % clockKinds.length] } : narrowing === 2 ? { assigneeId: `${pick % 2 ? 'S' : 'E'}-${(pick % 3) + 1}` } : {};
  const lateBy = bucket !== null ? { from: bucket === 0 ? 0 : AGING_BUCKETS[bucket - 1].maxMinutes, to: AGING_BUCKETS[bucket].maxMinutes } : undefined;
  return { asOf: new Date(asOfMs).toISOString(), filter, ...(lateBy ? { lateBy } : {}) };
}

/** When a fact that starts, hands over or stops a clock happened, and what it is about; breaches are none. */
function factTime(e: AnyEvent): [string, string] | undefined {
  if (isTicketEvent(e)) return e.type === 'TicketDeadlineBreached' ? undefined : [`ticket:${e.data.ticketId}`, occurred(e)];
  switch (e.type) {
    case 'ComplaintReceived': return [`complaint:${e.data.complaintId}`, e.data.receivedAt];
    case 'ComplaintAssigned': return [`complaint:${e.data.complaintId}`, e.data.assignedAt];
    case 'ComplaintResolved': return [`complaint:${e.data.complaintId}`, e.data.resolvedAt];
    case 'ComplaintCallbackRecorded': return [`complaint:${e.data.complaintId}`, e.data.calledBackAt];
    case 'TalkObligationOpened': return [`talk:${e.data.obligationId}`, e.data.openedAt];
    case 'TalkHeld': return [`talk:${e.data.obligationId}`, e.data.heldAt];
    case 'TalkObligationCancelled': return [`talk:${e.data.obligationId}`, e.data.cancelledAt];
    default: return undefined;
  }
}

/** Whether a fact is dated earlier than one recorded before it about the same ticket, complaint or talk. */
function hasOutOfOrderFacts(events: AnyEvent[]): boolean {
  const latest = new Map<string, string>();
  for (const e of events) {
    const fact = factTime(e);
    if (!fact) continue;
    const [about, at] = fact;
    const before = latest.get(about) ?? '';
    if (before > at) return true;
    latest.set(about, at > before ? at : before);
  }
  return false;
}

describe('the overdue list as of a time', () => {
  let stores: Record<string, ReadStore>;
  beforeAll(() => {
    stores = { sqlite: new SqliteReadStore({ file: ':memory:' }), mongo: new MongoReadStore(new InMemoryMongoDatabase()) };
  });
  afterAll(async () => {
    for (const store of Object.values(stores)) await store.close();
  });

  const check = async (events: AnyEvent[], q: OverdueQuery) => {
    const expected = bruteForce(events, q);
    const answers = await fromReadModel(documentsOf(events), q, stores);
    expect(answers).toEqual({ mingo: expected, sqlite: expected, mongo: expected });
    return expected;
  };
  const repair = (onReassignment: 'keep' | 'restart') => ({ ...defaultServiceLevels.ticketPolicies.find((p) => p.policyId === 'repair')!, onReassignment });

  it.each(['keep', 'restart'] as const)('equals the brute-force list over ticket facts recorded as they happen (reassignment: %s)', async (onReassignment) => {
    const seen = { overdue: 0, reassignedAndOverdue: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(ticketAction(false), { minLength: 1, maxLength: 30 }), querySeeds, async (actions, seed) => {
        const events = generateEvents(actions, repair(onReassignment));
        const expected = await check(events, queryFor(events, seed));
        seen.overdue += expected.length > 0 ? 1 : 0;
        seen.reassignedAndOverdue += expected.length > 0 && events.some((e) => e.type === 'TicketReassigned') ? 1 : 0;
      }),
      { numRuns: 300 },
    );
    // the generator must reach the interesting cases, or the property proves little
    expect(seen.overdue).toBeGreaterThan(20);
    expect(seen.reassignedAndOverdue).toBeGreaterThan(4);
  });

  it.each(['keep', 'restart'] as const)('equals the brute-force list over ticket facts recorded late (reassignment: %s)', async (onReassignment) => {
    const seen = { overdue: 0, recordedLateAndOverdue: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(ticketAction(true), { minLength: 1, maxLength: 30 }), querySeeds, async (actions, seed) => {
        const events = generateEvents(actions, repair(onReassignment));
        const expected = await check(events, queryFor(events, seed));
        seen.overdue += expected.length > 0 ? 1 : 0;
        seen.recordedLateAndOverdue += expected.length > 0 && actions.some((a) => a.late > 0) ? 1 : 0;
      }),
      { numRuns: 300 },
    );
    expect(seen.overdue).toBeGreaterThan(20);
    expect(seen.recordedLateAndOverdue).toBeGreaterThan(15);
  });

  it('equals the brute-force list over complaint and talk clocks recorded late and out of order', async () => {
    const seen = { handling: 0, callback: 0, secondRound: 0, talk: 0, outOfOrder: 0 };
    const anyAction = fc.oneof({ arbitrary: complaintAction(true), weight: 3 }, { arbitrary: talkAction(true), weight: 1 });
    await fc.assert(
      fc.asyncProperty(fc.array(anyAction, { minLength: 1, maxLength: 40, size: 'max' }), querySeeds, async (actions, seed) => {
        const events = generateEvents(actions, repair('restart'), { ticket: 'inOrder', complaint: 'outOfOrder', talk: 'outOfOrder' });
        const expected = await check(events, queryFor(events, seed));
        seen.handling += expected.some((r) => r.clock === 'handling') ? 1 : 0;
        seen.callback += expected.some((r) => r.clock === 'callback') ? 1 : 0;
        seen.secondRound += expected.some((r) => r.subject === 'complaint') && events.some((e) => e.type === 'ComplaintClockStarted' && e.data.round > 1) ? 1 : 0;
        seen.talk += expected.some((r) => r.subject === 'talkObligation') ? 1 : 0;
        seen.outOfOrder += expected.length > 0 && hasOutOfOrderFacts(events) ? 1 : 0;
      }),
      { numRuns: 500 },
    );
    expect(seen.handling).toBeGreaterThan(15);
    expect(seen.callback).toBeGreaterThan(5);
    expect(seen.secondRound).toBeGreaterThan(4);
    expect(seen.talk).toBeGreaterThan(8);
    expect(seen.outOfOrder).toBeGreaterThan(4);
  });

  /**
   * Found by these properties and left out of them: the overdue model gets these wrong. Ticket
   * facts recorded out of order — the decider accepts a fact dated anywhere after the dispatch, but
   * the model keeps the first stop it was told of, and a stop never reaches the run a reassignment
   * recorded ahead of it already filed away; and two reassignments at the same instant, whose runs
   * are filed under one document id. These examples fail today; `it.failing` keeps them visible
   * and turns red once the model is fixed — then make them plain `it`s, let the ticket properties
   * back-date 'outOfOrder' and drop the generator's same-instant skip.
   */
  describe('known gaps of the overdue model', () => {
    const policy = repair('keep');
    const facts = (steps: Array<[TicketCommand, string?]>): TicketEvent[] => {
      let state: TicketState = ticketDecider.initialState;
      return steps.flatMap(([command, assigneeId = 'E-1']) => {
        const decided = ticketDecider.decide(command, state, { assignee: employee(assigneeId), calendar, policy });
        state = decided.reduce(ticketDecider.evolve, state);
        return decided;
      });
    };
    const at = (hhmmss: string) => `2026-03-02T${hhmmss}.000Z`;
    const dispatch: TicketCommand = { type: 'DispatchTicket', data: { ticketId: 'T-1', kind: 'repair', assigneeId: 'E-1', description: 'x', dispatchedAt: at('00:00:00') }, now: at('00:00:00') };

    it.failing('a cancellation dated before an acknowledgement recorded ahead of it stops the acknowledgement clock at the cancellation', async () => {
      const events = facts([
        [dispatch],
        [{ type: 'AcknowledgeTicket', data: { ticketId: 'T-1', acknowledgedAt: at('00:12:00') }, now: at('00:12:00') }],
        [{ type: 'CancelTicket', data: { ticketId: 'T-1', reason: 'x', cancelledAt: at('00:10:30') }, now: at('00:13:00') }],
      ]);
      // cancelled at 00:10:30: as of 00:11 no clock of the ticket runs (the model says the acknowledgement, until 00:12)
      expect(await fromReadModel(documentsOf(events), { asOf: at('00:11:00'), filter: {} }, stores)).toEqual({ mingo: [], sqlite: [], mongo: [] });
    });

    it.failing('two reassignments at the same instant keep both runs before them', async () => {
      const events = facts([
        [dispatch],
        [{ type: 'ReassignTicket', data: { ticketId: 'T-1', assigneeId: 'E-2', reason: 'x', reassignedAt: at('00:20:00') }, now: at('00:20:00') }, 'E-2'],
        [{ type: 'ReassignTicket', data: { ticketId: 'T-1', assigneeId: 'E-1', reason: 'back', reassignedAt: at('00:20:00') }, now: at('00:20:00') }, 'E-1'],
      ]);
      // E-1 held the acknowledgement from 00:00, due 00:10: as of 00:15 it is overdue in their hands (the
      // second reassignment's run, 00:20-00:20, overwrote the document `…@00:20` that kept it)
      const e1Late = { subject: 'ticket', subjectId: 'T-1', clock: 'acknowledgement', assigneeId: 'E-1', dueAt: at('00:10:00') };
      expect(await fromReadModel(documentsOf(events), { asOf: at('00:15:00'), filter: {} }, stores)).toEqual({ mingo: [e1Late], sqlite: [e1Late], mongo: [e1Late] });
    });

    it.failing('a resolution dated before a reassignment recorded ahead of it stops the runs the reassignment filed away', async () => {
      const events = facts([
        [dispatch],
        [{ type: 'ReassignTicket', data: { ticketId: 'T-1', assigneeId: 'E-2', reason: 'x', reassignedAt: at('00:30:00') }, now: at('00:30:00') }, 'E-2'],
        [{ type: 'ResolveTicket', data: { ticketId: 'T-1', resolvedAt: at('00:25:00'), resolution: 'done' }, now: at('00:35:00') }],
      ]);
      // resolved at 00:25: as of 00:27 nothing is overdue (the model lists acknowledgement and arrival, filed until 00:30)
      expect(await fromReadModel(documentsOf(events), { asOf: at('00:27:00'), filter: {} }, stores)).toEqual({ mingo: [], sqlite: [], mongo: [] });
    });
  });
});
