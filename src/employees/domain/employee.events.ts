import type { DomainEvent } from '../../shared/domain/decider';
import { eventTypeList } from '../../shared/domain/decider';

export type EmployeeRegistered = DomainEvent<
  'EmployeeRegistered',
  {
    employeeId: string;
    name: string;
    department: string;
    position: string;
    /** Employee id of the supervisor who must talk with them after a penalty, if known. */
    supervisorId?: string;
    registeredAt: string;
  }
>;

export type EmployeeEvent = EmployeeRegistered;
export const employeeEventTypes = eventTypeList<EmployeeEvent['type']>()(['EmployeeRegistered']);
