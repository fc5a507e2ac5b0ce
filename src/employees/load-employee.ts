import type { EventStore } from '../shared/event-store/event-store.port';
import { streamName } from '../shared/event-store/event-store.port';
import { asDomainEvent } from '../shared/command-handling/handle-command';
import { employeeDecider } from './domain/employee.decider';
import type { EmployeeState } from './domain/employee.decider';
import type { EmployeeEvent } from './domain/employee.events';

export const employeeStream = (employeeId: string) => streamName('employee', employeeId);

/** The employee as registered, read straight from their stream (consistent, not a read model). */
export async function loadEmployee(store: EventStore, employeeId: string): Promise<EmployeeState> {
  const events = await store.readStream(employeeStream(employeeId));
  return events.map(asDomainEvent<EmployeeEvent>).reduce(employeeDecider.evolve, employeeDecider.initialState);
}
