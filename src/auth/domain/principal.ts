import type { Role } from './permission-matrix';

/** Who an authenticated request acts as: bound to a credential when it is issued. */
export interface Principal {
  /** Written as the actor into every event this principal's commands append. */
  id: string;
  roles: Role[];
  /** Departments a supervisor assesses; empty for other roles. */
  departments: string[];
  /** The employee this principal is (required for the employee and panel-member roles). */
  employeeId?: string;
}
