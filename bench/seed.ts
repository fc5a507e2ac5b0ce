/**
 * Seeds a data directory's event store directly (not through HTTP) with the events the domain
 * appends: employees, a month of deductions per employee and month, one employee with a long
 * record, open tickets, and filler (deductions, some contested and heard, complaints) up to the
 * requested total.
 */
import { SqliteEventStore } from '../src/shared/event-store/sqlite/sqlite-event-store';
import type { NewEvent } from '../src/shared/event-store/event-store.port';
import {
  complaintReceived,
  sealedComplainant,
  deductionApplied,
  deductionContested,
  employeeRegistered,
  hearingRecorded,
  ticketDispatched,
  ticketResolved,
} from './events';
import type { BenchSizes } from './options';
import { defaultRulebook } from '../src/rulebook/default-rulebook';
import { assessApplication } from '../src/rulebook/domain/assess-application';
import type { DeductionAssessment } from '../src/deductions/domain/deduction.events';
import { nowMs } from './stats';

/** The instant the overdue query asks about: every seeded open ticket is overdue then. */
export const OVERDUE_AS_OF = '2026-11-01T00:00:00.000Z';
export const RECORD_EMPLOYEE = 'E-RECORD';
/**
 * The position of every seeded employee: property stewards, whom the default rulebook assesses
 * monthly, so closing a month seals every employee (the "a month of 10,000 employees"),
 * and whom the HTTP commands deduct from (PS-01).
 */
export const POSITIONS = ['property-steward'];
/** Appends in flight at once: group commit writes them in one transaction. */
const IN_FLIGHT = 1_000;

export interface Dataset {
  employeeIds: string[];
  departments: string[];
  months: string[];
  recordEmployeeId: string;
  /** Events whose metadata lists the record employee (their whole record). */
  recordEvents: number;
  openTickets: number;
  totalEvents: number;
  seedSeconds: number;
  eventsByType: Record<string, number>;
}

interface Append {
  stream: string;
  events: NewEvent[];
}

export async function seedEventStore(file: string, sizes: BenchSizes): Promise<Dataset> {
  const months = monthsEndingAt(2026, 10, sizes.months);
  const departments = Array.from({ length: sizes.departments }, (_, i) => `dept-${i}`);
  const employeeIds = Array.from({ length: sizes.employees }, (_, i) => `E-${String(i + 1).padStart(6, '0')}`);
  const { total, counts, seconds } = await appendAll(file, sizes.totalEvents, appends(sizes, employeeIds, departments, months));
  return {
    employeeIds,
    departments,
    months,
    recordEmployeeId: RECORD_EMPLOYEE,
    recordEvents: sizes.recordEvents,
    openTickets: sizes.openTickets,
    totalEvents: total,
    seedSeconds: seconds,
    eventsByType: counts,
  };
}

/**
 * Doubles the log without adding to the work the measured paths do: as many events again, in the
 * year before the seeded months (other periods, before the rulebook), and as many open tickets
 * again, dispatched after the overdue board's `asOf` (due by now, so the deadline watcher faces
 * twice the clocks, while the board as of `asOf` lists the same ones).
 */
export async function seedSecondHalf(file: string, sizes: BenchSizes, dataset: Dataset): Promise<{ total: number; seconds: number }> {
  const earlier = monthsEndingAt(2025, 10, sizes.months);
  return appendAll(file, sizes.totalEvents, secondHalf(sizes, dataset.employeeIds, dataset.departments, earlier));
}

async function appendAll(file: string, limit: number, source: Iterable<Append>): Promise<{ total: number; counts: Record<string, number>; seconds: number }> {
  const counts: Record<string, number> = {};
  const store = new SqliteEventStore({ file });
  const started = nowMs();
  let total = 0;
  try {
    let batch: Promise<unknown>[] = [];
    for (const { stream, events } of source) {
      for (const event of events) counts[event.type] = (counts[event.type] ?? 0) + 1;
      total += events.length;
      batch.push(store.append(stream, events, { expectedRevision: 'no_stream' }));
      if (batch.length >= IN_FLIGHT) {
        await Promise.all(batch);
        batch = [];
      }
      if (total >= limit) break;
    }
    await Promise.all(batch);
  } finally {
    await store.close();
  }
  return { total, counts, seconds: (nowMs() - started) / 1000 };
}

/** What both halves draw from: the seeded random source and the shapes of a deduction and a day. */
function seeding(employeeIds: string[], departments: string[], seed: number, prefix: string) {
  const random = mulberry32(seed);
  const departmentOf = (index: number) => departments[index % departments.length];
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const dayIn = (month: string) => `${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}T02:00:00.000Z`;
  let deductions = 0;
  const deduction = (employeeIndex: number, month: string) => {
    const deductionId = `${prefix}-${String(++deductions).padStart(8, '0')}`;
    const position = POSITIONS[employeeIndex % POSITIONS.length];
    return deductionApplied({
      deductionId,
      employeeId: employeeIds[employeeIndex],
      department: departmentOf(employeeIndex),
      position,
      reason: 'late for the weekly patrol of building 3',
      ...assessed(position, dayIn(month), pick),
    });
  };
  return { random, departmentOf, pick, dayIn, deduction, prefix };
}

function* appends(sizes: BenchSizes, employeeIds: string[], departments: string[], months: string[]): Generator<Append> {
  const seed = seeding(employeeIds, departments, 6, 'D');
  const { departmentOf, dayIn, deduction } = seed;

  for (const [index, employeeId] of employeeIds.entries()) {
    yield { stream: `employee-${employeeId}`, events: [employeeRegistered(registration(employeeId, departmentOf(index), POSITIONS[index % POSITIONS.length]))] };
  }
  for (const month of months) {
    for (let e = 0; e < employeeIds.length; e++) {
      const event = deduction(e, month);
      yield { stream: `deduction-${event.data.deductionId}`, events: [event] };
    }
  }

  // one employee whose record holds `recordEvents` events: deductions and resolved tickets
  yield { stream: `employee-${RECORD_EMPLOYEE}`, events: [employeeRegistered(registration(RECORD_EMPLOYEE, departments[0], POSITIONS[2]))] };
  for (let left = sizes.recordEvents - 1, n = 0; left > 0; n++) {
    const month = months[n % months.length];
    if (n % 2 === 1 && left >= 2) {
      const ticketId = `T-R-${n}`;
      const dispatchedAt = dayIn(month);
      const dispatched = ticketDispatched({ ticketId, kind: 'repair', assigneeId: RECORD_EMPLOYEE, department: departments[0], description: 'Water leak in building 3', dispatchedAt, resolveBy: plusHours(dispatchedAt, 8) });
      const resolved = ticketResolved({ ticketId, assigneeId: RECORD_EMPLOYEE, resolvedAt: plusHours(dispatchedAt, 4), resolution: 'fixed the valve', late: false });
      yield { stream: `ticket-${ticketId}`, events: [dispatched, resolved] };
      left -= 2;
    } else {
      const deductionId = `D-R-${n}`;
      const event = deductionApplied({ deductionId, employeeId: RECORD_EMPLOYEE, department: departments[0], position: POSITIONS[2], ruleCode: 'RT-11', points: 0.5, occurredAt: dayIn(month), reason: 'repair not reported back' });
      yield { stream: `deduction-${deductionId}`, events: [event] };
      left -= 1;
    }
  }

  yield* openTickets(seed, sizes.openTickets, employeeIds, '2026-10', 'T');
  yield* filler(seed, employeeIds, months);
}

function* secondHalf(sizes: BenchSizes, employeeIds: string[], departments: string[], months: string[]): Generator<Append> {
  const seed = seeding(employeeIds, departments, 7, 'D-G');
  // dispatched after OVERDUE_AS_OF (2026-11-01), due by now
  yield* openTickets(seed, sizes.openTickets, employeeIds, '2026-11', 'T-G');
  yield* filler(seed, employeeIds, months);
}

/** Open tickets dispatched in the month, 8 hours to resolve: each a running clock. */
function* openTickets(seed: ReturnType<typeof seeding>, count: number, employeeIds: string[], month: string, prefix: string): Generator<Append> {
  for (let t = 0; t < count; t++) {
    const assignee = t % employeeIds.length;
    const ticketId = `${prefix}-${String(t + 1).padStart(8, '0')}`;
    const dispatchedAt = `${month}-${String(2 + (t % 27)).padStart(2, '0')}T${String(t % 14).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}:00.000Z`;
    const event = ticketDispatched({ ticketId, kind: 'repair', assigneeId: employeeIds[assignee], department: seed.departmentOf(assignee), description: 'Broken door closer, unit 2', dispatchedAt, resolveBy: plusHours(dispatchedAt, 8) });
    yield { stream: `ticket-${ticketId}`, events: [event] };
  }
}

/** Filler without end (the caller stops at its total): deductions, every tenth contested and heard, and complaints. */
function* filler(seed: ReturnType<typeof seeding>, employeeIds: string[], months: string[]): Generator<Append> {
  const { random, pick, dayIn, deduction } = seed;
  for (let j = 0; ; j++) {
    const e = Math.floor(random() * employeeIds.length);
    const month = pick(months);
    if (j % 20 === 19) {
      const complaintId = `C-${seed.prefix}-${String(j).padStart(8, '0')}`;
      const receivedAt = dayIn(month);
      yield {
        stream: `complaint-${complaintId}`,
        events: [
          complaintReceived({
            complaintId,
            channel: 'hotline',
            complainant: sealedComplainant(complaintId),
            subject: 'service attitude',
            description: 'The steward hung up on me.',
            severity: 'normal',
            receivedAt,
            concernsEmployeeIds: [employeeIds[e]],
          }),
        ],
      };
      continue;
    }
    const applied = deduction(e, month);
    const events: NewEvent[] = [applied];
    if (j % 10 === 9) {
      const { deductionId, employeeId, occurredAt, points: originalPoints } = applied.data;
      const period = applied.data.assessment?.period;
      events.push(deductionContested({ deductionId, employeeId, deductionOccurredAt: occurredAt, reason: 'I was on approved leave', contestedAt: plusHours(occurredAt, 24), ...(period ? { period } : {}) }));
      events.push(
        hearingRecorded({
          deductionId,
          employeeId,
          deductionOccurredAt: occurredAt,
          panel: ['E-P1', 'E-P2', 'E-P3'],
          outcome: originalPoints >= 1 ? 'reduced' : 'upheld',
          originalPoints,
          pointsInForce: originalPoints >= 1 ? 0.5 : originalPoints,
          reasoning: 'leave was approved late',
          heardAt: plusHours(occurredAt, 72),
          ...(period ? { period } : {}),
        }),
      );
    }
    yield { stream: `deduction-${applied.data.deductionId}`, events };
  }
}

const FIXED_DEDUCTIONS = new Map(
  POSITIONS.map((position) => [
    position,
    defaultRulebook.rules.filter((rule) => rule.effect === 'deduction' && rule.shape.kind === 'fixed' && rule.positions.includes(position)).map((rule) => rule.code),
  ]),
);

/**
 * A deduction as `POST /deductions` applies it: under the default rulebook where it is in force
 * (a rule of the employee's position, its points and the assessment that places it in a period,
 * so a close finds it), taken as given before.
 */
function assessed(position: string, occurredAt: string, pick: <T>(list: T[]) => T): { ruleCode: string; points: number; occurredAt: string; assessment?: DeductionAssessment } {
  if (occurredAt < defaultRulebook.effectiveFrom.slice(0, 10)) return { ruleCode: 'PS-01', points: 2, occurredAt };
  const ruleCode = pick(FIXED_DEDUCTIONS.get(position) ?? []);
  const { points, assessment } = assessApplication([defaultRulebook], position, { ruleCode, effect: 'deduction', occurredAt }, 'Asia/Shanghai');
  return { ruleCode, points, occurredAt, assessment: { ...assessment, appeals: defaultRulebook.appeals ?? { windowDays: 15 } } };
}

function registration(employeeId: string, department: string, position: string) {
  return { employeeId, name: `Employee ${employeeId}`, department, position, registeredAt: '2025-10-01T00:00:00.000Z' };
}

function monthsEndingAt(year: number, month: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

function plusHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

/** A small seeded PRNG, so every run stores the same dataset. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
