import type { EventStore, RecordedEvent } from '../../shared/event-store/event-store.port';
import { periodSubject, STAFF_SUBJECT } from '../../shared/domain/subjects';
import { asDomainEvent } from '../../shared/command-handling/handle-command';
import type { EmployeeRegistered } from '../../employees/domain/employee.events';
import { schemeForPeriod, versionForPeriod } from '../../rulebook/domain/rule-in-force';
import { loadRulebook } from '../../rulebook/load-rulebook';
import { DEFAULT_COMPANY } from '../../rulebook/domain/rulebook.types';
import type { EmployeePeriod, PeriodContext } from '../domain/period.decider';
import { entriesOf, evolvePeriodRecord, periodRecordIdOf } from '../domain/period-record';
import type { PeriodRecord } from '../domain/period-record';

/**
 * Every registered employee's period, folded straight from the event store with the same pure
 * functions the read model and the replay use. Reads the staff's registrations and the period's
 * own facts through their subjects: the cost follows the period, not the log.
 */
export async function loadPeriodCloseContext(store: EventStore, period: string, timeZone: string): Promise<PeriodContext> {
  const { versions } = await loadRulebook(store, DEFAULT_COMPANY);
  const employees = new Map<string, EmployeeRegistered['data']>();
  const records = new Map<string, PeriodRecord>();
  // page by page: a month of a large company is tens of thousands of facts, folded as they come
  for await (const recorded of bySubject(store, STAFF_SUBJECT, periodSubject(period))) {
    const event = asDomainEvent<{ type: string; data: unknown }>(recorded);
    if (event.type === 'EmployeeRegistered') employees.set((event.data as EmployeeRegistered['data']).employeeId, event.data as EmployeeRegistered['data']);
    const id = periodRecordIdOf(event);
    if (!id || !id.endsWith(`:${period}`)) continue;
    const next = evolvePeriodRecord(records.get(id) ?? null, event);
    if (next) records.set(id, next);
  }
  const inPeriod: EmployeePeriod[] = [];
  for (const employee of employees.values()) {
    const record = records.get(`${employee.employeeId}:${period}`);
    let governing: { scheme: PeriodRecord['scheme']; schemeVersion: number } | undefined = record;
    if (!governing) {
      try {
        governing = schemeForPeriod(versions, employee.position, period, timeZone);
      } catch {
        continue; // not assessed in periods of this length
      }
    }
    const { employeeId, department, position } = record ?? employee;
    inPeriod.push({ employeeId, department, position, scheme: governing.scheme, schemeVersion: governing.schemeVersion, entries: record ? entriesOf(record) : [] });
  }
  return { employees: inPeriod.sort((a, b) => a.employeeId.localeCompare(b.employeeId)), rollUp: versionForPeriod(versions, period, timeZone)?.rollUp, timeZone };
}

const PAGE = 2_000;

/** The subjects' events, a page at a time (each subject in global order). */
async function* bySubject(store: EventStore, ...subjects: string[]): AsyncGenerator<RecordedEvent> {
  for (const subject of subjects) {
    for (let after = 0; ; ) {
      const page = await store.readBySubject(subject, { afterPosition: after, maxCount: PAGE });
      yield* page;
      if (page.length < PAGE) break;
      after = page[page.length - 1].position;
    }
  }
}
